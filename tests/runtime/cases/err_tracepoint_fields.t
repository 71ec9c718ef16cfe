# Two tracepoints of one probe that have a field at different offsets, or
# only one of them has it: the error says exactly that (not "no field"),
# and what the two share still works.
exit: 1
--- script
$GOTRACE --dry-run -e 'tracepoint:syscalls:sys_enter_open,tracepoint:syscalls:sys_enter_openat { printf("%d\n", args.flags); }'
$GOTRACE --dry-run -e 'tracepoint:syscalls:sys_enter_read,tracepoint:syscalls:sys_enter_openat { printf("%d\n", args.count); }'
$GOTRACE --dry-run -q -e 'tracepoint:syscalls:sys_enter_read,tracepoint:syscalls:sys_enter_write { printf("%d %d\n", args.fd, args.count); }' && echo shared fields compile
exit 1
--- stdout
shared fields compile
--- stderr
stdin:1:90: error: args.flags: the tracepoints of this probe differ in it: it is at offset 24 in syscalls:sys_enter_open but at 32 in syscalls:sys_enter_openat
tracepoint:syscalls:sys_enter_open,tracepoint:syscalls:sys_enter_openat { printf("%d\n", args.flags); }
                                                                                         ^~~~~~~~~~
hint: give each tracepoint its own probe
stdin:1:90: error: args.count: the tracepoints of this probe differ in it: syscalls:sys_enter_read has it but syscalls:sys_enter_openat does not
tracepoint:syscalls:sys_enter_read,tracepoint:syscalls:sys_enter_openat { printf("%d\n", args.count); }
                                                                                         ^~~~~~~~~~
hint: give each tracepoint its own probe
