# -l PATTERN lists a binary's functions (sorted), tracepoints; -l with a
# pattern that matches nothing says so and exits 1.
prog: vals
--- script
cp $PROG ./vals
$GOTRACE -l 'uprobe:./vals:main.*'
$GOTRACE -l 'u:./vals:main.p*'
$GOTRACE -l 'tracepoint:syscalls:sys_enter_openat'
$GOTRACE -l 'tracepoint:sched:sched_switch*'
$GOTRACE -l 'tracepoint:syscalls:sys_enter_open*' | sort | grep -x 'tracepoint:syscalls:sys_enter_openat2'
$GOTRACE -l | grep -c '^tracepoint:' | sed 's/^[1-9][0-9][0-9]*$/many/'
$GOTRACE -l 'uprobe:./vals:main.zzz*' 2>&1 | sed "s|$PWD/|./|"
echo "exit ${PIPESTATUS[0]}"
--- stdout
uprobe:./vals:main.main
uprobe:./vals:main.name
uprobe:./vals:main.pair
uprobe:./vals:main.point
uprobe:./vals:main.val
uprobe:./vals:main.pair
uprobe:./vals:main.point
tracepoint:syscalls:sys_enter_openat
tracepoint:sched:sched_switch
tracepoint:syscalls:sys_enter_openat2
many
gotrace: no function in ./vals matches 'main.zzz*'
exit 1
