# Floating-point arguments are in XMM registers, which uprobes cannot read:
# a compile-time error for args.NAME and for goarg().
prog: args
exit: 1
run: $GOTRACE -e 'uprobe:'$PROG':main.area { printf("%d %d\n", args.w, goarg(0)); }'
--- stderr-has
error: args.w is a float64: Go passes it in an XMM register, and uprobes cannot read XMM registers
error: goarg(0): main.area takes floating-point (w float64, h float64): Go passes those in XMM registers, and uprobes cannot read XMM registers
