/* output.c - every byte gotrace prints, in bpftrace's text layout or as
 * bpftrace's JSON lines.
 *
 * The layouts were copied from what bpftrace 0.17 prints (docs/output.md
 * lists them and the few places where we knowingly differ). Values are
 * decoded by the layout rules of sema/types.h; names for addresses, stacks
 * and probes come from runtime/symbols.h. */
#include "runtime/output.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "abi/events.h"
#include "runtime/symbols.h"

#define KEY_INDENT 4	/* stack frames inside map keys */
#define VALUE_INDENT 8	/* stack frames anywhere else */
#define BAR_WIDTH 52	/* '@' columns of a histogram bar */
#define STACK_MAX (STACK_DEPTH + 1) /* frames, with the return address */

/* --- scalars ----------------------------------------------------------------- */

/* Unaligned little-endian reads from map and event bytes. */
static uint64_t rd64(const void *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

/* The u32 length at the start of a buf(). */
static uint32_t rd32(const void *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

/* An integer as its type says: cut to its bits, then sign-extended when
 * signed (a uint8 holding 0xff is 255, an int8 is -1). */
static uint64_t int_bits(const struct type *t, uint64_t v)
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
static uint64_t divide(uint64_t v, bool is_signed, int64_t div)
{
	if (div < 2)
		return v;
	if (is_signed)
		return (uint64_t)((int64_t)v / div);
	return v / (uint64_t)div;
}

/* -1, 0, 1 as a < b, a == b, a > b, compared as the sign says. */
static int cmp64(uint64_t a, uint64_t b, bool is_signed)
{
	if (is_signed)
		return ((int64_t)a > (int64_t)b) - ((int64_t)a < (int64_t)b);
	return (a > b) - (a < b);
}

/* A 64-bit number in decimal, as its sign says. */
static void num_text(uint64_t v, bool is_signed, struct strbuf *sb)
{
	if (is_signed)
		sb_printf(sb, "%" PRId64, (int64_t)v);
	else
		sb_printf(sb, "%" PRIu64, v);
}

/* --- aggregations ------------------------------------------------------------ */

/* An aggregation's per-CPU slots combined. */
struct agg {
	uint64_t v;	/* count, sum, min, max; avg/stats: the average */
	uint64_t total; /* avg/stats */
	uint64_t count; /* avg/stats */
};

/* Combines the per-CPU slots of an aggregation: counts and sums add up,
 * min and max take only the CPUs that saw a value, avg and stats divide
 * the summed total by the summed count. */
static void agg_reduce(const struct output *o, const struct type *t,
		       const void *val, struct agg *a)
{
	uint32_t slot = agg_slot_size(t);
	int ncpus = o->ncpus > 0 ? o->ncpus : 1;
	bool seen = false;
	memset(a, 0, sizeof(*a));
	for (int cpu = 0; cpu < ncpus; cpu++) {
		const char *p = (const char *)val + (size_t)cpu * slot;
		uint64_t w0 = rd64(p);
		switch (t->kind) {
		case TY_AVG:
		case TY_STATS:
			a->total += w0;
			a->count += rd64(p + 8);
			break;
		case TY_MIN:
		case TY_MAX: {
			if (!rd64(p + 8))
				break; /* this CPU never saw a value */
			int c = cmp64(w0, a->v, t->is_signed);
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

/* --- values as text ---------------------------------------------------------- */

static void value_text(const struct output *o, const struct type *t,
		       const void *data, int indent, int64_t div,
		       struct strbuf *sb);

/* A stack as bpftrace shows it: a newline, then one indented frame per
 * line; nothing when the stack is gone. */
static void stack_text(const struct output *o, const struct type *t,
		       const void *data, int indent, struct strbuf *sb)
{
	uint64_t ips[STACK_MAX];
	int64_t id = (int64_t)rd64(data);
	uint64_t pid = rd64((const char *)data + 8);
	int n;
	if (t->kind == TY_USTACK)
		n = syms_ustack(o->syms, id, rd64((const char *)data + 16), ips,
				STACK_MAX);
	else
		n = syms_kstack(o->syms, id, ips, STACK_MAX);
	if (n <= 0)
		return;
	sb_putc(sb, '\n');
	for (int i = 0; i < n && i < STACK_MAX; i++) {
		sb_printf(sb, "%*s", indent, "");
		if (t->kind == TY_USTACK)
			syms_usym_off(o->syms, ips[i], (uint32_t)pid, sb);
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

/* strftime() with bpftrace's %f (microseconds); "(?)" when it fails. */
static void time_text(const struct output *o, const void *data,
		      struct strbuf *sb)
{
	uint64_t id = rd64(data), ns = rd64((const char *)data + 8);
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
	char out[1024];
	size_t n = 0;
	if (fmt.len && localtime_r(&secs, &tm))
		n = strftime(out, sizeof(out), fmt.s, &tm);
	if (n)
		sb_putn(sb, out, n);
	else
		sb_puts(sb, "(?)");
	sb_free(&fmt);
}

/* An aggregation's value as text: one number, or stats' three. */
static void agg_text(const struct output *o, const struct type *t,
		     const void *val, int64_t div, struct strbuf *sb)
{
	struct agg a;
	agg_reduce(o, t, val, &a);
	if (t->kind == TY_STATS) {
		sb_printf(sb, "count %" PRId64 ", average %" PRId64
			      ", total %" PRId64,
			  (int64_t)a.count, (int64_t)a.v, (int64_t)a.total);
		return;
	}
	num_text(divide(a.v, agg_signed(t), div), agg_signed(t), sb);
}

/* Any value as text; stacks indent their frames by `indent`, div divides
 * numbers (print(@m, top, div)). */
static void value_text(const struct output *o, const struct type *t,
		       const void *data, int indent, int64_t div,
		       struct strbuf *sb)
{
	const char *s;
	switch (t->kind) {
	case TY_NONE:
		break;
	case TY_INT:
		num_text(divide(int_bits(t, rd64(data)), t->is_signed, div),
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
			value_text(o, t->elems[i],
				   (const char *)data + t->offsets[i], indent, 1,
				   sb);
		}
		sb_putc(sb, ')');
		break;
	case TY_USTACK:
	case TY_KSTACK:
		stack_text(o, t, data, indent, sb);
		break;
	case TY_USYM:
		syms_usym(o->syms, rd64(data),
			  (uint32_t)rd64((const char *)data + 8), sb);
		break;
	case TY_FUNC:
		s = syms_func(o->syms, rd64(data));
		sb_puts(sb, s ? s : "");
		break;
	case TY_PROBE:
		s = syms_probe(o->syms, rd64(data));
		sb_puts(sb, s ? s : "");
		break;
	case TY_TIME:
		time_text(o, data, sb);
		break;
	case TY_GOTYPE:
		syms_gotype(o->syms, rd64(data), (uint32_t)rd64((const char *)data + 8), sb);
		break;
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
		break; /* printed whole by out_map */
	}
}

/* %s and print() show values with stack frames indented by 8. */
void out_value_text(struct output *o, const struct type *t, const void *data,
		    struct strbuf *sb)
{
	value_text(o, t, data, VALUE_INDENT, 1, sb);
}

/* --- JSON -------------------------------------------------------------------- */

/* bpftrace's escaping: quote, backslash, \n \r \t, other control bytes
 * as \u00XX; bytes from 0x80 up pass through, so UTF-8 stays UTF-8. */
static void json_escape(const char *s, size_t n, struct strbuf *sb)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"':
			sb_puts(sb, "\\\"");
			break;
		case '\\':
			sb_puts(sb, "\\\\");
			break;
		case '\n':
			sb_puts(sb, "\\n");
			break;
		case '\r':
			sb_puts(sb, "\\r");
			break;
		case '\t':
			sb_puts(sb, "\\t");
			break;
		default:
			if (c < 0x20)
				sb_printf(sb, "\\u%04x", c);
			else
				sb_putc(sb, (char)c);
		}
	}
}

/* "text", escaped. */
static void json_string(const char *s, size_t n, struct strbuf *sb)
{
	sb_putc(sb, '"');
	json_escape(s, n, sb);
	sb_putc(sb, '"');
}

/* A value as JSON: numbers bare, tuples as arrays, stats as an object,
 * everything else as a string of its text. */
static void value_json(const struct output *o, const struct type *t,
		       const void *data, int64_t div, struct strbuf *sb)
{
	struct strbuf tmp;
	switch (t->kind) {
	case TY_INT:
	case TY_COUNT:
	case TY_SUM:
	case TY_AVG:
	case TY_MIN:
	case TY_MAX:
		value_text(o, t, data, VALUE_INDENT, div, sb);
		return;
	case TY_STATS: {
		struct agg a;
		agg_reduce(o, t, data, &a);
		sb_printf(sb, "{\"count\": %" PRId64 ", \"average\": %" PRId64
			      ", \"total\": %" PRId64 "}",
			  (int64_t)a.count, (int64_t)a.v, (int64_t)a.total);
		return;
	}
	case TY_TUPLE:
		sb_putc(sb, '[');
		for (int i = 0; i < t->nelems; i++) {
			if (i)
				sb_putc(sb, ',');
			value_json(o, t->elems[i],
				   (const char *)data + t->offsets[i], 1, sb);
		}
		sb_putc(sb, ']');
		return;
	default:
		sb_init(&tmp);
		value_text(o, t, data, VALUE_INDENT, 1, &tmp);
		json_string(tmp.s ? tmp.s : "", tmp.len, sb);
		sb_free(&tmp);
	}
}

/* {"type": "TYPE", "data": "MSG"} */
static void json_message(struct output *o, const char *type, const char *msg,
			 size_t n)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_printf(&sb, "{\"type\": \"%s\", \"data\": ", type);
	json_string(msg, n, &sb);
	sb_puts(&sb, "}\n");
	fwrite(sb.s, 1, sb.len, o->f);
	sb_free(&sb);
}

/* --- printf ------------------------------------------------------------------ */

/* One conversion of a printf format, %[flags][width][.prec][len]conv, made
 * into a C format for one 64-bit argument. Returns the bytes it spans, or
 * 0 when it is no conversion we know. */
static size_t parse_conv(const char *p, struct strbuf *spec, char *conv)
{
	const char *q = p + 1;
	sb_reset(spec);
	sb_putc(spec, '%');
	while (*q && strchr("-0+ #", *q))
		sb_putc(spec, *q++);
	while (*q >= '0' && *q <= '9')
		sb_putc(spec, *q++);
	if (*q == '.') {
		sb_putc(spec, *q++);
		while (*q >= '0' && *q <= '9')
			sb_putc(spec, *q++);
	}
	while (*q && strchr("hljzt", *q))
		q++; /* every integer is 64 bits */
	if (!*q || !strchr("diuxXocsrp", *q))
		return 0;
	*conv = *q;
	return (size_t)(q + 1 - p);
}

/* Formats one argument by its conversion. */
static void format_arg(const struct output *o, struct strbuf *spec, char conv,
		       const struct type *t, const void *data, struct strbuf *sb)
{
	bool is_int = t->kind == TY_INT;
	uint64_t v = is_int ? int_bits(t, rd64(data)) : 0;
	if (is_int && t->bits && t->bits < 64 && strchr("uxXo", conv))
		v &= (UINT64_C(1) << t->bits) - 1; /* as C would: (unsigned)(int)-1 */
	if (!is_int && conv != 'r')
		conv = 's'; /* text of any other value */
	switch (conv) {
	case 'd':
	case 'i':
		sb_puts(spec, "lld");
		sb_printf(sb, spec->s, (long long)v);
		break;
	case 'u':
	case 'x':
	case 'X':
	case 'o':
		sb_printf(spec, "ll%c", conv);
		sb_printf(sb, spec->s, (unsigned long long)v);
		break;
	case 'c':
		sb_putc(spec, 'c');
		sb_printf(sb, spec->s, (int)(unsigned char)v);
		break;
	case 'p':
		sb_putc(spec, 'p');
		sb_printf(sb, spec->s, (void *)(uintptr_t)v);
		break;
	default: { /* s, r */
		struct strbuf text;
		sb_init(&text);
		value_text(o, t, data, VALUE_INDENT, 1, &text);
		sb_putc(spec, 's');
		sb_printf(sb, spec->s, text.s ? text.s : "");
		sb_free(&text);
	}
	}
}

/* The text of printf(fmt, args...): args laid out as the tuple `args`. */
static void format_printf(const struct output *o, const char *fmt,
			  const struct type *args, const void *payload,
			  struct strbuf *sb)
{
	struct strbuf spec;
	int argi = 0, nargs = args && args->kind == TY_TUPLE ? args->nelems : 0;
	sb_init(&spec);
	for (const char *p = fmt; *p;) {
		char conv;
		size_t n;
		if (*p != '%') {
			sb_putc(sb, *p++);
		} else if (p[1] == '%') {
			sb_putc(sb, '%');
			p += 2;
		} else if (!(n = parse_conv(p, &spec, &conv)) || argi >= nargs) {
			sb_putc(sb, *p++);
		} else {
			format_arg(o, &spec, conv, args->elems[argi],
				   (const char *)payload + args->offsets[argi], sb);
			argi++;
			p += n;
		}
	}
	sb_free(&spec);
}

/* The format of an event id, or NULL for an id we do not know. */
static const struct fmtinfo *fmt_of(const struct output *o, int id)
{
	if (!o->sema || id < 0 || (size_t)id >= o->sema->fmts.n)
		return NULL;
	return &o->sema->fmts.v[id];
}

/* printf(): the formatted text as is, or {"type": "printf", "data": ...}. */
void out_printf(struct output *o, int fmt_id, const void *payload)
{
	const struct fmtinfo *fi = fmt_of(o, fmt_id);
	if (!fi || !fi->fmt)
		return;
	struct strbuf sb;
	sb_init(&sb);
	format_printf(o, fi->fmt, fi->args, payload, &sb);
	if (o->format == OUT_JSON)
		json_message(o, "printf", sb.s ? sb.s : "", sb.len);
	else if (sb.len)
		fwrite(sb.s, 1, sb.len, o->f);
	sb_free(&sb);
}

/* print(value): the value and a newline, or {"type": "value", ...}. */
void out_print_value(struct output *o, int fmt_id, const void *payload)
{
	const struct fmtinfo *fi = fmt_of(o, fmt_id);
	if (!fi || !fi->args)
		return;
	struct strbuf sb;
	sb_init(&sb);
	if (o->format == OUT_JSON) {
		sb_puts(&sb, "{\"type\": \"value\", \"data\": ");
		value_json(o, fi->args, payload, 1, &sb);
		sb_puts(&sb, "}\n");
	} else {
		value_text(o, fi->args, payload, VALUE_INDENT, 1, &sb);
		sb_putc(&sb, '\n');
	}
	fwrite(sb.s, 1, sb.len, o->f);
	sb_free(&sb);
}

/* time(fmt): the wall clock now, through strftime; nothing when strftime
 * gives nothing (bpftrace then complains on stderr). */
void out_time(struct output *o, int fmt_id)
{
	const struct fmtinfo *fi = fmt_of(o, fmt_id);
	if (!fi || !fi->fmt)
		return;
	char buf[1024];
	struct tm tm;
	time_t now = time(NULL);
	size_t n = 0;
	if (localtime_r(&now, &tm))
		n = strftime(buf, sizeof(buf), fi->fmt, &tm);
	if (!n)
		return;
	if (o->format == OUT_JSON)
		json_message(o, "time", buf, n);
	else
		fwrite(buf, 1, n, o->f);
}

/* --- map rows and their order ------------------------------------------------- */

enum map_style {
	MS_PLAIN, /* "@m[k]: v" lines */
	MS_HIST,  /* a histogram per key */
	MS_STATS, /* avg and stats: a blank line after the map */
};

/* How a map of this value type is laid out. */
static enum map_style map_style(const struct type *v)
{
	switch (v->kind) {
	case TY_HIST:
	case TY_LHIST:
		return MS_HIST;
	case TY_AVG:
	case TY_STATS:
		return MS_STATS;
	default:
		return MS_PLAIN;
	}
}

/* How a map's rows are ordered: by a number (ascending), else by key. */
enum sort_by { BY_KEY, BY_SIGNED, BY_UNSIGNED };

struct order {
	const struct mapinfo *m;
	enum sort_by by;
	bool tie_bytes; /* ties by key bytes (hist, avg, stats), else by key */
};

/* One printed entry: a map entry, or for hist maps one user key with its
 * buckets summed over the CPUs. */
struct row {
	const void *key;
	const void *val;
	uint64_t *counts;
	uint64_t by; /* the number it sorts by */
	const struct order *ord;
};

/* bpftrace's key order: element by element, integers as unsigned,
 * strings by strncmp; other elements do not order. */
static int key_cmp(const struct mapinfo *m, const void *a, const void *b)
{
	const struct type *k = m->key;
	int n = 1;
	if (!m->nkeys)
		return 0;
	if (m->nkeys >= 2 && k->kind == TY_TUPLE)
		n = k->nelems;
	for (int i = 0; i < n; i++) {
		const struct type *e = m->nkeys >= 2 ? k->elems[i] : k;
		uint32_t off = m->nkeys >= 2 ? k->offsets[i] : 0;
		const char *x = (const char *)a + off, *y = (const char *)b + off;
		int c = 0;
		if (e->kind == TY_INT) {
			c = cmp64(rd64(x), rd64(y), false);
		} else if (e->kind == TY_STR) {
			c = strncmp(x, y, e->size);
		}
		if (c)
			return c;
	}
	return 0;
}

/* Rows in bpftrace's order: the number, then the key; always total so the
 * output does not depend on the kernel's hash order. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	const struct order *ord = a->ord;
	int c = ord->by == BY_KEY ? 0 : cmp64(a->by, b->by, ord->by == BY_SIGNED);
	if (!c && !ord->tie_bytes)
		c = key_cmp(ord->m, a->key, b->key);
	if (!c)
		c = memcmp(a->key, b->key, ord->m->key->size);
	return c;
}

/* What a map's rows sort by: the value for numbers (avg and stats by the
 * average, hist by the total count), the key for everything else. */
static void row_order(const struct output *o, struct row *r)
{
	const struct type *v = r->ord->m->val;
	struct agg a;
	switch (v->kind) {
	case TY_INT:
		r->by = int_bits(v, rd64(r->val));
		break;
	case TY_COUNT:
	case TY_SUM:
	case TY_MIN:
	case TY_MAX:
	case TY_AVG:
	case TY_STATS:
		agg_reduce(o, v, r->val, &a);
		r->by = a.v;
		break;
	default:
		break;
	}
}

/* Hist entries by user key bytes, then bucket, so that a key's buckets
 * are adjacent. */
static int hent_cmp(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	uint32_t ks = a->ord->m->key->size;
	int c = memcmp(a->key, b->key, ks);
	if (c)
		return c;
	return cmp64(rd64((const char *)a->key + ks), rd64((const char *)b->key + ks), false);
}

/* Buckets of a hist or lhist (a malformed lhist gets just below/above). */
static int64_t nbuckets(const struct type *v)
{
	if (v->kind == TY_HIST)
		return HIST_BUCKETS;
	return v->lstep > 0 && v->lmax > v->lmin ? lhist_buckets(v) : 2;
}

/* Groups hist entries (user key, bucket) by user key; returns the rows,
 * each with its bucket counts summed over the CPUs. */
static size_t hist_rows(const struct output *o, const struct order *ord,
			const struct map_entry *e, size_t n, struct row *rows)
{
	const struct mapinfo *m = ord->m;
	uint32_t ks = m->key->size;
	int64_t nb = nbuckets(m->val);
	int ncpus = o->ncpus > 0 ? o->ncpus : 1;
	struct row *ents = xcalloc(n ? n : 1, sizeof(*ents));
	size_t nrows = 0;
	for (size_t i = 0; i < n; i++)
		ents[i] = (struct row){ .key = e[i].key, .val = e[i].val, .ord = ord };
	qsort(ents, n, sizeof(*ents), hent_cmp);
	for (size_t i = 0; i < n; i++) {
		if (!nrows || memcmp(rows[nrows - 1].key, ents[i].key, ks)) {
			rows[nrows] = (struct row){ .key = ents[i].key, .ord = ord };
			rows[nrows].counts = xcalloc((size_t)nb, sizeof(uint64_t));
			nrows++;
		}
		struct row *r = &rows[nrows - 1];
		uint64_t b = rd64((const char *)ents[i].key + ks), sum = 0;
		if (b >= (uint64_t)nb)
			continue;
		for (int cpu = 0; cpu < ncpus; cpu++)
			sum += rd64((const char *)ents[i].val + (size_t)cpu * 8);
		r->counts[b] += sum;
		r->by += sum;
	}
	free(ents);
	return nrows;
}

/* The rows of a map in bpftrace's order. */
static size_t map_rows(const struct output *o, struct order *ord,
		       const struct map_entry *e, size_t n, struct row **out)
{
	const struct type *v = ord->m->val;
	struct row *rows = xcalloc(n ? n : 1, sizeof(*rows));
	size_t nrows = n;
	ord->tie_bytes = map_style(v) != MS_PLAIN;
	switch (v->kind) {
	case TY_HIST:
	case TY_LHIST:
		ord->by = BY_UNSIGNED;
		break;
	case TY_INT:
	case TY_SUM:
	case TY_MIN:
	case TY_MAX:
	case TY_AVG:
	case TY_STATS:
		ord->by = v->is_signed ? BY_SIGNED : BY_UNSIGNED;
		break;
	case TY_COUNT:
		ord->by = BY_UNSIGNED;
		break;
	default:
		ord->by = BY_KEY;
	}
	if (map_style(v) == MS_HIST) {
		nrows = hist_rows(o, ord, e, n, rows);
	} else {
		for (size_t i = 0; i < n; i++) {
			rows[i] = (struct row){ .key = e[i].key, .val = e[i].val, .ord = ord };
			row_order(o, &rows[i]);
		}
	}
	qsort(rows, nrows, sizeof(*rows), row_cmp);
	*out = rows;
	return nrows;
}

/* --- map text ------------------------------------------------------------------ */

/* The key as text: the elements of a multi-key map joined by sep. */
static void key_text(const struct output *o, const struct mapinfo *m,
		     const void *key, const char *sep, struct strbuf *sb)
{
	const struct type *k = m->key;
	if (m->nkeys >= 2 && k->kind == TY_TUPLE) {
		for (int i = 0; i < k->nelems; i++) {
			if (i)
				sb_puts(sb, sep);
			value_text(o, k->elems[i], (const char *)key + k->offsets[i],
				   KEY_INDENT, 1, sb);
		}
	} else {
		value_text(o, k, key, KEY_INDENT, 1, sb);
	}
}

/* "@name" or "@name[key]". */
static void map_key_text(const struct output *o, const struct mapinfo *m,
			 const void *key, struct strbuf *sb)
{
	sb_printf(sb, "@%s", m->name);
	if (!m->nkeys)
		return;
	sb_putc(sb, '[');
	key_text(o, m, key, ", ", sb);
	sb_putc(sb, ']');
}

/* A power of two as a hist label: 1, 2, ... 512, 1K, ... 8E. */
static void pow2_label(int power, struct strbuf *sb)
{
	static const char suffix[] = " KMGTPE";
	int s = MIN(power / 10, 6);
	sb_printf(sb, "%" PRIu64, UINT64_C(1) << (power - s * 10));
	if (s)
		sb_putc(sb, suffix[s]);
}

/* A linear bucket bound: 0, N, NK when a multiple of 1024, NM of 1024^2. */
static void lin_label(int64_t v, struct strbuf *sb)
{
	if (v != 0 && v % (1024 * 1024) == 0)
		sb_printf(sb, "%" PRId64 "M", v / (1024 * 1024));
	else if (v != 0 && v % 1024 == 0)
		sb_printf(sb, "%" PRId64 "K", v / 1024);
	else
		sb_printf(sb, "%" PRId64, v);
}

/* The bucket range bpftrace prints: from the first to the last bucket that
 * has a count; nothing when every count is zero. */
static bool bucket_range(const uint64_t *c, int64_t nb, int64_t *lo,
			 int64_t *hi, uint64_t *max)
{
	*lo = -1;
	*hi = -1;
	*max = 0;
	for (int64_t i = 0; i < nb; i++) {
		if (c[i]) {
			if (*lo < 0)
				*lo = i;
			*hi = i;
		}
		*max = MAX(*max, c[i]);
	}
	return *hi >= 0;
}

/* The label of bucket i of a hist or lhist. */
static void bucket_label(const struct type *v, int64_t i, int64_t nb,
			 struct strbuf *sb)
{
	if (v->kind == TY_HIST) {
		if (i == 0) {
			sb_puts(sb, "(..., 0)");
		} else if (i <= 2) {
			sb_printf(sb, "[%d]", (int)i - 1);
		} else {
			sb_putc(sb, '[');
			pow2_label((int)i - 2, sb);
			sb_puts(sb, ", ");
			pow2_label((int)i - 1, sb);
			sb_putc(sb, ')');
		}
	} else if (i == 0) {
		sb_puts(sb, "(..., ");
		lin_label(v->lmin, sb);
		sb_putc(sb, ')');
	} else if (i == nb - 1) {
		sb_putc(sb, '[');
		lin_label(v->lmax, sb);
		sb_puts(sb, ", ...)");
	} else {
		sb_putc(sb, '[');
		lin_label(v->lmin + (i - 1) * v->lstep, sb);
		sb_puts(sb, ", ");
		lin_label(v->lmin + i * v->lstep, sb);
		sb_putc(sb, ')');
	}
}

/* The lines of one histogram: label, count, a bar scaled to the largest
 * count. div divides the printed counts, not the bars (as bpftrace). */
static void hist_text(const struct type *v, const uint64_t *c, int64_t div,
		      struct strbuf *sb)
{
	int64_t nb = nbuckets(v), lo, hi;
	uint64_t max;
	char bar[BAR_WIDTH + 1];
	struct strbuf label;
	if (!bucket_range(c, nb, &lo, &hi, &max))
		return;
	sb_init(&label);
	for (int64_t i = lo; i <= hi; i++) {
		int w = (int)((float)c[i] / (float)max * BAR_WIDTH);
		w = MAX(0, MIN(w, BAR_WIDTH));
		memset(bar, '@', (size_t)w);
		bar[w] = '\0';
		sb_reset(&label);
		bucket_label(v, i, nb, &label);
		sb_printf(sb, "%-16s%8" PRIu64 " |%-*s|\n", label.s, divide(c[i], false, div),
			  BAR_WIDTH, bar);
	}
	sb_free(&label);
}

/* One histogram as a JSON array of {"min", "max", "count"} objects. */
static void hist_json(const struct type *v, const uint64_t *c, int64_t div,
		      struct strbuf *sb)
{
	int64_t nb = nbuckets(v), lo, hi;
	uint64_t max;
	sb_putc(sb, '[');
	if (!bucket_range(c, nb, &lo, &hi, &max)) {
		sb_putc(sb, ']');
		return;
	}
	for (int64_t i = lo; i <= hi; i++) {
		if (i > lo)
			sb_puts(sb, ", ");
		sb_putc(sb, '{');
		if (v->kind == TY_HIST) {
			uint64_t low = i >= 2 ? UINT64_C(1) << (i - 2) : 0;
			uint64_t high = i <= 2 ? low : low + (low - 1);
			if (i == 0)
				sb_puts(sb, "\"max\": -1, ");
			else
				sb_printf(sb, "\"min\": %" PRIu64 ", \"max\": %" PRIu64 ", ",
					  low, high);
		} else if (i == 0) {
			sb_printf(sb, "\"max\": %" PRId64 ", ", v->lmin - 1);
		} else if (i == nb - 1) {
			sb_printf(sb, "\"min\": %" PRId64 ", ", v->lmax);
		} else {
			int64_t low = v->lmin + (i - 1) * v->lstep;
			sb_printf(sb, "\"min\": %" PRId64 ", \"max\": %" PRId64 ", ", low,
				  low + v->lstep - 1);
		}
		sb_printf(sb, "\"count\": %" PRIu64 "}", divide(c[i], false, div));
	}
	sb_putc(sb, ']');
}

/* One row's value, as text or JSON. */
static void row_value(const struct output *o, const struct mapinfo *m,
		      const struct row *r, int64_t div, struct strbuf *sb)
{
	if (map_style(m->val) == MS_HIST) {
		if (o->format == OUT_JSON)
			hist_json(m->val, r->counts, div, sb);
		else
			hist_text(m->val, r->counts, div, sb);
	} else if (o->format == OUT_JSON) {
		value_json(o, m->val, r->val, div, sb);
	} else {
		value_text(o, m->val, r->val, VALUE_INDENT, div, sb);
	}
}

/* A map in text: "key: value" lines; a histogram under each key; a blank
 * line after hist and stack maps (their values end with a newline) and
 * after avg and stats maps (bpftrace adds one). */
static void map_text(const struct output *o, const struct mapinfo *m,
		     const struct row *rows, size_t n, int64_t div,
		     struct strbuf *sb)
{
	enum map_style st = map_style(m->val);
	/* stacks end with a newline already */
	bool nl = m->val->kind != TY_USTACK && m->val->kind != TY_KSTACK;
	for (size_t i = 0; i < n; i++) {
		if (i && (nl || st != MS_PLAIN))
			sb_putc(sb, '\n');
		map_key_text(o, m, rows[i].key, sb);
		sb_puts(sb, st == MS_HIST ? ": \n" : ": ");
		row_value(o, m, &rows[i], div, sb);
	}
	sb_puts(sb, st == MS_STATS ? "\n\n" : "\n");
}

/* A map as one JSON line: {"type": "map"|"hist"|"stats", "data": {"@m":
 * VALUE or {"key": VALUE, ...}}}. */
static void map_json(const struct output *o, const struct mapinfo *m,
		     const struct row *rows, size_t n, int64_t div,
		     struct strbuf *sb)
{
	static const char *const type[] = {
		[MS_PLAIN] = "map", [MS_HIST] = "hist", [MS_STATS] = "stats",
	};
	struct strbuf key;
	sb_init(&key);
	sb_printf(sb, "{\"type\": \"%s\", \"data\": {", type[map_style(m->val)]);
	sb_puts(&key, "@");
	sb_puts(&key, m->name);
	json_string(key.s, key.len, sb);
	sb_puts(sb, ": ");
	if (m->nkeys)
		sb_putc(sb, '{');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_puts(sb, ", ");
		if (m->nkeys) {
			sb_reset(&key);
			key_text(o, m, rows[i].key, ",", &key);
			json_string(key.s ? key.s : "", key.len, sb);
			sb_puts(sb, ": ");
		}
		row_value(o, m, &rows[i], div, sb);
	}
	if (m->nkeys)
		sb_putc(sb, '}');
	sb_puts(sb, "}}\n");
	sb_free(&key);
}

/* print(@m, top, div) and the dump at exit. */
void out_map(struct output *o, const struct mapinfo *m,
	     const struct map_entry *entries, size_t n, int64_t top,
	     int64_t div)
{
	struct order ord = { .m = m };
	struct row *rows;
	struct strbuf sb;
	if (!m->key || !m->val)
		return;
	size_t nrows = map_rows(o, &ord, entries, n, &rows), skip = 0;
	enum type_kind k = m->val->kind;
	/* bpftrace ignores top and div on stats, and div on lhist */
	if (k == TY_STATS)
		top = 0;
	if (k == TY_STATS || k == TY_LHIST)
		div = 1;
	if (top > 0 && nrows > (uint64_t)top)
		skip = nrows - (size_t)top;
	sb_init(&sb);
	if (o->format == OUT_JSON) {
		if (nrows)
			map_json(o, m, rows + skip, nrows - skip, div, &sb);
	} else {
		map_text(o, m, rows + skip, nrows - skip, div, &sb);
	}
	if (sb.len)
		fwrite(sb.s, 1, sb.len, o->f);
	sb_free(&sb);
	for (size_t i = 0; i < nrows; i++)
		free(rows[i].counts);
	free(rows);
}

/* --- messages ------------------------------------------------------------------- */

/* "Attaching 1 probe...", "Attaching 2 probes...". */
void out_attached(struct output *o, int nprobes)
{
	if (o->format == OUT_JSON)
		fprintf(o->f, "{\"type\": \"attached_probes\", \"data\": {\"probes\": %d}}\n",
			nprobes);
	else
		fprintf(o->f, "Attaching %d probe%s...\n", nprobes, nprobes == 1 ? "" : "s");
}

/* "Lost N events" (also for N = 1, like bpftrace); nothing when none. */
void out_lost(struct output *o, uint64_t lost)
{
	if (!lost)
		return;
	if (o->format == OUT_JSON)
		fprintf(o->f, "{\"type\": \"lost_events\", \"data\": {\"events\": %" PRIu64 "}}\n",
			lost);
	else
		fprintf(o->f, "Lost %" PRIu64 " events\n", lost);
}

/* The two newlines before the final dump, on the console. */
void out_exit(struct output *o)
{
	FILE *f = o->console ? o->console : stdout;
	fflush(o->f);
	fputs("\n\n", f);
	fflush(f);
}

/* Pushes buffered output out (after each batch of events). */
void out_flush(struct output *o)
{
	fflush(o->f);
}
