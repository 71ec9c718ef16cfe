# Differential: count, sum, avg, min, max and stats over signed values
# (val(x): 25 calls, x from -5000 to 3000000000), as bpftrace 0.17 prints them.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.val { $x = (int64)reg("ax"); @c = count(); @s = sum($x); @a = avg($x); @mn = min($x); @mx = max($x); @st = stats($x); @neg = sum($x < 0 ? $x : 0); @nc = count(); }' -c $PROG
--- stdout
same
Attaching 1 probe...


@a: 163120277

@c: 25
@mn: -5000
@mx: 3000000000
@nc: 25
@neg: -5004
@s: 4078006946
@st: count 25, average 163120277, total 4078006946

