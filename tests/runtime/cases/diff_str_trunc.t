# Differential: str() of memory with no NUL soon (a Go string's bytes run
# on into the binary's other strings) stops at the string size: 63 bytes
# and a NUL by default, 15 with BPFTRACE_STRLEN / GOTRACE_STRLEN=16;
# str(p, n) reads at most n. (What the bytes are depends on the Go
# toolchain's layout, so the case only asks for agreement, and length.)
prog: vals
needs: bpftrace
--- script
S='uprobe:'$PROG':main.name /reg("bx") == 5/ { printf("[%s] [%s] [%s]\n", str(reg("ax")), str(reg("ax"), 2), str(reg("ax"), 200)); @[str(reg("ax"))] = count(); }'
$ROOT/tests/runtime/bpfdiff -e "$S" -c $PROG >default.out
head -1 default.out
sed -n 3p default.out | awk -F'] \\[' '{ print length($1) - 1, length($2) }'
S16='uprobe:'$PROG':main.name /reg("bx") == 5/ { printf("[%s]\n", str(reg("ax"))); }'
BPFTRACE_STRLEN=16 GOTRACE_STRLEN=16 $ROOT/tests/runtime/bpfdiff -e "$S16" -c $PROG >16.out
head -1 16.out
sed -n 3p 16.out | awk '{ print length($0) - 2 }'
--- stdout
same
63 2
same
15
