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
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bpf/btf.h>

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
			for (size_t k = 0; k < ps->envs[i].nfields; k++)
				free(ps->envs[i].fields[k].name);
			free(ps->envs[i].fields);
			free(ps->envs[i].goid_err);
		}
	}
	free(ps->envs);
}

static struct site *add_site(struct probeset *ps, struct probe *p, struct attach *a,
			     enum probe_kind kind)
{
	struct site s = { .probe = p->index, .kind = kind, .attach = a };
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

const char *tracefs_events_dir(void)
{
	static const char *const dirs[] = { "/sys/kernel/tracing/events",
					    "/sys/kernel/debug/tracing/events" };
	for (size_t i = 0; i < ARRAY_SIZE(dirs); i++)
		if (access(dirs[i], R_OK) == 0)
			return dirs[i];
	if (mount("nodev", "/sys/kernel/tracing", "tracefs", 0, NULL) == 0 &&
	    access(dirs[0], R_OK) == 0)
		return dirs[0];
	return NULL;
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

/* Keeps only the fields that every tracepoint of a probe has alike. */
static void intersect_fields(struct probe_env *env, struct tp_field *f, size_t n)
{
	if (!env->fields && !env->nfields && !env->fields_mixed) {
		env->fields = f;
		env->nfields = n;
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < env->nfields; i++) {
		struct tp_field *a = &env->fields[i];
		bool same = false;
		for (size_t j = 0; j < n; j++)
			if (!strcmp(a->name, f[j].name) && a->offset == f[j].offset &&
			    a->size == f[j].size && a->kind == f[j].kind)
				same = true;
		if (same)
			env->fields[k++] = *a;
		else
			free(a->name);
	}
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
	const char *dir = tracefs_events_dir();
	if (!dir) {
		diag_error(d, a->loc, "tracefs is not available (mounting it on /sys/kernel/tracing failed)");
		return 1;
	}
	DIR *cats = opendir(dir);
	if (!cats) {
		diag_error(d, a->loc, "cannot read %s: %s", dir, strerror(errno));
		return 1;
	}
	int found = 0;
	struct dirent *ce;
	while ((ce = readdir(cats))) {
		if (ce->d_name[0] == '.' || fnmatch(a->target, ce->d_name, 0))
			continue;
		char sub[PATH_MAX];
		snprintf(sub, sizeof(sub), "%s/%s", dir, ce->d_name);
		DIR *evs = opendir(sub);
		if (!evs)
			continue;
		struct dirent *ee;
		while ((ee = readdir(evs))) {
			if (ee->d_name[0] == '.' || fnmatch(a->func, ee->d_name, 0))
				continue;
			struct tp_field *f;
			size_t n;
			if (tracepoint_fields(ce->d_name, ee->d_name, &f, &n) < 0)
				continue;
			intersect_fields(&ps->envs[p->index], f, n);
			struct site *s = add_site(ps, p, a, PK_TRACEPOINT);
			s->tp_cat = xstrdup(ce->d_name);
			s->tp_name = xstrdup(ee->d_name);
			s->name = xasprintf("tracepoint:%s:%s", ce->d_name, ee->d_name);
			s->func = xasprintf("%s:%s", ce->d_name, ee->d_name);
			found++;
		}
		closedir(evs);
	}
	closedir(cats);
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

/* Finds the file for a probe's binary part, trying the traced process's
 * view (-p) when it is given. */
static char *find_binary(const char *target, pid_t pid)
{
	char *p = gobin_resolve_path(target);
	if (p)
		return p;
	if (pid > 0) {
		char buf[PATH_MAX];
		snprintf(buf, sizeof(buf), "/proc/%d/root/%s", (int)pid, target);
		if (access(buf, R_OK) == 0)
			return xstrdup(buf);
		/* the name of the process's executable */
		char exe[PATH_MAX];
		snprintf(buf, sizeof(buf), "/proc/%d/exe", (int)pid);
		ssize_t n = readlink(buf, exe, sizeof(exe) - 1);
		if (n > 0) {
			exe[n] = '\0';
			const char *base = strrchr(exe, '/');
			const char *tb = strrchr(target, '/');
			if (!strcmp(base ? base + 1 : exe, tb ? tb + 1 : target))
				return xstrdup(buf);
		}
	}
	return NULL;
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

/* One function of a uprobe/uretprobe attach point: its sites. */
static int add_func_sites(struct probeset *ps, struct diag *d, struct probe *p,
			  struct attach *a, struct gobin *b, const struct gofunc *f,
			  bool ret, char *path)
{
	struct probe_env *env = &ps->envs[p->index];
	bool gc = gobin_compiler(b) == GOC_GC;
	const struct gofunc *real = gobin_find(b, f->name);
	if (!env->many_funcs && (!env->func || env->func == real))
		env->func = real;
	else {
		env->func = NULL;
		env->many_funcs = true;
	}
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
	} else if (gc) {
		uint64_t *rets;
		size_t n;
		if (gobin_ret_sites(b, f, &rets, &n) < 0) {
			diag_error(d, a->loc, "%s: cannot find its RET instructions: %s", f->name,
				   gobin_error(b));
			return 1;
		}
		if (n == 0)
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
	if (!at_frame_start)
		env->sp_is_ret = false;
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
		s->func = xstrdup(f->name);
		s->name = xasprintf("%s:%s:%s", ret ? "uretprobe" : "uprobe", a->target, f->name);
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
		env->goid_err = xasprintf("%s: %s", gobin_path(b), gobin_error(b));
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
			env->goid_err = xasprintf("%s: %s", gobin_path(b), gobin_error(b));
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
		char *path = find_binary(a->target, o->pid);
		if (!path) {
			if (strchr(a->target, '/'))
				diag_error(d, a->loc, "binary '%s' does not exist", a->target);
			else
				diag_error(d, a->loc, "binary '%s' is neither a file, nor on PATH, nor a library the loader knows",
					   a->target);
			return 1;
		}
		vec_push(&paths, path);
	}
	int errors = 0, total_matched = 0;
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
		env_add_binary(ps, env, b, *first_bin,
			       names_ident(p->pred, "goid") || names_ident(p->body, "goid"));
		*first_bin = false;
		if (ret && gobin_compiler(b) == GOC_GC)
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
			errors += add_func_sites(ps, d, p, a, b, &tmp, ret, path);
			continue;
		}
		exact = gobin_find(b, a->func);
		if (exact) {
			errors += add_func_sites(ps, d, p, a, b, exact, ret, path);
			total_matched++;
			continue;
		}
		if (has_wildcard(a->func)) {
			size_t n;
			const struct gofunc *fs = gobin_funcs(b, &n);
			int matched = 0;
			for (size_t i = 0; i < n; i++) {
				if (fnmatch(a->func, fs[i].name, 0))
					continue;
				errors += add_func_sites(ps, d, p, a, b, &fs[i], ret, path);
				matched++;
			}
			total_matched += matched;
			continue;
		}
		char **sites = NULL;
		int ninl = gobin_inlined_sites(b, a->func, &sites);
		if (ninl > 0) {
			diag_error(d, a->loc, "%s has no symbol of its own in %s: the compiler inlined it everywhere",
				   a->func, paths.n == 1 ? a->target : path);
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
				   paths.n == 1 ? a->target : path);
			suggest_func(d, b, a->func);
		}
		errors++;
	}
	if (!a->addr && !total_matched && has_wildcard(a->func) && !errors) {
		diag_error(d, a->loc, "no function in %s matches '%s'", a->target, a->func);
		diag_hint(d, "list them with: gotrace -l '%s:%s:*'", a->provider, a->target);
		errors++;
	}
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
	return errors;
}
