# Ready tools by name, from a directory outside the repository: --tools
# lists them with their purpose (from each header); a tool given fewer
# parameters than its usage line names prints that line and exits 2;
# options may follow the tool's arguments (-c after them); a program of
# the tool's name in the directory is not taken for a script; $GOTRACE_PATH
# comes first (a tool of ours there, and one that shadows funccount); a
# name that is neither a file nor a tool says where it looked; make
# install puts the tools in PREFIX/share/gotrace/tools (into DESTDIR),
# the directory gotrace is built to look in (from PREFIX).
prog: hello
--- script
d=$(mktemp -d /tmp/gotrace-byname.XXXXXX) && cd "$d" || exit 1
$GOTRACE --tools
$GOTRACE funccount; echo "exit $?"
$GOTRACE profile 1; echo "exit $?"
$GOTRACE -q funccount $PROG_hello 'fmt.Println' -c $PROG_hello 2>/dev/null | grep '^@'
cp $PROG_hello ./funccount
$GOTRACE -q funccount ./funccount 'fmt.Println' -c ./funccount 2>/dev/null | grep '^@'
rm funccount
mkdir tools
printf '// hi - says hi\n// usage: gotrace hi NAME\nBEGIN { printf("hi %%s\\n", str($1)); exit(); }\n' >tools/hi.gt
printf '// funccount - shadowed\nBEGIN { printf("my own funccount\\n"); exit(); }\n' >tools/funccount.gt
GOTRACE_PATH=/nonexistent:$PWD/tools $GOTRACE -q hi there
GOTRACE_PATH=$PWD/tools $GOTRACE -q funccount
GOTRACE_PATH=$PWD/tools $GOTRACE --tools | grep -E '^(hi|funccount) '
GOTRACE_PATH=$PWD/tools $GOTRACE hi; echo "exit $?"
$GOTRACE nosuchtool 2>&1 | sed "s|$ROOT|ROOT|g; s|/[^ ,)]*/share/gotrace/tools|PREFIX/share/gotrace/tools|"; echo "exit ${PIPESTATUS[0]}"
make -s -C $ROOT install DESTDIR=$PWD/dest >/dev/null && ls $PWD/dest/*/*/share/gotrace/tools/ $PWD/dest/*/share/gotrace/tools/ 2>/dev/null | grep -c '\.gt$'
make -n -C $ROOT install PREFIX=/opt/gt DESTDIR=/stage | grep -c -e "-DGOTRACE_TOOLS_DIR='\"/opt/gt/share/gotrace/tools\"'" -e '/stage/opt/gt/share/gotrace/tools'
$GOTRACE --help | grep -c "/share/gotrace/tools, then stdlib/"
cd / && rm -rf "$d"
--- stdout
allocs       heap allocations by type, size and caller
chanblock    time blocked in channel send, receive and select, by stack
dnslookups   DNS lookups, their latency and result
execs        commands started, with their arguments
funccount    calls of functions, counted by function
funclatency  how long functions take, as a histogram per function
gcpause      GC cycles, the heap at each, and stop-the-world pauses
goleak       goroutines still alive at the end, by creator and start function
goroutines   goroutines started each second, by creator and start function
growslice    how slices grow, and where
httpclient   HTTP requests made by net/http's client: method, URL, status or error, latency
httpserver   HTTP requests served by net/http: method, path, status, latency
mutexwait    sync.Mutex and RWMutex contention, by stack
offcpu       time goroutines spend parked, by wait reason and by stack
opens        files opened, with their flags and errors
panics       panics, their value and stack, and whether they were recovered
profile      on-CPU stacks of a Go process, for go tool pprof and flame graphs
schedlat     how long runnable goroutines wait for a thread
sqlslower    database/sql queries slower than a threshold, with their text and caller
exit 2
exit 2
@[fmt.Println]: 1
@[fmt.Println]: 1
hi there


my own funccount


funccount    shadowed
hi           says hi
exit 2
gotrace: 'nosuchtool' is neither a file nor a tool (nosuchtool.gt in PREFIX/share/gotrace/tools, ROOT/stdlib)
Try 'gotrace --tools'.
exit 1
19
3
1
--- stderr
usage: gotrace funccount BINARY PATTERN [-p PID | -c CMD]
usage: gotrace profile PID SECONDS [-f pprof -o FILE | -f folded]
usage: gotrace hi NAME
