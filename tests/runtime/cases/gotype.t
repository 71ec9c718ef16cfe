# gotype(): the dynamic type behind an interface's first word, an itab
# (fmt.Stringer) or a type (interface{}), named from the binary's type
# descriptors: with a symbol table, and stripped (found through
# runtime.firstmoduledata).
prog: iface
--- script
go build -gcflags=-l -ldflags='-s -w' -o stripped $ROOT/tests/runtime/progs/iface.go || exit 99
S='uprobe:BIN:main.describe { printf("%s\n", gotype(goarg(0))); } uprobe:BIN:main.show { printf("show %s\n", gotype(goarg(0))); }'
$GOTRACE -q -e "${S//BIN/$PROG}" -c $PROG | grep -v '^$'
$GOTRACE -q -e "${S//BIN/./stripped}" -c ./stripped | grep -v '^$' | md5sum > stripped.sum
$GOTRACE -q -e "${S//BIN/$PROG}" -c $PROG | grep -v '^$' | md5sum | cmp - stripped.sum && echo "stripped: same"
--- stdout
int
string
*main.T
main.T
*os.File
float64
show main.S
show *main.fmtStringer
stripped: same
