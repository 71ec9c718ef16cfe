# gccgo: the C calling convention (SysV). A string is two argument words
# (RDI, RSI), so gostr(goarg(0), goarg(1)) is the first string argument and
# goarg(2) the int after it (RDX); gostr(addr) reads a string header in
# memory, behind a *string and in a struct's fields through a pointer;
# retval is RAX (a kernel return probe: gccgo stacks do not move).
prog: go_strarg gccgo
needs: gccgo
run: $GOTRACE -q -e 'uprobe:'$PROG':main.greet { printf("greet %s %d\n", gostr(goarg(0), goarg(1)), goarg(2)); } uretprobe:'$PROG':main.greet { printf("ret %d\n", retval); } uprobe:'$PROG':main.visit { printf("visit %s %d %s\n", gostr(goarg(0)), *(int64 *)(goarg(0) + 16), gostr(goarg(0) + 24)); } uprobe:'$PROG':main.label { printf("label %s\n", gostr(goarg(0))); }' -c $PROG
--- stdout
greet alice 1
ret 5
greet bob 2
ret 6
greet carol 3
ret 15
visit dave 42 Paris
label pointer


--- stderr
t 80
