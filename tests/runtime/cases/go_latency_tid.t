# Why latency is keyed by goid and not by thread: the same script as
# go_latency_goid.t keyed by tid. A goroutine that sleeps in nap() leaves
# its thread, which runs another goroutine's nap() entry (overwriting the
# start time) and returns; the sleeper wakes on any thread. So entries and
# returns pair up wrongly: samples are lost (fewer than 100) or measure
# microseconds instead of >= 10 ms.
prog: sleepy
--- script
$GOTRACE -q -e 'uprobe:'$PROG':main.nap { @s[tid] = nsecs; }
uretprobe:'$PROG':main.nap /@s[tid]/ { @lat = hist(nsecs - @s[tid]); delete(@s[tid]); }' -c $PROG >out
echo "status $?"
awk -F'[][, )]+' '/^\[/ { n += $4; if ($2 ~ /^(8M|16M|32M|64M|128M|256M|512M)$/ || $2 ~ /G$/) slow += $4 }
	END { print (n < 100 || slow < n) ? "wrong: keyed by tid, not every entry meets its own return" : "right (unexpected)"
	      printf("%d samples, %d of them >= 8M\n", n, slow) > "/dev/stderr" }' out
--- stdout
status 0
wrong: keyed by tid, not every entry meets its own return
