# args.NAME from DWARF: integers, strings, slices (.len .cap [i]), struct
# fields through pointers, a struct by value (spread over registers), and
# results by name at a return.
prog: args
run: $GOTRACE -q -e 'uprobe:'$PROG':main.work { printf("%d %s %d %d %c %d %s %d %s %s %d %d\n", args.n, args.s, args.b.len, args.b.cap, args.b[1], args.t.A, args.t.S, args.t.In.ID, args.t.In.Name, args.t.Next.S, args.flag, args.small); } uretprobe:'$PROG':main.work { printf("ret %d %s\n", args.~r0, args.~r1); } uprobe:'$PROG':main.byval { printf("byval %d %s %s %d %d\n", args.t.A, args.t.S, args.t.In.Name, args.t.In.ID, args.k); }' -c $PROG
--- stdout
3 hello 4 4 b 7 seven 42 inner eight 1 -5
ret 12 hello!
byval 7 seven inner 42 1


