/* test_docs.c - the documentation against the code it describes.
 *
 * docs/builtins.md is generated from the builtin table by
 * `gotrace --doc-builtins` (`make docs`); this test fails when someone
 * changes the table and forgets to regenerate it, or edits the file by
 * hand. It also checks that every row of the table has the one-line
 * documentation and example the file shows, and that docs/language.md
 * covers every probe type and points at the builtin and output references.
 *
 * The files are found from the current directory or one of its parents
 * (make unit runs the tests from the repository's root), else from the
 * test's own executable (build/tests/). */
#include <limits.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sema/builtins.h"
#include "util/util.h"

/* The nearest directory from START up that holds sema/builtins.c and
 * docs/, copied to ROOT; false if there is none. */
static bool find_root_from(const char *start, char *root, size_t size)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s", start);
	for (;;) {
		char probe[PATH_MAX + 32];
		snprintf(probe, sizeof(probe), "%s/sema/builtins.c", dir);
		if (access(probe, R_OK) == 0) {
			snprintf(probe, sizeof(probe), "%s/docs", dir);
			if (access(probe, R_OK) == 0) {
				snprintf(root, size, "%s", dir);
				return true;
			}
		}
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			return false;
		*slash = '\0';
	}
}

/* The repository's root: found from the current directory, else from
 * where this test's executable is (build/tests/ in the repository). */
static const char *repo_root(void)
{
	static char root[PATH_MAX];
	if (root[0])
		return root;
	char dir[PATH_MAX];
	if (getcwd(dir, sizeof(dir)) && find_root_from(dir, root, sizeof(root)))
		return root;
	ssize_t n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	if (n > 0) {
		dir[n] = '\0';
		if (find_root_from(dir, root, sizeof(root)))
			return root;
	}
	root[0] = '\0';
	return NULL;
}

/* The whole file REL (relative to the root), NUL-terminated; NULL if it
 * cannot be read. */
static char *read_doc(const char *rel, size_t *len)
{
	const char *root = repo_root();
	if (!root)
		return NULL;
	char path[PATH_MAX + 64];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	return read_file(path, len);
}

/* Line number (1-based) of the first difference between a and b. */
static int first_diff_line(const char *a, const char *b)
{
	int line = 1;
	while (*a && *a == *b) {
		if (*a == '\n')
			line++;
		a++, b++;
	}
	return line;
}

/* Prints line N of text to stderr (for a readable failure). */
static void print_line(const char *what, const char *text, int n)
{
	const char *p = text;
	for (int i = 1; i < n && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p || !*p) {
		fprintf(stderr, "  %s: (end of text)\n", what);
		return;
	}
	const char *e = strchr(p, '\n');
	fprintf(stderr, "  %s: %.*s\n", what, (int)(e ? e - p : (long)strlen(p)), p);
}

static void test_builtins_md_is_current(void **state)
{
	(void)state;
	assert_non_null(repo_root());
	size_t flen = 0;
	char *file = read_doc("docs/builtins.md", &flen);
	assert_non_null(file);

	struct strbuf gen;
	sb_init(&gen);
	builtins_doc(&gen);
	assert_non_null(gen.s);
	assert_true(gen.len > 100);

	if (flen != gen.len || memcmp(file, gen.s, gen.len) != 0) {
		int line = first_diff_line(file, gen.s);
		fprintf(stderr, "docs/builtins.md differs from the builtin table at line %d "
				"(run `make docs`):\n", line);
		print_line("file ", file, line);
		print_line("table", gen.s, line);
		fail();
	}
	free(file);
	sb_free(&gen);
}

/* Every row has its one line of documentation and an example that uses
 * the builtin (the reference promises one for each). */
static void test_every_builtin_documented(void **state)
{
	(void)state;
	assert_true(nbuiltins > 30);
	int bad = 0;
	for (size_t i = 0; i < nbuiltins; i++) {
		const struct builtin *b = &builtins[i];
		if (!b->doc || !*b->doc) {
			fprintf(stderr, "builtin %s has no documentation\n", b->name);
			bad++;
		}
		if (!b->example || !*b->example) {
			fprintf(stderr, "builtin %s has no example\n", b->name);
			bad++;
			continue;
		}
		/* argN / sargN share one example per family. */
		size_t stem = strlen(b->name);
		while (stem > 1 && b->name[stem - 1] >= '0' && b->name[stem - 1] <= '9')
			stem--;
		if (!strstr(b->example, b->name) && !(stem < strlen(b->name) &&
						      memmem(b->example, strlen(b->example), b->name, stem))) {
			fprintf(stderr, "the example of %s does not use it: %s\n", b->name, b->example);
			bad++;
		}
		/* An example is one probe: a body in braces. */
		if (!strchr(b->example, '{') || !strchr(b->example, '}')) {
			fprintf(stderr, "the example of %s is not a probe: %s\n", b->name, b->example);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* Each builtin is looked up by the name the docs give it. */
static void test_builtin_find_by_doc_name(void **state)
{
	(void)state;
	for (size_t i = 0; i < nbuiltins; i++) {
		const struct builtin *b = &builtins[i];
		const struct builtin *f = builtin_find(b->name, b->form);
		if (!f)
			fprintf(stderr, "builtin_find(\"%s\") finds nothing\n", b->name);
		assert_non_null(f);
		assert_string_equal(f->name, b->name);
	}
}

/* docs/language.md: every probe type, with its example, and the pointers
 * to the generated builtin reference and to the output formats. */
static void test_language_md_covers_probes(void **state)
{
	(void)state;
	char *md = read_doc("docs/language.md", NULL);
	assert_non_null(md);
	static const char *const must[] = {
		"BEGIN {",	     "END {",	      "uprobe:",     "uretprobe:",
		"interval:s:",	     "interval:ms:", "interval:us:", "profile:hz:",
		"profile:ms:",	     "tracepoint:",  "u:",	     "ur:",
		"t:",		     "builtins.md",  "output.md",   "while (",
		"for ($",	     "unroll(",	     "if (",	     "else",
		"break",	     "continue",     "return",	     "printf(",
		"$1",		     "$#",	     "str($1)",	     "-f json",
	};
	int bad = 0;
	for (size_t i = 0; i < sizeof(must) / sizeof(must[0]); i++)
		if (!strstr(md, must[i])) {
			fprintf(stderr, "docs/language.md does not mention '%s'\n", must[i]);
			bad++;
		}
	/* Every builtin name appears somewhere in the reference too. */
	for (size_t i = 0; i < nbuiltins; i++)
		if (!strstr(md, builtins[i].name)) {
			fprintf(stderr, "docs/language.md does not mention builtin '%s'\n",
				builtins[i].name);
			bad++;
		}
	free(md);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtins_md_is_current),
		cmocka_unit_test(test_every_builtin_documented),
		cmocka_unit_test(test_builtin_find_by_doc_name),
		cmocka_unit_test(test_language_md_covers_probes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
