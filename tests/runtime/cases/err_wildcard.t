# A wildcard that matches nothing says so, for functions and tracepoints,
# with a hint to list what there is; a name that does not exist gets a
# suggestion, the nearest name ('main.vall': 'main.val', not 'main.pair',
# which is as long).
prog: vals
exit: 1
--- script
cp $PROG ./vals
$GOTRACE -e 'uprobe:./vals:main.zzz* { @[func] = count(); } tracepoint:syscalls:sys_enter_zzz* { }
uprobe:./vals:main.vall { }'
--- stderr
stdin:1:1: error: no function in ./vals matches 'main.zzz*'
uprobe:./vals:main.zzz* { @[func] = count(); } tracepoint:syscalls:sys_enter_zzz* { }
^~~~~~~~~~~~~~~~~~~~~~~
hint: list them with: gotrace -l 'uprobe:./vals:*'
stdin:1:48: error: no tracepoint matches 'syscalls:sys_enter_zzz*'
uprobe:./vals:main.zzz* { @[func] = count(); } tracepoint:syscalls:sys_enter_zzz* { }
                                               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
hint: list them with: gotrace -l 'tracepoint:syscalls:*'
stdin:2:1: error: function 'main.vall' not found in ./vals
uprobe:./vals:main.vall { }
^~~~~~~~~~~~~~~~~~~~~~~
hint: did you mean 'main.val'?
