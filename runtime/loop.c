/* loop.c - while tracing: one epoll set watches the ring buffer, the
 * signals that end tracing (read through a signalfd, so they are events
 * like the others) and the traced process's pidfd. */
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "abi/events.h"
#include "runtime/symbols.h"
#include "runtime/tracer.h"

/* What an epoll event is about. */
enum loop_src { SRC_EVENTS = 1, SRC_SIGNAL, SRC_TARGET };

#define MS 1000000ull /* nanoseconds */

/* Ctrl-C, SIGTERM and SIGHUP end tracing (and lead to END): they are
 * blocked, and read from a signalfd by the loop. */
int catch_signals(struct tracer *t)
{
	sigemptyset(&t->sigs);
	sigaddset(&t->sigs, SIGINT);
	sigaddset(&t->sigs, SIGTERM);
	sigaddset(&t->sigs, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &t->sigs, NULL) < 0)
		return fail(&t->fail, -errno, "cannot block Ctrl-C");
	t->sigfd = signalfd(-1, &t->sigs, SFD_CLOEXEC);
	if (t->sigfd < 0)
		return fail(&t->fail, -errno, "cannot open a signalfd for Ctrl-C");
	return 0;
}

/* Events lost since the last time, said once a second while tracing. */
static void lost_tick(struct tracer *t)
{
	if (mono_ns() - t->lost_checked >= 1000 * MS) {
		check_lost(t, false);
		t->lost_checked = mono_ns();
	}
}

/* One event from the ring buffer. */
static void on_event(void *ctx, const void *data, uint32_t size)
{
	struct tracer *t = ctx;
	/* a drain that takes long (its output blocks: events are being
	 * lost) looks at the clock every so often too */
	if (++t->events % 1024 == 0)
		lost_tick(t);
	if (t->exiting || size < sizeof(struct ev_hdr))
		return;
	const struct ev_hdr *h = data;
	const void *payload = (const char *)data + sizeof(*h);
	switch (h->action) {
	case EV_PRINTF:
		out_printf(t->out, (int)h->id, payload);
		break;
	case EV_EXIT:
		t->exiting = t->exit_called = true;
		t->exit_code = (int)*(const int64_t *)payload;
		break;
	case EV_PRINT_MAP: {
		const int64_t *w = payload;
		if (h->id < t->s->maps.n)
			print_map(t, t->s->maps.v[h->id], w[0], w[1]);
		break;
	}
	case EV_CLEAR:
	case EV_ZERO:
		if (h->id < t->s->maps.n)
			clear_map(t, t->s->maps.v[h->id], h->action == EV_ZERO);
		break;
	case EV_PRINT_VALUE:
		out_print_value(t->out, (int)h->id, payload);
		break;
	case EV_TIME:
		out_time(t->out, (int)h->id);
		break;
	case EV_FAULT:
		if (size >= sizeof(*h) + sizeof(struct ev_fault))
			say_fault(t, h->id, payload);
		break;
	default:
		break;
	}
}

long drain(struct tracer *t)
{
	long n = ring_drain(&t->ring, on_event, t);
	out_flush(t->out);
	return n;
}

static int watch(struct tracer *t, int fd, enum loop_src src, const char *what)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u32 = src };
	if (epoll_ctl(t->epfd, EPOLL_CTL_ADD, fd, &ev) < 0)
		return fail(&t->fail, -errno, "cannot watch %s", what);
	return 0;
}

/* The ring buffer, and the epoll set the loop waits on. */
int open_events(struct tracer *t)
{
	int rbfd = bpf_object__find_map_fd_by_name(t->obj, MAP_EVENTS);
	int err = ring_open(&t->ring, rbfd, EVENTS_SIZE);
	if (err)
		return fail(&t->fail, err, "cannot map the ring buffer");
	t->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (t->epfd < 0)
		return fail(&t->fail, -errno, "cannot create an epoll instance");
	err = watch(t, rbfd, SRC_EVENTS, "the ring buffer");
	err = err ?: watch(t, t->sigfd, SRC_SIGNAL, "the signalfd");
	if (t->target.pidfd >= 0)
		err = err ?: watch(t, t->target.pidfd, SRC_TARGET, "the traced process");
	return err;
}

/* How long the loop may sleep: until the next drain (probes do not wake
 * the loop for every event, see codegen's submit_flags); without the
 * target's pidfd, 0.1 s at most, to see when it has ended. */
static int loop_timeout(struct tracer *t)
{
	if (t->target.pid > 0 && t->target.pidfd < 0)
		return MIN(EVENTS_POLL_MS, 100);
	return EVENTS_POLL_MS;
}

/* Done whenever the loop wakes, whatever woke it. True: stop tracing
 * (the target has ended, or the output cannot be written). */
static bool on_wake(struct tracer *t)
{
	struct target *tg = &t->target;
	bool stop = (tg->pid > 0 && tg->pidfd < 0 && target_gone(tg)) || ferror(t->out->f);
	/* the traced process's libraries, for naming its addresses after
	 * it has gone: read again every half second */
	if (tg->pid > 0 && mono_ns() - t->remembered > 500 * MS) {
		syms_remember(t->syms, (uint32_t)tg->pid);
		t->remembered = mono_ns();
	}
	lost_tick(t);
	return stop;
}

/* One source is ready. 1: stop tracing, 0: go on, or a negative errno. */
static int on_ready(struct tracer *t, enum loop_src src)
{
	switch (src) {
	case SRC_EVENTS: /* drained after every wake-up */
		return 0;
	case SRC_SIGNAL: {
		struct signalfd_siginfo si;
		ssize_t n = read(t->sigfd, &si, sizeof(si));
		if (n < 0 && errno != EINTR && errno != EAGAIN)
			return fail(&t->fail, -errno, "cannot read the signalfd");
		t->stopped |= n > 0;
		return n > 0;
	}
	case SRC_TARGET:
		target_ended(&t->target);
		return 1;
	}
	return 0;
}

int event_loop(struct tracer *t)
{
	t->remembered = mono_ns() - 400 * MS; /* first read after 0.1 s */
	t->lost_checked = mono_ns();
	int stop = 0;
	long found = 0;
	uint64_t flushed = mono_ns();
	while (!t->exiting && !stop) {
		/* while drains find events, drain again at once (after a look
		 * at the signals and the target); else sleep until the timer
		 * or a wake-up a probe forces */
		struct epoll_event evs[4];
		int n = epoll_wait(t->epfd, evs, 4, found ? 0 : loop_timeout(t));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(&t->fail, -errno, "cannot wait for events");
		stop = on_wake(t);
		for (int i = 0; i < n; i++) {
			int r = on_ready(t, evs[i].data.u32);
			if (r < 0)
				return r;
			stop |= r;
		}
		/* what was read is written before the loop sleeps, or after
		 * EVENTS_POLL_MS of draining without a pause: promptly (a
		 * person watching a pipe or a file sees lines within about
		 * EVENTS_POLL_MS) and in big writes, not one per line or per
		 * drain */
		found = ring_drain(&t->ring, on_event, t);
		if (!found || t->exiting || mono_ns() - flushed > EVENTS_POLL_MS * MS) {
			out_flush(t->out);
			flushed = mono_ns();
		}
	}
	return 0;
}

/* Ctrl-C, SIGTERM or SIGHUP read or waiting to be read. */
static bool stop_signal_seen(struct tracer *t)
{
	sigset_t pending;
	if (t->stopped)
		return true;
	if (sigpending(&pending) < 0)
		return false;
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&t->sigs, sig) == 1 && sigismember(&pending, sig) == 1)
			return true;
	return false;
}

int say_target_end(struct tracer *t)
{
	/* a Ctrl-C in the terminal stops the -c command too (it is in the
	 * terminal's process group): gotrace was stopped, nothing to say */
	if (t->target.ended && !stop_signal_seen(t)) {
		out_flush(t->out);
		t->target_status = target_say_end(&t->target);
	}
	return 0;
}

void close_events(struct tracer *t)
{
	if (t->epfd >= 0)
		close(t->epfd);
	if (t->sigfd >= 0)
		close(t->sigfd);
	ring_close(&t->ring);
	t->epfd = t->sigfd = -1;
}
