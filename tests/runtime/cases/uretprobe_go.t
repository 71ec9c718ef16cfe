# A return probe on a Go function is a uprobe on its RET instructions; the
# result is in RAX by the register ABI.
prog: sum
run: $GOTRACE -q -e 'uprobe:'$PROG':main.sum { printf("args %d %d\n", goarg(0), goarg(1)); } uretprobe:'$PROG':main.sum { printf("retval: %d\n", retval); }' -c $PROG
--- stdout
args 11 22
retval: 33


