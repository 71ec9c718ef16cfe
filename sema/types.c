/* types.c - constructing, comparing and naming types. */
#include "sema/types.h"

#include <inttypes.h>
#include <string.h>

struct type ty_none = { .kind = TY_NONE };
struct type ty_int64 = { .kind = TY_INT, .size = 8, .align = 8, .is_signed = true, .bits = 64 };
struct type ty_uint64 = { .kind = TY_INT, .size = 8, .align = 8, .bits = 64 };
struct type ty_ustack = { .kind = TY_USTACK, .size = 32, .align = 8 }; /* struct ev_ustack */
struct type ty_kstack = { .kind = TY_KSTACK, .size = 16, .align = 8 };
struct type ty_usym = { .kind = TY_USYM, .size = 16, .align = 8 };
struct type ty_func = { .kind = TY_FUNC, .size = 8, .align = 8 };
struct type ty_probe = { .kind = TY_PROBE, .size = 8, .align = 8 };
struct type ty_time = { .kind = TY_TIME, .size = 16, .align = 8 };
struct type ty_gotype = { .kind = TY_GOTYPE, .size = 16, .align = 8 };
struct type ty_count = { .kind = TY_COUNT, .size = 8, .align = 8 };
struct type ty_ucaller = { .kind = TY_UCALLER, .size = STACK_VALUE_SIZE(UCALLER_DEPTH), .align = 8,
			   .depth = UCALLER_DEPTH };
struct type ty_uline = { .kind = TY_ULINE, .size = 16, .align = 8 };
struct type ty_errno = { .kind = TY_ERRNO, .size = 8, .align = 8 };

struct type *type_int(struct arena *a, int bits, bool is_signed)
{
	if (bits == 64)
		return is_signed ? &ty_int64 : &ty_uint64;
	struct type *t = arena_alloc(a, sizeof(*t));
	t->kind = TY_INT;
	t->size = 8;
	t->align = 8;
	t->bits = (uint8_t)bits;
	t->is_signed = is_signed;
	return t;
}

struct type *type_str(struct arena *a, uint32_t size)
{
	struct type *t = arena_alloc(a, sizeof(*t));
	t->kind = TY_STR;
	t->size = size;
	t->align = 8; /* sizes are multiples of 8: copies move whole words */
	return t;
}

struct type *type_buf(struct arena *a, uint32_t datalen)
{
	struct type *t = arena_alloc(a, sizeof(*t));
	t->kind = TY_BUF;
	t->size = (uint32_t)ALIGN_UP(8 + datalen, 8);
	t->align = 8;
	return t;
}

struct type *type_tuple(struct arena *a, struct type **elems, int n)
{
	struct type *t = arena_alloc(a, sizeof(*t));
	t->kind = TY_TUPLE;
	t->nelems = n;
	t->elems = arena_alloc(a, sizeof(*elems) * (size_t)n);
	t->offsets = arena_alloc(a, sizeof(uint32_t) * (size_t)n);
	uint32_t off = 0;
	for (int i = 0; i < n; i++) {
		uint32_t al = elems[i]->align ? elems[i]->align : 1;
		off = (uint32_t)ALIGN_UP(off, al);
		t->elems[i] = elems[i];
		t->offsets[i] = off;
		off += elems[i]->size;
	}
	t->align = 8; /* every element is 8-aligned and a multiple of 8 long */
	t->size = (uint32_t)ALIGN_UP(off, 8);
	return t;
}

struct type *type_agg(struct arena *a, enum type_kind kind, bool is_signed)
{
	if (kind == TY_COUNT)
		return &ty_count;
	struct type *t = arena_alloc(a, sizeof(*t));
	t->kind = kind;
	t->is_signed = is_signed;
	t->align = 8;
	t->size = agg_slot_size(t);
	return t;
}

struct type *type_lhist(struct arena *a, int64_t min, int64_t max, int64_t step)
{
	struct type *t = type_agg(a, TY_LHIST, false);
	t->lmin = min;
	t->lmax = max;
	t->lstep = step;
	return t;
}

struct type *type_ustack_n(struct arena *a, int depth)
{
	struct type *t = arena_alloc(a, sizeof(*t));
	t->kind = TY_USTACK;
	t->depth = (uint16_t)depth;
	t->size = STACK_VALUE_SIZE(depth);
	t->align = 8;
	return t;
}

uint32_t agg_slot_size(const struct type *t)
{
	switch (t->kind) {
	case TY_AVG:
	case TY_MIN:
	case TY_MAX:
	case TY_STATS:
		return 16;
	default:
		return 8;
	}
}

int64_t lhist_buckets(const struct type *t)
{
	return (t->lmax - t->lmin) / t->lstep + 2;
}

bool type_is_agg(const struct type *t)
{
	return t->kind >= TY_COUNT;
}

bool type_by_ref(const struct type *t)
{
	switch (t->kind) {
	case TY_STR:
	case TY_BUF:
	case TY_TUPLE:
	case TY_USTACK:
	case TY_KSTACK:
	case TY_USYM:
	case TY_TIME:
	case TY_GOTYPE:
	case TY_UCALLER:
	case TY_ULINE:
		return true;
	default:
		return false;
	}
}

bool type_equal(const struct type *a, const struct type *b)
{
	if (a == b)
		return true;
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case TY_INT:
		return true; /* all integers are 8 bytes; sign follows first use */
	case TY_STR:
	case TY_BUF:
		return a->size == b->size;
	case TY_TUPLE:
		if (a->nelems != b->nelems)
			return false;
		for (int i = 0; i < a->nelems; i++)
			if (!type_equal(a->elems[i], b->elems[i]))
				return false;
		return true;
	case TY_LHIST:
		return a->lmin == b->lmin && a->lmax == b->lmax && a->lstep == b->lstep;
	case TY_USTACK:
		return a->depth == b->depth;
	case TY_UCALLER:
		return !strcmp(a->skip ? a->skip : "", b->skip ? b->skip : "");
	default:
		return true;
	}
}

const char *type_kind_name(enum type_kind k)
{
	static const char *const names[] = {
		[TY_NONE] = "none",	  [TY_INT] = "integer",	  [TY_STR] = "string",
		[TY_BUF] = "buffer",	  [TY_TUPLE] = "tuple",	  [TY_USTACK] = "ustack",
		[TY_KSTACK] = "kstack",	  [TY_USYM] = "usym",	  [TY_FUNC] = "func",
		[TY_PROBE] = "probe",	  [TY_TIME] = "timestamp", [TY_GOTYPE] = "gotype",
		[TY_UCALLER] = "ucaller", [TY_ULINE] = "uline",	  [TY_ERRNO] = "errno",
		[TY_COUNT] = "count",
		[TY_SUM] = "sum",	  [TY_AVG] = "avg",	  [TY_MIN] = "min",
		[TY_MAX] = "max",	  [TY_STATS] = "stats",	  [TY_HIST] = "hist",
		[TY_LHIST] = "lhist",
	};
	return names[k];
}

void type_print(const struct type *t, struct strbuf *out)
{
	switch (t->kind) {
	case TY_INT:
		sb_printf(out, "%sint%d", t->is_signed ? "" : "u", t->bits);
		break;
	case TY_STR:
		sb_printf(out, "string[%u]", t->size);
		break;
	case TY_BUF:
		sb_printf(out, "buffer[%u]", t->size - 8);
		break;
	case TY_TUPLE:
		sb_putc(out, '(');
		for (int i = 0; i < t->nelems; i++) {
			if (i)
				sb_puts(out, ", ");
			type_print(t->elems[i], out);
		}
		sb_putc(out, ')');
		break;
	case TY_LHIST:
		sb_printf(out, "lhist(%" PRId64 ", %" PRId64 ", %" PRId64 ")", t->lmin,
			  t->lmax, t->lstep);
		break;
	case TY_USTACK:
		if (t->depth)
			sb_printf(out, "ustack(%u)", t->depth);
		else
			sb_puts(out, "ustack");
		break;
	default:
		sb_puts(out, type_kind_name(t->kind));
	}
}
