# SIGTERM (like Ctrl-C): run END, print the maps, detach, exit 0; the
# traced program goes on running.
prog: wait
--- script
$PROG 400 & pid=$!
$GOTRACE -e 'uprobe:'$PROG':main.tick { @ticks = count(); } END { printf("end\n"); }' -p $pid > out &
tracer=$!
sleep 1
kill -TERM $tracer
wait $tracer
echo "tracer status $?"
kill -0 $pid && echo "program alive"
kill $pid
head -2 out
grep -c '^@ticks: [1-9]' out
--- stdout
tracer status 0
program alive
Attaching 2 probes...
end
1
