# A function the compiler inlined at every call site has no symbol of its
# own: not "symbol not found", but where DWARF says it was inlined
# (DW_TAG_inlined_subroutine: the caller and the call's line), and the hint
# to build with -gcflags=-l. Stripped, the name is still in .gopclntab's name
# table: inlined, though which callers is not known. Built with -gcflags=-l,
# the same probe works: main.small is called twice.
exit: 0
--- script
src=$ROOT/tests/runtime/progs/go_inl.go
go build -o app $src || exit 99
go build -gcflags=-l -o app-noinl $src || exit 99
go build -ldflags='-s -w' -o app-stripped $src || exit 99
$GOTRACE -e 'uprobe:./app:main.small { @calls = count(); }' 2>err
echo "status $?"
sed "s|$src|go_inl.go|" err
$GOTRACE -e 'uprobe:./app-stripped:main.small { @calls = count(); }' 2>err
echo "status $?"
cat err
$GOTRACE -q -e 'uprobe:./app-noinl:main.small { @calls = count(); }' -c ./app-noinl
echo "status $?"
--- stdout
status 1
stdin:1:1: error: main.small has no symbol of its own in ./app: the compiler inlined it everywhere
uprobe:./app:main.small { @calls = count(); }
^~~~~~~~~~~~~~~~~~~~~~~
note: inlined into main.main (go_inl.go:42)
note: inlined into main.main (go_inl.go:43)
hint: build with -gcflags=-l to keep it a function
status 1
stdin:1:1: error: main.small has no symbol of its own in ./app-stripped: the compiler inlined it everywhere
uprobe:./app-stripped:main.small { @calls = count(); }
^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
note: inlined into its callers (without DWARF, this binary does not say which)
hint: build with -gcflags=-l to keep it a function


@calls: 2
status 0
--- stderr
t 441 3 3
