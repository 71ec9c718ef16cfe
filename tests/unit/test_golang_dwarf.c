/* test_golang_dwarf.c - golang/ DWARF answers on real builds: parameters
 * placed by the register ABI and by SysV (gccgo), struct layouts,
 * inlined copies; and the resolution of probe binary names. */
#include <errno.h>
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

/* The parameters of a function, by name. */
static const struct goparam *params(struct gobin *b, const char *fn,
				    size_t *n)
{
	const struct gofunc *f = gobin_find(b, fn);
	const struct goparam *p;

	assert_non_null(f);
	int r = gobin_params(b, f, &p, n);
	if (r)
		print_message("%s: %s\n", fn, gobin_error(b));
	assert_int_equal(r, 0);
	return p;
}

/* Checks one parameter's name, kind and register placement. */
static void reg(const struct goparam *p, const char *name,
		enum gotype_kind kind, bool result, int word, int nwords)
{
	assert_string_equal(p->name, name);
	assert_non_null(p->type);
	assert_int_equal(p->type->kind, kind);
	assert_int_equal(p->is_result, result);
	assert_true(p->in_regs);
	assert_int_equal(p->word, word);
	assert_int_equal(p->nwords, nwords);
}

static void test_reg_abi_params(void **state)
{
	struct gobin *b = open_or_skip("basic");
	const struct goparam *p;
	size_t n;

	p = params(b, "main.sum", &n);
	assert_int_equal(n, 3);
	reg(&p[0], "a", GT_INT, false, 0, 1);
	reg(&p[1], "b", GT_INT, false, 1, 1);
	reg(&p[2], "~r0", GT_INT, true, 0, 1);

	/* (int, string, bool): RAX; RBX, RCX; RDI. */
	p = params(b, "main.multi", &n);
	assert_int_equal(n, 4);
	reg(&p[0], "x", GT_INT, false, 0, 1);
	reg(&p[1], "~r0", GT_INT, true, 0, 1);
	reg(&p[2], "~r1", GT_STRING, true, 1, 2);
	reg(&p[3], "~r2", GT_BOOL, true, 3, 1);

	p = params(b, "main.count", &n);
	reg(&p[0], "xs", GT_SLICE, false, 0, 3);
	assert_non_null(p[0].type->elem);
	assert_string_equal(p[0].type->elem->name, "int");
	reg(&p[1], "v", GT_IFACE, false, 3, 2);

	/* Method: the receiver comes first. */
	p = params(b, "main.(*Store).Get", &n);
	reg(&p[0], "st", GT_PTR, false, 0, 1);
	reg(&p[1], "k", GT_STRING, false, 1, 2);
	reg(&p[3], "~r1", GT_IFACE, true, 1, 2);

	/* A struct by value is split into its fields. */
	p = params(b, "main.dist", &n);
	reg(&p[0], "p", GT_STRUCT, false, 0, 2);
	reg(&p[1], "q", GT_PTR, false, 2, 1);

	/* Floats are in XMM registers. */
	p = params(b, "main.scale", &n);
	assert_true(p[0].has_float);
	assert_false(p[1].has_float);
	reg(&p[1], "n", GT_INT, false, 0, 1);

	/* Nine integer registers: xs does not fit after five ints and a
	 * string, goes to the stack at SP+8; t still fits after it. */
	p = params(b, "main.toomany", &n);
	reg(&p[5], "s", GT_STRING, false, 5, 2);
	assert_string_equal(p[6].name, "xs");
	assert_false(p[6].in_regs);
	assert_int_equal(p[6].stack_off, 8);
	assert_int_equal(p[6].nwords, 3);
	reg(&p[7], "t", GT_STRING, false, 7, 2);
	gobin_close(b);
}

/* Every release's small build agrees on main.multi's placement. */
static void test_params_every_release(void **state)
{
	static const char *const files[] = {
		"small-go1.19", "small-go1.21", "small-go1.23",
		"small-go1.25", "small-go1.27",
	};
	int done = 0;

	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		struct gobin *b = open_if_there(files[i]);
		size_t n;

		if (!b)
			continue;
		const struct goparam *v = params(b, "main.multi", &n);
		assert_int_equal(n, 4);
		reg(&v[2], "~r1", GT_STRING, true, 1, 2);
		reg(&v[3], "~r2", GT_BOOL, true, 3, 1);
		gobin_close(b);
		done++;
	}
	if (!done)
		skip();
}

/* gccgo: SysV placement, results as the function's type. */
static void test_sysv_params(void **state)
{
	struct gobin *b = open_or_skip("gccgo-basic");
	const struct goparam *p;
	size_t n;

	p = params(b, "main.sum", &n);
	assert_int_equal(n, 3);
	reg(&p[0], "a", GT_INT, false, 0, 1);
	reg(&p[1], "b", GT_INT, false, 1, 1);
	assert_true(p[2].is_result);
	assert_true(p[2].in_regs);

	/* A string is two registers in SysV too. */
	p = params(b, "main.greet", &n);
	reg(&p[0], "s", GT_STRING, false, 0, 2);
	reg(&p[1], "n", GT_INT, false, 2, 1);

	/* (int, string, bool) is a 32-byte struct: in memory. */
	p = params(b, "main.multi", &n);
	assert_true(p[n - 1].is_result);
	assert_false(p[n - 1].in_regs);
	assert_int_equal(p[n - 1].stack_off, -1);
	/* The hidden result pointer takes RDI: x is in RSI. */
	reg(&p[0], "x", GT_INT, false, 1, 1);
	/* gccgo's DWARF leaves pointers, slices, interfaces and the result
	 * struct unnamed: they get Go's spelling. */
	assert_string_equal(p[n - 1].type->name, "(int, string, bool)");
	p = params(b, "main.count", &n);
	assert_string_equal(p[0].type->name, "[]int");
	assert_int_equal(p[0].type->kind, GT_SLICE);
	assert_non_null(p[0].type->elem);
	assert_int_equal(p[0].type->elem->kind, GT_INT);
	assert_string_equal(p[1].type->name, "interface {}");
	assert_int_equal(p[1].type->kind, GT_IFACE);
	p = params(b, "main.dist", &n);
	assert_string_equal(p[1].type->name, "*Point");
	assert_int_equal(p[1].type->kind, GT_PTR);
	gobin_close(b);
}

/* Struct layouts from DWARF. */
static void test_types(void **state)
{
	struct gobin *b = open_or_skip("basic");
	const struct gotype *req = gobin_type(b, "net/http.Request");
	const struct gotype *u = gobin_type(b, "net/url.URL");

	assert_non_null(req);
	assert_int_equal(req->kind, GT_STRUCT);
	const struct gofield *url = NULL, *path = NULL;
	for (size_t i = 0; i < req->nfields; i++)
		if (strcmp(req->fields[i].name, "URL") == 0)
			url = &req->fields[i];
	assert_non_null(url);
	assert_int_equal(url->type->kind, GT_PTR);
	assert_string_equal(url->type->elem->name, "net/url.URL");
	for (size_t i = 0; i < u->nfields; i++)
		if (strcmp(u->fields[i].name, "Path") == 0)
			path = &u->fields[i];
	assert_non_null(path);
	assert_int_equal(path->type->kind, GT_STRING);
	assert_int_equal(path->type->size, 16);
	assert_true(path->offset + 16 <= u->size);

	const struct gotype *g = gobin_type(b, "runtime.g");
	assert_non_null(g);
	assert_int_equal(g->kind, GT_STRUCT);
	assert_null(gobin_type(b, "main.NoSuchType"));
	assert_non_null(strstr(gobin_error(b), "no type"));
	gobin_close(b);
}

/* A function inlined everywhere: no symbol, but DWARF knows where. */
static void test_inlined(void **state)
{
	struct gobin *b = open_or_skip("basic-inl");
	char **sites;

	assert_null(gobin_find(b, "main.tiny"));
	int n = gobin_inlined_sites(b, "main.tiny", &sites);
	assert_true(n >= 2);
	for (int i = 0; i < n; i++) {
		print_message("main.tiny inlined in %s\n", sites[i]);
		assert_non_null(strstr(sites[i], "main.main ("));
		assert_non_null(strstr(sites[i], "main.go:"));
		free(sites[i]);
	}
	free(sites);
	assert_int_equal(gobin_inlined_sites(b, "main.nosuch", &sites), 0);
	free(sites);
	gobin_close(b);
}

/* No DWARF: a clear -ENOENT. */
static void test_no_dwarf(void **state)
{
	struct gobin *b = open_or_skip("basic-stripped");
	const struct goparam *p;
	size_t n;

	assert_int_equal(gobin_params(b, gobin_find(b, "main.sum"), &p, &n),
			 -ENOENT);
	assert_non_null(strstr(gobin_error(b), "no DWARF"));
	assert_null(gobin_type(b, "runtime.g"));
	int64_t off;
	const char *src;
	assert_int_equal(gobin_goid_offset(b, &off, &src), 0);
	assert_string_equal(src, "table");
	gobin_close(b);
}

/* Stripped: an inlined function's name is still in .gopclntab's name
 * table (esbuild 0.11.23, Go 1.16: os.IsNotExist is inlined). */
static void test_inlined_stripped(void **state)
{
	struct gobin *b = open_or_skip("esbuild-0.11.23");
	char **sites;

	assert_null(gobin_find(b, "os.IsNotExist"));
	assert_int_equal(gobin_inlined_sites(b, "os.IsNotExist", &sites), 1);
	assert_non_null(strstr(sites[0], "DWARF"));
	free(sites[0]);
	free(sites);
	/* A function of its own, a part of a name, and no name at all. */
	assert_int_equal(gobin_inlined_sites(b, "os.OpenFile", &sites),
			 -ENOENT);
	assert_int_equal(gobin_inlined_sites(b, "s.IsNotExist", &sites),
			 -ENOENT);
	assert_int_equal(gobin_inlined_sites(b, "main.nosuch", &sites),
			 -ENOENT);
	gobin_close(b);
}

/* Probe binary names: paths, PATH, library names. */
static void test_resolve(void **state)
{
	char *p = gobin_resolve_path("libc");

	assert_non_null(p);
	assert_true(p[0] == '/');
	assert_non_null(strstr(p, "libc.so.6"));
	assert_int_equal(access(p, R_OK), 0);
	free(p);

	p = gobin_resolve_path("libc.so.6");
	assert_non_null(p);
	free(p);

	p = gobin_resolve_path("sh");
	assert_non_null(p);
	assert_true(p[0] == '/');
	free(p);

	p = gobin_resolve_path("tests/gobins/fetch");
	assert_non_null(p);
	assert_true(p[0] == '/');
	free(p);

	errno = 0;
	assert_null(gobin_resolve_path("libnosuchlibrary-gotrace"));
	assert_int_equal(errno, ENOENT);
	assert_null(gobin_resolve_path("./no/such/file"));
}

/* The loader cache parser on a made-up image. */
static void test_ldcache_image(void **state)
{
	uint8_t img[512] = {0};
	const char *strs[] = {"libfoo.so.3", "/opt/lib/libfoo.so.3",
			      "libfoo.so", "/opt/lib/libfoo.so"};
	uint32_t off = 48 + 2 * 24, so[4];

	memcpy(img, "glibc-ld.so.cache1.1", 20);
	img[20] = 2; /* nlibs */
	for (int i = 0; i < 4; i++) {
		so[i] = off;
		strcpy((char *)img + off, strs[i]);
		off += (uint32_t)strlen(strs[i]) + 1;
	}
	for (int i = 0; i < 2; i++) {
		uint8_t *e = img + 48 + 24 * i;
		uint32_t flags = 0x0303;
		memcpy(e, &flags, 4);
		memcpy(e + 4, &so[2 * i], 4);
		memcpy(e + 8, &so[2 * i + 1], 4);
	}
	char *p = gobin_ldcache_lookup(img, off, "libfoo");
	assert_string_equal(p, "/opt/lib/libfoo.so.3");
	free(p);
	p = gobin_ldcache_lookup(img, off, "libfoo.so");
	assert_string_equal(p, "/opt/lib/libfoo.so");
	free(p);
	assert_null(gobin_ldcache_lookup(img, off, "libbar"));
	/* Truncated: no crash, no answer. */
	assert_null(gobin_ldcache_lookup(img, 60, "libfoo"));
	img[20] = 0xff;
	assert_null(gobin_ldcache_lookup(img, off, "libfoo"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reg_abi_params),
		cmocka_unit_test(test_params_every_release),
		cmocka_unit_test(test_sysv_params),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_inlined),
		cmocka_unit_test(test_no_dwarf),
		cmocka_unit_test(test_inlined_stripped),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_ldcache_image),
	};
	return cmocka_run_group_tests_name("golang_dwarf", tests, NULL, NULL);
}
