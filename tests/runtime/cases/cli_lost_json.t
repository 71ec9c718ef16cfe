# Lost events in JSON: {"type": "lost_events", "data": {"events": N}}, and
# every event printed or counted (see cli_lost). The reads of str(0) all
# fail: each of the four places is a read_errors object at the end (its
# column depends on $PROG's path).
prog: spin
--- script
$GOTRACE -f json --strlen 1024 -e 'uprobe:'$PROG':main.tick { printf("%d %s %s %s %s\n", goarg(0), str(0), str(0), str(0), str(0)); }' -c "$PROG 20000" 2>/dev/null | (sleep 1; cat >out)
head -1 out
printed=$(grep -c '"type": "printf"' out)
lost=$(sed -nE 's/^\{"type": "lost_events", "data": \{"events": ([0-9]+)\}\}$/\1/p' out | awk '{ s += $1 } END { print s + 0 }')
[ "$lost" -gt 0 ] && echo "some lost"
echo "printed + lost = $((printed + lost))"
grep lost_events out | sed -E 's/[0-9]+/N/'
grep read_errors out | sed -E 's/stdin:1:[0-9]+/stdin:1:COL/' | uniq -c
--- stdout
{"type": "attached_probes", "data": {"probes": 1}}
some lost
printed + lost = 20000
{"type": "lost_events", "data": {"events": N}}
      4 {"type": "read_errors", "data": {"at": "stdin:1:COL", "what": "str", "reads": 20000, "failed": 20000, "error": "Bad address"}}
