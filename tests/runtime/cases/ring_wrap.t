# Events cross the end of the ring buffer (mapped once; a record that
# wraps around is put back in one piece): 100,000 events of 232 bytes go
# round the 2 MiB ring eleven times, and every line comes out whole, in
# order, the number before and after the string alike.
prog: spin
--- script
$GOTRACE --strlen 200 -e 'uprobe:'$PROG':main.tick { printf("%d %s| %d\n", goarg(0), str(0), goarg(0)); }' -c "$PROG 100000" 2>/dev/null |
	awk 'NR > 1 && /\|/ { if ($1 != n || $3 != n) bad++; n++ } END { print n " lines, " bad + 0 " wrong" }'
--- stdout
100000 lines, 0 wrong
