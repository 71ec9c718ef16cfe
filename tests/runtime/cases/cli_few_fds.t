# With few file descriptors (ulimit -n 4 to 24) every step that needs one
# can fail: each failure is one sentence and exit 1, never a crash or a
# silent exit. Among them: counting the possible CPUs (libbpf reads a
# file) and the pipe that starts the -c command.
--- script
for n in $(seq 4 24); do
	bash -c "ulimit -n $n; exec $GOTRACE -q -e 'BEGIN { }' -c true" 2>err
	rc=$?
	[ $rc -le 1 ] || echo "ulimit -n $n: exit $rc"
	[ $rc = 0 ] || [ -s err ] || echo "ulimit -n $n: exit $rc and nothing said"
	cat err
done | sort -u
--- stdout-has
gotrace: cannot count the possible CPUs: Too many open files
gotrace: cannot start 'true': Too many open files
gotrace: loading the program of 'BEGIN' failed: Too many open files
--- stdout-lacks
ulimit -n
verifier
