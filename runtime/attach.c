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

/* Indices of sites. */
struct site_list {
	size_t *v;
	size_t n, cap;
};
static int attach_each(struct attacher *a, struct bpf_program **progs, pid_t pid, int *n,
		       struct site_list *bad);

void attacher_init(struct attacher *a, struct probeset *ps, bool verbose, struct failure *f)
{
	memset(a, 0, sizeof(*a));
	a->ps = ps;
	a->verbose = verbose;
	a->fail = f;
	a->multi = xcalloc((size_t)(ps->nprobes ? ps->nprobes : 1), sizeof(bool));
}

/* A probe whose every site is a uprobe uses uprobe_multi; its program is
 * loaded with that attach type, so it can be attached no other way. */
/* The uprobe program of a probe goes through uprobe_multi when the
 * kernel has it; its program is then loaded with that attach type, so it
 * can be attached no other way. */
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
	if (ncpu <= 0)
		return fail(at->fail, ncpu ? ncpu : -EINVAL, "%s: cannot tell how many CPUs there may be",
			    s->name);
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

/* The kernel's ENOTSUPP: a uprobe on an instruction it cannot step over
 * (int3, iret, a lock prefix on a nop, ...). The kernel checks the
 * instruction when it puts the probe into a process that has the file
 * mapped, so the same site may attach before the program runs (and then
 * never fire) and fail when it runs already. */
#define ENOTSUPP_KERNEL 524

static const char *attach_error(int err)
{
	return err == ENOTSUPP_KERNEL ? "the kernel cannot probe the instruction there"
				      : strerror(err);
}

/* Was the site's function matched by a wildcard (then it may be skipped)? */
static bool site_from_wildcard(const struct site *s)
{
	return s->attach && s->attach->func && strpbrk(s->attach->func, "*?[");
}

/* One uprobe_multi link for sites[0..n) of one binary. When the kernel
 * refuses it for a site it cannot probe, halves the set until each such
 * site is alone: those go to *bad, the rest are attached (in a few
 * links). Returns 0 or a negative errno. */
static int link_sites(struct attacher *a, int prog_fd, const char *path, const uint64_t *offs,
		      const uint64_t *cookies, const size_t *sites, size_t n, bool ret, pid_t pid,
		      struct site_list *bad)
{
	int fd = uprobe_multi_link(prog_fd, path, offs, cookies, (uint32_t)n, ret, pid);
	if (fd >= 0) {
		vec_push(&a->fds, fd);
		if (a->verbose)
			fprintf(stderr, "attached %zu uprobe%s in %s with one link\n", n,
				n == 1 ? "" : "s", path);
		return 0;
	}
	if (fd != -ENOTSUPP_KERNEL)
		return fd;
	if (n == 1) {
		vec_push(bad, sites[0]);
		return 0;
	}
	size_t h = n / 2;
	int err = link_sites(a, prog_fd, path, offs, cookies, sites, h, ret, pid, bad);
	return err ?: link_sites(a, prog_fd, path, offs + h, cookies + h, sites + h, n - h, ret, pid,
				 bad);
}

/* Sites the kernel refused: an error for a function named exactly, else
 * one line per attach point saying which functions were left out. */
static int report_refused(struct attacher *a, struct site_list *bad)
{
	struct probeset *ps = a->ps;
	int rc = 0;
	for (size_t i = 0; i < bad->n; i++) {
		struct site *s = &ps->sites.v[bad->v[i]];
		if (!site_from_wildcard(s)) {
			fprintf(stderr, "gotrace: cannot attach %s at offset 0x%llx of %s: %s\n", s->name,
				(unsigned long long)s->offset, s->path, attach_error(ENOTSUPP_KERNEL));
			rc = -ERR_SAID;
		}
	}
	for (size_t i = 0; i < bad->n && !rc; i++) {
		struct site *s = &ps->sites.v[bad->v[i]];
		bool first = true;
		for (size_t k = 0; k < i && first; k++)
			first = ps->sites.v[bad->v[k]].attach != s->attach;
		if (!first)
			continue;
		struct strbuf names;
		sb_init(&names);
		size_t n = 0, nbad = 0, nall = 0;
		for (size_t k = 0; k < ps->sites.n; k++)
			nall += ps->sites.v[k].attach == s->attach;
		for (size_t k = i; k < bad->n; k++) {
			struct site *t = &ps->sites.v[bad->v[k]];
			if (t->attach != s->attach)
				continue;
			nbad++;
			if (k > i && t->func_id == ps->sites.v[bad->v[k - 1]].func_id)
				continue;
			if (n < 5)
				sb_printf(&names, "%s%s", n ? ", " : "", t->func);
			n++;
		}
		if (nbad == nall) {
			fprintf(stderr, "gotrace: cannot attach %s: %s, at every one of its %zu site%s\n",
				s->attach->text, attach_error(ENOTSUPP_KERNEL), nall, nall == 1 ? "" : "s");
			sb_free(&names);
			rc = -ERR_SAID;
			break;
		}
		if (n > 5)
			sb_printf(&names, " and %zu more", n - 5);
		fprintf(stderr, "gotrace: %s: %zu matching function%s skipped, %s: %s\n", s->attach->text, n,
			n == 1 ? "" : "s", attach_error(ENOTSUPP_KERNEL), names.s);
		sb_free(&names);
	}
	return rc;
}

/* All uprobe sites of a probe (mine[0..n), indices of its sites): one
 * link per binary and direction. */
static int attach_multi(struct attacher *a, const size_t *mine, size_t nmine,
			struct bpf_program *prog, pid_t pid, bool *done, struct site_list *bad)
{
	struct probeset *ps = a->ps;
	int rc = 0;
	for (size_t mi = 0; mi < nmine && !rc; mi++) {
		size_t i = mine[mi];
		struct site *s = &ps->sites.v[i];
		if (done[i] || !s->path)
			continue;
		VEC(uint64_t) offs = { 0 };
		VEC(uint64_t) cookies = { 0 };
		struct site_list idx = { 0 };
		for (size_t mj = mi; mj < nmine; mj++) {
			size_t j = mine[mj];
			struct site *t = &ps->sites.v[j];
			if (done[j] || !t->path || t->retprobe != s->retprobe || strcmp(t->path, s->path))
				continue;
			done[j] = true;
			vec_push(&offs, t->offset);
			vec_push(&cookies, site_cookie(ps, j));
			vec_push(&idx, j);
		}
		size_t nbad = bad->n;
		int err = link_sites(a, bpf_program__fd(prog), s->path, offs.v, cookies.v, idx.v, offs.n,
				     s->retprobe, pid, bad);
		if (err) {
			bad->n = nbad;
			rc = fail(a->fail, err, "cannot attach %s (%zu site%s in %s)", s->name, offs.n,
				  offs.n == 1 ? "" : "s", s->path);
		}
		vec_free(&offs);
		vec_free(&cookies);
		vec_free(&idx);
	}
	return rc;
}

int attach_all(struct attacher *a, struct bpf_program **progs, pid_t pid, int *n)
{
	struct probeset *ps = a->ps;
	struct site_list bad = { 0 };
	int rc = 0;
	*n = 0;
	/* each probe's sites, in order: by[first[p] .. first[p + 1]) */
	size_t *first = xcalloc((size_t)ps->nprobes + 1, sizeof(size_t));
	size_t *by = xmalloc((ps->sites.n ? ps->sites.n : 1) * sizeof(size_t));
	for (size_t i = 0; i < ps->sites.n; i++)
		first[ps->sites.v[i].probe + 1]++;
	for (int p = 0; p < ps->nprobes; p++)
		first[p + 1] += first[p];
	size_t *fill = xmalloc(((size_t)ps->nprobes + 1) * sizeof(size_t));
	memcpy(fill, first, ((size_t)ps->nprobes + 1) * sizeof(size_t));
	for (size_t i = 0; i < ps->sites.n; i++)
		by[fill[ps->sites.v[i].probe]++] = i;
	free(fill);
	bool *done = xcalloc(ps->sites.n ? ps->sites.n : 1, sizeof(bool)); /* linked */
	for (int p = 0; p < ps->nprobes && !rc; p++)
		if (a->multi[p])
			rc = attach_multi(a, by + first[p], first[p + 1] - first[p],
					  progs[p * PG__COUNT + PG_UPROBE], pid, done, &bad);
	free(done);
	free(first);
	free(by);
	if (!rc)
		rc = attach_each(a, progs, pid, n, &bad);
	if (!rc)
		rc = report_refused(a, &bad);
	vec_free(&bad);
	return rc;
}

/* Every site but the uprobe_multi ones, one link each. */
static int attach_each(struct attacher *a, struct bpf_program **progs, pid_t pid, int *n,
		       struct site_list *bad)
{
	struct probeset *ps = a->ps;
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
			if (!l && errno == ENOTSUPP_KERNEL) {
				vec_push(bad, i);
				continue;
			}
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
		case PK_PROFILE: {
			int err = attach_timer(a, s, prog, site_cookie(ps, i));
			if (err)
				return err;
			break;
		}
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
