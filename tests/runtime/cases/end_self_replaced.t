# END runs when gotrace's own file is deleted, or replaced (as a package
# upgrade does: a new file renamed over it), while it traces: BEGIN and END
# are run with BPF_PROG_RUN, nothing is attached to gotrace's file.
prog: wait
--- script
for how in delete replace; do
	cp "$GOTRACE" ./gt-copy
	./gt-copy -e 'BEGIN { printf("begin %s\n", probe); } uprobe:'$PROG':main.tick { @ticks = count(); } END { printf("end %s\n", probe); }' -c "$PROG 1000" >out &
	tracer=$!
	for i in $(seq 100); do grep -q '^begin' out && break; sleep 0.05; done
	sleep 0.2
	case $how in
	delete) rm ./gt-copy ;;
	replace) cp /bin/true ./gt-new && mv ./gt-new ./gt-copy ;;
	esac
	kill -INT $tracer
	wait $tracer
	echo "$how: status $?"
	grep -v '^@ticks' out
	grep -c '^@ticks: [1-9]' out
done
--- stdout
delete: status 0
Attaching 3 probes...
begin BEGIN
end END


1
replace: status 0
Attaching 3 probes...
begin BEGIN
end END


1
