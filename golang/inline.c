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

struct fn_code;

struct inl_state {
	bool built;
	bool have_gofunc;
	uint64_t gofunc;
	struct u64map code; /* function entry -> struct fn_code (analysed) */
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

static void fn_code_free(struct fn_code *c);

void gobin_inline_free(struct gobin *b)
{
	if (!b->inl)
		return;
	for (size_t i = 0; i < b->inl->code.cap; i++)
		if (b->inl->code.vals && b->inl->code.vals[i])
			fn_code_free(b->inl->code.vals[i]);
	u64map_free(&b->inl->code);
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
			s.index = (int)k;
			/* a copy that left no instruction of its own cannot be
			 * seen running (the tree keeps entries only for code) */
			if (s.addr == UINT64_MAX || s.addr < pf.entry || s.addr >= pf.end)
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

/* --- where a copy runs once per call ---------------------------------------
 *
 * The first instruction of a copy is not always run once per call: the
 * register allocator gives its spills and reloads the position of the
 * value they move, and places them where it likes (into a loop before the
 * call, after a loop); the compiler may lay a loop of the copy out first.
 * So the copy's probe site is chosen from the function's control flow:
 * among the copy's instructions that are not moves between a register and
 * the stack frame, those in the fewest loops of the function; of these,
 * one whose block dominates the others' (the copy's entry), else the
 * lowest. The loops are the natural loops of the back edges of the
 * function's basic blocks (an edge to a block that dominates its source). */

struct fn_insn {
	uint64_t addr;
	int blk;
	bool stackmove;
};

struct fn_block {
	size_t first, last; /* instructions */
	int succ[2], nsucc;
	int loops; /* how many loops hold it */
};

struct fn_code {
	VEC(struct fn_insn) insns;
	VEC(struct fn_block) blocks;
	uint64_t *dom; /* dom[b * words + i / 64]: block i dominates b */
	size_t words;
};

static void fn_code_free(struct fn_code *c)
{
	if (!c)
		return;
	vec_free(&c->insns);
	vec_free(&c->blocks);
	free(c->dom);
	free(c);
}

static bool dominates(const struct fn_code *c, int a, int b)
{
	return c->dom[(size_t)b * c->words + (size_t)a / 64] >> (a % 64) & 1;
}

/* A move between a register and a stack slot ("mov qword ptr [rsp +
 * 24], rax", "movups xmmword ptr [rsp + 8], xmm15"): spill, reload or
 * the zeroing of a slot, placed wherever the register allocator chose. */
static bool is_stack_move(const struct insn *in)
{
	if (strncmp(insn_mnem(in), "mov", 3) || !strstr(insn_mnem(in), "[rsp"))
		return false;
	const char *ops = strchr(insn_mnem(in), ' ');
	const char *comma = ops ? strstr(ops, ", ") : NULL;
	if (!comma)
		return false;
	const char *other = strstr(ops, "[rsp") < comma ? comma + 2 : ops + 1;
	return *other != '[' && !strchr("-0123456789", *other) && !strstr(other, "ptr");
}

static int blk_of(const struct fn_code *c, uint64_t addr)
{
	size_t lo = 0, hi = c->insns.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->insns.v[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->insns.n && c->insns.v[lo].addr == addr ? c->insns.v[lo].blk : -1;
}

/* Decodes pf's code into blocks, dominators and loop depths; NULL when
 * it cannot be decoded. */
static struct fn_code *analyse(struct gobin *b, const struct pcfunc *pf)
{
	struct fn_code *c = xcalloc(1, sizeof(*c));
	VEC(uint64_t) targets = { 0 };
	VEC(uint8_t) ends = { 0 }; /* 1: ends a block, 2: and falls through not */
	struct insn in;

	for (uint64_t pc = pf->entry; pc < pf->end;) {
		if (!gobin_decode(b, pc, &in) || !in.len || c->insns.n > 200000)
			goto fail;
		struct fn_insn fi = { .addr = pc, .stackmove = is_stack_move(&in) };
		vec_push(&c->insns, fi);
		uint8_t e = 0;
		if (insn_is_jmp(&in) || insn_is_ret(&in) || insn_is(&in, "ud2") || insn_is(&in, "int3"))
			e = 2;
		else if (insn_is_jcc(&in))
			e = 1;
		vec_push(&ends, e);
		if ((insn_is_jmp(&in) || insn_is_jcc(&in)) && in.has_target)
			vec_push(&targets, in.target);
		else
			vec_push(&targets, 0);
		pc += in.len;
	}
	if (!c->insns.n)
		goto fail;
	/* blocks: a new one at the entry, at each jump target, after each jump */
	VEC(bool) leader = { 0 };
	for (size_t i = 0; i < c->insns.n; i++)
		vec_push(&leader, i == 0 || ends.v[i - 1]);
	for (size_t i = 0; i < c->insns.n; i++) {
		uint64_t t = targets.v[i];
		if (!t || t < pf->entry || t >= pf->end)
			continue;
		size_t lo = 0, hi = c->insns.n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (c->insns.v[mid].addr < t)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < c->insns.n && c->insns.v[lo].addr == t)
			leader.v[lo] = true;
	}
	for (size_t i = 0; i < c->insns.n; i++) {
		if (leader.v[i]) {
			struct fn_block bl = { .first = i };
			vec_push(&c->blocks, bl);
		}
		c->insns.v[i].blk = (int)c->blocks.n - 1;
		c->blocks.v[c->blocks.n - 1].last = i;
	}
	vec_free(&leader);
	size_t nb = c->blocks.n;
	for (size_t k = 0; k < nb; k++) {
		struct fn_block *bl = &c->blocks.v[k];
		size_t l = bl->last;
		uint64_t t = targets.v[l];
		if (t >= pf->entry && t < pf->end) {
			int tb = blk_of(c, t);
			if (tb >= 0)
				bl->succ[bl->nsucc++] = tb;
		}
		if (ends.v[l] != 2 && k + 1 < nb)
			bl->succ[bl->nsucc++] = (int)k + 1;
	}
	vec_free(&targets);
	vec_free(&ends);
	/* predecessors, as lists */
	size_t *pstart = xcalloc(nb + 1, sizeof(*pstart));
	for (size_t k = 0; k < nb; k++)
		for (int j = 0; j < c->blocks.v[k].nsucc; j++)
			pstart[c->blocks.v[k].succ[j] + 1]++;
	for (size_t k = 0; k < nb; k++)
		pstart[k + 1] += pstart[k];
	int *preds = xmalloc((pstart[nb] + 1) * sizeof(*preds));
	size_t *fill = xcalloc(nb, sizeof(*fill));
	for (size_t k = 0; k < nb; k++)
		for (int j = 0; j < c->blocks.v[k].nsucc; j++) {
			int to = c->blocks.v[k].succ[j];
			preds[pstart[to] + fill[to]++] = (int)k;
		}
	free(fill);
	/* dominators, iteratively: dom(b) = {b} + the meet of its
	 * predecessors' (blocks no edge reaches keep only themselves) */
	c->words = (nb + 63) / 64;
	c->dom = xmalloc(nb * c->words * sizeof(*c->dom));
	memset(c->dom, 0xff, nb * c->words * sizeof(*c->dom));
	uint64_t *tmp = xmalloc(c->words * sizeof(*tmp));
	for (size_t k = 0; k < nb; k++)
		if (k == 0 || pstart[k] == pstart[k + 1]) {
			memset(&c->dom[k * c->words], 0, c->words * sizeof(*c->dom));
			c->dom[k * c->words + k / 64] |= 1ull << (k % 64);
		}
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t k = 1; k < nb; k++) {
			if (pstart[k] == pstart[k + 1])
				continue;
			memset(tmp, 0xff, c->words * sizeof(*tmp));
			for (size_t i = pstart[k]; i < pstart[k + 1]; i++)
				for (size_t w = 0; w < c->words; w++)
					tmp[w] &= c->dom[(size_t)preds[i] * c->words + w];
			tmp[k / 64] |= 1ull << (k % 64);
			if (memcmp(tmp, &c->dom[k * c->words], c->words * sizeof(*tmp))) {
				memcpy(&c->dom[k * c->words], tmp, c->words * sizeof(*tmp));
				changed = true;
			}
		}
	}
	free(tmp);
	/* natural loops: for each header h, h and the blocks that reach a
	 * back edge's source without passing h */
	bool *in_loop = xcalloc(nb, sizeof(*in_loop));
	int *stack = xmalloc(nb * sizeof(*stack));
	for (size_t h = 0; h < nb; h++) {
		size_t sp = 0;
		bool any = false;
		for (size_t i = pstart[h]; i < pstart[h + 1]; i++) {
			int p = preds[i];
			if (!dominates(c, (int)h, p))
				continue;
			if (!any) {
				memset(in_loop, 0, nb * sizeof(*in_loop));
				in_loop[h] = true;
				any = true;
			}
			if (!in_loop[p]) {
				in_loop[p] = true;
				stack[sp++] = p;
			}
		}
		while (sp) {
			int x = stack[--sp];
			for (size_t i = pstart[x]; i < pstart[x + 1]; i++)
				if (!in_loop[preds[i]]) {
					in_loop[preds[i]] = true;
					stack[sp++] = preds[i];
				}
		}
		if (!any)
			continue;
		for (size_t k = 0; k < nb; k++)
			c->blocks.v[k].loops += in_loop[k];
	}
	free(pstart);
	free(preds);
	free(in_loop);
	free(stack);
	return c;
fail:
	vec_free(&targets);
	vec_free(&ends);
	fn_code_free(c);
	return NULL;
}

/* Chooses the probe site of copy s (see above). */
static void refine(struct gobin *b, struct goinline *s)
{
	struct inl_state *st = inl_state(b);
	struct pcfunc pf;
	struct inl_tree t;

	s->refined = true;
	if (!gobin_pcfunc(b, s->func_addr, &pf) || pf.entry != s->func_addr)
		return;
	struct fn_code *c = u64map_get(&st->code, pf.entry);
	if (!c) {
		c = analyse(b, &pf);
		if (!c)
			return;
		u64map_put(&st->code, pf.entry, c);
	}
	if (!tree_read(b, &pf, &t))
		return;
	/* the copy's instructions: their pc is in entry s->index or below */
	int best = -1, best_loops = INT32_MAX, pass;
	for (pass = 0; pass < 2 && best < 0; pass++) {
		for (size_t r = 0; r < t.ranges.n; r++) {
			int32_t k = t.ranges.v[r].k;
			bool mine = false;
			for (uint32_t d = 0; k >= 0 && d < t.n && !mine; d++, k = t.parent[k])
				mine = k == s->index;
			if (!mine)
				continue;
			for (size_t i = 0; i < c->insns.n; i++) {
				const struct fn_insn *fi = &c->insns.v[i];
				if (fi->addr < t.ranges.v[r].lo || fi->addr >= t.ranges.v[r].hi ||
				    (pass == 0 && fi->stackmove))
					continue;
				int loops = c->blocks.v[fi->blk].loops;
				if (loops < best_loops) {
					best_loops = loops;
					best = (int)i;
				} else if (loops == best_loops) {
					/* the one that comes first: dominating, else lower */
					int bb = c->insns.v[best].blk;
					if (fi->blk != bb && dominates(c, fi->blk, bb) && !dominates(c, bb, fi->blk))
						best = (int)i;
					else if (fi->addr < c->insns.v[best].addr &&
						 !(fi->blk != bb && dominates(c, bb, fi->blk)))
						best = (int)i;
				}
			}
		}
	}
	if (best >= 0)
		s->addr = c->insns.v[best].addr;
	tree_free(&t);
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
	while (k < st->sites.n && !strcmp(st->sites.v[k].name, name)) {
		if (!st->sites.v[k].refined)
			refine(b, &st->sites.v[k]);
		k++;
	}
	*v = &st->sites.v[i];
	*n = k - i;
	return 0;
}

size_t gobin_inlined_count(struct gobin *b, const char *name)
{
	struct inl_state *st = inl_state(b);
	uint32_t i;
	size_t k;

	build_index(b);
	if (!strmap_get(&st->byname, name, &i))
		return 0;
	for (k = i; k < st->sites.n && !strcmp(st->sites.v[k].name, name); k++)
		;
	return k - i;
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
