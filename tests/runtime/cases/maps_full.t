# A map that is full drops updates: they are counted at the place of the
# update and said at exit with the map's name, how many were dropped and
# how to raise the limit (before: len() stayed 4096 and nothing was said).
# spin calls tick(i) for 5000 values of i: a count() map (per-CPU,
# preallocated) takes 4,096 keys and drops 904 new ones; a plain map
# (allocated as keys come) too, or more when the kernel's allocation cache
# runs dry under load ("Cannot allocate memory"): its keys and its dropped
# updates make 5000 all the same. GOTRACE_MAP_KEYS_MAX=8192 makes room for
# all. -k says each dropped update as it happens.
prog: spin
--- file full.gt
uprobe:$1:main.tick {
  @counts[goarg(0)] = count();
  @last[goarg(0)] = goarg(0);
}
END { printf("%d %d keys\n", len(@counts), len(@last)); clear(@counts); clear(@last); }
--- script
$GOTRACE -q full.gt $PROG -c "$PROG 5000" >out 2>err
echo "exit $?"
grep -v '^$' out | cut -d' ' -f1
grep -v '^12502500$' err | grep -v '^$' | head -4
last=$(awk '{ print $2 }' out | grep -v '^$')
dropped=$(sed -nE 's/.*@last: ([0-9]+) updates? dropped.*/\1/p' err)
echo "@last: $((last + dropped)) keys and dropped updates"
GOTRACE_MAP_KEYS_MAX=8192 $GOTRACE -q full.gt $PROG -c "$PROG 5000" 2>err | grep -v '^$'
grep -v '^12502500$' err
$GOTRACE -q -f json full.gt $PROG -c "$PROG 5000" 2>/dev/null | grep '"@counts"'
$GOTRACE -q -k full.gt $PROG -c "$PROG 5000" 2>&1 >/dev/null | grep '@counts: update dropped' | sort | uniq -c
--- stdout
exit 0
4096
full.gt:2:3: warning: @counts: 904 updates dropped: the map is full
  @counts[goarg(0)] = count();
  ^~~~~~~~~~~~~~~~~
hint: the map holds at most 4096 entries; GOTRACE_MAP_KEYS_MAX=N raises the limit of a map's keys
@last: 5000 keys and dropped updates
5000 5000 keys
{"type": "map_updates_dropped", "data": {"at": "full.gt:2:3", "map": "@counts", "updates": 5000, "dropped": 904, "max_entries": 4096, "error": "the map is full"}}
    904 full.gt:2:3: @counts: update dropped: the map is full
