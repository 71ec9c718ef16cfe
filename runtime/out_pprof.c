/* out_pprof.c - the pprof format (-f pprof -o FILE): the maps whose key
 * holds a stack, as one gzipped profile.proto (github.com/google/pprof,
 * proto/profile.proto) that `go tool pprof` reads, written when gotrace is
 * done (out_ops.close).
 *
 * Each such map is one sample type, named after the map ("@cpu" is
 * "cpu", "@" is "samples") with a unit from its name's suffix (_ns
 * nanoseconds, _us microseconds, _ms milliseconds, _bytes bytes; count
 * otherwise). Each entry is one sample: its stack's addresses are the
 * locations, each with the functions, files and lines the binary's
 * .gopclntab gives for it (a call the compiler inlined is a line of its
 * own, as Go's own profiles have them); the key's other elements are
 * locations at the root named by their text; the value is the entry's
 * count, sum, integer or average. Every print of a map adds its entries.
 * Everything else gotrace prints goes to stderr as text. */
#include "runtime/out_format.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <time.h>
#include <zlib.h>

/* --- protocol buffers ----------------------------------------------------------- */

static void pb_varint(struct strbuf *sb, uint64_t v)
{
	while (v >= 0x80) {
		sb_putc(sb, (char)(v | 0x80));
		v >>= 7;
	}
	sb_putc(sb, (char)v);
}

/* A varint field (wire type 0). */
static void pb_int(struct strbuf *sb, int field, uint64_t v)
{
	pb_varint(sb, (uint64_t)field << 3);
	pb_varint(sb, v);
}

/* A length-delimited field (wire type 2): bytes or a message. */
static void pb_bytes(struct strbuf *sb, int field, const char *data, size_t len)
{
	pb_varint(sb, (uint64_t)field << 3 | 2);
	pb_varint(sb, len);
	sb_putn(sb, data, len);
}

static void pb_msg(struct strbuf *sb, int field, const struct strbuf *msg)
{
	pb_bytes(sb, field, msg->s ? msg->s : "", msg->len);
}

/* A packed repeated varint field. */
static void pb_packed(struct strbuf *sb, int field, const uint64_t *v, size_t n)
{
	struct strbuf p;
	sb_init(&p);
	for (size_t i = 0; i < n; i++)
		pb_varint(&p, v[i]);
	pb_msg(sb, field, &p);
	sb_free(&p);
}

/* --- the profile, as it is collected --------------------------------------------- */

/* A string -> index table (open addressing over the vector's indexes). */
struct strtab {
	VEC(char *) v;
	uint32_t *slots; /* index + 1, 0 empty */
	size_t cap;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void strtab_grow(struct strtab *t)
{
	size_t cap = t->cap ? t->cap * 2 : 256;
	uint32_t *slots = xcalloc(cap, sizeof(*slots));
	for (size_t i = 0; i < t->v.n; i++) {
		size_t j = hash_str(t->v.v[i]) & (cap - 1);
		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = (uint32_t)i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

/* The index of s, added when new; *added says whether it was. */
static uint32_t strtab_get(struct strtab *t, const char *s, bool *added)
{
	if (added)
		*added = false;
	if (2 * (t->v.n + 1) > t->cap)
		strtab_grow(t);
	size_t j = hash_str(s) & (t->cap - 1);
	while (t->slots[j]) {
		if (!strcmp(t->v.v[t->slots[j] - 1], s))
			return t->slots[j] - 1;
		j = (j + 1) & (t->cap - 1);
	}
	vec_push(&t->v, xstrdup(s));
	t->slots[j] = (uint32_t)t->v.n;
	if (added)
		*added = true;
	return (uint32_t)t->v.n - 1;
}

static void strtab_free(struct strtab *t)
{
	for (size_t i = 0; i < t->v.n; i++)
		free(t->v.v[i]);
	vec_free(&t->v);
	free(t->slots);
}

struct pp_line {
	uint64_t func; /* function id */
	int64_t line;
};

struct pp_loc {
	uint64_t mapping; /* 0: none */
	uint64_t addr;
	int nlines;
	struct pp_line lines[OUT_INLINE_MAX];
};

struct pp_func {
	uint32_t name, file; /* string indexes */
};

struct pp_mapping {
	uint32_t file;
	uint64_t lo, hi;
};

struct pp_sample {
	uint64_t *locs; /* location ids, leaf first */
	size_t nlocs;
	size_t type;
	int64_t value;
};

struct pprof {
	struct strtab strings;	 /* the profile's string table ("" first) */
	struct strtab loc_keys;	 /* location key -> location id - 1 */
	struct strtab func_keys; /* "name\nfile" -> function id - 1 */
	struct strtab map_keys;	 /* binary path -> mapping id - 1 */
	VEC(struct pp_loc) locs;
	VEC(struct pp_func) funcs;
	VEC(struct pp_mapping) mappings;
	VEC(struct pp_sample) samples;
	VEC(int) types; /* sample type i is the map with this id */
};

static struct pprof *state(struct output *o)
{
	if (!o->state) {
		struct pprof *p = xcalloc(1, sizeof(*p));
		strtab_get(&p->strings, "", NULL); /* string 0 is "" */
		o->state = p;
	}
	return o->state;
}

static uint64_t func_id(struct pprof *p, const char *name, const char *file)
{
	char *key = xasprintf("%s\n%s", name, file ? file : "");
	bool added;
	uint32_t i = strtab_get(&p->func_keys, key, &added);
	free(key);
	if (added) {
		struct pp_func f = { strtab_get(&p->strings, name, NULL),
				     strtab_get(&p->strings, file ? file : "", NULL) };
		vec_push(&p->funcs, f);
	}
	return i + 1;
}

static uint64_t mapping_id(struct pprof *p, const char *bin, uint64_t addr)
{
	bool added;
	uint32_t i = strtab_get(&p->map_keys, bin, &added);
	if (added) {
		struct pp_mapping m = { strtab_get(&p->strings, bin, NULL), addr, addr + 1 };
		vec_push(&p->mappings, m);
	}
	struct pp_mapping *m = &p->mappings.v[i];
	m->lo = MIN(m->lo, addr);
	m->hi = MAX(m->hi, addr + 1);
	return i + 1;
}

/* The location id of a place, added when new. */
static uint64_t loc_id(struct pprof *p, const struct out_loc *l)
{
	char *key = l->addr ? xasprintf("%c%" PRIx64 ":%u", l->kernel ? 'k' : 'u', l->addr, l->pid)
			    : xasprintf("v%s", l->lines[0].func);
	bool added;
	uint32_t i = strtab_get(&p->loc_keys, key, &added);
	free(key);
	if (added) {
		struct pp_loc pl = { .addr = l->addr, .nlines = l->nlines };
		if (l->addr && l->bin)
			pl.mapping = mapping_id(p, l->bin, l->addr);
		for (int j = 0; j < l->nlines; j++) {
			pl.lines[j].func = func_id(p, l->lines[j].func, l->lines[j].file);
			pl.lines[j].line = l->lines[j].line;
		}
		vec_push(&p->locs, pl);
	}
	return i + 1;
}

struct pp_adding {
	struct pprof *p;
	size_t type;
	int64_t div;
};

/* One entry: a sample of its map's type at its places. */
static void add_sample(void *arg, const struct out_loc *locs, size_t nl, int64_t v)
{
	struct pp_adding *a = arg;
	struct pp_sample s = { xcalloc(nl ? nl : 1, sizeof(uint64_t)), nl, a->type,
			       (int64_t)out_divide((uint64_t)v, true, a->div) };
	for (size_t k = 0; k < nl; k++)
		s.locs[k] = loc_id(a->p, &locs[k]);
	vec_push(&a->p->samples, s);
}

/* A map: its entries as samples of its own sample type. */
static void pprof_map(struct output *o, const struct mapinfo *m, const struct out_row *rows,
		      size_t n, int64_t div)
{
	if (!out_profile_map(o, m, rows, n, div, "to the profile"))
		return;
	struct pp_adding a = { state(o), 0, div };
	while (a.type < a.p->types.n && a.p->types.v[a.type] != m->id)
		a.type++;
	if (a.type == a.p->types.n)
		vec_push(&a.p->types, m->id);
	out_profile_samples(o, m, rows, n, add_sample, &a);
}

/* --- writing it -------------------------------------------------------------------- */

/* A map's sample type: its name, and a unit from the name's suffix. */
static void sample_type(struct pprof *p, const struct mapinfo *m, struct strbuf *sb)
{
	static const struct {
		const char *suffix, *unit;
	} units[] = {
		{ "_ns", "nanoseconds" }, { "_us", "microseconds" }, { "_ms", "milliseconds" },
		{ "_bytes", "bytes" },
	};
	const char *unit = "count";
	size_t len = strlen(m->name);
	for (size_t i = 0; i < ARRAY_SIZE(units); i++) {
		size_t k = strlen(units[i].suffix);
		if (len > k && !strcmp(m->name + len - k, units[i].suffix))
			unit = units[i].unit;
	}
	struct strbuf vt;
	sb_init(&vt);
	pb_int(&vt, 1, strtab_get(&p->strings, m->name[0] ? m->name : "samples", NULL));
	pb_int(&vt, 2, strtab_get(&p->strings, unit, NULL));
	pb_msg(sb, 1, &vt);
	sb_free(&vt);
}

/* The Profile message. */
static void encode(struct output *o, struct pprof *p, struct strbuf *pb)
{
	struct strbuf m;
	sb_init(&m);
	for (size_t i = 0; i < p->types.n; i++)
		sample_type(p, o->sema->maps.v[p->types.v[i]], pb);
	uint64_t *vals = xcalloc(p->types.n ? p->types.n : 1, sizeof(uint64_t));
	for (size_t i = 0; i < p->samples.n; i++) {
		const struct pp_sample *s = &p->samples.v[i];
		sb_reset(&m);
		pb_packed(&m, 1, s->locs, s->nlocs);
		memset(vals, 0, p->types.n * sizeof(uint64_t));
		vals[s->type] = (uint64_t)s->value;
		pb_packed(&m, 2, vals, p->types.n);
		pb_msg(pb, 2, &m);
	}
	free(vals);
	for (size_t i = 0; i < p->mappings.n; i++) {
		const struct pp_mapping *mp = &p->mappings.v[i];
		sb_reset(&m);
		pb_int(&m, 1, i + 1);
		pb_int(&m, 2, mp->lo);
		pb_int(&m, 3, mp->hi);
		pb_int(&m, 5, mp->file);
		pb_int(&m, 7, 1); /* has_functions */
		pb_int(&m, 8, 1); /* has_filenames */
		pb_int(&m, 9, 1); /* has_line_numbers */
		pb_int(&m, 10, 1); /* has_inline_frames */
		pb_msg(pb, 3, &m);
	}
	for (size_t i = 0; i < p->locs.n; i++) {
		const struct pp_loc *l = &p->locs.v[i];
		sb_reset(&m);
		pb_int(&m, 1, i + 1);
		if (l->mapping)
			pb_int(&m, 2, l->mapping);
		pb_int(&m, 3, l->addr);
		for (int j = 0; j < l->nlines; j++) {
			struct strbuf ln;
			sb_init(&ln);
			pb_int(&ln, 1, l->lines[j].func);
			pb_int(&ln, 2, (uint64_t)l->lines[j].line);
			pb_msg(&m, 4, &ln);
			sb_free(&ln);
		}
		pb_msg(pb, 4, &m);
	}
	for (size_t i = 0; i < p->funcs.n; i++) {
		sb_reset(&m);
		pb_int(&m, 1, i + 1);
		pb_int(&m, 2, p->funcs.v[i].name);
		pb_int(&m, 3, p->funcs.v[i].name); /* system_name */
		pb_int(&m, 4, p->funcs.v[i].file);
		pb_msg(pb, 5, &m);
	}
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	uint64_t comment = strtab_get(&p->strings, "written by gotrace", NULL);
	for (size_t i = 0; i < p->strings.v.n; i++)
		pb_bytes(pb, 6, p->strings.v.v[i], strlen(p->strings.v.v[i]));
	pb_int(pb, 9, (uint64_t)now.tv_sec * 1000000000 + (uint64_t)now.tv_nsec);
	pb_int(pb, 13, comment);
	sb_free(&m);
}

/* gzip of the bytes, to f; 0 or -1. */
static int write_gzip(FILE *f, const struct strbuf *pb)
{
	z_stream z = { 0 };
	if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	unsigned char buf[65536];
	z.next_in = (unsigned char *)(pb->s ? pb->s : "");
	z.avail_in = (uInt)pb->len;
	int r, err = 0;
	do {
		z.next_out = buf;
		z.avail_out = sizeof(buf);
		r = deflate(&z, Z_FINISH);
		size_t have = sizeof(buf) - z.avail_out;
		if (have && fwrite(buf, 1, have, f) != have)
			err = -1;
	} while (r == Z_OK);
	deflateEnd(&z);
	return r == Z_STREAM_END && !err ? 0 : -1;
}

static void pprof_close(struct output *o)
{
	struct pprof *p = state(o);
	if (!p->samples.n)
		fprintf(stderr, "gotrace: the profile is empty: no map with a stack in its key had entries\n");
	struct strbuf pb;
	sb_init(&pb);
	encode(o, p, &pb);
	if (write_gzip(o->f, &pb) || fflush(o->f))
		fprintf(stderr, "gotrace: cannot write the profile: %s\n", strerror(errno));
	sb_free(&pb);
	for (size_t i = 0; i < p->samples.n; i++)
		free(p->samples.v[i].locs);
	vec_free(&p->samples);
	vec_free(&p->locs);
	vec_free(&p->funcs);
	vec_free(&p->mappings);
	vec_free(&p->types);
	strtab_free(&p->strings);
	strtab_free(&p->loc_keys);
	strtab_free(&p->func_keys);
	strtab_free(&p->map_keys);
	free(p);
	o->state = NULL;
}

const struct out_ops out_pprof_ops = {
	.banner = out_stderr_banner,
	.printf_line = out_stderr_printf,
	.print_value = out_stderr_print_value,
	.time = out_stderr_time,
	.map = pprof_map,
	.lost = out_stderr_lost,
	.flush = out_flush_both,
	.close = pprof_close,
};
