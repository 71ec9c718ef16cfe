# A map that is full drops updates: they are counted at the place of the
# update and said at exit with the map's name, how many were dropped and
# how to raise the limit (before: len() stayed 4096 and nothing was said).
# spin calls tick(i) for 5000 values of i: a count() map (per-CPU,
# preallocated) and a plain one each take 4,096 keys and drop 904 new
# ones; GOTRACE_MAP_KEYS_MAX=8192 makes room for all. -k says each
# dropped update as it happens.
prog: spin
--- file full.gt
uprobe:$1:main.tick {
  @counts[goarg(0)] = count();
  @last[goarg(0)] = goarg(0);
}
END { printf("%d %d keys\n", len(@counts), len(@last)); clear(@counts); clear(@last); }
--- script
$GOTRACE -q full.gt $PROG -c "$PROG 5000" 2>err | grep -v '^$'
echo "exit ${PIPESTATUS[0]}"; grep -v '^12502500$' err
GOTRACE_MAP_KEYS_MAX=8192 $GOTRACE -q full.gt $PROG -c "$PROG 5000" 2>err | grep -v '^$'
grep -v '^12502500$' err
$GOTRACE -q -f json full.gt $PROG -c "$PROG 5000" 2>/dev/null | grep dropped
$GOTRACE -q -k full.gt $PROG -c "$PROG 5000" 2>&1 >/dev/null | grep 'update dropped' | sort | uniq -c
--- stdout
4096 4096 keys
exit 0
full.gt:2:3: warning: @counts: 904 updates dropped: the map is full
  @counts[goarg(0)] = count();
  ^~~~~~~~~~~~~~~~~
hint: the map holds at most 4096 entries; GOTRACE_MAP_KEYS_MAX=N raises the limit of a map's keys
full.gt:3:3: warning: @last: 904 updates dropped: the map is full
  @last[goarg(0)] = goarg(0);
  ^~~~~~~~~~~~~~~
hint: the map holds at most 4096 entries; GOTRACE_MAP_KEYS_MAX=N raises the limit of a map's keys
5000 5000 keys
{"type": "map_updates_dropped", "data": {"at": "full.gt:2:3", "map": "@counts", "updates": 5000, "dropped": 904, "max_entries": 4096, "error": "the map is full"}}
{"type": "map_updates_dropped", "data": {"at": "full.gt:3:3", "map": "@last", "updates": 5000, "dropped": 904, "max_entries": 4096, "error": "the map is full"}}
    904 full.gt:2:3: @counts: update dropped: the map is full
    904 full.gt:3:3: @last: update dropped: the map is full
