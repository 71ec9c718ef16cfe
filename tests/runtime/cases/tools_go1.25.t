# The ready tools, run by name from a directory outside the repository, on
# our programs built by Go 1.25 (Debian's golang-1.25, unpacked by tests/gobins/fetch), with DWARF and stripped
# (tests/runtime/tools-check: what each tool must find, as names and
# counts; times against bounds). The two builds must agree: the stripped
# one reads runtime fields from gotrace's table by release, the other
# from DWARF. goroutines/goleak: 3 + 5 goroutines of main.main's two go
# statements, the 5 blocked ones leaked; growslice: main.main's 2000
# appends of int grow the slice through capacities up to [1K, 2K) (the
# right argument on each side of Go 1.20's change); gcpause: 5 or more
# cycles with about 8 MB live; chanblock: a 40 ms send and a 30 ms select,
# with our functions in the stacks; mutexwait: contended Mutex and RWMutex
# waits with main.contend and main.reader; panics: each value, its
# message, recovered or not; opens, execs, dnslookups: each call with its
# flags, arguments, result or error; allocs: 2000 *main.record of 64
# bytes by main.records, 1000 []byte of 4 KB.
needs: toolchains/root/usr/lib/go-1.25/bin/go
timeout: 180
--- script
d=$(mktemp -d /tmp/gotrace-tools.XXXXXX) && cd "$d" || exit 1
for k in debug stripped; do $ROOT/tests/runtime/tools-check 1.25 $k >out.$k 2>&1 || { cat out.$k; exit 1; }; done
cmp -s out.debug out.stripped && echo "debug and stripped builds agree" || diff out.debug out.stripped
cat out.stripped
cd / && rm -rf "$d"
--- stdout
debug and stripped builds agree
@started[main.main, leak.go:32, main.main.gowrap1]: 3
@started[main.main, leak.go:35, main.main.gowrap2]: 5
@leaked[main.main, leak.go:35, main.main.gowrap2]: 5
@by_caller[main.main]: 11
@by_type[int]: 11
[512, 1K)              2
[1K, 2K)               2
gcpause: cycles ok, heap ~8 MB, pauses
chanblock: chan send once, ok
chanblock: select once, ok
chanblock: stacks of ours: 3
mutexwait: internal/sync.runtime_SemacquireMutex waits
mutexwait: sync.runtime_SemacquireRWMutexR waits
mutexwait: stack main.contend
mutexwait: stack main.reader
panic in goroutine 1: string: boom
goroutine 1 recovered
panic in goroutine 1: *errors.errorString: disk full
goroutine 1 recovered
panic in goroutine 1: *fmt.wrapError: open /etc/app.conf: no such file
goroutine 1 recovered
panic in goroutine 1: runtime.boundsError: index 5, length 3
goroutine 1 recovered
panic in goroutine 1: string: fatal: giving up
goroutine 1 did not recover: the program dies
goroutine 1  files.d/out.txt  O_RDWR|O_CREATE|O_TRUNC  ok
goroutine 1  files.d/out.txt  O_RDONLY  ok
goroutine 1  files.d/missing.txt  O_RDONLY  No such file or directory
goroutine 1  files.d  O_WRONLY  Is a directory
goroutine 1  pid N  /bin/true a b
goroutine 1  pid N  /bin/sh -c exit 3
goroutine 1  pid N  /bin/echo hello world
goroutine 1  failed: No such file or directory  /nonexistent/cmd x
localhost T us  1 addresses, first 127.0.0.1
api.example.test T us  error: offline
localhost T us  1 addresses, first 127.0.0.1
@by_type[main.record]: count 2000, average 64, total 128000
@by_type[uint8]: count 1000, average 4096, total 4096000
@bytes[main.records]: count 2000, average 64, total 128000
