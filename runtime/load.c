/* load.c - the generated BPF object into the kernel: open it, find each
 * probe's programs, have the verifier check them, find the maps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/events.h"
#include "runtime/symbols.h"
#include "runtime/tracer.h"

/* What libbpf said (shown with -v when loading fails). */
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

/* Says why bpf_object__load failed, in one sentence, then (-v) libbpf's
 * log with the verifier's. */
static int load_failed(struct tracer *t, int err)
{
	int probe = failed_probe();
	bool verbose = t->o->verbose;
	/* the verifier says EACCES or EINVAL, and E2BIG or EFAULT when the
	 * program is too large or too complex for it; EPERM: no program
	 * may be loaded; anything else (EMFILE, ENOMEM, ...) is no verdict */
	const char *log = libbpf_log.s ? libbpf_log.s : "";
	bool complex = strstr(log, "is too large") || strstr(log, "too complex");
	if (probe >= 0 && complex) {
		fprintf(stderr, "gotrace: the program of '%s' is too large or too complex for the kernel's verifier%s\n",
			probe_text(t, probe), verbose ? ":" : " (run with -v to see why)");
		fprintf(stderr, "hint: split the probe into several, or make its loops and strings smaller\n");
	} else if (probe >= 0 && (err == -EACCES || err == -EINVAL))
		fprintf(stderr, "gotrace: the kernel's verifier rejected the program of '%s'%s\n",
			probe_text(t, probe), verbose ? ":" : " (run with -v to see why)");
	else if (probe >= 0 && err != -EPERM)
		fprintf(stderr, "gotrace: loading the program of '%s' failed: %s\n", probe_text(t, probe),
			strerror(-err));
	else if (err == -EPERM || err == -EACCES)
		fprintf(stderr, "gotrace: no permission to load BPF programs: run as root (or with CAP_BPF and CAP_PERFMON)\n");
	else
		fprintf(stderr, "gotrace: loading the BPF programs failed: %s%s\n", strerror(-err),
			verbose ? "" : " (run with -v for details)");
	if (verbose)
		fputs(libbpf_log.s ? libbpf_log.s : "", stderr);
	return -ERR_SAID;
}

/* Files each program under its probe: they are named probe_N_G, probe N,
 * group G (u, p, t, r). Uprobe programs learn how they will be attached. */
static void find_programs(struct tracer *t)
{
	t->progs = xcalloc((size_t)t->ps->nprobes * PG__COUNT, sizeof(*t->progs));
	struct bpf_program *prog;
	bpf_object__for_each_program(prog, t->obj) {
		int idx;
		char g;
		if (sscanf(bpf_program__name(prog), "probe_%d_%c", &idx, &g) != 2 || idx < 0 ||
		    idx >= t->ps->nprobes || !strchr("uptr", g))
			continue;
		enum prog_group grp = g == 'u'	 ? PG_UPROBE
				      : g == 'p' ? PG_PERF
				      : g == 't' ? PG_TRACEPOINT
						 : PG_RUN;
		t->progs[idx * PG__COUNT + grp] = prog;
		if (grp == PG_UPROBE)
			attach_prepare(&t->att, idx, prog);
	}
}

/* The descriptors of the script's maps and of the runtime's own. */
static int find_maps(struct tracer *t)
{
	t->ncpus = libbpf_num_possible_cpus();
	if (t->ncpus < 0)
		return fail(&t->fail, t->ncpus, "cannot count the possible CPUs");
	t->out->ncpus = t->ncpus;
	t->map_fds = xcalloc(t->s->maps.n + 1, sizeof(int));
	for (size_t i = 0; i < t->s->maps.n; i++) {
		char name[64];
		mapinfo_bpf_name(t->s->maps.v[i], name, sizeof(name));
		t->map_fds[i] = bpf_object__find_map_fd_by_name(t->obj, name);
	}
	t->lost_fd = bpf_object__find_map_fd_by_name(t->obj, MAP_LOST);
	t->reports_fd = bpf_object__find_map_fd_by_name(t->obj, MAP_REPORTS);
	syms_set_stack_fd(t->syms, bpf_object__find_map_fd_by_name(t->obj, MAP_STACKS));
	return 0;
}

int load_object(struct tracer *t, const struct blob *ob)
{
	libbpf_set_print(libbpf_print_fn);
	LIBBPF_OPTS(bpf_object_open_opts, oo, .object_name = "gotrace");
	t->obj = bpf_object__open_mem(ob->data, ob->size, &oo);
	if (!t->obj) {
		fprintf(stderr, "gotrace: cannot open the generated BPF object: %s\n",
			strerror(-neg_errno()));
		if (t->o->verbose)
			fputs(libbpf_log.s ? libbpf_log.s : "", stderr);
		return -ERR_SAID;
	}
	find_programs(t);
	int err = bpf_object__load(t->obj);
	if (err)
		return load_failed(t, err);
	return find_maps(t);
}

void unload_object(struct tracer *t)
{
	bpf_object__close(t->obj);
	t->obj = NULL;
	free(t->progs);
	t->progs = NULL;
	free(t->map_fds);
	t->map_fds = NULL;
	sb_free(&libbpf_log);
}
