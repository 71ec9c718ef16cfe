# -d ir, -d ir-opt and -d asm: the IR before and after optimisation (the
# constant folded: 40 + 2 is 42 only in ir-opt) and BPF assembly; exit 0,
# nothing attached (the uprobe's program is not even running). A uprobe's
# program is sleepable: its section is "uprobe.s". The BPF target is
# cpu v4 (a constant may be stored straight to the stack).
prog: vals
--- script
S='uprobe:'$PROG':main.val { $x = 40; @a = $x + 2; }'
$GOTRACE -d ir -e "$S" >ir; echo "ir exit $?"
$GOTRACE -d ir-opt -e "$S" >iropt; echo "ir-opt exit $?"
$GOTRACE -d asm -e "$S" >asm; echo "asm exit $?"
grep -c '^define i64 @probe_0_u(ptr %ctx) section "uprobe.s"' ir
grep -c 'add i64 %[0-9]*, 2' ir
grep -c 'store i64 42' ir
grep -c '^target triple = "bpfel"' iropt
grep -c 'add i64 %[0-9]*, 2' iropt
grep -c 'store i64 42' iropt
grep -c '^probe_0_u:' asm
grep -cE '^\s*(r[0-9]|\*\(u64 \*\)\(r10 - [0-9]+\)) = 42$' asm
grep -cE '^\s*exit$' asm
cat ir iropt asm | grep -c Attaching || true
--- stdout
ir exit 0
ir-opt exit 0
asm exit 0
1
1
0
1
0
1
1
1
1
0
