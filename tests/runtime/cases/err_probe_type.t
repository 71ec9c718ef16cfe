# An unknown probe type, and kprobe (which gotrace leaves to bpftrace).
exit: 1
--- file bad.gt
foo:bar { }
kprobe:do_sys_open { @ = count(); }
--- script
$GOTRACE bad.gt
--- stderr
bad.gt:1:1: error: unknown probe type 'foo'
foo:bar { }
^~~
hint: probe types: BEGIN, END, uprobe, uretprobe, interval, profile, tracepoint
bad.gt:2:1: error: unknown probe type 'kprobe'
kprobe:do_sys_open { @ = count(); }
^~~~~~
hint: kprobes are not supported; gotrace traces user space (uprobe, uretprobe) and tracepoints
