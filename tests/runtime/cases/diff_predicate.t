# Differential: predicates with &&, || and !, on arguments and comm.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.pair /reg("ax") == 4 || reg("bx") == 1/ { @or = count(); } uprobe:'$PROG':main.pair /reg("ax") > 2 && reg("bx") > 2/ { @and = count(); } uprobe:'$PROG':main.pair /!(reg("ax") == 3)/ { @not = count(); } uprobe:'$PROG':main.val /comm != "vals"/ { printf("never\n"); } uprobe:'$PROG':main.val /comm == "vals"/ { @vals = count(); }' -c $PROG
--- stdout
same
Attaching 5 probes...


@and: 25
@not: 40
@or: 41
@vals: 25
