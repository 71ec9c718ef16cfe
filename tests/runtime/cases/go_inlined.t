# Inlined functions are probed at each inlined copy, which the inline
# trees of .gopclntab list (stripped binaries too): main.small has no
# symbol (inlined at three call sites, one of them inside main.mid, itself
# inlined), nor have the methods main.(*T).Small and main.(*Point).Scale.
# With n = 10, small runs 12 times, each method 10 times: the counts are
# exact with DWARF, stripped, and the same as in a build without inlining.
# -l marks inlined functions; `func` names them; ustack shows an inlined
# frame for each inlined call. Arguments of a copy are read from DWARF's
# location lists where they cover the copy (args.k of Scale); elsewhere
# args.NAME says why not, and goarg() is an error: a copy is not a call.
exit: 0
--- script
src=$ROOT/tests/runtime/progs/inl.go
go build -o app $src || exit 99
go build -ldflags='-s -w' -o app-stripped $src || exit 99
go build -gcflags=-l -o app-noinl $src || exit 99
$GOTRACE -l 'uprobe:./app:main.*'
$GOTRACE -v -l 'uprobe:./app:main.small' | tail -n +2 | sed 's/0x[0-9a-f]*/ADDR/'
for b in app app-stripped app-noinl; do
	echo "== $b"
	$GOTRACE -q -e 'uprobe:./'$b':main.small, uprobe:./'$b':"main.(*T).Small", uprobe:./'$b':"main.(*Point).Scale" { @[func] = count(); }' -c "./$b 10"
done
echo "== ustack"
$GOTRACE -q -e 'uprobe:./app-stripped:main.small { @[ustack] = count(); }' -c './app-stripped 3' >out
# one line per stack, offsets left out
awk '/^@\[$/ { s = ""; next } /^\]: / { print s "]: " $2; next } /^    / { sub(/\+[0-9]+$/, ""); sub(/^ +/, ""); s = s $0 " " }' out | sort
echo "== args"
$GOTRACE -q -e 'uprobe:./app:"main.(*Point).Scale" { @k[args.k] = count(); }' -c './app 4'
$GOTRACE -e 'uprobe:./app:main.small { @[args.x] = count(); }' 2>&1 | sed 's/0x[0-9a-f]*/ADDR/'
$GOTRACE -e 'uprobe:./app:main.small { @[goarg(0)] = count(); }' 2>&1
$GOTRACE -e 'uprobe:./app-stripped:"main.(*Point).Scale" { @[args.k] = count(); }' 2>&1 | sed "s|$PWD/|./|"
$GOTRACE -e 'uretprobe:./app:main.small { @ = count(); }' 2>&1
echo end
--- stdout
uprobe:./app:main.(*Point).Scale  (inlined: 1 copy)
uprobe:./app:main.(*T).Small  (inlined: 1 copy)
uprobe:./app:main.main
uprobe:./app:main.mid  (inlined: 1 copy)
uprobe:./app:main.record
uprobe:./app:main.small  (inlined: 3 copies)
uprobe:./app:main.small  (inlined: 3 copies)
    inlined into main.main at ADDR
      x int  (readable: DWARF says where)
    inlined into main.main at ADDR
      x int  (DWARF gives no location for it at this copy)
    inlined into main.mid (in main.main) at ADDR
      x int  (readable: DWARF says where)
== app
192 45 394


@[main.(*T).Small]: 10
@[main.(*Point).Scale]: 10
@[main.small]: 12
== app-stripped
192 45 394


@[main.(*T).Small]: 10
@[main.(*Point).Scale]: 10
@[main.small]: 12
== app-noinl
192 45 394


@[main.(*T).Small]: 10
@[main.(*Point).Scale]: 10
@[main.small]: 12
== ustack
main.small main.main runtime.main runtime.goexit ]: 1
main.small main.main runtime.main runtime.goexit ]: 3
main.small main.mid main.main runtime.main runtime.goexit ]: 1
== args
57 6 39


@k[1]: 1
@k[2]: 1
@k[3]: 1
@k[4]: 1
stdin:1:29: error: args.x cannot be read at every site of main.small
uprobe:./app:main.small { @[args.x] = count(); }
                            ^~~~~~
note: the copy inlined into main.main at ADDR: DWARF gives no location for it at this copy
hint: an inlined copy keeps its arguments only where the compiler needed them; build with -gcflags=-l to keep main.small a function with its arguments in registers
stdin:1:29: error: goarg(0): main.small is inlined at sites of this probe, and an inlined copy is not a call: its arguments are not in the calling convention's registers
uprobe:./app:main.small { @[goarg(0)] = count(); }
                            ^~~~~~~~
hint: args.NAME reads a parameter where the binary's DWARF says it is; or build with -gcflags=-l to keep main.small a function
stdin:1:49: error: args.k: ./app-stripped: no DWARF debug information (stripped, or built with -ldflags=-w?)
uprobe:./app-stripped:"main.(*Point).Scale" { @[args.k] = count(); }
                                                ^~~~~~
hint: the arguments of an inlined copy are where DWARF says: build without -ldflags=-w
stdin:1:1: error: main.small has no code of its own in ./app: the compiler inlined it everywhere, and an inlined copy has no return
uretprobe:./app:main.small { @ = count(); }
^~~~~~~~~~~~~~~~~~~~~~~~~~
hint: probe its entry with uprobe:, or build with -gcflags=-l to keep it a function
end
