/* tracer.h - the runtime's state and its steps, inside runtime/.
 *
 * run_program (run.c) chains the steps; each does one job on struct
 * tracer and returns 0 or a negative errno:
 *
 *   load_object     load.c     the BPF object into the kernel
 *   catch_signals   loop.c     Ctrl-C, SIGTERM, SIGHUP through a signalfd
 *   target_start    target.c   -p's process, or the -c command (stopped)
 *   open_events     loop.c     the ring buffer (ring.c) and the epoll set
 *   start_tracing   run.c      the banner, BEGIN, then every other probe
 *   let_command_run run.c      the -c command goes on to exec
 *   event_loop      loop.c     events until exit(), a signal, or the
 *                              traced process ends
 *   say_target_end  loop.c     how it ended, when it was killed or failed
 *   finish          run.c      detach, END, the maps, lost events, failed
 *                              reads and dropped map updates (reports.c)
 *
 * Errors: a step that fails records what it was doing in its struct
 * failure and returns the negative errno; run_program prints it once,
 * "gotrace: <what>: <strerror>". A step with something more specific to
 * say than an errno prints its own sentence and returns -ERR_SAID. */
#ifndef GOTRACE_TRACER_H
#define GOTRACE_TRACER_H

#include <errno.h>
#include <signal.h>

#include <bpf/libbpf.h>

#include "runtime/attach.h"
#include "runtime/runtime.h"

/* Returned (negated) by a step that has printed why it failed. */
#define ERR_SAID 4096

/* What failed, for run_program to say. */
struct failure {
	char what[512];
};

/* Records what was being done ("cannot open the ring buffer") when err
 * (a negative errno) happened; returns err. */
int fail(struct failure *f, int err, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* -errno, or -EIO where a library failed without setting errno. */
static inline int neg_errno(void)
{
	return errno > 0 ? -errno : -EIO;
}

/* The traced process: -p's, or the -c command gotrace starts. */
struct target {
	pid_t pid;   /* 0: none */
	pid_t child; /* the -c command, or 0 (also once collected) */
	int pidfd;   /* readable when it ends; -1: polled (Linux < 5.3) */
	int gofd;    /* the -c command execs when a byte is written here */
	int execfd;  /* the command's exec error comes here (EOF: it runs) */
	char *argv0; /* the command's name */
	/* it ended while traced (not stopped by gotrace), and how */
	bool ended, status_known;
	int status; /* a wait status */
};

/* The events ring buffer, read from its shared memory (ring.c). */
struct ring {
	int fd;
	uint32_t size; /* data bytes, a power of two */
	size_t page;
	uint64_t *cons;	      /* consumer position (ours to write) */
	const uint64_t *prod; /* producer position, then the data */
	const uint8_t *data;
	uint8_t *wrapped; /* a record that wraps around the end, in one piece */
};

struct tracer {
	struct sema *s;
	struct probeset *ps;
	const struct run_opts *o;
	struct output *out;
	struct syms *syms;
	struct failure fail;

	/* load.c */
	struct bpf_object *obj;
	struct bpf_program **progs; /* probe * PG__COUNT + group */
	int *map_fds;		    /* by map id */
	int lost_fd;
	int reports_fd; /* MAP_REPORTS, or -1 */
	int ncpus;
	bool no_batch; /* the kernel cannot read maps in batches (maps.c) */

	struct attacher att;
	struct target target;

	/* loop.c */
	sigset_t sigs; /* blocked while tracing, read from sigfd */
	int sigfd, epfd;
	struct ring ring;
	uint64_t remembered; /* when the target's memory map was last read */
	uint64_t lost_checked; /* when lost events were last counted */
	uint64_t lost_said;    /* lost events said so far */
	uint64_t events;       /* events read */
	bool exiting;	     /* exit() ran: later events are dropped */
	bool exit_called;    /* exit() ran, in a probe or END */
	int exit_code;	     /* exit()'s, or 0 */
	bool stopped;	     /* by Ctrl-C, SIGTERM or SIGHUP */
	int target_status;   /* gotrace's exit status for how the target ended */
};

/* load.c */
int load_object(struct tracer *t, const struct blob *obj);
void unload_object(struct tracer *t);

/* target.c */
int target_start(struct target *tg, const struct run_opts *o, struct failure *f);
/* Lets the -c command exec; an error when it cannot. */
int target_release(struct target *tg, struct failure *f);
/* Without a pidfd: has the traced process ended? (Then it is collected.) */
bool target_gone(struct target *tg);
/* Its pidfd says the traced process has ended: learns how. */
void target_ended(struct target *tg);
/* When the traced process ended while traced, says how on stderr unless
 * it exited 0: killed by a signal (and whether it dumped core), its exit
 * status, or that it has exited when that is all the kernel still tells.
 * Returns gotrace's exit status for it: 128 + N for signal N, the exit
 * status, or 0. */
int target_say_end(const struct target *tg);
/* Stops the -c command if it still runs, closes what is open. */
void target_close(struct target *tg);

/* loop.c */
int catch_signals(struct tracer *t);
int open_events(struct tracer *t);
int event_loop(struct tracer *t);
/* After the loop: how the traced program ended, when that ended tracing
 * (target_say_end), unless gotrace was told to stop meanwhile. */
int say_target_end(struct tracer *t);
/* Prints what the ring buffer holds, flushes the output; returns the
 * number of events. (The event loop drains it too, and flushes when it
 * is about to sleep.) */
long drain(struct tracer *t);
void close_events(struct tracer *t);

/* ring.c: returns 0 or a negative errno. */
int ring_open(struct ring *r, int map_fd, uint32_t size);
void ring_close(struct ring *r);
/* Calls fn on each event the ring held when called (not those added
 * meanwhile); returns how many. */
long ring_drain(struct ring *r, void (*fn)(void *ctx, const void *data, uint32_t size), void *ctx);

/* begin_end.c: runs the BEGIN or END probes, in script order. */
int run_special(struct tracer *t, enum probe_kind kind);

/* maps.c */
void print_map(struct tracer *t, const struct mapinfo *m, int64_t top, int64_t div);
void clear_map(struct tracer *t, const struct mapinfo *m, bool zero);
void print_all_maps(struct tracer *t);
uint64_t lost_events(struct tracer *t);

struct ev_fault;
/* reports.c: what went wrong, said at its place in the script. */
/* Every report site that counted failed reads or dropped map updates. */
void say_failures(struct tracer *t);
/* Lost events: those since the last call (while tracing), or all. */
void check_lost(struct tracer *t, bool at_exit);
/* One failure as it happens (-k). */
void say_fault(struct tracer *t, uint32_t site, const struct ev_fault *f);

#endif
