# gccgo passes a slice (three words, more than 16 bytes) in memory, by the
# SysV convention: fmt.Println's a ...interface{} is at sp+8 in libgo, as
# DWARF says, so sarg0 and sarg1 are its data pointer and length, and
# gotrace does not warn that the first arguments are in registers there.
# sarg3 is no parameter's: that warning stays.
prog: hello gccgo
needs: gccgo
--- script
$GOTRACE -q -e 'uprobe:libgo:fmt.Println { printf("%d %d %s\n", args.a.len, sarg1, gostr(*(uint64 *)(sarg0 + 8))); }' -c $PROG 2>err | grep '^1'
grep -c warning err
$GOTRACE -q -e 'uprobe:libgo:fmt.Println { printf("%d\n", sarg3); }' -c $PROG 2>&1 >/dev/null | grep -o 'warning: sarg3 reads a stack word.*registers'
--- stdout
1 1 Hello, BPF!
0
warning: sarg3 reads a stack word, but /lib/x86_64-linux-gnu/libgo.so.21 passes its first six arguments in registers
