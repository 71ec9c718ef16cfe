# Go strings are (pointer, length) pairs: concat("ab", "cd") takes RAX, RBX
# for a and RCX, RDI for b.
prog: concat
run: $GOTRACE -q -e 'uprobe:'$PROG':main.concat { printf("%s %s %s\n", str(reg("ax"), reg("bx")), gostr(goarg(0), goarg(1)), gostr(goarg(2), goarg(3))); }' -c $PROG
--- stdout
ab ab cd


