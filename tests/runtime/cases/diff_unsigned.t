# Differential: comparisons of an unsigned value (reg() is uint64) with a
# signed literal are unsigned, as in C and bpftrace: the negative arguments
# of val(x) are huge unsigned numbers; a cast to int64 makes them signed.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.val { @gt5[reg("ax") > 5] = count(); @lt5[reg("ax") < 5 ? "lt" : "ge"] = count(); @neg[(int64)reg("ax") < 0] = count(); if (reg("ax") >= 1000) { @big = count(); } }' -c $PROG
--- stdout
same
Attaching 1 probe...


@big: 12
@gt5[0]: 6
@gt5[1]: 19
@lt5[lt]: 5
@lt5[ge]: 20
@neg[1]: 3
@neg[0]: 22
