# Differential: the ternary operator as a key, a value and a string.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.val { $x = (int64)reg("ax"); @k[$x < 10 ? 1 : ($x < 5000 ? 2 : 3)] = count(); @v = sum($x > 0 ? 1 : 0); @s[$x % 2 == 0 ? "even" : "odd"] = count(); }' -c $PROG
--- stdout
same
Attaching 1 probe...


@k[3]: 6
@k[2]: 8
@k[1]: 11
@s[odd]: 8
@s[even]: 17
@v: 20
