/* buildinfo.c - which compiler built a binary, and which Go release.
 *
 * gc binaries carry a 32-byte header "\xff Go buildinf:" in .go.buildinfo
 * (or near the start of the first writable segment). Go 1.18 and later
 * follow it with the version and module strings inline, each prefixed by
 * a varint length (flags bit 1 set); Go 1.16 and 1.17 store two pointers
 * to Go string headers instead. Some release builds remove the blob (e.g.
 * esbuild from 0.27 on); then the version is runtime.buildVersion, a Go
 * string header in the data segment that points at "go1.N.M".
 *
 * gccgo binaries have no buildinfo; they are known by DT_NEEDED libgo.so.N
 * (or -static-libgo's runtime symbols), the .go_export section gccgo puts
 * in every object, and symbols like __go_init_main. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golang/internal.h"

static const char buildinfo_magic[] = "\xff Go buildinf:";
#define BUILDINFO_MAGIC_LEN 14
#define BUILDINFO_HEADER 32

/* "go1.19.8" -> 119; "go1.21rc2" -> 121; 0 when it is no Go version. */
int gobin_parse_release(const char *v)
{
	const char *p = strstr(v, "go1.");
	char *end;

	if (!p)
		return 0;
	long minor = strtol(p + 4, &end, 10);
	if (end == p + 4 || minor < 0 || minor > 99)
		return 0;
	return 100 + (int)minor;
}

/* True for a plausible Go version string of n bytes. */
static bool plausible_version(const uint8_t *s, uint64_t n)
{
	if (n < 3 || n > 200)
		return false;
	for (uint64_t i = 0; i < n; i++)
		if (!isprint(s[i]))
			return false;
	return memcmp(s, "go", 2) == 0 || (n >= 5 && memcmp(s, "devel", 5) == 0);
}

/* Copies a version string into b. */
static void set_version(struct gobin *b, const uint8_t *s, uint64_t n,
			const char *source)
{
	if (n >= sizeof(b->version))
		n = sizeof(b->version) - 1;
	memcpy(b->version, s, n);
	b->version[n] = 0;
	/* "go1.19.8 X:boringcrypto" and the like: keep the first word. */
	char *sp = strchr(b->version, ' ');
	if (sp && memcmp(b->version, "go", 2) == 0)
		*sp = 0;
	b->release = gobin_parse_release(b->version);
	b->version_source = source;
}

/* Reads a varint at p (at most avail bytes); 0 bytes used means bad. */
static unsigned read_uvarint(const uint8_t *p, uint64_t avail, uint64_t *v)
{
	uint64_t x = 0;
	unsigned shift = 0;

	for (unsigned i = 0; i < avail && i < 10; i++) {
		x |= (uint64_t)(p[i] & 0x7f) << shift;
		if (!(p[i] & 0x80)) {
			*v = x;
			return i + 1;
		}
		shift += 7;
	}
	return 0;
}

/* Reads a Go string header (ptr, len) at vaddr; NULL when it does not
 * point into the file. */
static const uint8_t *read_go_string(const struct gobin *b, uint64_t vaddr,
				     uint64_t *len)
{
	uint64_t avail, ptr;
	const uint8_t *h = gobin_vaddr_ptr(b, vaddr, &avail);

	if (!h || avail < 16)
		return NULL;
	memcpy(&ptr, h, 8);
	memcpy(len, h + 8, 8);
	const uint8_t *s = gobin_vaddr_ptr(b, ptr, &avail);
	if (!s || *len > avail)
		return NULL;
	return s;
}

/* Decodes the blob at p (avail bytes from there, at vaddr). */
static int decode_buildinfo(struct gobin *b, const uint8_t *p, uint64_t avail,
			    const char *where)
{
	if (avail < BUILDINFO_HEADER)
		return gobin_errf(b, -EINVAL, "%s: truncated %s: %llu bytes "
				  "for a %d-byte header", b->path, where,
				  (unsigned long long)avail, BUILDINFO_HEADER);
	uint8_t ptrsize = p[14], flags = p[15];
	if (flags & 2) {
		/* Go 1.18+: varint-prefixed strings after the header. */
		uint64_t n;
		unsigned k = read_uvarint(p + BUILDINFO_HEADER,
					  avail - BUILDINFO_HEADER, &n);
		if (!k || n > avail - BUILDINFO_HEADER - k)
			return gobin_errf(b, -EINVAL, "%s: corrupt %s: the "
					  "version string's length is out of "
					  "bounds", b->path, where);
		const uint8_t *s = p + BUILDINFO_HEADER + k;
		if (!plausible_version(s, n))
			return gobin_errf(b, -EINVAL, "%s: corrupt %s: no Go "
					  "version in it", b->path, where);
		set_version(b, s, n, "buildinfo");
		return 0;
	}
	/* Go 1.16-1.17: pointers to string headers. */
	if (ptrsize != 8 || (flags & 1))
		return gobin_errf(b, -EINVAL, "%s: corrupt %s: pointer size %u,"
				  " flags 0x%x", b->path, where, ptrsize,
				  flags);
	uint64_t vptr, n;
	memcpy(&vptr, p + 16, 8);
	const uint8_t *s = read_go_string(b, vptr, &n);
	if (!s || !plausible_version(s, n))
		return gobin_errf(b, -EINVAL, "%s: corrupt %s: its version "
				  "pointer 0x%llx leads to no Go version",
				  b->path, where, (unsigned long long)vptr);
	set_version(b, s, n, "buildinfo");
	return 0;
}

/* Searches [p, p+n) at 16-byte alignment (relative to vaddr) for the
 * magic. */
static const uint8_t *search_magic(const uint8_t *p, uint64_t n,
				   uint64_t vaddr)
{
	uint64_t skip = (16 - (vaddr & 15)) & 15;

	for (uint64_t o = skip; o + BUILDINFO_MAGIC_LEN <= n; o += 16)
		if (memcmp(p + o, buildinfo_magic, BUILDINFO_MAGIC_LEN) == 0)
			return p + o;
	return NULL;
}

/* A "go1.N[.M]" token of exactly n bytes at s? */
static bool is_release_string(const uint8_t *s, uint64_t n)
{
	uint64_t i = 4;

	if (n < 5 || n > 24 || memcmp(s, "go1.", 4) != 0)
		return false;
	for (; i < n; i++)
		if (!isdigit(s[i]) && s[i] != '.' && !islower(s[i]))
			return false;
	return isdigit(s[4]);
}

/* Compares two version strings by release and patch. */
static int cmp_versions(const char *a, const char *b)
{
	int ra = gobin_parse_release(a), rb = gobin_parse_release(b);
	if (ra != rb)
		return ra - rb;
	const char *pa = strchr(a + 4, '.'), *pb = strchr(b + 4, '.');
	long xa = pa ? strtol(pa + 1, NULL, 10) : -1;
	long xb = pb ? strtol(pb + 1, NULL, 10) : -1;
	return (xa > xb) - (xa < xb);
}

/* Without buildinfo: find runtime.buildVersion, by symbol or by scanning
 * the data sections for string headers (ptr, len) that point at a
 * "go1.N.M" string; when several match (a release-tag list), the highest
 * is the toolchain's own version. */
static void find_build_version(struct gobin *b)
{
	uint64_t addr, n;
	const uint8_t *s;
	char best[32] = "";

	if (gobin_symbol(b, "runtime.buildVersion", &addr, NULL, NULL) &&
	    (s = read_go_string(b, addr, &n)) && plausible_version(s, n)) {
		set_version(b, s, n, "runtime.buildVersion");
		return;
	}
	for (size_t i = 0; i < b->secs.n; i++) {
		const struct gsec *sec = &b->secs.v[i];
		if (sec->type != SHT_PROGBITS || !(sec->flags & SHF_WRITE) ||
		    !sec->name ||
		    (strcmp(sec->name, ".data") != 0 &&
		     strcmp(sec->name, ".noptrdata") != 0 &&
		     strcmp(sec->name, ".data.rel.ro") != 0))
			continue;
		const uint8_t *p = gobin_sec_data(b, sec);
		for (uint64_t o = (8 - (sec->addr & 7)) & 7;
		     o + 16 <= sec->size; o += 8) {
			uint64_t ptr, len, avail;
			memcpy(&len, p + o + 8, 8);
			if (len < 5 || len > 24)
				continue;
			memcpy(&ptr, p + o, 8);
			s = gobin_vaddr_ptr(b, ptr, &avail);
			if (!s || avail < len || !is_release_string(s, len))
				continue;
			char v[32];
			memcpy(v, s, len);
			v[len] = 0;
			if (!best[0] || cmp_versions(v, best) > 0)
				memcpy(best, v, sizeof(best));
		}
	}
	if (best[0])
		set_version(b, (const uint8_t *)best, strlen(best),
			    "runtime.buildVersion");
}

/* Reads the Go version of a gc binary. A corrupt blob is an error; a
 * missing one is not (the version is then looked for elsewhere). */
int gobin_read_buildinfo(struct gobin *b)
{
	const struct gsec *s = gobin_section(b, ".go.buildinfo");
	const uint8_t *p = NULL;
	uint64_t avail = 0;
	const char *where = ".go.buildinfo";

	if (s && s->type != SHT_NOBITS) {
		p = gobin_sec_data(b, s);
		avail = s->size;
		if (avail < BUILDINFO_MAGIC_LEN ||
		    memcmp(p, buildinfo_magic, BUILDINFO_MAGIC_LEN) != 0)
			return gobin_errf(b, -EINVAL, "%s: corrupt .go.buildinfo:"
					  " no \"\\xff Go buildinf:\" magic",
					  b->path);
	} else if (!s) {
		/* No section: the linker puts the blob near the start of the
		 * first writable segment. */
		for (size_t i = 0; i < b->segs.n; i++) {
			const struct gseg *g = &b->segs.v[i];
			if (!(g->flags & PF_W) || !g->filesz)
				continue;
			const uint8_t *base = b->map + g->off;
			p = search_magic(base, MIN(g->filesz, 1 << 20),
					 g->vaddr);
			if (p)
				avail = g->filesz - (uint64_t)(p - base);
			where = "build info";
			break;
		}
	}
	if (p) {
		int err = decode_buildinfo(b, p, avail, where);
		if (err)
			return err;
	}
	if (!b->version[0])
		find_build_version(b);
	return 0;
}

/* True when some function name starts with prefix. */
static bool has_func_prefix(const struct gobin *b, const char *prefix)
{
	size_t n = strlen(prefix);

	for (size_t i = 0; i < b->funcs.n; i++)
		if (strncmp(b->funcs.v[i].name, prefix, n) == 0)
			return true;
	return false;
}

/* Sets b->compiler from what the file carries. */
void gobin_detect_compiler(struct gobin *b)
{
	static const char *const gc_sections[] = {
		".gopclntab", ".data.rel.ro.gopclntab", ".go.buildinfo",
		".note.go.buildid", ".gosymtab",
	};

	b->compiler = GOC_NONE;
	for (size_t i = 0; i < b->needed.n; i++)
		if (strncmp(b->needed.v[i], "libgo.so", 8) == 0)
			b->compiler = GOC_GCCGO;
	if (b->soname && strncmp(b->soname, "libgo.so", 8) == 0)
		b->compiler = GOC_GCCGO;
	if (gobin_section(b, ".go_export") || has_func_prefix(b, "__go_init"))
		b->compiler = GOC_GCCGO;
	if (b->compiler == GOC_GCCGO)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(gc_sections); i++)
		if (gobin_section(b, gc_sections[i]))
			b->compiler = GOC_GC;
	if (b->compiler == GOC_NONE && gobin_pclntab_open(b) == 0 &&
	    b->has_pcln)
		b->compiler = GOC_GC;
}

enum go_compiler gobin_compiler(const struct gobin *b)
{
	return b->compiler;
}

const char *gobin_go_version(const struct gobin *b)
{
	return b->version;
}

int gobin_go_release(const struct gobin *b)
{
	return b->release;
}

enum go_abi gobin_abi(const struct gobin *b)
{
	return b->abi;
}

const char *gobin_abi_name(enum go_abi abi)
{
	switch (abi) {
	case GOABI_SYSV:
		return "sysv";
	case GOABI_STACK:
		return "go-stack";
	case GOABI_REG:
		return "go-register";
	}
	return "?";
}

const char *gobin_func_source(const struct gobin *b)
{
	return b->func_source;
}

const char *gobin_version_source(const struct gobin *b)
{
	return b->version_source;
}

const char *const *gobin_needed(const struct gobin *b, size_t *n)
{
	*n = b->needed.n;
	return b->needed.v;
}
