/* out_text.c - the text format (the default): bpftrace 0.17's layout of
 * printf lines, print() values, maps ("@name[key]: value" lines), the
 * histograms with their bars, the banner and lost-event notes. */
#include "runtime/out_format.h"

#include <inttypes.h>

#define BAR_WIDTH 52 /* '@' columns of a histogram bar */

/* --- histograms ------------------------------------------------------------------ */

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
	int64_t nb = out_hist_buckets(v), lo, hi;
	uint64_t max;
	char bar[BAR_WIDTH + 1];
	struct strbuf label;
	if (!out_bucket_range(c, nb, &lo, &hi, &max))
		return;
	sb_init(&label);
	for (int64_t i = lo; i <= hi; i++) {
		int w = (int)((float)c[i] / (float)max * BAR_WIDTH);
		w = MAX(0, MIN(w, BAR_WIDTH));
		memset(bar, '@', (size_t)w);
		bar[w] = '\0';
		sb_reset(&label);
		bucket_label(v, i, nb, &label);
		sb_printf(sb, "%-16s%8" PRIu64 " |%-*s|\n", label.s,
			  out_divide(c[i], false, div), BAR_WIDTH, bar);
	}
	sb_free(&label);
}

/* --- maps ------------------------------------------------------------------------- */

/* "@name" or "@name[key]". */
static void map_key_text(const struct output *o, const struct mapinfo *m,
			 const void *key, struct strbuf *sb)
{
	sb_printf(sb, "@%s", m->name);
	if (!m->nkeys)
		return;
	sb_putc(sb, '[');
	out_key_text(o, m, key, ", ", sb);
	sb_putc(sb, ']');
}

/* A map: "key: value" lines; a histogram under each key; a blank line
 * after hist and stack maps (their values end with a newline) and after
 * avg and stats maps (bpftrace adds one). An empty map is a blank line
 * (two for avg and stats). */
static void text_map(struct output *o, const struct mapinfo *m,
		     const struct out_row *rows, size_t n, int64_t div)
{
	enum out_map_style st = out_map_style(m->val);
	/* stacks end with a newline already */
	bool nl = m->val->kind != TY_USTACK && m->val->kind != TY_KSTACK;
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		if (i && (nl || st != MS_PLAIN))
			sb_putc(&sb, '\n');
		map_key_text(o, m, rows[i].key, &sb);
		if (st == MS_HIST) {
			sb_puts(&sb, ": \n");
			hist_text(m->val, rows[i].counts, div, &sb);
		} else {
			sb_puts(&sb, ": ");
			out_value(o, m->val, rows[i].val, VALUE_INDENT, div, &sb);
		}
	}
	sb_puts(&sb, st == MS_STATS ? "\n\n" : "\n");
	out_write(o, &sb);
	sb_free(&sb);
}

/* --- events and messages ------------------------------------------------------------ */

/* "Attaching 1 probe...", "Attaching 2 probes...". */
static void text_banner(struct output *o, int nprobes)
{
	fprintf(o->f, "Attaching %d probe%s...\n", nprobes, nprobes == 1 ? "" : "s");
}

/* printf(): the formatted text as is. */
static void text_printf(struct output *o, const char *text, size_t len)
{
	if (len)
		fwrite(text, 1, len, o->f);
}

/* print(value): the value and a newline. */
static void text_print_value(struct output *o, const struct type *t,
			     const void *data)
{
	struct strbuf sb;
	sb_init(&sb);
	out_value(o, t, data, VALUE_INDENT, 1, &sb);
	sb_putc(&sb, '\n');
	out_write(o, &sb);
	sb_free(&sb);
}

/* time(): the text as is, no newline. */
static void text_time(struct output *o, const char *text, size_t len)
{
	fwrite(text, 1, len, o->f);
}

/* "Lost N events" (also for N = 1, like bpftrace). */
static void text_lost(struct output *o, uint64_t lost)
{
	fprintf(o->f, "Lost %" PRIu64 " events\n", lost);
}

const struct out_ops out_text_ops = {
	.banner = text_banner,
	.printf_line = text_printf,
	.print_value = text_print_value,
	.time = text_time,
	.map = text_map,
	.lost = text_lost,
	.exit = out_exit_newlines,
	.flush = out_flush_file,
};
