/* out_profile.c - what the profile formats (out_folded.c, out_pprof.c)
 * share: which maps make a profile (a stack in the key, numbers as
 * values), each entry of one as its places (the key's stack frames with
 * their functions, files and lines from the binary, its other elements
 * named by their text) and its number, and everything else, printed as
 * text on stderr. */
#include "runtime/out_format.h"

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

/* The places of a key, leaf first: stack frames innermost first, each
 * stack after the key elements that follow it, non-stack elements as one
 * place each; the root is the first key element. Free with locs_free. */
static size_t key_locs(const struct output *o, const struct mapinfo *m, const void *key,
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

static void locs_free(struct out_loc *locs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < locs[i].nlines; j++)
			free(locs[i].lines[j].func);
	free(locs);
}

/* The number a row of a profile map adds: a count, sum, integer, min,
 * max, the average of avg, the total of stats; false for histograms. */
static bool row_number(const struct output *o, const struct mapinfo *m, const struct out_row *r,
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

/* --- a profile's maps ----------------------------------------------------------- */

bool out_profile_map(struct output *o, const struct mapinfo *m, const struct out_row *rows,
		     size_t n, int64_t div, const char *not_written)
{
	if (out_key_has_stack(m) && out_map_style(m->val) != MS_HIST)
		return true;
	if (out_key_has_stack(m))
		fprintf(stderr, "gotrace: @%s holds histograms: not written %s\n", m->name,
			not_written);
	out_stderr_map(o, m, rows, n, div);
	return false;
}

void out_profile_samples(const struct output *o, const struct mapinfo *m,
			 const struct out_row *rows, size_t n, out_sample_fn *fn, void *arg)
{
	for (size_t i = 0; i < n; i++) {
		int64_t v;
		if (!row_number(o, m, &rows[i], &v))
			continue;
		struct out_loc *locs;
		size_t nl = key_locs(o, m, rows[i].key, &locs);
		fn(arg, locs, nl, v);
		locs_free(locs, nl);
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
