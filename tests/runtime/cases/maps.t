# count, sum, map keys, in bpftrace's layout and order: f(x) is called 1000
# times with x = i % 5, g(x) ten times with x = 0, 100, ..., 900.
prog: loop
run: $GOTRACE -e 'uprobe:'$PROG':main.f { @calls = count(); @total = sum(goarg(0)); @by[comm] = count(); } uprobe:'$PROG':main.g { @[goarg(0) < 200 ? 1 : (goarg(0) < 500 ? 2 : 3)] = count(); }' -c $PROG
--- stdout
Attaching 2 probes...


@[1]: 2
@[2]: 3
@[3]: 5
@by[loop]: 1000
@calls: 1000
@total: 2000
