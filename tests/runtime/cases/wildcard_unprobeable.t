# A wildcard that matches functions the kernel cannot put a uprobe on (in
# a process that runs already): those are skipped with one line, the rest
# attached, exit 0; they used to make the whole probe fail ("Unknown
# error 524", naming another function). Go's runtime.abort (int 3) is
# known before attaching and said at compile time. A function named
# exactly is still an error, and so is a wildcard where nothing is left.
prog: wait
--- script
gcc -O0 -o traps $ROOT/tests/runtime/progs/traps.c || exit 99
./traps long & tp=$!
$PROG 400 & wp=$!
sleep 0.3
run() {
	timeout 20 $GOTRACE -q -e "$1 { } interval:ms:100 { exit(); }" 2>&1 >/dev/null |
		sed "s|at offset 0x[0-9a-f]* of $PWD/traps|at OFFSET of BIN|"
	echo "status ${PIPESTATUS[0]}"
}
# with uprobe_multi links and without (one link per site), alike
for multi in "" 1; do
	export GOTRACE_NO_UPROBE_MULTI=$multi
	{
		run 'uprobe:./traps:t_*'
		run 'uprobe:./traps:t_d6'
		run 'uprobe:./traps:t_[dil]*'
	} >out.multi$multi
done
cmp -s out.multi out.multi1 && echo "with uprobe_multi and without alike:" || diff out.multi out.multi1
cat out.multi1
unset GOTRACE_NO_UPROBE_MULTI
timeout 20 $GOTRACE -q -e 'uprobe:'$PROG':runtime.* { @n = count(); } interval:ms:300 { exit(); }' > out 2> err
echo "status $?"
sed "s|$PROG|PROG|" err | head -1
awk '/^@n: / { print ($2 > 0) ? "counted" : "none" }' out
kill $tp $wp
--- stdout
with uprobe_multi and without alike:
gotrace: uprobe:./traps:t_*: 3 matching functions skipped, the kernel cannot probe the instruction there: t_d6, t_iret, t_lock
status 0
gotrace: cannot attach uprobe:./traps:t_d6 at OFFSET of BIN: the kernel cannot probe the instruction there
status 1
gotrace: cannot attach uprobe:./traps:t_[dil]*: the kernel cannot probe the instruction there, at every one of its 3 sites
status 1
status 0
stdin:1:1: warning: 1 matching function skipped, the kernel cannot probe it (its instruction there is int N, which uprobes cannot step over): runtime.abort
counted
