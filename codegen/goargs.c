/* goargs.c - code for args.NAME chains of uprobes (see sema/goargs.c).
 *
 * A chain is walked from its parameter: a value is either in integer
 * registers (a word index in the ABI's sequence) or in user memory at an
 * address; a field moves within it, a pointer or a slice leads to memory,
 * and the end of the chain reads the value. */
#include <linux/bpf.h>

#include "codegen/codegen.h"
#include "sema/goargs.h"
#include "sema/regs.h"

struct place {
	bool regs;
	bool result; /* register words of the results sequence */
	int word;
	LLVMValueRef addr;
};

/* Word k of a place: a register, or 8 bytes of memory. */
static LLVMValueRef word_at(struct cg *cg, struct place p, int k)
{
	if (p.regs)
		return cg_abi_word(cg, p.word + k, p.result);
	return cg_read_user_u64(cg, LLVMBuildAdd(cg->b, p.addr, cg_const(cg, 8 * k), ""));
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
		if (p.regs) {
			for (int i = 0; i < st->field; i++)
				p.word += goargs_words(pt->fields[i].type);
		} else {
			p.addr = LLVMBuildAdd(cg->b, p.addr,
					      cg_const(cg, (int64_t)pt->fields[st->field].offset), "");
		}
		return p;
	}
	case GOOP_LEN:
	case GOOP_CAP: {
		int k = st->op == GOOP_LEN ? 1 : 2;
		if (p.regs)
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
		if (p.regs) /* an array of one element */
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
	LLVMValueRef args[] = { slot, LLVMConstInt(cg->i32, size, 0),
				LLVMBuildIntToPtr(cg->b, addr, cg->ptr, "") };
	cg_helper(cg, BPF_FUNC_probe_read_user, cg->i64, args, 3);
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
	if (p.regs || t->size >= 8)
		v = word_at(cg, p, 0);
	else
		v = read_sized(cg, p.addr, (uint32_t)t->size);
	return n->type->kind == TY_INT ? cg_fit_int(cg, v, n->type) : v;
}
