/* out_json.c - the JSON format (-f json): one bpftrace 0.17 JSON line per
 * event or map, {"type": ..., "data": ...}: printf text and time() as
 * strings, print() values, maps (numbers bare, tuples as arrays, stats as
 * objects, histograms as arrays of buckets, everything else as the string
 * of its text), the attached_probes and lost_events messages, and the
 * read_errors and map_updates_dropped reports. */
#include "runtime/out_format.h"

#include <inttypes.h>

/* --- strings and values ------------------------------------------------------- */

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned min, cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2, min = 0x80, cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, min = 0x800, cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, min = 0x10000, cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* bpftrace's escaping: quote, backslash, \n \r \t, other control bytes
 * as \u00XX; valid UTF-8 passes through. A byte that is not part of valid
 * UTF-8 becomes U+FFFD, so that every line is valid JSON. */
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
			if (c < 0x20) {
				sb_printf(sb, "\\u%04x", c);
			} else if (c < 0x80) {
				sb_putc(sb, (char)c);
			} else {
				size_t k = utf8_len((const unsigned char *)s + i, n - i);
				if (k) {
					sb_putn(sb, s + i, k);
					i += k - 1;
				} else {
					sb_puts(sb, "\\ufffd");
				}
			}
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
		out_value(o, t, data, VALUE_INDENT, div, sb);
		return;
	case TY_STATS: {
		struct out_agg a;
		out_agg_reduce(o, t, data, &a);
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
		out_value(o, t, data, VALUE_INDENT, 1, &tmp);
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
	out_write(o, &sb);
	sb_free(&sb);
}

/* --- maps ------------------------------------------------------------------------- */

/* One histogram as a JSON array of {"min", "max", "count"} objects. */
static void hist_json(const struct type *v, const uint64_t *c, int64_t div,
		      struct strbuf *sb)
{
	int64_t nb = out_hist_buckets(v), lo, hi;
	uint64_t max;
	sb_putc(sb, '[');
	if (!out_bucket_range(c, nb, &lo, &hi, &max)) {
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
		sb_printf(sb, "\"count\": %" PRIu64 "}", out_divide(c[i], false, div));
	}
	sb_putc(sb, ']');
}

/* A map as one JSON line: {"type": "map"|"hist"|"stats", "data": {"@m":
 * VALUE or {"key": VALUE, ...}}}; nothing for an empty map. */
static void json_map(struct output *o, const struct mapinfo *m,
		     const struct out_row *rows, size_t n, int64_t div)
{
	static const char *const type[] = {
		[MS_PLAIN] = "map", [MS_HIST] = "hist", [MS_STATS] = "stats",
	};
	enum out_map_style st = out_map_style(m->val);
	struct strbuf sb, key;
	if (!n)
		return;
	sb_init(&sb);
	sb_init(&key);
	sb_printf(&sb, "{\"type\": \"%s\", \"data\": {", type[st]);
	sb_puts(&key, "@");
	sb_puts(&key, m->name);
	json_string(key.s, key.len, &sb);
	sb_puts(&sb, ": ");
	if (m->nkeys)
		sb_putc(&sb, '{');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_puts(&sb, ", ");
		if (m->nkeys) {
			sb_reset(&key);
			out_key_text(o, m, rows[i].key, ",", &key);
			json_string(key.s ? key.s : "", key.len, &sb);
			sb_puts(&sb, ": ");
		}
		if (st == MS_HIST)
			hist_json(m->val, rows[i].counts, div, &sb);
		else
			value_json(o, m->val, rows[i].val, div, &sb);
	}
	if (m->nkeys)
		sb_putc(&sb, '}');
	sb_puts(&sb, "}}\n");
	out_write(o, &sb);
	sb_free(&key);
	sb_free(&sb);
}

/* --- events and messages ------------------------------------------------------------ */

/* {"type": "attached_probes", "data": {"probes": N}} */
static void json_banner(struct output *o, int nprobes)
{
	fprintf(o->f, "{\"type\": \"attached_probes\", \"data\": {\"probes\": %d}}\n",
		nprobes);
}

/* {"type": "printf", "data": "TEXT"} */
static void json_printf(struct output *o, const char *text, size_t len)
{
	json_message(o, "printf", text, len);
}

/* {"type": "value", "data": VALUE} */
static void json_print_value(struct output *o, const struct type *t,
			     const void *data)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, "{\"type\": \"value\", \"data\": ");
	value_json(o, t, data, 1, &sb);
	sb_puts(&sb, "}\n");
	out_write(o, &sb);
	sb_free(&sb);
}

/* {"type": "time", "data": "TEXT"} */
static void json_time(struct output *o, const char *text, size_t len)
{
	json_message(o, "time", text, len);
}

/* {"type": "lost_events", "data": {"events": N}} */
static void json_lost(struct output *o, uint64_t lost)
{
	fprintf(o->f, "{\"type\": \"lost_events\", \"data\": {\"events\": %" PRIu64 "}}\n",
		lost);
}

/* {"type": "read_errors", "data": {"at": "stdin:1:40", "what": "gostr",
 *  "reads": 40, "failed": 2, "error": "Bad address"}}
 * {"type": "map_updates_dropped", "data": {"at": "stdin:1:33", "map": "@",
 *  "updates": 5000, "dropped": 904, "max_entries": 4096, "error": "the map is full"}} */
static void json_report(struct output *o, const struct out_report *r)
{
	struct strbuf sb;
	sb_init(&sb);
	bool read = r->kind == REPORT_READ;
	sb_printf(&sb, "{\"type\": \"%s\", \"data\": {\"at\": ", read ? "read_errors" : "map_updates_dropped");
	json_string(r->at, strlen(r->at), &sb);
	sb_printf(&sb, ", \"%s\": ", read ? "what" : "map");
	json_string(r->what, strlen(r->what), &sb);
	if (read)
		sb_printf(&sb, ", \"reads\": %" PRIu64 ", \"failed\": %" PRIu64, r->count, r->failed);
	else
		sb_printf(&sb, ", \"updates\": %" PRIu64 ", \"dropped\": %" PRIu64 ", \"max_entries\": %" PRIu32,
			  r->count, r->failed, r->max_entries);
	sb_puts(&sb, ", \"error\": ");
	json_string(r->error, strlen(r->error), &sb);
	sb_puts(&sb, "}}\n");
	out_write(o, &sb);
	sb_free(&sb);
}

const struct out_ops out_json_ops = {
	.banner = json_banner,
	.printf_line = json_printf,
	.print_value = json_print_value,
	.time = json_time,
	.map = json_map,
	.lost = json_lost,
	.report = json_report,
	.exit = out_exit_newlines,
	.flush = out_flush_file,
};
