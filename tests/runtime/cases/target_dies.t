# The -c command ends on its own: when a signal kills it, gotrace says
# which on stderr and exits 128 + N, as shells do; a non-zero exit status
# is said and becomes gotrace's; exit 0 is not said. END and the maps come
# all the same. (gotrace used to say nothing and exit 0.) dies calls
# tick() 3 times, then: SIGSEGV by the default action, SIGABRT from the Go
# runtime's crash after a traceback (sent to itself, or after a nil
# pointer write), SIGKILL, os.Exit(3), or nothing. A Ctrl-C in a terminal
# reaches gotrace and its command alike (one process group): the command
# dies of SIGINT, but gotrace was told to stop: exit 0, nothing said.
prog: dies
prog: wait
--- script
for how in segv abort nil kill exit3 ok; do
	$GOTRACE -q -e 'uprobe:'$PROG':main.tick { @ticks = count(); } END { printf("end\n"); }' -c "$PROG $how" >out 2>err
	echo "$how: exit $?: $(grep '^gotrace' err)"
	grep -v '^$' out
done
setsid $GOTRACE -q -e 'uprobe:'$PROG_wait':main.tick { @ticks = count(); }' -c "$PROG_wait 500" >out 2>err &
sleep 0.5
kill -INT -- -$!
wait $!
echo "Ctrl-C: exit $?: $(cat err) $(grep -c '^@ticks: [1-9]' out)"
--- stdout
segv: exit 139: gotrace: the traced program was killed by SIGSEGV
end
@ticks: 3
abort: exit 134: gotrace: the traced program was killed by SIGABRT
end
@ticks: 3
nil: exit 134: gotrace: the traced program was killed by SIGABRT
end
@ticks: 3
kill: exit 137: gotrace: the traced program was killed by SIGKILL
end
@ticks: 3
exit3: exit 3: gotrace: the traced program exited with status 3
end
@ticks: 3
ok: exit 0: 
end
@ticks: 3
Ctrl-C: exit 0:  1
