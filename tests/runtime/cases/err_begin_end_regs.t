# BEGIN and END run from gotrace, not at a point of a traced thread: there
# are no registers to read, so reg() and ustack are compile-time errors
# there (bpftrace rejects reg() in BEGIN too), also in a probe that shares
# its body with a uprobe.
prog: sum
exit: 1
run: $GOTRACE -e 'BEGIN { printf("%d\n", reg("ax")); } END { @[ustack] = count(); } BEGIN, uprobe:'$PROG':main.sum { @r = reg("ip"); }'
--- stderr-re
stdin:1:24: error: reg cannot be used in a BEGIN probe
BEGIN \{ printf.*
                       \^~~~~~~~~
hint: reg works in: uprobe, uretprobe, interval, profile
stdin:1:46: error: ustack cannot be used in an END probe
BEGIN \{ printf.*
                                             \^~~~~~
hint: ustack works in: uprobe, uretprobe, interval, profile
stdin:1:[0-9]+: error: reg cannot be used in a BEGIN probe
BEGIN \{ printf.*
 *\^~~~~~~~~
hint: reg works in: uprobe, uretprobe, interval, profile
