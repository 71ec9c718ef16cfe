# The tools made for gc's runtime say why they cannot work on a gccgo
# binary (its runtime is libgo's), with the attach point; funclatency
# works there, per thread, and says so.
needs: gccgo-basic
--- script
d=$(mktemp -d /tmp/gotrace-gccgo.XXXXXX) && cd "$d" || exit 1
cp $GOBINS/gccgo-basic ./app
for t in offcpu allocs; do $GOTRACE $t ./app 2>&1 | grep -m2 -E 'error|hint' | sed "s|$ROOT/||; s|$PWD/||; s/\.gt:[0-9]*:[0-9]*:/.gt:LINE:COL:/"; echo "exit ${PIPESTATUS[0]}"; done
$GOTRACE -q funclatency ./app main.sum -c ./app 2>&1 | grep -o 'warning: goid_or_tid is the thread id here, not a goroutine.s: .*' | sed "s|$PWD/||"
cd / && rm -rf "$d"
--- stdout
stdlib/offcpu.gt:LINE:COL: error: function 'runtime.gopark' not found in ./app
hint: app is built by gccgo: its runtime is libgo's, whose functions are not the gc runtime's (this works on binaries built by go build)
exit 1
stdlib/allocs.gt:LINE:COL: error: no function in ./app matches 'runtime.mallocgc*'
hint: app is built by gccgo: its runtime is libgo's, whose functions are not the gc runtime's (this works on binaries built by go build)
exit 1
warning: goid_or_tid is the thread id here, not a goroutine's: app is built by gccgo, whose goroutines gotrace cannot name
