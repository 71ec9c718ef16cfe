# -v says what was attached (on stderr); the program's output is unchanged.
prog: vals
run: $GOTRACE -v -e 'uprobe:'$PROG':main.val, uprobe:'$PROG':main.pair { @[func] = count(); }' -c $PROG
--- stdout
Attaching 2 probes...


@[main.val]: 25
@[main.pair]: 55
--- stderr-re
attached 2 uprobes in .*/vals with one link
4078149176
