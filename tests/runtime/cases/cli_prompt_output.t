# Output reaches a pipe, or a file (-o), within a second while the traced
# program idles: the banner when tracing starts (not with the first event,
# which comes 1.5 s later), an event's line soon after the event (the ring
# is drained on a timer; probes do not wake gotrace per event), long before
# the program ends 2 s later.
prog: idle
--- script
start=$(date +%s%N)
$GOTRACE -e 'uprobe:'$PROG':main.ping { printf("ping %d\n", goarg(0)); }' -c "$PROG $PWD/called" |
	while IFS= read -r line; do echo "$(date +%s%N) $line"; done >arrivals
awk -v start=$start -v called=$(cat called) '
	/Attaching/ { print "pipe: banner within 1 s of the start:", ($1 - start < 1e9) ? "yes" : "no, " ($1 - start) / 1e6 " ms" }
	/ping 1/ { print "pipe: event within 1 s of the call:", ($1 - called < 1e9) ? "yes" : "no, " ($1 - called) / 1e6 " ms" }' arrivals
start=$(date +%s%N)
$GOTRACE -o out -e 'uprobe:'$PROG':main.ping { printf("ping %d\n", goarg(0)); }' -c "$PROG $PWD/called2" >/dev/null &
tracer=$!
banner=0 event=0
while [ "$event" = 0 ] && kill -0 $tracer 2>/dev/null; do
	[ "$banner" = 0 ] && grep -q '^Attaching' out 2>/dev/null && banner=$(date +%s%N)
	grep -q '^ping 1' out 2>/dev/null && event=$(date +%s%N)
	sleep 0.01
done
wait $tracer
echo "file: banner within 1 s of the start: $([ "$banner" != 0 ] && [ $((banner - start)) -lt 1000000000 ] && echo yes || echo no)"
echo "file: event within 1 s of the call: $([ "$event" != 0 ] && [ $((event - $(cat called2))) -lt 1000000000 ] && echo yes || echo no)"
--- stdout
pipe: banner within 1 s of the start: yes
pipe: event within 1 s of the call: yes
file: banner within 1 s of the start: yes
file: event within 1 s of the call: yes
