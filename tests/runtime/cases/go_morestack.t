# Entry probes fire once per call, also when the call grows the stack: 100
# goroutines each call big(i) once, whose 64 KiB frame does not fit a new
# goroutine's stack, so its prologue calls morestack and the function starts
# again from its entry (go_morestack_bpftrace.t shows a probe on the entry
# itself firing 200 times). gotrace probes after the stack check: 100 calls,
# and goarg(0) there is still i (0 + 1 + ... + 99 = 4950).
prog: go_morestack
--- script
$GOTRACE -q -e 'uprobe:'$PROG':main.big { @calls = count(); @sum = sum(goarg(0)); }' -c $PROG
echo "status $?"
--- stdout


@calls: 100
@sum: 4950
status 0
--- stderr
total 835593900
