# -p PID with no binary in the probe: uprobe:FUNC is a function of that
# process's executable (read through /proc/PID/exe), `pid` is the PID
# given, and -l lists the process's functions the same way. Without -p,
# such a probe says it names no binary.
prog: wait
--- script
$PROG 1000 & pid=$!
trap 'kill $pid 2>/dev/null' EXIT
sleep 0.2
$GOTRACE -p $pid -l 'uprobe:main.ti*'
$GOTRACE -p $pid -e 'uprobe:main.tick { @[pid == '$pid'] = count(); @last = max(goarg(0)); if (@n++ == 9) { exit(); } }' | sed 's/^@last: [0-9]*$/@last: N/'
$GOTRACE -e 'uprobe:main.tick { @ = count(); }'
echo "status $?"
--- stdout
uprobe:main.tick
Attaching 1 probe...


@[1]: 10
@last: N
@n: 10
status 1
--- stderr
stdin:1:1: error: uprobe:main.tick names no binary
uprobe:main.tick { @ = count(); }
^~~~~~~~~~~~~~~~
hint: name one (uprobe:BIN:main.tick), or give -p PID to probe that process's executable
