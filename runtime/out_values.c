/* out_values.c - any value as text, as every output format shows it:
 * integers by their type's bits and sign, aggregations combined over the
 * CPUs, strings, buf(), tuples, stacks and symbols (named by
 * runtime/symbols.h), strftime(). Values are decoded by the layout rules
 * of sema/types.h. */
#include "runtime/out_format.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/symbols.h"

/* --- scalars ----------------------------------------------------------------- */

/* The u32 length at the start of a buf(). */
static uint32_t rd32(const void *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

/* An integer as its type says: cut to its bits, then sign-extended when
 * signed (a uint8 holding 0xff is 255, an int8 is -1). */
uint64_t out_int_bits(const struct type *t, uint64_t v)
{
	unsigned bits = t->bits ? t->bits : 64;
	if (bits >= 64)
		return v;
	uint64_t mask = (UINT64_C(1) << bits) - 1;
	v &= mask;
	if (t->is_signed && (v >> (bits - 1)) & 1)
		v |= ~mask;
	return v;
}

/* Divides as the value's sign says; div < 2 leaves it alone. */
uint64_t out_divide(uint64_t v, bool is_signed, int64_t div)
{
	if (div < 2)
		return v;
	if (is_signed)
		return (uint64_t)((int64_t)v / div);
	return v / (uint64_t)div;
}

/* -1, 0, 1 as a < b, a == b, a > b, compared as the sign says. */
int out_cmp64(uint64_t a, uint64_t b, bool is_signed)
{
	if (is_signed)
		return ((int64_t)a > (int64_t)b) - ((int64_t)a < (int64_t)b);
	return (a > b) - (a < b);
}

/* A 64-bit number in decimal, as its sign says. */
static void num_text(uint64_t v, bool is_signed, struct strbuf *sb)
{
	/* by hand: printf's machinery was a fifth of printing a big map */
	char buf[24], *p = buf + sizeof(buf);
	bool neg = is_signed && (int64_t)v < 0;
	uint64_t u = neg ? 0 - v : v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (neg)
		*--p = '-';
	sb_putn(sb, p, (size_t)(buf + sizeof(buf) - p));
}

/* --- aggregations ------------------------------------------------------------ */

/* Combines the per-CPU slots of an aggregation: counts and sums add up,
 * min and max take only the CPUs that saw a value, avg and stats divide
 * the summed total by the summed count. */
void out_agg_reduce(const struct output *o, const struct type *t,
		    const void *val, struct out_agg *a)
{
	uint32_t slot = agg_slot_size(t);
	int ncpus = o->ncpus > 0 ? o->ncpus : 1;
	bool seen = false;
	memset(a, 0, sizeof(*a));
	for (int cpu = 0; cpu < ncpus; cpu++) {
		const char *p = (const char *)val + (size_t)cpu * slot;
		uint64_t w0 = out_rd64(p);
		switch (t->kind) {
		case TY_AVG:
		case TY_STATS:
			a->total += w0;
			a->count += out_rd64(p + 8);
			break;
		case TY_MIN:
		case TY_MAX: {
			if (!out_rd64(p + 8))
				break; /* this CPU never saw a value */
			int c = out_cmp64(w0, a->v, t->is_signed);
			if (!seen || (t->kind == TY_MIN ? c < 0 : c > 0))
				a->v = w0;
			seen = true;
			break;
		}
		default: /* count, sum */
			a->v += w0;
		}
	}
	if (t->kind == TY_AVG || t->kind == TY_STATS) {
		if (!a->count)
			a->v = 0;
		else if (t->is_signed)
			a->v = (uint64_t)((int64_t)a->total / (int64_t)a->count);
		else
			a->v = a->total / a->count;
	}
}

/* Whether an aggregation's combined value is signed. */
static bool agg_signed(const struct type *t)
{
	return t->kind != TY_COUNT && t->is_signed;
}

/* An aggregation's value as text: one number, or stats' three. */
static void agg_text(const struct output *o, const struct type *t,
		     const void *val, int64_t div, struct strbuf *sb)
{
	struct out_agg a;
	out_agg_reduce(o, t, val, &a);
	if (t->kind == TY_STATS) {
		sb_printf(sb, "count %" PRId64 ", average %" PRId64
			      ", total %" PRId64,
			  (int64_t)a.count, (int64_t)a.v, (int64_t)a.total);
		return;
	}
	num_text(out_divide(a.v, agg_signed(t), div), agg_signed(t), sb);
}

/* --- everything else ----------------------------------------------------------- */

/* The frames of a stack value, innermost first, and the process a user
 * stack's frames belong to; 0 frames when the stack is gone. */
int out_stack(const struct output *o, const struct type *t, const void *data,
	      uint64_t ips[OUT_STACK_MAX], uint32_t *pid)
{
	const char *d = data;
	int n;
	if (t->kind == TY_USTACK || t->kind == TY_UCALLER) {
		/* ustack(N), ucaller: N frames after the header */
		*pid = USTACK_PID(out_rd64(d + offsetof(struct ev_ustack, meta)));
		n = syms_ustack(o->syms, data, t->depth ? (const uint64_t *)(d + sizeof(struct ev_ustack)) : NULL,
				t->depth, ips, OUT_STACK_MAX);
		if (t->depth)
			n = MIN(n, (int)t->depth);
		return MAX(0, MIN(n, OUT_STACK_MAX));
	}
	*pid = (uint32_t)out_rd64(d + 8);
	n = syms_kstack(o->syms, (int64_t)out_rd64(d), ips, OUT_STACK_MAX);
	return MAX(0, MIN(n, OUT_STACK_MAX));
}

/* Is the function named in one of the packages of skip ("database/sql
 * net/http"), or in one of their subpackages? */
static bool in_packages(const char *name, const char *skip)
{
	for (const char *p = skip; p && *p;) {
		size_t len = strcspn(p, " ");
		if (!strncmp(name, p, len) && (name[len] == '.' || name[len] == '/'))
			return true;
		p += len;
		p += *p == ' ';
	}
	return false;
}

/* ucaller: the function of the first frame outside Go's runtime (and
 * outside the packages of ucaller("pkg", ...)); when every frame is in
 * them (the runtime's own goroutines), the outermost frame's but
 * runtime.goexit's, where each goroutine starts. */
static void caller_text(const struct output *o, const struct type *t, const void *data,
			struct strbuf *sb)
{
	uint64_t ips[OUT_STACK_MAX];
	uint32_t pid;
	int n = out_stack(o, t, data, ips, &pid);
	struct strbuf name;
	sb_init(&name);
	struct strbuf last;
	sb_init(&last);
	bool found = false;
	for (int i = 0; i < n && !found; i++) {
		sb_reset(&name);
		syms_usym(o->syms, ips[i], pid, &name);
		const char *s = name.s ? name.s : "";
		found = !gobin_is_runtime_func(s) && !in_packages(s, t->skip);
		if (strcmp(s, "runtime.goexit") && strcmp(s, "runtime.goexit.abi0")) {
			sb_reset(&last);
			sb_puts(&last, s);
		}
	}
	sb_puts(sb, found ? name.s : last.s ? last.s : "[unknown]");
	sb_free(&name);
	sb_free(&last);
}

/* uline(): "file.go:LINE", the file's base name, of the innermost source
 * frame at the address; the address when the binary does not know. */
static void line_text(const struct output *o, const void *data, struct strbuf *sb)
{
	uint64_t addr = out_rd64(data);
	struct gosrc src[OUT_INLINE_MAX];
	const char *bin;
	int n = syms_usrc(o->syms, addr, (uint32_t)out_rd64((const char *)data + 8), false, src,
			  OUT_INLINE_MAX, &bin);
	if (n < 1 || !src[0].file) {
		sb_printf(sb, "0x%llx", (unsigned long long)addr);
		return;
	}
	const char *base = strrchr(src[0].file, '/');
	sb_printf(sb, "%s:%d", base ? base + 1 : src[0].file, src[0].line);
}

/* A stack as bpftrace shows it: a newline, then one indented frame per
 * line; nothing when the stack is gone. */
static void stack_text(const struct output *o, const struct type *t,
		       const void *data, int indent, struct strbuf *sb)
{
	uint64_t ips[OUT_STACK_MAX];
	uint32_t pid;
	int n = out_stack(o, t, data, ips, &pid);
	if (!n)
		return;
	sb_putc(sb, '\n');
	for (int i = 0; i < n; i++) {
		sb_printf(sb, "%*s", indent, "");
		if (t->kind == TY_USTACK)
			syms_usym_off(o->syms, ips[i], pid, sb);
		else
			syms_ksym_off(o->syms, ips[i], sb);
		sb_putc(sb, '\n');
	}
}

/* buf(): printable ASCII as is, every other byte as \xNN. */
static void buf_text(const struct type *t, const void *data, struct strbuf *sb)
{
	const unsigned char *p = (const unsigned char *)data + 8;
	uint32_t len = MIN(rd32(data), t->size - 8);
	for (uint32_t i = 0; i < len; i++) {
		if (p[i] >= 32 && p[i] <= 126)
			sb_putc(sb, (char)p[i]);
		else
			sb_printf(sb, "\\x%02x", p[i]);
	}
}

size_t out_strftime(struct strbuf *sb, const char *fmt, const struct tm *tm)
{
	/* strftime says 0 both when the buffer is too small and when the
	 * text is empty: grow up to a limit before believing it */
	for (size_t cap = 256; cap <= OUT_STRFTIME_MAX; cap *= 4) {
		char *buf = xmalloc(cap);
		size_t n = strftime(buf, cap, fmt, tm);
		if (n) {
			sb_putn(sb, buf, n);
			free(buf);
			return n;
		}
		free(buf);
	}
	return 0;
}

/* strftime() with bpftrace's %f (microseconds); "(?)" when it fails. */
static void time_text(const struct output *o, const void *data,
		      struct strbuf *sb)
{
	uint64_t id = out_rd64(data), ns = out_rd64((const char *)data + 8);
	if (!o->sema || id >= o->sema->fmts.n || !o->sema->fmts.v[id].fmt) {
		sb_puts(sb, "(?)");
		return;
	}
	struct timespec rt, mono;
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	int64_t off = ((int64_t)rt.tv_sec - mono.tv_sec) * 1000000000 +
		      (rt.tv_nsec - mono.tv_nsec);
	int64_t wall = off + (int64_t)ns;
	time_t secs = (time_t)(wall / 1000000000);
	long usec = (long)(wall % 1000000000) / 1000;

	struct strbuf fmt;
	sb_init(&fmt);
	for (const char *p = o->sema->fmts.v[id].fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 'f') {
			sb_printf(&fmt, "%06ld", usec);
			p++;
		} else if (p[0] == '%' && p[1]) {
			sb_putn(&fmt, p, 2);
			p++;
		} else {
			sb_putc(&fmt, *p);
		}
	}
	struct tm tm;
	size_t n = 0;
	if (fmt.len && localtime_r(&secs, &tm))
		n = out_strftime(sb, fmt.s, &tm);
	if (!n)
		sb_puts(sb, "(?)");
	sb_free(&fmt);
}

/* Any value as text; stacks indent their frames by `indent`, div divides
 * numbers (print(@m, top, div)). */
void out_value(const struct output *o, const struct type *t, const void *data,
	       int indent, int64_t div, struct strbuf *sb)
{
	const char *s;
	switch (t->kind) {
	case TY_NONE:
		break;
	case TY_INT:
		num_text(out_divide(out_int_bits(t, out_rd64(data)), t->is_signed, div),
			 t->is_signed, sb);
		break;
	case TY_STR:
		sb_putn(sb, data, strnlen(data, t->size));
		break;
	case TY_BUF:
		buf_text(t, data, sb);
		break;
	case TY_TUPLE:
		sb_putc(sb, '(');
		for (int i = 0; i < t->nelems; i++) {
			if (i)
				sb_puts(sb, ", ");
			out_value(o, t->elems[i], (const char *)data + t->offsets[i],
				  indent, 1, sb);
		}
		sb_putc(sb, ')');
		break;
	case TY_USTACK:
	case TY_KSTACK:
		stack_text(o, t, data, indent, sb);
		break;
	case TY_USYM:
		syms_usym(o->syms, out_rd64(data),
			  (uint32_t)out_rd64((const char *)data + 8), sb);
		break;
	case TY_FUNC:
		s = syms_func(o->syms, out_rd64(data));
		sb_puts(sb, s ? s : "");
		break;
	case TY_PROBE:
		s = syms_probe(o->syms, out_rd64(data));
		sb_puts(sb, s ? s : "");
		break;
	case TY_TIME:
		time_text(o, data, sb);
		break;
	case TY_GOTYPE:
		if (!out_rd64(data)) /* a nil interface, or mallocgc's nil type */
			sb_puts(sb, "(nil)");
		else
			syms_gotype(o->syms, out_rd64(data),
				    (uint32_t)out_rd64((const char *)data + 8), sb);
		break;
	case TY_UCALLER:
		caller_text(o, t, data, sb);
		break;
	case TY_ULINE:
		line_text(o, data, sb);
		break;
	case TY_ERRNO: {
		int64_t e = (int64_t)out_rd64(data);
		sb_puts(sb, strerror((int)(e < 0 ? -e : e)));
		break;
	}
	case TY_COUNT:
	case TY_SUM:
	case TY_AVG:
	case TY_MIN:
	case TY_MAX:
	case TY_STATS:
		agg_text(o, t, data, div, sb);
		break;
	case TY_HIST:
	case TY_LHIST:
		break; /* printed whole by the formats' map */
	}
}
