# Reading a Go function's arguments the C way, or a Go string as a C
# string, gives garbage: each is a compile-time warning that points at
# goarg and gostr (with DWARF, naming the string parameter). The program
# still runs.
prog: concat
--- script
cp $PROG c
$GOTRACE -q -e 'uprobe:./c:main.concat { printf("%s|%s|%d|%d\n", str(goarg(0)), goarg(2), arg0 == goarg(0), sarg1 == goarg(1)); }' -c ./c 2>&1 >/dev/null | sed "s#$PWD/c#./c#g" >&2
--- stderr
stdin:1:54: warning: str() reads up to a NUL byte: goarg(0) is the pointer of the Go string 'a', which has no NUL byte
uprobe:./c:main.concat { printf("%s|%s|%d|%d\n", str(goarg(0)), goarg(2), arg0 == goarg(0), sarg1 == goarg(1)); }
                                                     ^~~~~~~~
hint: a Go string is (pointer, length): gostr(goarg(0), goarg(1))
stdin:1:75: warning: arg0 reads the C convention's argument registers, but ./c passes Go arguments in Go's own register order
uprobe:./c:main.concat { printf("%s|%s|%d|%d\n", str(goarg(0)), goarg(2), arg0 == goarg(0), sarg1 == goarg(1)); }
                                                                          ^~~~
hint: goarg(0) reads argument word 0 by the binary's convention
stdin:1:93: warning: sarg1 reads a stack word, but ./c passes arguments in registers (Go 1.17 and later)
uprobe:./c:main.concat { printf("%s|%s|%d|%d\n", str(goarg(0)), goarg(2), arg0 == goarg(0), sarg1 == goarg(1)); }
                                                                                            ^~~~~
hint: goarg(1) reads argument word 1 by the binary's convention
stdin:1:65: warning: printf: %s of a word prints its number: goarg(2) is the pointer of the Go string 'b', which has no NUL byte
uprobe:./c:main.concat { printf("%s|%s|%d|%d\n", str(goarg(0)), goarg(2), arg0 == goarg(0), sarg1 == goarg(1)); }
                                                                ^~~~~~~~
hint: a Go string is (pointer, length): gostr(goarg(2), goarg(3))
abcd
