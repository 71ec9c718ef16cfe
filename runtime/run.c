/* run.c - the runtime's steps, in order (see tracer.h), and the errors
 * they return, said once. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <bpf/bpf.h>

#include "abi/events.h"
#include "runtime/tracer.h"

int fail(struct failure *f, int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->what, sizeof(f->what), fmt, ap);
	va_end(ap);
	return err;
}

static void tracer_init(struct tracer *t, struct sema *s, struct probeset *ps,
			const struct run_opts *o)
{
	memset(t, 0, sizeof(*t));
	t->s = s;
	t->ps = ps;
	t->o = o;
	t->out = o->out;
	/* output is written in one piece when the ring has been drained
	 * (loop.c), a terminal's too, rather than line by line */
	setvbuf(t->out->f, NULL, _IOFBF, 64 * 1024);
	t->syms = t->out->syms = syms_new(ps);
	t->lost_fd = t->reports_fd = t->sigfd = t->epfd = -1;
	t->target.pidfd = t->target.gofd = t->target.execfd = -1;
	attacher_init(&t->att, ps, o->verbose, &t->fail);
}

static void tracer_free(struct tracer *t)
{
	attacher_free(&t->att);
	target_close(&t->target);
	close_events(t);
	unload_object(t);
	syms_free(t->syms);
	t->out->syms = NULL;
	sb_free(&t->out->line);
}

/* The banner, then BEGIN before anything else is attached, so that
 * nothing (an interval, a uprobe in a -p process) fires before it; then
 * every other probe, unless BEGIN called exit(). */
static int start_tracing(struct tracer *t)
{
	if (!t->o->quiet) {
		out_attached(t->out, probeset_count(t->ps));
		out_flush(t->out);
	}
	int err = run_special(t, PK_BEGIN);
	if (err || t->exiting)
		return err;
	pid_t pid = t->target.pid;
	int tfd = bpf_object__find_map_fd_by_name(t->obj, MAP_TARGET);
	if (pid > 0 && tfd >= 0) {
		uint32_t zero = 0;
		uint64_t tp = (uint64_t)pid;
		err = bpf_map_update_elem(tfd, &zero, &tp, BPF_ANY);
		if (err)
			return fail(&t->fail, err, "cannot tell the probes the traced process");
	}
	int n;
	return attach_all(&t->att, t->progs, pid, &n);
}

/* The -c command execs once every probe is attached (not at all when
 * BEGIN called exit()); what gotrace has printed so far (the banner) goes
 * out first, so that it comes before the command's own output on a
 * shared pipe. */
static int let_command_run(struct tracer *t)
{
	if (t->exiting)
		return 0;
	out_flush(t->out);
	return target_release(&t->target, &t->fail);
}

/* After tracing: nothing but END may fire; then the maps, the lost
 * events, the failed reads and dropped map updates, and whether the
 * output was all written. */
static int finish(struct tracer *t)
{
	attach_detach(&t->att);
	drain(t);
	t->exiting = false; /* END prints, and its exit(N) counts too */
	int err = run_special(t, PK_END);
	sigprocmask(SIG_UNBLOCK, &t->sigs, NULL); /* a second Ctrl-C ends a long dump */
	print_all_maps(t);
	out_lost(t->out, lost_events(t));
	out_flush(t->out);
	say_failures(t);
	check_lost(t, true);
	out_flush(t->out);
	if (!err && ferror(t->out->f) && errno != EPIPE)
		err = fail(&t->fail, -errno, "cannot write the output");
	return err;
}

int run_program(struct sema *s, struct probeset *ps, const struct blob *ob,
		const struct run_opts *o)
{
	struct tracer tr, *t = &tr;
	tracer_init(t, s, ps, o);
	int err = load_object(t, ob);
	if (!err && o->dry_run) {
		if (o->verbose)
			fprintf(stderr, "gotrace: every program passed the verifier\n");
	} else {
		err = err ?: catch_signals(t);
		err = err ?: target_start(&t->target, o, &t->fail);
		err = err ?: open_events(t);
		err = err ?: start_tracing(t);
		err = err ?: let_command_run(t);
		err = err ?: event_loop(t);
		err = err ?: say_target_end(t);
		err = err ?: finish(t);
	}
	if (err && err != -ERR_SAID)
		fprintf(stderr, "gotrace: %s: %s\n", t->fail.what, strerror(-err));
	/* exit(N) wins; else how the traced program ended */
	int status = err ? 1 : t->exit_called ? t->exit_code : t->target_status;
	tracer_free(t);
	return status;
}
