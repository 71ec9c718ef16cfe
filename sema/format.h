/* format.h - printf formats, parsed once.
 *
 * sema parses each printf format of a script into segments (literal text,
 * or one conversion with its C format ready) and checks the arguments
 * against them; the runtime's output walks the same segments for every
 * event. The conversions gotrace knows are listed here and nowhere else. */
#ifndef GOTRACE_FORMAT_H
#define GOTRACE_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

/* Conversions, flags and length letters printf() accepts. Every integer
 * is 64 bits wide, so length letters are accepted and ignored. */
#define FMT_CONVERSIONS "diuxXocspr"
#define FMT_INT_CONVERSIONS "diuxXocp" /* these need an integer argument */
#define FMT_FLAGS "-0+ #"
#define FMT_LENGTHS "hljzt"
/* For the docs and hints. */
#define FMT_DOC "%d %i %u %x %X %o %c %s %r %p %%"

enum seg_kind {
	SEG_TEXT, /* literal bytes ("%%" is one '%') */
	SEG_CONV, /* one conversion, for argument `arg` */
};

struct fmt_seg {
	enum seg_kind kind;
	const char *text; /* SEG_TEXT: points into the format */
	size_t len;
	char conv;	 /* SEG_CONV: one of FMT_CONVERSIONS */
	int arg;	 /* SEG_CONV: argument index, from 0 */
	char cfmt[48];	 /* SEG_CONV: a C format for one value: "%-5lld", "%08llx",
			  * "%s" (for s and r the value's text) */
	uint32_t begin, end; /* SEG_CONV: byte offsets of "%...c" in the format */
};

struct fmt {
	struct fmt_seg *segs;
	int nsegs;
	int nconvs; /* arguments the format wants */
};

/* Why a format is not valid: the byte range and a message. */
struct fmt_error {
	uint32_t begin, end;
	char msg[96];
};

/* Parses fmt (len bytes, may hold NULs) into out, allocated in arena.
 * Returns 0, or -1 with err filled. */
int fmt_parse(struct arena *arena, const char *fmt, size_t len, struct fmt *out,
	      struct fmt_error *err);

#endif
