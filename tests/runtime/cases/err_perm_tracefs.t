# Without the right to read tracefs, a tracepoint probe and -l say that
# (it used to be reported as tracefs missing).
exit: 1
--- script
U="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all"
$U $GOTRACE --dry-run -e 'tracepoint:syscalls:sys_enter_openat { }'; echo "status $?"
$U $GOTRACE -l 'tracepoint:syscalls:*'; echo "status $?"
exit 1
--- stdout
status 1
status 1
--- stderr
stdin:1:1: error: no permission to read tracefs (/sys/kernel/tracing): tracepoints need root
tracepoint:syscalls:sys_enter_openat { }
^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
gotrace: no permission to read tracefs (/sys/kernel/tracing): tracepoints need root
