/* types.h - the types of values, and how each is laid out in BPF memory
 * (map keys and values, ring-buffer events). The layout rules live here
 * only: codegen writes values by them and the runtime reads by them. */
#ifndef GOTRACE_TYPES_H
#define GOTRACE_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "util/util.h"

enum type_kind {
	TY_NONE,   /* statements, void calls */
	TY_INT,	   /* stored as 8 bytes; bits and sign say how to print */
	TY_STR,	   /* NUL-terminated, size bytes (zero padded) */
	TY_BUF,	   /* buf(): u32 len, u32 pad, data[size - 8] */
	TY_TUPLE,  /* elems at offsets, natural alignment */
	TY_USTACK, /* struct ev_ustack (abi/events.h); ustack(N) (depth N):
		    * the header with id -1, then N u64 frames (0 after the last) */
	TY_KSTACK, /* i64 stack id, u64 0 */
	TY_USYM,   /* u64 address, u64 pid: printed as a symbol */
	TY_FUNC,   /* u64 attach cookie: printed as the probed function */
	TY_PROBE,  /* u64 attach cookie: printed as the probe */
	TY_TIME,   /* strftime(): u64 format id, u64 nanoseconds */
	TY_GOTYPE, /* gotype(): u64 type descriptor address, u64 pid */
	TY_UCALLER, /* ucaller: as ustack(N), printed as the first frame's
		     * function outside Go's runtime */
	TY_ULINE,  /* uline(): u64 address, u64 pid: printed as file:line */
	TY_ERRNO,  /* strerror(): u64 errno, printed as its message */
	/* aggregations: map values only, one slot per CPU */
	TY_COUNT,
	TY_SUM,
	TY_AVG,	  /* i64 total, u64 count */
	TY_MIN,	  /* i64 value, u64 seen */
	TY_MAX,	  /* i64 value, u64 seen */
	TY_STATS, /* i64 total, u64 count */
	TY_HIST,  /* u64 count per bucket; the bucket is the key's last word */
	TY_LHIST,
};

struct type {
	enum type_kind kind;
	uint32_t size;	/* bytes */
	uint32_t align; /* bytes */
	bool is_signed; /* TY_INT, TY_SUM, TY_MIN, TY_MAX, TY_AVG, TY_STATS */
	uint8_t bits;	/* TY_INT: 8, 16, 32 or 64 */
	bool is_ptr;	/* TY_INT holding an address (printed the same) */
	/* TY_TUPLE */
	int nelems;
	struct type **elems;
	uint32_t *offsets;
	/* TY_LHIST */
	int64_t lmin, lmax, lstep;
	/* TY_USTACK: 0 for ustack, N for ustack(N); TY_UCALLER: N */
	uint16_t depth;
	/* TY_UCALLER: packages whose frames are skipped too, as
	 * "database/sql net/http" (ucaller("database/sql", "net/http")) */
	const char *skip;
};

/* Shared instances of the simple types. */
extern struct type ty_none, ty_int64, ty_uint64, ty_ustack, ty_kstack,
	ty_usym, ty_func, ty_probe, ty_time, ty_gotype, ty_count, ty_ucaller,
	ty_uline, ty_errno;

struct type *type_int(struct arena *a, int bits, bool is_signed);
struct type *type_str(struct arena *a, uint32_t size);
struct type *type_buf(struct arena *a, uint32_t datalen);
struct type *type_tuple(struct arena *a, struct type **elems, int n);
struct type *type_agg(struct arena *a, enum type_kind kind, bool is_signed);
struct type *type_lhist(struct arena *a, int64_t min, int64_t max,
			int64_t step);
/* ustack(N): N frames in the value. */
struct type *type_ustack_n(struct arena *a, int depth);
/* Bytes of a stack value of N frames (ustack(N), ucaller). */
#define STACK_VALUE_SIZE(n) (32 + 8 * (uint32_t)(n)) /* struct ev_ustack, N frames */
/* Frames ucaller keeps to find the first caller outside the runtime. */
#define UCALLER_DEPTH 16

bool type_equal(const struct type *a, const struct type *b);
bool type_is_agg(const struct type *t);
/* Values that codegen handles by address (strings, tuples, ...), not as an
 * i64 in a register. */
bool type_by_ref(const struct type *t);
/* "int64", "string[64]", "(int64, string[64])", "count", ... */
void type_print(const struct type *t, struct strbuf *out);
const char *type_kind_name(enum type_kind k);

/* Bytes of one per-CPU slot of an aggregation. */
uint32_t agg_slot_size(const struct type *t);

/* Number of hist buckets: index 0 for negative values, 1 for 0, then
 * [1,2), [2,4), ... up to 2^63. */
#define HIST_BUCKETS 66
/* lhist buckets: below min, (max - min) / step, at or above max. */
int64_t lhist_buckets(const struct type *t);

#endif
