# FUNC+OFFSET must land on an instruction of FUNC: main.sum is
# "add %rbx,%rax (3 bytes); ret" (4 bytes). +3 is the ret: fine. +1 is inside
# the add: a breakpoint there changes the instruction the program runs
# (bpftrace refuses it); +4 is past the function (bpftrace: "Offset outside
# the function bounds"). Both must be errors, exit 1, nothing attached.
# Fails until gotrace checks the offset (it attaches both today).
prog: sum
--- script
cp $PROG ./sum
$GOTRACE -q -e 'uprobe:./sum:main.sum+3 { printf("at ret\n"); }' -c ./sum 2>/dev/null
echo "exit $?"
$GOTRACE -q -e 'uprobe:./sum:main.sum+1 { printf("inside an instruction\n"); }' -c ./sum 2>/dev/null
echo "exit $?"
$GOTRACE -q -e 'uprobe:./sum:main.sum+4 { printf("past the end\n"); }' -c ./sum 2>/dev/null
echo "exit $?"
--- stdout
at ret


exit 0
exit 1
exit 1
