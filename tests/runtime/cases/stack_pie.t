# A position-independent Go executable that exits at once (gotrace ends it
# on exit()): its stacks are printed after it is gone, when its memory map
# can no longer be read. The load base comes from the ustack value (the
# kernel's mm->start_code, minus the file's text address), so every frame
# is named in 30 runs of 30 (bpftrace 0.17 and gotrace before this showed
# bare addresses such as 0x557d7efd6d60).
prog: leaf
timeout: 120
--- script
go build -gcflags=-l -buildmode=pie -o leaf-pie $ROOT/tests/runtime/progs/leaf.go || exit 99
named=0
for i in $(seq 30); do
	$GOTRACE -q -e 'uprobe:./leaf-pie:main.tiny { @[ustack] = count(); exit(); }' -c './leaf-pie 0.001' >out 2>&1
	if grep -q 'main\.tiny+0' out && grep -q 'main\.main+' out && grep -q 'runtime\.main+' out && ! grep -q '0x' out; then
		named=$((named + 1))
	else
		cat out
	fi
done
echo "named in $named of 30 runs"
--- stdout
named in 30 of 30 runs
