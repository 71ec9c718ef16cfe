# Lost events in JSON: {"type": "lost_events", "data": {"events": N}}, and
# every event printed or counted (see cli_lost).
prog: spin
--- script
$GOTRACE -f json --strlen 1024 -e 'uprobe:'$PROG':main.tick { printf("%d %s %s %s %s\n", goarg(0), str(0), str(0), str(0), str(0)); }' -c "$PROG 20000" 2>/dev/null | (sleep 1; cat >out)
head -1 out
printed=$(grep -c '"type": "printf"' out)
lost=$(sed -nE 's/^\{"type": "lost_events", "data": \{"events": ([0-9]+)\}\}$/\1/p' out | awk '{ s += $1 } END { print s + 0 }')
[ "$lost" -gt 0 ] && echo "some lost"
echo "printed + lost = $((printed + lost))"
tail -1 out | sed -E 's/[0-9]+/N/'
--- stdout
{"type": "attached_probes", "data": {"probes": 1}}
some lost
printed + lost = 20000
{"type": "lost_events", "data": {"events": N}}
