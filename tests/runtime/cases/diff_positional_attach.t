# Differential: positional parameters inside attach points, uprobe:$1:$2.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:$1:$2 { @[reg("ax")] = count(); } uprobe:$1:main.$3 { @n = count(); }' -c $PROG $PROG main.pair name
--- stdout
same
Attaching 2 probes...


@[1]: 1
@[2]: 5
@[3]: 15
@[4]: 34
@n: 15
