# gccgo's goroutines move between threads too: libgo parks a goroutine by
# switching contexts, and it may wake on another thread. A kernel return
# probe keeps its hijacked return address per thread, so a goroutine that
# slept in nap() returned into the uprobe trampoline on a thread that had
# none: SIGILL, the program dies (nearly every run). gotrace puts return
# probes on gccgo functions' RET instructions, as on gc's: all 100 returns
# of nap() (20 goroutines x 5, each sleeping 10 ms) are seen, each with
# its result, and the program ends normally.
prog: sleepy gccgo
needs: gccgo
--- script
$GOTRACE -q -e 'uretprobe:'$PROG':main.nap { @returns = count(); @sum = sum(retval); }' -c $PROG >out 2>err
echo "status $?"
cat out
grep -c SIGILL err || true
--- stdout
status 0


@returns: 100
@sum: 9700
0
