/* test_docs.c - the documentation against the code it describes.
 *
 * docs/builtins.md is generated from the builtin table by
 * `gotrace --doc-builtins` (`make docs`); this test fails when someone
 * changes the table and forgets to regenerate it, or edits the file by
 * hand. It also checks that the file has exactly one row per builtin,
 * that every builtin has the one-line documentation and an example that
 * uses it, and that docs/language.md covers every probe type and builtin
 * and points at the builtin and output references.
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
#include "testutil.h"
#include "util/util.h"

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

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* Whether the example TEXT uses NAME as a builtin of FORM: as a word of its
 * own outside string literals (not inside `main.sum`, `$pid`, `@count` or
 * `printf`), followed by '(' for a function or an aggregation and by no '('
 * for a variable. With FAMILY, NAME is the stem of argN-like names and any
 * digits may follow it. */
static bool uses_builtin(const char *text, const char *name, size_t len, bool family,
			 enum bi_form form)
{
	bool in_str = false;
	for (const char *p = text; *p; p++) {
		if (*p == '"' && (p == text || p[-1] != '\\'))
			in_str = !in_str;
		if (in_str || strncmp(p, name, len) != 0)
			continue;
		if (p > text && (ident_char(p[-1]) || strchr(".$@", p[-1])))
			continue;
		const char *e = p + len;
		if (family) {
			if (*e < '0' || *e > '9')
				continue;
			while (*e >= '0' && *e <= '9')
				e++;
		}
		if (ident_char(*e))
			continue;
		while (*e == ' ')
			e++;
		if ((*e == '(') == (form != BF_VAR))
			return true;
	}
	return false;
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
		size_t len = strlen(b->name), stem = len;
		while (stem > 1 && b->name[stem - 1] >= '0' && b->name[stem - 1] <= '9')
			stem--;
		if (!uses_builtin(b->example, b->name, len, false, b->form) &&
		    !(stem < len && uses_builtin(b->example, b->name, stem, true, b->form))) {
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

/* The check above tells a use of a builtin from its name inside another
 * word, a string or a variable's name. */
static void test_uses_builtin(void **state)
{
	(void)state;
	assert_true(uses_builtin("u { @t = sum(goarg(0)); }", "sum", 3, false, BF_AGG));
	assert_false(uses_builtin("uprobe:./main:main.sum { @s = count(); }", "sum", 3, false,
				  BF_AGG));
	assert_false(uses_builtin("BEGIN { printf(\"pid\\n\"); }", "pid", 3, false, BF_VAR));
	assert_false(uses_builtin("BEGIN { $pid = 1; @pid = 2; }", "pid", 3, false, BF_VAR));
	assert_false(uses_builtin("BEGIN { printf(\"x\"); }", "print", 5, false, BF_FUNC));
	assert_false(uses_builtin("BEGIN { @x = sarg1; }", "arg", 3, true, BF_VAR));
	assert_true(uses_builtin("u { @[arg2] = count(); }", "arg", 3, true, BF_VAR));
	assert_false(uses_builtin("u { @[arg] = count(); }", "arg", 3, true, BF_VAR));
	assert_false(uses_builtin("BEGIN { @x = len; }", "len", 3, false, BF_FUNC));
	assert_true(uses_builtin("BEGIN { exit (); }", "exit", 4, false, BF_FUNC));
}

/* Each builtin is found by its name, and is the row found: no earlier row
 * of the same form has the name and hides it. A name that no row has is
 * found in no form. */
static void test_builtin_find_by_doc_name(void **state)
{
	(void)state;
	for (size_t i = 0; i < nbuiltins; i++) {
		const struct builtin *b = &builtins[i];
		const struct builtin *f = builtin_find(b->name, b->form);
		if (f != b)
			fprintf(stderr, "builtin_find(\"%s\") finds %s\n", b->name,
				f ? "an earlier row of that name" : "nothing");
		assert_ptr_equal(f, b);
	}
	assert_null(builtin_find("no_such_builtin", BF_VAR));
	assert_null(builtin_find("no_such_builtin", BF_FUNC));
	assert_null(builtin_find("no_such_builtin", BF_AGG));
}

/* The form of the builtins under a "## " heading of docs/builtins.md. */
static int section_form(const char *title)
{
	if (!strncmp(title, "Builtin variables\n", 18))
		return BF_VAR;
	if (!strncmp(title, "Functions\n", 10))
		return BF_FUNC;
	if (!strncmp(title, "Aggregations ", 13))
		return BF_AGG;
	return -1;
}

/* docs/builtins.md has one row for each builtin, under the heading of its
 * form, with its documentation; and no row that names no builtin. (The
 * file is the generator's text, so this checks what the generator
 * writes: a builtin it leaves out would not be caught by comparing the
 * two.) */
static void test_builtins_md_rows_are_the_table(void **state)
{
	(void)state;
	char *md = read_doc("docs/builtins.md", NULL);
	assert_non_null(md);
	int *rows = xcalloc(nbuiltins, sizeof(*rows));
	int form = -1, bad = 0, line = 0;
	size_t nrows = 0;
	for (const char *p = md; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
		line++;
		if (!strncmp(p, "## ", 3)) {
			form = section_form(p + 3);
			if (form < 0) {
				print_line("unknown section", p, 1);
				bad++;
			}
			continue;
		}
		if (strncmp(p, "| `", 3) != 0)
			continue;
		nrows++;
		const char *name = p + 3;
		size_t len = strcspn(name, "(`,");
		char buf[64];
		snprintf(buf, sizeof(buf), "%.*s", (int)len, name);
		const struct builtin *b = form < 0 ? NULL : builtin_find(buf, (enum bi_form)form);
		if (!b) {
			fprintf(stderr, "docs/builtins.md:%d: '%s' is no builtin of its section\n", line,
				buf);
			bad++;
			continue;
		}
		rows[b - builtins]++;
		char *doc = xasprintf("| %s |", b->doc);
		const char *eol = strchr(p, '\n');
		const char *at = strstr(p, doc);
		if (!at || (eol && at > eol)) {
			fprintf(stderr, "docs/builtins.md:%d: the row of %s lacks its doc '%s'\n", line,
				b->name, b->doc);
			bad++;
		}
		free(doc);
	}
	for (size_t i = 0; i < nbuiltins; i++)
		if (rows[i] != 1) {
			fprintf(stderr, "builtin %s has %d rows in docs/builtins.md\n", builtins[i].name,
				rows[i]);
			bad++;
		}
	assert_int_equal(nrows, nbuiltins);
	assert_int_equal(bad, 0);
	free(rows);
	free(md);
}

/* docs/language.md: every probe type and its alias, the statements, the
 * positional parameters, and the pointers to the generated builtin
 * reference and to the output formats. Each string is one that no other
 * string of the list contains, so each is a check of its own. */
static const char *const language_md_must[] = {
	"BEGIN {",	"END {",	"uprobe:",	 "uretprobe:",	  "interval:s:",
	"interval:ms:", "interval:us:", "interval:hz:", "profile:hz:",	  "profile:ms:",
	"tracepoint:",	"`u:`",		"`ur:`",	 "`i:`",	  "`p:`",
	"`t:`",		"(builtins.md)", "(output.md)",	 "while (",	  "for ($",
	"unroll(",	"if (",		"} else {",	 "break;",	  "continue;",
	"return;",	"printf(",	"`$1`",		 "`$#`",	  "str($1)",
	"-f json",
};

static void test_language_md_strings_are_distinct(void **state)
{
	(void)state;
	const size_t n = sizeof(language_md_must) / sizeof(language_md_must[0]);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			if (i != j && strstr(language_md_must[i], language_md_must[j])) {
				fprintf(stderr, "'%s' contains '%s'\n", language_md_must[i],
					language_md_must[j]);
				fail();
			}
}

static void test_language_md_covers_probes(void **state)
{
	(void)state;
	char *md = read_doc("docs/language.md", NULL);
	assert_non_null(md);
	int bad = 0;
	for (size_t i = 0; i < sizeof(language_md_must) / sizeof(language_md_must[0]); i++)
		if (!strstr(md, language_md_must[i])) {
			fprintf(stderr, "docs/language.md does not mention '%s'\n",
				language_md_must[i]);
			bad++;
		}
	/* Every builtin is named in the reference as code: `name` or
	 * `name(...)`, not merely as part of another word. */
	for (size_t i = 0; i < nbuiltins; i++) {
		char *word = xasprintf("`%s`", builtins[i].name);
		char *call = xasprintf("`%s(", builtins[i].name);
		if (!strstr(md, word) && !strstr(md, call)) {
			fprintf(stderr, "docs/language.md does not mention builtin %s\n",
				builtins[i].name);
			bad++;
		}
		free(word);
		free(call);
	}
	free(md);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtins_md_is_current),
		cmocka_unit_test(test_builtins_md_rows_are_the_table),
		cmocka_unit_test(test_every_builtin_documented),
		cmocka_unit_test(test_uses_builtin),
		cmocka_unit_test(test_builtin_find_by_doc_name),
		cmocka_unit_test(test_language_md_strings_are_distinct),
		cmocka_unit_test(test_language_md_covers_probes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
