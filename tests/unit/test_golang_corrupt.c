/* test_golang_corrupt.c - truncated and corrupted copies of real Go
 * binaries give a clear error, never a crash. */
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

struct copy {
	char path[64];
	char *data; /* the original bytes */
	size_t len;
	uint64_t pcln_off, pcln_size, bi_off, dbg_off, dbg_size;
	uint64_t last_end; /* where the last section's bytes end */
};

/* Copies a fetched binary to a temporary file, and notes where its
 * tables are. */
static void copy_or_skip(const char *name, struct copy *c)
{
	char *p = gobin_test_path(name), *err;
	struct gobin *b;

	if (!p)
		skip();
	c->data = read_file(p, &c->len);
	assert_non_null(c->data);
	assert_int_equal(gobin_open(p, &b, &err), 0);
	const struct gsec *s = gobin_section(b, ".gopclntab");
	assert_non_null(s);
	c->pcln_off = s->off;
	c->pcln_size = s->size;
	s = gobin_section(b, ".go.buildinfo");
	c->bi_off = s ? s->off : 0;
	s = gobin_section(b, ".debug_info");
	c->dbg_off = s ? s->off : 0;
	c->dbg_size = s ? s->size : 0;
	c->last_end = 0;
	for (size_t i = 0; i < b->secs.n; i++)
		if (b->secs.v[i].type != SHT_NOBITS)
			c->last_end = MAX(c->last_end,
					  b->secs.v[i].off + b->secs.v[i].size);
	gobin_close(b);
	free(p);
	strcpy(c->path, "/tmp/gobin-corrupt-XXXXXX");
	int fd = mkstemp(c->path);
	assert_true(fd >= 0);
	close(fd);
}

/* Writes the first len bytes of buf as the copy's contents. */
static void write_copy(struct copy *c, const char *buf, size_t len)
{
	int fd = open(c->path, O_WRONLY | O_TRUNC);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
	close(fd);
}

static void drop_copy(struct copy *c)
{
	unlink(c->path);
	free(c->data);
}

/* Opens the copy: returns the result; on success runs every query on a
 * sample of functions (which must not crash). */
static int open_copy(struct copy *c, char **err)
{
	struct gobin *b;
	int r = gobin_open(c->path, &b, err);

	if (r) {
		assert_non_null(*err);
		assert_true(strlen(*err) > 10);
		return r;
	}
	size_t n;
	const struct gofunc *f = gobin_funcs(b, &n);
	for (size_t i = 0; i < n; i += 1 + n / 40) {
		uint64_t site, *rets, off;
		size_t nr;
		bool sk;
		const struct goparam *pp;
		gobin_entry_site(b, &f[i], &site, &sk);
		if (gobin_ret_sites(b, &f[i], &rets, &nr) == 0)
			free(rets);
		gobin_func_at(b, f[i].addr + 1);
		gobin_vaddr_to_offset(b, f[i].addr, &off);
		gobin_params(b, &f[i], &pp, &nr);
	}
	int64_t off;
	const char *src;
	gobin_goid_offset(b, &off, &src);
	gobin_tls_g_offset(b, &off);
	gobin_type(b, "runtime.g");
	size_t ni;
	const char *const *inl = gobin_inlined_names(b, &ni);
	for (size_t i = 0; i < ni; i += 1 + ni / 20) {
		const struct goinline *cp;
		size_t k;
		const char *fr[8];
		uint64_t st[8];
		gobin_inlined(b, inl[i], &cp, &k);
		for (size_t j = 0; j < k; j++) {
			gobin_inline_frames(b, cp[j].addr, fr, st, 8);
			gobin_sp_delta(b, cp[j].addr, &off);
		}
	}
	gobin_rtype_type(b, "*runtime.g");
	gobin_rtype_names(b, &ni);
	gobin_close(b);
	return 0;
}

static void test_truncated(void **state)
{
	struct copy c;
	char *err;

	copy_or_skip("basic-stripped", &c);
	size_t sizes[] = {0, 3, 30, 63, 100, 1000, 4096, c.len / 4,
			  c.len / 2, c.pcln_off + 100, c.last_end - 1};
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		write_copy(&c, c.data, sizes[i]);
		err = NULL;
		int r = open_copy(&c, &err);
		print_message("%zu bytes: %s\n", sizes[i], err ? err : "ok");
		assert_true(r < 0);
		free(err);
	}
	drop_copy(&c);
}

/* A pclntab magic from the future is named in the error. */
static void test_unknown_magic(void **state)
{
	struct copy c;
	char *err = NULL;

	copy_or_skip("basic-stripped", &c);
	uint32_t m = 0xfffffff5;
	memcpy(c.data + c.pcln_off, &m, 4);
	write_copy(&c, c.data, c.len);
	assert_int_equal(open_copy(&c, &err), -ENOTSUP);
	assert_non_null(strstr(err, "0xfffffff5"));
	free(err);
	drop_copy(&c);
}

/* Corrupt header fields and entries of .gopclntab. */
static void test_corrupt_pclntab(void **state)
{
	struct copy c;
	char *err = NULL, *orig;

	copy_or_skip("basic-stripped", &c);
	orig = xmalloc(c.len);
	memcpy(orig, c.data, c.len);

	uint64_t big = 1ull << 40;
	memcpy(c.data + c.pcln_off + 8, &big, 8); /* nfunc */
	write_copy(&c, c.data, c.len);
	assert_int_equal(open_copy(&c, &err), -EINVAL);
	assert_non_null(strstr(err, "corrupt .gopclntab"));
	free(err);

	memcpy(c.data, orig, c.len);
	memcpy(c.data + c.pcln_off + 8 + 7 * 8, &big, 8); /* pclnOffset */
	write_copy(&c, c.data, c.len);
	assert_int_equal(open_copy(&c, &err), -EINVAL);
	free(err);

	/* Function 10's funcoff points past the table. */
	memcpy(c.data, orig, c.len);
	uint64_t pcln;
	memcpy(&pcln, orig + c.pcln_off + 8 + 7 * 8, 8);
	uint32_t bad = 0x7ffffff0;
	memcpy(c.data + c.pcln_off + pcln + 2 * 10 * 4 + 4, &bad, 4);
	write_copy(&c, c.data, c.len);
	assert_int_equal(open_copy(&c, &err), -EINVAL);
	assert_non_null(strstr(err, "function 10"));
	free(err);

	/* Random damage to the header and the function table. */
	uint64_t seed = 12345;
	for (int it = 0; it < 300; it++) {
		memcpy(c.data, orig, c.len);
		for (int k = 0; k < 8; k++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			uint64_t where = (seed >> 33) %
					 (it % 2 ? 256 : MIN(c.pcln_size, 1 << 20));
			c.data[c.pcln_off + where] = (char)(seed >> 20);
		}
		write_copy(&c, c.data, c.len);
		err = NULL;
		open_copy(&c, &err);
		free(err);
	}
	free(orig);
	drop_copy(&c);
}

/* A corrupt .go.buildinfo: clear error. */
static void test_corrupt_buildinfo(void **state)
{
	struct copy c;
	char *err = NULL;

	copy_or_skip("basic-stripped", &c);
	assert_true(c.bi_off > 0);
	memset(c.data + c.bi_off + 32, 0xff, 10); /* the varint length */
	write_copy(&c, c.data, c.len);
	assert_int_equal(open_copy(&c, &err), -EINVAL);
	assert_non_null(strstr(err, "corrupt .go.buildinfo"));
	free(err);
	/* A 3-byte version string followed by "el": "dev" is no version
	 * (only 3 of the 5 bytes of "devel" belong to it). */
	c.data[c.bi_off + 32] = 3;
	memcpy(c.data + c.bi_off + 33, "devel", 5);
	write_copy(&c, c.data, c.len);
	assert_int_equal(open_copy(&c, &err), -EINVAL);
	assert_non_null(strstr(err, "no Go version"));
	free(err);
	c.data[c.bi_off] = 'X'; /* the magic */
	write_copy(&c, c.data, c.len);
	assert_int_equal(open_copy(&c, &err), -EINVAL);
	free(err);
	drop_copy(&c);
}

/* Damaged DWARF: answers may be missing, nothing crashes. */
static void test_corrupt_dwarf(void **state)
{
	struct copy c;
	char *orig;
	uint64_t seed = 777;

	copy_or_skip("basic", &c);
	if (!c.dbg_size)
		skip();
	orig = xmalloc(c.len);
	memcpy(orig, c.data, c.len);
	for (int it = 0; it < 40; it++) {
		memcpy(c.data, orig, c.len);
		for (int k = 0; k < 16; k++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			uint64_t where = (seed >> 33) % c.dbg_size;
			/* Past the compression header, into the stream, or
			 * into its header itself every fourth time. */
			if (it % 4 == 0)
				where %= 32;
			c.data[c.dbg_off + where] = (char)(seed >> 20);
		}
		write_copy(&c, c.data, c.len);
		char *err = NULL;
		assert_int_equal(open_copy(&c, &err), 0);
		free(err);
	}
	/* A zeroed stretch of the (compressed) .debug_info: the error says
	 * the DWARF is corrupt, not that there is none. */
	memcpy(c.data, orig, c.len);
	memset(c.data + c.dbg_off + 256, 0, 32);
	write_copy(&c, c.data, c.len);
	struct gobin *b;
	char *err = NULL;
	const struct goparam *pp;
	size_t np;
	assert_int_equal(gobin_open(c.path, &b, &err), 0);
	assert_int_equal(gobin_params(b, gobin_find(b, "main.sum"), &pp, &np),
			 -ENOENT);
	print_message("%s\n", gobin_error(b));
	assert_non_null(strstr(gobin_error(b), "corrupt"));
	gobin_close(b);
	free(orig);
	drop_copy(&c);
}

/* Replaces every copy of the bytes `from` by `to` (as long) in c->data;
 * returns how many there were. */
static int patch_all(struct copy *c, const char *from, const char *to)
{
	size_t n = strlen(from);
	int k = 0;

	assert_int_equal(strlen(to), n);
	for (char *p = c->data; (p = memmem(p, c->len - (size_t)(p - c->data),
					    from, n)); p += n, k++)
		memcpy(p, to, n);
	return k;
}

/* A stripped binary whose version string says go1.15, older than the
 * goid table: goid's offset is measured from runtime.goroutineheader.
 * Go 1.16 code (stack ABI, as 1.15) gives 152; Go 1.17 code read as
 * stack ABI gives nothing, and the message says the release is older
 * than the table, naming the file once. The measurement walks back over
 * every decoded instruction, which used stale pointers into the
 * instruction list after it grew (seen by the _asan build of this test). */
static void test_goid_older_release(void **state)
{
	struct copy c;
	struct gobin *b;
	char *err = NULL;
	int64_t off;
	const char *src;

	copy_or_skip("esbuild-0.11.23", &c);
	assert_true(patch_all(&c, "go1.16.3", "go1.15.3") >= 1);
	write_copy(&c, c.data, c.len);
	assert_int_equal(gobin_open(c.path, &b, &err), 0);
	assert_string_equal(gobin_go_version(b), "go1.15.3");
	assert_int_equal(gobin_abi(b), GOABI_STACK);
	assert_int_equal(gobin_goid_offset(b, &off, &src), 0);
	assert_string_equal(src, "code");
	assert_int_equal(off, 152);
	gobin_close(b);
	drop_copy(&c);

	copy_or_skip("esbuild-0.13.15", &c);
	assert_true(patch_all(&c, "go1.17.2", "go1.15.2") >= 1);
	write_copy(&c, c.data, c.len);
	assert_int_equal(gobin_open(c.path, &b, &err), 0);
	assert_int_equal(gobin_go_release(b), 115);
	assert_true(gobin_goid_offset(b, &off, &src) < 0);
	const char *msg = gobin_error(b);
	print_message("%s\n", msg);
	assert_non_null(strstr(msg, "go1.15.2 is older than Go 1.16"));
	assert_null(strstr(msg, "newer"));
	assert_null(strstr(strstr(msg, c.path) + 1, c.path)); /* once */
	gobin_close(b);
	drop_copy(&c);
}

/* A symbol whose st_size is corrupt (2^40 bytes): the RET sweep of its
 * function stops at the next function and finds what it finds in the
 * original, at once (it used to go on one byte at a time past the end of
 * the file; the alarm turns that into a failure). */
static void test_corrupt_symbol_size(void **state)
{
	struct copy c;
	struct gobin *b;
	char *err = NULL;
	uint64_t *rets;
	size_t want, got;

	copy_or_skip("basic", &c);
	write_copy(&c, c.data, c.len);
	assert_int_equal(gobin_open(c.path, &b, &err), 0);
	const struct gofunc *f = gobin_find(b, "main.sum");
	assert_non_null(f);
	assert_int_equal(gobin_ret_sites(b, f, &rets, &want), 0);
	free(rets);
	assert_true(want >= 1);
	const struct gsec *st = gobin_section(b, ".symtab");
	assert_non_null(st);
	const struct gsec *strtab = gobin_section(b, ".strtab");
	assert_non_null(strtab);
	int patched = 0;
	for (uint64_t o = st->off; o + sizeof(Elf64_Sym) <= st->off + st->size;
	     o += sizeof(Elf64_Sym)) {
		Elf64_Sym sym;
		memcpy(&sym, c.data + o, sizeof(sym));
		if (strcmp(c.data + strtab->off + sym.st_name, "main.sum") != 0)
			continue;
		sym.st_size = 1ull << 40;
		memcpy(c.data + o, &sym, sizeof(sym));
		patched++;
	}
	gobin_close(b);
	assert_int_equal(patched, 1);
	write_copy(&c, c.data, c.len);
	assert_int_equal(gobin_open(c.path, &b, &err), 0);
	f = gobin_find(b, "main.sum");
	assert_int_equal(f->size, 1ull << 40);
	alarm(30);
	assert_int_equal(gobin_ret_sites(b, f, &rets, &got), 0);
	alarm(0);
	free(rets);
	assert_int_equal(got, want);
	gobin_close(b);
	drop_copy(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_unknown_magic),
		cmocka_unit_test(test_corrupt_pclntab),
		cmocka_unit_test(test_corrupt_buildinfo),
		cmocka_unit_test(test_corrupt_dwarf),
		cmocka_unit_test(test_goid_older_release),
		cmocka_unit_test(test_corrupt_symbol_size),
	};
	return cmocka_run_group_tests_name("golang_corrupt", tests, NULL,
					   NULL);
}
