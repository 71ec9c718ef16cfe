/* maps.c - reading the script's maps from the kernel: print(@m) and the
 * final dump, clear() and zero(), and the count of lost events. */
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>

#include "runtime/tracer.h"

static uint32_t value_size(struct tracer *t, const struct mapinfo *m)
{
	if (type_is_agg(m->val))
		return (uint32_t)ALIGN_UP(agg_slot_size(m->val), 8) * (uint32_t)t->ncpus;
	return m->val->size;
}

/* Every entry of a map, read at one moment. */
struct snapshot {
	struct map_entry *e;
	size_t n;
	char *keys, *vals;
};

static void snapshot_free(struct snapshot *sn)
{
	free(sn->e);
	free(sn->keys);
	free(sn->vals);
}

/* Reads every entry of a map. A key deleted meanwhile is skipped; the
 * walk ends where bpf_map_get_next_key finds no next key. */
static void read_map(struct tracer *t, const struct mapinfo *m, struct snapshot *sn)
{
	int fd = t->map_fds[m->id];
	uint32_t ks = mapinfo_key_size(m), vs = value_size(t, m);
	size_t cap = 64, n = 0;
	char *keys = xmalloc(cap * ks), *vals = xmalloc(cap * vs);
	char *cur = xmalloc(ks), *prev = xmalloc(ks);
	bool first = true;
	while (bpf_map_get_next_key(fd, first ? NULL : prev, cur) == 0) {
		first = false;
		if (n == cap) {
			cap *= 2;
			keys = xrealloc(keys, cap * ks);
			vals = xrealloc(vals, cap * vs);
		}
		if (bpf_map_lookup_elem(fd, cur, vals + n * vs) == 0) {
			memcpy(keys + n * ks, cur, ks);
			n++;
		}
		memcpy(prev, cur, ks);
	}
	free(cur);
	free(prev);
	sn->e = xcalloc(n ? n : 1, sizeof(*sn->e));
	for (size_t i = 0; i < n; i++) {
		sn->e[i].key = keys + i * ks;
		sn->e[i].val = vals + i * vs;
	}
	sn->n = n;
	sn->keys = keys;
	sn->vals = vals;
}

/* print(@m, top, div). */
void print_map(struct tracer *t, const struct mapinfo *m, int64_t top, int64_t div)
{
	struct snapshot sn;
	read_map(t, m, &sn);
	out_map(t->out, m, sn.e, sn.n, top, div);
	snapshot_free(&sn);
}

/* clear(@m) deletes every key; zero(@m) keeps the keys with zero values.
 * A key that a probe deletes meanwhile makes its update or delete fail,
 * which is what it would have done anyway. */
void clear_map(struct tracer *t, const struct mapinfo *m, bool zero)
{
	struct snapshot sn;
	read_map(t, m, &sn);
	int fd = t->map_fds[m->id];
	void *zeros = xcalloc(1, value_size(t, m));
	for (size_t i = 0; i < sn.n; i++) {
		if (zero)
			bpf_map_update_elem(fd, sn.e[i].key, zeros, BPF_EXIST);
		else
			bpf_map_delete_elem(fd, sn.e[i].key);
	}
	free(zeros);
	snapshot_free(&sn);
}

static int cmp_map_name(const void *a, const void *b)
{
	const struct mapinfo *x = *(const struct mapinfo *const *)a;
	const struct mapinfo *y = *(const struct mapinfo *const *)b;
	return strcmp(x->name, y->name);
}

/* At the end: bpftrace's two newlines, then every map that is not empty,
 * in name order. */
void print_all_maps(struct tracer *t)
{
	size_t n = t->s->maps.n;
	out_exit(t->out);
	const struct mapinfo **ms = xmalloc((n ? n : 1) * sizeof(*ms));
	for (size_t i = 0; i < n; i++)
		ms[i] = t->s->maps.v[i];
	qsort(ms, n, sizeof(*ms), cmp_map_name);
	for (size_t i = 0; i < n; i++) {
		struct snapshot sn;
		read_map(t, ms[i], &sn);
		if (sn.n)
			out_map(t->out, ms[i], sn.e, sn.n, 0, 0);
		snapshot_free(&sn);
	}
	free(ms);
}

/* Events the probes could not put in the ring buffer, over all CPUs. */
uint64_t lost_events(struct tracer *t)
{
	if (t->lost_fd < 0)
		return 0;
	uint32_t key = 0;
	uint64_t *vals = xcalloc((size_t)t->ncpus, 8);
	uint64_t sum = 0;
	if (bpf_map_lookup_elem(t->lost_fd, &key, vals) == 0)
		for (int i = 0; i < t->ncpus; i++)
			sum += vals[i];
	free(vals);
	return sum;
}
