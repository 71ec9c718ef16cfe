/* test_lines.c - golang/lines.c: file and line of a pc, and the frames of
 * inlined calls, from .gopclntab, on binaries of every pclntab format
 * (Go 1.16 to the newest), stripped or not.
 *
 * The truths: the line of a function's entry is the line of its "func"
 * in the source (read from tests/gobins/src/basic/main.go here); the
 * inlined tiny() shows up as its own frame inside main.main of the build
 * that inlines it, at the line of tiny's body; runtime.main's entry is in
 * runtime/proc.go in every release. Binaries come from tests/gobins/fetch
 * (a missing one skips). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "golang/gobin.h"
#include "testutil.h"
#include "util/util.h"

/* The 1-based line of the first line of basic/main.go that starts with
 * prefix. */
static int source_line(const char *prefix)
{
	char *text = read_file("tests/gobins/src/basic/main.go", NULL);
	assert_non_null(text);
	int line = 1, found = 0;
	for (char *p = text; *p && !found; line++) {
		if (!strncmp(p, prefix, strlen(prefix)))
			found = line;
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	free(text);
	assert_true(found > 0);
	return found;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

/* main.deep's entry (its stack-check prologue) is at "func deep(" of
 * main.go, main.sum's (a leaf: no prologue) at its return; with symbols or
 * without, PIE or not (as go tool objdump shows them). */
static void test_entry_line(void **state)
{
	static const char *const names[] = { "basic", "basic-stripped", "basic-pie" };
	int want = source_line("\treturn a + b"), deep = source_line("func deep(");
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct gobin *b = open_or_skip(names[i]);
		const struct gofunc *f = gobin_find(b, "main.sum");
		assert_non_null(f);
		struct gosrc fr[8];
		assert_int_equal(gobin_pc_frames(b, f->addr, fr, 8), 1);
		assert_string_equal(fr[0].func, "main.sum");
		assert_non_null(fr[0].file);
		assert_true(ends_with(fr[0].file, "src/basic/main.go"));
		assert_int_equal(fr[0].line, want);
		/* the last byte of the function is still main.sum, its end is not */
		assert_int_equal(gobin_pc_frames(b, f->addr + f->size - 1, fr, 8), 1);
		assert_string_equal(fr[0].func, "main.sum");
		f = gobin_find(b, "main.deep");
		assert_non_null(f);
		assert_int_equal(gobin_pc_frames(b, f->addr, fr, 8), 1);
		assert_int_equal(fr[0].line, deep);
		gobin_close(b);
	}
}

/* In the build that inlines tiny(), some pc of main.main has two frames:
 * main.tiny at the line of its body, then main.main at the line that
 * calls it. Without inlining no pc of main.main has more than one. */
static void test_inlined(void **state)
{
	int body = source_line("\treturn x*3 + 1");
	struct gobin *b = open_or_skip("basic-inl");
	const struct gofunc *f = gobin_find(b, "main.main");
	assert_non_null(f);
	int seen = 0;
	for (uint64_t pc = f->addr; pc < f->addr + f->size; pc++) {
		struct gosrc fr[8];
		int n = gobin_pc_frames(b, pc, fr, 8);
		assert_true(n >= 1);
		assert_string_equal(fr[n - 1].func, "main.main");
		if (n == 2 && !strcmp(fr[0].func, "main.tiny")) {
			assert_int_equal(fr[0].line, body);
			assert_true(fr[1].line > body); /* main() comes after tiny() */
			assert_true(ends_with(fr[1].file, "src/basic/main.go"));
			seen++;
		}
	}
	assert_true(seen > 0);
	gobin_close(b);

	b = open_or_skip("basic");
	f = gobin_find(b, "main.main");
	for (uint64_t pc = f->addr; pc < f->addr + f->size; pc++) {
		struct gosrc fr[8];
		int n = gobin_pc_frames(b, pc, fr, 8);
		assert_true(n == 1 || strcmp(fr[0].func, "main.tiny") != 0);
	}
	gobin_close(b);
}

/* Every pclntab format: runtime.main's entry is in runtime/proc.go, at a
 * line after 100; a pc outside every function has no frames. */
static void test_releases(void **state)
{
	static const char *const names[] = { EVERY_RELEASE };
	int tested = 0;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct gobin *b = open_if_there(names[i]);
		if (!b)
			continue;
		const struct gofunc *f = gobin_find(b, "runtime.main");
		assert_non_null(f);
		struct gosrc fr[8];
		int n = gobin_pc_frames(b, f->addr, fr, 8);
		if (n != 1 || !fr[0].file || !ends_with(fr[0].file, "runtime/proc.go") || fr[0].line < 100)
			fail_msg("%s (%s): runtime.main at %s:%d (%d frames)", names[i],
				 gobin_go_version(b), n ? fr[0].file : "-", n ? fr[0].line : 0, n);
		assert_int_equal(gobin_pc_frames(b, 1, fr, 8), 0);
		gobin_close(b);
		tested++;
	}
	if (!tested)
		skip();
}

/* The inlined frames at each pc are the ones golang/inline.c finds in the
 * same tables (innermost first, then the function), on every pclntab
 * format and on stripped builds, whose funcdata base is found in
 * moduledata (at another offset from Go 1.27). */
static void test_agrees_with_inline_trees(void **state)
{
	static const char *const names[] = {
		"esbuild-0.11.23", /* 1.16 */ "esbuild-0.14.40", /* 1.18 */
		"small-go1.19",	   "esbuild-0.17.19", /* 1.20 */
		"cgo-stripped-go1.26", "cgo-stripped-go1.27",
	};
	int tested = 0;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct gobin *b = open_if_there(names[i]);
		if (!b)
			continue;
		size_t n, inlined = 0;
		const struct gofunc *f = gobin_funcs(b, &n);
		/* every 4th function, every byte of it */
		for (size_t k = 0; k < n; k += 4) {
			for (uint64_t pc = f[k].addr; pc < f[k].addr + f[k].size; pc++) {
				struct gosrc fr[16];
				const char *names_at[16];
				uint64_t starts[16];
				int m = gobin_pc_frames(b, pc, fr, 16);
				int q = gobin_inline_frames(b, pc, names_at, starts, 16);
				if (m == 0)
					continue;
				if (m != q + 1)
					fail_msg("%s: 0x%llx: %d frames, %d inlined calls", names[i],
						 (unsigned long long)pc, m, q);
				for (int j = 0; j < q; j++)
					assert_string_equal(fr[j].func, names_at[j]);
				inlined += q > 0;
			}
		}
		print_message("%s (%s): %zu pcs in inlined code\n", names[i], gobin_go_version(b),
			      inlined);
		assert_true(inlined > 100);
		gobin_close(b);
		tested++;
	}
	if (!tested)
		skip();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entry_line),
		cmocka_unit_test(test_inlined),
		cmocka_unit_test(test_releases),
		cmocka_unit_test(test_agrees_with_inline_trees),
	};
	return cmocka_run_group_tests_name("lines", tests, NULL, NULL);
}
