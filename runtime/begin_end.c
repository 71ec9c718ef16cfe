/* begin_end.c - running the BEGIN and END probes.
 *
 * They are uprobes on two functions of gotrace itself, which it calls at
 * the right moment, so they run in the kernel like every other probe and
 * send their output through the same ring buffer. */
#include <stdio.h>
#include <unistd.h>

#include "runtime/tracer.h"

/* The BEGIN and END triggers: distinct bodies, never inlined or merged. */
__attribute__((noipa, used)) void gotrace_begin_trigger(void)
{
	__asm__ volatile("nop; nop" ::: "memory");
}

__attribute__((noipa, used)) void gotrace_end_trigger(void)
{
	__asm__ volatile("nop; nop; nop" ::: "memory");
}

/* File offset of one of our own functions, as uprobes want it. */
static int self_offset(void *fn, char *path, size_t pathlen, uint64_t *off)
{
	FILE *f = fopen("/proc/self/maps", "re");
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

static bool has_kind(struct probeset *ps, enum probe_kind kind)
{
	for (size_t i = 0; i < ps->sites.n; i++)
		if (ps->sites.v[i].kind == kind)
			return true;
	return false;
}

int run_special(struct tracer *t, enum probe_kind kind)
{
	void (*trigger)(void) = kind == PK_BEGIN ? gotrace_begin_trigger : gotrace_end_trigger;
	char path[512];
	uint64_t off = 0;
	if (!has_kind(t->ps, kind))
		return 0;
	int err = self_offset((void *)trigger, path, sizeof(path), &off);
	if (err)
		return fail(&t->fail, err, "cannot find gotrace's own %s trigger",
			    probe_kind_name(kind));
	for (size_t i = 0; i < t->ps->sites.n; i++) {
		struct site *s = &t->ps->sites.v[i];
		if (s->kind != kind)
			continue;
		struct attach_one one;
		err = attach_one_uprobe(&t->att, s->probe, t->progs[s->probe * PG__COUNT + PG_UPROBE],
					path, off, site_cookie(t->ps, i), getpid(), &one);
		if (err)
			return fail(&t->fail, err, "cannot attach %s", s->name);
		trigger();
		attach_one_close(&one);
		drain(t);
	}
	return 0;
}
