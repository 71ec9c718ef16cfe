/* codegen.c - lowering the checked AST to LLVM IR for the BPF target, and
 * emitting the object into memory.
 *
 * Integers are i64 SSA values. Strings, tuples and the other values that
 * do not fit a register are handled by address: an expression yields a
 * pointer to a stack slot holding the value. */
#include "codegen/codegen.h"
#include "codegen/gen.h"

#include <inttypes.h>
#include <linux/bpf.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/BitReader.h>
#include <llvm-c/IRReader.h>
#include <llvm-c/Linker.h>
#include <llvm-c/Target.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "abi/events.h"
#include "sema/builtins.h"
#include "sema/regs.h"

extern const char gt_helpers_bc[], gt_helpers_bc_end[];

#define MAP_KEYS_MAX 4096
#define HIST_KEYS_MAX 65536

static LLVMValueRef gen_stmt_list(struct cg *cg, struct node *list);
static LLVMValueRef is_null(struct cg *cg, LLVMValueRef p);

/* The stack slot of a variable of the current probe. */
static LLVMValueRef var_slot(struct cg *cg, const struct node *v)
{
	return cg->vars[v->var.var->id];
}
static LLVMValueRef define_map(struct cg *cg, const char *name, uint32_t type,
			       uint32_t max_entries, uint32_t key_size, uint32_t value_size);

/* --- small builders -------------------------------------------------------- */

LLVMValueRef cg_const(struct cg *cg, int64_t v)
{
	return LLVMConstInt(cg->i64, (unsigned long long)v, 1);
}

LLVMBasicBlockRef cg_block(struct cg *cg, const char *name)
{
	return LLVMAppendBasicBlockInContext(cg->ctx, cg->fn, name);
}

LLVMValueRef cg_alloca(struct cg *cg, uint32_t size, const char *name)
{
	uint32_t off = cg->scratch_off;
	cg->scratch_off += (uint32_t)ALIGN_UP(size ? size : 8, 8);
	cg->scratch_hw = MAX(cg->scratch_hw, cg->scratch_off);
	LLVMValueRef idx = LLVMConstInt(cg->i64, off, 0);
	return LLVMBuildGEP2(cg->b, cg->i8, cg->scratch, &idx, 1, name);
}

/* A builder at the start of the function's entry block, where allocas
 * and the values every block may use go; the caller disposes of it. */
static LLVMBuilderRef entry_builder(struct cg *cg)
{
	LLVMBuilderRef ab = LLVMCreateBuilderInContext(cg->ctx);
	LLVMValueRef first = LLVMGetFirstInstruction(cg->entry);
	if (first)
		LLVMPositionBuilderBefore(ab, first);
	else
		LLVMPositionBuilderAtEnd(ab, cg->entry);
	return ab;
}

LLVMValueRef cg_stack_slot(struct cg *cg, uint32_t size, const char *name)
{
	LLVMBuilderRef ab = entry_builder(cg);
	LLVMValueRef a = LLVMBuildAlloca(ab, LLVMArrayType2(cg->i8, size), name);
	LLVMSetAlignment(a, 8);
	LLVMDisposeBuilder(ab);
	return a;
}

/* The BPF backend expands memset and memcpy into stores, and only up to
 * 1 KiB; and long runs of stores are slow to compile. Bigger areas are
 * copied by bpf_probe_read_kernel(), and zeroed by copying from an array
 * map that holds only zeros. */
#define CG_MEM_INLINE 256
#define CG_ZEROS 32768

static LLVMValueRef zeros(struct cg *cg)
{
	if (!cg->zeros)
		cg->zeros = define_map(cg, MAP_ZEROS, BPF_MAP_TYPE_ARRAY, 1, 4, CG_ZEROS);
	/* one key slot per function, however many zero-fills it has */
	if (cg->zkey_fn != cg->fn) {
		cg->zkey = cg_stack_slot(cg, 4, "zkey");
		cg->zkey_fn = cg->fn;
	}
	LLVMValueRef key = cg->zkey;
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i32, 0, 0), key);
	LLVMValueRef args[] = { cg->zeros, key };
	return cg_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
}

static void read_kernel(struct cg *cg, LLVMValueRef dst, LLVMValueRef src, uint32_t size)
{
	LLVMValueRef args[] = { dst, LLVMConstInt(cg->i32, size, 0), src };
	cg_helper(cg, BPF_FUNC_probe_read_kernel, cg->i64, args, 3);
}

void cg_memset0(struct cg *cg, LLVMValueRef p, uint32_t size)
{
	if (size <= CG_MEM_INLINE) {
		LLVMBuildMemSet(cg->b, p, LLVMConstInt(cg->i8, 0, 0), LLVMConstInt(cg->i64, size, 0), 8);
		return;
	}
	/* the zeros map always has its one entry; a NULL check keeps the
	 * verifier content */
	LLVMValueRef z = zeros(cg);
	LLVMBasicBlockRef go = cg_block(cg, "zero"), done = cg_block(cg, "zeroed");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, z, LLVMConstNull(cg->ptr), ""), done, go);
	LLVMPositionBuilderAtEnd(cg->b, go);
	for (uint32_t off = 0; off < size; off += CG_ZEROS)
		read_kernel(cg, cg_gep(cg, p, off), z, MIN(CG_ZEROS, size - off));
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
}

void cg_memcpy(struct cg *cg, LLVMValueRef dst, LLVMValueRef src, uint32_t size)
{
	if (size <= CG_MEM_INLINE) {
		LLVMBuildMemCpy(cg->b, dst, 8, src, 8, LLVMConstInt(cg->i64, size, 0));
		return;
	}
	read_kernel(cg, dst, src, size);
}

LLVMValueRef cg_gep(struct cg *cg, LLVMValueRef p, uint64_t off)
{
	if (!off)
		return p;
	LLVMValueRef idx = LLVMConstInt(cg->i64, off, 0);
	return LLVMBuildGEP2(cg->b, cg->i8, p, &idx, 1, "");
}

void cg_store(struct cg *cg, struct type *t, LLVMValueRef v, LLVMValueRef p)
{
	if (type_by_ref(t)) {
		cg_memcpy(cg, p, v, t->size);
	} else {
		LLVMValueRef st = LLVMBuildStore(cg->b, v, p);
		LLVMSetAlignment(st, 8);
	}
}

static LLVMValueRef load64(struct cg *cg, LLVMValueRef p)
{
	LLVMValueRef v = LLVMBuildLoad2(cg->b, cg->i64, p, "");
	LLVMSetAlignment(v, 8);
	return v;
}

static void store64(struct cg *cg, LLVMValueRef v, LLVMValueRef p)
{
	LLVMValueRef st = LLVMBuildStore(cg->b, v, p);
	LLVMSetAlignment(st, 8);
}

LLVMValueRef cg_helper(struct cg *cg, int id, LLVMTypeRef ret,
		       LLVMValueRef *args, int nargs)
{
	LLVMTypeRef ats[8];
	for (int i = 0; i < nargs; i++)
		ats[i] = LLVMTypeOf(args[i]);
	LLVMTypeRef fty = LLVMFunctionType(ret, ats, (unsigned)nargs, 0);
	LLVMValueRef fn = LLVMConstIntToPtr(LLVMConstInt(cg->i64, (unsigned)id, 0), cg->ptr);
	return LLVMBuildCall2(cg->b, fty, fn, args, (unsigned)nargs, "");
}

/* Calls a helper from codegen/helpers.bpf.c (linked in at the end). */
LLVMValueRef cg_call_lib(struct cg *cg, const char *name, LLVMTypeRef ret,
			     LLVMValueRef *args, int nargs)
{
	LLVMTypeRef ats[8];
	for (int i = 0; i < nargs; i++)
		ats[i] = LLVMTypeOf(args[i]);
	LLVMTypeRef fty = LLVMFunctionType(ret, ats, (unsigned)nargs, 0);
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
	if (!fn)
		fn = LLVMAddFunction(cg->mod, name, fty);
	return LLVMBuildCall2(cg->b, fty, fn, args, (unsigned)nargs, "");
}

/* A load from the context at a constant offset, as one instruction
 * the verifier accepts (ctx + off): inline assembly, since LLVM merges
 * two loads of a ternary (cond ? goret(2) : goret(1)) into one from a
 * selected offset, which the verifier rejects. */
LLVMValueRef cg_ctx_load(struct cg *cg, uint32_t off, LLVMTypeRef ty)
{
	unsigned bits = LLVMGetIntTypeWidth(ty);
	char code[64];
	snprintf(code, sizeof(code), "$0 = *(u%u *)($1 + %u)", bits, off);
	LLVMTypeRef params[] = { cg->ptr };
	LLVMTypeRef fty = LLVMFunctionType(cg->i64, params, 1, 0);
	LLVMValueRef fn = LLVMGetInlineAsm(fty, code, strlen(code), "=r,r", 4, 0, 0,
					   LLVMInlineAsmDialectATT, 0);
	LLVMValueRef args[] = { cg->ctxp };
	LLVMValueRef v = LLVMBuildCall2(cg->b, fty, fn, args, 1, "");
	return bits == 64 ? v : LLVMBuildTrunc(cg->b, v, ty, "");
}

/* --- reading user memory, and what went wrong ------------------------------------ */

/* bpf_copy_from_user (Linux 5.10), for sleepable programs only. */
#define FUNC_COPY_FROM_USER 148
/* bpf_copy_from_user_str's flag: zero the rest of the buffer, all of it
 * when the read fails. */
#define COPY_STR_PAD_ZEROS 1

static size_t ptr_hash(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	return (size_t)(x ^ (x >> 33));
}

/* The report site of what n does (a read, or an update of map m), added
 * the first time: the index into sema's reports, and the key into the
 * MAP_REPORTS counters. One site per node and kind, however many times
 * (unroll, program groups) its code is generated. */
static int report_site(struct cg *cg, enum report_kind kind, const struct node *n,
		       const struct mapinfo *m)
{
	struct sema *s = cg->sema;
	if (s->reports.n * 2 >= cg->report_cap) {
		size_t cap = cg->report_cap ? cg->report_cap * 2 : 64;
		int *idx = xmalloc(cap * sizeof(int));
		memset(idx, 0xff, cap * sizeof(int));
		for (size_t i = 0; i < s->reports.n; i++) {
			size_t h = (ptr_hash(s->reports.v[i].node) ^ s->reports.v[i].kind) & (cap - 1);
			while (idx[h] >= 0)
				h = (h + 1) & (cap - 1);
			idx[h] = (int)i;
		}
		free(cg->report_index);
		cg->report_index = idx;
		cg->report_cap = cap;
	}
	size_t h = (ptr_hash(n) ^ kind) & (cg->report_cap - 1);
	for (; cg->report_index[h] >= 0; h = (h + 1) & (cg->report_cap - 1)) {
		const struct report_site *r = &s->reports.v[cg->report_index[h]];
		if (r->node == n && r->kind == kind)
			return cg->report_index[h];
	}
	struct report_site r = { .kind = kind, .loc = n->loc, .node = n, .map = m };
	if (m) {
		snprintf(r.what, sizeof(r.what), "@%s", m->name);
	} else if ((n->kind == N_CALL || n->kind == N_IDENT) && n->call.bi) {
		snprintf(r.what, sizeof(r.what), "%s", n->call.bi->name);
	} else if (n->kind == N_DEREF) {
		struct strbuf t;
		sb_init(&t);
		type_print(n->type, &t);
		snprintf(r.what, sizeof(r.what), "*(%s *)", t.s);
		sb_free(&t);
	} else {
		/* an args path: its text */
		const struct source *src = s->prog->src;
		uint32_t b = MIN(n->loc.begin, (uint32_t)src->len), e = MIN(n->loc.end, (uint32_t)src->len);
		snprintf(r.what, sizeof(r.what), "%.*s", (int)MIN(e - b, sizeof(r.what) - 1),
			 src->text + b);
	}
	vec_push(&s->reports, r);
	cg->report_index[h] = (int)(s->reports.n - 1);
	return (int)(s->reports.n - 1);
}

/* The MAP_REPORTS map: a placeholder global until every site is known
 * (finish_reports defines the map and puts it in the placeholder's
 * place). */
static LLVMValueRef reports_map(struct cg *cg)
{
	if (!cg->reports)
		cg->reports = LLVMAddGlobal(cg->mod, cg->i64, "reports.placeholder");
	return cg->reports;
}

struct fill_fault {
	LLVMValueRef w[3];
};

static void fill_fault(struct cg *cg, LLVMValueRef payload, void *arg)
{
	struct fill_fault *f = arg;
	for (int i = 0; i < 3; i++)
		store64(cg, f->w[i], cg_gep(cg, payload, 8 * (uint64_t)i));
}

/* The counters of the MAP_REPORTS entry that holds site, in the current
 * probe: a placeholder in the entry block, which finish_probe_reports
 * replaces with the entry's one lookup when the probe starts. */
static LLVMValueRef report_base(struct cg *cg, int site)
{
	uint32_t chunk = (uint32_t)site / REPORTS_PER_ENTRY;
	for (size_t i = 0; i < cg->rep_chunks.n; i++)
		if (cg->rep_chunks.v[i].chunk == chunk)
			return cg->rep_chunks.v[i].ph;
	LLVMBuilderRef ab = entry_builder(cg);
	struct rep_chunk c = { chunk, LLVMBuildAlloca(ab, cg->i8, "reports.placeholder") };
	LLVMDisposeBuilder(ab);
	vec_push(&cg->rep_chunks, c);
	return c.ph;
}

/* One more try at site: its count, and when ret (an i64) is negative its
 * failure and errno; with -k, an EV_FAULT event too. No helper call and
 * no branch here: the probe looked the counters up when it started. */
static void count_report(struct cg *cg, int site, LLVMValueRef ret, LLVMValueRef addr,
			 LLVMValueRef size)
{
	LLVMValueRef p = cg_gep(cg, report_base(cg, site),
				(uint64_t)(site % REPORTS_PER_ENTRY) * sizeof(struct report_count));
	LLVMValueRef bad = LLVMBuildICmp(cg->b, LLVMIntSLT, ret, cg_const(cg, 0), "failed");
	LLVMValueRef pf = cg_gep(cg, p, offsetof(struct report_count, failed));
	LLVMValueRef pe = cg_gep(cg, p, offsetof(struct report_count, err));
	store64(cg, LLVMBuildAdd(cg->b, load64(cg, p), cg_const(cg, 1), ""), p);
	store64(cg, LLVMBuildAdd(cg->b, load64(cg, pf), LLVMBuildZExt(cg->b, bad, cg->i64, ""), ""), pf);
	store64(cg, LLVMBuildSelect(cg->b, bad, ret, load64(cg, pe), ""), pe);
	if (cg->opts->faults) {
		LLVMBasicBlockRef ev = cg_block(cg, "fault"), done = cg_block(cg, "reported");
		LLVMBuildCondBr(cg->b, bad, ev, done);
		LLVMPositionBuilderAtEnd(cg->b, ev);
		struct fill_fault f = { { ret, addr, size } };
		cg_event(cg, EV_FAULT, (uint32_t)site, sizeof(struct ev_fault), fill_fault, &f);
		LLVMBuildBr(cg->b, done);
		LLVMPositionBuilderAtEnd(cg->b, done);
	}
}

/* The probe's MAP_REPORTS entries, looked up once in a block between its
 * entry and body (a per-CPU array always has them: the probe returns if
 * not). Returns the block the entry goes on to. */
static LLVMBasicBlockRef finish_probe_reports(struct cg *cg, LLVMBasicBlockRef body)
{
	if (!cg->rep_chunks.n)
		return body;
	LLVMBasicBlockRef look = LLVMInsertBasicBlockInContext(cg->ctx, body, "reports");
	LLVMBuilderRef b = LLVMCreateBuilderInContext(cg->ctx);
	LLVMBasicBlockRef at = look;
	for (size_t i = 0; i < cg->rep_chunks.n; i++) {
		struct rep_chunk *c = &cg->rep_chunks.v[i];
		LLVMPositionBuilderBefore(b, c->ph);
		LLVMValueRef key = LLVMBuildAlloca(b, cg->i32, "rkey");
		LLVMPositionBuilderAtEnd(b, at);
		LLVMBuildStore(b, LLVMConstInt(cg->i32, c->chunk, 0), key);
		LLVMTypeRef ats[] = { cg->ptr, cg->ptr };
		LLVMValueRef args[] = { reports_map(cg), key };
		LLVMValueRef fn = LLVMConstIntToPtr(LLVMConstInt(cg->i64, BPF_FUNC_map_lookup_elem, 0), cg->ptr);
		LLVMValueRef p = LLVMBuildCall2(b, LLVMFunctionType(cg->ptr, ats, 2, 0), fn, args, 2, "reports");
		/* the return right here, not at the function's end: a BPF
		 * jump reaches 32,767 instructions at most */
		LLVMBasicBlockRef none = LLVMInsertBasicBlockInContext(cg->ctx, body, "noreports");
		LLVMBasicBlockRef next = i + 1 < cg->rep_chunks.n
						 ? LLVMInsertBasicBlockInContext(cg->ctx, body, "reports")
						 : body;
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, p, LLVMConstNull(cg->ptr), ""), none, next);
		LLVMPositionBuilderAtEnd(b, none);
		LLVMBuildRet(b, cg_const(cg, 0));
		LLVMReplaceAllUsesWith(c->ph, p);
		LLVMInstructionEraseFromParent(c->ph);
		at = next;
	}
	LLVMDisposeBuilder(b);
	cg->rep_chunks.n = 0;
	return look;
}

static LLVMValueRef as_i64(struct cg *cg, LLVMValueRef v)
{
	LLVMTypeRef t = LLVMTypeOf(v);
	if (LLVMGetTypeKind(t) == LLVMPointerTypeKind)
		return LLVMBuildPtrToInt(cg->b, v, cg->i64, "");
	return LLVMGetIntTypeWidth(t) < 64 ? LLVMBuildZExt(cg->b, v, cg->i64, "") : v;
}

static LLVMValueRef as_ptr(struct cg *cg, LLVMValueRef v)
{
	if (LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind)
		return v;
	return LLVMBuildIntToPtr(cg->b, v, cg->ptr, "");
}

void cg_count_read(struct cg *cg, LLVMValueRef ret, LLVMValueRef addr, LLVMValueRef size)
{
	if (cg->reader)
		count_report(cg, report_site(cg, REPORT_READ, cg->reader, NULL), ret, as_i64(cg, addr),
			     as_i64(cg, size));
}

LLVMValueRef cg_read_user(struct cg *cg, LLVMValueRef dst, LLVMValueRef size, LLVMValueRef src)
{
	LLVMValueRef args[] = { dst, size, as_ptr(cg, src) };
	LLVMValueRef r = cg_helper(cg, cg->sleepable ? FUNC_COPY_FROM_USER : BPF_FUNC_probe_read_user,
				   cg->i64, args, 3);
	cg_count_read(cg, r, src, size);
	return r;
}

/* extern int bpf_copy_from_user_str(void *dst, u32 dst__sz,
 *                                   const void *unsafe_ptr__ign, u64 flags) __ksym;
 * A kfunc (Linux 6.12): declared in ".ksyms" with a BTF prototype, from
 * which libbpf finds it in the kernel's BTF and makes the call a kfunc
 * call. */
static LLVMValueRef copy_str_kfunc(struct cg *cg)
{
	if (cg->copy_str)
		return cg->copy_str;
	static const char name[] = "bpf_copy_from_user_str";
	LLVMTypeRef ps[] = { cg->ptr, cg->i32, cg->ptr, cg->i64 };
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
	if (!fn)
		fn = LLVMAddFunction(cg->mod, name, LLVMFunctionType(cg->i32, ps, 4, 0));
	LLVMSetSection(fn, ".ksyms");
	LLVMMetadataRef i32 = LLVMDIBuilderCreateBasicType(cg->di, "int", 3, 32, 0x05, LLVMDIFlagZero);
	LLVMMetadataRef u32 =
		LLVMDIBuilderCreateBasicType(cg->di, "unsigned int", 12, 32, 0x08, LLVMDIFlagZero);
	LLVMMetadataRef u64 = LLVMDIBuilderCreateBasicType(cg->di, "unsigned long long", 18, 64, 0x08,
							   LLVMDIFlagZero);
	LLVMMetadataRef vp = LLVMDIBuilderCreatePointerType(cg->di, NULL, 64, 64, 0, NULL, 0);
	LLVMMetadataRef types[] = { i32, vp, u32, vp, u64 };
	LLVMMetadataRef sty = LLVMDIBuilderCreateSubroutineType(cg->di, cg->di_file, types, 5,
								 LLVMDIFlagPrototyped);
	LLVMMetadataRef sp = LLVMDIBuilderCreateFunction(cg->di, cg->di_file, name, strlen(name), name,
							 strlen(name), cg->di_file, 1, sty, 0, 0, 1,
							 LLVMDIFlagPrototyped, 1);
	LLVMSetSubprogram(fn, sp);
	return cg->copy_str = fn;
}

LLVMValueRef cg_read_user_str(struct cg *cg, LLVMValueRef dst, LLVMValueRef size, LLVMValueRef src)
{
	LLVMValueRef r;
	if (cg->sleepable) {
		LLVMValueRef fn = copy_str_kfunc(cg);
		LLVMValueRef args[] = { dst, size, as_ptr(cg, src), cg_const(cg, COPY_STR_PAD_ZEROS) };
		r = LLVMBuildSExt(cg->b, LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(fn), fn, args, 4, ""),
				  cg->i64, "");
	} else {
		LLVMValueRef args[] = { dst, size, as_ptr(cg, src) };
		r = cg_helper(cg, BPF_FUNC_probe_read_user_str, cg->i64, args, 3);
	}
	cg_count_read(cg, r, src, size);
	return r;
}

LLVMValueRef cg_read_user_u64(struct cg *cg, LLVMValueRef addr)
{
	LLVMValueRef slot = cg_alloca(cg, 8, "word");
	store64(cg, cg_const(cg, 0), slot);
	cg_read_user(cg, slot, LLVMConstInt(cg->i32, 8, 0), addr);
	return load64(cg, slot);
}

LLVMValueRef cg_cookie(struct cg *cg)
{
	/* BEGIN and END are run, not attached: the runtime passes the
	 * cookie as the first word of the context */
	if (cg->group == PG_RUN)
		return cg_ctx_load(cg, 0, cg->i64);
	LLVMValueRef args[] = { cg->ctxp };
	return cg_helper(cg, BPF_FUNC_get_attach_cookie, cg->i64, args, 1);
}

static LLVMValueRef is_null(struct cg *cg, LLVMValueRef p)
{
	return LLVMBuildICmp(cg->b, LLVMIntEQ, p, LLVMConstNull(cg->ptr), "");
}

/* Counts one lost event in the per-CPU `lost` array. */
static void count_lost(struct cg *cg)
{
	LLVMValueRef key = cg_alloca(cg, 4, "zero");
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i32, 0, 0), key);
	LLVMValueRef args[] = { cg->lost, key };
	LLVMValueRef p = cg_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
	LLVMBasicBlockRef inc = cg_block(cg, "lost.inc"), done = cg_block(cg, "lost.done");
	LLVMBuildCondBr(cg->b, is_null(cg, p), done, inc);
	LLVMPositionBuilderAtEnd(cg->b, inc);
	store64(cg, LLVMBuildAdd(cg->b, load64(cg, p), cg_const(cg, 1), ""), p);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
}

/* The flags of an event's bpf_ringbuf_submit. By default the kernel
 * wakes the consumer for every event it finds caught up, which it always
 * is: an irq_work and a self-IPI inside the probe, on the traced thread,
 * per event. Events are submitted without a wake-up instead; the
 * consumer drains the ring on a short timer (EVENTS_POLL_MS). A wake-up
 * is forced for the events that must be acted on at once (exit(), print
 * and clear of a map: the map must be read before later events change
 * it), and whenever the ring holds EVENTS_WAKE_AT bytes or more, so that
 * a burst is drained while it comes rather than lost. BEGIN and END are
 * drained by the runtime right after they run: no wake-up there. */
static LLVMValueRef submit_flags(struct cg *cg, uint32_t action)
{
	if (cg->group == PG_RUN)
		return cg_const(cg, BPF_RB_NO_WAKEUP);
	if (action == EV_EXIT || action == EV_PRINT_MAP || action == EV_CLEAR || action == EV_ZERO)
		return cg_const(cg, BPF_RB_FORCE_WAKEUP);
	LLVMValueRef args[] = { cg->events, cg_const(cg, BPF_RB_AVAIL_DATA) };
	LLVMValueRef avail = cg_helper(cg, BPF_FUNC_ringbuf_query, cg->i64, args, 2);
	LLVMValueRef full = LLVMBuildICmp(cg->b, LLVMIntUGE, avail, cg_const(cg, EVENTS_WAKE_AT), "");
	return LLVMBuildSelect(cg->b, full, cg_const(cg, BPF_RB_FORCE_WAKEUP),
			       cg_const(cg, BPF_RB_NO_WAKEUP), "rbflags");
}

void cg_event(struct cg *cg, uint32_t action, uint32_t id, uint32_t size,
	      void (*fill)(struct cg *, LLVMValueRef payload, void *arg),
	      void *arg)
{
	uint32_t total = (uint32_t)ALIGN_UP(sizeof(struct ev_hdr) + size, 8);
	LLVMValueRef args[] = { cg->events, LLVMConstInt(cg->i64, total, 0),
				LLVMConstInt(cg->i64, 0, 0) };
	LLVMValueRef p = cg_helper(cg, BPF_FUNC_ringbuf_reserve, cg->ptr, args, 3);
	LLVMBasicBlockRef full = cg_block(cg, "ev.full"), ok = cg_block(cg, "ev.ok"),
			  done = cg_block(cg, "ev.done");
	LLVMBuildCondBr(cg->b, is_null(cg, p), full, ok);

	LLVMPositionBuilderAtEnd(cg->b, full);
	count_lost(cg);
	LLVMBuildBr(cg->b, done);

	LLVMPositionBuilderAtEnd(cg->b, ok);
	uint64_t hdr = (uint64_t)action | ((uint64_t)id << 32);
	store64(cg, LLVMConstInt(cg->i64, hdr, 0), p);
	if (fill)
		fill(cg, cg_gep(cg, p, sizeof(struct ev_hdr)), arg);
	LLVMValueRef sargs[] = { p, submit_flags(cg, action) };
	cg_helper(cg, BPF_FUNC_ringbuf_submit, cg->vd, sargs, 2);
	LLVMBuildBr(cg->b, done);

	LLVMPositionBuilderAtEnd(cg->b, done);
}

/* --- calling conventions and Go ---------------------------------------------- */

LLVMValueRef cg_abi_word(struct cg *cg, int n, bool result)
{
	struct probe_env *env = cg->env;
	LLVMValueRef sp;
	switch (env->abi) {
	case GOABI_REG:
		if (n < 9)
			return cg_ctx_load(cg, abi_go_regs[n], cg->i64);
		return cg_const(cg, 0);
	case GOABI_STACK: {
		uint64_t off = 8 + 8 * (uint64_t)n + (result ? env->in_args_size : 0);
		sp = cg_ctx_load(cg, PTREGS_SP, cg->i64);
		return cg_read_user_u64(cg, LLVMBuildAdd(cg->b, sp, cg_const(cg, (int64_t)off), ""));
	}
	case GOABI_SYSV:
	default:
		if (result)
			return cg_ctx_load(cg, n == 0 ? PTREGS_AX : PTREGS_DX, cg->i64);
		if (n < 6)
			return cg_ctx_load(cg, abi_sysv_regs[n], cg->i64);
		sp = cg_ctx_load(cg, PTREGS_SP, cg->i64);
		return cg_read_user_u64(cg, LLVMBuildAdd(cg->b, sp, cg_const(cg, 8 + 8 * (n - 6)), ""));
	}
}

LLVMValueRef cg_g_pointer(struct cg *cg)
{
	struct probe_env *env = cg->env;
	if (!env->goid_tls)
		return cg_ctx_load(cg, PTREGS_R14, cg->i64);
	/* g = *(fsbase + tls_g_off), fsbase from current->thread.fsbase */
	LLVMValueRef task = cg_helper(cg, BPF_FUNC_get_current_task, cg->i64, NULL, 0);
	LLVMValueRef slot = cg_alloca(cg, 8, "fsbase");
	store64(cg, cg_const(cg, 0), slot);
	LLVMValueRef addr = LLVMBuildAdd(cg->b, task, cg_const(cg, env->task_fsbase_off), "");
	LLVMValueRef args[] = { slot, LLVMConstInt(cg->i32, 8, 0),
				LLVMBuildIntToPtr(cg->b, addr, cg->ptr, "") };
	cg_helper(cg, BPF_FUNC_probe_read_kernel, cg->i64, args, 3);
	LLVMValueRef fsbase = load64(cg, slot);
	return cg_read_user_u64(cg, LLVMBuildAdd(cg->b, fsbase, cg_const(cg, env->tls_g_off), ""));
}

/* --- maps --------------------------------------------------------------------- */

/* Builds the key of `@m[k...]` in a stack slot; hist maps get room for the
 * bucket after it. */
static LLVMValueRef build_key(struct cg *cg, struct node *mapnode)
{
	struct mapinfo *m = mapnode->map.map;
	struct node *keys = mapnode->map.keys;
	uint32_t size = mapinfo_key_size(m);
	LLVMValueRef key = cg_alloca(cg, size, "key");
	if (!keys) {
		cg_memset0(cg, key, size);
		return key;
	}
	if (!keys->next) {
		struct node *k = keys;
		LLVMValueRef v = cg_expr(cg, k);
		if (size > m->key->size)
			cg_memset0(cg, key, size);
		cg_store(cg, m->key, v, key);
		return key;
	}
	cg_memset0(cg, key, size);
	int i = 0;
	for (struct node *k = keys; k; k = k->next, i++) {
		LLVMValueRef v = cg_expr(cg, k);
		cg_store(cg, m->key->elems[i], v, cg_gep(cg, key, m->key->offsets[i]));
	}
	return key;
}

static LLVMValueRef map_lookup(struct cg *cg, struct mapinfo *m, LLVMValueRef key)
{
	LLVMValueRef args[] = { cg->maps[m->id], key };
	return cg_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
}

/* Creates or sets @m[key] (mapnode is where, for the report when the map
 * is full and the update is dropped). */
static void map_update(struct cg *cg, struct node *mapnode, LLVMValueRef key, LLVMValueRef val,
		       uint64_t flags)
{
	struct mapinfo *m = mapnode->map.map;
	LLVMValueRef args[] = { cg->maps[m->id], key, val, LLVMConstInt(cg->i64, flags, 0) };
	LLVMValueRef r = cg_helper(cg, BPF_FUNC_map_update_elem, cg->i64, args, 4);
	int site = report_site(cg, REPORT_MAP_UPDATE, mapnode, m);
	cg->sema->reports.v[site].max_entries = cg->map_max[m->id];
	count_report(cg, site, r, cg_const(cg, 0), cg_const(cg, 0));
}

/* Reads @m[k]: the value, or zero when the key is absent. */
static LLVMValueRef map_read(struct cg *cg, struct node *n)
{
	struct mapinfo *m = n->map.map;
	LLVMValueRef key = build_key(cg, n);
	LLVMValueRef p = map_lookup(cg, m, key);
	LLVMBasicBlockRef cur = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef hit = cg_block(cg, "map.hit"), done = cg_block(cg, "map.done");
	if (type_by_ref(m->val)) {
		LLVMValueRef slot = cg_alloca(cg, m->val->size, "mapval");
		cg_memset0(cg, slot, m->val->size);
		LLVMBuildCondBr(cg->b, is_null(cg, p), done, hit);
		LLVMPositionBuilderAtEnd(cg->b, hit);
		cg_memcpy(cg, slot, p, m->val->size);
		LLVMBuildBr(cg->b, done);
		LLVMPositionBuilderAtEnd(cg->b, done);
		return slot;
	}
	LLVMBuildCondBr(cg->b, is_null(cg, p), done, hit);
	LLVMPositionBuilderAtEnd(cg->b, hit);
	LLVMValueRef v = load64(cg, p);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i64, "");
	LLVMValueRef vals[] = { cg_const(cg, 0), v };
	LLVMBasicBlockRef bbs[] = { cur, hit };
	LLVMAddIncoming(phi, vals, bbs, 2);
	return phi;
}

/* @m[k] op= v for integer maps: read, combine, write back. Returns the
 * new value (or the old one for postfix ++/--). */
static LLVMValueRef map_modify(struct cg *cg, struct node *mapnode, int op,
			       LLVMValueRef v, bool want_old);

static LLVMValueRef arith(struct cg *cg, int op, LLVMValueRef a, LLVMValueRef b,
			  bool is_signed);

static LLVMValueRef map_modify(struct cg *cg, struct node *mapnode, int op,
			       LLVMValueRef v, bool want_old)
{
	struct mapinfo *m = mapnode->map.map;
	LLVMValueRef key = build_key(cg, mapnode);
	LLVMValueRef p = map_lookup(cg, m, key);
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef hit = cg_block(cg, "mod.hit"), miss = cg_block(cg, "mod.miss"),
			  done = cg_block(cg, "mod.done");
	LLVMBuildCondBr(cg->b, is_null(cg, p), miss, hit);
	(void)from;

	/* there: change it in place */
	LLVMPositionBuilderAtEnd(cg->b, hit);
	LLVMValueRef old_hit = load64(cg, p);
	LLVMValueRef new_hit = arith(cg, op, old_hit, v, m->val->is_signed);
	store64(cg, new_hit, p);
	LLVMBuildBr(cg->b, done);

	/* absent: the old value is 0; create the entry */
	LLVMPositionBuilderAtEnd(cg->b, miss);
	LLVMValueRef new_miss = arith(cg, op, cg_const(cg, 0), v, m->val->is_signed);
	LLVMValueRef vslot = cg_alloca(cg, 8, "new");
	store64(cg, new_miss, vslot);
	map_update(cg, mapnode, key, vslot, BPF_ANY);
	LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, done);

	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i64, "");
	LLVMValueRef vals[] = { want_old ? old_hit : new_hit, want_old ? cg_const(cg, 0) : new_miss };
	LLVMBasicBlockRef bbs[] = { hit, miss_end };
	LLVMAddIncoming(phi, vals, bbs, 2);
	return phi;
}

/* @m[k] = agg(...): update the current CPU's slot in place, or create it.
 * n is the call; sema links it to the map element it aggregates into. */
GEN(agg)
{
	struct node *mapnode = n->call.target;
	struct mapinfo *m = mapnode->map.map;
	struct type *t = m->val;
	LLVMValueRef v = n->call.args ? cg_int(cg, n->call.args) : cg_const(cg, 1);
	LLVMValueRef key = build_key(cg, mapnode);
	if (t->kind == TY_HIST || t->kind == TY_LHIST) {
		LLVMValueRef bucket;
		if (t->kind == TY_HIST) {
			bucket = cg_call_lib(cg, "gt_hist_bucket", cg->i64, &v, 1);
		} else {
			LLVMValueRef a[] = { v, cg_const(cg, t->lmin), cg_const(cg, t->lmax),
					     cg_const(cg, t->lstep) };
			bucket = cg_call_lib(cg, "gt_lhist_bucket", cg->i64, a, 4);
		}
		store64(cg, bucket, cg_gep(cg, key, m->key->size));
	}
	LLVMValueRef p = map_lookup(cg, m, key);
	LLVMBasicBlockRef hit = cg_block(cg, "agg.hit"), miss = cg_block(cg, "agg.miss"),
			  done = cg_block(cg, "agg.done");
	LLVMBuildCondBr(cg->b, is_null(cg, p), miss, hit);

	/* existing slot */
	LLVMPositionBuilderAtEnd(cg->b, hit);
	switch (t->kind) {
	case TY_COUNT:
	case TY_HIST:
	case TY_LHIST:
		store64(cg, LLVMBuildAdd(cg->b, load64(cg, p), cg_const(cg, 1), ""), p);
		break;
	case TY_SUM:
		store64(cg, LLVMBuildAdd(cg->b, load64(cg, p), v, ""), p);
		break;
	case TY_AVG:
	case TY_STATS: {
		store64(cg, LLVMBuildAdd(cg->b, load64(cg, p), v, ""), p);
		LLVMValueRef c = cg_gep(cg, p, 8);
		store64(cg, LLVMBuildAdd(cg->b, load64(cg, c), cg_const(cg, 1), ""), c);
		break;
	}
	case TY_MIN:
	case TY_MAX: {
		LLVMValueRef cur = load64(cg, p);
		LLVMValueRef seen = load64(cg, cg_gep(cg, p, 8));
		LLVMIntPredicate pred = t->kind == TY_MIN ? (t->is_signed ? LLVMIntSLT : LLVMIntULT)
							  : (t->is_signed ? LLVMIntSGT : LLVMIntUGT);
		LLVMValueRef better = LLVMBuildICmp(cg->b, pred, v, cur, "");
		LLVMValueRef unseen = LLVMBuildICmp(cg->b, LLVMIntEQ, seen, cg_const(cg, 0), "");
		LLVMValueRef take = LLVMBuildOr(cg->b, better, unseen, "");
		LLVMBasicBlockRef set = cg_block(cg, "agg.set");
		LLVMBuildCondBr(cg->b, take, set, done);
		LLVMPositionBuilderAtEnd(cg->b, set);
		store64(cg, v, p);
		store64(cg, cg_const(cg, 1), cg_gep(cg, p, 8));
		break;
	}
	default:
		break;
	}
	LLVMBuildBr(cg->b, done);

	/* new slot */
	LLVMPositionBuilderAtEnd(cg->b, miss);
	uint32_t sz = agg_slot_size(t);
	LLVMValueRef init = cg_alloca(cg, sz, "agg.init");
	switch (t->kind) {
	case TY_COUNT:
	case TY_HIST:
	case TY_LHIST:
		store64(cg, cg_const(cg, 1), init);
		break;
	case TY_SUM:
		store64(cg, v, init);
		break;
	default: /* avg, stats: total, 1; min, max: value, seen */
		store64(cg, v, init);
		store64(cg, cg_const(cg, 1), cg_gep(cg, init, 8));
		break;
	}
	map_update(cg, mapnode, key, init, BPF_ANY);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	return NULL;
}

/* --- expressions ------------------------------------------------------------- */

static LLVMValueRef bool64(struct cg *cg, LLVMValueRef i1)
{
	return LLVMBuildZExt(cg->b, i1, cg->i64, "");
}

static LLVMValueRef truthy(struct cg *cg, LLVMValueRef v)
{
	return LLVMBuildICmp(cg->b, LLVMIntNE, v, cg_const(cg, 0), "");
}

LLVMValueRef cg_int(struct cg *cg, struct node *n)
{
	return cg_expr(cg, n);
}

static LLVMValueRef arith(struct cg *cg, int op, LLVMValueRef a, LLVMValueRef b,
			  bool is_signed)
{
	LLVMBuilderRef B = cg->b;
	switch (op) {
	case '+': return LLVMBuildAdd(B, a, b, "");
	case '-': return LLVMBuildSub(B, a, b, "");
	case '*': return LLVMBuildMul(B, a, b, "");
	case '/':
	case '%': {
		if (is_signed) {
			LLVMValueRef args[] = { a, b };
			return cg_call_lib(cg, op == '/' ? "gt_sdiv" : "gt_smod", cg->i64, args, 2);
		}
		/* x / 0 is 0 and x % 0 is x, as BPF defines them */
		LLVMValueRef zero = LLVMBuildICmp(B, LLVMIntEQ, b, cg_const(cg, 0), "");
		LLVMValueRef safe = LLVMBuildSelect(B, zero, cg_const(cg, 1), b, "");
		LLVMValueRef r = op == '/' ? LLVMBuildUDiv(B, a, safe, "") : LLVMBuildURem(B, a, safe, "");
		return LLVMBuildSelect(B, zero, op == '/' ? cg_const(cg, 0) : a, r, "");
	}
	case '&': return LLVMBuildAnd(B, a, b, "");
	case '|': return LLVMBuildOr(B, a, b, "");
	case '^': return LLVMBuildXor(B, a, b, "");
	case OP_SHL: return LLVMBuildShl(B, a, LLVMBuildAnd(B, b, cg_const(cg, 63), ""), "");
	case OP_SHR:
		b = LLVMBuildAnd(B, b, cg_const(cg, 63), "");
		return is_signed ? LLVMBuildAShr(B, a, b, "") : LLVMBuildLShr(B, a, b, "");
	case OP_INC: return LLVMBuildAdd(B, a, cg_const(cg, 1), "");
	case OP_DEC: return LLVMBuildSub(B, a, cg_const(cg, 1), "");
	default: return a;
	}
}

/* Strings are zero padded, so equal strings have equal words. */
static LLVMValueRef str_equal(struct cg *cg, LLVMValueRef a, LLVMValueRef b,
			      uint32_t size)
{
	LLVMValueRef diff = cg_const(cg, 0);
	for (uint32_t off = 0; off < size; off += 8) {
		LLVMValueRef x = load64(cg, cg_gep(cg, a, off));
		LLVMValueRef y = load64(cg, cg_gep(cg, b, off));
		diff = LLVMBuildOr(cg->b, diff, LLVMBuildXor(cg->b, x, y, ""), "");
	}
	return LLVMBuildICmp(cg->b, LLVMIntEQ, diff, cg_const(cg, 0), "");
}

static LLVMValueRef gen_logical(struct cg *cg, struct node *n)
{
	int op = n->binop.op;
	LLVMValueRef a = truthy(cg, cg_int(cg, n->binop.lhs));
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef rhs = cg_block(cg, "logic.rhs"), done = cg_block(cg, "logic.done");
	if (op == OP_LAND)
		LLVMBuildCondBr(cg->b, a, rhs, done);
	else
		LLVMBuildCondBr(cg->b, a, done, rhs);
	LLVMPositionBuilderAtEnd(cg->b, rhs);
	LLVMValueRef b = truthy(cg, cg_int(cg, n->binop.rhs));
	LLVMBasicBlockRef rhs_end = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i1, "");
	LLVMValueRef vals[] = { LLVMConstInt(cg->i1, op == OP_LOR, 0), b };
	LLVMBasicBlockRef bbs[] = { from, rhs_end };
	LLVMAddIncoming(phi, vals, bbs, 2);
	return bool64(cg, phi);
}

static LLVMValueRef gen_binop(struct cg *cg, struct node *n)
{
	int op = n->binop.op;
	struct node *l = n->binop.lhs, *r = n->binop.rhs;
	if (op == OP_LAND || op == OP_LOR)
		return gen_logical(cg, n);
	if (l->type->kind == TY_GOTYPE || r->type->kind == TY_GOTYPE) {
		/* gotype(p) == "T" where sema found T's descriptor */
		struct node *g = l->type->kind == TY_GOTYPE ? l : r, *k = g == l ? r : l;
		LLVMValueRef eq = LLVMBuildICmp(cg->b, op == OP_EQ ? LLVMIntEQ : LLVMIntNE,
						load64(cg, cg_expr(cg, g)), cg_int(cg, k), "");
		return bool64(cg, eq);
	}
	if (l->type->kind == TY_STR) {
		LLVMValueRef a = cg_expr(cg, l), b = cg_expr(cg, r);
		LLVMValueRef eq = str_equal(cg, a, b, l->type->size);
		if (op == OP_NE)
			eq = LLVMBuildNot(cg->b, eq, "");
		return bool64(cg, eq);
	}
	LLVMValueRef a = cg_int(cg, l), b = cg_int(cg, r);
	bool sign = l->type->is_signed && r->type->is_signed;
	LLVMIntPredicate p;
	switch (op) {
	case OP_EQ: p = LLVMIntEQ; break;
	case OP_NE: p = LLVMIntNE; break;
	case '<': p = sign ? LLVMIntSLT : LLVMIntULT; break;
	case '>': p = sign ? LLVMIntSGT : LLVMIntUGT; break;
	case OP_LE: p = sign ? LLVMIntSLE : LLVMIntULE; break;
	case OP_GE: p = sign ? LLVMIntSGE : LLVMIntUGE; break;
	default:
		return arith(cg, op, a, b, n->type->is_signed);
	}
	return bool64(cg, LLVMBuildICmp(cg->b, p, a, b, ""));
}

static LLVMValueRef gen_ternary(struct cg *cg, struct node *n)
{
	LLVMValueRef c = truthy(cg, cg_int(cg, n->cond.cond));
	LLVMBasicBlockRef tb = cg_block(cg, "tern.then"), eb = cg_block(cg, "tern.else"),
			  done = cg_block(cg, "tern.done");
	bool ref = type_by_ref(n->type);
	LLVMValueRef slot = ref ? cg_alloca(cg, n->type->size, "tern") : NULL;
	LLVMBuildCondBr(cg->b, c, tb, eb);
	LLVMPositionBuilderAtEnd(cg->b, tb);
	LLVMValueRef a = cg_expr(cg, n->cond.then);
	if (ref)
		cg_memcpy(cg, slot, a, n->type->size);
	LLVMBasicBlockRef ta = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, eb);
	LLVMValueRef b = cg_expr(cg, n->cond.els);
	if (ref)
		cg_memcpy(cg, slot, b, n->type->size);
	LLVMBasicBlockRef ea = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	if (ref)
		return slot;
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i64, "");
	LLVMValueRef vals[] = { a, b };
	LLVMBasicBlockRef bbs[] = { ta, ea };
	LLVMAddIncoming(phi, vals, bbs, 2);
	return phi;
}

/* Truncates v to the bits of integer type t and extends it back. */
LLVMValueRef cg_fit_int(struct cg *cg, LLVMValueRef v, const struct type *t)
{
	if (t->bits >= 64)
		return v;
	LLVMTypeRef nt = LLVMIntTypeInContext(cg->ctx, t->bits);
	LLVMValueRef tr = LLVMBuildTrunc(cg->b, v, nt, "");
	return t->is_signed ? LLVMBuildSExt(cg->b, tr, cg->i64, "")
			    : LLVMBuildZExt(cg->b, tr, cg->i64, "");
}

static LLVMValueRef gen_deref(struct cg *cg, struct node *n)
{
	LLVMValueRef addr = cg_int(cg, n->deref.ptr->cast.operand);
	uint32_t bytes = n->type->bits / 8;
	LLVMValueRef slot = cg_alloca(cg, 8, "deref");
	store64(cg, cg_const(cg, 0), slot);
	cg_read_user(cg, slot, LLVMConstInt(cg->i32, bytes, 0), addr);
	return cg_fit_int(cg, load64(cg, slot), n->type);
}

/* args.NAME of a tracepoint: read from the record (the context). */
static LLVMValueRef gen_tp_field(struct cg *cg, struct node *n)
{
	struct tp_field *f = &cg->env->fields[n->field.tp_field];
	if (f->kind == TPF_INT) {
		LLVMTypeRef ty = LLVMIntTypeInContext(cg->ctx, f->size * 8);
		LLVMValueRef v = cg_ctx_load(cg, f->offset, ty);
		return f->is_signed ? LLVMBuildSExt(cg->b, v, cg->i64, "")
				    : LLVMBuildZExt(cg->b, v, cg->i64, "");
	}
	uint32_t size = n->type->size;
	LLVMValueRef buf = cg_alloca(cg, size, "tpstr");
	cg_memset0(cg, buf, size);
	LLVMValueRef src;
	if (f->kind == TPF_CHARS) {
		src = cg_gep(cg, cg->ctxp, f->offset);
	} else {
		LLVMValueRef loc = cg_ctx_load(cg, f->offset, cg->i32);
		LLVMValueRef off = LLVMBuildAnd(cg->b, LLVMBuildZExt(cg->b, loc, cg->i64, ""),
						cg_const(cg, 0xffff), "");
		LLVMValueRef base = LLVMBuildPtrToInt(cg->b, cg->ctxp, cg->i64, "");
		src = LLVMBuildIntToPtr(cg->b, LLVMBuildAdd(cg->b, base, off, ""), cg->ptr, "");
	}
	uint32_t n_read = f->kind == TPF_CHARS ? MIN(f->size, size - 1) : size;
	LLVMValueRef args[] = { buf, LLVMConstInt(cg->i32, n_read, 0), src };
	cg_helper(cg, BPF_FUNC_probe_read_kernel_str, cg->i64, args, 3);
	return buf;
}

static LLVMValueRef gen_incdec(struct cg *cg, struct node *n)
{
	bool prefix = n->incdec.prefix;
	struct node *l = n->incdec.target;
	if (l->kind == N_VAR) {
		LLVMValueRef slot = var_slot(cg, l);
		LLVMValueRef old = load64(cg, slot);
		LLVMValueRef nv = cg_fit_int(cg, arith(cg, n->incdec.op, old, NULL, false),
					     l->var.var->type);
		store64(cg, nv, slot);
		return prefix ? nv : old;
	}
	return map_modify(cg, l, n->incdec.op, cg_const(cg, 1), !prefix);
}

static LLVMValueRef gen_string_literal(struct cg *cg, const char *s, size_t len,
				       uint32_t size)
{
	LLVMValueRef buf = cg_alloca(cg, size, "lit");
	for (uint32_t off = 0; off < size; off += 8) {
		uint64_t w = 0;
		for (uint32_t i = 0; i < 8; i++)
			if (off + i < len && off + i < size - 1)
				w |= (uint64_t)(unsigned char)s[off + i] << (8 * i);
		store64(cg, LLVMConstInt(cg->i64, w, 0), cg_gep(cg, buf, off));
	}
	return buf;
}

LLVMValueRef cg_literal_str(struct cg *cg, const char *s, uint32_t size)
{
	return gen_string_literal(cg, s, strlen(s), size);
}

static LLVMValueRef expr(struct cg *cg, struct node *n);

/* Expressions that may read user memory (builtins, pointer reads, Go
 * value paths) are where their reads are counted: each is the reader of
 * what it reads itself (what its operands read is theirs). */
LLVMValueRef cg_expr(struct cg *cg, struct node *n)
{
	bool reads = n->kind == N_CALL || n->kind == N_IDENT || n->kind == N_DEREF ||
		     n->kind == N_INDEX || (n->kind == N_FIELD && n->field.go.op);
	if (!reads)
		return expr(cg, n);
	struct node *outer = cg->reader;
	cg->reader = n;
	LLVMValueRef v = expr(cg, n);
	cg->reader = outer;
	return v;
}

static LLVMValueRef expr(struct cg *cg, struct node *n)
{
	switch (n->kind) {
	case N_INT:
		return cg_const(cg, n->num.value);
	case N_STR:
		return gen_string_literal(cg, n->str.text, n->str.len, n->type->size);
	case N_VAR:
		if (type_by_ref(n->var.var->type))
			return var_slot(cg, n);
		return load64(cg, var_slot(cg, n));
	case N_MAP:
		return map_read(cg, n);
	case N_IDENT:
	case N_CALL:
		return cg_builtin(cg, n);
	case N_POSPARAM: {
		struct program *p = cg->sema->prog;
		int i = n->param.index;
		if (i < 1 || i > p->nparams)
			return cg_const(cg, 0);
		return cg_const(cg, strtoll(p->params[i - 1], NULL, 0));
	}
	case N_PARAMCNT:
		return cg_const(cg, cg->sema->prog->nparams);
	case N_BINOP:
		return gen_binop(cg, n);
	case N_UNOP: {
		LLVMValueRef v = cg_int(cg, n->unop.operand);
		if (n->unop.op == '-')
			return LLVMBuildNeg(cg->b, v, "");
		if (n->unop.op == '~')
			return LLVMBuildNot(cg->b, v, "");
		return bool64(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, v, cg_const(cg, 0), ""));
	}
	case N_TERNARY:
		return gen_ternary(cg, n);
	case N_CAST:
		return cg_fit_int(cg, cg_int(cg, n->cast.operand), n->type);
	case N_DEREF:
		return gen_deref(cg, n);
	case N_INDEX:
		return cg_goargs(cg, n);
	case N_FIELD: {
		struct node *base = n->field.base;
		if (n->field.go.op)
			return cg_goargs(cg, n);
		if (base->kind == N_IDENT && !strcmp(base->call.name, "args"))
			return gen_tp_field(cg, n);
		LLVMValueRef t = cg_expr(cg, base);
		LLVMValueRef p = cg_gep(cg, t, base->type->offsets[n->field.index]);
		return type_by_ref(n->type) ? p : load64(cg, p);
	}
	case N_TUPLE: {
		struct type *t = n->type;
		LLVMValueRef slot = cg_alloca(cg, t->size, "tuple");
		cg_memset0(cg, slot, t->size);
		int i = 0;
		for (struct node *e = n->tuple.elems; e; e = e->next, i++)
			cg_store(cg, t->elems[i], cg_expr(cg, e), cg_gep(cg, slot, t->offsets[i]));
		return slot;
	}
	case N_INCDEC:
		return gen_incdec(cg, n);
	default:
		return cg_const(cg, 0);
	}
}

/* --- statements ------------------------------------------------------------ */

static bool terminated(struct cg *cg)
{
	return LLVMGetBasicBlockTerminator(LLVMGetInsertBlock(cg->b)) != NULL;
}

/* After break/continue/return, code in the same block is dead: give it a
 * fresh block so the builder stays valid. */
static void dead_block(struct cg *cg)
{
	LLVMPositionBuilderAtEnd(cg->b, cg_block(cg, "dead"));
}

static void gen_assign(struct cg *cg, struct node *n)
{
	struct node *l = n->assign.target, *r = n->assign.value;
	int op = n->assign.op;
	if (l->kind == N_VAR) {
		struct var *v = l->var.var;
		LLVMValueRef slot = var_slot(cg, l);
		if (op != '=') {
			LLVMValueRef old = load64(cg, slot);
			LLVMValueRef nv = arith(cg, op, old, cg_int(cg, r), v->type->is_signed);
			store64(cg, cg_fit_int(cg, nv, v->type), slot);
			return;
		}
		LLVMValueRef val = cg_expr(cg, r);
		if (v->type->kind == TY_INT)
			val = cg_fit_int(cg, val, v->type);
		cg_store(cg, v->type, val, slot);
		return;
	}
	if (r->kind == N_CALL && r->call.bi && r->call.bi->form == BF_AGG) {
		cg_builtin(cg, r);
		return;
	}
	if (op != '=') {
		map_modify(cg, l, op, cg_int(cg, r), false);
		return;
	}
	struct mapinfo *m = l->map.map;
	LLVMValueRef val = cg_expr(cg, r);
	LLVMValueRef slot;
	if (type_by_ref(m->val)) {
		slot = val;
	} else {
		slot = cg_alloca(cg, 8, "val");
		store64(cg, val, slot);
	}
	LLVMValueRef key = build_key(cg, l);
	map_update(cg, l, key, slot, BPF_ANY);
}

/* while (cond) body, for ($i : from .. to) body */
static void gen_loop(struct cg *cg, struct node *n)
{
	LLVMBasicBlockRef cond = cg_block(cg, "loop.cond"), body = cg_block(cg, "loop.body"),
			  step = cg_block(cg, "loop.step"), done = cg_block(cg, "loop.done");
	bool range = n->kind == N_FOR;
	LLVMValueRef end = NULL, ivar = range ? var_slot(cg, n->range.var) : NULL;
	if (range) {
		LLVMValueRef start = cg_int(cg, n->range.from);
		end = cg_stack_slot(cg, 8, "for.end");
		store64(cg, cg_int(cg, n->range.to), end);
		store64(cg, start, ivar);
	}
	LLVMBuildBr(cg->b, cond);
	LLVMPositionBuilderAtEnd(cg->b, cond);
	LLVMValueRef c;
	if (range)
		c = LLVMBuildICmp(cg->b, LLVMIntSLT, load64(cg, ivar), load64(cg, end), "");
	else
		c = truthy(cg, cg_int(cg, n->loop.cond));
	LLVMBuildCondBr(cg->b, c, body, done);

	LLVMPositionBuilderAtEnd(cg->b, body);
	struct cg_loop l = { done, step };
	vec_push(&cg->loops, l);
	gen_stmt_list(cg, (range ? n->range.body : n->loop.body)->block.stmts);
	cg->loops.n--;
	if (!terminated(cg))
		LLVMBuildBr(cg->b, step);
	LLVMPositionBuilderAtEnd(cg->b, step);
	if (range)
		store64(cg, LLVMBuildAdd(cg->b, load64(cg, ivar), cg_const(cg, 1), ""), ivar);
	LLVMBuildBr(cg->b, cond);
	LLVMPositionBuilderAtEnd(cg->b, done);
}

static void gen_stmt_inner(struct cg *cg, struct node *n);

/* A statement's scratch slots are free again once it is done. */
static void gen_stmt(struct cg *cg, struct node *n)
{
	cg_di_at(cg, n->loc);
	uint32_t mark = cg->scratch_off;
	gen_stmt_inner(cg, n);
	cg->scratch_off = mark;
}

static void gen_stmt_inner(struct cg *cg, struct node *n)
{
	switch (n->kind) {
	case N_EXPRSTMT:
		cg_expr(cg, n->exprstmt.expr);
		break;
	case N_ASSIGN:
		gen_assign(cg, n);
		break;
	case N_IF: {
		LLVMValueRef c = truthy(cg, cg_int(cg, n->cond.cond));
		LLVMBasicBlockRef tb = cg_block(cg, "if.then"), eb = cg_block(cg, "if.else"),
				  done = cg_block(cg, "if.done");
		LLVMBuildCondBr(cg->b, c, tb, eb);
		LLVMPositionBuilderAtEnd(cg->b, tb);
		gen_stmt_list(cg, n->cond.then->block.stmts);
		if (!terminated(cg))
			LLVMBuildBr(cg->b, done);
		LLVMPositionBuilderAtEnd(cg->b, eb);
		if (n->cond.els)
			gen_stmt(cg, n->cond.els);
		if (!terminated(cg))
			LLVMBuildBr(cg->b, done);
		LLVMPositionBuilderAtEnd(cg->b, done);
		break;
	}
	case N_WHILE:
	case N_FOR:
		gen_loop(cg, n);
		break;
	case N_UNROLL:
		for (int64_t i = 0; i < n->unroll.times; i++)
			gen_stmt_list(cg, n->unroll.body->block.stmts);
		break;
	case N_BREAK:
	case N_CONTINUE: {
		/* sema allows them only inside a loop */
		if (cg->loops.n) {
			struct cg_loop *l = &cg->loops.v[cg->loops.n - 1];
			LLVMBuildBr(cg->b, n->kind == N_BREAK ? l->brk : l->cont);
			dead_block(cg);
		}
		break;
	}
	case N_RETURN:
		LLVMBuildRet(cg->b, cg_const(cg, 0));
		dead_block(cg);
		break;
	case N_BLOCK:
		gen_stmt_list(cg, n->block.stmts);
		break;
	default:
		break;
	}
}

static LLVMValueRef gen_stmt_list(struct cg *cg, struct node *list)
{
	for (struct node *n = list; n; n = n->next)
		gen_stmt(cg, n);
	return NULL;
}

/* --- variables --------------------------------------------------------------- */

/* Gives every variable of the probe a zeroed stack slot. */
static void alloc_vars(struct cg *cg, struct node *n)
{
	for (; n; n = n->next) {
		struct var *v = n->kind == N_VAR ? n->var.var : NULL;
		if (v && !cg->vars[v->id]) {
			/* integers on the BPF stack itself, where the verifier
			 * follows their values (loop counters must be there);
			 * strings and tuples in the scratch area */
			uint32_t size = v->type->size ? v->type->size : 8;
			LLVMValueRef slot = v->type->kind == TY_INT ? cg_stack_slot(cg, 8, v->name)
								  : cg_alloca(cg, size, v->name);
			cg_memset0(cg, slot, size);
			cg->vars[v->id] = slot;
		}
		struct node *kids[4];
		int k = ast_children(n, kids);
		for (int i = 0; i < k; i++)
			alloc_vars(cg, kids[i]);
	}
}

/* --- debug info: BTF func and line info ----------------------------------------- */

/* Gives fn a DISubprogram, so the BPF backend emits BTF func info for it
 * (the kernel wants it for programs with callbacks) and line info that
 * points into the script. Returns the subprogram. In a big script every
 * probe's BTF function has the same name (see BTF_DETAIL_LINES). */
LLVMMetadataRef cg_di_function(struct cg *cg, LLVMValueRef fn, const char *name, bool local,
			       struct loc loc)
{
	if (!cg->btf_detail && !local)
		name = "probe";
	int line = 1, col = 1;
	linemap_find(&cg->lines, loc.begin, &line, &col);
	LLVMMetadataRef lng = LLVMDIBuilderCreateBasicType(cg->di, "long", 4, 64, 0x05, LLVMDIFlagZero);
	LLVMMetadataRef vp = LLVMDIBuilderCreatePointerType(cg->di, NULL, 64, 64, 0, NULL, 0);
	LLVMMetadataRef types[5] = { lng, vp, vp, vp, vp };
	unsigned nparams = LLVMCountParams(fn);
	LLVMMetadataRef sty = LLVMDIBuilderCreateSubroutineType(cg->di, cg->di_file, types,
								 nparams + 1, LLVMDIFlagZero);
	LLVMMetadataRef sp = LLVMDIBuilderCreateFunction(
		cg->di, cg->di_file, name, strlen(name), name, strlen(name), cg->di_file,
		(unsigned)line, sty, local, 1, (unsigned)line, LLVMDIFlagPrototyped, 1);
	LLVMSetSubprogram(fn, sp);
	/* BTF wants every parameter named: kept parameter variables */
	static const char *const names[] = { "ctx", "key", "value", "data" };
	for (unsigned i = 0; i < nparams; i++) {
		const char *pn = nparams == 1 ? "ctx" : i == 0 ? "map" : names[i];
		LLVMDIBuilderCreateParameterVariable(cg->di, sp, pn, strlen(pn), i + 1, cg->di_file,
						     (unsigned)line, vp, 1, LLVMDIFlagZero);
	}
	return sp;
}

/* Instructions built from here on belong to the script's place loc. */
void cg_di_at(struct cg *cg, struct loc loc)
{
	int line = 1, col = 1;
	linemap_find(&cg->lines, loc.begin, &line, &col);
	LLVMMetadataRef dl = LLVMDIBuilderCreateDebugLocation(cg->ctx, (unsigned)line,
							      (unsigned)col, cg->di_sp, NULL);
	LLVMSetCurrentDebugLocation2(cg->b, dl);
}

/* Appends s as the inside of an LLVM IR string literal. */
static void ir_string(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
			sb_printf(sb, "\\%02X", c);
		else
			sb_putc(sb, (char)c);
	}
}

/* The BPF back end keeps BTF's strings in a table it searches linearly
 * for every string it adds, so unique strings cost quadratic time: the
 * script's lines (BTF line info) and the probes' function names. A
 * script of more lines or probes than this gets line numbers without the
 * lines' text, and one name for every probe function, so that ten
 * thousand probes compile in seconds (with them: minutes). */
#define BTF_DETAIL_LINES 2000

/* The script's DIFile, with its text embedded (the "source:" field, which
 * the C API cannot set; a small IR module parsed into this context makes
 * the node). The BPF back end reads a file's lines for BTF line info and,
 * without embedded text, opens the file by its name: ./stdin for -e,
 * which could be a FIFO (a hang), /dev/zero (memory without end) or a
 * link to someone's secret (its lines in the object). The directory,
 * /dev/null, is a second guard: nothing can be opened under it. */
static LLVMMetadataRef di_file(struct cg *cg)
{
	const struct source *src = cg->sema->prog->src;
	if (!cg->btf_detail)
		return LLVMDIBuilderCreateFile(cg->di, src->name, strlen(src->name), "/dev/null", 9);
	struct strbuf ir;
	sb_init(&ir);
	sb_puts(&ir, "!gotrace.file = !{!0}\n!0 = !DIFile(filename: \"");
	ir_string(&ir, src->name, strlen(src->name));
	sb_puts(&ir, "\", directory: \"/dev/null\", source: \"");
	ir_string(&ir, src->text, src->len);
	sb_puts(&ir, "\")\n");
	LLVMMemoryBufferRef mb = LLVMCreateMemoryBufferWithMemoryRangeCopy(ir.s, ir.len, "difile");
	sb_free(&ir);
	char *err = NULL;
	LLVMValueRef op = NULL;
	if (!LLVMParseIRInContext(cg->ctx, mb, &cg->di_holder, &err) &&
	    LLVMGetNamedMetadataNumOperands(cg->di_holder, "gotrace.file") == 1)
		LLVMGetNamedMetadataOperands(cg->di_holder, "gotrace.file", &op);
	LLVMDisposeMessage(err);
	if (op)
		return LLVMValueAsMetadata(op);
	/* not expected; without the text, BTF has line numbers only */
	return LLVMDIBuilderCreateFile(cg->di, src->name, strlen(src->name), "/dev/null", 9);
}

/* --- maps and BTF -------------------------------------------------------------- */

static LLVMMetadataRef di_uint_field(struct cg *cg, const char *name, uint64_t v,
				     uint64_t off_bits)
{
	LLVMMetadataRef dint = LLVMDIBuilderCreateBasicType(cg->di, "int", 3, 32, 0x05, LLVMDIFlagZero);
	LLVMMetadataRef sub = LLVMDIBuilderGetOrCreateSubrange(cg->di, 0, (int64_t)v);
	LLVMMetadataRef arr = LLVMDIBuilderCreateArrayType(cg->di, v * 32, 32, dint, &sub, 1);
	LLVMMetadataRef ptr = LLVMDIBuilderCreatePointerType(cg->di, arr, 64, 64, 0, NULL, 0);
	return LLVMDIBuilderCreateMemberType(cg->di, cg->di_file, name, strlen(name), cg->di_file, 0,
					     64, 64, off_bits, LLVMDIFlagZero, ptr);
}

/* A map definition as libbpf reads it from BTF:
 *   struct { __uint(type, T); __uint(max_entries, N);
 *            __uint(key_size, K); __uint(value_size, V); } name SEC(".maps"); */
static LLVMValueRef define_map_flags(struct cg *cg, const char *name, uint32_t type,
				     uint32_t max_entries, uint32_t key_size, uint32_t value_size,
				     uint32_t flags)
{
	const char *fields[5] = { "type", "max_entries", "key_size", "value_size", "map_flags" };
	uint64_t vals[5] = { type, max_entries, key_size, value_size, flags };
	int n = flags ? 5 : key_size ? 4 : 2;
	LLVMMetadataRef members[5];
	for (int i = 0; i < n; i++)
		members[i] = di_uint_field(cg, fields[i], vals[i], (uint64_t)i * 64);
	LLVMMetadataRef st = LLVMDIBuilderCreateStructType(
		cg->di, cg->di_file, NULL, 0, cg->di_file, 0, (uint64_t)n * 64, 64, LLVMDIFlagZero,
		NULL, members, (unsigned)n, 0, NULL, NULL, 0);

	LLVMTypeRef ptrs[5] = { cg->ptr, cg->ptr, cg->ptr, cg->ptr, cg->ptr };
	LLVMTypeRef lty = LLVMStructTypeInContext(cg->ctx, ptrs, (unsigned)n, 0);
	LLVMValueRef g = LLVMAddGlobal(cg->mod, lty, name);
	LLVMSetInitializer(g, LLVMConstNull(lty));
	LLVMSetSection(g, MAPS_SECTION_TMP);
	LLVMSetAlignment(g, 8);
	LLVMMetadataRef expr = LLVMDIBuilderCreateExpression(cg->di, NULL, 0);
	LLVMMetadataRef gve = LLVMDIBuilderCreateGlobalVariableExpression(
		cg->di, cg->di_cu, name, strlen(name), name, strlen(name), cg->di_file, 0, st, 0,
		expr, NULL, 64);
	LLVMGlobalSetMetadata(g, LLVMGetMDKindIDInContext(cg->ctx, "dbg", 3), gve);
	return g;
}

static LLVMValueRef define_map(struct cg *cg, const char *name, uint32_t type,
			       uint32_t max_entries, uint32_t key_size, uint32_t value_size)
{
	return define_map_flags(cg, name, type, max_entries, key_size, value_size, 0);
}

/* Keys a script's map may hold: bpftrace's 4096, or GOTRACE_MAP_KEYS_MAX. */
static uint32_t map_keys_max(void)
{
	const char *env = getenv("GOTRACE_MAP_KEYS_MAX");
	char *end;
	unsigned long v = env ? strtoul(env, &end, 10) : 0;
	return env && *env && !*end && v > 0 && v <= (1ul << 28) ? (uint32_t)v : MAP_KEYS_MAX;
}

static void define_maps(struct cg *cg)
{
	struct sema *s = cg->sema;
	cg->events = define_map(cg, MAP_EVENTS, BPF_MAP_TYPE_RINGBUF, EVENTS_SIZE, 0, 0);
	cg->lost = define_map(cg, MAP_LOST, BPF_MAP_TYPE_PERCPU_ARRAY, 1, 4, 8);
	bool profile = false;
	for (int i = 0; i < s->prog->nprobes; i++)
		profile |= (s->envs[i].kinds & PKM(PK_PROFILE)) != 0;
	if (profile || s->uses_target)
		cg->target = define_map(cg, MAP_TARGET, BPF_MAP_TYPE_ARRAY, 1, 4, 8);
	if (s->uses_len)
		cg->lencount = define_map(cg, MAP_LENCOUNT, BPF_MAP_TYPE_PERCPU_ARRAY, 1, 4, 8);
	if (s->uses_stacks)
		cg->stacks = define_map(cg, MAP_STACKS, BPF_MAP_TYPE_STACK_TRACE, 4096, 4,
					8 * STACK_DEPTH);
	cg->maps = xcalloc(s->maps.n, sizeof(*cg->maps));
	cg->map_max = xcalloc(s->maps.n + 1, sizeof(*cg->map_max));
	for (size_t i = 0; i < s->maps.n; i++) {
		struct mapinfo *m = s->maps.v[i];
		char name[64];
		mapinfo_bpf_name(m, name, sizeof(name));
		bool agg = type_is_agg(m->val);
		bool hist = m->val->kind == TY_HIST || m->val->kind == TY_LHIST;
		/* a plain map allocates entries as keys appear (a new key
		 * costs about 1 us), not all at start; a per-CPU map keeps
		 * them preallocated: allocated in the probe, a per-CPU entry
		 * costs about 18 us, and fails when a burst of new keys
		 * empties the kernel's cache (0.5% of 1,000,000 new keys in
		 * a second were lost). Preallocating costs at start: 2.7 ms
		 * for 4,096 keys, 50 ms for a hist map's 65,536 on 2 CPUs. */
		uint32_t max = hist ? MAX(HIST_KEYS_MAX, map_keys_max()) : map_keys_max();
		/* a map without a key has one entry (a hist, one a bucket):
		 * nothing more to preallocate */
		if (!m->nkeys)
			max = m->val->kind == TY_HIST	 ? HIST_BUCKETS
			      : m->val->kind == TY_LHIST ? (uint32_t)MIN(lhist_buckets(m->val), HIST_KEYS_MAX)
							 : 1;
		cg->map_max[i] = max;
		cg->maps[i] = define_map_flags(cg, name, agg ? BPF_MAP_TYPE_PERCPU_HASH : BPF_MAP_TYPE_HASH,
					       max, mapinfo_key_size(m),
					       agg ? agg_slot_size(m->val) : m->val->size,
					       agg ? 0 : BPF_F_NO_PREALLOC);
	}
	LLVMTypeRef lt = LLVMArrayType2(cg->i8, 4);
	LLVMValueRef lic = LLVMAddGlobal(cg->mod, lt, "_license");
	LLVMSetInitializer(lic, LLVMConstStringInContext(cg->ctx, "GPL", 3, 0));
	LLVMSetSection(lic, "license");
}

/* --- probes --------------------------------------------------------------------- */

/* Returns early unless the current process is the target (or there is
 * none). */
static void gen_target_filter(struct cg *cg)
{
	LLVMValueRef key = cg_alloca(cg, 4, "tkey");
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i32, 0, 0), key);
	LLVMValueRef args[] = { cg->target, key };
	LLVMValueRef p = cg_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
	LLVMBasicBlockRef have = cg_block(cg, "target"), go = cg_block(cg, "mine"),
			  skip = cg_block(cg, "other");
	LLVMBuildCondBr(cg->b, is_null(cg, p), go, have);
	LLVMPositionBuilderAtEnd(cg->b, have);
	LLVMValueRef want = load64(cg, p);
	LLVMValueRef pt = cg_helper(cg, BPF_FUNC_get_current_pid_tgid, cg->i64, NULL, 0);
	LLVMValueRef pid = LLVMBuildLShr(cg->b, pt, cg_const(cg, 32), "");
	LLVMValueRef any = LLVMBuildICmp(cg->b, LLVMIntEQ, want, cg_const(cg, 0), "");
	LLVMValueRef mine = LLVMBuildICmp(cg->b, LLVMIntEQ, want, pid, "");
	LLVMBuildCondBr(cg->b, LLVMBuildOr(cg->b, any, mine, ""), go, skip);
	LLVMPositionBuilderAtEnd(cg->b, skip);
	LLVMBuildRet(cg->b, cg_const(cg, 0));
	LLVMPositionBuilderAtEnd(cg->b, go);
}

static const char *const group_sections[PG__COUNT] = { "uprobe", "perf_event", "tracepoint",
							 "raw_tp" };
static const char group_letters[PG__COUNT] = { 'u', 'p', 't', 'r' };

/* Whether the tree n (and the nodes after it) uses builtin id. */
static bool uses_builtin(const struct node *n, enum builtin_id id)
{
	for (; n; n = n->next) {
		if ((n->kind == N_CALL || n->kind == N_IDENT) && n->call.bi && n->call.bi->id == id)
			return true;
		struct node *kids[4];
		int k = ast_children(n, kids);
		for (int i = 0; i < k; i++)
			if (uses_builtin(kids[i], id))
				return true;
	}
	return false;
}

/* Uprobe programs are sleepable (BPF_F_SLEEPABLE, section "uprobe.s"):
 * a read of user memory may then take a page fault, so that memory the
 * program has not touched yet (a page of its binary never read, a page
 * swapped out) is read rather than missed. Not when the probe needs what
 * a sleepable program may not have: the stack trace map of ustack; nor
 * where the kernel cannot (GOTRACE_NO_SLEEPABLE=1 says no too), and a
 * probe reading C strings (str, join) needs the kfunc
 * bpf_copy_from_user_str (Linux 6.12). */
static bool probe_sleepable(struct cg *cg, struct probe *p, enum prog_group g)
{
	static int c_strings = -1;
	if (g != PG_UPROBE || getenv("GOTRACE_NO_SLEEPABLE") || !kernel_sleepable_uprobes())
		return false;
	struct node *body = p->body;
	if (uses_builtin(p->pred, BI_USTACK) || uses_builtin(body, BI_USTACK))
		return false;
	bool strs = uses_builtin(p->pred, BI_STR) || uses_builtin(body, BI_STR) ||
		    uses_builtin(p->pred, BI_JOIN) || uses_builtin(body, BI_JOIN);
	if (strs && c_strings < 0)
		c_strings = kernel_has_func("bpf_copy_from_user_str");
	/* declared (with its BTF) before helpers.bpf.c's gt_join calls it */
	if (strs && c_strings)
		copy_str_kfunc(cg);
	return !strs || c_strings;
}

/* One probe body as the program of one group of its attach points. */
static void lower_probe(struct cg *cg, struct probe *p, enum prog_group g)
{
	cg->probe = p;
	cg->group = g;
	cg->env = &cg->sema->envs[p->index];
	cg->sleepable = probe_sleepable(cg, p, g);
	cg->reader = NULL;
	char name[32];
	snprintf(name, sizeof(name), "probe_%d_%c", p->index, group_letters[g]);
	LLVMTypeRef fty = LLVMFunctionType(cg->i64, &cg->ptr, 1, 0);
	cg->fn = LLVMAddFunction(cg->mod, name, fty);
	LLVMSetSection(cg->fn, cg->sleepable ? "uprobe.s" : group_sections[g]);
	cg->di_sp = cg_di_function(cg, cg->fn, name, false, p->loc);
	cg->ctxp = LLVMGetParam(cg->fn, 0);
	LLVMSetValueName2(cg->ctxp, "ctx", 3);
	cg->entry = cg_block(cg, "entry");
	LLVMBasicBlockRef body = cg_block(cg, "body");
	LLVMPositionBuilderAtEnd(cg->b, cg->entry);
	cg_di_at(cg, p->loc);
	cg->scratch = LLVMBuildAlloca(cg->b, cg->i64, "scratch.placeholder");
	cg->scratch_off = cg->scratch_hw = 0;
	LLVMPositionBuilderAtEnd(cg->b, body);
	cg->loops.n = 0;

	memset(cg->vars, 0, sizeof(*cg->vars) * (size_t)cg->sema->nvars);
	alloc_vars(cg, p->pred);
	alloc_vars(cg, p->body);

	/* profile samples every CPU; with -p or -c only the traced process
	 * counts: its pid is in the map "target" (0: every process) */
	if (g == PG_PERF && (cg->env->kinds & PKM(PK_PROFILE)))
		gen_target_filter(cg);
	if (p->pred) {
		LLVMValueRef c = truthy(cg, cg_int(cg, p->pred));
		LLVMBasicBlockRef go = cg_block(cg, "pred.true"), skip = cg_block(cg, "pred.false");
		LLVMBuildCondBr(cg->b, c, go, skip);
		LLVMPositionBuilderAtEnd(cg->b, skip);
		LLVMBuildRet(cg->b, cg_const(cg, 0));
		LLVMPositionBuilderAtEnd(cg->b, go);
	}
	gen_stmt_list(cg, p->body->block.stmts);
	if (!terminated(cg))
		LLVMBuildRet(cg->b, cg_const(cg, 0));
	cg_di_at(cg, p->loc);
	LLVMBasicBlockRef start = finish_probe_reports(cg, body);
	LLVMPositionBuilderAtEnd(cg->b, cg->entry);
	if (cg->scratch_hw <= CG_STACK_SCRATCH) {
		LLVMValueRef a = LLVMBuildAlloca(cg->b, LLVMArrayType2(cg->i8, cg->scratch_hw ? cg->scratch_hw : 8),
						 "scratch");
		LLVMSetAlignment(a, 8);
		LLVMReplaceAllUsesWith(cg->scratch, a);
		LLVMInstructionEraseFromParent(cg->scratch);
		LLVMBuildBr(cg->b, start);
	} else {
		struct scratch_use u = { cg->fn, cg->scratch, cg->entry, cg->di_sp, p->loc, cg->sleepable };
		vec_push(&cg->big, u);
		LLVMBuildBr(cg->b, start);
	}
	cg->scratch_all = MAX(cg->scratch_all, cg->scratch_hw);
}

/* A task storage map (BPF_MAP_TYPE_TASK_STORAGE, Linux 5.11): an area
 * of value_size bytes per thread, created when it is first asked for.
 * The kernel wants its key and value described in BTF:
 *   struct { __uint(type, ...); __uint(map_flags, BPF_F_NO_PREALLOC);
 *            __type(key, int); __type(value, char[N]); } name SEC(".maps"); */
static LLVMValueRef define_task_storage(struct cg *cg, const char *name, uint32_t value_size)
{
	LLVMMetadataRef m[4];
	m[0] = di_uint_field(cg, "type", BPF_MAP_TYPE_TASK_STORAGE, 0);
	m[1] = di_uint_field(cg, "map_flags", BPF_F_NO_PREALLOC, 64);
	LLVMMetadataRef dint = LLVMDIBuilderCreateBasicType(cg->di, "int", 3, 32, 0x05, LLVMDIFlagZero);
	LLVMMetadataRef dchar = LLVMDIBuilderCreateBasicType(cg->di, "char", 4, 8, 0x06, LLVMDIFlagZero);
	LLVMMetadataRef sub = LLVMDIBuilderGetOrCreateSubrange(cg->di, 0, value_size);
	LLVMMetadataRef arr = LLVMDIBuilderCreateArrayType(cg->di, (uint64_t)value_size * 8, 8, dchar, &sub, 1);
	LLVMMetadataRef kp = LLVMDIBuilderCreatePointerType(cg->di, dint, 64, 64, 0, NULL, 0);
	LLVMMetadataRef vp = LLVMDIBuilderCreatePointerType(cg->di, arr, 64, 64, 0, NULL, 0);
	m[2] = LLVMDIBuilderCreateMemberType(cg->di, cg->di_file, "key", 3, cg->di_file, 0, 64, 64, 128,
					     LLVMDIFlagZero, kp);
	m[3] = LLVMDIBuilderCreateMemberType(cg->di, cg->di_file, "value", 5, cg->di_file, 0, 64, 64, 192,
					     LLVMDIFlagZero, vp);
	LLVMMetadataRef st = LLVMDIBuilderCreateStructType(cg->di, cg->di_file, NULL, 0, cg->di_file, 0,
							   256, 64, LLVMDIFlagZero, NULL, m, 4, 0, NULL,
							   NULL, 0);
	LLVMTypeRef ptrs[4] = { cg->ptr, cg->ptr, cg->ptr, cg->ptr };
	LLVMTypeRef lty = LLVMStructTypeInContext(cg->ctx, ptrs, 4, 0);
	LLVMValueRef g = LLVMAddGlobal(cg->mod, lty, name);
	LLVMSetInitializer(g, LLVMConstNull(lty));
	LLVMSetSection(g, MAPS_SECTION_TMP);
	LLVMSetAlignment(g, 8);
	LLVMMetadataRef expr = LLVMDIBuilderCreateExpression(cg->di, NULL, 0);
	LLVMMetadataRef gve = LLVMDIBuilderCreateGlobalVariableExpression(
		cg->di, cg->di_cu, name, strlen(name), name, strlen(name), cg->di_file, 0, st, 0, expr,
		NULL, 64);
	LLVMGlobalSetMetadata(g, LLVMGetMDKindIDInContext(cg->ctx, "dbg", 3), gve);
	return g;
}

/* Probes whose scratch area is too big for the stack take it from the
 * per-CPU array map "scratch", looked up when the probe starts. A
 * sleepable probe takes the thread's area in the task storage map
 * "tscratch" instead: it may sleep in a page fault while another thread
 * runs a probe on its CPU. */
static void finish_big_scratch(struct cg *cg)
{
	if (!cg->big.n)
		return;
	uint32_t size = cg->scratch_all;
	bool cpu = false, task = false;
	for (size_t i = 0; i < cg->big.n; i++) {
		cpu |= !cg->big.v[i].sleepable;
		task |= cg->big.v[i].sleepable;
	}
	LLVMValueRef map = cpu ? define_map(cg, MAP_SCRATCH, BPF_MAP_TYPE_PERCPU_ARRAY, 1, 4, size) : NULL;
	LLVMValueRef tmap = task ? define_task_storage(cg, MAP_TSCRATCH, size) : NULL;
	for (size_t i = 0; i < cg->big.n; i++) {
		struct scratch_use *u = &cg->big.v[i];
		cg->fn = u->fn;
		cg->di_sp = u->sp;
		cg_di_at(cg, u->loc);
		LLVMValueRef br = LLVMGetBasicBlockTerminator(u->entry);
		LLVMBasicBlockRef body = LLVMGetSuccessor(br, 0);
		LLVMInstructionEraseFromParent(br);
		LLVMPositionBuilderAtEnd(cg->b, u->entry);
		LLVMValueRef p;
		if (u->sleepable) {
			LLVMValueRef t = cg_helper(cg, BPF_FUNC_get_current_task_btf, cg->ptr, NULL, 0);
			LLVMValueRef args[] = { tmap, t, LLVMConstNull(cg->ptr),
						cg_const(cg, BPF_LOCAL_STORAGE_GET_F_CREATE) };
			p = cg_helper(cg, BPF_FUNC_task_storage_get, cg->ptr, args, 4);
		} else {
			LLVMValueRef key = LLVMBuildAlloca(cg->b, cg->i32, "zero");
			LLVMBuildStore(cg->b, LLVMConstInt(cg->i32, 0, 0), key);
			LLVMValueRef args[] = { map, key };
			p = cg_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
		}
		LLVMBasicBlockRef none = LLVMAppendBasicBlockInContext(cg->ctx, u->fn, "noscratch");
		LLVMBuildCondBr(cg->b, is_null(cg, p), none, body);
		LLVMPositionBuilderAtEnd(cg->b, none);
		LLVMBuildRet(cg->b, cg_const(cg, 0));
		LLVMReplaceAllUsesWith(u->placeholder, p);
		LLVMInstructionEraseFromParent(u->placeholder);
	}
	vec_free(&cg->big);
}

/* The counters of the report sites, now that they are all known: the
 * map takes the placeholder's place. */
static void finish_reports(struct cg *cg)
{
	if (!cg->reports)
		return;
	uint32_t n = (uint32_t)MAX(cg->sema->reports.n, 1);
	uint32_t per = MIN(n, REPORTS_PER_ENTRY);
	LLVMValueRef map = define_map(cg, MAP_REPORTS, BPF_MAP_TYPE_PERCPU_ARRAY,
				      (n + REPORTS_PER_ENTRY - 1) / REPORTS_PER_ENTRY, 4,
				      per * (uint32_t)sizeof(struct report_count));
	LLVMReplaceAllUsesWith(cg->reports, map);
	LLVMDeleteGlobal(cg->reports);
	cg->reports = map;
}

/* --- the module ------------------------------------------------------------------ */

static int link_helpers(struct cg *cg)
{
	LLVMMemoryBufferRef mb = LLVMCreateMemoryBufferWithMemoryRange(
		gt_helpers_bc, (size_t)(gt_helpers_bc_end - gt_helpers_bc), "helpers", 0);
	LLVMModuleRef hm;
	if (LLVMParseBitcodeInContext2(cg->ctx, mb, &hm)) {
		fprintf(stderr, "gotrace: internal error: cannot read the embedded BPF helpers\n");
		return -1;
	}
	LLVMDisposeMemoryBuffer(mb);
	if (LLVMLinkModules2(cg->mod, hm)) {
		fprintf(stderr, "gotrace: internal error: cannot link the BPF helpers\n");
		return -1;
	}
	for (LLVMValueRef f = LLVMGetFirstFunction(cg->mod); f; f = LLVMGetNextFunction(f)) {
		size_t len;
		const char *nm = LLVMGetValueName2(f, &len);
		if (!strncmp(nm, "gt_", 3) && !LLVMIsDeclaration(f))
			LLVMSetLinkage(f, LLVMInternalLinkage);
	}
	return 0;
}

/* LLVM's diagnostics (the BPF back end reports what it cannot compile
 * this way) become gotrace's, at the probe they are about; without a
 * handler LLVM would print its own message and end the process. */
static void on_llvm_diag(LLVMDiagnosticInfoRef di, void *arg)
{
	struct cg *cg = arg;
	LLVMDiagnosticSeverity sev = LLVMGetDiagInfoSeverity(di);
	if (sev != LLVMDSError && sev != LLVMDSWarning)
		return;
	char *msg = LLVMGetDiagInfoDescription(di);
	const char *text = msg;
	/* "in function probe_3_u i64 (ptr): what": find the probe */
	struct loc loc = { 0, 0 };
	const char *fn = strstr(msg, "in function probe_");
	if (fn) {
		int idx = atoi(fn + strlen("in function probe_"));
		for (struct probe *p = cg->sema->prog->probes; p; p = p->next)
			if (p->index == idx)
				loc = p->loc;
		const char *colon = strstr(fn, "): ");
		if (colon)
			text = colon + 3;
	}
	/* the back end says it once per instruction: once per probe here */
	int key = fn ? atoi(fn + strlen("in function probe_")) : -1;
	bool again = cg->diag_probe_seen && cg->diag_probe_last == key;
	cg->diag_probe_seen = true;
	cg->diag_probe_last = key;
	if (sev == LLVMDSError) {
		cg->backend_errors++;
		if (again)
			goto out;
		if (strstr(text, "BPF stack limit")) {
			diag_error(cg->sema->diag, loc,
				   "this probe needs more than the 512 bytes of stack a BPF program has");
			diag_hint(cg->sema->diag,
				  "keep fewer values alive at once, use shorter strings (--strlen), or split the probe");
		} else {
			diag_error(cg->sema->diag, loc, "BPF code generation failed: %s", text);
		}
	} else if (!again) {
		diag_warning(cg->sema->diag, loc, "BPF code generation: %s", text);
	}
out:
	LLVMDisposeMessage(msg);
}

/* What LLVM cannot recover from ends gotrace, with exit status 1 and as
 * gotrace's error, not LLVM's abort (the handler may not return). */
static void on_llvm_fatal(const char *reason)
{
	fflush(stdout);
	fprintf(stderr, "gotrace: LLVM's BPF back end cannot compile this program: %s\n", reason);
	fprintf(stderr, "hint: a smaller probe may compile; please report the script that did this\n");
	_exit(1);
}

static void init_llvm_once(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	LLVMInstallFatalErrorHandler(on_llvm_fatal);
	LLVMInitializeBPFTargetInfo();
	LLVMInitializeBPFTarget();
	LLVMInitializeBPFTargetMC();
	LLVMInitializeBPFAsmPrinter();
	LLVMInitializeBPFAsmParser(); /* cg_ctx_load's inline assembly */
}

static int emit(struct cg *cg, LLVMCodeGenFileType kind, LLVMMemoryBufferRef *out)
{
	char *msg = NULL;
	if (LLVMTargetMachineEmitToMemoryBuffer(cg->tm, cg->mod, kind, &msg, out)) {
		fprintf(stderr, "gotrace: BPF code generation failed: %s\n", msg ? msg : "?");
		LLVMDisposeMessage(msg);
		return -1;
	}
	if (cg->backend_errors) {
		LLVMDisposeMemoryBuffer(*out);
		return -1;
	}
	return 0;
}

static void dump_ir(struct cg *cg)
{
	char *ir = LLVMPrintModuleToString(cg->mod);
	sb_puts(cg->opts->out, ir);
	LLVMDisposeMessage(ir);
}

int codegen(struct sema *s, const struct cg_opts *opts, struct blob *out)
{
	init_llvm_once();
	struct cg cgs = { .sema = s, .opts = opts };
	struct cg *cg = &cgs;
	int ret = -1;
	cg->ctx = LLVMContextCreate();
	LLVMContextSetDiagnosticHandler(cg->ctx, on_llvm_diag, cg);
	cg->mod = LLVMModuleCreateWithNameInContext("gotrace", cg->ctx);
	LLVMSetTarget(cg->mod, "bpfel");
	LLVMSetDataLayout(cg->mod, "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128");
	cg->b = LLVMCreateBuilderInContext(cg->ctx);
	cg->i1 = LLVMInt1TypeInContext(cg->ctx);
	cg->i8 = LLVMInt8TypeInContext(cg->ctx);
	cg->i16 = LLVMInt16TypeInContext(cg->ctx);
	cg->i32 = LLVMInt32TypeInContext(cg->ctx);
	cg->i64 = LLVMInt64TypeInContext(cg->ctx);
	cg->ptr = LLVMPointerTypeInContext(cg->ctx, 0);
	cg->vd = LLVMVoidTypeInContext(cg->ctx);

	cg->di = LLVMCreateDIBuilder(cg->mod);
	linemap_init(&cg->lines, s->prog->src);
	cg->btf_detail = cg->lines.n <= BTF_DETAIL_LINES && s->prog->nprobes <= BTF_DETAIL_LINES;
	cg->di_file = di_file(cg);
	cg->di_cu = LLVMDIBuilderCreateCompileUnit(
		cg->di, LLVMDWARFSourceLanguageC, cg->di_file, "gotrace", 7, 1, "", 0, 0, "", 0,
		LLVMDWARFEmissionFull, 0, 0, 0, "", 0, "", 0);
	LLVMAddModuleFlag(cg->mod, LLVMModuleFlagBehaviorWarning, "Debug Info Version", 18,
			  LLVMValueAsMetadata(LLVMConstInt(cg->i32, LLVMDebugMetadataVersion(), 0)));
	LLVMAddModuleFlag(cg->mod, LLVMModuleFlagBehaviorWarning, "Dwarf Version", 13,
			  LLVMValueAsMetadata(LLVMConstInt(cg->i32, 4, 0)));

	char *err = NULL;
	LLVMTargetRef target;
	if (LLVMGetTargetFromTriple("bpfel", &target, &err)) {
		fprintf(stderr, "gotrace: LLVM has no BPF target: %s\n", err);
		LLVMDisposeMessage(err);
		goto out;
	}
	cg->tm = LLVMCreateTargetMachine(target, "bpfel", "v4", "", LLVMCodeGenLevelDefault,
					 LLVMRelocStatic, LLVMCodeModelDefault);

	define_maps(cg);
	cg->vars = xcalloc((size_t)s->nvars + 1, sizeof(*cg->vars));
	for (struct probe *p = s->prog->probes; p; p = p->next)
		for (int g = 0; g < PG__COUNT; g++)
			for (int k = 0; k < PK__COUNT; k++)
				if ((s->envs[p->index].kinds & PKM(k)) &&
				    prog_group_of((enum probe_kind)k) == (enum prog_group)g) {
					lower_probe(cg, p, (enum prog_group)g);
					break;
				}
	finish_big_scratch(cg);
	finish_reports(cg);
	LLVMDIBuilderFinalize(cg->di);

	if (opts->dump == CG_DUMP_IR)
		dump_ir(cg);
	if (link_helpers(cg))
		goto out;
	if (LLVMVerifyModule(cg->mod, LLVMReturnStatusAction, &err)) {
		fprintf(stderr, "gotrace: internal error: invalid IR: %s\n", err);
		LLVMDisposeMessage(err);
		goto out;
	}
	LLVMDisposeMessage(err);
	err = NULL;
	LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
	LLVMErrorRef e = LLVMRunPasses(cg->mod, "default<O2>", cg->tm, po);
	LLVMDisposePassBuilderOptions(po);
	if (e) {
		char *m = LLVMGetErrorMessage(e);
		fprintf(stderr, "gotrace: internal error: optimisation failed: %s\n", m);
		LLVMDisposeErrorMessage(m);
		goto out;
	}
	if (opts->dump == CG_DUMP_IR_OPT)
		dump_ir(cg);
	if (opts->emit_llvm) {
		if (LLVMPrintModuleToFile(cg->mod, opts->emit_llvm, &err)) {
			fprintf(stderr, "gotrace: %s: %s\n", opts->emit_llvm, err);
			LLVMDisposeMessage(err);
			goto out;
		}
	}
	LLVMMemoryBufferRef mb;
	if (opts->dump == CG_DUMP_ASM) {
		if (emit(cg, LLVMAssemblyFile, &mb))
			goto out;
		size_t at = opts->out->len;
		sb_putn(opts->out, LLVMGetBufferStart(mb), LLVMGetBufferSize(mb));
		cg_rename_maps_section_asm(opts->out->s + at, opts->out->len - at);
		LLVMDisposeMemoryBuffer(mb);
	}
	if (emit(cg, LLVMObjectFile, &mb))
		goto out;
	out->size = LLVMGetBufferSize(mb);
	out->data = xmalloc(out->size);
	memcpy(out->data, LLVMGetBufferStart(mb), out->size);
	LLVMDisposeMemoryBuffer(mb);
	if (cg_rename_maps_section(out->data, out->size)) {
		fprintf(stderr, "gotrace: internal error: the object has no %s section to rename .maps\n",
			MAPS_SECTION_TMP);
		blob_free(out);
		goto out;
	}
	ret = 0;
out:
	free(cg->maps);
	free(cg->map_max);
	free(cg->report_index);
	free(cg->vars);
	vec_free(&cg->rep_chunks);
	vec_free(&cg->loops);
	linemap_free(&cg->lines);
	LLVMDisposeDIBuilder(cg->di);
	LLVMDisposeBuilder(cg->b);
	if (cg->tm)
		LLVMDisposeTargetMachine(cg->tm);
	LLVMDisposeModule(cg->mod);
	if (cg->di_holder)
		LLVMDisposeModule(cg->di_holder);
	LLVMContextDispose(cg->ctx);
	return ret;
}

