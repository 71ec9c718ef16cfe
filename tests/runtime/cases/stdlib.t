# The ready tools in stdlib/ run and report what they should.
prog: hello
prog: growslice
--- script
cd $ROOT
G=$GOTRACE
$G -q stdlib/funccount.gt $PROG_hello 'fmt.*' -c $PROG_hello 2>/dev/null | grep -E '^@\[fmt\.(Println|Fprintln)\]'
go build -gcflags=-l -o $ROOT/build/progs/latency_ex ./examples/latency/main.go
$G -q stdlib/funclatency.gt $ROOT/build/progs/latency_ex main.handle -c $ROOT/build/progs/latency_ex | awk '/^\[/ { n += $3 } END { print n " calls timed" }'
$G -q stdlib/goroutines.gt $ROOT/build/progs/latency_ex -c $ROOT/build/progs/latency_ex | grep -E '^@from\[main\.main\]'
$G -q stdlib/growslice.gt $ROOT/build/progs/growslice -c $ROOT/build/progs/growslice 2>/dev/null | grep -E '^\[512, 1K\)'| sed 's/ .*//'
--- stdout
@[fmt.Fprintln]: 1
@[fmt.Println]: 1
400 calls timed
@from[main.main]: 8
[512,
