/* resolve.c - from attach points to concrete sites.
 *
 * A uprobe names a binary and a function, maybe with wildcards; this finds
 * the binary (path, PATH, library name), the functions, and for Go (gc)
 * binaries the sites gotrace really probes: the entry after the
 * stack-check prologue, and every RET instruction for a return probe. It
 * also fills each probe's struct probe_env: the calling convention, where
 * goid lives, tracepoint fields. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <linux/bpf.h>

#include "probes/probes.h"

static const char *const kind_names[PK__COUNT] = {
	[PK_BEGIN] = "BEGIN",	      [PK_END] = "END",
	[PK_UPROBE] = "uprobe",	      [PK_URETPROBE] = "uretprobe",
	[PK_INTERVAL] = "interval",   [PK_PROFILE] = "profile",
	[PK_TRACEPOINT] = "tracepoint",
};

enum probe_kind probe_kind_of(const char *provider)
{
	for (int i = 0; i < PK__COUNT; i++)
		if (!strcmp(kind_names[i], provider))
			return (enum probe_kind)i;
	return PK_BEGIN;
}

const char *probe_kind_name(enum probe_kind k)
{
	return kind_names[k];
}

static bool has_wildcard(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

struct gobin *probeset_bin(struct probeset *ps, const char *path, char **err)
{
	for (size_t i = 0; i < ps->bins.n; i++)
		if (!strcmp(gobin_path(ps->bins.v[i]), path))
			return ps->bins.v[i];
	struct gobin *b;
	if (gobin_open(path, &b, err) < 0)
		return NULL;
	vec_push(&ps->bins, b);
	return b;
}

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* The id of a function name in ps->funcs, adding it when new. */
static uint32_t func_id(struct probeset *ps, const char *name)
{
	if (ps->funcs.n * 2 >= ps->func_cap) {
		size_t cap = ps->func_cap ? ps->func_cap * 2 : 64;
		uint32_t *h = xmalloc(cap * sizeof(*h));
		memset(h, 0xff, cap * sizeof(*h));
		for (size_t i = 0; i < ps->funcs.n; i++) {
			size_t j = str_hash(ps->funcs.v[i]) & (cap - 1);
			while (h[j] != UINT32_MAX)
				j = (j + 1) & (cap - 1);
			h[j] = (uint32_t)i;
		}
		free(ps->func_hash);
		ps->func_hash = h;
		ps->func_cap = cap;
	}
	size_t j = str_hash(name) & (ps->func_cap - 1);
	while (ps->func_hash[j] != UINT32_MAX) {
		if (!strcmp(ps->funcs.v[ps->func_hash[j]], name))
			return ps->func_hash[j];
		j = (j + 1) & (ps->func_cap - 1);
	}
	ps->func_hash[j] = (uint32_t)ps->funcs.n;
	vec_push(&ps->funcs, xstrdup(name));
	return (uint32_t)ps->funcs.n - 1;
}

/* What "Attaching N probes" counts: each function (or timer, tracepoint,
 * BEGIN, END) of each probe once, however many RET sites it has. */
int probeset_count(const struct probeset *ps)
{
	int n = 0;
	for (size_t i = 0; i < ps->sites.n; i++) {
		const struct site *s = &ps->sites.v[i];
		if (i == 0 || s->probe != s[-1].probe || s->kind != s[-1].kind ||
		    s->func_id != s[-1].func_id || s->attach != s[-1].attach)
			n++;
	}
	return n;
}

void probeset_free(struct probeset *ps)
{
	for (size_t i = 0; i < ps->funcs.n; i++)
		free(ps->funcs.v[i]);
	vec_free(&ps->funcs);
	free(ps->func_hash);
	for (size_t i = 0; i < ps->sites.n; i++) {
		struct site *s = &ps->sites.v[i];
		free(s->func);
		free(s->name);
		free(s->path);
		free(s->tp_cat);
		free(s->tp_name);
	}
	vec_free(&ps->sites);
	for (size_t i = 0; i < ps->bins.n; i++)
		gobin_close(ps->bins.v[i]);
	vec_free(&ps->bins);
	if (ps->envs) {
		for (int i = 0; i < ps->nprobes; i++) {
			struct probe_env *e = &ps->envs[i];
			for (size_t k = 0; k < e->nfields; k++)
				free(e->fields[k].name);
			free(e->fields);
			for (size_t k = 0; k < e->nconflicts; k++) {
				free(e->conflicts[k].name);
				free(e->conflicts[k].why);
			}
			free(e->conflicts);
			free(e->first_tp);
			free(ps->envs[i].goid_err);
		}
	}
	free(ps->envs);
}

static struct site *add_site(struct probeset *ps, struct probe *p, struct attach *a,
			     enum probe_kind kind)
{
	struct site s = { .probe = p->index, .kind = kind, .attach = a, .sp_delta = -1 };
	vec_push(&ps->sites, s);
	return &ps->sites.v[ps->sites.n - 1];
}

/* --- kernel facts ----------------------------------------------------------- */

int64_t kernel_task_fsbase_off(void)
{
	struct btf *btf = btf__load_vmlinux_btf();
	if (!btf)
		return -1;
	int64_t off = -1;
	int id = btf__find_by_name_kind(btf, "task_struct", BTF_KIND_STRUCT);
	if (id < 0)
		goto out;
	const struct btf_type *t = btf__type_by_id(btf, (__u32)id);
	const struct btf_member *m = btf_members(t);
	for (int i = 0; i < btf_vlen(t); i++, m++) {
		if (strcmp(btf__name_by_offset(btf, m->name_off), "thread"))
			continue;
		uint32_t thread_off = btf_member_bit_offset(t, (__u32)i) / 8;
		const struct btf_type *tt = btf__type_by_id(btf, m->type);
		const struct btf_member *mm = btf_members(tt);
		for (int j = 0; j < btf_vlen(tt); j++, mm++) {
			if (!strcmp(btf__name_by_offset(btf, mm->name_off), "fsbase")) {
				off = thread_off + btf_member_bit_offset(tt, (__u32)j) / 8;
				goto out;
			}
		}
	}
out:
	btf__free(btf);
	return off;
}

/* Byte offset of member `member` in BTF type id (looking into anonymous
 * structs and unions, as mm_struct keeps its fields), or -1. */
static int64_t btf_member_in(struct btf *btf, __u32 id, const char *member, int depth)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	while (t && (btf_is_typedef(t) || btf_is_mod(t)))
		t = btf__type_by_id(btf, t->type);
	if (!t || !btf_is_composite(t) || depth > 8)
		return -1;
	const struct btf_member *m = btf_members(t);
	for (int i = 0; i < btf_vlen(t); i++, m++) {
		const char *n = btf__name_by_offset(btf, m->name_off);
		int64_t off = btf_member_bit_offset(t, (__u32)i) / 8;
		if (n && *n) {
			if (!strcmp(n, member))
				return off;
			continue;
		}
		int64_t in = btf_member_in(btf, m->type, member, depth + 1);
		if (in >= 0)
			return off + in;
	}
	return -1;
}

/* Byte offset of member `member` of struct `sname` in the kernel's BTF,
 * or -1. */
static int64_t btf_member_off(struct btf *btf, const char *sname, const char *member)
{
	int id = btf__find_by_name_kind(btf, sname, BTF_KIND_STRUCT);
	return id < 0 ? -1 : btf_member_in(btf, (__u32)id, member, 0);
}

int kernel_mm_offsets(int64_t *task_mm, int64_t *mm_start_code)
{
	static int64_t mm = -2, sc = -2;
	if (mm == -2) {
		struct btf *btf = btf__load_vmlinux_btf();
		mm = sc = -1;
		if (btf) {
			mm = btf_member_off(btf, "task_struct", "mm");
			sc = btf_member_off(btf, "mm_struct", "start_code");
			btf__free(btf);
		}
	}
	*task_mm = mm;
	*mm_start_code = sc;
	return mm >= 0 && sc >= 0 ? 0 : -ENOENT;
}

bool kernel_has_func(const char *name)
{
	/* the name among the strings of /sys/kernel/btf/vmlinux, mapped
	 * (Linux 6.15): 1 ms, where parsing the BTF takes 10 (a name there
	 * is a type's, a member's or a function's: a kfunc's, for these) */
	int fd = open("/sys/kernel/btf/vmlinux", O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *p = MAP_FAILED;
	size_t len = 0;
	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0) {
		len = (size_t)st.st_size;
		p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	}
	if (fd >= 0)
		close(fd);
	if (p == MAP_FAILED) {
		struct btf *btf = btf__load_vmlinux_btf();
		bool has = btf && btf__find_by_name_kind(btf, name, BTF_KIND_FUNC) >= 0;
		btf__free(btf);
		return has;
	}
	size_t n = strlen(name);
	char *want = xmalloc(n + 2);
	want[0] = '\0';
	memcpy(want + 1, name, n + 1);
	bool has = memmem(p, len, want, n + 2) != NULL;
	free(want);
	munmap(p, len);
	return has;
}

bool kernel_sleepable_uprobes(void)
{
	static int known = -1;
	if (known >= 0)
		return known;
	/* r1 = r10 - 8; r2 = 8; r3 = 0; call bpf_copy_from_user; r0 = 0; exit */
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_X, .dst_reg = 1, .src_reg = 10 },
		{ .code = BPF_ALU64 | BPF_ADD | BPF_K, .dst_reg = 1, .imm = -8 },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 2, .imm = 8 },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 3, .imm = 0 },
		{ .code = BPF_JMP | BPF_CALL, .imm = BPF_FUNC_copy_from_user },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	LIBBPF_OPTS(bpf_prog_load_opts, lo, .prog_flags = BPF_F_SLEEPABLE);
	int fd = bpf_prog_load(BPF_PROG_TYPE_KPROBE, NULL, "GPL", insns, ARRAY_SIZE(insns), &lo);
	known = fd >= 0;
	if (fd >= 0)
		close(fd);
	return known;
}

const char *tracefs_events_dir(void)
{
	static const char *const dirs[] = { "/sys/kernel/tracing/events",
					    "/sys/kernel/debug/tracing/events" };
	bool denied = false; /* there, but not for us: mounting would not help */
	for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
		if (access(dirs[i], R_OK) == 0)
			return dirs[i];
		denied |= errno == EACCES || errno == EPERM;
	}
	if (!denied && mount("nodev", "/sys/kernel/tracing", "tracefs", 0, NULL) == 0 &&
	    access(dirs[0], R_OK) == 0)
		return dirs[0];
	errno = denied ? EACCES : ENOENT;
	return NULL;
}

/* Why tracefs_events_dir() found nothing, as one sentence. */
const char *tracefs_error(int err)
{
	return err == EACCES || err == EPERM
		       ? "no permission to read tracefs (/sys/kernel/tracing): tracepoints need root"
		       : "tracefs is not available (mounting it on /sys/kernel/tracing failed)";
}

int tracepoints_matching(const char *catpat, const char *namepat, char ***names, char **why)
{
	const char *dir = tracefs_events_dir();
	if (!dir) {
		int err = errno;
		*why = xstrdup(tracefs_error(err));
		return -err;
	}
	DIR *cats = opendir(dir);
	if (!cats) {
		int err = errno;
		*why = xasprintf("cannot read %s: %s", dir, strerror(err));
		return -err;
	}
	VEC(char *) v = { 0 };
	struct dirent *ce;
	while ((ce = readdir(cats))) {
		if (ce->d_name[0] == '.' || fnmatch(catpat, ce->d_name, 0))
			continue;
		char *sub = xasprintf("%s/%s", dir, ce->d_name);
		DIR *evs = opendir(sub);
		struct dirent *ee;
		while (evs && (ee = readdir(evs))) {
			if (ee->d_name[0] == '.' || fnmatch(namepat, ee->d_name, 0))
				continue;
			char *format = xasprintf("%s/%s/format", sub, ee->d_name);
			if (access(format, R_OK) == 0)
				vec_push(&v, xasprintf("%s:%s", ce->d_name, ee->d_name));
			free(format);
		}
		if (evs)
			closedir(evs);
		free(sub);
	}
	closedir(cats);
	*names = v.v;
	return (int)v.n;
}

/* Parses lines like
 *   field:unsigned short common_type;	offset:0;	size:2;	signed:0; */
int tracepoint_fields(const char *cat, const char *name, struct tp_field **fields,
		      size_t *n)
{
	const char *dir = tracefs_events_dir();
	if (!dir)
		return -ENOENT;
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s/%s/format", dir, cat, name);
	FILE *f = fopen(path, "r");
	if (!f)
		return -errno;
	VEC(struct tp_field) out = { 0 };
	char line[1024];
	while (fgets(line, sizeof(line), f)) {
		char *fp = strstr(line, "field:");
		if (!fp)
			continue;
		char *semi = strchr(fp, ';');
		if (!semi)
			continue;
		*semi = '\0';
		char *decl = fp + 6;
		struct tp_field fld = { 0 };
		char *o = strstr(semi + 1, "offset:"), *sz = strstr(semi + 1, "size:"),
		     *sg = strstr(semi + 1, "signed:");
		if (!o || !sz)
			continue;
		fld.offset = (uint32_t)strtoul(o + 7, NULL, 10);
		fld.size = (uint32_t)strtoul(sz + 5, NULL, 10);
		fld.is_signed = sg && sg[7] == '1';
		/* the name is the last identifier outside brackets:
		 * "char comm[16]", "__data_loc char[] filename" */
		char *br = strchr(decl, '[');
		char bare[256];
		size_t k = 0;
		int depth = 0;
		for (const char *c = decl; *c && k < sizeof(bare) - 1; c++) {
			if (*c == '[')
				depth++;
			else if (*c == ']')
				depth--;
			else if (!depth)
				bare[k++] = *c;
		}
		bare[k] = '\0';
		char *end = bare + k;
		while (end > bare && !isalnum((unsigned char)end[-1]) && end[-1] != '_')
			end--;
		char *start = end;
		while (start > bare && (isalnum((unsigned char)start[-1]) || start[-1] == '_'))
			start--;
		fld.name = xstrndup(start, (size_t)(end - start));
		if (strstr(decl, "__data_loc"))
			fld.kind = TPF_DATALOC;
		else if (br && strstr(decl, "char"))
			fld.kind = TPF_CHARS;
		else if (fld.size == 1 || fld.size == 2 || fld.size == 4 || fld.size == 8)
			fld.kind = TPF_INT;
		else {
			free(fld.name);
			continue; /* arrays of other things: not readable as args */
		}
		vec_push(&out, fld);
	}
	fclose(f);
	*fields = out.v;
	*n = out.n;
	return 0;
}

static void add_conflict(struct probe_env *env, const char *name, char *why)
{
	for (size_t i = 0; i < env->nconflicts; i++)
		if (!strcmp(env->conflicts[i].name, name)) {
			free(why);
			return;
		}
	env->conflicts = xrealloc(env->conflicts, (env->nconflicts + 1) * sizeof(*env->conflicts));
	env->conflicts[env->nconflicts].name = xstrdup(name);
	env->conflicts[env->nconflicts].why = why;
	env->nconflicts++;
}

static const struct tp_field *find_field(const struct tp_field *f, size_t n, const char *name)
{
	for (size_t j = 0; j < n; j++)
		if (!strcmp(f[j].name, name))
			return &f[j];
	return NULL;
}

/* Keeps only the fields that every tracepoint of a probe has alike; for
 * the others, records why (tp is the new tracepoint's "cat:name"). */
static void intersect_fields(struct probe_env *env, struct tp_field *f, size_t n, const char *tp)
{
	if (!env->first_tp) {
		env->fields = f;
		env->nfields = n;
		env->first_tp = xstrdup(tp);
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < env->nfields; i++) {
		struct tp_field *a = &env->fields[i];
		const struct tp_field *b = find_field(f, n, a->name);
		if (b && a->offset == b->offset && a->size == b->size && a->kind == b->kind) {
			env->fields[k++] = *a;
			continue;
		}
		if (!b)
			add_conflict(env, a->name, xasprintf("%s has it but %s does not", env->first_tp, tp));
		else if (a->offset != b->offset)
			add_conflict(env, a->name,
				     xasprintf("it is at offset %u in %s but at %u in %s", a->offset,
					       env->first_tp, b->offset, tp));
		else
			add_conflict(env, a->name,
				     xasprintf("it has another type in %s than in %s", env->first_tp, tp));
		free(a->name);
	}
	for (size_t j = 0; j < n; j++)
		if (!find_field(env->fields, k, f[j].name))
			add_conflict(env, f[j].name, xasprintf("%s has it but %s does not", tp, env->first_tp));
	if (k != env->nfields || k != n)
		env->fields_mixed = true;
	env->nfields = k;
	for (size_t j = 0; j < n; j++)
		free(f[j].name);
	free(f);
}

/* --- tracepoints ------------------------------------------------------------- */

static int resolve_tracepoint(struct probeset *ps, struct diag *d, struct probe *p,
			      struct attach *a)
{
	char **names, *why;
	int n = tracepoints_matching(a->target, a->func, &names, &why);
	if (n < 0) {
		diag_error(d, a->loc, "%s", why);
		free(why);
		return 1;
	}
	int found = 0;
	for (int i = 0; i < n; i++) {
		char *cat = names[i], *name = strchr(cat, ':');
		struct tp_field *f;
		size_t nf;
		*name++ = '\0';
		if (tracepoint_fields(cat, name, &f, &nf) < 0) {
			free(cat);
			continue;
		}
		char *tp = xasprintf("%s:%s", cat, name);
		intersect_fields(&ps->envs[p->index], f, nf, tp);
		free(tp);
		struct site *s = add_site(ps, p, a, PK_TRACEPOINT);
		s->tp_cat = xstrdup(cat);
		s->tp_name = xstrdup(name);
		s->name = xasprintf("tracepoint:%s:%s", cat, name);
		s->func = xasprintf("%s:%s", cat, name);
		found++;
		free(cat);
	}
	free(names);
	if (!found) {
		if (has_wildcard(a->target) || has_wildcard(a->func))
			diag_error(d, a->loc, "no tracepoint matches '%s:%s'", a->target, a->func);
		else
			diag_error(d, a->loc, "tracepoint %s:%s does not exist", a->target, a->func);
		diag_hint(d, "list them with: gotrace -l 'tracepoint:%s:*'", a->target);
		return 1;
	}
	return 0;
}

/* --- uprobes ------------------------------------------------------------------ */

/* A file the process maps, by its path in the process's mount namespace,
 * as gotrace can open it: through /proc/PID/root (a container's files are
 * not at their own paths on the host), else the path itself. */
static char *proc_path(pid_t pid, const char *path)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof(buf), "/proc/%d/root%s", (int)pid, path);
	if (access(buf, R_OK) == 0)
		return xstrdup(buf);
	if (access(path, R_OK) == 0)
		return xstrdup(path);
	return NULL;
}

/* The library of process pid whose file name matches name ("libc"), the
 * best match of its memory map. */
static char *proc_library(pid_t pid, const char *name)
{
	char path[64], line[PATH_MAX + 128], best[PATH_MAX] = "";
	int best_rank = 99;
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	while (fgets(line, sizeof(line), f)) {
		char *file = strchr(line, '/');
		if (!file)
			continue;
		file[strcspn(file, "\n")] = '\0';
		const char *base = strrchr(file, '/') + 1;
		int r = gobin_lib_match(base, name);
		if (r >= 0 && r < best_rank && strlen(file) < sizeof(best)) {
			best_rank = r;
			strcpy(best, file);
		}
	}
	fclose(f);
	return best_rank < 99 ? proc_path(pid, best) : NULL;
}

/* Finds the file for a probe's binary part. With -p, the process's view
 * comes first: no binary is its executable (/proc/PID/exe, which opens
 * in any mount namespace), an absolute path is looked up in its root, a
 * name is its executable's or that of a library it maps; then, and
 * without -p, the path, PATH and the loader cache. */
char *probe_binary_path(const char *target, pid_t pid)
{
	char buf[PATH_MAX];
	if (pid > 0) {
		if (!*target) {
			snprintf(buf, sizeof(buf), "/proc/%d/exe", (int)pid);
			return access(buf, R_OK) == 0 ? xstrdup(buf) : NULL;
		}
		if (target[0] == '/') {
			snprintf(buf, sizeof(buf), "/proc/%d/root%s", (int)pid, target);
			if (access(buf, R_OK) == 0)
				return xstrdup(buf);
		}
		if (!strchr(target, '/')) {
			/* the name of the process's executable */
			char exe[PATH_MAX];
			snprintf(buf, sizeof(buf), "/proc/%d/exe", (int)pid);
			ssize_t n = readlink(buf, exe, sizeof(exe) - 1);
			if (n > 0) {
				exe[n] = '\0';
				const char *base = strrchr(exe, '/');
				if (!strcmp(base ? base + 1 : exe, target))
					return xstrdup(buf);
			}
			char *lib = proc_library(pid, target);
			if (lib)
				return lib;
		}
	}
	if (!*target)
		return NULL;
	return gobin_resolve_path(target);
}

/* "did you mean" among the binary's function names of about that length. */
static void suggest_func(struct diag *d, struct gobin *b, const char *name)
{
	size_t n, len = strlen(name);
	const struct gofunc *fs = gobin_funcs(b, &n);
	VEC(const char *) cands = { 0 };
	for (size_t i = 0; i < n; i++) {
		size_t fl = strlen(fs[i].name);
		if (fl + 3 >= len && fl <= len + 3)
			vec_push(&cands, fs[i].name);
	}
	const char *best = diag_suggest(name, cands.v, cands.n);
	if (best)
		diag_hint(d, "did you mean '%s'?", best);
	vec_free(&cands);
}

/* Notes that a probe reaches function `name` (real: its own code, when
 * it has some): env->func and env->func_name stay set while it is the
 * only one. */
static void env_one_func(struct probe_env *env, const char *name, const struct gofunc *real)
{
	if (env->many_funcs)
		return;
	if (env->func_name && strcmp(env->func_name, name)) {
		env->func = NULL;
		env->func_name = NULL;
		env->many_funcs = true;
		return;
	}
	env->func_name = name;
	if (real)
		env->func = real;
}

/* Does the probe read argument or result registers by the calling
 * convention (goarg, goret, retval, argN, sargN)? Inlined copies have no
 * such registers. */
static bool reads_abi_words(const struct node *n)
{
	for (; n; n = n->next) {
		if (n->kind == N_CALL || n->kind == N_IDENT) {
			const char *nm = n->call.name;
			if (!strcmp(nm, "goarg") || !strcmp(nm, "goret") || !strcmp(nm, "retval") ||
			    ((!strncmp(nm, "arg", 3) || !strncmp(nm, "sarg", 4)) &&
			     nm[strlen(nm) - 1] >= '0' && nm[strlen(nm) - 1] <= '9'))
				return true;
		}
		struct node *kids[4];
		int k = ast_children(n, kids);
		for (int i = 0; i < k; i++)
			if (reads_abi_words(kids[i]))
				return true;
	}
	return false;
}

/* The predicate's value where `func` is `name`, from its comparisons of
 * func with names under ||, && and !: 1, 0, or -1 when it depends on
 * more. A wildcard leaves out the functions whose calls it rules out. */
static int pred_on_func(const struct node *n, const char *name)
{
	if (!n)
		return -1;
	if (n->kind == N_UNOP && n->unop.op == '!') {
		int r = pred_on_func(n->unop.operand, name);
		return r < 0 ? -1 : !r;
	}
	if (n->kind != N_BINOP)
		return -1;
	const struct node *l = n->binop.lhs, *r = n->binop.rhs;
	switch (n->binop.op) {
	case OP_LOR:
	case OP_LAND: {
		int a = pred_on_func(l, name), b = pred_on_func(r, name);
		bool lor = n->binop.op == OP_LOR;
		if (a == lor || b == lor)
			return lor;
		return a < 0 || b < 0 ? -1 : !lor;
	}
	case OP_EQ:
	case OP_NE:
		if (r->kind == N_IDENT) {
			const struct node *x = l;
			l = r;
			r = x;
		}
		if (l->kind != N_IDENT || strcmp(l->call.name, "func") || r->kind != N_STR)
			return -1;
		return !strcmp(r->str.text, name) == (n->binop.op == OP_EQ);
	default:
		return -1;
	}
}

/* What an attach point left out of the inlined copies it matched, said
 * once for the attach point. */
struct inl_skipped {
	int rets, args; /* copies not probed: no return; arguments read */
	const char *ret_func, *args_func;
};

/* The inlined copies of `name` as sites of a uprobe (not of a return
 * probe: a copy has no return of its own). `own` says whether the
 * function also has code of its own. */
static int add_inlined_sites(struct probeset *ps, struct diag *d, struct probe *p,
			     struct attach *a, struct gobin *b, const char *name, bool ret,
			     bool own, char *path, struct inl_skipped *sk)
{
	struct probe_env *env = &ps->envs[p->index];
	const struct goinline *v;
	size_t n;
	if (gobin_inlined(b, name, &v, &n) < 0 || !n)
		return 0;
	if (ret) {
		/* a return probe on a function with code of its own keeps
		 * that; a copy has no return instruction */
		sk->rets += (int)n;
		sk->ret_func = name;
		return 0;
	}
	if (own && (reads_abi_words(p->pred) || reads_abi_words(p->body))) {
		sk->args += (int)n;
		sk->args_func = name;
		return 0;
	}
	env_one_func(env, name, gobin_find(b, name));
	for (size_t i = 0; i < n; i++) {
		uint64_t off;
		if (gobin_vaddr_to_offset(b, v[i].addr, &off) < 0) {
			diag_error(d, a->loc, "%s: its inlined copy at 0x%llx is not in a loaded segment of %s",
				   name, (unsigned long long)v[i].addr, path);
			return 1;
		}
		struct site *s = add_site(ps, p, a, PK_UPROBE);
		s->path = xstrdup(path);
		s->offset = off;
		s->bin = b;
		s->vaddr = v[i].addr;
		s->inl = &v[i];
		if (gobin_sp_delta(b, v[i].addr, &s->sp_delta) < 0)
			s->sp_delta = -1;
		s->func = xstrdup(name);
		s->name = *a->target ? xasprintf("uprobe:%s:%s", a->target, name) : xasprintf("uprobe:%s", name);
	}
	env->has_inlined = true;
	env->sp_is_ret = false; /* a copy runs inside its caller's frame */
	return 0;
}

/* Says what add_inlined_sites left out. */
static void report_skipped(struct diag *d, struct attach *a, const struct inl_skipped *sk)
{
	if (sk->rets)
		diag_warning(d, a->loc, "%d inlined cop%s of %s%s %s not probed: an inlined copy has no return of its own",
			     sk->rets, sk->rets == 1 ? "y" : "ies", sk->ret_func,
			     sk->rets > 1 && has_wildcard(a->func) ? " and others" : "",
			     sk->rets == 1 ? "is" : "are");
	if (sk->args)
		diag_warning(d, a->loc,
			     "%d inlined cop%s of %s%s %s not probed: the probe reads argument registers, which an inlined copy does not have",
			     sk->args, sk->args == 1 ? "y" : "ies", sk->args_func,
			     sk->args > 1 && has_wildcard(a->func) ? " and others" : "",
			     sk->args == 1 ? "is" : "are");
}

/* Is func named in a package of Go's standard library ("net/http.X",
 * "fmt.Println"; not "main.f", nor "github.com/x/y.F")? */
static bool std_func(const char *func)
{
	const char *dot = strchr(func, '.'), *slash = strchr(func, '/');
	if (!dot || dot == func)
		return false;
	if (slash && slash < dot)
		return !memchr(func, '.', (size_t)(slash - func)); /* no domain */
	return strncmp(func, "main.", 5) != 0;
}

/* A gc runtime or standard-library function looked for in a gccgo
 * binary: says why it is not there. */
static bool gccgo_runtime_hint(struct diag *d, struct gobin *b, const char *func)
{
	if (!b || gobin_compiler(b) != GOC_GCCGO)
		return false;
	if (!strncmp(func, "runtime.", 8))
		diag_hint(d, "%s is built by gccgo: its runtime is libgo's, whose functions are not the gc "
			     "runtime's (this works on binaries built by go build)", gobin_path(b));
	else if (std_func(func))
		diag_hint(d, "%s is built by gccgo: Go's standard library is libgo's, outside the binary, "
			     "with gccgo's names and layouts (this works on binaries built by go build)",
			  gobin_path(b));
	else
		return false;
	return true;
}

/* One function of a uprobe/uretprobe attach point: its sites. */

/* What the functions a wildcard matched leave out, said once for the
 * attach point instead of once per function (uretprobe:caddy:* has
 * thousands of functions without a RET). */
struct skips {
	VEC(const char *) noret; /* return probes that can never fire */
	VEC(const char *) trap;	 /* entries the kernel cannot probe */
	const char *trap_why;
	size_t sites;		 /* sites the attach point got */
};

/* "a, b, c, d, e and 7 more" */
static char *name_list(const char *const *names, size_t n)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n && i < 5; i++)
		sb_printf(&sb, "%s%s", i ? ", " : "", names[i]);
	if (n > 5)
		sb_printf(&sb, " and %zu more", n - 5);
	return sb_steal(&sb);
}

static void report_skips(struct diag *d, struct attach *a, struct skips *sk)
{
	if (sk->trap.n) {
		char *l = name_list(sk->trap.v, sk->trap.n);
		diag_warning(d, a->loc, "%zu matching function%s skipped, the kernel cannot probe %s (%s): %s",
			     sk->trap.n, sk->trap.n == 1 ? "" : "s", sk->trap.n == 1 ? "it" : "them",
			     sk->trap_why, l);
		free(l);
	}
	if (sk->noret.n) {
		char *l = name_list(sk->noret.v, sk->noret.n);
		diag_warning(d, a->loc,
			     "%zu matching function%s no RET instruction (ending in tail calls or panics), so %s return probe%s never fire: %s",
			     sk->noret.n, sk->noret.n == 1 ? " has" : "s have", sk->noret.n == 1 ? "its" : "their",
			     sk->noret.n == 1 ? " will" : "s will", l);
		free(l);
	}
	vec_free(&sk->trap);
	vec_free(&sk->noret);
}

/* One function of a uprobe/uretprobe attach point: its sites. sk collects
 * what a wildcard leaves out (NULL: the function was named, and each
 * problem is said about it). */
static int add_func_sites(struct probeset *ps, struct diag *d, struct probe *p,
			  struct attach *a, struct gobin *b, const struct gofunc *f,
			  bool ret, char *path, struct skips *sk)
{
	struct probe_env *env = &ps->envs[p->index];
	bool gc = gobin_compiler(b) == GOC_GC;
	/* gccgo's goroutines move between threads too (libgo switches
	 * contexts): a kernel return probe, kept per thread, then returns a
	 * goroutine into the uprobe trampoline on another thread (SIGILL) */
	bool ret_insns = gc || gobin_compiler(b) == GOC_GCCGO;
	const struct gofunc *real = gobin_find(b, f->name);
	env_one_func(env, f->name, real);
	/* stack ABI: results follow the arguments, whose size DWARF knows */
	const struct goparam *gps;
	size_t ngp;
	if (ret && gobin_abi(b) == GOABI_STACK && real && gobin_params(b, real, &gps, &ngp) == 0) {
		uint32_t in = 0;
		for (size_t i = 0; i < ngp; i++)
			if (gps[i].is_result && !gps[i].in_regs && gps[i].stack_off >= 8) {
				in = (uint32_t)(gps[i].stack_off - 8);
				break;
			}
		if (env->in_args_size && env->in_args_size != in)
			in = 0;
		env->in_args_size = in;
	}
	VEC(uint64_t) addrs = { 0 };
	bool retprobe = false, at_frame_start = true;
	if (a->offset && gobin_check_offset(b, f, a->offset) < 0) {
		diag_error(d, a->loc, "%s", gobin_error(b));
		return 1;
	}
	if (a->offset || a->addr) {
		/* FUNC+OFFSET and 0xADDR are probed exactly where they say */
		vec_push(&addrs, f->addr + a->offset);
		at_frame_start = !a->offset && f->addr == gobin_find(b, f->name)->addr;
	} else if (!ret) {
		uint64_t addr = f->addr;
		bool skipped = false;
		if (gc && gobin_entry_site(b, f, &addr, &skipped) < 0)
			addr = f->addr;
		vec_push(&addrs, addr);
	} else if (ret_insns) {
		uint64_t *rets;
		size_t n;
		if (gobin_ret_sites(b, f, &rets, &n) < 0) {
			diag_error(d, a->loc, "%s: cannot find its RET instructions: %s", f->name,
				   gobin_error(b));
			return 1;
		}
		if (n == 0 && sk)
			vec_push(&sk->noret, f->name);
		else if (n == 0)
			diag_warning(d, a->loc,
				     "%s has no RET instruction (it ends in tail calls or panics): its return probe will never fire",
				     f->name);
		for (size_t i = 0; i < n; i++)
			vec_push(&addrs, rets[i]);
		free(rets);
		env->go_ret_insn = true;
	} else {
		vec_push(&addrs, f->addr);
		retprobe = true;
		at_frame_start = false;
	}
	/* an entry on a trap instruction: the kernel would refuse the
	 * whole link (with a running process) or skip it silently */
	const char *why = !ret || retprobe ? gobin_unprobeable(b, addrs.v[0]) : NULL;
	if (why && sk) {
		vec_push(&sk->trap, f->name);
		sk->trap_why = why;
		vec_free(&addrs);
		return 0;
	}
	if (why) {
		diag_error(d, a->loc, "cannot put a uprobe on %s%s: %s", f->name,
			   a->offset ? "+offset" : "", why);
		vec_free(&addrs);
		return 1;
	}
	if (!at_frame_start)
		env->sp_is_ret = false;
	if (sk)
		sk->sites += addrs.n;
	for (size_t i = 0; i < addrs.n; i++) {
		uint64_t off;
		if (gobin_vaddr_to_offset(b, addrs.v[i], &off) < 0) {
			diag_error(d, a->loc, "%s: address 0x%llx is not in a loaded segment of %s",
				   f->name, (unsigned long long)addrs.v[i], path);
			vec_free(&addrs);
			return 1;
		}
		struct site *s = add_site(ps, p, a, ret ? PK_URETPROBE : PK_UPROBE);
		s->path = xstrdup(path);
		s->offset = off;
		s->retprobe = retprobe;
		s->bin = b;
		s->vaddr = addrs.v[i];
		if (gc && !retprobe && gobin_sp_delta(b, addrs.v[i], &s->sp_delta) < 0)
			s->sp_delta = -1;
		env->has_own = true;
		s->func = xstrdup(f->name);
		s->name = *a->target ? xasprintf("%s:%s:%s", ret ? "uretprobe" : "uprobe", a->target, f->name)
				     : xasprintf("%s:%s", ret ? "uretprobe" : "uprobe", f->name);
	}
	vec_free(&addrs);
	return 0;
}

/* Whether an expression or statement list names the builtin `name`. */
static bool names_ident(const struct node *n, const char *name)
{
	for (; n; n = n->next) {
		if (n->kind == N_IDENT && !strcmp(n->call.name, name))
			return true;
		struct node *kids[4];
		int k = ast_children(n, kids);
		for (int i = 0; i < k; i++)
			if (names_ident(kids[i], name))
				return true;
	}
	return false;
}

/* Merges the binary's facts into the probe's environment. */
/* Does the probe use the goroutine (goid, curg, goid_or_tid)? Where its
 * g and goid are is looked up only then (DWARF, or the runtime's code:
 * a third of a one-uprobe script's start). */
static bool wants_g(const struct probe *p)
{
	static const char *const names[] = { "goid", "curg", "goid_or_tid" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (names_ident(p->pred, names[i]) || names_ident(p->body, names[i]))
			return true;
	return false;
}

static void env_add_binary(struct probeset *ps, struct probe_env *env, struct gobin *b,
			   bool first, bool want_goid)
{
	enum go_abi abi = gobin_abi(b);
	if (first) {
		env->abi = abi;
		env->compiler = gobin_compiler(b);
		env->bin = b;
	} else {
		if (env->abi != abi)
			env->abi_mixed = true;
		if (env->bin != b)
			env->bin = NULL;
	}
	/* goid: looked up (DWARF, or the runtime's code) only for a probe
	 * that uses it */
	if (!want_goid || (!first && !env->goid_ok))
		return;
	free(env->goid_err);
	env->goid_err = NULL;
	if (gobin_compiler(b) != GOC_GC) {
		env->goid_ok = false;
		env->goid_err = xasprintf("%s is %s", gobin_path(b),
					  gobin_compiler(b) == GOC_GCCGO
						  ? "built by gccgo, whose goroutines gotrace cannot name"
						  : "not a Go binary");
		return;
	}
	int64_t off;
	const char *src;
	if (gobin_goid_offset(b, &off, &src) < 0) {
		env->goid_ok = false;
		env->goid_err = xstrdup(gobin_error(b)); /* it names the file */
		return;
	}
	if (!first && env->goid_ok && env->goid_off != off) {
		env->goid_ok = false;
		env->goid_err = xstrdup("the probe's binaries keep goid at different offsets");
		return;
	}
	env->goid_off = off;
	env->goid_tls = abi != GOABI_REG;
	if (env->goid_tls) {
		if (gobin_tls_g_offset(b, &env->tls_g_off) < 0) {
			env->goid_ok = false;
			env->goid_err = xstrdup(gobin_error(b));
			return;
		}
		if (ps->task_fsbase_off < 0)
			ps->task_fsbase_off = kernel_task_fsbase_off();
		if (ps->task_fsbase_off < 0) {
			env->goid_ok = false;
			env->goid_err = xstrdup("the kernel's BTF does not say where a thread's FS base is");
			return;
		}
		env->task_fsbase_off = ps->task_fsbase_off;
	}
	env->goid_ok = true;
}

static int resolve_uprobe(struct probeset *ps, struct diag *d, struct probe *p,
			  struct attach *a, const struct resolve_opts *o, bool *first_bin)
{
	bool ret = !strcmp(a->provider, "uretprobe");
	struct probe_env *env = &ps->envs[p->index];
	VEC(char *) paths = { 0 };
	if (has_wildcard(a->target)) {
		glob_t g;
		if (glob(a->target, 0, NULL, &g) == 0) {
			for (size_t i = 0; i < g.gl_pathc; i++)
				vec_push(&paths, realpath(g.gl_pathv[i], NULL));
			globfree(&g);
		}
		if (!paths.n) {
			diag_error(d, a->loc, "no file matches '%s'", a->target);
			return 1;
		}
	} else {
		char *path = probe_binary_path(a->target, o->pid);
		if (!path && !*a->target) {
			if (o->pid > 0)
				diag_error(d, a->loc, "cannot read the executable of process %d (/proc/%d/exe)",
					   (int)o->pid, (int)o->pid);
			else
				diag_error(d, a->loc, "%s:%s names no binary", a->provider, a->func);
			diag_hint(d, "name one (%s:BIN:%s), or give -p PID to probe that process's executable",
				  a->provider, a->func);
			return 1;
		}
		if (!path) {
			if (strchr(a->target, '/'))
				diag_error(d, a->loc, "binary '%s' does not exist", a->target);
			else
				diag_error(d, a->loc, "binary '%s' is neither a file in the current directory, nor on PATH, nor a library the loader knows",
					   a->target);
			return 1;
		}
		vec_push(&paths, path);
	}
	int errors = 0, total_matched = 0;
	struct skips sk = { 0 };
	for (size_t pi = 0; pi < paths.n; pi++) {
		char *path = paths.v[pi];
		if (!path)
			continue;
		char *msg = NULL;
		struct gobin *b = probeset_bin(ps, path, &msg);
		if (!b) {
			diag_error(d, a->loc, "%s", msg ? msg : "cannot open binary");
			free(msg);
			errors++;
			continue;
		}
		env_add_binary(ps, env, b, *first_bin, wants_g(p));
		*first_bin = false;
		if (ret && (gobin_compiler(b) == GOC_GC || gobin_compiler(b) == GOC_GCCGO))
			env->go_ret_insn = true;

		const struct gofunc *exact = NULL;
		if (a->addr) {
			exact = gobin_func_at(b, a->addr);
			if (!exact) {
				diag_error(d, a->loc, "no function at address 0x%llx in %s",
					   (unsigned long long)a->addr, path);
				errors++;
				continue;
			}
			struct gofunc tmp = *exact;
			tmp.addr = a->addr;
			tmp.name = exact->name;
			errors += add_func_sites(ps, d, p, a, b, &tmp, ret, path, NULL);
			continue;
		}
		/* a function is its own code and every copy the compiler
		 * inlined into other functions */
		struct inl_skipped isk = { 0 };
		const struct goinline *copies;
		size_t ncopies = 0;
		exact = gobin_find(b, a->func);
		if (a->offset && !exact && gobin_inlined_count(b, a->func)) {
			diag_error(d, a->loc, "%s+%llu: %s has no code of its own in %s, only inlined copies",
				   a->func, (unsigned long long)a->offset, a->func,
				   paths.n == 1 && *a->target ? a->target : path);
			diag_hint(d, "probe uprobe:%s:%s (each copy), or build with -gcflags=-l", a->target, a->func);
			errors++;
			continue;
		}
		if (a->offset)
			ncopies = 0; /* FUNC+OFFSET is in the function's own code */
		else if (gobin_inlined(b, a->func, &copies, &ncopies) < 0)
			ncopies = 0;
		if (exact || ncopies) {
			int before = errors;
			if (exact)
				errors += add_func_sites(ps, d, p, a, b, exact, ret, path, NULL);
			if (ncopies)
				errors += add_inlined_sites(ps, d, p, a, b, a->func, ret, exact != NULL, path, &isk);
			if (!exact && ret && errors == before) {
				diag_error(d, a->loc, "%s has no code of its own in %s: the compiler inlined it everywhere, and an inlined copy has no return",
					   a->func, paths.n == 1 && *a->target ? a->target : path);
				diag_hint(d, "probe its entry with uprobe:, or build with -gcflags=-l to keep it a function");
				errors++;
				continue;
			}
			report_skipped(d, a, &isk);
			total_matched++;
			continue;
		}
		if (has_wildcard(a->func)) {
			size_t n, nn;
			const struct gofunc *fs = gobin_funcs(b, &n);
			const char *const *inl = a->offset ? NULL : gobin_inlined_names(b, &nn);
			int matched = 0, ruled_out = 0;
			for (size_t i = 0; i < n; i++) {
				if (fnmatch(a->func, fs[i].name, 0))
					continue;
				if (!pred_on_func(p->pred, fs[i].name)) {
					ruled_out++;
					continue;
				}
				errors += add_func_sites(ps, d, p, a, b, &fs[i], ret, path, &sk);
				errors += add_inlined_sites(ps, d, p, a, b, fs[i].name, ret, true, path, &isk);
				matched++;
			}
			/* functions that exist only as inlined copies */
			for (size_t i = 0; inl && i < nn; i++) {
				if (fnmatch(a->func, inl[i], 0) || gobin_find(b, inl[i]))
					continue;
				if (!pred_on_func(p->pred, inl[i])) {
					ruled_out++;
					continue;
				}
				if (ret) {
					const struct goinline *c;
					size_t k;
					gobin_inlined(b, inl[i], &c, &k);
					isk.rets += (int)k;
					isk.ret_func = inl[i];
					continue;
				}
				errors += add_inlined_sites(ps, d, p, a, b, inl[i], ret, false, path, &isk);
				matched++;
			}
			if (!matched && ruled_out && !errors) {
				diag_error(d, a->loc, "the predicate rules out every function in %s matching '%s' (%d of them)",
					   paths.n == 1 && *a->target ? a->target : path, a->func, ruled_out);
				diag_hint(d, "its comparisons of func with names say which functions are probed");
				errors++;
			}
			report_skipped(d, a, &isk);
			total_matched += matched;
			continue;
		}
		char **sites = NULL;
		int ninl = gobin_inlined_sites(b, a->func, &sites);
		if (ninl > 0) {
			/* DWARF (or the name table) knows it was inlined, but no
			 * copy kept an instruction of its own */
			diag_error(d, a->loc, "%s has no code of its own in %s: the compiler inlined it and folded every copy into its callers' code",
				   a->func, paths.n == 1 && *a->target ? a->target : path);
			for (int i = 0; i < ninl && i < 5; i++)
				diag_note(d, "inlined into %s", sites[i]);
			if (ninl > 5)
				diag_note(d, "... and %d more places", ninl - 5);
			diag_hint(d, "build with -gcflags=-l to keep it a function");
			for (int i = 0; i < ninl; i++)
				free(sites[i]);
			free(sites);
		} else {
			diag_error(d, a->loc, "function '%s' not found in %s", a->func,
				   paths.n == 1 && *a->target ? a->target : path);
			if (!gccgo_runtime_hint(d, b, a->func))
				suggest_func(d, b, a->func);
		}
		errors++;
	}
	if (!a->addr && !total_matched && has_wildcard(a->func) && !errors) {
		char *err = NULL;
		struct gobin *b = paths.n == 1 ? probeset_bin(ps, paths.v[0], &err) : NULL;
		free(err);
		diag_error(d, a->loc, "no function in %s matches '%s'", *a->target ? a->target : paths.v[0],
			   a->func);
		if (gccgo_runtime_hint(d, b, a->func))
			;
		else if (*a->target)
			diag_hint(d, "list them with: gotrace -l '%s:%s:*'", a->provider, a->target);
		else
			diag_hint(d, "list them with: gotrace -p %d -l '%s:*'", (int)o->pid, a->provider);
		errors++;
	} else if (total_matched && !sk.sites && sk.trap.n && !errors) {
		diag_error(d, a->loc, "no function in %s matching '%s' can be probed", a->target, a->func);
		errors++;
	}
	report_skips(d, a, &sk);
	for (size_t i = 0; i < paths.n; i++)
		free(paths.v[i]);
	vec_free(&paths);
	return errors;
}

/* --- everything ------------------------------------------------------------------ */

int resolve_probes(struct program *prog, struct diag *d, const struct resolve_opts *o,
		   struct probeset *ps)
{
	memset(ps, 0, sizeof(*ps));
	ps->task_fsbase_off = -1;
	ps->nprobes = prog->nprobes;
	ps->envs = xcalloc((size_t)prog->nprobes, sizeof(*ps->envs));
	int errors = 0;
	for (struct probe *p = prog->probes; p; p = p->next) {
		struct probe_env *env = &ps->envs[p->index];
		env->sp_is_ret = true;
		bool first_bin = true;
		for (struct attach *a = p->attaches; a; a = a->next) {
			enum probe_kind k = probe_kind_of(a->provider);
			env->kinds |= PKM(k);
			switch (k) {
			case PK_BEGIN:
			case PK_END: {
				struct site *s = add_site(ps, p, a, k);
				s->name = xstrdup(a->provider);
				break;
			}
			case PK_UPROBE:
			case PK_URETPROBE:
				errors += resolve_uprobe(ps, d, p, a, o, &first_bin);
				break;
			case PK_INTERVAL:
			case PK_PROFILE: {
				struct site *s = add_site(ps, p, a, k);
				s->name = xasprintf("%s:%s:%llu", a->provider, a->target,
						    (unsigned long long)a->freq);
				if (!strcmp(a->target, "hz"))
					s->freq = a->freq;
				else if (!strcmp(a->target, "s"))
					s->period_ns = a->freq * 1000000000ull;
				else if (!strcmp(a->target, "ms"))
					s->period_ns = a->freq * 1000000ull;
				else
					s->period_ns = a->freq * 1000ull;
				break;
			}
			case PK_TRACEPOINT:
				errors += resolve_tracepoint(ps, d, p, a);
				break;
			default:
				break;
			}
		}
		if (!(env->kinds & PKM_UPROBES))
			env->sp_is_ret = false;
	}
	for (size_t i = 0; i < ps->sites.n; i++) {
		struct site *s = &ps->sites.v[i];
		s->func_id = func_id(ps, s->func ? s->func : "");
	}
	/* each probe's sites (they were added probe by probe) and the SP
	 * delta they share */
	for (int k = 0; k < ps->nprobes; k++)
		ps->envs[k].sp_delta = -2; /* none seen */
	for (size_t i = 0; i < ps->sites.n; i++) {
		struct site *s = &ps->sites.v[i];
		struct probe_env *env = &ps->envs[s->probe];
		if (!env->sites) {
			env->sites = s;
			env->site0 = i;
		}
		env->nsites++;
		if (s->kind != PK_UPROBE && s->kind != PK_URETPROBE)
			continue;
		if (env->sp_delta == -2)
			env->sp_delta = s->sp_delta;
		else if (env->sp_delta != s->sp_delta)
			env->sp_delta = -1;
	}
	for (int k = 0; k < ps->nprobes; k++)
		if (ps->envs[k].sp_delta == -2)
			ps->envs[k].sp_delta = -1;
	return errors;
}
