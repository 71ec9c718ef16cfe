# A Go program in its own mount and PID namespace, traced from outside
# with -p and its host PID: it runs as /mnt/gotrace-ctr/server, a path
# that exists only in its namespace (a tmpfs over /mnt there, the binary
# bind-mounted on it), and is PID 1 inside. gotrace reads the binary
# through /proc/PID/exe (no binary named) or /proc/PID/root (its path in
# the namespace), filters by the host PID (a second copy of the program
# outside is not counted: the key pid == PID is 1 in every event), and
# names the stack's frames. The namespace ends with the test: no process
# or mount is left.
needs: root
prog: wait
timeout: 60
--- script
cp $PROG ./server
unshare --mount --pid --fork --kill-child sh -c "mount -t tmpfs none /mnt && mkdir /mnt/gotrace-ctr && touch /mnt/gotrace-ctr/server && mount --bind $PWD/server /mnt/gotrace-ctr/server && exec /mnt/gotrace-ctr/server 3000" &
upid=$!
$PROG 3000 & other=$!
trap 'kill $upid $other 2>/dev/null; wait 2>/dev/null' EXIT
for i in $(seq 100); do
	cpid=$(pgrep -P $upid)
	[ -n "$cpid" ] && [ "$(readlink /proc/$cpid/exe)" = /mnt/gotrace-ctr/server ] && break
	sleep 0.1
done
echo "its executable: $(readlink /proc/$cpid/exe)"
[ -e /mnt/gotrace-ctr/server ] || echo "which the host does not have"
awk '/^NSpid:/ { print "its PID inside:", $3 }' /proc/$cpid/status
echo "== uprobe:main.tick, no binary"
$GOTRACE -q -p $cpid -e 'uprobe:main.tick { @[pid == '$cpid', ustack] = count(); if (@n++ == 19) { exit(); } }' | sed 's/+[0-9]*$/+N/'
echo "== by its path in the namespace"
$GOTRACE -q -p $cpid -e 'uprobe:/mnt/gotrace-ctr/server:main.tick { @[pid == '$cpid', func] = count(); if (@n++ == 4) { exit(); } }'
kill $upid $other
wait 2>/dev/null
trap - EXIT
echo "left: $(pgrep -fc /mnt/gotrace-ctr/server) processes, $(grep -c gotrace-ctr /proc/mounts) mounts"
--- stdout
its executable: /mnt/gotrace-ctr/server
which the host does not have
its PID inside: 1
== uprobe:main.tick, no binary


@[1, 
    main.tick+N
    main.main+N
    runtime.main+N
    runtime.goexit+N
]: 20
@n: 20
== by its path in the namespace


@[1, main.tick]: 5
@n: 5
left: 0 processes, 0 mounts
