# gccgo programs link libgo.so dynamically: probes on libgo by library name
# (found through the loader cache), like the bcc article's `go:fmt.*`.
# fmt.Println(a ...interface{}) (n int, err error) by the C convention: the
# 24-byte slice `a` is passed in memory (sarg0 = its pointer, sarg1 = its
# length), its first element an interface {type, data} whose data points at
# the string header; the 24-byte result is returned in memory whose address
# is in RAX at the return (retval), n first: 12 bytes written.
prog: hello gccgo
needs: gccgo
--- script
$GOTRACE -q -e 'uprobe:libgo:fmt.Println { printf("Println(%d args) %s\n", sarg1, gostr(*(uint64 *)(sarg0 + 8))); }
uretprobe:libgo:fmt.Println { printf("n=%d\n", *(int64 *)retval); }' -c $PROG >trace
echo "status $?"
grep -cx 'Hello, BPF!' trace
grep -vx 'Hello, BPF!' trace
$GOTRACE -q -e 'uprobe:libgo:fmt.* { @[func] = count(); }' -c $PROG >out
grep -E '^@\[fmt\.(Println|Fprintln|newPrinter|pp\.doPrintln)\]: 1$' out | sort
$GOTRACE -l 'uprobe:libgo:fmt.Print*'
--- stdout
status 0
1
Println(1 args) Hello, BPF!
n=12


@[fmt.Fprintln]: 1
@[fmt.Println]: 1
@[fmt.newPrinter]: 1
@[fmt.pp.doPrintln]: 1
uprobe:libgo:fmt.Print
uprobe:libgo:fmt.Printf
uprobe:libgo:fmt.Println
