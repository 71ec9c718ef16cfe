# When a system call the runtime needs fails, gotrace says once what it
# could not do, attaches nothing, starts nothing and exits 1. A shim
# preloaded into gotrace makes the call named in FAIL fail with ENOMEM,
# after letting the first SKIP calls through (the epoll set watches the
# ring buffer, the signalfd, then the traced process).
--- file shim.c
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <unistd.h>

static int fails(const char *name, int *calls)
{
	const char *f = getenv("FAIL"), *skip = getenv("SKIP");
	if (!f || strcmp(f, name) || (*calls)++ < (skip ? atoi(skip) : 0))
		return 0;
	errno = ENOMEM;
	return 1;
}

#define WRAP(ret, name, params, args)                                  \
	ret name params                                                \
	{                                                              \
		static int calls;                                      \
		if (fails(#name, &calls))                              \
			return -1;                                     \
		return ((ret(*) params)dlsym(RTLD_NEXT, #name))args;   \
	}

WRAP(int, signalfd, (int fd, const sigset_t *mask, int flags), (fd, mask, flags))
WRAP(int, epoll_create1, (int flags), (flags))
WRAP(int, epoll_ctl, (int ep, int op, int fd, struct epoll_event *ev), (ep, op, fd, ev))
WRAP(int, pipe2, (int fds[2], int flags), (fds, flags))
WRAP(pid_t, fork, (void), ())
--- script
cc -shared -fPIC -o shim.so shim.c || exit 1
try() {
	env "$@" LD_PRELOAD=$PWD/shim.so $GOTRACE -e 'BEGIN { printf("begin\n"); } END { printf("end\n"); }' -c 'touch ran' 2>&1
	echo "exit $?"
}
try FAIL=signalfd
try FAIL=epoll_create1
try FAIL=epoll_ctl
try FAIL=epoll_ctl SKIP=1
try FAIL=epoll_ctl SKIP=2
try FAIL=pipe2
try FAIL=fork
[ -e ran ] && echo "the command ran"
try FAIL=none
[ -e ran ] && echo "the command ran"
--- stdout
gotrace: cannot open a signalfd for Ctrl-C: Cannot allocate memory
exit 1
gotrace: cannot create an epoll instance: Cannot allocate memory
exit 1
gotrace: cannot watch the ring buffer: Cannot allocate memory
exit 1
gotrace: cannot watch the signalfd: Cannot allocate memory
exit 1
gotrace: cannot watch the traced process: Cannot allocate memory
exit 1
gotrace: cannot start 'touch': Cannot allocate memory
exit 1
gotrace: cannot start 'touch': Cannot allocate memory
exit 1
Attaching 2 probes...
begin
end


exit 0
the command ran
