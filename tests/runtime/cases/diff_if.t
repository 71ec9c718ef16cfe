# Differential: if / else if / else, nested, in a probe body.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.val { $x = (int64)reg("ax"); if ($x < 0) { @sign["negative"] = count(); } else if ($x == 0) { @sign["zero"] = count(); } else { if ($x < 1000) { @sign["small"] = count(); } else { @sign["large"] = count(); } } if ($x > 100) { printf("%ld is big\n", $x); } }' -c $PROG
--- stdout
same
Attaching 1 probe...
999 is big
1000 is big
1024 is big
2048 is big
5000 is big
65536 is big
1048576 is big
3145728 is big
1073741824 is big
3000000000 is big


@sign[zero]: 2
@sign[negative]: 3
@sign[large]: 9
@sign[small]: 11
