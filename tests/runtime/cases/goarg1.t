# goarg(1) is the second argument word: 22.
prog: sum
run: $GOTRACE -q -e 'uprobe:'$PROG':main.sum { printf("%d %d\n", goarg(1), goarg(0) + goarg(1)); }' -c $PROG
--- stdout
22 33


