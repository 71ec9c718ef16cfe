/* list.c - `gotrace -l PATTERN`: the probe points that exist.
 *
 *   -l 'uprobe:BIN:PATTERN'       functions of a binary (also stripped Go)
 *   -l 'tracepoint:CAT:PATTERN'   tracepoints
 *   -l PATTERN                    tracepoints whose CAT:NAME matches
 * With -v: for a binary, the Go version, compiler and ABI, and each
 * function's parameters where DWARF has them; for tracepoints, fields. */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probes/probes.h"

/* qsort order of C strings */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_fields(const char *cat, const char *name)
{
	struct tp_field *f;
	size_t n;
	if (tracepoint_fields(cat, name, &f, &n) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		if (!strncmp(f[i].name, "common_", 7)) {
			free(f[i].name);
			continue;
		}
		const char *kind = f[i].kind == TPF_INT ? (f[i].is_signed ? "int" : "uint")
							: "string";
		if (f[i].kind == TPF_INT)
			printf("    %s%u %s\n", kind, f[i].size * 8, f[i].name);
		else
			printf("    %s %s\n", kind, f[i].name);
		free(f[i].name);
	}
	free(f);
}

static int list_tracepoints(const char *catpat, const char *namepat, bool verbose)
{
	char **names, *why;
	int n = tracepoints_matching(catpat, namepat, &names, &why);
	if (n < 0) {
		fprintf(stderr, "gotrace: %s\n", why);
		free(why);
		return 1;
	}
	if (n)
		qsort(names, (size_t)n, sizeof(char *), cmp_str);
	for (int i = 0; i < n; i++) {
		printf("tracepoint:%s\n", names[i]);
		if (verbose) {
			char *colon = strchr(names[i], ':');
			*colon = '\0';
			list_fields(names[i], colon + 1);
		}
		free(names[i]);
	}
	free(names);
	if (!n) {
		fprintf(stderr, "gotrace: no tracepoint matches '%s:%s'\n", catpat, namepat);
		return 1;
	}
	return 0;
}

/* Each parameter and result of f with where it is (-l -v). */
static void print_params(struct gobin *b, const struct gofunc *f)
{
	const struct goparam *ps;
	size_t n;
	if (gobin_params(b, f, &ps, &n) < 0) {
		printf("    (%s)\n", gobin_error(b));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct goparam *p = &ps[i];
		const char *fn = p->is_result ? "goret" : "goarg";
		printf("    %s%s %s", p->is_result ? "result " : "", p->name,
		       p->type ? p->type->name : "?");
		if (p->has_float)
			printf("  (floating-point: in XMM registers, not readable)");
		else if (p->in_regs && p->nwords > 1)
			printf("  (%s(%d..%d))", fn, p->word, p->word + p->nwords - 1);
		else if (p->in_regs)
			printf("  (%s(%d))", fn, p->word);
		else if (p->stack_off < 0)
			printf("  (in memory at the address in RAX at the return)");
		else
			printf("  (stack sp+%lld)", (long long)p->stack_off);
		putchar('\n');
	}
}

static int list_functions(const char *provider, const char *bin, const char *pat, pid_t pid,
			  bool verbose)
{
	char *path = probe_binary_path(bin, pid);
	if (!path && !*bin) {
		fprintf(stderr, "gotrace: cannot read the executable of process %d\n", (int)pid);
		return 1;
	}
	if (!path) {
		fprintf(stderr, "gotrace: binary '%s' does not exist\n", bin);
		return 1;
	}
	struct gobin *b;
	char *err = NULL;
	if (gobin_open(path, &b, &err) < 0) {
		fprintf(stderr, "gotrace: %s\n", err ? err : "cannot open binary");
		free(err);
		free(path);
		return 1;
	}
	if (verbose) {
		const char *ver = gobin_go_version(b);
		printf("# %s: %s, %s ABI, functions from %s\n", path,
		       gobin_compiler(b) == GOC_GC	? (*ver ? ver : "Go (gc)")
		       : gobin_compiler(b) == GOC_GCCGO ? "gccgo"
							: "not Go",
		       gobin_abi_name(gobin_abi(b)), gobin_func_source(b));
	}
	/* functions with code of their own, and those the compiler inlined
	 * (marked, with their copies' count) */
	size_t n, ni;
	const struct gofunc *fs = gobin_funcs(b, &n);
	const char *const *inl = gobin_inlined_names(b, &ni);
	const char **names = xcalloc(n + ni + 1, sizeof(*names));
	size_t k = 0;
	const struct gofunc *exact = gobin_find(b, pat);
	const struct goinline *copies;
	size_t ncopies = gobin_inlined_count(b, pat);
	bool exact_name = exact || ncopies;
	for (size_t i = 0; i < n; i++)
		if (exact_name ? &fs[i] == exact : !fnmatch(pat, fs[i].name, 0))
			names[k++] = fs[i].name;
	for (size_t i = 0; i < ni; i++)
		if (!gobin_find(b, inl[i]) && (exact_name ? !strcmp(inl[i], pat) : !fnmatch(pat, inl[i], 0)))
			names[k++] = inl[i];
	qsort(names, k, sizeof(*names), cmp_str);
	for (size_t i = 0; i < k; i++) {
		ncopies = gobin_inlined_count(b, names[i]);
		if (verbose)
			gobin_inlined(b, names[i], &copies, &ncopies);
		if (*bin)
			printf("%s:%s:%s", provider, bin, names[i]);
		else
			printf("%s:%s", provider, names[i]);
		if (ncopies && !gobin_find(b, names[i]))
			printf("  (inlined: %zu cop%s)", ncopies, ncopies == 1 ? "y" : "ies");
		else if (ncopies)
			printf("  (and %zu inlined cop%s)", ncopies, ncopies == 1 ? "y" : "ies");
		putchar('\n');
		if (verbose && gobin_find(b, names[i]))
			print_params(b, gobin_find(b, names[i]));
		for (size_t c = 0; verbose && c < ncopies; c++) {
			if (strcmp(copies[c].parent, copies[c].func))
				printf("    inlined into %s (in %s) at 0x%llx\n", copies[c].parent, copies[c].func,
				       (unsigned long long)copies[c].addr);
			else
				printf("    inlined into %s at 0x%llx\n", copies[c].func,
				       (unsigned long long)copies[c].addr);
			/* its parameters there, where DWARF says */
			const struct goinlparam *ip;
			size_t nip;
			if (gobin_inlined_params(b, &copies[c], &ip, &nip) < 0)
				continue;
			for (size_t j = 0; j < nip; j++)
				printf("      %s %s  (%s)\n", ip[j].name, ip[j].type ? ip[j].type->name : "?",
				       ip[j].found ? "readable: DWARF says where" : ip[j].why);
		}
	}
	int rc = 0;
	if (!k) {
		fprintf(stderr, "gotrace: no function in %s matches '%s'\n", path, pat);
		rc = 1;
	}
	free(names);
	gobin_close(b);
	free(path);
	return rc;
}

int list_probes(const char *pattern, pid_t pid, bool verbose)
{
	if (!pattern || !*pattern)
		return list_tracepoints("*", "*", verbose);
	char *p = xstrdup(pattern);
	char *c1 = strchr(p, ':');
	int rc;
	if (!c1) {
		rc = list_tracepoints("*", p, verbose);
		free(p);
		return rc;
	}
	*c1 = '\0';
	char *rest = c1 + 1;
	char *c2 = strchr(rest, ':');
	if (!strcmp(p, "uprobe") || !strcmp(p, "u") || !strcmp(p, "uretprobe") || !strcmp(p, "ur")) {
		char *func;
		if (!c2 && pid > 0) {
			/* uprobe:PATTERN: the -p process's executable */
			func = rest;
			rest = "";
		} else if (!c2) {
			fprintf(stderr, "gotrace: -l '%s' needs a binary and a pattern, like uprobe:./main:main.* (or -p PID)\n",
				pattern);
			free(p);
			return 2;
		} else {
			*c2 = '\0';
			func = c2 + 1;
		}
		size_t fl = strlen(func);
		if (fl >= 2 && func[0] == '"' && func[fl - 1] == '"') {
			func[fl - 1] = '\0';
			func++;
		}
		rc = list_functions(p[1] == 'r' || !strcmp(p, "uretprobe") ? "uretprobe" : "uprobe",
				    rest, *func ? func : "*", pid, verbose);
	} else if (!strcmp(p, "tracepoint") || !strcmp(p, "t")) {
		if (c2)
			*c2 = '\0';
		rc = list_tracepoints(rest, c2 ? c2 + 1 : "*", verbose);
	} else {
		/* a CAT:NAME pattern */
		rc = list_tracepoints(p, rest, verbose);
	}
	free(p);
	return rc;
}
