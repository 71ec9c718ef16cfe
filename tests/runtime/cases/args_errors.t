# args.NAME mistakes: an unknown parameter (listing the real ones), an
# unknown field, a slice used as a value.
prog: args
exit: 1
run: $GOTRACE -e 'uprobe:'$PROG':main.work { printf("%d %d %d\n", args.m, args.t.B, args.b); }'
--- stderr-has
error: main.work has no parameter named 'm'
hint: its parameters: n int, s string, b []uint8, t *main.T, flag bool, small int8
error: main.T has no field 'B'
hint: its fields: A, S, In, Next
error: this is a slice ([]uint8): use .len, .cap or [i]
