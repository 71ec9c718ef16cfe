# A probe long enough that a jump spans more than 32,767 BPF instructions
# (a predicate's early return, LLVM merges with the last one) compiles and
# loads: the BPF target is cpu v4, whose long jump (gotol) LLVM uses where
# a jump is out of reach ("LLVM ERROR: Branch target out of insn range"
# ended gotrace before). Much longer, it is too complex for the verifier,
# and gotrace says so and what to do.
prog: sum
timeout: 120
--- script
gen() {
	echo 'uprobe:$1:main.sum /goarg(0) > 5/ {'
	for i in $(seq $1); do echo "  @s = @s + *(uint8 *)(reg(\"sp\") + $i % 16);"; done
	echo '}'
}
gen 1500 >long.gt
$GOTRACE --dry-run long.gt $PROG; echo "1500: exit $?"
gen 3000 >longer.gt
$GOTRACE --dry-run longer.gt $PROG 2>&1 | sed "s#$PROG#PROG#"; echo "3000: exit ${PIPESTATUS[0]}"
--- stdout
1500: exit 0
gotrace: the program of 'uprobe:PROG:main.sum' is too large or too complex for the kernel's verifier (run with -v to see why)
hint: split the probe into several, or make its loops and strings smaller
3000: exit 1
