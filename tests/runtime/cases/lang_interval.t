# interval:s:1 fires once a second, interval:us:N every N microseconds:
# after the first second, elapsed is about 1e9 and the us probe has fired
# many times. (@us is cleared at the end: empty maps are not printed.)
run: $GOTRACE -q -e 'interval:us:50000 { @us++; } interval:s:1 { printf("%d %d\n", elapsed >= 900000000 && elapsed < 1500000000, @us >= 10 && @us <= 25); exit(); } END { clear(@us); }'
--- stdout
1 1


