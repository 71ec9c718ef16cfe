# The ready tools, run by name from a directory outside the repository:
# funccount counts fmt's functions in hello; funclatency times 400 calls
# of the latency example's main.handle per goroutine, and on a gccgo
# binary per thread, with a warning that says so; schedlat sees sched's 4
# spinning goroutines (GOMAXPROCS 1) wait milliseconds for the one P, at
# least 60 times, main.main.func1 (the go statement's wrapper) among
# them; offcpu writes an off-CPU profile (nanoseconds) that go tool pprof
# reads, with chans's functions and 40 to 60 ms of waiting under
# main.main.func1 (main.receiver's 50 ms); goroutines prints a time, a
# count and the map for each second with goroutines started.
prog: hello
prog: sched
prog: chans
prog: leak
needs: gccgo
--- script
d=$(mktemp -d /tmp/gotrace-stdlib.XXXXXX) && cd "$d" || exit 1
G=$GOTRACE
$G -q funccount $PROG_hello 'fmt.*' -c $PROG_hello 2>/dev/null | grep -E '^@\[fmt\.(Println|Fprintln)\]'
go build -gcflags=-l -o latency_ex $ROOT/examples/latency/main.go
$G -q funclatency ./latency_ex main.handle -c ./latency_ex | awk '/^\[/ { n += $3 } END { print n " calls timed" }'
$G -q funclatency $GOBINS/gccgo-basic main.sum -c $GOBINS/gccgo-basic 2>err | awk '/^@usecs/ { print } /^\[/ { n += $3 } END { print n " call timed" }'
grep -o 'warning: goid_or_tid is the thread id here.*' err | sed "s|$GOBINS/||"
$G -q schedlat $PROG_sched -c $PROG_sched >out 2>&1
awk '/^\[(2K|4K|8K|16K), / { n += $3 } END { print (n >= 60 ? "60 or more waits of 2 to 32 ms" : n " waits of 2 to 32 ms") }' out
sed -n 's/^@max_us\[main\.main\.func1\]: \([0-9]*\)$/\1/p' out | awk '{ print ($1 >= 2000 ? "main.main.func1 waited 2 ms or more" : $1) }'
$G -q -f pprof -o off.pb.gz offcpu $PROG_chans -c $PROG_chans >/dev/null 2>&1
go tool pprof -top -unit=ms off.pb.gz 2>/dev/null | awk '$1 == "Type:" { print } $6 == "main.main.func1" { print "main.main.func1", ($4 + 0 >= 40 && $4 + 0 <= 60 ? "40-60 ms" : $4) }'
$G -q goroutines $PROG_leak -c $PROG_leak 2>&1 | grep -E '^[0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]+ goroutines started$|^@started\[main' | sed 's/^[0-9:]* [0-9]* goroutines started$/TIME N goroutines started/'
cd / && rm -rf "$d"
--- stdout
@[fmt.Fprintln]: 1
@[fmt.Println]: 1
400 calls timed
@usecs[main.sum]: 
1 call timed
warning: goid_or_tid is the thread id here, not a goroutine's: gccgo-basic is built by gccgo, whose goroutines gotrace cannot name
60 or more waits of 2 to 32 ms
main.main.func1 waited 2 ms or more
Type: offcpu_ns
main.main.func1 40-60 ms
TIME N goroutines started
@started[main.main, leak.go:32, main.main.func1]: 3
@started[main.main, leak.go:35, main.main.func2]: 5
