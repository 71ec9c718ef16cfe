# Return probes never crash a Go program: 200 goroutines each recurse 51
# calls deep through main.deep, whose 1 KiB frames make their stacks grow
# and move while returns are pending. gotrace's return probe is a uprobe on
# each RET of deep (no return address is replaced), so the program ends
# normally (status 0, "total 10000") and every return is seen with its
# results by the register ABI: (n, "done", true) -> 10200 returns, the n's
# sum to 200 * (0 + ... + 50) = 255000, every string is "done" and every
# bool true. (go_uretprobe_bpftrace.t shows a kernel uretprobe killing it.)
prog: stackgrow
--- script
$GOTRACE -q -e 'uretprobe:'$PROG':main.deep {
	@returns = count();
	@sum = sum(goret(0));
	if (gostr(goret(1), goret(2)) == "done") { @done = count(); }
	if ((uint8)goret(3) == 1) { @true = count(); }
}' -c $PROG
echo "status $?"
--- stdout


@done: 10200
@returns: 10200
@sum: 255000
@true: 10200
status 0
--- stderr
total 10000
