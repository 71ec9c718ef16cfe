/* rtype.c - Go's runtime type descriptors, read from the file: the types
 * section's range (moduledata.types .. etypes) and the name of the type a
 * descriptor describes. gotype() uses both: the probe finds the
 * descriptor behind an interface, the name is read here when printing. */
#include <errno.h>
#include <string.h>

#include "golang/internal.h"

/* Offsets in runtime._type (abi.Type since Go 1.21), the same from 1.16
 * to 1.27: size, ptrdata, hash (u32), tflag (u8) at 20, align, fieldAlign,
 * kind, equal, gcdata, str (nameOff, i32) at 40. */
#define RTYPE_TFLAG 20
#define RTYPE_STR 40
#define TFLAG_EXTRA_STAR 0x2

int gobin_types_range(struct gobin *b, uint64_t *start, uint64_t *end)
{
	uint64_t s, e, md;
	if (gobin_compiler(b) != GOC_GC)
		return gobin_errf(b, -ENOTSUP, "%s is not built by Go's gc compiler", b->path);
	if (gobin_symbol(b, "runtime.types", &s, NULL, NULL) &&
	    gobin_symbol(b, "runtime.etypes", &e, NULL, NULL) && s < e) {
		*start = s;
		*end = e;
		return 0;
	}
	/* moduledata: ... end, gcdata, gcbss, types, etypes, after the data
	 * and bss bounds (and, from Go 1.20, covctrs and ecovctrs); Go 1.27
	 * put typedesclen between types and etypes */
	uint64_t off = b->release >= 120 ? 296 : 280;
	uint64_t eoff = b->release >= 127 ? 16 : 8;
	if (!gobin_moduledata(b, &md) || !gobin_read_word(b, md + off, &s) ||
	    !gobin_read_word(b, md + off + eoff, &e) || !s || s >= e)
		return gobin_errf(b, -ENOENT, "%s: cannot find Go's type descriptors", b->path);
	*start = s;
	*end = e;
	return 0;
}

/* Reads the name of the type whose descriptor is at vaddr typ. */
int gobin_rtype_name(struct gobin *b, uint64_t typ, char *buf, size_t len)
{
	uint64_t ts, te, avail;
	int err = gobin_types_range(b, &ts, &te);
	if (err)
		return err;
	if (typ < ts || typ >= te || te - typ < RTYPE_STR + 4)
		return gobin_errf(b, -EINVAL, "0x%llx is not a type descriptor of %s",
				  (unsigned long long)typ, b->path);
	const uint8_t *t = gobin_vaddr_ptr(b, typ, &avail);
	if (!t || avail < RTYPE_STR + 4)
		return gobin_errf(b, -EINVAL, "0x%llx is not in %s's file", (unsigned long long)typ,
				  b->path);
	uint8_t tflag = t[RTYPE_TFLAG];
	int32_t off;
	memcpy(&off, t + RTYPE_STR, 4);
	const uint8_t *n = gobin_vaddr_ptr(b, ts + (uint64_t)(int64_t)off, &avail);
	if (off < 0 || !n || avail < 3)
		return gobin_errf(b, -EINVAL, "the type at 0x%llx has no readable name",
				  (unsigned long long)typ);
	/* name: a flags byte, the length (a uvarint since Go 1.17, two
	 * big-endian bytes before), the bytes */
	uint64_t nlen = 0, hdr;
	if (b->release && b->release < 117) {
		nlen = (uint64_t)n[1] << 8 | n[2];
		hdr = 3;
	} else {
		unsigned shift = 0;
		hdr = 1;
		for (; hdr < avail && hdr < 11; hdr++, shift += 7) {
			nlen |= (uint64_t)(n[hdr] & 0x7f) << shift;
			if (!(n[hdr] & 0x80))
				break;
		}
		hdr++;
	}
	/* compared without adding: a huge varint must not wrap around */
	if (hdr > avail || nlen > avail - hdr)
		return gobin_errf(b, -EINVAL, "the type at 0x%llx has a broken name",
				  (unsigned long long)typ);
	const char *p = (const char *)n + hdr;
	if ((tflag & TFLAG_EXTRA_STAR) && nlen && *p == '*') {
		p++;
		nlen--;
	}
	size_t k = nlen < len - 1 ? nlen : len - 1;
	memcpy(buf, p, k);
	buf[k] = '\0';
	return 0;
}

void gobin_rtype_free(struct gobin *b)
{
	(void)b;
}
