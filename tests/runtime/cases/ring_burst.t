# A burst ten times the ring buffer (20,000 printf events of 1 KiB, 20 MB
# in a fifth of a second) is drained while it comes when the
# output is read at once: probes wake gotrace when the ring is an eighth
# full, and it drains again at once while it finds events. Nothing lost.
# (cli_lost shows a burst overflowing when the output is not read.)
prog: spin
--- script
$GOTRACE --strlen 256 -e 'uprobe:'$PROG':main.tick { printf("%d %s %s %s %s\n", goarg(0), str(0), str(0), str(0), str(0)); }' -c "$PROG 20000" 2>/dev/null |
	awk '/^Lost/ { lost += $2 } /^[0-9]+ +$/ { n++ } END { print n " printed, " lost + 0 " lost" }'
--- stdout
20000 printed, 0 lost
