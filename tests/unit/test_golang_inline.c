/* test_golang_inline.c - what golang/ reads for inlined calls, stacks and
 * types by name, on real binaries of each .gopclntab format: the inline
 * trees (Go 1.16 pointers and 20-byte entries, 1.18-1.19 gofunc offsets,
 * 1.20+ 16-byte entries), SP deltas from pcsp, and Go types with their
 * fields from the runtime type descriptors, checked against what is known
 * independently (runtime.g's goid offset from the release table, DWARF's
 * layout of the same type). A damaged type name must not be read past
 * the mapping.
 *
 * The binaries come from tests/gobins/fetch; a missing one skips. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "golang/internal.h"
#include "testutil.h"

/* Every copy of the first names with copies lies in its function, and
 * the inline frames at its site name it. */
static void check_inline(const char *file, int want_names)
{
	struct gobin *b = open_or_skip(file);
	size_t n, checked = 0;
	const char *const *names = gobin_inlined_names(b, &n);
	print_message("%s: %zu inlined functions\n", file, n);
	assert_true(n >= (size_t)want_names);
	for (size_t i = 0; i < n && checked < 200; i += 1 + n / 50) {
		const struct goinline *c;
		size_t k;
		assert_int_equal(gobin_inlined(b, names[i], &c, &k), 0);
		assert_true(k > 0);
		assert_int_equal(gobin_inlined_count(b, names[i]), k);
		for (size_t j = 0; j < k; j++, checked++) {
			const struct gofunc *f = gobin_func_at(b, c[j].addr);
			assert_non_null(f);
			assert_true(c[j].addr >= c[j].func_addr);
			assert_int_equal(f->addr, c[j].func_addr);
			const char *fr[32];
			uint64_t st[32];
			int m = gobin_inline_frames(b, c[j].addr, fr, st, 32);
			bool seen = false;
			for (int l = 0; l < m; l++) {
				seen |= !strcmp(fr[l], names[i]);
				assert_true(st[l] <= c[j].addr + 4096);
			}
			if (!seen)
				print_message("%s at 0x%llx: not in its frames\n", names[i],
					      (unsigned long long)c[j].addr);
			assert_true(seen);
			int64_t d;
			assert_int_equal(gobin_sp_delta(b, c[j].addr, &d), 0);
			assert_true(d >= 0 && d < (1 << 20));
		}
	}
	assert_true(checked > 20);
	gobin_close(b);
}

static void test_inline_go116(void **state) { check_inline("esbuild-0.11.23", 500); }
static void test_inline_go119(void **state) { check_inline("basic-inl", 500); }
static void test_inline_go121(void **state) { check_inline("small-go1.21", 500); }
static void test_inline_go127(void **state) { check_inline("small-go1.27", 500); }
static void test_inline_go126_stripped(void **state) { check_inline("esbuild-0.28.2", 1000); }

/* basic-inl's main.tiny: inlined twice into main.main, no symbol; the
 * same copies stripped. */
static void test_inline_known(void **state)
{
	const char *files[] = { "basic-inl", "basic-stripped" };
	struct gobin *b = open_or_skip(files[0]);
	const struct goinline *c;
	size_t k;
	assert_null(gobin_find(b, "main.tiny"));
	assert_int_equal(gobin_inlined(b, "main.tiny", &c, &k), 0);
	assert_int_equal(k, 2);
	for (size_t i = 0; i < k; i++) {
		assert_string_equal(c[i].func, "main.main");
		assert_string_equal(c[i].parent, "main.main");
		assert_int_equal(c[i].depth, 0);
	}
	assert_int_equal(gobin_inlined(b, "main.nosuch", &c, &k), 0);
	assert_int_equal(k, 0);
	gobin_close(b);
	(void)files;
}

/* pcsp: 0 at a function's entry and at each RET, the frame size inside. */
static void test_sp_delta(void **state)
{
	struct gobin *b = open_or_skip("basic-stripped");
	const struct gofunc *f = gobin_find(b, "main.main");
	int64_t d, max = 0;
	assert_non_null(f);
	assert_int_equal(gobin_sp_delta(b, f->addr, &d), 0);
	assert_int_equal(d, 0);
	uint64_t *rets;
	size_t n;
	assert_int_equal(gobin_ret_sites(b, f, &rets, &n), 0);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(gobin_sp_delta(b, rets[i], &d), 0);
		assert_int_equal(d, 0);
	}
	free(rets);
	for (uint64_t pc = f->addr; pc < f->addr + f->size; pc++)
		if (gobin_sp_delta(b, pc, &d) == 0 && d > max)
			max = d;
	assert_true(max >= 8);
	assert_int_equal(gobin_sp_delta(b, 16, &d), -ENOENT);
	gobin_close(b);
}

/* runtime.g from the descriptors: goid at the offset the release table
 * says (the descriptors and the table were made apart). */
static void check_g(const char *file)
{
	struct gobin *b = open_or_skip(file);
	const struct gotype *g = gobin_rtype_type(b, "runtime.g");
	if (!g)
		print_message("%s: %s\n", file, gobin_error(b));
	assert_non_null(g);
	assert_int_equal(g->kind, GT_STRUCT);
	int64_t want = gobin_goid_table(gobin_go_release(b));
	bool found = false;
	for (size_t i = 0; i < g->nfields; i++)
		if (!strcmp(g->fields[i].name, "goid")) {
			found = true;
			print_message("%s: runtime.g.goid at %llu (table %lld)\n", file,
				      (unsigned long long)g->fields[i].offset, (long long)want);
			if (want >= 0)
				assert_int_equal(g->fields[i].offset, want);
			assert_true(g->fields[i].type->kind == GT_INT || g->fields[i].type->kind == GT_UINT);
			assert_int_equal(g->fields[i].type->size, 8);
		}
	assert_true(found);
	const struct gotype *p = gobin_rtype_type(b, "*runtime.g");
	assert_non_null(p);
	assert_int_equal(p->kind, GT_PTR);
	assert_ptr_equal(p->elem, g);
	assert_string_equal(p->name, "*runtime.g");
	const struct gotype *s = gobin_rtype_type(b, "[]string");
	assert_non_null(s);
	assert_int_equal(s->kind, GT_SLICE);
	assert_int_equal(s->elem->kind, GT_STRING);
	gobin_close(b);
}

static void test_rtype_go116(void **state) { check_g("esbuild-0.11.23"); }
static void test_rtype_go119(void **state) { check_g("basic-stripped"); }
static void test_rtype_go124(void **state) { check_g("small-go1.24"); }
static void test_rtype_go127(void **state) { check_g("small-go1.27"); }

/* Descriptors agree with DWARF on a type both have. */
static void test_rtype_vs_dwarf(void **state)
{
	struct gobin *b = open_or_skip("basic");
	const struct gotype *r = gobin_rtype_type(b, "runtime.g");
	const struct gotype *d = gobin_type(b, "runtime.g");
	assert_non_null(r);
	assert_non_null(d);
	assert_int_equal(r->size, d->size);
	assert_int_equal(r->nfields, d->nfields);
	for (size_t i = 0; i < r->nfields; i++) {
		assert_string_equal(r->fields[i].name, d->fields[i].name);
		assert_int_equal(r->fields[i].offset, d->fields[i].offset);
	}
	assert_null(gobin_rtype_type(b, "main.NoSuchType"));
	assert_non_null(strstr(gobin_error(b), "no type descriptor"));
	assert_null(gobin_rtype_type(b, "notype"));
	assert_non_null(strstr(gobin_error(b), "import path"));
	gobin_close(b);
}

/* A type name whose length varint is huge: the name is refused, nothing
 * past the mapping is read. */
static void test_rtype_huge_varint(void **state)
{
	char *p = gobin_test_path("basic-stripped"), *err = NULL;
	struct gobin *b;
	size_t len;
	if (!p)
		skip();
	char *data = read_file(p, &len);
	assert_non_null(data);
	assert_int_equal(gobin_open(p, &b, &err), 0);
	uint64_t ts, te, typ = 0;
	assert_int_equal(gobin_types_range(b, &ts, &te), 0);
	char name[64];
	for (uint64_t a = ts; a + 48 <= te && !typ; a += 8)
		if (gobin_rtype_name(b, a, name, sizeof(name)) == 0 && !strcmp(name, "runtime.g"))
			typ = a;
	assert_true(typ != 0);
	int32_t off;
	uint64_t avail, foff;
	memcpy(&off, gobin_vaddr_ptr(b, typ + 40, &avail), 4);
	assert_int_equal(gobin_vaddr_to_offset(b, ts + (uint64_t)off, &foff), 0);
	gobin_close(b);
	free(p);
	/* flags byte, then a 10-byte varint close to 2^64 */
	memset(data + foff + 1, 0xff, 9);
	data[foff + 10] = 0x01;
	char path[] = "/tmp/gobin-varint-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	assert_int_equal(gobin_open(path, &b, &err), 0);
	assert_int_equal(gobin_rtype_name(b, typ, name, sizeof(name)), -EINVAL);
	assert_non_null(strstr(gobin_error(b), "broken name"));
	assert_null(gobin_rtype_type(b, "runtime.g"));
	gobin_close(b);
	unlink(path);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inline_go116),
		cmocka_unit_test(test_inline_go119),
		cmocka_unit_test(test_inline_go121),
		cmocka_unit_test(test_inline_go127),
		cmocka_unit_test(test_inline_go126_stripped),
		cmocka_unit_test(test_inline_known),
		cmocka_unit_test(test_sp_delta),
		cmocka_unit_test(test_rtype_go116),
		cmocka_unit_test(test_rtype_go119),
		cmocka_unit_test(test_rtype_go124),
		cmocka_unit_test(test_rtype_go127),
		cmocka_unit_test(test_rtype_vs_dwarf),
		cmocka_unit_test(test_rtype_huge_varint),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
