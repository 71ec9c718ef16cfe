/* test_goruntime.c - golang/goruntime.c: fields of runtime structures by
 * name, globals by symbol name, wait reason names, on real binaries of
 * every release we can build or fetch.
 *
 * The truths: for every release with DWARF (our builds of Go 1.19 and
 * 1.21-1.27), each row of the table equals DWARF's offset; for the
 * releases we only have stripped (1.16, 1.17, 1.18, 1.20: esbuild), the
 * machine code agrees with the table (runtime.newproc1 stores gopc and
 * startpc at the table's offsets; gcControllerState.startCycle reads
 * heapLive at its offset); what a stripped binary shows (its wait
 * reasons, runtime.gcController) equals what its symbols say in the same
 * build with symbols. Binaries come from tests/gobins/fetch (a missing
 * one skips). */
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

static const struct {
	const char *type, *field;
} fields[] = {
	{ "runtime.g", "goid" },	 { "runtime.g", "gopc" },	  { "runtime.g", "startpc" },
	{ "runtime.g", "atomicstatus" }, { "runtime.g", "waitreason" },	  { "runtime.g", "waitsince" },
	{ "runtime.g", "parentGoid" },	 { "runtime.gcControllerState", "heapLive" },
};

/* The table says what DWARF says, field by field, release by release. */
static void test_table_is_dwarf(void **state)
{
	static const char *const names[] = { "small-go1.19", "small-go1.21", "small-go1.22",
					     "small-go1.23", "small-go1.24", "small-go1.25",
					     "small-go1.26", "small-go1.27" };
	int tested = 0;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct gobin *b = open_if_there(names[i]);
		if (!b)
			continue;
		for (size_t k = 0; k < ARRAY_SIZE(fields); k++) {
			uint64_t doff, dsize, toff, tsize;
			const char *src;
			int derr = gobin_field(b, fields[k].type, fields[k].field, &doff, &dsize, &src);
			int terr = gobin_field_table(gobin_go_release(b), fields[k].type, fields[k].field,
						     &toff, &tsize);
			if (derr) { /* parentGoid before 1.21 */
				assert_int_not_equal(terr, 0);
				continue;
			}
			assert_string_equal(src, "dwarf");
			if (terr || doff != toff || dsize != tsize)
				fail_msg("%s: %s.%s: DWARF %llu (%llu bytes), table %s%llu", names[i],
					 fields[k].type, fields[k].field, (unsigned long long)doff,
					 (unsigned long long)dsize, terr ? "none " : "",
					 (unsigned long long)toff);
		}
		gobin_close(b);
		tested++;
	}
	if (!tested)
		skip();
}

/* Whether f's code has an instruction whose memory operand has
 * displacement disp and whose text contains what. */
static bool code_has(struct gobin *b, const char *func, int64_t disp, const char *what)
{
	const struct gofunc *f = gobin_find(b, func);
	assert_non_null(f);
	assert_int_equal(gobin_dis_init(b), 0);
	struct insn in;
	for (uint64_t pc = f->addr; pc < f->addr + f->size; pc += in.len) {
		char seg[8], base[16];
		int64_t d;
		if (!gobin_decode(b, pc, &in))
			return false;
		if (insn_mem(&in, seg, sizeof(seg), base, sizeof(base), &d) && d == disp &&
		    strstr(in.text, what))
			return true;
	}
	return false;
}

/* Stripped releases without DWARF: the table's offsets are the ones
 * their code uses. newproc1 stores gopc and startpc into the new g
 * ("mov qword ptr [reg + off], reg"); startCycle reads heapLive. */
static void test_table_is_code(void **state)
{
	static const char *const names[] = { "esbuild-0.11.23", "esbuild-0.13.15",
					     "esbuild-0.14.40", "esbuild-0.17.19" };
	int tested = 0;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct gobin *b = open_if_there(names[i]);
		if (!b)
			continue;
		uint64_t off, size;
		const char *src;
		assert_int_equal(gobin_field(b, "runtime.g", "gopc", &off, &size, &src), 0);
		assert_string_equal(src, "table");
		if (!code_has(b, "runtime.newproc1", (int64_t)off, "mov"))
			fail_msg("%s: newproc1 does not store gopc at %llu", names[i],
				 (unsigned long long)off);
		assert_int_equal(gobin_field(b, "runtime.g", "startpc", &off, &size, &src), 0);
		if (!code_has(b, "runtime.newproc1", (int64_t)off, "mov"))
			fail_msg("%s: newproc1 does not store startpc at %llu", names[i],
				 (unsigned long long)off);
		int r = gobin_field(b, "runtime.gcControllerState", "heapLive", &off, &size, &src);
		if (gobin_go_release(b) < 118) {
			assert_int_not_equal(r, 0); /* memstats.heap_live then */
		} else {
			assert_int_equal(r, 0);
			if (!code_has(b, "runtime.(*gcControllerState).startCycle", (int64_t)off, "mov"))
				fail_msg("%s: startCycle does not read heapLive at %llu", names[i],
					 (unsigned long long)off);
		}
		gobin_close(b);
		tested++;
	}
	if (!tested)
		skip();
}

/* Wait reasons and gcController: the same from the contents and code of
 * a stripped build as from the symbols of the same program's build with
 * them (basic and basic-stripped have one layout; the cgo builds do not,
 * so there only the names are compared); the names are the runtime's. */
static void test_globals(void **state)
{
	static const char *const pairs[][2] = {
		{ "basic", "basic-stripped" },
		{ "cgo", "cgo-stripped" },
	};
	int tested = 0;
	for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
		struct gobin *a = open_if_there(pairs[i][0]), *b = open_if_there(pairs[i][1]);
		if (!a || !b) {
			gobin_close(a);
			gobin_close(b);
			continue;
		}
		char **na, **nb;
		size_t ka, kb;
		assert_int_equal(gobin_wait_reasons(a, &na, &ka), 0);
		assert_int_equal(gobin_wait_reasons(b, &nb, &kb), 0);
		assert_int_equal(ka, kb);
		assert_true(ka > 20);
		bool chan = false, sel = false, sleep = false;
		for (size_t k = 0; k < ka; k++) {
			assert_string_equal(na[k], nb[k]);
			chan |= !strcmp(na[k], "chan receive");
			sel |= !strcmp(na[k], "select");
			sleep |= !strcmp(na[k], "sleep");
			free(na[k]);
			free(nb[k]);
		}
		assert_true(chan && sel && sleep);
		free(na);
		free(nb);
		uint64_t ga, gb;
		assert_int_equal(gobin_global(a, "runtime.gcController", &ga, NULL), 0);
		assert_int_equal(gobin_global(b, "runtime.gcController", &gb, NULL), 0);
		if (i == 0)
			assert_int_equal(ga, gb);
		assert_true(gobin_global(b, "runtime.ncpu", &gb, NULL) < 0);
		assert_non_null(strstr(gobin_error(b), "stripped"));
		assert_int_equal(gobin_global(a, "runtime.ncpu", &ga, NULL), 0);
		gobin_close(a);
		gobin_close(b);
		tested++;
	}
	if (!tested)
		skip();
}

/* Every release finds its wait reasons and gcController, stripped
 * or not; reason 0 is "" and the first are the same everywhere. */
static void test_releases(void **state)
{
	static const char *const names[] = { EVERY_RELEASE };
	int tested = 0;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct gobin *b = open_if_there(names[i]);
		if (!b)
			continue;
		char **v;
		size_t k;
		if (gobin_wait_reasons(b, &v, &k))
			fail_msg("%s: %s", names[i], gobin_error(b));
		assert_true(k > 20);
		assert_string_equal(v[0], "");
		assert_string_equal(v[1], "GC assist marking");
		assert_string_equal(v[2], "IO wait");
		for (size_t j = 0; j < k; j++)
			free(v[j]);
		free(v);
		uint64_t g;
		if (gobin_global(b, "runtime.gcController", &g, NULL))
			fail_msg("%s: %s", names[i], gobin_error(b));
		gobin_close(b);
		tested++;
	}
	if (!tested)
		skip();
}

/* Type descriptors by name: the stripped build finds the same addresses
 * as the symbols of the build with them (one layout); stripped builds of
 * other releases (Go 1.27 keeps no typelinks or itablinks) find types
 * whose descriptors carry the name. */
static void test_types_by_name(void **state)
{
	static const char *const names[] = { "string", "*errors.errorString", "syscall.Errno",
					     "*fs.PathError", "int" };
	struct gobin *a = open_if_there("basic"), *b = open_if_there("basic-stripped");
	if (a && b) {
		for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
			uint64_t x, y;
			if (gobin_type_by_name(a, names[i], &x) || gobin_type_by_name(b, names[i], &y))
				fail_msg("%s: not found", names[i]);
			assert_int_equal(x, y);
		}
		uint64_t z;
		assert_int_equal(gobin_type_by_name(b, "main.NoSuchType", &z), -ENOENT);
	}
	gobin_close(a);
	gobin_close(b);
	static const char *const stripped[] = { "esbuild-0.11.23", "esbuild-0.14.40", "esbuild-0.17.19",
						"cgo-stripped-go1.26", "cgo-stripped-go1.27",
						"esbuild-0.28.2" };
	for (size_t i = 0; i < ARRAY_SIZE(stripped); i++) {
		struct gobin *c = open_if_there(stripped[i]);
		if (!c)
			continue;
		for (size_t k = 0; k < 2; k++) {
			uint64_t x;
			char got[128];
			if (gobin_type_by_name(c, names[k], &x))
				fail_msg("%s: %s not found", stripped[i], names[k]);
			assert_int_equal(gobin_rtype_name(c, x, got, sizeof(got)), 0);
			assert_string_equal(got, names[k]);
		}
		gobin_close(c);
	}
}

/* Printing names a type at each event (gobin_rtype_name) and gocast
 * looks types up by name: each call must be cheap. They looked the type
 * descriptors' range up every time, by a scan of .symtab (basic-ext), or
 * of the writable sections for runtime.firstmoduledata, word by word and
 * every zero word through every relocation (a stripped PIE): 20,000
 * names took minutes (fuzz_gobin ran at an input a minute). The alarm
 * turns a return of that into a failure. */
static void test_type_names_cost(void **state)
{
	static const char *const names[] = { "basic-ext", "basic-pie-ext-stripped", "basic-stripped" };
	int tested = 0;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct gobin *b = open_if_there(names[i]);
		if (!b)
			continue;
		size_t n, calls = 0;
		const char *const *tn = gobin_rtype_names(b, &n);
		assert_true(n > 100);
		alarm(20);
		for (int round = 0; calls < 20000; round++)
			for (size_t k = 0; k < n; k++, calls++) {
				uint64_t addr;
				char got[256];
				if (gobin_type_by_name(b, tn[k], &addr) < 0)
					continue; /* a name without its own descriptor */
				assert_int_equal(gobin_rtype_name(b, addr, got, sizeof(got)), 0);
				if (!strchr(tn[k], '/'))
					assert_string_equal(got, tn[k]);
			}
		alarm(0);
		gobin_close(b);
		tested++;
	}
	if (!tested)
		skip();
}

/* Whether addr is in one of the ranges. */
static bool in_ranges(uint64_t (*r)[2], size_t n, uint64_t addr)
{
	for (size_t i = 0; i < n; i++)
		if (addr >= r[i][0] && addr < r[i][1])
			return true;
	return false;
}

/* The runtime's code ranges: sorted, disjoint, holding every function
 * the classifier calls the runtime's and no other. */
static void test_runtime_ranges(void **state)
{
	static const char *const names[] = { "basic-stripped", "esbuild-0.11.23", "esbuild-0.28.2" };
	int tested = 0;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct gobin *b = open_if_there(names[i]);
		if (!b)
			continue;
		uint64_t(*r)[2] = xcalloc(RUNTIME_RANGES_MAX, sizeof(*r));
		size_t n, nf;
		assert_int_equal(gobin_runtime_ranges(b, r, RUNTIME_RANGES_MAX, &n), 0);
		for (size_t k = 1; k < n; k++)
			assert_true(r[k - 1][1] <= r[k][0]);
		const struct gofunc *f = gobin_funcs(b, &nf);
		for (size_t k = 0; k < nf; k++)
			if (in_ranges(r, n, f[k].addr) != gobin_is_runtime_func(f[k].name))
				fail_msg("%s: %s at 0x%llx", names[i], f[k].name, (unsigned long long)f[k].addr);
		assert_true(gobin_is_runtime_func("runtime.mallocgc"));
		assert_true(gobin_is_runtime_func("internal/runtime/maps.newarray"));
		assert_false(gobin_is_runtime_func("main.main"));
		assert_false(gobin_is_runtime_func("sync.(*Mutex).Lock"));
		free(r);
		gobin_close(b);
		tested++;
	}
	if (!tested)
		skip();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_is_dwarf),
		cmocka_unit_test(test_table_is_code),
		cmocka_unit_test(test_globals),
		cmocka_unit_test(test_releases),
		cmocka_unit_test(test_types_by_name),
		cmocka_unit_test(test_type_names_cost),
		cmocka_unit_test(test_runtime_ranges),
	};
	return cmocka_run_group_tests_name("goruntime", tests, NULL, NULL);
}
