/* run.c - load, attach, run, report.
 *
 * BEGIN and END probes are uprobes on two functions of gotrace itself,
 * which it calls at the right moment, so they run in the kernel like every
 * other probe and send their output through the same ring buffer. */
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "runtime/attach.h"
#include "abi/events.h"
#include "runtime/runtime.h"
#include "runtime/symbols.h"

/* The BEGIN and END triggers: distinct bodies, never inlined or merged. */
__attribute__((noipa, used)) void gotrace_begin_trigger(void)
{
	__asm__ volatile("nop; nop" ::: "memory");
}

__attribute__((noipa, used)) void gotrace_end_trigger(void)
{
	__asm__ volatile("nop; nop; nop" ::: "memory");
}

struct tracer {
	struct sema *s;
	struct probeset *ps;
	const struct run_opts *o;
	struct output *out;
	struct bpf_object *obj;
	struct bpf_program **progs; /* by probe index */
	struct attacher att;
	struct ring_buffer *rb;
	int *map_fds;
	int lost_fd;
	int ncpus;
	bool exiting;
	int exit_code;
	pid_t child;
};

/* --- libbpf messages ----------------------------------------------------------- */

static struct strbuf libbpf_log;

static int libbpf_print_fn(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG)
		return 0;
	sb_vprintf(&libbpf_log, fmt, ap);
	return 0;
}

/* The probe whose program the log says failed, or -1. */
static int failed_probe(void)
{
	const char *p = libbpf_log.s ? strstr(libbpf_log.s, "prog 'probe_") : NULL;
	/* probe_N_G */
	return p ? atoi(p + strlen("prog 'probe_")) : -1;
}

static const char *probe_text(struct tracer *t, int idx)
{
	for (struct probe *p = t->s->prog->probes; p; p = p->next)
		if (p->index == idx)
			return p->attaches->text;
	return "?";
}

/* --- loading ------------------------------------------------------------------- */

static int load(struct tracer *t, const struct blob *ob)
{
	libbpf_set_print(libbpf_print_fn);
	LIBBPF_OPTS(bpf_object_open_opts, oo, .object_name = "gotrace");
	t->obj = bpf_object__open_mem(ob->data, ob->size, &oo);
	if (!t->obj) {
		fprintf(stderr, "gotrace: cannot open the generated BPF object: %s\n", strerror(errno));
		if (t->o->verbose)
			fputs(libbpf_log.s ? libbpf_log.s : "", stderr);
		return -1;
	}
	/* programs are named probe_N_G: probe N, group G (u, p, t) */
	t->progs = xcalloc((size_t)t->ps->nprobes * PG__COUNT, sizeof(*t->progs));
	struct bpf_program *prog;
	bpf_object__for_each_program(prog, t->obj) {
		int idx;
		char g;
		if (sscanf(bpf_program__name(prog), "probe_%d_%c", &idx, &g) != 2 || idx < 0 ||
		    idx >= t->ps->nprobes || !strchr("upt", g))
			continue;
		enum prog_group grp = g == 'u' ? PG_UPROBE : g == 'p' ? PG_PERF : PG_TRACEPOINT;
		t->progs[idx * PG__COUNT + grp] = prog;
		if (grp == PG_UPROBE)
			attach_prepare(&t->att, idx, prog);
	}
	int err = bpf_object__load(t->obj);
	if (err) {
		int probe = failed_probe();
		if (err == -EPERM || err == -EACCES) {
			if (probe >= 0 && err == -EACCES)
				fprintf(stderr, "gotrace: the kernel's verifier rejected the program of '%s'%s\n",
					probe_text(t, probe), t->o->verbose ? ":" : " (run with -v to see why)");
			else
				fprintf(stderr, "gotrace: no permission to load BPF programs: run as root (or with CAP_BPF and CAP_PERFMON)\n");
		} else if (probe >= 0) {
			fprintf(stderr, "gotrace: the kernel's verifier rejected the program of '%s'%s\n",
				probe_text(t, probe), t->o->verbose ? ":" : " (run with -v to see why)");
		} else {
			fprintf(stderr, "gotrace: loading the BPF programs failed: %s%s\n",
				strerror(-err), t->o->verbose ? "" : " (run with -v for details)");
		}
		if (t->o->verbose)
			fputs(libbpf_log.s ? libbpf_log.s : "", stderr);
		return -1;
	}
	t->ncpus = libbpf_num_possible_cpus();
	if (t->ncpus <= 0) {
		fprintf(stderr, "gotrace: cannot tell how many CPUs there may be: %s\n",
			strerror(t->ncpus ? -t->ncpus : EINVAL));
		return -1;
	}
	t->map_fds = xcalloc(t->s->maps.n + 1, sizeof(int));
	for (size_t i = 0; i < t->s->maps.n; i++) {
		char name[64];
		mapinfo_bpf_name(t->s->maps.v[i], name, sizeof(name));
		t->map_fds[i] = bpf_object__find_map_fd_by_name(t->obj, name);
	}
	t->lost_fd = bpf_object__find_map_fd_by_name(t->obj, MAP_LOST);
	return 0;
}

/* --- maps ------------------------------------------------------------------------- */

static uint32_t value_size(struct tracer *t, const struct mapinfo *m)
{
	if (type_is_agg(m->val))
		return (uint32_t)ALIGN_UP(agg_slot_size(m->val), 8) * (uint32_t)t->ncpus;
	return m->val->size;
}

/* Reads every entry of a map. The caller frees *blob and *entries. */
static size_t read_map(struct tracer *t, const struct mapinfo *m, struct map_entry **entries,
		       void **blob)
{
	int fd = t->map_fds[m->id];
	uint32_t ks = mapinfo_key_size(m), vs = value_size(t, m);
	size_t cap = 64, n = 0;
	char *keys = xmalloc(cap * ks), *vals = xmalloc(cap * vs);
	char *cur = xmalloc(ks), *prev = xmalloc(ks);
	bool first = true;
	while (bpf_map_get_next_key(fd, first ? NULL : prev, cur) == 0) {
		first = false;
		if (n == cap) {
			cap *= 2;
			keys = xrealloc(keys, cap * ks);
			vals = xrealloc(vals, cap * vs);
		}
		/* a key deleted meanwhile is skipped */
		if (bpf_map_lookup_elem(fd, cur, vals + n * vs) == 0) {
			memcpy(keys + n * ks, cur, ks);
			n++;
		}
		memcpy(prev, cur, ks);
	}
	free(cur);
	free(prev);
	struct map_entry *e = xcalloc(n ? n : 1, sizeof(*e));
	for (size_t i = 0; i < n; i++) {
		e[i].key = keys + i * ks;
		e[i].val = vals + i * vs;
	}
	void **b = xmalloc(2 * sizeof(void *));
	b[0] = keys;
	b[1] = vals;
	*blob = b;
	*entries = e;
	return n;
}

static void free_blob(void *blob)
{
	void **b = blob;
	free(b[0]);
	free(b[1]);
	free(b);
}

static void print_map(struct tracer *t, const struct mapinfo *m, int64_t top, int64_t div)
{
	struct map_entry *e;
	void *blob;
	size_t n = read_map(t, m, &e, &blob);
	out_map(t->out, m, e, n, top, div);
	free(e);
	free_blob(blob);
}

/* clear(@m) deletes every key; zero(@m) keeps the keys with zero values. */
static void clear_map(struct tracer *t, const struct mapinfo *m, bool zero)
{
	struct map_entry *e;
	void *blob;
	size_t n = read_map(t, m, &e, &blob);
	int fd = t->map_fds[m->id];
	void *zeros = xcalloc(1, value_size(t, m));
	for (size_t i = 0; i < n; i++) {
		if (zero)
			bpf_map_update_elem(fd, e[i].key, zeros, BPF_EXIST);
		else
			bpf_map_delete_elem(fd, e[i].key);
	}
	free(zeros);
	free(e);
	free_blob(blob);
}

static int cmp_map_name(const void *a, const void *b)
{
	const struct mapinfo *x = *(const struct mapinfo *const *)a;
	const struct mapinfo *y = *(const struct mapinfo *const *)b;
	return strcmp(x->name, y->name);
}

/* At the end: bpftrace's two newlines, then every map that is not empty,
 * in name order. */
static void print_all_maps(struct tracer *t)
{
	size_t n = t->s->maps.n;
	out_exit(t->out);
	const struct mapinfo **ms = xmalloc((n ? n : 1) * sizeof(*ms));
	for (size_t i = 0; i < n; i++)
		ms[i] = t->s->maps.v[i];
	qsort(ms, n, sizeof(*ms), cmp_map_name);
	for (size_t i = 0; i < n; i++) {
		struct map_entry *e;
		void *blob;
		size_t cnt = read_map(t, ms[i], &e, &blob);
		if (cnt)
			out_map(t->out, ms[i], e, cnt, 0, 0);
		free(e);
		free_blob(blob);
	}
	free(ms);
}

static uint64_t lost_events(struct tracer *t)
{
	if (t->lost_fd < 0)
		return 0;
	uint32_t key = 0;
	uint64_t *vals = xcalloc((size_t)t->ncpus, 8);
	uint64_t sum = 0;
	if (bpf_map_lookup_elem(t->lost_fd, &key, vals) == 0)
		for (int i = 0; i < t->ncpus; i++)
			sum += vals[i];
	free(vals);
	return sum;
}

/* --- events -------------------------------------------------------------------------- */

static int on_event(void *ctx, void *data, size_t size)
{
	struct tracer *t = ctx;
	if (t->exiting || size < sizeof(struct ev_hdr))
		return 0;
	const struct ev_hdr *h = data;
	const void *payload = (const char *)data + sizeof(*h);
	switch (h->action) {
	case EV_PRINTF:
		out_printf(t->out, (int)h->id, payload);
		break;
	case EV_EXIT:
		t->exiting = true;
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
	default:
		break;
	}
	return 0;
}

static void drain(struct tracer *t)
{
	if (t->rb)
		ring_buffer__consume(t->rb);
	out_flush(t->out);
}

/* --- BEGIN and END ------------------------------------------------------------------ */

/* File offset of one of our own functions, as uprobes want it. */
static int self_offset(void *fn, char *path, size_t pathlen, uint64_t *off)
{
	FILE *f = fopen("/proc/self/maps", "r");
	if (!f)
		return -errno;
	char line[1024];
	uintptr_t a = (uintptr_t)fn;
	int ret = -ENOENT;
	while (fgets(line, sizeof(line), f)) {
		unsigned long start, end, pgoff;
		char perms[8], file[512] = "";
		if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %511s", &start, &end, perms, &pgoff, file) < 4)
			continue;
		if (a >= start && a < end) {
			*off = a - start + pgoff;
			snprintf(path, pathlen, "%s", file);
			ret = 0;
			break;
		}
	}
	fclose(f);
	return ret;
}

/* Runs the BEGIN or END probes, one after another in script order. */
static int run_special(struct tracer *t, enum probe_kind kind)
{
	void (*trigger)(void) = kind == PK_BEGIN ? gotrace_begin_trigger : gotrace_end_trigger;
	char path[512];
	uint64_t off = 0;
	bool any = false;
	for (size_t i = 0; i < t->ps->sites.n; i++)
		if (t->ps->sites.v[i].kind == kind)
			any = true;
	if (!any)
		return 0;
	if (self_offset((void *)trigger, path, sizeof(path), &off) < 0) {
		fprintf(stderr, "gotrace: cannot find gotrace's own %s trigger\n", probe_kind_name(kind));
		return -1;
	}
	for (size_t i = 0; i < t->ps->sites.n; i++) {
		struct site *s = &t->ps->sites.v[i];
		if (s->kind != kind)
			continue;
		struct attach_one one;
		if (attach_one_uprobe(&t->att, s->probe, t->progs[s->probe * PG__COUNT + PG_UPROBE], path,
				      off, site_cookie(t->ps, i), getpid(),
				      &one) < 0) {
			fprintf(stderr, "gotrace: cannot attach %s: %s\n", s->name, strerror(errno));
			return -1;
		}
		trigger();
		attach_one_close(&one);
		drain(t);
	}
	return 0;
}

/* --- the traced command ----------------------------------------------------------- */

/* Splits a command line on blanks; '...' and "..." group words. NULL
 * (with *open_quote set) when a quote is not closed. */
static char **split_command(const char *cmd, char *open_quote)
{
	VEC(char *) argv = { 0 };
	struct strbuf w;
	sb_init(&w);
	bool inword = false;
	char quote = 0;
	for (const char *p = cmd;; p++) {
		char c = *p;
		if (!c || (!quote && (c == ' ' || c == '\t'))) {
			if (inword) {
				vec_push(&argv, sb_steal(&w));
				inword = false;
			}
			if (!c)
				break;
			continue;
		}
		inword = true;
		if (quote) {
			if (c == quote)
				quote = 0;
			else
				sb_putc(&w, c);
		} else if (c == '\'' || c == '"') {
			quote = c;
		} else if (c == '\\' && p[1]) {
			sb_putc(&w, *++p);
		} else {
			sb_putc(&w, c);
		}
	}
	vec_push(&argv, NULL);
	sb_free(&w);
	*open_quote = quote;
	if (quote) {
		for (char **a = argv.v; *a; a++)
			free(*a);
		vec_free(&argv);
	}
	return argv.v;
}

static void free_argv(char **argv)
{
	for (char **a = argv; *a; a++)
		free(*a);
	free(argv);
}

/* Forks the command, stopped before exec until *go is written. */
/* Can execvp() run name? (checked before forking, so that a missing
 * command is an error of gotrace's) */
static bool runnable(const char *name)
{
	if (strchr(name, '/'))
		return access(name, X_OK) == 0;
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		const char *e = strchr(p, ':');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char buf[4096];
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, n ? p : ".", name);
		if (access(buf, X_OK) == 0)
			return true;
		p += n + (e ? 1 : 0);
	}
	return false;
}

static pid_t spawn(const char *cmd, int *go)
{
	char open_quote;
	char **argv = split_command(cmd, &open_quote);
	if (!argv) {
		fprintf(stderr, "gotrace: -c: the %c quote in '%s' is not closed\n", open_quote, cmd);
		return -1;
	}
	if (!argv[0]) {
		fprintf(stderr, "gotrace: -c: empty command\n");
		free_argv(argv);
		return -1;
	}
	if (!runnable(argv[0])) {
		fprintf(stderr, "gotrace: -c: cannot run '%s': %s\n", argv[0],
			strchr(argv[0], '/') ? strerror(errno) : "not found on PATH");
		free_argv(argv);
		return -1;
	}
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) < 0) {
		fprintf(stderr, "gotrace: cannot start '%s': pipe: %s\n", argv[0], strerror(errno));
		free_argv(argv);
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "gotrace: cannot start '%s': %s\n", argv[0], strerror(errno));
		close(fds[0]);
		close(fds[1]);
		free_argv(argv);
		return -1;
	}
	if (pid == 0) {
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGPIPE, SIG_DFL);
		prctl(PR_SET_PDEATHSIG, SIGTERM); /* gotrace gone: so is the command */
		close(fds[1]);
		char c;
		if (read(fds[0], &c, 1) != 1)
			_exit(127);
		execvp(argv[0], argv);
		fprintf(stderr, "gotrace: cannot run '%s': %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fds[0]);
	*go = fds[1];
	free_argv(argv);
	return pid;
}

static int pidfd_open(pid_t pid)
{
	return (int)syscall(SYS_pidfd_open, pid, 0);
}

/* Without a pidfd: has the traced process ended? */
static bool target_gone(struct tracer *t, pid_t target)
{
	if (target == t->child) {
		int st;
		return waitpid(t->child, &st, WNOHANG) == t->child;
	}
	return kill(target, 0) < 0 && errno == ESRCH;
}

/* The command is still running when tracing ends (exit(), Ctrl-C): ask
 * it to stop, and after a second insist. */
static void end_child(pid_t child)
{
	int st;
	if (waitpid(child, &st, WNOHANG) != 0)
		return;
	kill(child, SIGTERM);
	for (int i = 0; i < 100; i++) {
		if (waitpid(child, &st, WNOHANG) != 0)
			return;
		usleep(10000);
	}
	kill(child, SIGKILL);
	waitpid(child, &st, 0);
}

/* --- the whole run ------------------------------------------------------------------ */

int run_program(struct sema *s, struct probeset *ps, const struct blob *ob,
		const struct run_opts *o)
{
	struct tracer tr = { .s = s, .ps = ps, .o = o, .out = o->out, .lost_fd = -1 };
	struct tracer *t = &tr;
	int status = 1, epfd = -1, sigfd = -1, pidfd = -1, gofd = -1;
	struct syms *sy = syms_new(ps);
	t->out->syms = sy;
	attacher_init(&t->att, ps, o->verbose);

	if (load(t, ob))
		goto out;
	t->out->ncpus = t->ncpus;
	syms_set_stack_fd(sy, bpf_object__find_map_fd_by_name(t->obj, MAP_STACKS));
	if (o->dry_run) {
		if (o->verbose)
			fprintf(stderr, "gotrace: every program passed the verifier\n");
		status = 0;
		goto out;
	}

	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGHUP);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	sigfd = signalfd(-1, &mask, SFD_CLOEXEC);

	pid_t target = o->pid;
	if (o->pid > 0) {
		if (kill(o->pid, 0) < 0 && errno == ESRCH) {
			fprintf(stderr, "gotrace: -p %d: no such process\n", (int)o->pid);
			goto out;
		}
		pidfd = pidfd_open(o->pid); /* without it (Linux < 5.3), polling */
	}
	if (o->cmd) {
		t->child = spawn(o->cmd, &gofd);
		if (t->child < 0)
			goto out;
		target = t->child;
		pidfd = pidfd_open(t->child);
	}

	/* BEGIN runs before anything else is attached, so that nothing
	 * (an interval, a uprobe in a -p process) fires before it */
	if (!o->quiet)
		out_attached(t->out, probeset_count(t->ps));
	int rbfd = bpf_object__find_map_fd_by_name(t->obj, MAP_EVENTS);
	t->rb = ring_buffer__new(rbfd, on_event, t, NULL);
	if (!t->rb) {
		fprintf(stderr, "gotrace: cannot open the ring buffer: %s\n", strerror(errno));
		goto out;
	}
	if (run_special(t, PK_BEGIN) < 0)
		goto out;
	if (target > 0) {
		int tfd = bpf_object__find_map_fd_by_name(t->obj, MAP_TARGET);
		uint32_t zero = 0;
		uint64_t tp = (uint64_t)target;
		if (tfd >= 0)
			bpf_map_update_elem(tfd, &zero, &tp, BPF_ANY);
	}
	int nattached;
	if (!t->exiting && attach_all(&t->att, t->progs, target, &nattached) < 0)
		goto out;

	if (gofd >= 0 && !t->exiting) {
		if (write(gofd, "g", 1) != 1)
			fprintf(stderr, "gotrace: cannot start the command\n");
		close(gofd);
		gofd = -1;
	}

	epfd = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = { .events = EPOLLIN };
	ev.data.u32 = 1;
	epoll_ctl(epfd, EPOLL_CTL_ADD, ring_buffer__epoll_fd(t->rb), &ev);
	ev.data.u32 = 2;
	epoll_ctl(epfd, EPOLL_CTL_ADD, sigfd, &ev);
	if (pidfd >= 0) {
		ev.data.u32 = 3;
		epoll_ctl(epfd, EPOLL_CTL_ADD, pidfd, &ev);
	}
	bool poll_target = target > 0 && pidfd < 0;
	uint64_t remembered = mono_ns() - 400000000ull; /* first read after 0.1 s */
	while (!t->exiting) {
		struct epoll_event evs[4];
		int n = epoll_wait(epfd, evs, 4, poll_target ? 100 : target > 0 ? 200 : -1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		bool stop = (poll_target && target_gone(t, target)) || ferror(t->out->f);
		/* the traced process's libraries, for naming its addresses
		 * after it has gone: read again every half second */
		if (target > 0 && mono_ns() - remembered > 500000000ull) {
			syms_remember(t->out->syms, (uint32_t)target);
			remembered = mono_ns();
		}
		for (int i = 0; i < n; i++) {
			if (evs[i].data.u32 == 1) {
				drain(t);
			} else if (evs[i].data.u32 == 2) {
				struct signalfd_siginfo si;
				if (read(sigfd, &si, sizeof(si)) > 0)
					stop = true;
			} else {
				stop = true;
			}
		}
		if (stop)
			break;
	}
	/* nothing but END may fire from here on */
	attach_detach(&t->att);
	drain(t);
	bool exited = t->exiting;
	t->exiting = false;
	bool end_ok = run_special(t, PK_END) == 0;
	exited |= t->exiting; /* exit(N) in END counts too */
	sigprocmask(SIG_UNBLOCK, &mask, NULL); /* a second Ctrl-C ends a long dump */
	print_all_maps(t);
	out_lost(t->out, lost_events(t));
	out_flush(t->out);
	status = !end_ok ? 1 : exited ? t->exit_code : 0;
	if (ferror(t->out->f) && errno != EPIPE) {
		fprintf(stderr, "gotrace: cannot write the output: %s\n", strerror(errno));
		status = 1;
	}
out:
	attacher_free(&t->att);
	if (t->child > 0)
		end_child(t->child);
	if (gofd >= 0)
		close(gofd);
	if (epfd >= 0)
		close(epfd);
	if (sigfd >= 0)
		close(sigfd);
	if (pidfd >= 0)
		close(pidfd);
	ring_buffer__free(t->rb);
	bpf_object__close(t->obj);
	free(t->progs);
	free(t->map_fds);
	syms_free(sy);
	sb_free(&libbpf_log);
	return status;
}
