/* out_folded.c - the folded format (-f folded): each entry of a map whose
 * key holds a stack as one line "root;...;leaf N", the input of Brendan
 * Gregg's flamegraph.pl, speedscope and inferno. Frames are function
 * names from the binary (a call the compiler inlined is a frame of its
 * own, as in go tool pprof), kernel frames end in "_[k]"; the key's
 * other elements (a string, a number) are frames at the root, in key
 * order. Entries whose frames print the same are added up, and the lines
 * come sorted. Everything else (printf, other maps, the banner) goes to
 * stderr as text.
 *
 * Also here: what the folded and pprof formats share, a key as its
 * places (out_key_locs). */
#include "runtime/out_format.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "runtime/symbols.h"

/* --- a key as places --------------------------------------------------------- */

static bool is_stack(const struct type *t)
{
	return t->kind == TY_USTACK || t->kind == TY_KSTACK;
}

bool out_key_has_stack(const struct mapinfo *m)
{
	const struct type *k = m->key;
	if (!m->nkeys || !k)
		return false;
	if (m->nkeys >= 2 && k->kind == TY_TUPLE) {
		for (int i = 0; i < k->nelems; i++)
			if (is_stack(k->elems[i]))
				return true;
		return false;
	}
	return is_stack(k);
}

/* The function name of a kernel address: kallsyms' name without the
 * offset. */
static char *ksym_name(const struct output *o, uint64_t addr)
{
	struct strbuf sb;
	sb_init(&sb);
	syms_ksym_off(o->syms, addr, &sb);
	char *plus = sb.s ? strrchr(sb.s, '+') : NULL;
	if (plus && plus != sb.s)
		*plus = '\0';
	return sb_steal(&sb);
}

struct loc_vec {
	struct out_loc *v;
	size_t n, cap;
};

/* The places of one stack value, innermost first, appended to v. */
static void stack_locs(const struct output *o, const struct type *t, const void *data,
		       struct loc_vec *v)
{
	uint64_t ips[OUT_STACK_MAX];
	uint32_t pid;
	int n = out_stack(o, t, data, ips, &pid);
	if (!n) { /* the stack could not be read (or is gone) */
		struct out_loc l = { .nlines = 1 };
		l.lines[0].func = xstrdup("[unknown]");
		vec_push(v, l);
	}
	for (int i = 0; i < n; i++) {
		struct out_loc l = { .addr = ips[i], .pid = pid, .kernel = t->kind == TY_KSTACK };
		if (l.kernel) {
			l.bin = "[kernel.kallsyms]";
			l.lines[0].func = ksym_name(o, ips[i]);
			l.nlines = 1;
		} else {
			struct gosrc src[OUT_INLINE_MAX];
			/* every frame but the first is a return address */
			int k = syms_usrc(o->syms, ips[i], pid, i > 0, src, OUT_INLINE_MAX, &l.bin);
			for (int j = 0; j < k; j++) {
				l.lines[j].func = xstrdup(src[j].func);
				l.lines[j].file = src[j].file;
				l.lines[j].line = src[j].line;
			}
			l.nlines = k;
			if (!k) { /* no .gopclntab: the symbol (or the address) */
				struct strbuf sb;
				sb_init(&sb);
				syms_usym(o->syms, ips[i], pid, &sb);
				l.lines[0].func = sb_steal(&sb);
				l.nlines = 1;
			}
		}
		vec_push(v, l);
	}
}

/* A key element that is not a stack: a place named by its text. */
static void value_loc(const struct output *o, const struct type *t, const void *data,
		      struct loc_vec *v)
{
	struct strbuf sb;
	sb_init(&sb);
	out_value(o, t, data, KEY_INDENT, 1, &sb);
	struct out_loc l = { .nlines = 1 };
	l.lines[0].func = sb.s ? sb_steal(&sb) : xstrdup("");
	sb_free(&sb);
	vec_push(v, l);
}

size_t out_key_locs(const struct output *o, const struct mapinfo *m, const void *key,
		    struct out_loc **locs)
{
	struct loc_vec v = { 0 };
	const struct type *k = m->key;
	int n = m->nkeys >= 2 && k->kind == TY_TUPLE ? k->nelems : 1; /* elements */
	/* leaf first: the last element's places first */
	for (int i = n - 1; i >= 0; i--) {
		const struct type *e = n > 1 ? k->elems[i] : k;
		const char *d = (const char *)key + (n > 1 ? k->offsets[i] : 0);
		if (is_stack(e))
			stack_locs(o, e, d, &v);
		else
			value_loc(o, e, d, &v);
	}
	*locs = v.v;
	return v.n;
}

void out_locs_free(struct out_loc *locs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < locs[i].nlines; j++)
			free(locs[i].lines[j].func);
	free(locs);
}

bool out_row_number(const struct output *o, const struct mapinfo *m, const struct out_row *r,
		    int64_t *v)
{
	const struct type *t = m->val;
	struct out_agg a;
	switch (t->kind) {
	case TY_INT:
		*v = (int64_t)out_int_bits(t, out_rd64(r->val));
		return true;
	case TY_COUNT:
	case TY_SUM:
	case TY_MIN:
	case TY_MAX:
	case TY_AVG:
		out_agg_reduce(o, t, r->val, &a);
		*v = (int64_t)a.v;
		return true;
	case TY_STATS:
		out_agg_reduce(o, t, r->val, &a);
		*v = (int64_t)a.total;
		return true;
	default:
		return false;
	}
}

/* --- everything else, as text on stderr --------------------------------------- */

/* Calls a text op with the output pointed at stderr. */
#define ON_STDERR(o, call)                                                          \
	do {                                                                        \
		FILE *saved = (o)->f;                                               \
		fflush(saved);                                                      \
		(o)->f = stderr;                                                    \
		call;                                                               \
		(o)->f = saved;                                                     \
	} while (0)

void out_stderr_banner(struct output *o, int nprobes)
{
	ON_STDERR(o, out_text_ops.banner(o, nprobes));
}

void out_stderr_printf(struct output *o, const char *text, size_t len)
{
	ON_STDERR(o, out_text_ops.printf_line(o, text, len));
}

void out_stderr_print_value(struct output *o, const struct type *t, const void *data)
{
	ON_STDERR(o, out_text_ops.print_value(o, t, data));
}

void out_stderr_time(struct output *o, const char *text, size_t len)
{
	ON_STDERR(o, out_text_ops.time(o, text, len));
}

void out_stderr_map(struct output *o, const struct mapinfo *m, const struct out_row *rows,
		    size_t n, int64_t div)
{
	if (n)
		ON_STDERR(o, out_text_ops.map(o, m, rows, n, div));
}

void out_stderr_lost(struct output *o, uint64_t lost)
{
	ON_STDERR(o, out_text_ops.lost(o, lost));
}

void out_flush_both(struct output *o)
{
	fflush(o->f);
	fflush(stderr);
}


/* --- folded lines -------------------------------------------------------------- */

/* A frame's name as flamegraph.pl reads it: ';' separates frames and a
 * line's last space comes before the count, so ';' becomes ':' and
 * newlines become spaces. */
static void put_frame(const char *name, bool kernel, struct strbuf *sb)
{
	for (const char *c = name; *c; c++)
		sb_putc(sb, *c == ';' ? ':' : *c == '\n' ? ' ' : *c);
	if (kernel)
		sb_puts(sb, "_[k]");
}

struct folded_line {
	char *stack;
	int64_t n;
};

static int cmp_line(const void *a, const void *b)
{
	return strcmp(((const struct folded_line *)a)->stack, ((const struct folded_line *)b)->stack);
}

static void folded_map(struct output *o, const struct mapinfo *m, const struct out_row *rows,
		       size_t n, int64_t div)
{
	if (!out_key_has_stack(m) || out_map_style(m->val) == MS_HIST) {
		if (out_key_has_stack(m))
			fprintf(stderr, "gotrace: @%s holds histograms: not written as folded stacks\n",
				m->name);
		out_stderr_map(o, m, rows, n, div);
		return;
	}
	VEC(struct folded_line) lines = { 0 };
	for (size_t i = 0; i < n; i++) {
		int64_t v;
		if (!out_row_number(o, m, &rows[i], &v))
			continue;
		struct out_loc *locs;
		size_t nl = out_key_locs(o, m, rows[i].key, &locs);
		struct strbuf sb;
		sb_init(&sb);
		/* root first: the places in reverse, each one's outer frame first */
		for (size_t k = nl; k-- > 0;)
			for (int j = locs[k].nlines; j-- > 0;) {
				if (sb.len)
					sb_putc(&sb, ';');
				put_frame(locs[k].lines[j].func, locs[k].kernel, &sb);
			}
		out_locs_free(locs, nl);
		struct folded_line fl = { sb.s ? sb_steal(&sb) : xstrdup(""), v };
		sb_free(&sb);
		vec_push(&lines, fl);
	}
	if (lines.n)
		qsort(lines.v, lines.n, sizeof(*lines.v), cmp_line);
	struct strbuf out;
	sb_init(&out);
	for (size_t i = 0; i < lines.n; i++) {
		int64_t sum = lines.v[i].n;
		while (i + 1 < lines.n && !strcmp(lines.v[i].stack, lines.v[i + 1].stack)) {
			free(lines.v[i].stack);
			sum += lines.v[++i].n;
		}
		sb_printf(&out, "%s %" PRId64 "\n", lines.v[i].stack,
			  (int64_t)out_divide((uint64_t)sum, true, div));
		free(lines.v[i].stack);
	}
	out_write(o, &out);
	sb_free(&out);
	vec_free(&lines);
}

const struct out_ops out_folded_ops = {
	.banner = out_stderr_banner,
	.printf_line = out_stderr_printf,
	.print_value = out_stderr_print_value,
	.time = out_stderr_time,
	.map = folded_map,
	.lost = out_stderr_lost,
	.flush = out_flush_both,
};
