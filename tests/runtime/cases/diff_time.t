# Differential: time() and strftime(), with the clock digits masked.
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff --filter 's/[0-9]/N/g' -e 'BEGIN { time("%H:%M:%S\n"); time("%Y-%m-%d "); printf("%s|\n", strftime("%H:%M", nsecs)); printf("[%s]\n", strftime("%S", 0)); exit(); }'
--- stdout
same
Attaching N probe...
NN:NN:NN
NNNN-NN-NN NN:NN|
[NN]


