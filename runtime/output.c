/* output.c - every byte gotrace prints goes through here: the out_* calls
 * of output.h decode what the kernel hands over (printf arguments, time(),
 * a map's entries sorted into rows) and pass it to the chosen format's
 * out_ops (runtime/out_format.h): out_text.c, bpftrace's text layout, or
 * out_json.c, bpftrace's JSON lines.
 *
 * The layouts were copied from what bpftrace 0.17 prints (docs/output.md
 * lists them and the few places where we knowingly differ). */
#include "runtime/output.h"

#include <string.h>
#include <time.h>

#include "runtime/out_format.h"

/* The formats, by enum out_format. */
static const struct out_ops *const formats[] = {
	[OUT_TEXT] = &out_text_ops,
	[OUT_JSON] = &out_json_ops,
	[OUT_PPROF] = &out_pprof_ops,
	[OUT_FOLDED] = &out_folded_ops,
};

/* The format's ops (text for a format we do not know). */
static const struct out_ops *ops_of(const struct output *o)
{
	if ((unsigned)o->format < ARRAY_SIZE(formats) && formats[o->format])
		return formats[o->format];
	return &out_text_ops;
}

/* --- printf ------------------------------------------------------------------ */

/* Formats one argument by its conversion (cfmt is sema's C format). */
static void format_arg(const struct output *o, const struct fmt_seg *g,
		       const struct type *t, const void *data, struct strbuf *sb)
{
	bool is_int = t->kind == TY_INT;
	char conv = g->conv;
	uint64_t v = is_int ? out_int_bits(t, out_rd64(data)) : 0;
	if (is_int && t->bits && t->bits < 64 && strchr("uxXo", conv))
		v &= (UINT64_C(1) << t->bits) - 1; /* as C would: (unsigned)(int)-1 */
	if (!is_int)
		conv = 's'; /* text of any other value */
	switch (conv) {
	case 'd':
	case 'i':
		sb_printf(sb, g->cfmt, (long long)v);
		break;
	case 'u':
	case 'x':
	case 'X':
	case 'o':
		sb_printf(sb, g->cfmt, (unsigned long long)v);
		break;
	case 'c':
		sb_printf(sb, g->cfmt, (int)(unsigned char)v);
		break;
	case 'p':
		sb_printf(sb, g->cfmt, (void *)(uintptr_t)v);
		break;
	default: { /* s, r: the value's text */
		struct strbuf text;
		sb_init(&text);
		out_value(o, t, data, VALUE_INDENT, 1, &text);
		sb_printf(sb, g->cfmt, text.s ? text.s : "");
		sb_free(&text);
	}
	}
}

/* The text of printf(fmt, args...): sema's segments, the arguments laid
 * out as the tuple `args`. */
static void format_printf(const struct output *o, const struct fmt *f,
			  const struct type *args, const void *payload,
			  struct strbuf *sb)
{
	int nargs = args && args->kind == TY_TUPLE ? args->nelems : 0;
	for (int i = 0; i < f->nsegs; i++) {
		const struct fmt_seg *g = &f->segs[i];
		if (g->kind == SEG_TEXT)
			sb_putn(sb, g->text, g->len);
		else if (g->arg < nargs)
			format_arg(o, g, args->elems[g->arg],
				   (const char *)payload + args->offsets[g->arg], sb);
	}
}

/* The format of an event id, or NULL for an id we do not know. */
static const struct fmtinfo *fmt_of(const struct output *o, int id)
{
	if (!o->sema || id < 0 || (size_t)id >= o->sema->fmts.n)
		return NULL;
	return &o->sema->fmts.v[id];
}

/* --- events -------------------------------------------------------------------- */

/* printf(): the formatted text, to the format. */
void out_printf(struct output *o, int fmt_id, const void *payload)
{
	const struct fmtinfo *fi = fmt_of(o, fmt_id);
	const struct out_ops *ops = ops_of(o);
	if (!fi || !fi->fmt || !ops->printf_line)
		return;
	struct strbuf *sb = &o->line;
	sb_reset(sb);
	format_printf(o, &fi->parsed, fi->args, payload, sb);
	ops->printf_line(o, sb->s ? sb->s : "", sb->len);
}

/* print(value). */
void out_print_value(struct output *o, int fmt_id, const void *payload)
{
	const struct fmtinfo *fi = fmt_of(o, fmt_id);
	const struct out_ops *ops = ops_of(o);
	if (fi && fi->args && ops->print_value)
		ops->print_value(o, fi->args, payload);
}

/* time(fmt): the wall clock now, through strftime; nothing when strftime
 * gives nothing (bpftrace then complains on stderr). */
void out_time(struct output *o, int fmt_id)
{
	const struct fmtinfo *fi = fmt_of(o, fmt_id);
	const struct out_ops *ops = ops_of(o);
	if (!fi || !fi->fmt || !ops->time)
		return;
	struct tm tm;
	time_t now = time(NULL);
	struct strbuf sb;
	sb_init(&sb);
	if (localtime_r(&now, &tm) && out_strftime(&sb, fi->fmt, &tm))
		ops->time(o, sb.s, sb.len);
	sb_free(&sb);
}

/* --- maps ------------------------------------------------------------------------ */

/* print(@m, top, div) and the dump at exit: the rows in bpftrace's order,
 * the last `top` of them, to the format. */
void out_map(struct output *o, const struct mapinfo *m,
	     const struct map_entry *entries, size_t n, int64_t top,
	     int64_t div)
{
	const struct out_ops *ops = ops_of(o);
	struct out_row *rows;
	if (!m->key || !m->val || !ops->map)
		return;
	size_t nrows = out_map_rows(o, m, entries, n, &rows), skip = 0;
	enum type_kind k = m->val->kind;
	/* bpftrace ignores top and div on stats, and div on lhist */
	if (k == TY_STATS)
		top = 0;
	if (k == TY_STATS || k == TY_LHIST)
		div = 1;
	if (top > 0 && nrows > (uint64_t)top)
		skip = nrows - (size_t)top;
	ops->map(o, m, rows + skip, nrows - skip, div);
	out_rows_free(rows, nrows);
}

/* --- messages ------------------------------------------------------------------- */

void out_attached(struct output *o, int nprobes)
{
	const struct out_ops *ops = ops_of(o);
	if (ops->banner)
		ops->banner(o, nprobes);
}

/* Nothing when no event was lost. */
void out_lost(struct output *o, uint64_t lost)
{
	const struct out_ops *ops = ops_of(o);
	if (lost && ops->lost)
		ops->lost(o, lost);
}

void out_report(struct output *o, const struct out_report *r)
{
	const struct out_ops *ops = ops_of(o);
	if (ops->report)
		ops->report(o, r);
}

void out_exit(struct output *o)
{
	const struct out_ops *ops = ops_of(o);
	if (ops->exit)
		ops->exit(o);
}

/* Pushes buffered output out (after each batch of events). */
void out_flush(struct output *o)
{
	const struct out_ops *ops = ops_of(o);
	if (ops->flush)
		ops->flush(o);
}

/* Once, at the very end: the pprof format writes its profile then. */
void out_close(struct output *o)
{
	const struct out_ops *ops = ops_of(o);
	if (ops->close)
		ops->close(o);
}

/* %s and print() show values with stack frames indented by 8. */
void out_value_text(struct output *o, const struct type *t, const void *data,
		    struct strbuf *sb)
{
	out_value(o, t, data, VALUE_INDENT, 1, sb);
}

/* --- for the formats -------------------------------------------------------------- */

void out_write(struct output *o, const struct strbuf *sb)
{
	if (sb->len)
		fwrite(sb->s, 1, sb->len, o->f);
}

/* The two newlines before the final dump go to the console (stdout even
 * with -o FILE), after what the output holds so far. */
void out_exit_newlines(struct output *o)
{
	FILE *f = o->console ? o->console : stdout;
	fflush(o->f);
	fputs("\n\n", f);
	fflush(f);
}

void out_flush_file(struct output *o)
{
	fflush(o->f);
}
