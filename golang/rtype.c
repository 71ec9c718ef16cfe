/* rtype.c - Go's runtime type descriptors, read from the file: the types
 * section's range (moduledata.types .. etypes), the name of the type a
 * descriptor describes (gotype() finds the descriptor behind an interface
 * in the probe; the name is read here when printing), and whole types by
 * name with their fields (gocast()), which every binary keeps for the
 * types it uses through interfaces and reflection, stripped or not.
 *
 * abi.Type (runtime._type before Go 1.21), the same from 1.16 to 1.27:
 *   size uintptr 0, ptrdata 8, hash u32 16, tflag u8 20, align u8 21,
 *   fieldAlign u8 22, kind u8 23 (low 5 bits), equal 24, gcdata 32,
 *   str nameOff i32 40, ptrToThis typeOff i32 44; 48 bytes, then what
 *   the kind adds: Ptr and Slice elem *Type (48); Array elem (48), slice
 *   (56), len (64); Chan elem, dir; Func inCount, outCount u16;
 *   Interface pkgPath name, methods []; Struct pkgPath name (48),
 *   fields []StructField (56, 64). Then, with tflag uncommon, an
 *   UncommonType whose first field is the import path (nameOff).
 * StructField: name *byte, typ *Type, offset uintptr (before Go 1.19:
 *   offset<<1 | embedded).
 * A name: a flags byte (1 exported, 2 tag follows, 4 pkgPath follows,
 *   8 embedded), the length (a uvarint since Go 1.17, two big-endian
 *   bytes before), the bytes. nameOff and typeOff are offsets from the
 *   start of the types section; pointers are addresses (relocated in a
 *   PIE). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golang/internal.h"

#define RTYPE_SIZE 0
#define RTYPE_TFLAG 20
#define RTYPE_ALIGN 21
#define RTYPE_KIND 23
#define RTYPE_STR 40
#define RTYPE_HDR 48
#define TFLAG_UNCOMMON 0x1
#define TFLAG_EXTRA_STAR 0x2
#define TFLAG_NAMED 0x4
#define RT_MAX_DEPTH 400

enum {
	K_BOOL = 1, K_INT, K_INT8, K_INT16, K_INT32, K_INT64, K_UINT, K_UINT8, K_UINT16,
	K_UINT32, K_UINT64, K_UINTPTR, K_FLOAT32, K_FLOAT64, K_COMPLEX64, K_COMPLEX128,
	K_ARRAY, K_CHAN, K_FUNC, K_INTERFACE, K_MAP, K_PTR, K_SLICE, K_STRING, K_STRUCT,
	K_UNSAFEPTR,
};

/* Where the UncommonType follows the descriptor, by kind (0: unknown,
 * as for maps, whose descriptor changed size across releases). */
static uint32_t uncommon_off(unsigned kind)
{
	switch (kind) {
	case K_ARRAY:
		return 72;
	case K_CHAN:
		return 64;
	case K_FUNC:
	case K_PTR:
	case K_SLICE:
		return 56;
	case K_INTERFACE:
	case K_STRUCT:
		return 80;
	case K_MAP:
		return 0;
	default:
		return kind >= K_BOOL && kind <= K_UNSAFEPTR ? RTYPE_HDR : 0;
	}
}

struct named {
	uint64_t typ;
	const char *name; /* "net/http.Request" (or "http.Request" without a path) */
};

struct rtype_state {
	int range_state; /* 0 not looked up, 1 found (ts, te), -1 not found */
	uint64_t ts, te;
	bool scanned;
	struct arena arena;
	struct u64map types;   /* descriptor -> struct gotype */
	VEC(struct named) named; /* every named type, by a scan of the section */
	VEC(const char *) names;
};

void gobin_rtype_free(struct gobin *b)
{
	struct rtype_state *st = b->rt;
	if (!st)
		return;
	u64map_free(&st->types);
	vec_free(&st->named);
	vec_free(&st->names);
	arena_free(&st->arena);
	free(st);
	b->rt = NULL;
}

static struct rtype_state *rt_state(struct gobin *b)
{
	if (!b->rt)
		b->rt = xcalloc(1, sizeof(*b->rt));
	return b->rt;
}

/* The range, looked up once: printing asks for it at every type name. */
int gobin_types_range(struct gobin *b, uint64_t *start, uint64_t *end)
{
	uint64_t s, e, md;
	if (gobin_compiler(b) != GOC_GC)
		return gobin_errf(b, -ENOTSUP, "%s is not built by Go's gc compiler", b->path);
	struct rtype_state *st = rt_state(b);
	if (!st->range_state) {
		st->range_state = -1;
		/* moduledata: ... end, gcdata, gcbss, types, etypes, after
		 * the data and bss bounds (and, from Go 1.20, covctrs and
		 * ecovctrs); Go 1.27 put typedesclen between types and
		 * etypes */
		uint64_t off = b->release >= 120 ? 296 : 280;
		uint64_t eoff = b->release >= 127 ? 16 : 8;
		if ((gobin_symbol(b, "runtime.types", &s, NULL, NULL) &&
		     gobin_symbol(b, "runtime.etypes", &e, NULL, NULL) && s < e) ||
		    (gobin_moduledata(b, &md) && gobin_read_word(b, md + off, &s) &&
		     gobin_read_word(b, md + off + eoff, &e) && s && s < e)) {
			st->ts = s;
			st->te = e;
			st->range_state = 1;
		}
	}
	if (st->range_state < 0)
		return gobin_errf(b, -ENOENT, "%s: cannot find Go's type descriptors", b->path);
	*start = st->ts;
	*end = st->te;
	return 0;
}

/* The name whose bytes start at vaddr (a flags byte, the length, the
 * bytes): *p and *len; false when it does not fit in the file. */
static bool name_at(struct gobin *b, uint64_t vaddr, const char **p, uint64_t *len,
		    uint8_t *flags)
{
	uint64_t avail, nlen = 0, hdr;
	const uint8_t *n = gobin_vaddr_ptr(b, vaddr, &avail);
	if (!n || avail < 3)
		return false;
	if (b->release && b->release < 117) {
		nlen = (uint64_t)n[1] << 8 | n[2];
		hdr = 3;
	} else {
		unsigned shift = 0;
		hdr = 1;
		for (; hdr < avail && hdr < 11; hdr++, shift += 7) {
			nlen |= (uint64_t)(n[hdr] & 0x7f) << shift;
			if (!(n[hdr] & 0x80))
				break;
		}
		hdr++;
	}
	/* compared without adding: a huge varint must not wrap around */
	if (hdr > avail || nlen > avail - hdr)
		return false;
	*p = (const char *)n + hdr;
	*len = nlen;
	if (flags)
		*flags = n[0];
	return true;
}

/* The descriptor's own string (its "str"), without the extra star. */
static bool rtype_str(struct gobin *b, uint64_t ts, uint64_t te, uint64_t typ, const char **p,
		      uint64_t *len)
{
	uint64_t avail;
	if (typ < ts || typ >= te || te - typ < RTYPE_HDR)
		return false;
	const uint8_t *t = gobin_vaddr_ptr(b, typ, &avail);
	if (!t || avail < RTYPE_HDR)
		return false;
	int32_t off;
	memcpy(&off, t + RTYPE_STR, 4);
	if (off < 0 || !name_at(b, ts + (uint64_t)off, p, len, NULL))
		return false;
	if ((t[RTYPE_TFLAG] & TFLAG_EXTRA_STAR) && *len && **p == '*') {
		(*p)++;
		(*len)--;
	}
	return true;
}

/* Reads the name of the type whose descriptor is at vaddr typ. */
int gobin_rtype_name(struct gobin *b, uint64_t typ, char *buf, size_t len)
{
	uint64_t ts, te, nlen;
	const char *p;
	int err = gobin_types_range(b, &ts, &te);
	if (err)
		return err;
	if (typ < ts || typ >= te || te - typ < RTYPE_STR + 4)
		return gobin_errf(b, -EINVAL, "0x%llx is not a type descriptor of %s",
				  (unsigned long long)typ, b->path);
	if (!gobin_vaddr_ptr(b, typ, NULL))
		return gobin_errf(b, -EINVAL, "0x%llx is not in %s's file", (unsigned long long)typ,
				  b->path);
	if (!rtype_str(b, ts, te, typ, &p, &nlen))
		return gobin_errf(b, -EINVAL, "the type at 0x%llx has a broken name",
				  (unsigned long long)typ);
	size_t k = nlen < len - 1 ? nlen : len - 1;
	memcpy(buf, p, k);
	buf[k] = '\0';
	return 0;
}

/* --- types by name (gocast) ----------------------------------------------- */

/* The import path of a named type from its UncommonType, or NULL. */
static const char *pkg_path(struct gobin *b, struct rtype_state *st, uint64_t ts, uint64_t typ,
			    const uint8_t *t)
{
	uint32_t uo = uncommon_off(t[RTYPE_KIND] & 0x1f);
	uint64_t avail;
	const char *p;
	uint64_t len;
	int32_t off;
	if (!(t[RTYPE_TFLAG] & TFLAG_UNCOMMON) || !uo)
		return NULL;
	const uint8_t *u = gobin_vaddr_ptr(b, typ + uo, &avail);
	if (!u || avail < 4)
		return NULL;
	memcpy(&off, u, 4);
	if (off <= 0 || !name_at(b, ts + (uint64_t)off, &p, &len, NULL) || !len || len > 4096)
		return NULL;
	return arena_strndup(&st->arena, p, len);
}

/* Does a descriptor plausibly start at t (before its name is read)? */
static bool plausible(const uint8_t *t)
{
	unsigned kind = t[RTYPE_KIND] & 0x1f, align = t[RTYPE_ALIGN], falign = t[RTYPE_ALIGN + 1];
	uint64_t size, ptrdata;
	memcpy(&size, t, 8);
	memcpy(&ptrdata, t + 8, 8);
	return kind >= K_BOOL && kind <= K_UNSAFEPTR && (align == 1 || align == 2 || align == 4 ||
							    align == 8) &&
	       (falign == 1 || falign == 2 || falign == 4 || falign == 8) && ptrdata <= size &&
	       size < (1ull << 40) && (t[RTYPE_TFLAG] & TFLAG_NAMED);
}

static int cmp_named(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->typ > y->typ) - (x->typ < y->typ);
}

/* Every named type of the section, by a scan of its 8-byte-aligned
 * words for descriptors: the name with its import path. */
static void scan_named(struct gobin *b, struct rtype_state *st)
{
	uint64_t ts, te, avail;
	if (st->scanned)
		return;
	st->scanned = true;
	if (gobin_types_range(b, &ts, &te) < 0)
		return;
	const uint8_t *base = gobin_vaddr_ptr(b, ts, &avail);
	if (!base)
		return;
	uint64_t size = MIN(avail, te - ts);
	for (uint64_t o = 0; o + RTYPE_HDR <= size; o += 8) {
		const uint8_t *t = base + o;
		const char *p;
		uint64_t len;
		if (!plausible(t) || !rtype_str(b, ts, te, ts + o, &p, &len) || !len || len > 1024)
			continue;
		const char *dot = memchr(p, '.', len);
		if (!dot || memchr(p, ' ', len) || !(*p == '_' || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			continue;
		const char *path = pkg_path(b, st, ts, ts + o, t);
		struct named nm = { .typ = ts + o };
		if (path) {
			/* "http.Request" with path "net/http": "net/http.Request" */
			char *full = arena_alloc(&st->arena, strlen(path) + len + 2);
			sprintf(full, "%s%.*s", path, (int)(p + len - dot), dot);
			nm.name = full;
		} else {
			nm.name = arena_strndup(&st->arena, p, len);
		}
		vec_push(&st->named, nm);
	}
	if (st->named.n)
		qsort(st->named.v, st->named.n, sizeof(*st->named.v), cmp_named);
	for (size_t i = 0; i < st->named.n; i++)
		if (!i || strcmp(st->named.v[i].name, st->named.v[i - 1].name))
			vec_push(&st->names, st->named.v[i].name);
}

const char *const *gobin_rtype_names(struct gobin *b, size_t *n)
{
	struct rtype_state *st = rt_state(b);
	scan_named(b, st);
	*n = st->names.n;
	return st->names.v;
}

static const struct gotype *rt_decode(struct gobin *b, struct rtype_state *st, uint64_t ts,
				      uint64_t te, uint64_t typ, int depth);

/* The type a pointer word at vaddr points to. */
static const struct gotype *rt_at(struct gobin *b, struct rtype_state *st, uint64_t ts,
				  uint64_t te, uint64_t vaddr, int depth)
{
	uint64_t v;
	if (!gobin_read_word(b, vaddr, &v) || !v)
		return NULL;
	return rt_decode(b, st, ts, te, v, depth + 1);
}

/* A descriptor as a struct gotype (cached; cycles end at the cache). */
static const struct gotype *rt_decode(struct gobin *b, struct rtype_state *st, uint64_t ts,
				      uint64_t te, uint64_t typ, int depth)
{
	struct gotype *t = u64map_get(&st->types, typ);
	uint64_t avail, nlen;
	const char *p;
	if (t)
		return t;
	const uint8_t *d = gobin_vaddr_ptr(b, typ, &avail);
	if (!d || avail < RTYPE_HDR || depth > RT_MAX_DEPTH || !rtype_str(b, ts, te, typ, &p, &nlen))
		return NULL;
	t = arena_alloc(&st->arena, sizeof(*t));
	u64map_put(&st->types, typ, t);
	memcpy(&t->size, d + RTYPE_SIZE, 8);
	t->name = arena_strndup(&st->arena, p, nlen);
	t->kind = GT_OTHER;
	if (d[RTYPE_TFLAG] & TFLAG_NAMED) {
		const char *path = pkg_path(b, st, ts, typ, d), *dot = strchr(t->name, '.');
		if (path && dot) {
			char *full = arena_alloc(&st->arena, strlen(path) + strlen(dot) + 1);
			sprintf(full, "%s%s", path, dot);
			t->name = full;
		}
	}
	unsigned kind = d[RTYPE_KIND] & 0x1f;
	switch (kind) {
	case K_BOOL:
		t->kind = GT_BOOL;
		break;
	case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
		t->kind = GT_INT;
		break;
	case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64: case K_UINTPTR:
		t->kind = GT_UINT;
		break;
	case K_FLOAT32: case K_FLOAT64:
		t->kind = GT_FLOAT;
		break;
	case K_COMPLEX64: case K_COMPLEX128:
		t->kind = GT_COMPLEX;
		break;
	case K_CHAN:
		t->kind = GT_CHAN;
		break;
	case K_FUNC:
		t->kind = GT_FUNC;
		break;
	case K_MAP:
		t->kind = GT_MAP;
		break;
	case K_INTERFACE:
		t->kind = GT_IFACE;
		break;
	case K_STRING:
		t->kind = GT_STRING;
		break;
	case K_UNSAFEPTR:
		t->kind = GT_PTR;
		break;
	case K_PTR:
	case K_SLICE:
		t->kind = kind == K_PTR ? GT_PTR : GT_SLICE;
		t->elem = rt_at(b, st, ts, te, typ + RTYPE_HDR, depth);
		if (t->elem && !(d[RTYPE_TFLAG] & TFLAG_NAMED)) {
			char *nm = arena_alloc(&st->arena, strlen(t->elem->name) + 3);
			sprintf(nm, "%s%s", kind == K_PTR ? "*" : "[]", t->elem->name);
			t->name = nm;
		}
		break;
	case K_ARRAY:
		t->kind = GT_ARRAY;
		t->elem = rt_at(b, st, ts, te, typ + RTYPE_HDR, depth);
		if (!gobin_read_word(b, typ + 64, &t->count))
			t->count = 0;
		break;
	case K_STRUCT: {
		uint64_t fp, nf;
		t->kind = GT_STRUCT;
		if (!gobin_read_word(b, typ + 56, &fp) || !gobin_read_word(b, typ + 64, &nf) ||
		    nf > 100000)
			break;
		struct gofield *f = arena_alloc(&st->arena, (nf ? nf : 1) * sizeof(*f));
		size_t k = 0;
		for (uint64_t i = 0; i < nf; i++) {
			uint64_t np, off;
			const char *fname;
			uint64_t flen;
			if (!gobin_read_word(b, fp + 24 * i, &np) ||
			    !gobin_read_word(b, fp + 24 * i + 16, &off) ||
			    !name_at(b, np, &fname, &flen, NULL))
				break;
			f[k].name = arena_strndup(&st->arena, fname, flen);
			f[k].offset = b->release && b->release < 119 ? off >> 1 : off;
			f[k].type = rt_at(b, st, ts, te, fp + 24 * i + 8, depth);
			k++;
		}
		t->fields = f;
		t->nfields = k;
		break;
	}
	default:
		break;
	}
	return t;
}

/* Go's predeclared types, which need no descriptor. */
static const struct gotype basic_types[] = {
	{ .kind = GT_BOOL, .name = "bool", .size = 1 },
	{ .kind = GT_INT, .name = "int", .size = 8 },
	{ .kind = GT_INT, .name = "int8", .size = 1 },
	{ .kind = GT_INT, .name = "int16", .size = 2 },
	{ .kind = GT_INT, .name = "int32", .size = 4 },
	{ .kind = GT_INT, .name = "int64", .size = 8 },
	{ .kind = GT_INT, .name = "rune", .size = 4 },
	{ .kind = GT_UINT, .name = "uint", .size = 8 },
	{ .kind = GT_UINT, .name = "uint8", .size = 1 },
	{ .kind = GT_UINT, .name = "byte", .size = 1 },
	{ .kind = GT_UINT, .name = "uint16", .size = 2 },
	{ .kind = GT_UINT, .name = "uint32", .size = 4 },
	{ .kind = GT_UINT, .name = "uint64", .size = 8 },
	{ .kind = GT_UINT, .name = "uintptr", .size = 8 },
	{ .kind = GT_FLOAT, .name = "float32", .size = 4 },
	{ .kind = GT_FLOAT, .name = "float64", .size = 8 },
	{ .kind = GT_STRING, .name = "string", .size = 16 },
	{ .kind = GT_PTR, .name = "unsafe.Pointer", .size = 8 },
	{ .kind = GT_IFACE, .name = "error", .size = 16 },
	{ .kind = GT_IFACE, .name = "any", .size = 16 },
	{ .kind = GT_IFACE, .name = "interface {}", .size = 16 },
};

const struct gotype *gobin_rtype_type(struct gobin *b, const char *name)
{
	struct rtype_state *st = rt_state(b);
	uint64_t ts, te;

	/* composite types are made here: *T, []T */
	if (name[0] == '*' || (name[0] == '[' && name[1] == ']')) {
		bool ptr = name[0] == '*';
		const struct gotype *e = gobin_rtype_type(b, name + (ptr ? 1 : 2));
		if (!e)
			return NULL;
		struct gotype *t = arena_alloc(&st->arena, sizeof(*t));
		t->kind = ptr ? GT_PTR : GT_SLICE;
		t->size = ptr ? 8 : 24;
		t->elem = e;
		char *nm = arena_alloc(&st->arena, strlen(e->name) + 3);
		sprintf(nm, "%s%s", ptr ? "*" : "[]", e->name);
		t->name = nm;
		return t;
	}
	for (size_t i = 0; i < ARRAY_SIZE(basic_types); i++)
		if (!strcmp(basic_types[i].name, name))
			return &basic_types[i];
	int err = gobin_types_range(b, &ts, &te);
	if (err)
		return NULL;
	scan_named(b, st);
	/* the name with its import path, or (a descriptor without one) the
	 * package's last element */
	const char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
	if (!dot || (slash && slash > dot)) {
		gobin_errf(b, -ENOENT, "'%s' is not a Go type name: name it with its import path, like net/http.Request",
			   name);
		return NULL;
	}
	const char *shortname = slash ? slash + 1 : name;
	uint64_t found = 0;
	for (int pass = 0; pass < 2 && !found; pass++)
		for (size_t i = 0; i < st->named.n && !found; i++)
			if (!strcmp(st->named.v[i].name, pass ? shortname : name))
				found = st->named.v[i].typ;
	if (!found) {
		gobin_errf(b, -ENOENT, "%s has no type descriptor for %s: the program never uses the type through an interface or reflection, so the linker left it out",
			   b->path, name);
		return NULL;
	}
	const struct gotype *t = rt_decode(b, st, ts, te, found, 0);
	if (!t)
		gobin_errf(b, -EINVAL, "%s: the type descriptor of %s at 0x%llx cannot be read", b->path,
			   name, (unsigned long long)found);
	return t;
}
