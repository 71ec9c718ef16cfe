# sarg0 and sarg1 are the stack words at sp+8 and sp+16. Go's register ABI
# has nine integer registers, so many()'s tenth and eleventh arguments are
# there.
prog: many
run: $GOTRACE -q -e 'uprobe:'$PROG':main.many { printf("%d %d %d\n", sarg0, sarg1, goarg(8)); }' -c $PROG
--- stdout
100 200 9


