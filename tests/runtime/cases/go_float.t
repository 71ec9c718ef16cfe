# Floating-point arguments and results live in XMM registers, which uprobes
# cannot read: a compile-time error (exit 1, nothing attached) for goarg on
# a function whose arguments are floats (ratio(a, b float64)), for goarg(1)
# of scale(f float64, n int) (its only integer word is n = goarg(0)), and
# for retval/goret(0) of a function returning a float64.
exit: 0
--- script
go build -o app $ROOT/tests/runtime/progs/go_inl.go || exit 99
for p in 'uprobe:./app:main.ratio { printf("%d\n", goarg(0)); }' \
	'uprobe:./app:main.scale { printf("%d\n", goarg(1)); }' \
	'uretprobe:./app:main.scale { printf("%d\n", goret(0)); }' \
	'uretprobe:./app:main.ratio { printf("%d\n", retval); }'; do
	$GOTRACE -q -e "$p" -c ./app >out 2>err
	echo "status $? $(grep -c 'uprobes cannot read XMM registers' err) $(grep -c '^t ' err)"
done
$GOTRACE -q -e 'uprobe:./app:main.scale { printf("n=%d\n", goarg(0)); }' -c ./app 2>/dev/null
--- stdout
status 1 1 0
status 1 1 0
status 1 1 0
status 1 1 0
n=2


