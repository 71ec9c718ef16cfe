# -f pprof -o FILE: a CPU profile of cpuhot (0.8 s in main.hot, 0.2 s in
# main.cold, both spinning in main.spin) as a gzipped profile.proto that
# go tool pprof (Go 1.19) reads: -top (tests/runtime/pprof-check) names
# main.spin as the hot function and main.hot above main.cold; -lines
# gives cpuhot.go's lines; -traces shows the whole stack up to
# runtime.main; the web UI (-http) serves its flame graph. Without -o,
# -f pprof is bad usage.
prog: cpuhot
--- script
$GOTRACE -q -f pprof -o cpu.pb.gz -e 'profile:hz:499 { @cpu[ustack] = count(); }' -c "$PROG 1000" >/dev/null || exit 1
gzip -t cpu.pb.gz && echo gzip ok
$ROOT/tests/runtime/pprof-check cpu.pb.gz
go tool pprof -lines -top cpu.pb.gz 2>/dev/null | grep -c 'main\.spin .*/tests/runtime/progs/cpuhot\.go:[0-9][0-9]*$' | sed 's/^[1-9][0-9]*$/lines ok/'
go tool pprof -traces cpu.pb.gz 2>/dev/null | awk '/^-+\+/ { n = 0 } { n++ } /runtime\.main$/ && n > 5 { ok = 1 } END { print ok ? "traces to runtime.main" : "no" }'
go tool pprof -no_browser -http=127.0.0.1:18087 cpu.pb.gz >http.log 2>&1 &
p=$!
for i in 1 2 3 4 5 6 7 8 9 10; do curl -s -o /dev/null http://127.0.0.1:18087/ui/ && break; sleep 1; done
curl -s http://127.0.0.1:18087/ui/flamegraph | grep -o 'main\.hot' | head -1
kill $p
$GOTRACE -f pprof -e 'BEGIN { exit(); }'; echo "exit $?"
--- stdout
gzip ok
Type: cpu
flat: main.spin; cum: main.cold main.hot main.main main.work
hot > 2 x cold
lines ok
traces to runtime.main
main.hot
exit 2
--- stderr-has
-f pprof writes a binary profile: name its file with -o FILE
