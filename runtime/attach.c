/* attach.c - putting each program on its sites: uprobes (entry, RET
 * instructions, kernel return probes), perf events for interval and
 * profile, tracepoints. The attach cookie of every site is its index in
 * the probeset, which is how one shared program knows where it fired.
 *
 * Uprobes go through one uprobe_multi link per program and binary when
 * the kernel has them (Linux 6.6): one bpf(2) call instead of a perf event
 * per site, which is what makes attaching to thousands of functions fast.
 * libbpf 1.1 predates uprobe_multi, so that one call is made here
 * directly; everything else goes through libbpf. */
#include <errno.h>
#include <linux/perf_event.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "runtime/tracer.h"

/* From the kernel's UAPI (linux/bpf.h of 6.6), newer than libbpf 1.1's. */
#define ATTACH_TRACE_UPROBE_MULTI 48
#define UPROBE_MULTI_RETURN (1U << 0)

/* bpf_attr.link_create for BPF_TRACE_UPROBE_MULTI. */
struct uprobe_multi_attr {
	uint32_t prog_fd;
	uint32_t target_fd;
	uint32_t attach_type;
	uint32_t flags;
	uint64_t path;
	uint64_t offsets;
	uint64_t ref_ctr_offsets;
	uint64_t cookies;
	uint32_t cnt;
	uint32_t um_flags;
	uint32_t pid;
	uint32_t pad[21]; /* up to the size of union bpf_attr */
};

static int uprobe_multi_link(int prog_fd, const char *path, const uint64_t *offsets,
			     const uint64_t *cookies, uint32_t cnt, bool ret, pid_t pid)
{
	struct uprobe_multi_attr a;
	memset(&a, 0, sizeof(a));
	a.prog_fd = (uint32_t)prog_fd;
	a.attach_type = ATTACH_TRACE_UPROBE_MULTI;
	a.path = (uint64_t)(uintptr_t)path;
	a.offsets = (uint64_t)(uintptr_t)offsets;
	a.cookies = (uint64_t)(uintptr_t)cookies;
	a.cnt = cnt;
	a.um_flags = ret ? UPROBE_MULTI_RETURN : 0;
	a.pid = pid > 0 ? (uint32_t)pid : 0;
	int fd = (int)syscall(SYS_bpf, BPF_LINK_CREATE, &a, sizeof(a));
	return fd < 0 ? -errno : fd;
}

/* Whether the kernel has uprobe_multi links: a do-nothing program of that
 * attach type, attached to "/" (not a regular file), fails with EBADF. */
static bool have_uprobe_multi(void)
{
	static int known = -1;
	if (known >= 0)
		return known;
	struct bpf_insn insns[] = {
		{ .code = 0xb7, .dst_reg = 0, .imm = 0 }, /* r0 = 0 */
		{ .code = 0x95 },			  /* exit */
	};
	LIBBPF_OPTS(bpf_prog_load_opts, lo, .expected_attach_type = ATTACH_TRACE_UPROBE_MULTI);
	int pfd = bpf_prog_load(BPF_PROG_TYPE_KPROBE, NULL, "GPL", insns, 2, &lo);
	if (pfd < 0) {
		known = 0;
		return false;
	}
	uint64_t off = 0;
	int lfd = uprobe_multi_link(pfd, "/", &off, NULL, 1, false, 0);
	known = lfd == -EBADF;
	if (lfd >= 0)
		close(lfd);
	close(pfd);
	return known;
}

void attacher_init(struct attacher *a, struct probeset *ps, bool verbose, struct failure *f)
{
	memset(a, 0, sizeof(*a));
	a->ps = ps;
	a->verbose = verbose;
	a->fail = f;
	a->multi = xcalloc((size_t)(ps->nprobes ? ps->nprobes : 1), sizeof(bool));
}

/* The uprobe program of a probe goes through uprobe_multi when the
 * kernel has it (and GOTRACE_NO_UPROBE_MULTI is not set); its program is
 * then loaded with that attach type, so it can be attached no other way. */
void attach_prepare(struct attacher *a, int probe, struct bpf_program *prog)
{
	if (probe < 0 || probe >= a->ps->nprobes || getenv("GOTRACE_NO_UPROBE_MULTI") ||
	    !have_uprobe_multi())
		return;
	bpf_program__set_expected_attach_type(prog, ATTACH_TRACE_UPROBE_MULTI);
	a->multi[probe] = true;
}

static int perf_open(struct perf_event_attr *a, pid_t pid, int cpu)
{
	return (int)syscall(SYS_perf_event_open, a, pid, cpu, -1, PERF_FLAG_FD_CLOEXEC);
}

/* interval: one CPU; profile: every CPU. */
static int attach_timer(struct attacher *at, struct site *s, struct bpf_program *prog,
			uint64_t cookie)
{
	struct perf_event_attr a = {
		.type = PERF_TYPE_SOFTWARE,
		.size = sizeof(a),
		.config = PERF_COUNT_SW_CPU_CLOCK,
	};
	if (s->freq) {
		a.freq = 1;
		a.sample_freq = s->freq;
	} else {
		a.sample_period = s->period_ns;
	}
	int ncpu = s->kind == PK_INTERVAL ? 1 : libbpf_num_possible_cpus();
	for (int cpu = 0; cpu < ncpu; cpu++) {
		int fd = perf_open(&a, -1, cpu);
		if (fd < 0) {
			if (errno == ENODEV && s->kind == PK_PROFILE)
				continue; /* a possible CPU that is not online */
			return fail(at->fail, -errno, "%s: cannot open a perf event on CPU %d",
				    s->name, cpu);
		}
		LIBBPF_OPTS(bpf_perf_event_opts, po, .bpf_cookie = cookie);
		struct bpf_link *l = bpf_program__attach_perf_event_opts(prog, fd, &po);
		if (!l) {
			int err = neg_errno();
			close(fd);
			return fail(at->fail, err, "%s: cannot attach", s->name);
		}
		vec_push(&at->links, l);
	}
	return 0;
}

/* All uprobe sites of a probe: one link per binary and direction. */
static int attach_multi(struct attacher *a, int probe, struct bpf_program *prog, pid_t pid)
{
	struct probeset *ps = a->ps;
	bool *done = xcalloc(ps->sites.n, sizeof(bool));
	int err = 0;
	for (size_t i = 0; i < ps->sites.n && !err; i++) {
		struct site *s = &ps->sites.v[i];
		if (s->probe != probe || done[i] || !s->path)
			continue;
		VEC(uint64_t) offs = { 0 };
		VEC(uint64_t) cookies = { 0 };
		for (size_t j = i; j < ps->sites.n; j++) {
			struct site *t = &ps->sites.v[j];
			if (t->probe != probe || done[j] || !t->path || t->retprobe != s->retprobe ||
			    strcmp(t->path, s->path))
				continue;
			done[j] = true;
			vec_push(&offs, t->offset);
			vec_push(&cookies, site_cookie(ps, j));
		}
		int fd = uprobe_multi_link(bpf_program__fd(prog), s->path, offs.v, cookies.v,
					   (uint32_t)offs.n, s->retprobe, pid);
		if (fd < 0) {
			err = fail(a->fail, fd, "cannot attach %s (%zu site%s in %s)", s->name,
				   offs.n, offs.n == 1 ? "" : "s", s->path);
		} else {
			vec_push(&a->fds, fd);
			if (a->verbose)
				fprintf(stderr, "attached %zu uprobe%s in %s with one link\n", offs.n,
					offs.n == 1 ? "" : "s", s->path);
		}
		vec_free(&offs);
		vec_free(&cookies);
	}
	free(done);
	return err;
}

int attach_all(struct attacher *a, struct bpf_program **progs, pid_t pid, int *n)
{
	struct probeset *ps = a->ps;
	int err = 0;
	*n = 0;
	for (int p = 0; p < ps->nprobes && !err; p++)
		if (a->multi[p])
			err = attach_multi(a, p, progs[p * PG__COUNT + PG_UPROBE], pid);
	if (err)
		return err;
	for (size_t i = 0; i < ps->sites.n; i++) {
		struct site *s = &ps->sites.v[i];
		struct bpf_program *prog = progs[s->probe * PG__COUNT + prog_group_of(s->kind)];
		struct bpf_link *l = NULL;
		switch (s->kind) {
		case PK_BEGIN:
		case PK_END:
			(*n)++;
			continue;
		case PK_UPROBE:
		case PK_URETPROBE: {
			(*n)++;
			if (a->multi[s->probe])
				continue;
			LIBBPF_OPTS(bpf_uprobe_opts, uo, .bpf_cookie = site_cookie(ps, i),
				    .retprobe = s->retprobe);
			l = bpf_program__attach_uprobe_opts(prog, pid > 0 ? pid : -1, s->path,
							    s->offset, &uo);
			if (!l)
				return fail(a->fail, neg_errno(), "cannot attach %s at offset 0x%llx of %s",
					    s->name, (unsigned long long)s->offset, s->path);
			vec_push(&a->links, l);
			if (a->verbose)
				fprintf(stderr, "attached %s at offset 0x%llx of %s\n", s->name,
					(unsigned long long)s->offset, s->path);
			continue;
		}
		case PK_INTERVAL:
		case PK_PROFILE:
			err = attach_timer(a, s, prog, site_cookie(ps, i));
			if (err)
				return err;
			break;
		case PK_TRACEPOINT: {
			LIBBPF_OPTS(bpf_tracepoint_opts, to, .bpf_cookie = site_cookie(ps, i));
			l = bpf_program__attach_tracepoint_opts(prog, s->tp_cat, s->tp_name, &to);
			if (!l)
				return fail(a->fail, neg_errno(), "cannot attach %s", s->name);
			vec_push(&a->links, l);
			break;
		}
		default:
			continue;
		}
		(*n)++;
		if (a->verbose)
			fprintf(stderr, "attached %s\n", s->name);
	}
	return 0;
}

/* Closing a uprobe link makes the kernel wait until no probe can still be
 * running its program (an RCU tasks-trace grace period: tens of ms), once
 * per link. Closed from threads of their own, all at once, the links
 * share that wait: it is paid once, not once per link. */
struct closer {
	struct attacher *a;
	size_t next; /* the next link to close: fds first, then links */
};

static void close_link(struct attacher *a, size_t i)
{
	if (i < a->fds.n)
		close(a->fds.v[i]);
	else
		bpf_link__destroy(a->links.v[i - a->fds.n]);
}

static void *closer_run(void *arg)
{
	struct closer *c = arg;
	size_t n = c->a->fds.n + c->a->links.n, i;
	while ((i = __atomic_fetch_add(&c->next, 1, __ATOMIC_RELAXED)) < n)
		close_link(c->a, i);
	return NULL;
}

#define CLOSERS_MAX 64

void attach_detach(struct attacher *a)
{
	struct closer c = { a, 0 };
	size_t n = a->fds.n + a->links.n, started = 0;
	pthread_t th[CLOSERS_MAX];
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	/* this thread closes links too; a thread that cannot start is one
	 * helper less */
	for (size_t i = 1; i < MIN(n, CLOSERS_MAX); i++) {
		if (pthread_create(&th[started], &attr, closer_run, &c))
			break;
		started++;
	}
	pthread_attr_destroy(&attr);
	closer_run(&c);
	for (size_t i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	vec_free(&a->links);
	vec_free(&a->fds);
}

void attacher_free(struct attacher *a)
{
	attach_detach(a);
	free(a->multi);
	a->multi = NULL;
}
