# A binary that is not Go (a C program): goarg falls back to the C
# calling convention (SysV: RDI, RSI, ...), with a note under -v; retval
# is RAX (a kernel return probe); -l -v says "not Go"; goid is an error.
# (The note is only shown with -v: 0 such notes without it.)
--- file add.c
#include <stdio.h>
__attribute__((noinline)) long add(long a, long b) { return a + b; }
int main(void) { printf("%ld\n", add(11, 22)); return 0; }
--- script
cc -O0 -o cprog add.c || exit 99
$GOTRACE -v -l 'uprobe:./cprog:add' | sed "s|$PWD/||"
$GOTRACE -q -e 'uprobe:./cprog:add { printf("add %d %d\n", goarg(0), goarg(1)); } uretprobe:./cprog:add { printf("ret %d\n", retval); }' -c ./cprog >out 2>err
echo "status $?"
grep -cx 33 out
grep -E '^(add|ret) ' out
grep -c 'note: .*is not a Go binary: goarg() follows the C calling convention' err
$GOTRACE -v -e 'uprobe:./cprog:add { printf("add %d %d\n", goarg(0), goarg(1)); }' -c ./cprog 2>err >/dev/null
grep -o 'note: .*is not a Go binary: goarg() follows the C calling convention' err | sed "s|$PWD/||" | sort -u
$GOTRACE -e 'uprobe:./cprog:add { printf("%d\n", goid); }' -c ./cprog 2>err
echo "status $?"
sed "s|$PWD/||" err
--- stdout
# cprog: not Go, sysv ABI, functions from symtab
uprobe:./cprog:add
    (cprog: no DWARF debug information (stripped, or built with -ldflags=-w?))
status 0
1
add 11 22
ret 33
0
note: cprog is not a Go binary: goarg() follows the C calling convention
status 1
stdin:1:37: error: goid is not available here: cprog is not a Go binary
uprobe:./cprog:add { printf("%d\n", goid); }
                                    ^~~~
