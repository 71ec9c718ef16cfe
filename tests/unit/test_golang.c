/* test_golang.c - golang/ on real binaries: functions, Go versions and
 * ABIs from Go 1.16 to the newest release, stripped, cgo, PIE and
 * externally linked builds, gccgo, prologues, RET sites, goid and TLS.
 *
 * The binaries come from tests/gobins/fetch (build/gobins/, or $GOBINS);
 * a test whose binary is missing says so and skips. */
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

static const struct gsec *text_of(const struct gobin *b)
{
	const struct gsec *t = gobin_section(b, ".text");
	assert_non_null(t);
	return t;
}

/* Every RET site of f is a C3 byte and lies inside f. */
static size_t check_rets(struct gobin *b, const struct gofunc *f)
{
	uint64_t *rets;
	size_t n;

	assert_int_equal(gobin_ret_sites(b, f, &rets, &n), 0);
	for (size_t i = 0; i < n; i++) {
		const uint8_t *p = gobin_vaddr_ptr(b, rets[i], NULL);
		assert_non_null(p);
		assert_int_equal(*p, 0xc3);
		assert_true(rets[i] >= f->addr && rets[i] < f->addr + f->size);
	}
	free(rets);
	return n;
}

/* The entry site of f skips a prologue: the instruction before it is a
 * conditional jump, and the site is within the first 40 bytes. */
static void check_prologue_skipped(struct gobin *b, const struct gofunc *f)
{
	uint64_t site, pc = f->addr, prev = 0;
	bool skipped;
	struct insn in;

	assert_int_equal(gobin_entry_site(b, f, &site, &skipped), 0);
	assert_true(skipped);
	assert_true(site > f->addr && site < f->addr + 40);
	while (pc < site && gobin_decode(b, pc, &in)) {
		prev = pc;
		pc += in.len;
	}
	assert_int_equal(pc, site);
	assert_true(gobin_decode(b, prev, &in));
	assert_true(insn_is_jcc(&in));
}

static void test_open_errors(void **state)
{
	struct gobin *b = NULL;
	char *err = NULL;

	assert_int_equal(gobin_open("/nonexistent/gotrace-bin", &b, &err),
			 -ENOENT);
	assert_null(b);
	assert_non_null(strstr(err, "no such file"));
	free(err);

	assert_int_equal(gobin_open("tests/gobins/src/basic/main.go", &b,
				    &err), -ENOEXEC);
	assert_non_null(strstr(err, "not an ELF file"));
	free(err);

	assert_true(gobin_open("tests", &b, &err) < 0);
	free(err);

	/* An AArch64 copy of a real header. */
	char *p = gobin_test_path("/bin/true"), tmp[] = "/tmp/gobin-arm-XXXXXX";
	if (!p)
		skip();
	size_t len;
	char *data = read_file(p, &len);
	assert_non_null(data);
	int fd = mkstemp(tmp);
	assert_true(fd >= 0);
	data[18] = (char)183; /* EM_AARCH64 */
	data[19] = 0;
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	assert_int_equal(gobin_open(tmp, &b, &err), -ENOEXEC);
	assert_non_null(strstr(err, "AArch64, not x86-64"));
	free(err);
	unlink(tmp);
	free(data);
	free(p);
}

/* A C library: no Go answers, functions from .dynsym. */
static void test_libc(void **state)
{
	char *p = gobin_resolve_path("libc");
	struct gobin *b;
	char *err;
	int64_t off;
	const char *src;

	assert_non_null(p);
	assert_int_equal(gobin_open(p, &b, &err), 0);
	assert_int_equal(gobin_compiler(b), GOC_NONE);
	assert_int_equal(gobin_abi(b), GOABI_SYSV);
	assert_string_equal(gobin_go_version(b), "");
	assert_true(gobin_is_dyn(b));
	assert_non_null(gobin_find(b, "malloc"));
	assert_true(gobin_goid_offset(b, &off, &src) < 0);
	assert_non_null(strstr(gobin_error(b), "not built by the gc"));
	assert_true(gobin_tls_g_offset(b, &off) < 0);
	const struct gofunc *f = gobin_find(b, "malloc");
	uint64_t site;
	bool skipped;
	assert_int_equal(gobin_entry_site(b, f, &site, &skipped), 0);
	assert_int_equal(site, f->addr);
	assert_false(skipped);
	gobin_close(b);
	free(p);
}

/* The unstripped Go 1.19 build: symtab, DWARF, facts we know. */
static void test_basic(void **state)
{
	struct gobin *b = open_or_skip("basic");
	size_t n;
	const struct gofunc *fs = gobin_funcs(b, &n);

	assert_int_equal(gobin_compiler(b), GOC_GC);
	assert_int_equal(gobin_go_release(b), 119);
	assert_memory_equal(gobin_go_version(b), "go1.19", 6);
	assert_string_equal(gobin_version_source(b), "buildinfo");
	assert_int_equal(gobin_abi(b), GOABI_REG);
	assert_string_equal(gobin_func_source(b), "symtab");
	assert_false(gobin_is_dyn(b));
	assert_true(n > 1000);
	for (size_t i = 1; i < n; i++)
		assert_true(fs[i - 1].addr <= fs[i].addr);
	for (size_t i = 0; i < n; i++)
		assert_ptr_equal(gobin_find(b, fs[i].name), &fs[i]);

	const struct gofunc *sum = gobin_find(b, "main.sum");
	assert_non_null(sum);
	assert_ptr_equal(gobin_func_at(b, sum->addr + 1), sum);
	assert_int_equal(sum->args, 16);
	uint64_t off;
	assert_int_equal(gobin_vaddr_to_offset(b, sum->addr, &off), 0);
	const struct gsec *t = text_of(b);
	assert_int_equal(off, t->off + (sum->addr - t->addr));
	assert_true(gobin_vaddr_to_offset(b, 0x10, &off) < 0);

	/* Names as Go writes them. */
	assert_non_null(gobin_find(b, "main.(*Store).Get"));
	/* Assembly functions: .symtab's "name.abi0" is listed as "name". */
	assert_non_null(gobin_find(b, "runtime.morestack_noctxt"));
	assert_null(gobin_find(b, "go.buildid"));
	assert_null(gobin_find(b, "runtime.text"));
	gobin_close(b);
}

/* .gopclntab agrees with .symtab on every function it lists. */
static void check_pclntab_matches_symtab(const char *name)
{
	struct gobin *b = open_or_skip(name);
	size_t checked = 0;

	assert_true(b->has_pcln);
	assert_true(b->pcfuncs.n > 1000);
	for (size_t i = 0; i < b->pcfuncs.n; i++) {
		const struct gofunc *p = &b->pcfuncs.v[i];
		/* Generated names differ in spelling ("[...]", "·"). */
		if (strstr(p->name, "[...]") || strstr(p->name, "\xc2\xb7"))
			continue;
		/* The symbol at the same address has the same name, or
		 * "name.abi0" for an ABI0 function whose plain name is its
		 * ABI wrapper's. */
		const struct gofunc *f = gobin_func_at(b, p->addr);
		if (!f || f->addr != p->addr) {
			/* Only C functions of cgo objects may be missing. */
			assert_null(strchr(p->name, '.'));
			continue;
		}
		size_t n = strlen(p->name);
		assert_memory_equal(f->name, p->name, n);
		assert_true(f->name[n] == 0 || strcmp(f->name + n, ".abi0") == 0);
		assert_true(f->size <= p->size);
		checked++;
	}
	assert_true(checked > 1000);
	gobin_close(b);
}

static void test_pclntab_matches_symtab(void **state)
{
	check_pclntab_matches_symtab("basic");
}

/* cgo and -linkmode=external: runtime.text is not where .text starts. */
static void test_pclntab_cgo_text_start(void **state)
{
	struct gobin *b = open_or_skip("cgo");

	assert_true(b->pcln.text_start > text_of(b)->addr);
	gobin_close(b);
	check_pclntab_matches_symtab("cgo");
	check_pclntab_matches_symtab("basic-ext");
	check_pclntab_matches_symtab("basic-pie");
}

/* Stripped builds list the same Go functions from .gopclntab. */
static void check_stripped_like(const char *stripped, const char *full)
{
	struct gobin *s = open_or_skip(stripped), *f = open_or_skip(full);
	size_t n, nmain = 0;
	const struct gofunc *fs = gobin_funcs(s, &n);

	assert_string_equal(gobin_func_source(s), "pclntab");
	for (size_t i = 0; i < n; i++) {
		if (strncmp(fs[i].name, "main.", 5) != 0)
			continue;
		const struct gofunc *g = gobin_find(f, fs[i].name);
		assert_non_null(g);
		assert_true(g->size <= fs[i].size);
		nmain++;
	}
	assert_true(nmain >= 2);
	const struct gofunc *a = gobin_find(s, "main.multi") ?: gobin_find(s, "main.sum");
	const struct gofunc *b = gobin_find(f, a->name);
	assert_non_null(b);
	/* Same code, found both ways. */
	assert_int_equal(check_rets(s, a), check_rets(f, b));
	gobin_close(s);
	gobin_close(f);
}

static void test_stripped(void **state)
{
	check_stripped_like("basic-stripped", "basic");
	check_stripped_like("cgo-stripped", "cgo");
	/* PIE, externally linked, stripped: .gopclntab is inside
	 * .data.rel.ro, found by its magic; its textStart is zero in the
	 * file and comes from the relocation. */
	check_stripped_like("basic-pie-ext-stripped", "basic");
	struct gobin *b = open_or_skip("basic-pie-ext-stripped");
	assert_true(gobin_is_dyn(b));
	assert_null(gobin_section(b, ".gopclntab"));
	assert_true(b->pcln.text_start > text_of(b)->addr);
	gobin_close(b);
}

/* One release binary: its version, format, ABI, and what is read from
 * its code. */
struct release_case {
	const char *file;
	const char *version; /* prefix */
	int release;
	uint32_t magic;
	enum go_abi abi;
	const char *version_source;
};

static const struct release_case releases[] = {
	{"esbuild-0.11.23", "go1.16", 116, 0xfffffffa, GOABI_STACK, "buildinfo"},
	{"esbuild-0.13.15", "go1.17", 117, 0xfffffffa, GOABI_REG, "buildinfo"},
	{"esbuild-0.14.40", "go1.18", 118, 0xfffffff0, GOABI_REG, "buildinfo"},
	{"esbuild-0.14.54", "go1.19", 119, 0xfffffff0, GOABI_REG, "buildinfo"},
	{"esbuild-0.17.19", "go1.20", 120, 0xfffffff1, GOABI_REG, "buildinfo"},
	{"lefthook-1.5.5", "go1.21", 121, 0xfffffff1, GOABI_REG, "buildinfo"},
	{"esbuild-0.23.1", "go1.22", 122, 0xfffffff1, GOABI_REG, "buildinfo"},
	{"esbuild-0.24.2", "go1.23", 123, 0xfffffff1, GOABI_REG, "buildinfo"},
	{"lefthook-1.11.10", "go1.24", 124, 0xfffffff1, GOABI_REG, "buildinfo"},
	{"esbuild-0.27.7", "go1.25", 125, 0xfffffff1, GOABI_REG,
	 "runtime.buildVersion"},
	{"esbuild-0.28.2", "go1.26", 126, 0xfffffff1, GOABI_REG,
	 "runtime.buildVersion"},
};

static void test_releases(void **state)
{
	int done = 0;

	for (size_t i = 0; i < ARRAY_SIZE(releases); i++) {
		const struct release_case *c = &releases[i];
		char *p = gobin_test_path(c->file), *err;
		struct gobin *b;

		if (!p)
			continue;
		uint64_t t0 = mono_ns();
		assert_int_equal(gobin_open(p, &b, &err), 0);
		uint64_t t1 = mono_ns();
		print_message("%s: %s, %s ABI, %llu funcs, opened in %.1f ms\n",
			      c->file, gobin_go_version(b),
			      gobin_abi_name(gobin_abi(b)),
			      (unsigned long long)b->funcs.n, (t1 - t0) / 1e6);
		assert_int_equal(gobin_compiler(b), GOC_GC);
		assert_memory_equal(gobin_go_version(b), c->version,
				    strlen(c->version));
		assert_int_equal(gobin_go_release(b), c->release);
		assert_int_equal(b->pcln.magic, c->magic);
		assert_int_equal(gobin_abi(b), c->abi);
		assert_string_equal(gobin_version_source(b), c->version_source);
		assert_string_equal(gobin_func_source(b), "pclntab");

		/* A function every Go program with files has. */
		const struct gofunc *f = gobin_find(b, "os.OpenFile");
		assert_non_null(f);
		const struct gsec *t = text_of(b);
		assert_true(f->addr >= t->addr && f->addr < t->addr + t->size);
		check_prologue_skipped(b, f);
		assert_true(check_rets(b, f) >= 1);

		/* goid: the table agrees with the machine code. */
		int64_t off, code;
		const char *src;
		assert_int_equal(gobin_goid_offset(b, &off, &src), 0);
		assert_string_equal(src, "table");
		assert_int_equal(gobin_goid_offset_code(b, &code), 0);
		assert_int_equal(off, code);
		assert_int_equal(gobin_tls_g_offset(b, &off), 0);
		assert_int_equal(off, -8);
		gobin_close(b);
		free(p);
		done++;
	}
	if (!done)
		skip();
}

/* Go 1.26+ leaves textStart out of the .gopclntab header: a stripped cgo
 * build finds runtime.text in moduledata. Calls in runtime code land on
 * the functions the table names only if every address is right. */
static void test_go126_cgo_text_start(void **state)
{
	static const char *const files[] = {
		"cgo-stripped-go1.26", "cgo-stripped-go1.27",
	};
	int done = 0;

	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		struct gobin *b = open_if_there(files[i]);
		int64_t off;

		if (!b)
			continue;
		assert_int_equal(b->pcln.magic, 0xfffffff1);
		assert_true(b->pcln.text_start > text_of(b)->addr);
		assert_int_equal(gobin_goid_offset_code(b, &off), 0);
		assert_int_equal(off, 152);
		const struct gofunc *f = gobin_find(b, "main.sum");
		assert_non_null(f);
		assert_int_equal(check_rets(b, f), 1);
		check_prologue_skipped(b, gobin_find(b, "main.main"));
		gobin_close(b);
		done++;
	}
	if (!done)
		skip();
}

/* Go 1.16's stack ABI: the prologue reads g from fs:[-8]. */
static void test_go116_prologue(void **state)
{
	struct gobin *b = open_or_skip("esbuild-0.11.23");
	const struct gofunc *f = gobin_find(b, "os.OpenFile");
	struct insn in;

	assert_non_null(f);
	assert_true(gobin_decode(b, f->addr, &in));
	assert_non_null(strstr(insn_mnem(&in), "fs:"));
	check_prologue_skipped(b, f);
	gobin_close(b);
}

/* Debian's caddy: big, stripped, cgo. */
static void test_caddy(void **state)
{
	char *p = gobin_test_path("/usr/bin/caddy"), *err;
	struct gobin *b;

	if (!p)
		skip();
	uint64_t t0 = mono_ns();
	assert_int_equal(gobin_open(p, &b, &err), 0);
	double ms = (mono_ns() - t0) / 1e6;
	print_message("caddy: %zu functions, opened in %.1f ms\n", b->funcs.n,
		      ms);
	assert_true(ms < 500);
	assert_memory_equal(gobin_go_version(b), "go1.19", 6);
	assert_int_equal(gobin_abi(b), GOABI_REG);
	assert_string_equal(gobin_func_source(b), "pclntab");
	assert_true(b->funcs.n > 30000);
	const struct gofunc *f =
		gobin_find(b, "net/http.serverHandler.ServeHTTP");
	assert_non_null(f);
	const struct gsec *t = text_of(b);
	assert_true(f->addr >= t->addr && f->addr < t->addr + t->size);
	assert_true(b->pcln.text_start > t->addr); /* cgo */
	check_prologue_skipped(b, f);
	assert_true(check_rets(b, f) >= 1);
	assert_non_null(gobin_find(b, "net/http.(*conn).serve"));
	int64_t off;
	assert_int_equal(gobin_tls_g_offset(b, &off), 0);
	assert_int_equal(off, -8);
	gobin_close(b);
	free(p);

	struct gobin *z = open_or_skip("/usr/bin/fzf");
	assert_memory_equal(gobin_go_version(z), "go1.19", 6);
	assert_non_null(gobin_find(z, "main.main"));
	gobin_close(z);
}

/* Every toolchain's build of small: DWARF's goid offset equals the table
 * and the code; prologues and RETs. */
static void test_goid_every_release(void **state)
{
	static const char *const files[] = {
		"small-go1.19", "small-go1.21", "small-go1.22", "small-go1.23",
		"small-go1.24", "small-go1.25", "small-go1.26", "small-go1.27",
	};
	int done = 0;

	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		struct gobin *b = open_if_there(files[i]);
		int64_t dw, code;
		const char *src;

		if (!b)
			continue;
		assert_int_equal(gobin_goid_offset(b, &dw, &src), 0);
		assert_string_equal(src, "dwarf");
		assert_int_equal(gobin_goid_offset_code(b, &code), 0);
		print_message("%s (%s): goid at %lld (dwarf), %lld (table), "
			      "%lld (code)\n", files[i], gobin_go_version(b),
			      (long long)dw,
			      (long long)gobin_goid_table(gobin_go_release(b)),
			      (long long)code);
		assert_int_equal(dw, gobin_goid_table(gobin_go_release(b)));
		assert_int_equal(dw, code);

		check_prologue_skipped(b, gobin_find(b, "main.deep"));
		check_prologue_skipped(b, gobin_find(b, "main.multi"));
		assert_true(check_rets(b, gobin_find(b, "main.multi")) >= 2);
		/* A leaf without a frame has no prologue. */
		const struct gofunc *s = gobin_find(b, "main.sum");
		uint64_t site;
		bool skipped;
		assert_int_equal(gobin_entry_site(b, s, &site, &skipped), 0);
		assert_false(skipped);
		assert_int_equal(site, s->addr);
		assert_int_equal(check_rets(b, s), 1);
		gobin_close(b);
		done++;
	}
	if (!done)
		skip();
}

/* The goid table by release. */
static void test_goid_table(void **state)
{
	assert_int_equal(gobin_goid_table(116), 152);
	assert_int_equal(gobin_goid_table(122), 152);
	assert_int_equal(gobin_goid_table(123), 160);
	assert_int_equal(gobin_goid_table(124), 160);
	assert_int_equal(gobin_goid_table(125), 152);
	assert_int_equal(gobin_goid_table(127), 152);
	assert_int_equal(gobin_goid_table(115), -1);
	assert_int_equal(gobin_goid_table(0), -1);
}

/* Prologue forms of Go 1.19: small frame, big frame, huge frame. */
static void test_entry_sites(void **state)
{
	struct gobin *b = open_or_skip("basic");
	const struct gofunc *deep = gobin_find(b, "main.deep");
	struct insn in;

	/* Huge frame: mov r12, rsp; sub r12, N; jb; cmp; jbe: after jbe. */
	check_prologue_skipped(b, deep);
	uint64_t site;
	bool skipped;
	gobin_entry_site(b, deep, &site, &skipped);
	uint64_t pc = deep->addr;
	int jcc = 0;
	while (pc < site && gobin_decode(b, pc, &in)) {
		jcc += insn_is_jcc(&in);
		pc += in.len;
	}
	assert_int_equal(jcc, 2);
	check_prologue_skipped(b, gobin_find(b, "main.multi"));
	check_prologue_skipped(b, gobin_find(b, "main.(*Store).Get"));
	gobin_close(b);
}

/* RET sites: several returns, all C3. */
static void test_ret_sites(void **state)
{
	struct gobin *b = open_or_skip("basic");

	assert_int_equal(check_rets(b, gobin_find(b, "main.multi")), 3);
	assert_int_equal(check_rets(b, gobin_find(b, "main.sum")), 1);
	/* A function that never returns has none. */
	const struct gofunc *f = gobin_find(b, "runtime.goexit");
	assert_non_null(f);
	assert_int_equal(check_rets(b, f), 0);
	gobin_close(b);
}

/* TLS g offset: from runtime.tlsg, from the code, -8 without PT_TLS. */
static void test_tls(void **state)
{
	static const char *const files[] = {
		"basic", "basic-pie", "basic-ext", "cgo", "cgo-stripped",
		"basic-pie-ext-stripped", "esbuild-0.11.23",
	};

	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		struct gobin *b = open_if_there(files[i]);
		int64_t off;

		if (!b)
			continue;
		assert_int_equal(gobin_tls_g_offset(b, &off), 0);
		assert_int_equal(off, -8);
		gobin_close(b);
	}
}

/* gccgo: the C calling convention, libgo. */
static void test_gccgo(void **state)
{
	struct gobin *b = open_or_skip("gccgo-basic");

	assert_int_equal(gobin_compiler(b), GOC_GCCGO);
	assert_int_equal(gobin_abi(b), GOABI_SYSV);
	assert_string_equal(gobin_go_version(b), "");
	assert_non_null(gobin_find(b, "main.multi"));
	const struct gofunc *f = gobin_find(b, "main.multi");
	uint64_t site;
	bool skipped;
	assert_int_equal(gobin_entry_site(b, f, &site, &skipped), 0);
	assert_int_equal(site, f->addr);
	/* main.multi has two RET instructions: its own, and the one after
	 * "call __morestack" of its split-stack prologue, which would see the
	 * same return again */
	const struct gofunc *ms = gobin_find(b, "__morestack");
	assert_non_null(ms);
	uint64_t *rets;
	size_t nrets;
	assert_int_equal(gobin_ret_sites(b, f, &rets, &nrets), 0);
	assert_int_equal(nrets, 1);
	struct insn in;
	uint64_t calls = 0;
	for (uint64_t pc = f->addr; pc < rets[0] && gobin_decode(b, pc, &in); pc += in.len)
		if (insn_is_call(&in) && in.has_target && in.target == ms->addr) {
			uint64_t after = pc + in.len;
			calls++;
			assert_true(gobin_decode(b, after, &in));
			assert_true(insn_is_ret(&in)); /* the RET left out */
			assert_true(after != rets[0]);
			break;
		}
	assert_int_equal(calls, 1);
	free(rets);
	int64_t off;
	const char *src;
	assert_true(gobin_goid_offset(b, &off, &src) < 0);
	gobin_close(b);

	b = open_or_skip("gccgo-basic-stripped");
	assert_int_equal(gobin_compiler(b), GOC_GCCGO);
	gobin_close(b);

	char *lib = gobin_resolve_path("libgo");
	if (!lib) {
		print_message("SKIP: libgo not installed\n");
		return;
	}
	assert_non_null(strstr(lib, "libgo.so.21"));
	char *err;
	assert_int_equal(gobin_open(lib, &b, &err), 0);
	assert_int_equal(gobin_compiler(b), GOC_GCCGO);
	assert_int_equal(gobin_abi(b), GOABI_SYSV);
	assert_non_null(gobin_find(b, "fmt.Println"));
	gobin_close(b);
	free(lib);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_libc),
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_pclntab_matches_symtab),
		cmocka_unit_test(test_pclntab_cgo_text_start),
		cmocka_unit_test(test_stripped),
		cmocka_unit_test(test_releases),
		cmocka_unit_test(test_go116_prologue),
		cmocka_unit_test(test_go126_cgo_text_start),
		cmocka_unit_test(test_caddy),
		cmocka_unit_test(test_goid_every_release),
		cmocka_unit_test(test_goid_table),
		cmocka_unit_test(test_entry_sites),
		cmocka_unit_test(test_ret_sites),
		cmocka_unit_test(test_tls),
		cmocka_unit_test(test_gccgo),
	};
	return cmocka_run_group_tests_name("golang", tests, NULL, NULL);
}
