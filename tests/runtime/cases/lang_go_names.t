# Names the binary gives: ucaller is the first function outside Go's
# runtime (main.records made the 2000 allocations of 64 bytes, through
# runtime.newobject and runtime.mallocgc); gowaitreason names chans's
# parks from the binary's runtime.waitReasonStrings; join() of a Go
# []string (syscall.forkExec's argv) and of a C argv (execve's, in the
# forked child, whose comm is still "execs"), with a separator.
prog: allocs
prog: chans
prog: execs
--- script
$GOTRACE -q -o a -e 'uprobe:'$PROG_allocs':runtime.mallocgc /goarg(0) == 64/ { @[ucaller] = count(); }' -c $PROG_allocs >/dev/null
grep main a
$GOTRACE -q -o b -e 'uprobe:'$PROG_chans':runtime.gopark { @[gowaitreason((uint8)goarg(2))] = count(); }' -c $PROG_chans >/dev/null
grep -E '^@\[(chan send|select|sleep)\]' b
$GOTRACE -q -o c -e 'uprobe:'$PROG_execs':syscall.forkExec { printf("go: %s\n", join(goarg(2), goarg(3))); } tracepoint:syscalls:sys_enter_execve /comm == "execs"/ { printf("c: %s\n", join(args.argv, ",")); }' -c $PROG_execs >/dev/null
grep -v '^$' c | sort
--- stdout
@[main.records]: 2000
@[chan send]: 1
@[select]: 1
@[sleep]: 2
c: /bin/echo,hello world
c: /bin/sh,-c,exit 3
c: /bin/true,a,b
c: /nonexistent/cmd,x
go: /bin/echo hello world
go: /bin/sh -c exit 3
go: /bin/true a b
go: /nonexistent/cmd x
