# Differential: several attach points sharing one body; probe names the one
# that fired (the program's path masked).
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff --filter "s|$PROG|PROG|g" -e 'uprobe:'$PROG':main.val, uprobe:'$PROG':main.pair, uprobe:'$PROG':main.point { @[probe] = count(); @all = count(); if (reg("ax") == 4 && reg("bx") == 3) { printf("%s\n", probe); } }' -c $PROG
--- stdout
same
Attaching 3 probes...
uprobe:PROG:main.pair
uprobe:PROG:main.pair
uprobe:PROG:main.pair
uprobe:PROG:main.pair
uprobe:PROG:main.pair
uprobe:PROG:main.pair
uprobe:PROG:main.pair
uprobe:PROG:main.pair
uprobe:PROG:main.pair


@[uprobe:PROG:main.point]: 2
@[uprobe:PROG:main.val]: 25
@[uprobe:PROG:main.pair]: 55
@all: 82
