/* format.c - printf formats into segments (see format.h). */
#include "sema/format.h"

#include <stdio.h>
#include <string.h>

/* Widths and precisions above this are refused: the output would build
 * lines of that many bytes for every event. */
#define FMT_MAX_WIDTH 4096

struct segs {
	struct fmt_seg *v;
	int n, cap;
};

static struct fmt_seg *add(struct arena *a, struct segs *s)
{
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 8;
		struct fmt_seg *v = arena_alloc(a, sizeof(*v) * (size_t)cap);
		if (s->n)
			memcpy(v, s->v, sizeof(*v) * (size_t)s->n);
		s->v = v;
		s->cap = cap;
	}
	struct fmt_seg *g = &s->v[s->n++];
	memset(g, 0, sizeof(*g));
	return g;
}

/* Literal text [p, p+len): joins the previous text segment when they
 * touch. */
static void add_text(struct arena *a, struct segs *s, const char *p, size_t len)
{
	if (!len)
		return;
	struct fmt_seg *last = s->n ? &s->v[s->n - 1] : NULL;
	if (last && last->kind == SEG_TEXT && last->text + last->len == p) {
		last->len += len;
		return;
	}
	struct fmt_seg *g = add(a, s);
	g->kind = SEG_TEXT;
	g->text = p;
	g->len = len;
}

static int fail(struct fmt_error *err, size_t begin, size_t end, const char *msg)
{
	err->begin = (uint32_t)begin;
	err->end = (uint32_t)end;
	snprintf(err->msg, sizeof(err->msg), "%s", msg);
	return -1;
}

/* Digits at f[*i]: their value, capped above FMT_MAX_WIDTH. */
static size_t digits(const char *f, size_t len, size_t *i)
{
	size_t v = 0;
	while (*i < len && f[*i] >= '0' && f[*i] <= '9') {
		if (v <= FMT_MAX_WIDTH)
			v = v * 10 + (size_t)(f[*i] - '0');
		(*i)++;
	}
	return v;
}

/* format = (text | "%%" | "%" flags* width? ("." precision)? length* conv)* */
int fmt_parse(struct arena *arena, const char *f, size_t len, struct fmt *out,
	      struct fmt_error *err)
{
	struct segs s = { 0 };
	int arg = 0;
	size_t text = 0; /* start of pending literal text */
	for (size_t i = 0; i < len; i++) {
		if (f[i] != '%')
			continue;
		add_text(arena, &s, f + text, i - text);
		size_t start = i++;
		if (i < len && f[i] == '%') {
			add_text(arena, &s, f + i, 1); /* the second '%' */
			text = i + 1;
			continue;
		}
		size_t flags = i;
		while (i < len && f[i] && strchr(FMT_FLAGS, f[i]))
			i++;
		size_t nflags = i - flags;
		size_t width_at = i;
		size_t width = digits(f, len, &i);
		size_t nwidth = i - width_at;
		size_t prec_at = i, nprec = 0, prec = 0;
		if (i < len && f[i] == '.') {
			i++;
			prec = digits(f, len, &i);
			nprec = i - prec_at;
		}
		while (i < len && f[i] && strchr(FMT_LENGTHS, f[i]))
			i++;
		if (i >= len)
			return fail(err, start, len, "printf: incomplete conversion at the end of the format");
		char c = f[i];
		if (!c || !strchr(FMT_CONVERSIONS, c)) {
			char msg[64];
			if (c >= 32 && c < 127)
				snprintf(msg, sizeof(msg), "printf: unknown conversion '%%%c'", c);
			else
				snprintf(msg, sizeof(msg), "printf: unknown conversion '%%\\x%02x'",
					 (unsigned char)c);
			return fail(err, start, i + 1, msg);
		}
		if (width > FMT_MAX_WIDTH || prec > FMT_MAX_WIDTH || nflags > 8)
			return fail(err, start, i + 1, "printf: width or precision above 4096");
		struct fmt_seg *g = add(arena, &s);
		g->kind = SEG_CONV;
		g->conv = c;
		g->arg = arg++;
		g->begin = (uint32_t)start;
		g->end = (uint32_t)i + 1;
		const char *len_mod = strchr("di", c) ? "ll" : strchr("uxXo", c) ? "ll" : "";
		char cc = c == 'i' ? 'd' : c == 'r' ? 's' : c;
		snprintf(g->cfmt, sizeof(g->cfmt), "%%%.*s%.*s%.*s%s%c", (int)nflags, f + flags,
			 (int)nwidth, f + width_at, (int)nprec, f + prec_at, len_mod, cc);
		text = i + 1;
	}
	add_text(arena, &s, f + text, len - text);
	out->segs = s.v;
	out->nsegs = s.n;
	out->nconvs = arg;
	return 0;
}
