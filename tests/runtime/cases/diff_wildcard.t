# Differential: a wildcard in the function name; every match attached and
# counted (the program's path masked).
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff --filter "s|$PROG|PROG|g" -e 'uprobe:'$PROG':main.*a* { @[probe] = count(); }' -c $PROG
--- stdout
same
Attaching 4 probes...


@[uprobe:PROG:main.main]: 1
@[uprobe:PROG:main.name]: 15
@[uprobe:PROG:main.val]: 25
@[uprobe:PROG:main.pair]: 55
