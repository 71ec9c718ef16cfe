# profile PID SECONDS, by name from outside the repository: a CPU profile
# for go tool pprof of the -c command (PID 0: cpid), whose -top
# (tests/runtime/pprof-check) names main.spin the hot function with
# main.hot above main.cold; then of a running cpuhot by its pid for one second, as folded stacks that
# tests/runtime/folded-check reads as flamegraph.pl does (main.spin the
# hottest leaf, under main.hot far more than under main.cold).
prog: cpuhot
timeout: 90
--- script
d=$(mktemp -d /tmp/gotrace-profile.XXXXXX) && cd "$d" || exit 1
$GOTRACE -f pprof -o cpu.pb.gz profile 0 10 -c "$PROG 1000" >/dev/null 2>&1
$ROOT/tests/runtime/pprof-check cpu.pb.gz
$PROG 4000 >/dev/null &
p=$!
sleep 0.5
$GOTRACE -f folded -o cpu.folded profile $p 1 2>/dev/null
kill $p
$ROOT/tests/runtime/folded-check -v under=main.hot,main.cold cpu.folded >check
sed -n 's/^hottest leaf: \([^ ]*\).*/hottest leaf: \1/p' check
awk '/^under main.hot:/ { h = $3 } /^under main.cold:/ { c = $3 } END { print (h + 0 > 2 * (c + 0) ? "hot > 2 x cold" : "hot " h " cold " c) }' check
grep -o 'bad lines: 0' check
cd / && rm -rf "$d"
--- stdout
Type: cpu
flat: main.spin; cum: main.cold main.hot main.main main.work
hot > 2 x cold
hottest leaf: main.spin
hot > 2 x cold
bad lines: 0
