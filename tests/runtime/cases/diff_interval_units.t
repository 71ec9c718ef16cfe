# Differential: interval in s, ms, us and hz; each fires (or, for s, does
# not fire before the exit at 60 ms).
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'interval:us:20000 { @us = 1; } interval:hz:40 { @hz = 2; } interval:ms:30 { @ms++; if (@ms == 2) { exit(); } } interval:s:1 { printf("never\n"); }'
--- stdout
same
Attaching 4 probes...


@hz: 2
@ms: 2
@us: 1
