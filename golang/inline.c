/* inline.c - what .gopclntab says about the code at a pc: the function's
 * pc-value tables (how far SP has moved, pcsp; which inlined call the
 * instruction belongs to, PCDATA_InlTreeIndex) and its inline tree
 * (FUNCDATA_InlTree). Go's own traceback reads the same tables, so they
 * are in every gc binary, stripped or not.
 *
 * A pc-value table is a stream of (value delta, pc delta) pairs of
 * varints from the function's entry, the value starting at -1 and each
 * delta zigzag-encoded; a zero value delta after the first pair ends it
 * (runtime/symtab.go, step). The value holds over [pc before, pc after).
 *
 * _func (runtime/runtime2.go), after which come npcdata uint32 offsets of
 * pc-value tables (relative to pcHeader.pctabOffset) and nfuncdata
 * funcdata references:
 *   Go 1.16-1.17: entry uintptr, nameoff, args, deferreturn, pcsp,
 *     pcfile, pcln, npcdata, cuOffset int32/uint32, funcID u8, 2 pad,
 *     nfuncdata u8 (44 bytes); funcdata are pointers, 8-aligned.
 *   Go 1.18-1.19: entryoff uint32 instead of entry (40 bytes); funcdata
 *     are uint32 offsets from moduledata.gofunc (^0: none).
 *   Go 1.20+: startLine int32 after cuOffset (44 bytes).
 * The inline tree is an array of inlinedCall:
 *   Go 1.16-1.19: parent int16, funcID u8, pad, file, line, func_
 *     (name offset), parentPc int32 (20 bytes).
 *   Go 1.20+: funcID u8, 3 pad, nameOff, parentPc, startLine int32 (16
 *     bytes); the parent is the entry at the pc parentPc.
 * parentPc is the offset from the entry of an instruction whose source
 * position is the call site in the parent. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "golang/internal.h"

#define PCDATA_INLTREE 2
#define FUNCDATA_INLTREE 3
#define MAX_INL 4096 /* entries of one function's inline tree we accept */

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static uint64_t rd64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

/* --- functions by pc ------------------------------------------------------ */

/* Function i of the table; false when its record is out of bounds. */
static bool pcfunc_at(struct gobin *b, uint64_t i, struct pcfunc *pf)
{
	const struct pcln *t = &b->pcln;
	uint64_t fsz = t->version == 116 ? 8 : 4, funcoff;
	const uint8_t *e = t->functab + 2 * i * fsz;

	if (i >= t->nfunc)
		return false;
	memset(pf, 0, sizeof(*pf));
	if (fsz == 8) {
		pf->entry = rd64(e);
		funcoff = rd64(e + 8);
		pf->end = rd64(e + 16);
	} else {
		pf->entry = t->text_start + rd32(e);
		funcoff = rd32(e + 4);
		pf->end = t->text_start + rd32(e + 8);
	}
	pf->fixed = t->version == 118 ? 40 : 44;
	if (funcoff > t->functab_size || t->functab_size - funcoff < pf->fixed)
		return false;
	pf->f = t->functab + funcoff;
	pf->favail = t->functab_size - funcoff;
	pf->fvaddr = t->addr + (uint64_t)(pf->f - t->data);
	uint32_t base = t->version == 116 ? 8 : 4; /* after entry */
	uint32_t nameoff = rd32(pf->f + base);
	pf->pcsp = rd32(pf->f + base + 12);
	pf->npcdata = rd32(pf->f + base + 24);
	pf->nfuncdata = pf->f[pf->fixed - 1];
	if (nameoff < t->funcnametab_size &&
	    memchr(t->funcnametab + nameoff, 0, t->funcnametab_size - nameoff))
		pf->name = (const char *)t->funcnametab + nameoff;
	else
		pf->name = "?";
	if (pf->npcdata > (pf->favail - pf->fixed) / 4)
		pf->npcdata = 0;
	return true;
}

/* The function of the table holding pc. */
bool gobin_pcfunc(struct gobin *b, uint64_t pc, struct pcfunc *pf)
{
	const struct pcln *t = &b->pcln;
	uint64_t lo = 0, hi, fsz;

	if (!b->has_pcln || !t->nfunc)
		return false;
	fsz = t->version == 116 ? 8 : 4;
	hi = t->nfunc;
	/* the last entry whose start is <= pc */
	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;
		const uint8_t *e = t->functab + 2 * mid * fsz;
		uint64_t entry = fsz == 8 ? rd64(e) : t->text_start + rd32(e);
		if (entry <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || !pcfunc_at(b, lo - 1, pf))
		return false;
	return pc >= pf->entry && pc < pf->end;
}

/* --- pc-value tables ------------------------------------------------------ */

struct pcv {
	const uint8_t *p, *end;
	uint64_t pc;
	int32_t val;
	bool first;
};

static bool uvarint(const uint8_t **p, const uint8_t *end, uint32_t *v)
{
	uint32_t x = 0;
	for (unsigned shift = 0; *p < end && shift < 35; shift += 7) {
		uint8_t c = *(*p)++;
		x |= (uint32_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			*v = x;
			return true;
		}
	}
	return false;
}

/* The next range [*lo, *hi) and its value; false at the end. */
static bool pcv_next(struct pcv *it, uint64_t *lo, uint64_t *hi, int32_t *val)
{
	uint32_t uv, pcd;

	if (it->p >= it->end || (*it->p == 0 && !it->first))
		return false;
	if (!uvarint(&it->p, it->end, &uv) || !uvarint(&it->p, it->end, &pcd))
		return false;
	it->first = false;
	it->val += (int32_t)(-(uv & 1) ^ (uv >> 1));
	*lo = it->pc;
	it->pc += pcd;
	*hi = it->pc;
	*val = it->val;
	return true;
}

static bool pcv_open(const struct gobin *b, const struct pcfunc *pf, uint32_t off,
		     struct pcv *it)
{
	const struct pcln *t = &b->pcln;
	if (!off || !t->pctab || off >= t->pctab_size)
		return false;
	it->p = t->pctab + off;
	it->end = t->pctab + t->pctab_size;
	it->pc = pf->entry;
	it->val = -1;
	it->first = true;
	return true;
}

int32_t gobin_pcvalue(const struct gobin *b, const struct pcfunc *pf, uint32_t off,
		      uint64_t pc)
{
	struct pcv it;
	uint64_t lo, hi;
	int32_t v;

	if (!pcv_open(b, pf, off, &it))
		return -1;
	for (int guard = 0; guard < 1000000 && pcv_next(&it, &lo, &hi, &v); guard++)
		if (pc >= lo && pc < hi)
			return v;
	return -1;
}

static uint32_t pcdata_off(const struct pcfunc *pf, uint32_t table)
{
	if (table >= pf->npcdata)
		return 0;
	return rd32(pf->f + pf->fixed + 4 * table);
}

int gobin_sp_delta(struct gobin *b, uint64_t pc, int64_t *delta)
{
	struct pcfunc pf;

	if (!gobin_pcfunc(b, pc, &pf))
		return gobin_errf(b, -ENOENT, "0x%llx is in no function of %s's .gopclntab",
				  (unsigned long long)pc, b->path);
	int32_t v = gobin_pcvalue(b, &pf, pf.pcsp, pc);
	if (v < 0)
		return gobin_errf(b, -ENOENT, "%s: no SP delta at 0x%llx", pf.name,
				  (unsigned long long)pc);
	*delta = v;
	return 0;
}

/* --- inline trees ----------------------------------------------------------- */

struct inl_state {
	bool built;
	bool have_gofunc;
	uint64_t gofunc;
	VEC(struct goinline) sites; /* sorted by name, then address */
	VEC(const char *) names;    /* distinct names of inlined functions, sorted */
	struct strmap byname;	    /* name -> first index in sites */
};

static struct inl_state *inl_state(struct gobin *b)
{
	if (!b->inl)
		b->inl = xcalloc(1, sizeof(*b->inl));
	return b->inl;
}

void gobin_inline_free(struct gobin *b)
{
	if (!b->inl)
		return;
	vec_free(&b->inl->sites);
	vec_free(&b->inl->names);
	strmap_free(&b->inl->byname);
	free(b->inl);
	b->inl = NULL;
}

/* moduledata.gofunc (Go 1.18+): the base of funcdata offsets. It follows
 * types, etypes and rodata: at 304 in 1.18-1.19, 320 from 1.20 (covctrs
 * came before), 344 from 1.27 (typedesclen, itaboffset, itabsize). */
static bool gofunc_base(struct gobin *b, uint64_t *base)
{
	struct inl_state *st = inl_state(b);
	uint64_t md, v;

	if (st->have_gofunc) {
		*base = st->gofunc;
		return st->gofunc != 0;
	}
	st->have_gofunc = true;
	if (gobin_symbol(b, "go:func.*", &v, NULL, NULL) ||
	    gobin_symbol(b, "go.func.*", &v, NULL, NULL)) {
		st->gofunc = v;
	} else if (gobin_moduledata(b, &md)) {
		uint64_t off = b->pcln.version == 118 ? 304 : b->release >= 127 ? 344 : 320;
		if (gobin_read_word(b, md + off, &v) && gobin_vaddr_ptr(b, v, NULL))
			st->gofunc = v;
	}
	*base = st->gofunc;
	return st->gofunc != 0;
}

struct inl_range {
	uint64_t lo, hi;
	int32_t k;
};

/* One function's inline tree and which of its pcs belong to which entry. */
struct inl_tree {
	const uint8_t *p; /* the entries */
	uint32_t esize;	  /* 20 (Go < 1.20) or 16 */
	uint32_t n;	  /* entries used by the function */
	VEC(struct inl_range) ranges;
	int32_t *parent;  /* per entry: the entry it was inlined into, or -1 */
	uint64_t *lowest; /* per entry: its first instruction, UINT64_MAX if none */
	uint32_t *nameoff;
	uint32_t *parentpc;
};

static void tree_free(struct inl_tree *t)
{
	vec_free(&t->ranges);
	free(t->parent);
	free(t->lowest);
	free(t->nameoff);
	free(t->parentpc);
	memset(t, 0, sizeof(*t));
}

static int32_t range_value(const struct inl_tree *t, uint64_t pc)
{
	for (size_t i = 0; i < t->ranges.n; i++)
		if (pc >= t->ranges.v[i].lo && pc < t->ranges.v[i].hi)
			return t->ranges.v[i].k;
	return -1;
}

/* Reads pf's inline tree; false when it has none (or it is corrupt). */
static bool tree_read(struct gobin *b, const struct pcfunc *pf, struct inl_tree *t)
{
	const struct pcln *pc = &b->pcln;
	uint64_t tv, avail;
	struct pcv it;
	uint64_t lo, hi;
	int32_t v, max = -1;

	memset(t, 0, sizeof(*t));
	if (pf->nfuncdata <= FUNCDATA_INLTREE || pf->npcdata <= PCDATA_INLTREE)
		return false;
	uint64_t at = pf->fixed + 4 * (uint64_t)pf->npcdata;
	if (pc->version == 116) {
		if ((pf->fvaddr + at) & 4)
			at += 4;
		if (at + 8 * (FUNCDATA_INLTREE + 1) > pf->favail ||
		    !gobin_read_word(b, pf->fvaddr + at + 8 * FUNCDATA_INLTREE, &tv) || !tv)
			return false;
	} else {
		uint64_t base;
		if (at + 4 * (FUNCDATA_INLTREE + 1) > pf->favail)
			return false;
		uint32_t off = rd32(pf->f + at + 4 * FUNCDATA_INLTREE);
		if (off == UINT32_MAX || !gofunc_base(b, &base))
			return false;
		tv = base + off;
	}
	t->p = gobin_vaddr_ptr(b, tv, &avail);
	t->esize = pc->version == 120 ? 16 : 20;
	if (!t->p || !pcv_open(b, pf, pcdata_off(pf, PCDATA_INLTREE), &it))
		return false;
	for (int guard = 0; guard < 1000000 && pcv_next(&it, &lo, &hi, &v); guard++) {
		if (v < -1 || v >= MAX_INL || hi < lo || hi > pf->end)
			goto bad;
		if (v < 0 || lo == hi)
			continue;
		max = MAX(max, v);
		vec_push(&t->ranges, ((struct inl_range){ lo, hi, v }));
	}
	if (max < 0 || (uint64_t)(max + 1) > avail / t->esize)
		goto bad;
	t->n = (uint32_t)max + 1;
	t->parent = xmalloc(t->n * sizeof(*t->parent));
	t->lowest = xmalloc(t->n * sizeof(*t->lowest));
	t->nameoff = xmalloc(t->n * sizeof(*t->nameoff));
	t->parentpc = xmalloc(t->n * sizeof(*t->parentpc));
	for (uint32_t k = 0; k < t->n; k++) {
		const uint8_t *e = t->p + (uint64_t)k * t->esize;
		int32_t par;
		if (t->esize == 20) {
			int16_t p16;
			memcpy(&p16, e, 2);
			par = p16;
			t->nameoff[k] = rd32(e + 12);
			t->parentpc[k] = rd32(e + 16);
		} else {
			t->nameoff[k] = rd32(e + 4);
			t->parentpc[k] = rd32(e + 8);
			par = range_value(t, pf->entry + t->parentpc[k]);
		}
		if (par >= (int32_t)t->n || par == (int32_t)k || par < -1)
			par = -1;
		t->parent[k] = par;
		t->lowest[k] = UINT64_MAX;
	}
	/* each pc belongs to its entry and to every entry that one is in */
	for (size_t i = 0; i < t->ranges.n; i++) {
		int32_t k = t->ranges.v[i].k;
		for (uint32_t d = 0; k >= 0 && d < t->n; d++, k = t->parent[k])
			t->lowest[k] = MIN(t->lowest[k], t->ranges.v[i].lo);
	}
	return true;
bad:
	tree_free(t);
	return false;
}

static const char *tree_name(const struct gobin *b, const struct inl_tree *t, int32_t k)
{
	const struct pcln *pc = &b->pcln;
	uint32_t off = t->nameoff[k];
	if (off >= pc->funcnametab_size || !memchr(pc->funcnametab + off, 0, pc->funcnametab_size - off))
		return NULL;
	return (const char *)pc->funcnametab + off;
}

static int cmp_site(const void *a, const void *b)
{
	const struct goinline *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Every inlined copy in the binary, once. */
static void build_index(struct gobin *b)
{
	struct inl_state *st = inl_state(b);
	struct pcfunc pf;
	struct inl_tree t;

	if (st->built)
		return;
	st->built = true;
	if (!b->has_pcln || b->compiler != GOC_GC)
		return;
	for (uint64_t i = 0; i < b->pcln.nfunc; i++) {
		if (!pcfunc_at(b, i, &pf) || !tree_read(b, &pf, &t))
			continue;
		for (uint32_t k = 0; k < t.n; k++) {
			const char *name = tree_name(b, &t, (int32_t)k);
			if (!name || !*name)
				continue;
			int32_t par = t.parent[k];
			struct goinline s = {
				.name = name,
				.func = pf.name,
				.parent = par >= 0 ? tree_name(b, &t, par) : pf.name,
				.call = pf.entry + t.parentpc[k],
				.addr = t.lowest[k],
				.func_addr = pf.entry,
			};
			if (!s.parent)
				s.parent = "?";
			/* a copy whose body left no instruction of its own is
			 * reached at its call site */
			if (s.addr == UINT64_MAX) {
				s.addr = s.call;
				s.empty = true;
			}
			if (s.addr < pf.entry || s.addr >= pf.end)
				continue;
			for (int32_t d = par; d >= 0 && s.depth < (int)t.n; d = t.parent[d])
				s.depth++;
			vec_push(&st->sites, s);
		}
		tree_free(&t);
	}
	if (st->sites.n)
		qsort(st->sites.v, st->sites.n, sizeof(*st->sites.v), cmp_site);
	for (size_t i = 0; i < st->sites.n; i++) {
		if (i && !strcmp(st->sites.v[i].name, st->sites.v[i - 1].name))
			continue;
		strmap_put(&st->byname, st->sites.v[i].name, (uint32_t)i);
		vec_push(&st->names, st->sites.v[i].name);
	}
}

int gobin_inlined(struct gobin *b, const char *name, const struct goinline **v, size_t *n)
{
	struct inl_state *st = inl_state(b);
	uint32_t i;

	build_index(b);
	*v = NULL;
	*n = 0;
	if (!strmap_get(&st->byname, name, &i))
		return 0;
	size_t k = i;
	while (k < st->sites.n && !strcmp(st->sites.v[k].name, name))
		k++;
	*v = &st->sites.v[i];
	*n = k - i;
	return 0;
}

const char *const *gobin_inlined_names(struct gobin *b, size_t *n)
{
	struct inl_state *st = inl_state(b);
	build_index(b);
	*n = st->names.n;
	return st->names.v;
}

int gobin_inline_frames(struct gobin *b, uint64_t pc, const char **names, uint64_t *starts,
			int max)
{
	struct pcfunc pf;
	struct inl_tree t;
	int n = 0;

	if (b->compiler != GOC_GC || !gobin_pcfunc(b, pc, &pf) || !tree_read(b, &pf, &t))
		return 0;
	int32_t k = range_value(&t, pc);
	for (uint32_t d = 0; k >= 0 && d < t.n && n < max; d++, k = t.parent[k]) {
		const char *nm = tree_name(b, &t, k);
		names[n] = nm ? nm : "?";
		starts[n] = t.lowest[k] == UINT64_MAX ? pc : t.lowest[k];
		n++;
	}
	tree_free(&t);
	return n;
}
