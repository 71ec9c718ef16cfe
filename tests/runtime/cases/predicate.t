# A predicate: only calls whose first argument is above 2.
prog: loop
run: $GOTRACE -e 'uprobe:'$PROG':main.f /goarg(0) > 2/ { @big = count(); } uprobe:'$PROG':main.g /goarg(0) >= 500 && goarg(0) != 700/ { @g = count(); }' -c $PROG
--- stdout
Attaching 2 probes...


@big: 400
@g: 4
