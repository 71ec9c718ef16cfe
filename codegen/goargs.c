/* goargs.c - code for Go value paths (see sema/goargs.c): args.NAME
 * chains of uprobes and gocast() values.
 *
 * A chain is walked from its root: a value is either in integer
 * registers (a word index in the ABI's sequence), in words already loaded
 * (a parameter of inlined copies, from the place the firing site has it;
 * a gocast() pointer), or in user memory at an address; a field moves
 * within it, a pointer or a slice leads to memory, and the end of the
 * chain reads the value. */
#include <linux/bpf.h>
#include <string.h>

#include "codegen/codegen.h"
#include "sema/goargs.h"
#include "sema/regs.h"

struct place {
	bool regs;
	bool result; /* register words of the results sequence */
	int word;
	LLVMValueRef addr;
	LLVMValueRef *imm; /* words in the register layout, already loaded */
	int nimm;
};

/* Word k of a place: a register, a loaded word, or 8 bytes of memory. */
static LLVMValueRef word_at(struct cg *cg, struct place p, int k)
{
	if (p.imm)
		return p.word + k < p.nimm ? p.imm[p.word + k] : cg_const(cg, 0);
	if (p.regs)
		return cg_abi_word(cg, p.word + k, p.result);
	return cg_read_user_u64(cg, LLVMBuildAdd(cg->b, p.addr, cg_const(cg, 8 * k), ""));
}

static LLVMValueRef read_sized(struct cg *cg, LLVMValueRef addr, uint32_t size);

/* The scalar parts of a value of type t in memory, as the register ABI
 * would give them one word each: their offsets and sizes (visiting at
 * most *budget types, as goargs_words). */
static int reg_layout(const struct gotype *t, uint64_t base, uint64_t *offs, uint32_t *sizes,
		      int n, int max, int *budget)
{
	if (!t || n >= max || --*budget < 0)
		return n;
	switch (t->kind) {
	case GT_STRING:
	case GT_IFACE:
	case GT_SLICE:
		for (int i = 0; i < (t->kind == GT_SLICE ? 3 : 2) && n < max; i++) {
			offs[n] = base + 8 * (uint64_t)i;
			sizes[n++] = 8;
		}
		return n;
	case GT_STRUCT:
		for (size_t i = 0; i < t->nfields; i++)
			n = reg_layout(t->fields[i].type, base + t->fields[i].offset, offs, sizes, n, max, budget);
		return n;
	case GT_ARRAY:
		return t->count == 1 ? reg_layout(t->elem, base, offs, sizes, n, max, budget) : n;
	default:
		if (!t->size)
			return n;
		offs[n] = base;
		sizes[n++] = (uint32_t)MIN(t->size, 8);
		return n;
	}
}

/* One site's words of a parameter, stored in slots. */
static void load_site_words(struct cg *cg, const struct gosite_place *sp, const struct gotype *t,
			    LLVMValueRef slots, int nwords)
{
	LLVMValueRef sp_reg = cg_ctx_load(cg, PTREGS_SP, cg->i64);
	for (int k = 0; k < nwords; k++) {
		LLVMValueRef v;
		if (sp->mem) {
			uint64_t offs[GOLOC_MAX_PARTS];
			uint32_t sizes[GOLOC_MAX_PARTS];
			int budget = GOTYPE_WALK_MAX;
			int n = reg_layout(t, 0, offs, sizes, 0, GOLOC_MAX_PARTS, &budget);
			if (k >= n) {
				v = cg_const(cg, 0);
			} else {
				LLVMValueRef a = LLVMBuildAdd(cg->b, sp_reg,
							      cg_const(cg, sp->sp_off + (int64_t)offs[k]), "");
				v = read_sized(cg, a, sizes[k]);
			}
		} else if (k >= sp->nwords) {
			v = cg_const(cg, 0);
		} else if (sp->words[k].reg >= 0) {
			v = cg_ctx_load(cg, (uint32_t)sp->words[k].reg, cg->i64);
		} else {
			LLVMValueRef a = LLVMBuildAdd(cg->b, sp_reg, cg_const(cg, sp->words[k].sp_off), "");
			v = read_sized(cg, a, sp->words[k].size);
		}
		LLVMBuildStore(cg->b, v, cg_gep(cg, slots, 8 * (uint64_t)k));
	}
}

/* A parameter whose place depends on the site that fired (inlined
 * copies): a switch on the attach cookie loads its words. */
static struct place site_place(struct cg *cg, const struct goplace *gp, const struct gotype *t)
{
	struct place p = { 0 };
	int nwords = goargs_words(t);
	bool all_mem = true;
	for (size_t i = 0; i < gp->nsites; i++)
		all_mem &= gp->at[i].mem;
	if (nwords < 1 || nwords > GOLOC_MAX_PARTS)
		all_mem = true;
	LLVMValueRef idx = LLVMBuildSub(cg->b, LLVMBuildAnd(cg->b, cg_cookie(cg), cg_const(cg, 0xffffffff), ""),
					cg_const(cg, (int64_t)cg->env->site0), "site");
	LLVMValueRef slots = cg_alloca(cg, 8 * (uint32_t)(all_mem ? 1 : nwords), "goparam");
	for (int k = 0; k < (all_mem ? 1 : nwords); k++)
		LLVMBuildStore(cg->b, cg_const(cg, 0), cg_gep(cg, slots, 8 * (uint64_t)k));
	LLVMBasicBlockRef done = cg_block(cg, "param.done");
	LLVMBasicBlockRef *blocks = xcalloc(gp->nsites ? gp->nsites : 1, sizeof(*blocks));
	LLVMValueRef sw = LLVMBuildSwitch(cg->b, idx, done, (unsigned)gp->nsites);
	for (size_t i = 0; i < gp->nsites; i++) {
		/* sites with the same place share a block */
		size_t same = i;
		for (size_t j = 0; j < i; j++)
			if (!memcmp(&gp->at[j], &gp->at[i], sizeof(gp->at[i]))) {
				same = j;
				break;
			}
		if (same == i) {
			blocks[i] = cg_block(cg, "param.site");
			LLVMPositionBuilderAtEnd(cg->b, blocks[i]);
			if (all_mem) {
				LLVMValueRef a = LLVMBuildAdd(cg->b, cg_ctx_load(cg, PTREGS_SP, cg->i64),
							      cg_const(cg, gp->at[i].sp_off), "");
				LLVMBuildStore(cg->b, a, slots);
			} else {
				load_site_words(cg, &gp->at[i], t, slots, nwords);
			}
			LLVMBuildBr(cg->b, done);
		}
		LLVMAddCase(sw, LLVMConstInt(cg->i64, i, 0), blocks[same]);
		blocks[i] = blocks[same];
	}
	free(blocks);
	LLVMPositionBuilderAtEnd(cg->b, done);
	if (all_mem) {
		p.addr = LLVMBuildLoad2(cg->b, cg->i64, slots, "");
		return p;
	}
	p.imm = arena_alloc(&cg->sema->arena, sizeof(*p.imm) * (size_t)nwords);
	p.nimm = nwords;
	for (int k = 0; k < nwords; k++)
		p.imm[k] = LLVMBuildLoad2(cg->b, cg->i64, cg_gep(cg, slots, 8 * (uint64_t)k), "");
	return p;
}

static struct place at(struct cg *cg, LLVMValueRef addr)
{
	struct place p = { .addr = addr };
	(void)cg;
	return p;
}

static struct place place_of(struct cg *cg, struct node *n)
{
	const struct gostep *st = ast_gostep(n);
	if (st->op == GOOP_CAST) {
		/* gocast(value, "*T"): the word is the pointer; "T": the value
		 * is at that address */
		LLVMValueRef v = cg_int(cg, n->call.args);
		if (st->gt->kind == GT_PTR) {
			struct place p = { .nimm = 1 };
			p.imm = arena_alloc(&cg->sema->arena, sizeof(*p.imm));
			p.imm[0] = v;
			return p;
		}
		return at(cg, v);
	}
	if (st->op == GOOP_PARAM && st->place)
		return site_place(cg, st->place, st->gt);
	if (st->op == GOOP_PARAM) {
		const struct goparam *gp = st->param;
		if (gp->in_regs) {
			struct place p = { .regs = true, .result = gp->is_result, .word = gp->word };
			return p;
		}
		LLVMValueRef sp = cg_ctx_load(cg, PTREGS_SP, cg->i64);
		return at(cg, LLVMBuildAdd(cg->b, sp, cg_const(cg, gp->stack_off), ""));
	}
	struct node *base = ast_base(n);
	struct place p = place_of(cg, base);
	const struct gotype *pt = ast_gostep(base)->gt;
	switch (st->op) {
	case GOOP_FIELD: {
		if (pt->kind == GT_PTR) {
			p = at(cg, word_at(cg, p, 0));
			pt = pt->elem;
		}
		if (p.regs || p.imm) {
			for (int i = 0; i < st->field; i++)
				p.word += goargs_words(pt->fields[i].type);
		} else {
			p.addr = LLVMBuildAdd(cg->b, p.addr,
					      cg_const(cg, (int64_t)pt->fields[st->field].offset), "");
		}
		return p;
	}
	case GOOP_ITYPE:
	case GOOP_IDATA:
	case GOOP_LEN:
	case GOOP_CAP: {
		int k = st->op == GOOP_CAP ? 2 : st->op == GOOP_ITYPE ? 0 : 1;
		if (p.regs || p.imm)
			p.word += k;
		else
			p.addr = LLVMBuildAdd(cg->b, p.addr, cg_const(cg, 8 * k), "");
		return p;
	}
	case GOOP_INDEX: {
		LLVMValueRef idx = cg_int(cg, n->index.index);
		LLVMValueRef off = LLVMBuildMul(cg->b, idx, cg_const(cg, (int64_t)st->gt->size), "");
		if (pt->kind == GT_SLICE)
			return at(cg, LLVMBuildAdd(cg->b, word_at(cg, p, 0), off, ""));
		if (p.regs || p.imm) /* an array of one element */
			return p;
		p.addr = LLVMBuildAdd(cg->b, p.addr, off, "");
		return p;
	}
	default:
		return p;
	}
}

/* Reads an integer of `size` bytes at addr. */
static LLVMValueRef read_sized(struct cg *cg, LLVMValueRef addr, uint32_t size)
{
	LLVMValueRef slot = cg_alloca(cg, 8, "goval");
	LLVMBuildStore(cg->b, cg_const(cg, 0), slot);
	cg_read_user(cg, slot, LLVMConstInt(cg->i32, size, 0), addr);
	return LLVMBuildLoad2(cg->b, cg->i64, slot, "");
}

LLVMValueRef cg_goargs(struct cg *cg, struct node *n)
{
	struct place p = place_of(cg, n);
	const struct gotype *t = ast_gostep(n)->gt;
	if (t->kind == GT_STRING) {
		LLVMValueRef ptr = word_at(cg, p, 0), len = word_at(cg, p, 1);
		return cg_gostr(cg, ptr, len, n->type->size);
	}
	LLVMValueRef v;
	if (p.regs || p.imm || t->size >= 8)
		v = word_at(cg, p, 0);
	else
		v = read_sized(cg, p.addr, (uint32_t)t->size);
	return n->type->kind == TY_INT ? cg_fit_int(cg, v, n->type) : v;
}
