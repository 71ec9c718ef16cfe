/* symbols.c - names for addresses, stacks and attach cookies.
 *
 * User addresses are looked up through the process's memory map (read
 * once per process) and the mapped file's function table (gobin: symtab
 * or, for stripped Go binaries, pclntab). When the process is gone — a
 * stack printed after the traced command exited — the binaries being
 * probed are tried, which is right for Go's non-PIE executables. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>

#include "abi/events.h"
#include "runtime/runtime.h"
#include "runtime/symbols.h"

struct mapping {
	uint64_t start, end, pgoff;
	char *path;
	uint64_t base; /* load base of the file */
};

struct procmap {
	uint32_t pid;
	VEC(struct mapping) maps;
	struct procmap *next;
};

struct ksym {
	uint64_t addr;
	char *name;
};

struct syms {
	struct probeset *ps;
	struct procmap *procs;
	VEC(struct ksym) ksyms;
	bool ksyms_loaded;
	int stack_fd;
};

static void drop_maps(struct procmap *pm);

struct syms *syms_new(struct probeset *ps)
{
	struct syms *s = xcalloc(1, sizeof(*s));
	s->ps = ps;
	s->stack_fd = -1;
	return s;
}

void syms_set_stack_fd(struct syms *s, int fd)
{
	s->stack_fd = fd;
}

void syms_free(struct syms *s)
{
	if (!s)
		return;
	for (struct procmap *p = s->procs, *next; p; p = next) {
		next = p->next;
		drop_maps(p);
		free(p);
	}
	for (size_t i = 0; i < s->ksyms.n; i++)
		free(s->ksyms.v[i].name);
	vec_free(&s->ksyms);
	free(s);
}

const char *syms_func(struct syms *s, uint64_t id)
{
	return id < s->ps->funcs.n ? s->ps->funcs.v[id] : "";
}

const char *syms_probe(struct syms *s, uint64_t site)
{
	if (site < s->ps->sites.n && s->ps->sites.v[site].name)
		return s->ps->sites.v[site].name;
	return "";
}

/* Reads /proc/PID/maps into pm (file-backed mappings); false when the
 * process has none (it is gone). */
static bool read_maps(struct procmap *pm)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%u/maps", pm->pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	char line[1024];
	while (fgets(line, sizeof(line), f)) {
		unsigned long start, end, pgoff;
		char perms[8], file[768];
		if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %767s", &start, &end, perms, &pgoff,
			   file) != 5 || file[0] != '/')
			continue;
		struct mapping m = { start, end, pgoff, xstrdup(file), start - pgoff };
		/* the base is where offset 0 of the file is mapped */
		for (size_t i = 0; i < pm->maps.n; i++)
			if (!strcmp(pm->maps.v[i].path, file)) {
				m.base = pm->maps.v[i].base;
				break;
			}
		vec_push(&pm->maps, m);
	}
	fclose(f);
	return pm->maps.n > 0;
}

static void drop_maps(struct procmap *pm)
{
	for (size_t i = 0; i < pm->maps.n; i++)
		free(pm->maps.v[i].path);
	vec_free(&pm->maps);
}

/* The memory map of a process, read once. */
static struct procmap *proc_maps(struct syms *s, uint32_t pid)
{
	for (struct procmap *p = s->procs; p; p = p->next)
		if (p->pid == pid)
			return p;
	struct procmap *pm = xcalloc(1, sizeof(*pm));
	pm->pid = pid;
	pm->next = s->procs;
	s->procs = pm;
	read_maps(pm);
	return pm;
}

void syms_remember(struct syms *s, uint32_t pid)
{
	struct procmap *pm = proc_maps(s, pid);
	struct procmap fresh = { .pid = pid };
	if (read_maps(&fresh)) {
		drop_maps(pm);
		pm->maps = fresh.maps;
	} else {
		drop_maps(&fresh);
	}
}

/* Where addr lies in process pid: its mapping's file (and *vaddr, the
 * address in that file). When the process is gone, the probed executables
 * (whose addresses are their own) that `owns` accepts. */
static struct gobin *binary_at(struct syms *s, uint64_t addr, uint32_t pid, uint64_t *vaddr,
			       bool (*owns)(struct gobin *b, uint64_t addr))
{
	struct procmap *pm = pid ? proc_maps(s, pid) : NULL;
	for (size_t i = 0; pm && i < pm->maps.n; i++) {
		struct mapping *m = &pm->maps.v[i];
		if (addr < m->start || addr >= m->end)
			continue;
		char *err = NULL;
		struct gobin *b = probeset_bin(s->ps, m->path, &err);
		free(err);
		*vaddr = b && gobin_is_dyn(b) ? addr - m->base : addr;
		return b;
	}
	for (size_t i = 0; i < s->ps->bins.n; i++) {
		struct gobin *b = s->ps->bins.v[i];
		if (!gobin_is_dyn(b) && owns(b, addr)) {
			*vaddr = addr;
			return b;
		}
	}
	return NULL;
}

static bool has_func(struct gobin *b, uint64_t addr)
{
	return gobin_func_at(b, addr) != NULL;
}

static bool has_type(struct gobin *b, uint64_t addr)
{
	uint64_t ts, te;
	return gobin_types_range(b, &ts, &te) == 0 && addr >= ts && addr < te;
}

/* The function holding addr and its start in the process, or NULL. */
static const struct gofunc *lookup_user(struct syms *s, uint64_t addr, uint32_t pid,
					uint64_t *start)
{
	uint64_t va;
	struct gobin *b = binary_at(s, addr, pid, &va, has_func);
	const struct gofunc *f = b ? gobin_func_at(b, va) : NULL;
	if (f)
		*start = f->addr + (addr - va);
	return f;
}

void syms_gotype(struct syms *s, uint64_t addr, uint32_t pid, struct strbuf *out)
{
	uint64_t va;
	char name[256];
	struct gobin *b = binary_at(s, addr, pid, &va, has_type);
	if (b && gobin_rtype_name(b, va, name, sizeof(name)) == 0)
		sb_puts(out, name);
	else
		sb_printf(out, "0x%llx", (unsigned long long)addr);
}

void syms_usym(struct syms *s, uint64_t addr, uint32_t pid, struct strbuf *out)
{
	uint64_t start;
	const struct gofunc *f = lookup_user(s, addr, pid, &start);
	if (f)
		sb_puts(out, f->name);
	else
		sb_printf(out, "0x%llx", (unsigned long long)addr);
}

void syms_usym_off(struct syms *s, uint64_t addr, uint32_t pid, struct strbuf *out)
{
	uint64_t start;
	const struct gofunc *f = lookup_user(s, addr, pid, &start);
	if (f)
		sb_printf(out, "%s+%llu", f->name, (unsigned long long)(addr - start));
	else
		sb_printf(out, "0x%llx", (unsigned long long)addr);
}

int syms_usrc(struct syms *s, uint64_t addr, uint32_t pid, bool call,
	      struct gosrc *frames, int max, const char **bin)
{
	uint64_t va;
	struct gobin *b = binary_at(s, addr, pid, &va, has_func);
	if (!b)
		return 0;
	*bin = gobin_path(b);
	return gobin_pc_frames(b, call && va ? va - 1 : va, frames, max);
}

static int cmp_ksym(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static void load_ksyms(struct syms *s)
{
	s->ksyms_loaded = true;
	FILE *f = fopen("/proc/kallsyms", "r");
	if (!f)
		return;
	char line[512];
	while (fgets(line, sizeof(line), f)) {
		unsigned long long addr;
		char type, name[256];
		if (sscanf(line, "%llx %c %255s", &addr, &type, name) != 3)
			continue;
		if (type != 't' && type != 'T' && type != 'w' && type != 'W')
			continue;
		struct ksym k = { addr, xstrdup(name) };
		vec_push(&s->ksyms, k);
	}
	fclose(f);
	qsort(s->ksyms.v, s->ksyms.n, sizeof(struct ksym), cmp_ksym);
}

void syms_ksym_off(struct syms *s, uint64_t addr, struct strbuf *out)
{
	if (!s->ksyms_loaded)
		load_ksyms(s);
	size_t lo = 0, hi = s->ksyms.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->ksyms.v[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || !s->ksyms.v[lo - 1].addr) {
		sb_printf(out, "0x%llx", (unsigned long long)addr);
		return;
	}
	struct ksym *k = &s->ksyms.v[lo - 1];
	sb_printf(out, "%s+%llu", k->name, (unsigned long long)(addr - k->addr));
}

static int stack_frames(struct syms *s, int64_t id, uint64_t *ips, int max)
{
	if (id < 0 || s->stack_fd < 0)
		return 0;
	uint64_t buf[STACK_DEPTH] = { 0 };
	uint32_t key = (uint32_t)id;
	if (bpf_map_lookup_elem(s->stack_fd, &key, buf) < 0)
		return 0;
	int n = 0;
	for (int i = 0; i < STACK_DEPTH && buf[i] && n < max; i++)
		ips[n++] = buf[i];
	return n;
}

int syms_ustack(struct syms *s, int64_t id, uint64_t ret0, uint64_t *ips, int max)
{
	int n = stack_frames(s, id, ips, max);
	if (ret0 && n >= 1 && n < max && (n < 2 || ips[1] != ret0)) {
		memmove(ips + 2, ips + 1, (size_t)(n - 1) * sizeof(*ips));
		ips[1] = ret0;
		n++;
	}
	return n;
}

int syms_kstack(struct syms *s, int64_t id, uint64_t *ips, int max)
{
	return stack_frames(s, id, ips, max);
}
