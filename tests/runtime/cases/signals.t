# Ctrl-C (SIGINT) and SIGHUP end tracing like SIGTERM: END runs, the maps
# are printed, exit 0; a -c command still running is stopped.
prog: wait
--- script
for sig in INT HUP; do
	rm -f out
	$GOTRACE -e 'uprobe:'$PROG':main.tick { @ticks = count(); } END { printf("end\n"); }' -c "$PROG 400" > out &
	tracer=$!
	sleep 1
	kill -$sig $tracer
	wait $tracer
	echo "$sig: status $?"
	head -2 out
	grep -c '^@ticks: [1-9]' out
	pgrep -f "^$PROG 400" || echo "command stopped"
done
--- stdout
INT: status 0
Attaching 2 probes...
end
1
command stopped
HUP: status 0
Attaching 2 probes...
end
1
command stopped
