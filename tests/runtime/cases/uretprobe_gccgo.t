# gccgo uses the C calling convention: goarg and retval by SysV, and a
# kernel return probe.
prog: sum gccgo
needs: gccgo
run: $GOTRACE -q -e 'uprobe:'$PROG':main.sum { printf("args %d %d\n", goarg(0), goarg(1)); } uretprobe:'$PROG':main.sum { printf("retval: %d\n", retval); }' -c $PROG
--- stdout
args 11 22
retval: 33


