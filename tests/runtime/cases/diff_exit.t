# Differential: exit() from a uprobe ends the trace: END runs, the maps
# print. (bpftrace acts on exit() asynchronously, so the probe stops
# counting itself once it has asked to exit.)
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.pair /@done == 0/ { @n = count(); if (reg("ax") == 3) { @done = 1; exit(); } } END { printf("end\n"); }' -c $PROG
--- stdout
same
Attaching 2 probes...
end


@done: 1
@n: 7
