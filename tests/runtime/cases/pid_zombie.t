# -p of a zombie (a process that has ended, whose parent has not yet
# collected its status): said, exit 1, nothing attached. It used to attach
# and exit 0 as if the process had run.
prog: sum
exit: 1
--- script
bash -c 'sleep 0 & echo $! > zpid; exec sleep 30' &
parent=$!
for i in $(seq 100); do
	[ -s zpid ] && grep -q '^[0-9]* ([^)]*) Z' /proc/$(cat zpid)/stat 2>/dev/null && break
	sleep 0.05
done
$GOTRACE -p $(cat zpid) -e 'uprobe:'$PROG':main.sum { printf("x\n"); }' 2>&1 | sed "s/$(cat zpid)/PID/"
rc=${PIPESTATUS[0]}
kill $parent
exit $rc
--- stdout
gotrace: -p PID: the process has ended (a zombie: its parent has not yet collected its exit status)
