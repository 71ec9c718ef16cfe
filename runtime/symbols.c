/* symbols.c - names for addresses, stacks and attach cookies.
 *
 * User addresses are looked up through the process's memory map (read
 * once per process, and again while the traced process runs) and the
 * mapped file's function table (gobin: symtab or, for stripped Go
 * binaries, pclntab). When the process is gone and its map was never
 * read — a stack printed after a short-lived command exited — the
 * binaries being probed are tried: a non-PIE executable at its own
 * addresses, a Go PIE at the load base its ustack values tell (the
 * kernel's mm->start_code, minus the file's text address).
 *
 * A user stack gets back the caller the frame-pointer walk misses (see
 * struct ev_ustack) and a frame for each inlined call (.gopclntab's
 * inline trees). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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
	uint64_t start_code; /* mm->start_code from its ustack values, or 0 */
	struct procmap *next;
};

#define INL_RET (1ull << 55) /* the frame is a return address */
#define ADDR_MASK ((1ull << 55) - 1)

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
	int vdso_fd; /* gotrace's own vDSO image (see vdso_path), or -1 */
	bool vdso_tried;
	char vdso_path[64];
};

static void drop_maps(struct procmap *pm);

struct syms *syms_new(struct probeset *ps)
{
	struct syms *s = xcalloc(1, sizeof(*s));
	s->ps = ps;
	s->stack_fd = -1;
	s->vdso_fd = -1;
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
	if (s->vdso_fd >= 0)
		close(s->vdso_fd);
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

/* The mapped file's path as gotrace can open it: the process's own path
 * when that is the same file here, else through its root (a process in
 * another mount namespace, as in a container), else through map_files;
 * such a file is opened at once, while the process lives. */
static char *host_path(struct syms *s, uint32_t pid, const char *file, unsigned long ino,
		       unsigned long start, unsigned long end)
{
	char buf[1024];
	struct stat st;
	if (stat(file, &st) == 0 && st.st_ino == ino)
		return xstrdup(file);
	snprintf(buf, sizeof(buf), "/proc/%u/root%s", pid, file);
	if (stat(buf, &st) != 0 || st.st_ino != ino)
		snprintf(buf, sizeof(buf), "/proc/%u/map_files/%lx-%lx", pid, start, end);
	char *err = NULL;
	probeset_bin(s->ps, buf, &err);
	free(err);
	return xstrdup(buf);
}

/* The vDSO's functions (a Go program's time.now runs
 * __vdso_clock_gettime): the kernel maps one image into every 64-bit
 * process, so gotrace's own, copied once into a memory file, names the
 * frames in any process's [vdso] mapping. NULL when it cannot be had. */
static const char *vdso_path(struct syms *s)
{
	if (s->vdso_tried)
		return s->vdso_fd >= 0 ? s->vdso_path : NULL;
	s->vdso_tried = true;
	unsigned long at = getauxval(AT_SYSINFO_EHDR), start, end, size = 0;
	FILE *f = fopen("/proc/self/maps", "re");
	char line[256];
	while (f && at && fgets(line, sizeof(line), f))
		if (strstr(line, "[vdso]") && sscanf(line, "%lx-%lx", &start, &end) == 2 &&
		    start == at) {
			size = end - start;
			break;
		}
	if (f)
		fclose(f);
	if (!size)
		return NULL;
	int fd = memfd_create("vdso", MFD_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (write(fd, (const void *)at, size) != (ssize_t)size) {
		close(fd);
		return NULL;
	}
	s->vdso_fd = fd;
	snprintf(s->vdso_path, sizeof(s->vdso_path), "/proc/self/fd/%d", fd);
	return s->vdso_path;
}

/* Reads /proc/PID/maps into pm (file-backed mappings); false when the
 * process has none (it is gone). A line is
 *   start-end perms offset dev inode      path
 * and the path is the rest of the line: it may hold spaces. */
static bool read_maps(struct syms *s, struct procmap *pm)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%u/maps", pm->pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, f)) > 0) {
		unsigned long start, end, pgoff, ino;
		char perms[8];
		int at = 0;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (sscanf(line, "%lx-%lx %7s %lx %*s %lu %n", &start, &end, perms, &pgoff, &ino,
			   &at) != 5 || !at)
			continue;
		if (!strcmp(line + at, "[vdso]")) {
			const char *v = vdso_path(s);
			if (v)
				vec_push(&pm->maps, ((struct mapping){ start, end, 0, xstrdup(v), start }));
			continue;
		}
		if (line[at] != '/')
			continue;
		const char *file = line + at;
		struct mapping m = { start, end, pgoff, host_path(s, pm->pid, file, ino, start, end),
				     start - pgoff };
		/* the base is where offset 0 of the file is mapped */
		for (size_t i = 0; i < pm->maps.n; i++)
			if (!strcmp(pm->maps.v[i].path, m.path)) {
				m.base = pm->maps.v[i].base;
				break;
			}
		vec_push(&pm->maps, m);
	}
	free(line);
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
	read_maps(s, pm);
	return pm;
}

void syms_remember(struct syms *s, uint32_t pid)
{
	struct procmap *pm = proc_maps(s, pid);
	struct procmap fresh = { .pid = pid };
	if (read_maps(s, &fresh)) {
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
	/* a Go PIE: its load base is start_code minus its text's address */
	for (size_t i = 0; pm && pm->start_code && !pm->maps.n && i < s->ps->bins.n; i++) {
		struct gobin *b = s->ps->bins.v[i];
		uint64_t text = gobin_exec_vaddr(b);
		if (!gobin_is_dyn(b) || gobin_compiler(b) != GOC_GC || pm->start_code < text)
			continue;
		uint64_t va = addr - (pm->start_code - text);
		if (owns(b, va)) {
			*vaddr = va;
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

/* The inlined calls at pc (innermost first), with the start of each copy
 * in the process. */
static int inline_at(struct syms *s, uint64_t pc, uint32_t pid, const char **names,
		     uint64_t *starts, int max)
{
	uint64_t va;
	struct gobin *b = binary_at(s, pc, pid, &va, has_func);
	if (!b || gobin_compiler(b) != GOC_GC)
		return 0;
	int n = gobin_inline_frames(b, va, names, starts, max);
	for (int i = 0; i < n; i++)
		starts[i] += pc - va;
	return n;
}

/* A frame in inlined code (see syms_ustack): its name and offset. */
static bool inlined_frame(struct syms *s, uint64_t frame, uint32_t pid, struct strbuf *out)
{
	int level = (int)(frame >> SYMS_INL_SHIFT) - 1;
	uint64_t ip = frame & ADDR_MASK, pc = frame & INL_RET ? ip - 1 : ip;
	const char *names[16];
	uint64_t starts[16];
	int n = inline_at(s, pc, pid, names, starts, 16);
	if (level < 0 || level >= n)
		return false;
	sb_printf(out, "%s+%llu", names[level], (unsigned long long)(ip - starts[level]));
	return true;
}

void syms_usym(struct syms *s, uint64_t addr, uint32_t pid, struct strbuf *out)
{
	uint64_t start;
	/* a stack's frame carries flags in its top bits; a kernel address
	 * (usym(reg("ip")) of a sample taken in the kernel) is all ones there,
	 * and is printed whole */
	if (addr >> 48 != 0xffff)
		addr &= ADDR_MASK;
	const struct gofunc *f = lookup_user(s, addr, pid, &start);
	if (f)
		sb_puts(out, f->name);
	else
		sb_printf(out, "0x%llx", (unsigned long long)addr);
}

void syms_usym_off(struct syms *s, uint64_t addr, uint32_t pid, struct strbuf *out)
{
	uint64_t start;
	if (addr >> SYMS_INL_SHIFT && inlined_frame(s, addr, pid, out))
		return;
	addr &= ADDR_MASK;
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
	*bin = s->vdso_fd >= 0 && !strcmp(gobin_path(b), s->vdso_path) ? "[vdso]" : gobin_path(b);
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

/* Did the frame-pointer walk miss the caller of the function at pc, whose
 * return address the ustack value's word would be? Yes when the value
 * says so for sure, or when .gopclntab's SP delta at pc is where the word
 * was read (the function has no frame of its own there); in code other
 * than gc's (the vDSO, C), when the call frame information says the
 * return address is there. */
static bool caller_missing(struct syms *s, uint64_t pc, uint32_t pid, uint64_t meta)
{
	uint64_t va;
	int64_t delta;
	if (meta & USTACK_TRUSTED)
		return true;
	struct gobin *b = binary_at(s, pc, pid, &va, has_func);
	if (!b)
		return false;
	if (gobin_compiler(b) == GOC_GC)
		return gobin_sp_delta(b, va, &delta) == 0 && delta == USTACK_D(meta);
	return gobin_cfi_ret_off(b, va, &delta) == 0 && delta == USTACK_D(meta);
}

int syms_ustack(struct syms *s, const void *value, const uint64_t *frames, int nframes,
		uint64_t *ips, int max)
{
	struct ev_ustack u;
	uint64_t raw[STACK_DEPTH + 1];
	memcpy(&u, value, sizeof(u));
	uint32_t pid = USTACK_PID(u.meta);
	if (u.start_code && pid)
		proc_maps(s, pid)->start_code = u.start_code;
	int n = 0;
	if (frames) {
		for (; n < nframes && n < STACK_DEPTH; n++) {
			memcpy(&raw[n], &frames[n], sizeof(raw[n])); /* may be unaligned */
			if (!raw[n])
				break;
		}
	} else {
		n = stack_frames(s, u.id, raw, STACK_DEPTH);
	}
	if (n >= 1 && (u.meta & USTACK_WORD) && u.word && (n < 2 || raw[1] != u.word) &&
	    caller_missing(s, raw[0], pid, u.meta)) {
		memmove(raw + 2, raw + 1, (size_t)(n - 1) * sizeof(*raw));
		raw[1] = u.word;
		n++;
	}
	/* a frame for each inlined call a pc is in; a return address is
	 * looked up at the call before it */
	int k = 0;
	for (int i = 0; i < n && k < max; i++) {
		const char *names[16];
		uint64_t starts[16];
		int m = inline_at(s, i ? raw[i] - 1 : raw[i], pid, names, starts, 16);
		for (int l = 0; l < m && k < max; l++)
			ips[k++] = raw[i] | (uint64_t)(l + 1) << SYMS_INL_SHIFT | (i ? INL_RET : 0);
		if (k < max)
			ips[k++] = raw[i];
	}
	return k;
}

int syms_kstack(struct syms *s, int64_t id, uint64_t *ips, int max)
{
	return stack_frames(s, id, ips, max);
}
