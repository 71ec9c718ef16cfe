# The headline one-liner: main calls sum(11, 22); goarg(0) is 11.
prog: sum
run: $GOTRACE -e 'uprobe:'$PROG':main.sum { printf("%d\n", goarg(0)); }' -c $PROG
--- stdout
Attaching 1 probe...
11


