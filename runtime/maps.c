/* maps.c - reading the script's maps from the kernel: print(@m) and the
 * final dump, clear() and zero(), and the count of lost events. */
#include <errno.h>
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

/* Room for `n` entries in the snapshot's key and value arrays. */
static void snapshot_room(struct snapshot *sn, size_t n, uint32_t ks, uint32_t vs, size_t *cap)
{
	if (n <= *cap)
		return;
	while (*cap < n)
		*cap = *cap ? *cap * 2 : 1024;
	sn->keys = xrealloc(sn->keys, *cap * ks);
	sn->vals = xrealloc(sn->vals, *cap * vs);
}

/* Reads the map in batches (BPF_MAP_LOOKUP_BATCH): a hash map bucket by
 * bucket, each bucket whole, so that every key is read once even while
 * probes add and delete keys, in a few system calls for any size.
 * Returns 0, or a negative errno when the kernel cannot do it before
 * anything was read. */
static int read_batches(int fd, struct snapshot *sn, uint32_t ks, uint32_t vs, size_t *cap)
{
	uint64_t in = 0, out = 0; /* the kernel's position: a bucket index */
	bool first = true;
	uint32_t chunk = 1024;
	for (;;) {
		snapshot_room(sn, sn->n + chunk, ks, vs, cap);
		uint32_t count = chunk;
		int err = bpf_map_lookup_batch(fd, first ? NULL : &in, &out, sn->keys + sn->n * ks,
					       sn->vals + sn->n * vs, &count, NULL);
		err = err < 0 ? -errno : 0;
		if (err && err != -ENOENT && err != -ENOSPC)
			return sn->n || !first ? 0 : err; /* what was read stands */
		sn->n += count;
		if (err == -ENOENT)
			return 0; /* the last bucket was read */
		if (err == -ENOSPC) {
			chunk *= 2; /* one bucket holds more than chunk keys */
			continue;
		}
		in = out;
		first = false;
		chunk = MIN(chunk * 2, 1u << 20);
	}
}

/* One key at a time, for a kernel or map without batches: a key deleted
 * meanwhile is skipped; a walk that loses its place (its key deleted)
 * starts again from the first bucket, and may list keys twice. */
static void read_one_by_one(int fd, struct snapshot *sn, uint32_t ks, uint32_t vs, size_t *cap)
{
	char *cur = xmalloc(ks), *prev = xmalloc(ks);
	bool first = true;
	while (bpf_map_get_next_key(fd, first ? NULL : prev, cur) == 0) {
		first = false;
		snapshot_room(sn, sn->n + 1, ks, vs, cap);
		if (bpf_map_lookup_elem(fd, cur, sn->vals + sn->n * vs) == 0) {
			memcpy(sn->keys + sn->n * ks, cur, ks);
			sn->n++;
		}
		memcpy(prev, cur, ks);
	}
	free(cur);
	free(prev);
}

/* Reads every entry of a map. */
static void read_map(struct tracer *t, const struct mapinfo *m, struct snapshot *sn)
{
	int fd = t->map_fds[m->id];
	uint32_t ks = mapinfo_key_size(m), vs = value_size(t, m);
	size_t cap = 0;
	memset(sn, 0, sizeof(*sn));
	if (t->no_batch || read_batches(fd, sn, ks, vs, &cap) < 0) {
		t->no_batch = true;
		sn->n = 0;
		read_one_by_one(fd, sn, ks, vs, &cap);
	}
	sn->e = xcalloc(sn->n ? sn->n : 1, sizeof(*sn->e));
	for (size_t i = 0; i < sn->n; i++) {
		sn->e[i].key = sn->keys + i * ks;
		sn->e[i].val = sn->vals + i * vs;
	}
}

/* print(@m, top, div). */
void print_map(struct tracer *t, const struct mapinfo *m, int64_t top, int64_t div)
{
	struct snapshot sn;
	read_map(t, m, &sn);
	out_map(t->out, m, sn.e, sn.n, top, div);
	snapshot_free(&sn);
}

/* clear(@m) deletes every key; zero(@m) keeps the keys with zero values,
 * in batches where the kernel has them. A key that a probe deletes
 * meanwhile makes its delete fail, which is what it would have done
 * anyway; zero() in a batch cannot say "only if it exists" (the kernel
 * takes no flags there), so such a key comes back with zero, as if it
 * had been deleted just after. */
void clear_map(struct tracer *t, const struct mapinfo *m, bool zero)
{
	struct snapshot sn;
	read_map(t, m, &sn);
	int fd = t->map_fds[m->id];
	uint32_t ks = mapinfo_key_size(m), vs = value_size(t, m);
	size_t done = 0;
	void *zeros = xcalloc(zero && !t->no_batch ? (sn.n ? sn.n : 1) : 1, vs);
	while (!t->no_batch && done < sn.n) {
		uint32_t want = (uint32_t)MIN(sn.n - done, 1u << 20), count = want;
		int err = zero ? bpf_map_update_batch(fd, sn.keys + done * ks, zeros, &count, NULL)
			       : bpf_map_delete_batch(fd, sn.keys + done * ks, &count, NULL);
		if (err < 0 && count >= want)
			break; /* refused as a whole: one key at a time from here */
		/* a key that fails (gone meanwhile) ends the batch after the
		 * keys before it; it is skipped */
		done += count + (err < 0);
	}
	for (size_t i = done; i < sn.n; i++) {
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
