# Per-goroutine latency keyed by goid (the script of issue 4): 20
# goroutines each call nap() 5 times; nap sleeps 10 ms (the goroutine parks
# and may wake on another thread) and yields. All 100 entries are matched
# with their return, and every latency is at least 8 ms: the histogram has
# 100 samples, all in buckets from [8M, 16M) up. (go_latency_tid.t shows
# what keying by thread id gives.)
prog: sleepy
--- script
$GOTRACE -q -e 'uprobe:'$PROG':main.nap { @s[goid] = nsecs; }
uretprobe:'$PROG':main.nap /@s[goid]/ { @lat = hist(nsecs - @s[goid]); delete(@s[goid]); }' -c $PROG >out
echo "status $?"
# [LO, HI) buckets: count samples, and those with LO >= 8M (8M, 16M, ..., G)
awk -F'[][, )]+' '/^\[/ { n += $4; if ($2 ~ /^(8M|16M|32M|64M|128M|256M|512M)$/ || $2 ~ /G$/) slow += $4 }
	END { printf("%d samples, %d of them >= 8M\n", n, slow) }' out
--- stdout
status 0
100 samples, 100 of them >= 8M
