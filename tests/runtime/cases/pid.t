# -p PID: attach to a running program, count its calls, and exit when it
# ends (wait calls tick() every 10 ms, 150 times).
prog: wait
--- script
$PROG 150 & pid=$!
sleep 0.3
$GOTRACE -e 'uprobe:'$PROG':main.tick { @ticks = count(); @seen = max(goarg(0)); }' -p $pid > out
status=$?
wait $pid
echo "status $status"
awk '/^@ticks: / { print ($2 > 50 && $2 <= 150) ? "ticks ok" : "ticks " $2 } /^@seen: / { print ($2 == 149) ? "last 149" : "last " $2 }' out
--- stdout
status 0
last 149
ticks ok
