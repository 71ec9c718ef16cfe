# Lost events are said on stderr while they happen, at most once a second
# ("N events lost in the last second"), and in all at exit; the output
# keeps bpftrace's "Lost N events" line. spin calls tick() 150000 times in
# about 3 s, each call a 4 KiB event; the output's reader (one cat) is
# stopped for 0.3 s, runs for 0.05 s, and again, so gotrace's writes block
# and the ring buffer overflows over and over. (A cat killed by timeout
# would lose what it had read and not yet written.) Every event is printed or counted; the
# per-second reports add up to the total, or less (the last part of a
# second is only in the total).
prog: spin
--- script
$GOTRACE --strlen 1024 -e 'uprobe:'$PROG':main.tick { printf("%d %s %s %s %s\n", goarg(0), str(0), str(0), str(0), str(0)); }' -c "$PROG 150000" 2>err |
	{ cat >out & c=$!
	  while kill -STOP $c 2>/dev/null && ! grep -q ') Z' /proc/$c/stat 2>/dev/null; do
		sleep 0.3; kill -CONT $c 2>/dev/null; sleep 0.05
	  done; kill -CONT $c 2>/dev/null; wait $c; }
printed=$(grep -cE '^[0-9]+ +$' out)
lost=$(sed -nE 's/^Lost ([0-9]+) events$/\1/p' out)
echo "printed + lost = $((printed + lost))"
grep '^gotrace' err | sed -E 's/[0-9]+/N/' | uniq -c | sed -E 's/^ *[2-9] /  several /; s/^ *1 /  one /'
persec=$(sed -nE 's/^gotrace: ([0-9]+) events lost in the last second.*/\1/p' err | awk '{ s += $1 } END { print s }')
all=$(sed -nE 's/^gotrace: ([0-9]+) events lost in all.*/\1/p' err)
[ "$all" = "$lost" ] && echo "in all: as on stdout"
[ "$persec" -gt 0 ] && [ "$persec" -le "$lost" ] && echo "per second: up to the total"
--- stdout
printed + lost = 150000
  several gotrace: N events lost in the last second (the ring buffer was full)
  one gotrace: N events lost in all: the ring buffer was full (gotrace did not read it as fast as the probes wrote)
in all: as on stdout
per second: up to the total
