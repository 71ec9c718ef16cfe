/* diag.c - the one routine that prints compiler diagnostics. */
#include "util/diag.h"

#include <stdarg.h>
#include <string.h>

void diag_init(struct diag *d, const struct source *src)
{
	memset(d, 0, sizeof(*d));
	d->src = src;
	d->out = stderr;
}

void diag_linecol(const struct source *src, uint32_t off, int *line, int *col)
{
	int l = 1, c = 1;
	if (off > src->len)
		off = (uint32_t)src->len;
	for (uint32_t i = 0; i < off; i++) {
		if (src->text[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*col = c;
}

void linemap_init(struct linemap *m, const struct source *src)
{
	size_t cap = 64;
	m->src = src;
	m->starts = xmalloc(cap * sizeof(*m->starts));
	m->starts[0] = 0;
	m->n = 1;
	for (size_t i = 0; i < src->len; i++) {
		if (src->text[i] != '\n')
			continue;
		if (m->n == cap) {
			cap *= 2;
			m->starts = xrealloc(m->starts, cap * sizeof(*m->starts));
		}
		m->starts[m->n++] = (uint32_t)i + 1;
	}
}

/* The same answer as diag_linecol. */
void linemap_find(const struct linemap *m, uint32_t off, int *line, int *col)
{
	if (off > m->src->len)
		off = (uint32_t)m->src->len;
	size_t lo = 0, hi = m->n; /* the last start <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	*col = (int)(off - m->starts[lo]) + 1;
}

void linemap_free(struct linemap *m)
{
	free(m->starts);
	m->starts = NULL;
	m->n = 0;
}

/* Lines longer than this are shown as a window around the place. */
#define DIAG_WIDTH 200

/* A byte that continues a UTF-8 sequence (it takes no column). */
static bool utf8_cont(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/* Prints the line holding loc.begin and a caret with tildes under the span
 * (clipped to that line). Tabs in the line are kept in the marker line so
 * the caret lines up; UTF-8 characters take one column; control bytes
 * show as '?'. A long line is cut to a window around the caret, with
 * "..." where it was cut. */
static void show_place(struct diag *d, struct loc loc)
{
	const struct source *s = d->src;
	if (!s || !s->text)
		return;
	uint32_t b = loc.begin > s->len ? (uint32_t)s->len : loc.begin;
	uint32_t ls = b, le = b;
	while (ls > 0 && s->text[ls - 1] != '\n')
		ls--;
	while (le < s->len && s->text[le] != '\n')
		le++;
	uint32_t ws = ls, we = le;
	if (le - ls > DIAG_WIDTH) {
		ws = b - ls > DIAG_WIDTH / 3 ? b - DIAG_WIDTH / 3 : ls;
		we = le - ws > DIAG_WIDTH ? ws + DIAG_WIDTH : le;
		if (we == le && le - ls > DIAG_WIDTH)
			ws = MIN(ws, le - DIAG_WIDTH);
		while (ws > ls && utf8_cont(s->text[ws]))
			ws--;
		while (we < le && utf8_cont(s->text[we]))
			we++;
	}
	const char *cut = "...";
	if (ws > ls)
		fputs(cut, d->out);
	for (uint32_t i = ws; i < we; i++) {
		unsigned char c = (unsigned char)s->text[i];
		fputc(c < 0x20 && c != '\t' ? '?' : c == 0x7f ? '?' : c, d->out);
	}
	if (we < le)
		fputs(cut, d->out);
	fputc('\n', d->out);
	if (ws > ls)
		fprintf(d->out, "%*s", (int)strlen(cut), "");
	for (uint32_t i = ws; i < b; i++)
		if (!utf8_cont(s->text[i]))
			fputc(s->text[i] == '\t' ? '\t' : ' ', d->out);
	fputc('^', d->out);
	uint32_t e = loc.end > we ? we : loc.end;
	for (uint32_t i = b + 1; i < e; i++)
		if (!utf8_cont(s->text[i]))
			fputc('~', d->out);
	fputc('\n', d->out);
}

static void report(struct diag *d, const char *kind, struct loc loc,
		   const char *fmt, va_list ap)
{
	int line = 1, col = 1;
	if (d->src)
		diag_linecol(d->src, loc.begin, &line, &col);
	fprintf(d->out, "%s:%d:%d: %s: ", d->src ? d->src->name : "gotrace",
		line, col, kind);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
	show_place(d, loc);
}

void diag_error(struct diag *d, struct loc loc, const char *fmt, ...)
{
	va_list ap;
	if (d->quiet)
		return;
	d->errors++;
	if (d->errors > (d->max_errors ? d->max_errors : 20))
		return;
	va_start(ap, fmt);
	report(d, "error", loc, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diag *d, struct loc loc, const char *fmt, ...)
{
	va_list ap;
	if (d->quiet)
		return;
	d->warnings++;
	va_start(ap, fmt);
	report(d, "warning", loc, fmt, ap);
	va_end(ap);
}

void diag_remark(struct diag *d, struct loc loc, const char *fmt, ...)
{
	va_list ap;
	if (d->quiet)
		return;
	va_start(ap, fmt);
	report(d, "note", loc, fmt, ap);
	va_end(ap);
}

static void trailer(struct diag *d, const char *kind, const char *fmt,
		    va_list ap)
{
	if (d->quiet || d->errors > (d->max_errors ? d->max_errors : 20))
		return;
	fprintf(d->out, "%s: ", kind);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
}

void diag_hint(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	trailer(d, "hint", fmt, ap);
	va_end(ap);
}

void diag_note(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	trailer(d, "note", fmt, ap);
	va_end(ap);
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t sub = prev + (a[i - 1] != b[j - 1]);
			size_t best = MIN(row[j] + 1, row[j - 1] + 1);
			row[j] = MIN(best, sub);
			prev = cur;
		}
	}
	return row[lb];
}

const char *diag_suggest(const char *name, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t dist = edit_distance(name, cands[i]);
		if (dist < bestd) {
			bestd = dist;
			best = cands[i];
		}
	}
	size_t len = strlen(name);
	size_t limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
	return bestd <= limit ? best : NULL;
}
