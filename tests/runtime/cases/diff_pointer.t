# Differential: pointer reads of user memory, *(type *)(addr), of each
# field of the struct point() receives: T{A: -2, B: 300, C: 'g', D: 70000}.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.point { $p = reg("ax"); printf("%ld %d %c %d\n", *(int64 *)$p, *(uint16 *)($p + 8), *(uint8 *)($p + 10), *(int32 *)($p + 12)); @a = sum(*(int64 *)$p); @b[*(uint8 *)($p + 10)] = count(); }' -c $PROG
--- stdout
same
Attaching 1 probe...
-2 300 g 70000
-2 300 g 70000


@a: -4
@b[103]: 2
