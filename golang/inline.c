/* inline.c - the functions the compiler inlined, from .gopclntab: each
 * function's inline tree (FUNCDATA_InlTree) and which inlined call each
 * of its instructions belongs to (PCDATA_InlTreeIndex), read through
 * pcvalue.c. Go's own traceback reads the same tables, so they are in
 * every gc binary, stripped or not. From them: every inlined copy of a
 * function by name (an index over the whole table), the probe site of
 * each copy (chosen from the function's control flow, below), and the
 * inlined calls at a pc. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "golang/internal.h"

#define MAX_INL 4096 /* entries of one function's inline tree we accept */

/* --- inline trees ----------------------------------------------------------- */

struct fn_code;

struct inl_state {
	bool built;
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

struct inl_range {
	uint64_t lo, hi;
	int32_t k;
};

/* One function's inline tree and which of its pcs belong to which entry. */
struct inl_tree {
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
	uint64_t tree, lo, hi;
	struct pcv it;
	int32_t v, max = -1;

	memset(t, 0, sizeof(*t));
	if (pf->npcdata <= PCDATA_INLTREE || !gobin_funcdata(b, pf, FUNCDATA_INLTREE, &tree) ||
	    !gobin_pcv_open(b, pf, gobin_pcdata(pf, PCDATA_INLTREE), &it))
		return false;
	for (int guard = 0; guard < 1000000 && gobin_pcv_next(&it, &lo, &hi, &v); guard++) {
		if (v < -1 || v >= MAX_INL || hi < lo || hi > pf->end)
			goto bad;
		if (v < 0 || lo == hi)
			continue;
		max = MAX(max, v);
		vec_push(&t->ranges, ((struct inl_range){ lo, hi, v }));
	}
	struct inlcall c;
	if (max < 0 || !gobin_inlcall(b, tree, (uint32_t)max, &c))
		goto bad;
	t->n = (uint32_t)max + 1;
	t->parent = xmalloc(t->n * sizeof(*t->parent));
	t->lowest = xmalloc(t->n * sizeof(*t->lowest));
	t->nameoff = xmalloc(t->n * sizeof(*t->nameoff));
	t->parentpc = xmalloc(t->n * sizeof(*t->parentpc));
	for (uint32_t k = 0; k < t->n; k++) {
		if (!gobin_inlcall(b, tree, k, &c))
			goto bad;
		int32_t par = c.parent;
		t->nameoff[k] = c.nameoff;
		t->parentpc[k] = c.parentpc;
		if (par == INLCALL_PARENT_BY_PC)
			par = range_value(t, pf->entry + c.parentpc);
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
	return gobin_funcname(b, t->nameoff[k]);
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
		if (!gobin_pcfunc_at(b, i, &pf) || !tree_read(b, &pf, &t))
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

/* The instruction that starts at addr, -1 if none does. */
static ptrdiff_t insn_at(const struct fn_code *c, uint64_t addr)
{
	size_t lo = 0, hi = c->insns.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->insns.v[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->insns.n && c->insns.v[lo].addr == addr ? (ptrdiff_t)lo : -1;
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
		ptrdiff_t at = insn_at(c, t);
		if (at >= 0)
			leader.v[at] = true;
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
			ptrdiff_t at = insn_at(c, t);
			if (at >= 0)
				bl->succ[bl->nsucc++] = c->insns.v[at].blk;
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
