# goid is the id the goroutine reports for itself (runtime.Stack's
# "goroutine N"), which the program passes to work(id).
prog: goid
--- script
$GOTRACE -q -e 'uprobe:'$PROG':main.work { printf("%d %d\n", goid, goarg(0)); }' -c $PROG > out
awk 'NF { n++ } $1 == $2 && $1 > 0 { ok++ } END { print ok " of " n " equal" }' out
--- stdout
6 of 6 equal
