/* fuzz_gobin.c - libFuzzer harness for golang/'s readers.
 *
 * Real Go binaries are megabytes, too big to mutate whole, so the input
 * patches one region of a real binary (GOBIN_FUZZ_BASE, default
 * build/gobins/basic-stripped): its first byte picks the region (ELF
 * headers, .gopclntab, .go.buildinfo, .debug_info, or anywhere at an
 * offset given by the next four bytes); the rest is written there. Then
 * every reader runs on the result.
 *
 * Build and run (libFuzzer with ASan and UBSan, clang; the library is
 * built with the same sanitizers in build/fuzz-obj/):
 *   make fuzz              builds build/fuzz/fuzz_gobin
 *   make fuzz-run FUZZ_TIME=120
 * or by hand:
 *   build/fuzz/fuzz_gobin -max_total_time=120 -max_len=4096
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "golang/internal.h"

static char *base;
static size_t base_len;
static uint64_t regions[4][2]; /* offset, size */

/* Loads the base binary and where its tables are, once. */
static void init(void)
{
	const char *p = getenv("GOBIN_FUZZ_BASE");
	struct gobin *b;
	char *err;

	if (!p)
		p = "build/gobins/basic-stripped";
	base = read_file(p, &base_len);
	if (!base || gobin_open(p, &b, &err) != 0) {
		fprintf(stderr, "fuzz_gobin: cannot read %s\n", p);
		exit(1);
	}
	static const char *const names[] = {".gopclntab", ".go.buildinfo",
					    ".debug_info", ".text"};
	regions[0][1] = 4096; /* ELF, program and section headers */
	for (int i = 1; i < 4; i++) {
		const struct gsec *s = gobin_section(b, names[i - 1]);
		regions[i][0] = s ? s->off : 0;
		regions[i][1] = s ? s->size : 0;
	}
	gobin_close(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!base)
		init();
	if (size < 6)
		return 0;
	unsigned r = data[0] % 5;
	uint64_t off;
	uint32_t rel;
	memcpy(&rel, data + 1, 4);
	if (r == 4)
		off = rel % base_len;
	else
		off = regions[r][0] + (regions[r][1] ? rel % regions[r][1] : 0);
	data += 5;
	size -= 5;

	int fd = memfd_create("gobin", 0);
	if (fd < 0)
		return 0;
	size_t n = MIN(size, base_len - MIN(off, base_len));
	if (write(fd, base, base_len) != (ssize_t)base_len ||
	    pwrite(fd, data, n, (off_t)off) != (ssize_t)n) {
		close(fd);
		return 0;
	}
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	struct gobin *b;
	char *err = NULL;
	if (gobin_open(path, &b, &err) == 0) {
		size_t nf;
		const struct gofunc *f = gobin_funcs(b, &nf);
		for (size_t i = 0; i < nf; i += 1 + nf / 16) {
			uint64_t site, *rets;
			size_t nr;
			bool sk;
			const struct goparam *pp;
			gobin_entry_site(b, &f[i], &site, &sk);
			if (gobin_ret_sites(b, &f[i], &rets, &nr) == 0)
				free(rets);
			gobin_params(b, &f[i], &pp, &nr);
		}
		int64_t o;
		const char *src;
		gobin_goid_offset(b, &o, &src);
		gobin_tls_g_offset(b, &o);
		gobin_close(b);
	}
	free(err);
	close(fd);
	return 0;
}
