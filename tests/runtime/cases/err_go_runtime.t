# What the runtime builtins cannot do is a located error that says why:
# ustack(0); a runtime.g field DWARF does not have; on a stripped build, a
# field gotrace's table does not have, a global it cannot find without
# symbols, a struct it knows nothing of; gorelease outside a Go probe.
prog: docmain
--- script
cp $PROG ./main && cp "$($ROOT/tests/runtime/gobuild docmain local stripped)" ./stripped || exit 1
$GOTRACE --dry-run -e 'uprobe:./main:main.sum { @[ustack(0)] = count(); printf("%d\n", gfield(curg, "nosuch")); }' 2>&1 | grep error: | sed "s|$PWD/||"
echo "exit ${PIPESTATUS[0]}"
$GOTRACE --dry-run -e 'uprobe:./stripped:main.sum { printf("%d %d %d\n", gfield(curg, "nosuch"), uaddr("runtime.ncpu"), gooffset("main.T", "x")); }' 2>&1 | grep error: | sed "s|$PWD/||; s/go1\.[0-9.]*/go1.N/"
$GOTRACE --dry-run -e 'BEGIN { printf("%d\n", gorelease); }' 2>&1 | grep error:
--- stdout
stdin:1:35: error: ustack(N): N must be between 1 and 127, not 0
stdin:1:78: error: gfield(): main: DWARF's runtime.g has no field 'nosuch'
exit 1
stdin:1:64: error: gfield(): stripped: runtime.g.nosuch is not in gotrace's table for go1.N (and the binary has no DWARF to say where it is)
stdin:1:81: error: uaddr(): stripped has no symbols (stripped): of the variables, gotrace finds only runtime.waitReasonStrings and runtime.gcController there, not 'runtime.ncpu'
stdin:1:98: error: gooffset(): stripped has no DWARF for main.T, and gotrace's table of runtime fields knows only runtime.g and runtime.gcControllerState
stdin:1:24: error: gorelease cannot be used in a BEGIN probe
