/* test_layers.c - the tree's layout is the pipeline: each folder is one
 * phase, and a phase includes only the phases before it:
 *
 *   util/ abi/  <  golang/  <  lexer/ parser/  <  probes/  <  sema/
 *     <  codegen/  <  runtime/  <  gotrace.c (the top level)
 *
 * util/ and abi/ (the event format shared by BPF and user space) are both
 * at the bottom and include neither each other nor anything of ours above.
 * lexer/ and parser/ are a pair that may include each other: the flex
 * lexer needs bison's token header (build/parser.h, written "parser.h")
 * and the grammar flex's (build/lexer.h, "lexer.h"). LLVM's headers
 * (<llvm-c/...>) appear only in codegen/ and in golang/disasm.c, the x86
 * disassembler.
 *
 * The check reads the #include lines of every .c, .h, .l and .y under the
 * phase folders and at the top level, and names the file and line of each
 * include against those rules; there are no exceptions. The checker
 * itself is shown to fail on small trees built in a temporary directory. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"
#include "util/util.h"

/* The phases, bottom first. Folders of one rank are not "before" each
 * other, except the lexer/parser pair. */
static const struct {
	const char *dir;
	int rank;
} phases[] = {
	{ "util", 0 },	 { "abi", 0 },	   { "golang", 1 },  { "lexer", 2 },   { "parser", 2 },
	{ "probes", 3 }, { "sema", 4 },	   { "codegen", 5 }, { "runtime", 6 },
};
#define TOP_RANK 7 /* files at the root: gotrace.c */

/* Headers that the build generates into build/, included by bare name,
 * and the phase whose source they come from. */
static const struct {
	const char *name, *phase;
} generated[] = {
	{ "parser.h", "parser" }, /* bison, from parser/parser.y */
	{ "lexer.h", "lexer" },	  /* flex, from lexer/lexer.l */
};

/* An include allowed against the rules: FILE includes TARGET (as written
 * between the quotes or angle brackets). */
struct edge {
	const char *file, *target;
};


struct check {
	const char *root;
	const struct edge *allow;
	size_t nallow;
	bool *allow_used; /* one per allow entry */
	struct strbuf out; /* one line per violation */
	int violations;
	int files, includes;
};

static int rank_of(const char *phase)
{
	for (size_t i = 0; i < ARRAY_SIZE(phases); i++)
		if (!strcmp(phases[i].dir, phase))
			return phases[i].rank;
	return -1;
}

static bool exists(const char *root, const char *rel)
{
	char *path = xasprintf("%s/%s", root, rel);
	bool ok = access(path, F_OK) == 0;
	free(path);
	return ok;
}

static bool allowed_by_list(struct check *c, const char *file, const char *target)
{
	for (size_t i = 0; i < c->nallow; i++)
		if (!strcmp(c->allow[i].file, file) && !strcmp(c->allow[i].target, target)) {
			c->allow_used[i] = true;
			return true;
		}
	return false;
}

static void violation(struct check *c, const char *file, int line, char open,
		      const char *target, const char *why)
{
	if (allowed_by_list(c, file, target))
		return;
	sb_printf(&c->out, "%s:%d: #include %c%s%c: %s\n", file, line, open, target,
		  open == '<' ? '>' : '"', why);
	c->violations++;
}

/* One include of FILE (in phase FROM, "" at the top level). */
static void check_include(struct check *c, const char *file, const char *from, int line,
			  char open, const char *target)
{
	char why[256];
	c->includes++;

	if (!strncmp(target, "llvm-c/", 7) || !strncmp(target, "llvm/", 5)) {
		if (strcmp(from, "codegen") && strcmp(file, "golang/disasm.c"))
			violation(c, file, line, open, target,
				  "LLVM's headers belong in codegen/ and golang/disasm.c only");
		return;
	}

	/* Which phase the target is in. */
	char to[64] = "";
	const char *slash = strchr(target, '/');
	if (slash) {
		snprintf(to, sizeof(to), "%.*s", (int)(slash - target), target);
		if (rank_of(to) < 0) {
			if (open == '<')
				return; /* a system header such as <sys/mman.h> */
			violation(c, file, line, open, target, "not in a phase folder");
			return;
		}
		if (!exists(c->root, target)) {
			violation(c, file, line, open, target, "no such file");
			return;
		}
	} else {
		if (open == '<')
			return;
		/* A bare name: the including file's own folder, else the
		 * top level (-I.), else a generated header (-Ibuild). */
		char *rel = xasprintf("%s%s%s", from, *from ? "/" : "", target);
		bool sibling = exists(c->root, rel);
		free(rel);
		if (sibling) {
			snprintf(to, sizeof(to), "%s", from);
		} else if (exists(c->root, target)) {
			to[0] = '\0';
		} else {
			for (size_t i = 0; i < ARRAY_SIZE(generated); i++)
				if (!strcmp(generated[i].name, target))
					snprintf(to, sizeof(to), "%s", generated[i].phase);
			if (!*to) {
				violation(c, file, line, open, target,
					  "no such file in its folder or the top level, nor a "
					  "generated header");
				return;
			}
		}
	}

	if (!strcmp(from, to))
		return;
	int rf = *from ? rank_of(from) : TOP_RANK, rt = *to ? rank_of(to) : TOP_RANK;
	bool pair = (!strcmp(from, "lexer") && !strcmp(to, "parser")) ||
		    (!strcmp(from, "parser") && !strcmp(to, "lexer"));
	if (rt < rf || pair)
		return;
	if (!*to)
		snprintf(why, sizeof(why), "the top level is after every phase");
	else if (rt == rf)
		snprintf(why, sizeof(why), "%s/ and %s/ are side by side: neither includes the other",
			 from, to);
	else
		snprintf(why, sizeof(why), "%s/ comes after %s/ (a phase includes only the ones before it)",
			 to, *from ? from : "the top level");
	violation(c, file, line, open, target, why);
}

/* The #include lines of FILE (relative to the root). */
static void check_file(struct check *c, const char *file, const char *from)
{
	char *path = xasprintf("%s/%s", c->root, file);
	char *text = read_file(path, NULL);
	free(path);
	if (!text) {
		sb_printf(&c->out, "%s: cannot read: %s\n", file, strerror(errno));
		c->violations++;
		return;
	}
	c->files++;
	int line = 1;
	for (char *p = text; *p; line++) {
		char *eol = strchr(p, '\n');
		if (eol)
			*eol = '\0';
		char *s = p + strspn(p, " \t");
		if (*s == '#') {
			s += 1 + strspn(s + 1, " \t");
			if (!strncmp(s, "include", 7)) {
				s += 7 + strspn(s + 7, " \t");
				char open = *s, close = open == '<' ? '>' : '"';
				char *end = (open == '<' || open == '"') ? strchr(s + 1, close) : NULL;
				if (end) {
					*end = '\0';
					check_include(c, file, from, line, open, s + 1);
				}
			}
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	free(text);
}

static bool source_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (!strcmp(dot, ".c") || !strcmp(dot, ".h") || !strcmp(dot, ".l") ||
		       !strcmp(dot, ".y"));
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every source file under DIR (relative to the root; "" is the top level,
 * which is not descended into), in name order, checked as phase FROM. */
static void check_dir(struct check *c, const char *dir, const char *from)
{
	char *path = xasprintf("%s/%s", c->root, dir);
	DIR *d = opendir(path);
	free(path);
	if (!d)
		return; /* a phase with no folder yet */
	VEC(char *) names = { 0 };
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			vec_push(&names, xstrdup(e->d_name));
	closedir(d);
	qsort(names.v, names.n, sizeof(*names.v), by_name);
	for (size_t i = 0; i < names.n; i++) {
		char *rel = xasprintf("%s%s%s", dir, *dir ? "/" : "", names.v[i]);
		char *full = xasprintf("%s/%s", c->root, rel);
		struct stat st;
		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (*dir)
				check_dir(c, rel, from);
		} else if (source_name(names.v[i])) {
			check_file(c, rel, from);
		}
		free(full);
		free(rel);
		free(names.v[i]);
	}
	vec_free(&names);
}

/* Checks the tree at ROOT with the given allowlist; the number of
 * violations, each described in c->out. */
static int check_tree(struct check *c, const char *root, const struct edge *allow, size_t nallow)
{
	memset(c, 0, sizeof(*c));
	c->root = root;
	c->allow = allow;
	c->nallow = nallow;
	c->allow_used = xcalloc(nallow + 1, sizeof(bool));
	sb_init(&c->out);
	sb_puts(&c->out, "");
	for (size_t i = 0; i < ARRAY_SIZE(phases); i++)
		check_dir(c, phases[i].dir, phases[i].dir);
	check_dir(c, "", "");
	return c->violations;
}

static void check_free(struct check *c)
{
	free(c->allow_used);
	sb_free(&c->out);
}

/* --- fixture trees in a temporary directory */

static char fixture[64];

/* Writes TEXT to REL under the fixture, making its folder. */
static void put(const char *rel, const char *text)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", fixture, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0755);
	*slash = '/';
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A small tree that keeps every rule: each phase includes some phase
 * below it, the lexer/parser pair each other, LLVM where it may be. */
static void put_clean_tree(void)
{
	put("util/util.h", "#include <stdio.h>\n#include <sys/mman.h>\n");
	put("util/util.c", "#include \"util/util.h\"\n#include \"util.h\"\n");
	put("abi/events.h", "#include <linux/types.h>\n");
	put("golang/gobin.h", "#include \"util/util.h\"\n");
	put("golang/disasm.c", "#include <llvm-c/Disassembler.h>\n#include \"golang/gobin.h\"\n");
	put("lexer/lexer.l", "%top{\n#include \"parser/parse.h\"\n}\n%{\n#include \"parser.h\"\n%}\n");
	put("parser/parse.h", "  #  include \"golang/gobin.h\"\n#include \"util/util.h\"\n");
	put("parser/parser.y", "%code {\n#include \"parser/parse.h\"\n#include \"lexer.h\"\n}\n");
	put("probes/probes.h", "#include \"parser/parse.h\"\n");
	put("sema/sema.h", "#include \"probes/probes.h\"\n#include \"abi/events.h\"\n");
	put("codegen/codegen.h", "#include <llvm-c/Core.h>\n#include \"sema/sema.h\"\n");
	put("codegen/sub/deep.c", "#include <llvm-c/Target.h>\n#include \"codegen/codegen.h\"\n");
	put("runtime/runtime.h", "#include \"codegen/codegen.h\"\n#include \"abi/events.h\"\n");
	put("gotrace.c", "#include \"runtime/runtime.h\"\n#include \"util/util.h\"\n");
	put("tests/t.c", "#include \"gotrace.c\"\n"); /* not a phase: not checked */
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int fixture_setup(void **state)
{
	snprintf(fixture, sizeof(fixture), "/tmp/gotrace-layers-XXXXXX");
	if (!mkdtemp(fixture))
		return -1;
	put_clean_tree();
	return 0;
}

static int fixture_teardown(void **state)
{
	nftw(fixture, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

/* Runs the checker on the fixture without an allowlist; prints what it
 * found. */
static int check_fixture(struct check *c)
{
	int n = check_tree(c, fixture, NULL, 0);
	if (n)
		print_message("(fixture) %s", c->out.s);
	return n;
}

/* --- tests */

static void test_tree_keeps_the_layers(void **state)
{
	const char *root = repo_root();
	assert_non_null(root);
	struct check c;
	int n = check_tree(&c, root, NULL, 0);
	if (n)
		fprintf(stderr, "includes against the layering:\n%s", c.out.s);
	/* The check saw the tree, not an empty folder. */
	assert_true(c.files > 30);
	assert_true(c.includes > 100);
	assert_int_equal(n, 0);
	check_free(&c);
}

static void test_clean_fixture_passes(void **state)
{
	struct check c;
	assert_int_equal(check_fixture(&c), 0);
	assert_int_equal(c.files, 14);
	assert_int_equal(c.includes, 25);
	check_free(&c);
}

static void test_back_edge_fails(void **state)
{
	put("parser/ast.c", "#include <string.h>\n\n#include \"sema/sema.h\"\n");
	struct check c;
	assert_int_equal(check_fixture(&c), 1);
	assert_non_null(strstr(c.out.s, "parser/ast.c:3: #include \"sema/sema.h\": sema/ comes "
					"after parser/"));
	check_free(&c);

	/* The allowlist excuses exactly that edge, and says it was used. */
	static const struct edge allow[] = { { "parser/ast.c", "sema/sema.h" },
					     { "parser/ast.c", "sema/types.h" } };
	assert_int_equal(check_tree(&c, fixture, allow, 2), 0);
	assert_true(c.allow_used[0]);
	assert_false(c.allow_used[1]);
	check_free(&c);
}

/* A back-edge from the bottom, from the top of the pipeline to the top
 * level, and one within a rank. */
static void test_other_back_edges_fail(void **state)
{
	put("util/diag.h", "#include \"golang/gobin.h\"\n");
	put("runtime/run.c", "#include \"runtime/runtime.h\"\n#include \"gotrace.h\"\n");
	put("gotrace.h", "");
	put("abi/more.h", "#include \"util/util.h\"\n");
	struct check c;
	assert_int_equal(check_fixture(&c), 3);
	assert_non_null(strstr(c.out.s, "util/diag.h:1: #include \"golang/gobin.h\""));
	assert_non_null(strstr(c.out.s, "runtime/run.c:2: #include \"gotrace.h\": the top level "
					"is after every phase"));
	assert_non_null(strstr(c.out.s, "abi/more.h:1: #include \"util/util.h\": abi/ and util/ "
					"are side by side"));
	check_free(&c);
}

static void test_llvm_outside_codegen_fails(void **state)
{
	put("sema/types.h", "#include <llvm-c/Core.h>\n");
	put("golang/elf.c", "#include \"golang/gobin.h\"\n#include <llvm-c/Object.h>\n");
	put("runtime/run.c", "#include <llvm/IR/Module.h>\n");
	struct check c;
	assert_int_equal(check_fixture(&c), 3);
	assert_non_null(strstr(c.out.s, "sema/types.h:1: #include <llvm-c/Core.h>: LLVM"));
	assert_non_null(strstr(c.out.s, "golang/elf.c:2: #include <llvm-c/Object.h>"));
	assert_non_null(strstr(c.out.s, "runtime/run.c:1: #include <llvm/IR/Module.h>"));
	check_free(&c);
}

/* Includes that name nothing the layering knows fail too, rather than
 * slipping past it. */
static void test_unknown_includes_fail(void **state)
{
	put("sema/a.c", "#include \"nowhere/x.h\"\n#include \"sema/missing.h\"\n"
			"#include \"types.h\"\n#include <sema/sema.h>\n#include <codegen/codegen.h>\n");
	struct check c;
	assert_int_equal(check_fixture(&c), 4);
	assert_non_null(strstr(c.out.s, "sema/a.c:1: #include \"nowhere/x.h\": not in a phase"));
	assert_non_null(strstr(c.out.s, "sema/a.c:2: #include \"sema/missing.h\": no such file"));
	assert_non_null(strstr(c.out.s, "sema/a.c:3: #include \"types.h\": no such file"));
	assert_non_null(strstr(c.out.s, "sema/a.c:5: #include <codegen/codegen.h>: codegen/ comes "
					"after sema/"));
	check_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_keeps_the_layers),
		cmocka_unit_test_setup_teardown(test_clean_fixture_passes, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_back_edge_fails, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_other_back_edges_fail, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_llvm_outside_codegen_fails, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_includes_fail, fixture_setup,
						fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
