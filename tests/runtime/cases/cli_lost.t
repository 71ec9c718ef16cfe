# Lost events are counted and reported: spin calls tick() 20000 times, each
# call sends a 4 KiB printf event, and gotrace's output pipe is not read
# for a second, so the ring buffer (2 MiB) overflows. Every event is either
# printed or counted as lost.
prog: spin
--- script
$GOTRACE --strlen 1024 -e 'uprobe:'$PROG':main.tick { printf("%d %s %s %s %s\n", goarg(0), str(0), str(0), str(0), str(0)); }' -c "$PROG 20000" 2>/dev/null | (sleep 1; cat >out)
printed=$(grep -cE '^[0-9]+ +$' out)
lost=$(sed -nE 's/^Lost ([0-9]+) events$/\1/p' out | awk '{ s += $1 } END { print s + 0 }')
[ "$lost" -gt 0 ] && echo "some lost"
echo "printed + lost = $((printed + lost))"
tail -1 out | sed -E 's/[0-9]+/N/'
--- stdout
some lost
printed + lost = 20000
Lost N events
