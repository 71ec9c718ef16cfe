# -p's process ends on its own: gotrace learns how from the kernel (the
# process is not its child), says so and exits as for -c (target_dies).
# dies waits for a line on its stdin before it calls tick() 3 times and
# dies. Its parent either collects its status at once (bash: the kernel
# keeps the status for a pidfd, PIDFD_GET_INFO) or never (exec sleep: it
# stays a zombie, whose status /proc/PID/stat shows).
prog: dies
--- script
run() { # PARENT HOW
	rm -f in ready out err; mkfifo in
	if [ $1 = bash ]; then
		$PROG wait $2 <in >ready 2>/dev/null &
		pid=$!
	else
		bash -c "$PROG wait $2 <in >ready 2>/dev/null & echo \$! >pid; exec sleep 3" &
		until [ -s pid ]; do sleep 0.01; done
		pid=$(cat pid); rm pid
	fi
	exec 7>in
	until grep -q ready ready; do sleep 0.01; done
	$GOTRACE -v -q -e 'uprobe:'$PROG':main.tick { @ticks = count(); }' -p $pid >out 2>err &
	tracer=$!
	until grep -q '^attached' err; do sleep 0.01; done
	echo >&7; exec 7>&-
	wait $tracer
	echo "$1 $2: exit $?: $(grep '^gotrace' err) $(grep -c '^@ticks: 3$' out)"
}
for how in segv abort kill exit3 ok; do
	run bash $how
	run zombie $how
done 2>/dev/null
--- stdout
bash segv: exit 139: gotrace: the traced program was killed by SIGSEGV 1
zombie segv: exit 139: gotrace: the traced program was killed by SIGSEGV 1
bash abort: exit 134: gotrace: the traced program was killed by SIGABRT 1
zombie abort: exit 134: gotrace: the traced program was killed by SIGABRT 1
bash kill: exit 137: gotrace: the traced program was killed by SIGKILL 1
zombie kill: exit 137: gotrace: the traced program was killed by SIGKILL 1
bash exit3: exit 3: gotrace: the traced program exited with status 3 1
zombie exit3: exit 3: gotrace: the traced program exited with status 3 1
bash ok: exit 0:  1
zombie ok: exit 0:  1
