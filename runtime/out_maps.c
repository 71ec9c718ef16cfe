/* out_maps.c - a map's entries as the rows every output format prints, in
 * bpftrace's order: ascending by value (count, sum, integers, min, max;
 * avg and stats by the average; hist/lhist by their total count, the
 * buckets of one key gathered into one row), anything else by key; and
 * what the formats share to print a row: key text and the bucket range of
 * a histogram. */
#include "runtime/out_format.h"

#include <stdlib.h>

/* How a map of this value type is laid out. */
enum out_map_style out_map_style(const struct type *v)
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
			c = out_cmp64(out_rd64(x), out_rd64(y), false);
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
static int row_cmp(const void *pa, const void *pb, void *arg)
{
	const struct out_row *a = pa, *b = pb;
	const struct order *ord = arg;
	int c = ord->by == BY_KEY ? 0 : out_cmp64(a->by, b->by, ord->by == BY_SIGNED);
	if (!c && !ord->tie_bytes)
		c = key_cmp(ord->m, a->key, b->key);
	if (!c)
		c = memcmp(a->key, b->key, ord->m->key->size);
	return c;
}

/* What a map's rows sort by: the value for numbers (avg and stats by the
 * average), the key for everything else. */
static void row_order(const struct output *o, const struct type *v,
		      struct out_row *r)
{
	struct out_agg a;
	switch (v->kind) {
	case TY_INT:
		r->by = out_int_bits(v, out_rd64(r->val));
		break;
	case TY_COUNT:
	case TY_SUM:
	case TY_MIN:
	case TY_MAX:
	case TY_AVG:
	case TY_STATS:
		out_agg_reduce(o, v, r->val, &a);
		r->by = a.v;
		break;
	default:
		break;
	}
}

/* Hist entries by user key bytes, then bucket, so that a key's buckets
 * are adjacent. */
static int hent_cmp(const void *pa, const void *pb, void *arg)
{
	const struct out_row *a = pa, *b = pb;
	uint32_t ks = *(const uint32_t *)arg;
	int c = memcmp(a->key, b->key, ks);
	if (c)
		return c;
	return out_cmp64(out_rd64((const char *)a->key + ks),
			 out_rd64((const char *)b->key + ks), false);
}

/* Buckets of a hist or lhist (a malformed lhist gets just below/above). */
int64_t out_hist_buckets(const struct type *v)
{
	if (v->kind == TY_HIST)
		return HIST_BUCKETS;
	return v->lstep > 0 && v->lmax > v->lmin ? lhist_buckets(v) : 2;
}

/* Groups hist entries (user key, bucket) by user key; returns the rows,
 * each with its bucket counts summed over the CPUs and its total count
 * to sort by. */
static size_t hist_rows(const struct output *o, const struct mapinfo *m,
			const struct map_entry *e, size_t n, struct out_row *rows)
{
	uint32_t ks = m->key->size;
	int64_t nb = out_hist_buckets(m->val);
	int ncpus = o->ncpus > 0 ? o->ncpus : 1;
	struct out_row *ents = xcalloc(n ? n : 1, sizeof(*ents));
	size_t nrows = 0;
	for (size_t i = 0; i < n; i++)
		ents[i] = (struct out_row){ .key = e[i].key, .val = e[i].val };
	qsort_r(ents, n, sizeof(*ents), hent_cmp, &ks);
	for (size_t i = 0; i < n; i++) {
		if (!nrows || memcmp(rows[nrows - 1].key, ents[i].key, ks)) {
			rows[nrows] = (struct out_row){ .key = ents[i].key };
			rows[nrows].counts = xcalloc((size_t)nb, sizeof(uint64_t));
			nrows++;
		}
		struct out_row *r = &rows[nrows - 1];
		uint64_t b = out_rd64((const char *)ents[i].key + ks), sum = 0;
		if (b >= (uint64_t)nb)
			continue;
		for (int cpu = 0; cpu < ncpus; cpu++)
			sum += out_rd64((const char *)ents[i].val + (size_t)cpu * 8);
		r->counts[b] += sum;
		r->by += sum;
	}
	free(ents);
	return nrows;
}

/* Whether a key holds a value printed as a symbol, which many keys may
 * print the same as: a stack too (two processes' stacks, or ustack(N)'s
 * frames under different callers). */
static bool key_symbolic(const struct type *k)
{
	if (k->kind == TY_TUPLE) {
		for (int i = 0; i < k->nelems; i++)
			if (key_symbolic(k->elems[i]))
				return true;
		return false;
	}
	return k->kind == TY_USYM || k->kind == TY_ULINE || k->kind == TY_UCALLER ||
	       k->kind == TY_USTACK || k->kind == TY_KSTACK;
}

struct text_row {
	char *text;
	const void *key;
	size_t row;
};

/* By text, then by key bytes: the row that stays of those merged is the
 * one with the smallest key, whatever the kernel's hash order, so that
 * rows with equal values keep one order from run to run. */
static int cmp_text_row(const void *a, const void *b, void *arg)
{
	const struct text_row *x = a, *y = b;
	const uint32_t *ks = arg;
	int c = strcmp(x->text, y->text);
	if (!c)
		c = memcmp(x->key, y->key, *ks);
	return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* Adds row r's value into the merged value of row into (an aggregation:
 * one slot per CPU, the combined value in the first). */
static void merge_into(const struct output *o, const struct mapinfo *m, struct out_row *into,
		       const struct out_row *r, int64_t nb)
{
	const struct type *v = m->val;
	if (out_map_style(v) == MS_HIST) {
		for (int64_t b = 0; b < nb; b++)
			into->counts[b] += r->counts[b];
		into->by += r->by;
		return;
	}
	int ncpus = o->ncpus > 0 ? o->ncpus : 1;
	uint32_t slot = agg_slot_size(v);
	struct out_agg a, b;
	out_agg_reduce(o, v, into->val, &a);
	out_agg_reduce(o, v, r->val, &b);
	if (!into->merged) {
		into->merged = xcalloc((size_t)ncpus, slot);
		into->val = into->merged;
	}
	char *p = into->merged;
	memset(p, 0, (size_t)ncpus * slot);
	uint64_t w0 = a.v + b.v, w1 = 0;
	switch (v->kind) {
	case TY_AVG:
	case TY_STATS:
		w0 = a.total + b.total;
		w1 = a.count + b.count;
		break;
	case TY_MIN:
	case TY_MAX: {
		int c = out_cmp64(a.v, b.v, v->is_signed);
		w0 = (v->kind == TY_MIN ? c <= 0 : c >= 0) ? a.v : b.v;
		w1 = 1;
		break;
	}
	default:
		break;
	}
	memcpy(p, &w0, 8);
	if (slot >= 16)
		memcpy(p + 8, &w1, 8);
	row_order(o, v, into);
}

/* Merges rows whose keys print the same; returns the rows left. */
static size_t merge_rows(const struct output *o, const struct mapinfo *m,
			 struct out_row *rows, size_t n)
{
	struct text_row *t = xcalloc(n ? n : 1, sizeof(*t));
	for (size_t i = 0; i < n; i++) {
		struct strbuf sb;
		sb_init(&sb);
		out_key_text(o, m, rows[i].key, "\n", &sb);
		t[i].text = sb.s ? sb_steal(&sb) : xstrdup("");
		sb_free(&sb);
		t[i].key = rows[i].key;
		t[i].row = i;
	}
	uint32_t ks = m->key->size;
	qsort_r(t, n, sizeof(*t), cmp_text_row, &ks);
	bool *gone = xcalloc(n ? n : 1, sizeof(bool));
	int64_t nb = out_hist_buckets(m->val);
	for (size_t i = 0, first = 0; i < n; i++) {
		if (i && !strcmp(t[i].text, t[first].text)) {
			merge_into(o, m, &rows[t[first].row], &rows[t[i].row], nb);
			gone[t[i].row] = true;
		} else {
			first = i;
		}
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (gone[i]) {
			free(rows[i].counts);
			continue;
		}
		rows[k++] = rows[i];
	}
	for (size_t i = 0; i < n; i++)
		free(t[i].text);
	free(t);
	free(gone);
	return k;
}

/* The rows of a map in bpftrace's order. */
size_t out_map_rows(const struct output *o, const struct mapinfo *m,
		    const struct map_entry *e, size_t n, struct out_row **out)
{
	const struct type *v = m->val;
	struct out_row *rows = xcalloc(n ? n : 1, sizeof(*rows));
	struct order ord = { .m = m, .tie_bytes = out_map_style(v) != MS_PLAIN };
	size_t nrows = n;
	switch (v->kind) {
	case TY_HIST:
	case TY_LHIST:
		ord.by = BY_UNSIGNED;
		break;
	case TY_INT:
	case TY_SUM:
	case TY_MIN:
	case TY_MAX:
	case TY_AVG:
	case TY_STATS:
		ord.by = v->is_signed ? BY_SIGNED : BY_UNSIGNED;
		break;
	case TY_COUNT:
		ord.by = BY_UNSIGNED;
		break;
	default:
		ord.by = BY_KEY;
	}
	if (out_map_style(v) == MS_HIST) {
		nrows = hist_rows(o, m, e, n, rows);
	} else {
		for (size_t i = 0; i < n; i++) {
			rows[i] = (struct out_row){ .key = e[i].key, .val = e[i].val };
			row_order(o, v, &rows[i]);
		}
	}
	if (type_is_agg(v) && key_symbolic(m->key))
		nrows = merge_rows(o, m, rows, nrows);
	qsort_r(rows, nrows, sizeof(*rows), row_cmp, &ord);
	*out = rows;
	return nrows;
}

void out_rows_free(struct out_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].counts);
		free(rows[i].merged);
	}
	free(rows);
}

/* The key as text: the elements of a multi-key map joined by sep, stack
 * frames indented by 4. */
void out_key_text(const struct output *o, const struct mapinfo *m,
		  const void *key, const char *sep, struct strbuf *sb)
{
	const struct type *k = m->key;
	if (m->nkeys >= 2 && k->kind == TY_TUPLE) {
		for (int i = 0; i < k->nelems; i++) {
			if (i)
				sb_puts(sb, sep);
			out_value(o, k->elems[i], (const char *)key + k->offsets[i],
				  KEY_INDENT, 1, sb);
		}
	} else {
		out_value(o, k, key, KEY_INDENT, 1, sb);
	}
}

/* The bucket range bpftrace prints: from the first to the last bucket that
 * has a count; nothing when every count is zero. */
bool out_bucket_range(const uint64_t *c, int64_t nb, int64_t *lo, int64_t *hi,
		      uint64_t *max)
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
