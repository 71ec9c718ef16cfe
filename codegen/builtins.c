/* builtins.c - the code generator of each row of sema/builtins.def. */
#include <linux/bpf.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "codegen/gen.h"
#include "abi/events.h"
#include "golang/gobin.h"
#include "sema/builtins.h"
#include "sema/goargs.h"
#include "sema/regs.h"

static LLVMValueRef shr(struct cg *cg, LLVMValueRef v, int bits)
{
	return LLVMBuildLShr(cg->b, v, cg_const(cg, bits), "");
}

static LLVMValueRef low32(struct cg *cg, LLVMValueRef v)
{
	return LLVMBuildAnd(cg->b, v, cg_const(cg, 0xffffffff), "");
}

static LLVMValueRef pid_tgid(struct cg *cg)
{
	return cg_helper(cg, BPF_FUNC_get_current_pid_tgid, cg->i64, NULL, 0);
}

static LLVMValueRef uid_gid(struct cg *cg)
{
	return cg_helper(cg, BPF_FUNC_get_current_uid_gid, cg->i64, NULL, 0);
}

GEN(pid) { return shr(cg, pid_tgid(cg), 32); }
GEN(tid) { return low32(cg, pid_tgid(cg)); }
GEN(uid) { return low32(cg, uid_gid(cg)); }
GEN(gid) { return shr(cg, uid_gid(cg), 32); }

GEN(nsecs)
{
	return cg_helper(cg, BPF_FUNC_ktime_get_ns, cg->i64, NULL, 0);
}

GEN(elapsed)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	int64_t start = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
	return LLVMBuildSub(cg->b, gen_nsecs(cg, n), cg_const(cg, start), "");
}

GEN(cpu)
{
	LLVMValueRef v = cg_helper(cg, BPF_FUNC_get_smp_processor_id, cg->i64, NULL, 0);
	return low32(cg, v);
}

GEN(rand)
{
	return low32(cg, cg_helper(cg, BPF_FUNC_get_prandom_u32, cg->i64, NULL, 0));
}

GEN(comm)
{
	uint32_t size = n->type->size;
	LLVMValueRef buf = cg_alloca(cg, size, "comm");
	cg_memset0(cg, buf, size);
	LLVMValueRef args[] = { buf, LLVMConstInt(cg->i32, 16, 0) };
	cg_helper(cg, BPF_FUNC_get_current_comm, cg->i64, args, 2);
	return buf;
}

/* The attach cookie: function id in the high half, site in the low. */
GEN(func) { return shr(cg, cg_cookie(cg), 32); }
GEN(probe) { return low32(cg, cg_cookie(cg)); }

GEN(retval)
{
	return cg_abi_word(cg, 0, true);
}

GEN(arg)
{
	int i = n->call.bi->aux;
	if (i < 6)
		return cg_ctx_load(cg, abi_sysv_regs[i], cg->i64);
	LLVMValueRef sp = cg_ctx_load(cg, PTREGS_SP, cg->i64);
	return cg_read_user_u64(cg, LLVMBuildAdd(cg->b, sp, cg_const(cg, 8 + 8 * (i - 6)), ""));
}

GEN(sarg)
{
	LLVMValueRef sp = cg_ctx_load(cg, PTREGS_SP, cg->i64);
	return cg_read_user_u64(cg, LLVMBuildAdd(cg->b, sp, cg_const(cg, 8 + 8 * n->call.bi->aux), ""));
}

static LLVMValueRef stackid(struct cg *cg, uint64_t flags)
{
	LLVMValueRef args[] = { cg->ctxp, cg->stacks, LLVMConstInt(cg->i64, flags, 0) };
	return cg_helper(cg, BPF_FUNC_get_stackid, cg->i64, args, 3);
}

/* Reads `size` bytes of kernel memory at addr as a word (0 on fault). */
static LLVMValueRef read_kernel_u64(struct cg *cg, LLVMValueRef addr)
{
	LLVMValueRef slot = cg_alloca(cg, 8, "kword");
	LLVMBuildStore(cg->b, cg_const(cg, 0), slot);
	LLVMValueRef args[] = { slot, LLVMConstInt(cg->i32, 8, 0),
				LLVMBuildIntToPtr(cg->b, addr, cg->ptr, "") };
	cg_helper(cg, BPF_FUNC_probe_read_kernel, cg->i64, args, 3);
	return LLVMBuildLoad2(cg->b, cg->i64, slot, "");
}

/* The user registers ip and sp of a perf event: its own registers when
 * the sample is in user mode, else those saved when the task entered the
 * kernel (the user stack the kernel walks starts there too). */
static void perf_user_regs(struct cg *cg, LLVMValueRef *ip, LLVMValueRef *sp)
{
	LLVMValueRef slots = cg_alloca(cg, 16, "uregs");
	LLVMBuildStore(cg->b, cg_ctx_load(cg, PTREGS_IP, cg->i64), slots);
	LLVMBuildStore(cg->b, cg_ctx_load(cg, PTREGS_SP, cg->i64), cg_gep(cg, slots, 8));
	LLVMValueRef kernel = LLVMBuildICmp(cg->b, LLVMIntUGE, LLVMBuildLoad2(cg->b, cg->i64, slots, ""),
					    cg_const(cg, 0x800000000000ll), "");
	LLVMBasicBlockRef k = cg_block(cg, "ustack.kernel"), done = cg_block(cg, "ustack.regs");
	LLVMBuildCondBr(cg->b, kernel, k, done);
	LLVMPositionBuilderAtEnd(cg->b, k);
	LLVMValueRef task = cg_helper(cg, BPF_FUNC_get_current_task_btf, cg->ptr, NULL, 0);
	LLVMValueRef regs = cg_helper(cg, BPF_FUNC_task_pt_regs, cg->i64, &task, 1);
	LLVMBuildStore(cg->b, read_kernel_u64(cg, LLVMBuildAdd(cg->b, regs, cg_const(cg, PTREGS_IP), "")),
		       slots);
	LLVMBuildStore(cg->b, read_kernel_u64(cg, LLVMBuildAdd(cg->b, regs, cg_const(cg, PTREGS_SP), "")),
		       cg_gep(cg, slots, 8));
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	*ip = LLVMBuildLoad2(cg->b, cg->i64, slots, "");
	*sp = LLVMBuildLoad2(cg->b, cg->i64, cg_gep(cg, slots, 8), "");
}

/* ustack (struct ev_ustack): the kernel's frame-pointer walk, which
 * misses the caller of a function that has not set up its frame at the
 * pc (a frameless leaf, an entry, a RET, a prologue), and the stack word
 * at SP + d where that caller's return address is then. At a uprobe d is
 * the SP delta .gopclntab gives for the site; in a sample it comes from
 * the instruction at the pc (see gt_frame_ret_off). User space keeps the
 * word only where .gopclntab agrees, and inserts it when the walk lacks
 * it. The executable's text start names a PIE's frames after it exits. */
/* Fills the struct ev_ustack at slot with stack id `id`. */
static void ustack_header(struct cg *cg, LLVMValueRef slot, LLVMValueRef id)
{
	struct probe_env *env = cg->env;
	/* the words read here are a guess user space checks: a failed read
	 * is no error (and not counted) */
	struct node *reader = cg->reader;
	cg->reader = NULL;
	LLVMBuildStore(cg->b, id, slot);
	LLVMValueRef meta = shr(cg, pid_tgid(cg), 32);
	LLVMValueRef word = cg_const(cg, 0);
	if (cg->group == PG_UPROBE && (env->kinds & PKM_UPROBES)) {
		bool known = env->sp_delta >= 0 && env->sp_delta < 0x10000;
		int64_t d = known ? env->sp_delta : 0;
		uint64_t flags = USTACK_WORD | (!known && env->sp_is_ret ? USTACK_TRUSTED : 0);
		LLVMValueRef sp = cg_ctx_load(cg, PTREGS_SP, cg->i64);
		word = cg_read_user_u64(cg, LLVMBuildAdd(cg->b, sp, cg_const(cg, d), ""));
		meta = LLVMBuildOr(cg->b, meta, cg_const(cg, (int64_t)(flags | (uint64_t)d << 32)), "");
	} else if (cg->group == PG_PERF) {
		LLVMValueRef ip, sp;
		perf_user_regs(cg, &ip, &sp);
		LLVMValueRef insn = cg_read_user_u64(cg, ip);
		LLVMValueRef d = cg_call_lib(cg, "gt_frame_ret_off", cg->i64, &insn, 1);
		word = cg_read_user_u64(cg, LLVMBuildAdd(cg->b, sp, d, ""));
		meta = LLVMBuildOr(cg->b, meta, LLVMBuildShl(cg->b, d, cg_const(cg, 32), ""), "");
		meta = LLVMBuildOr(cg->b, meta, cg_const(cg, (int64_t)USTACK_WORD), "");
	}
	LLVMBuildStore(cg->b, meta, cg_gep(cg, slot, offsetof(struct ev_ustack, meta)));
	LLVMBuildStore(cg->b, word, cg_gep(cg, slot, offsetof(struct ev_ustack, word)));
	/* current->mm->start_code */
	int64_t mm_off, sc_off;
	LLVMValueRef start = cg_const(cg, 0);
	if (kernel_mm_offsets(&mm_off, &sc_off) == 0) {
		LLVMValueRef task = cg_helper(cg, BPF_FUNC_get_current_task, cg->i64, NULL, 0);
		LLVMValueRef mm = read_kernel_u64(cg, LLVMBuildAdd(cg->b, task, cg_const(cg, mm_off), ""));
		start = read_kernel_u64(cg, LLVMBuildAdd(cg->b, mm, cg_const(cg, sc_off), ""));
	}
	LLVMBuildStore(cg->b, start, cg_gep(cg, slot, offsetof(struct ev_ustack, start_code)));
	cg->reader = reader;
}

GEN(ustack)
{
	LLVMValueRef slot = cg_alloca(cg, sizeof(struct ev_ustack), "ustack");
	ustack_header(cg, slot, stackid(cg, BPF_F_USER_STACK));
	return slot;
}

GEN(kstack)
{
	LLVMValueRef slot = cg_alloca(cg, 16, "kstack");
	LLVMBuildStore(cg->b, stackid(cg, 0), slot);
	LLVMBuildStore(cg->b, cg_const(cg, 0), cg_gep(cg, slot, 8));
	return slot;
}

/* gocast(value, "TYPE") read on its own (codegen/goargs.c walks it). */
GEN(gocast)
{
	return cg_goargs(cg, n);
}

GEN(goid)
{
	LLVMValueRef g = cg_g_pointer(cg);
	return cg_read_user_u64(cg, LLVMBuildAdd(cg->b, g, cg_const(cg, cg->env->goid_off), ""));
}

GEN(goid_or_tid)
{
	return cg->env->goid_ok ? gen_goid(cg, n) : gen_tid(cg, n);
}

GEN(curg)
{
	return cg_g_pointer(cg);
}

/* Constants sema has checked the binary for. */
GEN(gorelease)
{
	return cg_const(cg, gobin_go_release(cg->env->bin));
}

GEN(gohastype)
{
	return cg_const(cg, goargs_has_type(cg->env->bin, n->call.args->str.text));
}

/* ustack(N) and ucaller: the frames themselves, by bpf_get_stack(), in
 * the value after ustack's header (id -1), so that stacks alike in their
 * N frames are one map key; user space fixes them up as ustack's. */
static LLVMValueRef stack_value(struct cg *cg, const struct type *t)
{
	LLVMValueRef slot = cg_alloca(cg, t->size, "stack");
	cg_memset0(cg, slot, t->size);
	ustack_header(cg, slot, cg_const(cg, -1));
	LLVMValueRef args[] = { cg->ctxp, cg_gep(cg, slot, sizeof(struct ev_ustack)),
				cg_const(cg, 8 * (int64_t)t->depth),
				LLVMConstInt(cg->i64, BPF_F_USER_STACK, 0) };
	cg_helper(cg, BPF_FUNC_get_stack, cg->i64, args, 4);
	return slot;
}

GEN(ustackn) { return stack_value(cg, n->type); }
GEN(ucaller) { return stack_value(cg, n->type); }

/* cpid: the traced process's pid, which the runtime writes into the
 * target map when it starts the -c command (or finds the -p process). */
GEN(cpid)
{
	LLVMValueRef key = cg_alloca(cg, 8, "tkey"), out = cg_alloca(cg, 8, "cpid");
	LLVMBuildStore(cg->b, cg_const(cg, 0), key);
	LLVMBuildStore(cg->b, cg_const(cg, 0), out);
	LLVMValueRef args[] = { cg->target, key };
	LLVMValueRef p = cg_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
	LLVMBasicBlockRef have = cg_block(cg, "cpid.have"), done = cg_block(cg, "cpid.done");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, p, LLVMConstNull(cg->ptr), ""), done, have);
	LLVMPositionBuilderAtEnd(cg->b, have);
	LLVMBuildStore(cg->b, LLVMBuildLoad2(cg->b, cg->i64, p, ""), out);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	return LLVMBuildLoad2(cg->b, cg->i64, out, "");
}

GEN(uaddr)
{
	uint64_t addr = 0;
	gobin_global(cg->env->bin, n->call.args->str.text, &addr, NULL);
	return cg_const(cg, (int64_t)addr);
}

/* One node of goruntime()'s search: a is in the runtime when an odd
 * number of the sorted range bounds b[0..n) are <= a; b[lo..hi) are
 * still to be compared, lo of them are known to be <= a. Each node is
 * one compare and a branch, so that few values are live at once (a
 * chain of compares in one block makes LLVM spill more than the BPF
 * stack holds). */
static void runtime_search(struct cg *cg, LLVMValueRef a, const uint64_t *b, size_t lo, size_t hi,
			   LLVMValueRef out, LLVMBasicBlockRef done)
{
	if (lo == hi) {
		LLVMBuildStore(cg->b, cg_const(cg, (int64_t)(lo & 1)), out);
		LLVMBuildBr(cg->b, done);
		return;
	}
	size_t mid = lo + (hi - lo) / 2;
	LLVMBasicBlockRef ge = cg_block(cg, "rt.ge"), lt = cg_block(cg, "rt.lt");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntUGE, a, cg_const(cg, (int64_t)b[mid]), ""),
			ge, lt);
	LLVMPositionBuilderAtEnd(cg->b, ge);
	runtime_search(cg, a, b, mid + 1, hi, out, done);
	LLVMPositionBuilderAtEnd(cg->b, lt);
	runtime_search(cg, a, b, lo, mid, out, done);
}

/* goruntime(a): a is in one of the runtime's address ranges. */
GEN(goruntime)
{
	size_t k = 0;
	uint64_t(*r)[2] = xcalloc(RUNTIME_RANGES_MAX, sizeof(*r));
	gobin_runtime_ranges(cg->env->bin, r, RUNTIME_RANGES_MAX, &k);
	LLVMValueRef a = cg_int(cg, n->call.args);
	LLVMValueRef out = cg_alloca(cg, 8, "goruntime");
	LLVMBasicBlockRef done = cg_block(cg, "rt.done");
	runtime_search(cg, a, &r[0][0], 0, 2 * k, out, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	free(r);
	return LLVMBuildLoad2(cg->b, cg->i64, out, "");
}

GEN(gooffset)
{
	uint64_t off = 0, size;
	const char *src;
	gobin_field(cg->env->bin, n->call.args->str.text, n->call.args->next->str.text, &off, &size,
		    &src);
	return cg_const(cg, (int64_t)off);
}

/* gfield(g, "name"): the field's bytes, zero-extended. */
GEN(gfield)
{
	uint64_t off = 0, size = 8;
	const char *src;
	gobin_field(cg->env->bin, "runtime.g", n->call.args->next->str.text, &off, &size, &src);
	LLVMValueRef g = cg_int(cg, n->call.args);
	LLVMValueRef v = cg_read_user_u64(cg, LLVMBuildAdd(cg->b, g, cg_const(cg, (int64_t)off), ""));
	if (size < 8)
		v = LLVMBuildAnd(cg->b, v, cg_const(cg, (int64_t)((UINT64_C(1) << (8 * size)) - 1)), "");
	return v;
}

/* Stores the string s, zero-padded to size bytes, at dst. */
static void store_literal(struct cg *cg, LLVMValueRef dst, const char *s, uint32_t size)
{
	size_t len = strlen(s);
	for (uint32_t off = 0; off < size; off += 8) {
		uint64_t w = 0;
		for (uint32_t i = 0; i < 8; i++)
			if (off + i < len && off + i < size - 1)
				w |= (uint64_t)(unsigned char)s[off + i] << (8 * i);
		LLVMValueRef st = LLVMBuildStore(cg->b, LLVMConstInt(cg->i64, w, 0), cg_gep(cg, dst, off));
		LLVMSetAlignment(st, 8);
	}
}

/* gowaitreason(r): a switch over the binary's own names. */
GEN(gowaitreason)
{
	uint32_t size = n->type->size;
	char **names = NULL;
	size_t k = 0;
	gobin_wait_reasons(cg->env->bin, &names, &k);
	LLVMValueRef out = cg_alloca(cg, size, "waitreason");
	LLVMValueRef r = cg_int(cg, n->call.args);
	LLVMBasicBlockRef other = cg_block(cg, "wr.other"), done = cg_block(cg, "wr.done");
	LLVMValueRef sw = LLVMBuildSwitch(cg->b, r, other, (unsigned)k);
	for (size_t i = 0; i < k; i++) {
		LLVMBasicBlockRef bb = cg_block(cg, "wr.case");
		LLVMAddCase(sw, cg_const(cg, (int64_t)i), bb);
		LLVMPositionBuilderAtEnd(cg->b, bb);
		store_literal(cg, out, names[i], size);
		LLVMBuildBr(cg->b, done);
		free(names[i]);
	}
	free(names);
	LLVMPositionBuilderAtEnd(cg->b, other);
	store_literal(cg, out, "unknown wait reason", size); /* as waitReason.String says */
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	return out;
}

GEN(uline)
{
	return gen_usym(cg, n);
}

GEN(strerror)
{
	return cg_int(cg, n->call.args);
}

/* join(argv [, sep]), join(ptr, n [, sep]): gt_join in a buffer twice the
 * string's size, of which the string is the first size - 1 bytes. */
GEN(join)
{
	uint32_t size = n->type->size;
	struct node *a = n->call.args, *b = a->next, *sepn = NULL;
	bool go = b && b->kind != N_STR;
	if (b && b->kind == N_STR)
		sepn = b;
	else if (b && b->next)
		sepn = b->next;
	const char *sep = sepn ? sepn->str.text : " ";
	LLVMValueRef tmp = cg_alloca(cg, 2 * size, "join");
	cg_memset0(cg, tmp, 2 * size);
	LLVMValueRef sepbuf = cg_literal_str(cg, sep, 16);
	LLVMValueRef args[] = { tmp,
				LLVMConstInt(cg->i32, size, 0),
				cg_int(cg, a),
				go ? cg_int(cg, b) : cg_const(cg, 0),
				cg_const(cg, go),
				sepbuf,
				LLVMConstInt(cg->i32, MIN(strlen(sep), 8), 0),
				cg_const(cg, cg->sleepable) };
	LLVMValueRef r = cg_call_lib(cg, "gt_join", cg->i64, args, 8);
	cg_count_read(cg, r, args[2], cg_const(cg, size));
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0), cg_gep(cg, tmp, size - 1));
	return tmp;
}

/* --- output ----------------------------------------------------------------- */

struct fill_args {
	struct type *t;	     /* tuple of the values */
	LLVMValueRef *vals;
};

static void fill_tuple(struct cg *cg, LLVMValueRef payload, void *arg)
{
	struct fill_args *fa = arg;
	for (int i = 0; i < fa->t->nelems; i++)
		cg_store(cg, fa->t->elems[i], fa->vals[i], cg_gep(cg, payload, fa->t->offsets[i]));
}

GEN(printf)
{
	struct fmtinfo *f = &cg->sema->fmts.v[n->call.fmt];
	LLVMValueRef vals[PRINTF_MAX_ARGS];
	int i = 0;
	for (struct node *a = n->call.args->next; a && i < PRINTF_MAX_ARGS; a = a->next, i++)
		vals[i] = cg_expr(cg, a);
	struct fill_args fa = { f->args, vals };
	cg_event(cg, EV_PRINTF, (uint32_t)n->call.fmt, f->args->size, fill_tuple, &fa);
	return NULL;
}

/* print(value): the value alone is the payload. */
struct fill_value {
	struct type *t;
	LLVMValueRef v;
};

static void fill_value(struct cg *cg, LLVMValueRef payload, void *arg)
{
	struct fill_value *fv = arg;
	cg_store(cg, fv->t, fv->v, payload);
}

struct fill_words {
	LLVMValueRef w[2];
	int n;
};

static void fill_words(struct cg *cg, LLVMValueRef payload, void *arg)
{
	struct fill_words *fw = arg;
	for (int i = 0; i < fw->n; i++)
		LLVMBuildStore(cg->b, fw->w[i], cg_gep(cg, payload, 8 * (uint64_t)i));
}

GEN(print)
{
	struct node *a = n->call.args;
	if (a->kind == N_MAP && !a->map.keys) {
		int64_t top = 0, div = 0;
		if (a->next)
			sema_is_const_int(a->next, &top);
		if (a->next && a->next->next)
			sema_is_const_int(a->next->next, &div);
		struct fill_words fw = { { cg_const(cg, top), cg_const(cg, div) }, 2 };
		cg_event(cg, EV_PRINT_MAP, (uint32_t)a->map.map->id, 16, fill_words, &fw);
		return NULL;
	}
	struct fill_value fv = { a->type, cg_expr(cg, a) };
	cg_event(cg, EV_PRINT_VALUE, (uint32_t)n->call.fmt, (uint32_t)ALIGN_UP(a->type->size, 8),
		 fill_value, &fv);
	return NULL;
}

GEN(time)
{
	cg_event(cg, EV_TIME, (uint32_t)n->call.fmt, 0, NULL, NULL);
	return NULL;
}

GEN(strftime)
{
	LLVMValueRef slot = cg_alloca(cg, 16, "strftime");
	LLVMBuildStore(cg->b, cg_const(cg, n->call.fmt), slot);
	LLVMBuildStore(cg->b, cg_int(cg, n->call.args->next), cg_gep(cg, slot, 8));
	return slot;
}

GEN(exit)
{
	struct fill_words fw = { { n->call.args ? cg_int(cg, n->call.args) : cg_const(cg, 0) }, 1 };
	cg_event(cg, EV_EXIT, 0, 8, fill_words, &fw);
	return NULL;
}

GEN(clear)
{
	cg_event(cg, EV_CLEAR, (uint32_t)n->call.args->map.map->id, 0, NULL, NULL);
	return NULL;
}

GEN(zero)
{
	cg_event(cg, EV_ZERO, (uint32_t)n->call.args->map.map->id, 0, NULL, NULL);
	return NULL;
}

/* --- strings and memory ---------------------------------------------------- */

/* Clamps a length to [0, max]: the verifier must see the bound. */
static LLVMValueRef clamp_len(struct cg *cg, LLVMValueRef len, int64_t max)
{
	LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, len, cg_const(cg, 0), "");
	len = LLVMBuildSelect(cg->b, neg, cg_const(cg, 0), len, "");
	LLVMValueRef big = LLVMBuildICmp(cg->b, LLVMIntSGT, len, cg_const(cg, max), "");
	return LLVMBuildSelect(cg->b, big, cg_const(cg, max), len, "");
}

GEN(str)
{
	uint32_t size = n->type->size;
	if (n->call.param_text) {
		/* str($N): a positional parameter */
		struct program *p = cg->sema->prog;
		int64_t i = n->call.args->param.index;
		const char *s = i >= 1 && i <= p->nparams ? p->params[i - 1] : "";
		int64_t len = (int64_t)strlen(s);
		if (n->call.args->next)
			sema_is_const_int(n->call.args->next, &len);
		char *cut = xstrndup(s, (size_t)MAX(0, MIN(len, (int64_t)strlen(s))));
		LLVMValueRef v = cg_literal_str(cg, cut, size);
		free(cut);
		return v;
	}
	LLVMValueRef buf = cg_alloca(cg, size, "str");
	cg_memset0(cg, buf, size);
	LLVMValueRef ptr = cg_int(cg, n->call.args);
	if (!n->call.args->next) {
		cg_read_user_str(cg, buf, LLVMConstInt(cg->i32, size, 0), ptr);
		return buf;
	}
	/* str(ptr, len): at most len bytes, NUL-terminated */
	LLVMValueRef len = clamp_len(cg, cg_int(cg, n->call.args->next), size - 1);
	len = LLVMBuildAdd(cg->b, len, cg_const(cg, 1), "");
	cg_read_user_str(cg, buf, LLVMBuildTrunc(cg->b, len, cg->i32, ""), ptr);
	return buf;
}

/* A Go string: exactly min(len, size - 1) bytes, never past len (a Go
 * string has no NUL); nothing when the read fails. */
LLVMValueRef cg_gostr(struct cg *cg, LLVMValueRef ptr, LLVMValueRef len, uint32_t size)
{
	LLVMValueRef buf = cg_alloca(cg, size, "gostr");
	cg_memset0(cg, buf, size);
	len = clamp_len(cg, len, size - 1);
	LLVMBasicBlockRef rd = cg_block(cg, "gostr.read"), done = cg_block(cg, "gostr.done");
	LLVMValueRef some = LLVMBuildICmp(cg->b, LLVMIntSGT, len, cg_const(cg, 0), "");
	LLVMBuildCondBr(cg->b, some, rd, done);
	LLVMPositionBuilderAtEnd(cg->b, rd);
	LLVMValueRef r = cg_read_user(cg, buf, LLVMBuildTrunc(cg->b, len, cg->i32, ""), ptr);
	LLVMBasicBlockRef fail = cg_block(cg, "gostr.fail");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, r, cg_const(cg, 0), ""), fail, done);
	LLVMPositionBuilderAtEnd(cg->b, fail);
	cg_memset0(cg, buf, size);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	return buf;
}

/* gostr(ptr, len), or gostr(addr) for the (ptr, len) header at addr. */
GEN(gostr)
{
	LLVMValueRef ptr, len;
	if (n->call.args->next) {
		ptr = cg_int(cg, n->call.args);
		len = cg_int(cg, n->call.args->next);
	} else {
		LLVMValueRef hdr = cg_int(cg, n->call.args);
		ptr = cg_read_user_u64(cg, hdr);
		len = cg_read_user_u64(cg, LLVMBuildAdd(cg->b, hdr, cg_const(cg, 8), ""));
	}
	return cg_gostr(cg, ptr, len, n->type->size);
}

GEN(buf)
{
	uint32_t size = n->type->size, max = size - 8;
	LLVMValueRef slot = cg_alloca(cg, size, "buf");
	cg_memset0(cg, slot, size);
	if (n->call.args->type->kind == TY_STR) {
		/* buf($s, n): the first bytes of a string */
		uint32_t have = MIN(max, n->call.args->type->size);
		LLVMValueRef src = cg_expr(cg, n->call.args);
		LLVMValueRef len = clamp_len(cg, cg_int(cg, n->call.args->next), have);
		LLVMBuildStore(cg->b, LLVMBuildTrunc(cg->b, len, cg->i32, ""), slot);
		cg_memcpy(cg, cg_gep(cg, slot, 8), src, have);
		return slot;
	}
	LLVMValueRef len = clamp_len(cg, cg_int(cg, n->call.args->next), max);
	LLVMBuildStore(cg->b, LLVMBuildTrunc(cg->b, len, cg->i32, ""), slot);
	LLVMBasicBlockRef rd = cg_block(cg, "buf.read"), done = cg_block(cg, "buf.done");
	LLVMValueRef some = LLVMBuildICmp(cg->b, LLVMIntSGT, len, cg_const(cg, 0), "");
	LLVMBuildCondBr(cg->b, some, rd, done);
	LLVMPositionBuilderAtEnd(cg->b, rd);
	cg_read_user(cg, cg_gep(cg, slot, 8), LLVMBuildTrunc(cg->b, len, cg->i32, ""),
		     cg_int(cg, n->call.args));
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	return slot;
}

GEN(reg)
{
	const struct reg_info *r = reg_find(n->call.args->str.text);
	/* pt_regs is at the start of every context registers are read from */
	return cg_ctx_load(cg, r ? r->off : 0, cg->i64);
}

GEN(usym)
{
	LLVMValueRef slot = cg_alloca(cg, 16, "usym");
	LLVMBuildStore(cg->b, cg_int(cg, n->call.args), slot);
	LLVMBuildStore(cg->b, shr(cg, pid_tgid(cg), 32), cg_gep(cg, slot, 8));
	return slot;
}

GEN(strlen)
{
	LLVMValueRef args[] = { cg_expr(cg, n->call.args),
				LLVMConstInt(cg->i32, n->call.args->type->size, 0) };
	return cg_call_lib(cg, "gt_strlen", cg->i64, args, 2);
}

GEN(strcontains)
{
	LLVMValueRef h = cg_expr(cg, n->call.args), nd = cg_expr(cg, n->call.args->next);
	LLVMValueRef args[] = { h, nd, LLVMConstInt(cg->i32, n->call.args->type->size, 0) };
	return cg_call_lib(cg, "gt_strcontains", cg->i64, args, 3);
}

/* --- maps -------------------------------------------------------------------- */

/* The key of @m[k...] for delete/has_key, from a map node with keys or
 * from separate key arguments. */
static LLVMValueRef key_from(struct cg *cg, struct mapinfo *m, struct node *keys)
{
	uint32_t size = m->key->size;
	LLVMValueRef key = cg_alloca(cg, size, "key");
	cg_memset0(cg, key, size);
	if (!keys)
		return key;
	if (!keys->next) {
		cg_store(cg, m->key, cg_expr(cg, keys), key);
		return key;
	}
	int i = 0;
	for (struct node *k = keys; k && i < m->key->nelems; k = k->next, i++)
		cg_store(cg, m->key->elems[i], cg_expr(cg, k), cg_gep(cg, key, m->key->offsets[i]));
	return key;
}

GEN(delete)
{
	struct node *a = n->call.args;
	struct mapinfo *m = a->map.map;
	LLVMValueRef key = key_from(cg, m, a->next ? a->next : a->map.keys);
	LLVMValueRef args[] = { cg->maps[m->id], key };
	cg_helper(cg, BPF_FUNC_map_delete_elem, cg->i64, args, 2);
	return NULL;
}

GEN(has_key)
{
	struct mapinfo *m = n->call.args->map.map;
	LLVMValueRef key = key_from(cg, m, n->call.args->next);
	LLVMValueRef args[] = { cg->maps[m->id], key };
	LLVMValueRef p = cg_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
	LLVMValueRef found = LLVMBuildICmp(cg->b, LLVMIntNE, p, LLVMConstNull(cg->ptr), "");
	return LLVMBuildZExt(cg->b, found, cg->i64, "");
}

/* The callback of len(): counts the entries it is called for, in a
 * per-CPU map rather than in its context on the stack. The verifier
 * follows a stack counter's exact value through every round of the
 * callback when the count is compared later, and never converges; a
 * value in a map it does not follow. */
static LLVMValueRef count_callback(struct cg *cg, struct node *n)
{
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, "gt_count_entry");
	if (fn)
		return fn;
	LLVMTypeRef ps[] = { cg->ptr, cg->ptr, cg->ptr, cg->ptr };
	fn = LLVMAddFunction(cg->mod, "gt_count_entry", LLVMFunctionType(cg->i64, ps, 4, 0));
	LLVMSetLinkage(fn, LLVMInternalLinkage);
	LLVMSetSection(fn, ".text");
	LLVMMetadataRef sp = cg_di_function(cg, fn, "gt_count_entry", true, n->loc);
	/* build the body with the probe's builder, then come back */
	LLVMBasicBlockRef back = LLVMGetInsertBlock(cg->b);
	LLVMValueRef saved_fn = cg->fn;
	LLVMMetadataRef saved_sp = cg->di_sp;
	cg->fn = fn;
	cg->di_sp = sp;
	LLVMPositionBuilderAtEnd(cg->b, LLVMAppendBasicBlockInContext(cg->ctx, fn, "entry"));
	cg_di_at(cg, n->loc);
	LLVMValueRef key = LLVMGetParam(fn, 3); /* a zeroed u32 of the caller */
	LLVMValueRef args[] = { cg->lencount, key };
	LLVMValueRef p = cg_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
	LLVMBasicBlockRef inc = cg_block(cg, "inc"), done = cg_block(cg, "done");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, p, LLVMConstNull(cg->ptr), ""), done, inc);
	LLVMPositionBuilderAtEnd(cg->b, inc);
	LLVMValueRef v = LLVMBuildLoad2(cg->b, cg->i64, p, "");
	LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, v, cg_const(cg, 1), ""), p);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMBuildRet(cg->b, cg_const(cg, 0));
	cg->fn = saved_fn;
	cg->di_sp = saved_sp;
	LLVMPositionBuilderAtEnd(cg->b, back);
	cg_di_at(cg, n->loc);
	return fn;
}

/* len(@m): bpf_for_each_map_elem with a counting callback. */
GEN(len)
{
	struct mapinfo *m = n->call.args->map.map;
	LLVMValueRef key = cg_stack_slot(cg, 8, "lenkey"); /* the callback's context */
	LLVMBuildStore(cg->b, cg_const(cg, 0), key);
	LLVMValueRef largs[] = { cg->lencount, key };
	LLVMValueRef p = cg_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, largs, 2);
	LLVMBasicBlockRef go = cg_block(cg, "len.go"), done = cg_block(cg, "len.done");
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, p, LLVMConstNull(cg->ptr), ""), done, go);
	LLVMPositionBuilderAtEnd(cg->b, go);
	LLVMBuildStore(cg->b, cg_const(cg, 0), p);
	LLVMValueRef args[] = { cg->maps[m->id], count_callback(cg, n), key, cg_const(cg, 0) };
	cg_helper(cg, BPF_FUNC_for_each_map_elem, cg->i64, args, 4);
	LLVMValueRef cnt = LLVMBuildLoad2(cg->b, cg->i64, p, "");
	LLVMBasicBlockRef go_end = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i64, "");
	LLVMValueRef vals[] = { cg_const(cg, 0), cnt };
	LLVMBasicBlockRef bbs[] = { from, go_end };
	LLVMAddIncoming(phi, vals, bbs, 2);
	return phi;
}

/* --- Go -------------------------------------------------------------------- */

/* goarg(N), goret(N): N is a constant (sema checked it). */
static int word_index(struct node *n)
{
	int64_t i = 0;
	sema_is_const_int(n->call.args, &i);
	return (int)i;
}

GEN(goarg)
{
	return cg_abi_word(cg, word_index(n), false);
}

GEN(goret)
{
	return cg_abi_word(cg, word_index(n), true);
}

/* gotype(w): w is an interface's first word. A non-empty interface's is
 * an itab, whose first word (the interface type) lies among the type
 * descriptors and whose second is the dynamic type; an empty interface's
 * is the type itself, which starts with its size. The name is read from
 * the binary when printed. */
static LLVMValueRef type_of_word(struct cg *cg, struct node *n)
{
	struct probe_env *env = cg->env;
	LLVMValueRef w = cg_int(cg, n->call.args);
	/* nil (a nil interface, an untyped allocation) has no type: no read */
	LLVMValueRef out = cg_alloca(cg, 8, "type");
	LLVMBuildStore(cg->b, cg_const(cg, 0), out);
	LLVMBasicBlockRef rd = cg_block(cg, "type.read"), done = cg_block(cg, "type.done");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, w, cg_const(cg, 0), ""), done, rd);
	LLVMPositionBuilderAtEnd(cg->b, rd);
	LLVMValueRef w0 = cg_read_user_u64(cg, w);
	LLVMValueRef lo = LLVMBuildICmp(cg->b, LLVMIntUGE, w0, cg_const(cg, (int64_t)env->types_start), "");
	LLVMValueRef hi = LLVMBuildICmp(cg->b, LLVMIntULT, w0, cg_const(cg, (int64_t)env->types_end), "");
	LLVMValueRef itab = LLVMBuildAnd(cg->b, lo, hi, "");
	LLVMValueRef fromitab = cg_read_user_u64(cg, LLVMBuildAdd(cg->b, w, cg_const(cg, 8), ""));
	LLVMBuildStore(cg->b, LLVMBuildSelect(cg->b, itab, fromitab, w, ""), out);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	return LLVMBuildLoad2(cg->b, cg->i64, out, "");
}

/* gotypename(w): as gotype, but the name is read in the probe from the
 * type's name record (runtime._type.str, a nameOff from the types
 * section, at offset 40; tflag at 20), by gt_gotype_name. */
GEN(gotypename)
{
	uint32_t size = n->type->size;
	LLVMValueRef typ = type_of_word(cg, n);
	LLVMValueRef out = cg_alloca(cg, size, "typename");
	cg_memset0(cg, out, size);
	LLVMBasicBlockRef rd = cg_block(cg, "typename.read"), done = cg_block(cg, "typename.done");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, typ, cg_const(cg, 0), ""), done, rd);
	LLVMPositionBuilderAtEnd(cg->b, rd);
	LLVMValueRef tflag = LLVMBuildAnd(cg->b, cg_read_user_u64(cg, LLVMBuildAdd(cg->b, typ, cg_const(cg, 20), "")),
					  cg_const(cg, 0xff), "");
	LLVMValueRef off = cg_read_user_u64(cg, LLVMBuildAdd(cg->b, typ, cg_const(cg, 40), ""));
	off = LLVMBuildSExt(cg->b, LLVMBuildTrunc(cg->b, off, cg->i32, ""), cg->i64, "");
	LLVMValueRef name = LLVMBuildAdd(cg->b, off, cg_const(cg, (int64_t)cg->env->types_start), "");
	int rel = cg->env->bin ? gobin_go_release(cg->env->bin) : 0;
	LLVMValueRef args[] = { out, LLVMConstInt(cg->i32, size, 0), name, tflag,
				cg_const(cg, rel && rel < 117), cg_const(cg, cg->sleepable) };
	LLVMValueRef r = cg_call_lib(cg, "gt_gotype_name", cg->i64, args, 6);
	cg_count_read(cg, r, name, cg_const(cg, size));
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	return out;
}

GEN(gotype)
{
	LLVMValueRef typ = type_of_word(cg, n);
	LLVMValueRef slot = cg_alloca(cg, 16, "gotype");
	LLVMBuildStore(cg->b, typ, slot);
	LLVMBuildStore(cg->b, shr(cg, pid_tgid(cg), 32), cg_gep(cg, slot, 8));
	return slot;
}

/* --- the table --------------------------------------------------------------- */

/* Every row of sema/builtins.def names its generator: a missing one is a
 * compile error here. */
static LLVMValueRef (*const generators[])(struct cg *, struct node *) = {
#define B(ID, NAME, FORM, GEN_, ...) [BI_##ID] = gen_##GEN_,
#include "sema/builtins.def"
#undef B
};
_Static_assert(ARRAY_SIZE(generators) == BI__COUNT, "a generator per builtin");

LLVMValueRef cg_builtin(struct cg *cg, struct node *n)
{
	return generators[n->call.bi->id](cg, n);
}
