/* disasm.c - reading machine code with LLVM's X86 disassembler: the entry
 * probe site after a gc function's stack-check prologue, the RET sites of
 * a function, and the helpers goid.c uses to find TLS accesses.
 *
 * The prologue is found by following branches, not by matching bytes: a
 * conditional jump near the entry whose target reaches (after register
 * spills) a call of runtime.morestack or runtime.morestack_noctxt is a
 * stack check, and the entry probe goes right after the last one. That
 * covers every form gc has emitted since Go 1.16:
 *
 *   1.16 (stack ABI)  mov rcx, fs:[-8]; cmp rsp, [rcx+0x10]; jbe more
 *   1.17+ (reg ABI)   cmp rsp, [r14+0x10]; jbe more
 *   bigger frames     lea r12, [rsp-N]; cmp r12, [r14+0x10]; jbe more
 *   huge frames       mov r12, rsp; sub r12, N; jb more; cmp ...; jbe more
 *
 *   more: mov [rsp+8], rax ... (spills); call runtime.morestack_noctxt;
 *         mov rax, [rsp+8] ... (reloads); jmp entry
 *
 * Because morestack returns to the entry and the prologue runs again, a
 * probe on the entry itself would fire twice for one call. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Disassembler.h>
#include <llvm-c/Target.h>

#include "golang/internal.h"

struct dis {
	LLVMDisasmContextRef dc;
	bool has_target;
	uint64_t target;
};

#define PROLOGUE_WINDOW 12 /* instructions from the entry */
#define MORESTACK_WINDOW 32 /* instructions of the spill block */

/* Called by LLVM for operands that may be addresses: records the target
 * of a branch or call. */
static const char *sym_lookup(void *info, uint64_t value, uint64_t *type,
			      uint64_t pc, const char **refname)
{
	struct dis *d = info;

	if (*type == LLVMDisassembler_ReferenceType_In_Branch) {
		d->has_target = true;
		d->target = value;
	}
	*type = LLVMDisassembler_ReferenceType_InOut_None;
	*refname = NULL;
	return NULL;
}

/* Makes the disassembler (once per gobin). */
int gobin_dis_init(struct gobin *b)
{
	static bool inited;

	if (b->dis)
		return 0;
	if (!inited) {
		LLVMInitializeX86TargetInfo();
		LLVMInitializeX86TargetMC();
		LLVMInitializeX86Disassembler();
		inited = true;
	}
	struct dis *d = xcalloc(1, sizeof(*d));
	d->dc = LLVMCreateDisasm("x86_64-unknown-linux-gnu", d, 0, NULL,
				 sym_lookup);
	if (!d->dc) {
		free(d);
		return gobin_errf(b, -ENOSYS, "LLVM: no x86-64 disassembler "
				  "in this build");
	}
	LLVMSetDisasmOptions(d->dc, LLVMDisassembler_Option_AsmPrinterVariant |
					    LLVMDisassembler_Option_PrintImmHex);
	b->dis = d;
	return 0;
}

void gobin_dis_free(struct gobin *b)
{
	if (!b->dis)
		return;
	LLVMDisasmDispose(b->dis->dc);
	free(b->dis);
	b->dis = NULL;
}

/* Skips instruction prefixes that LLVM prints as separate words. */
static const char *skip_prefixes(const char *s)
{
	static const char *const prefixes[] = {
		"rep", "repe", "repz", "repne", "repnz", "lock", "bnd",
		"notrack", "data16", "data32", "addr32", "rex64",
	};

	for (;;) {
		while (*s && isspace((unsigned char)*s))
			s++;
		size_t n = 0;
		while (s[n] && !isspace((unsigned char)s[n]))
			n++;
		bool pre = false;
		for (size_t i = 0; i < ARRAY_SIZE(prefixes); i++)
			if (strlen(prefixes[i]) == n &&
			    memcmp(prefixes[i], s, n) == 0 && s[n])
				pre = true;
		if (!pre)
			return s;
		s += n;
	}
}

/* Decodes the instruction at vaddr. */
bool gobin_decode(struct gobin *b, uint64_t vaddr, struct insn *in)
{
	uint64_t avail;
	const uint8_t *p;

	if (gobin_dis_init(b) != 0)
		return false;
	p = gobin_vaddr_ptr(b, vaddr, &avail);
	if (!p || !avail)
		return false;
	memset(in, 0, sizeof(*in));
	in->addr = vaddr;
	b->dis->has_target = false;
	size_t n = LLVMDisasmInstruction(b->dis->dc, (uint8_t *)p,
					 MIN(avail, 15), vaddr, in->text,
					 sizeof(in->text));
	if (!n)
		return false;
	in->len = (unsigned)n;
	in->mnem_off = (uint8_t)(skip_prefixes(in->text) - in->text);
	in->has_target = b->dis->has_target;
	in->target = b->dis->target;
	if (!in->has_target && (insn_is_jcc(in) || insn_is_jmp(in) ||
				insn_is_call(in))) {
		/* LLVM prints a relative branch as its displacement. */
		const char *op = insn_mnem(in);
		while (*op && !isspace((unsigned char)*op))
			op++;
		while (*op && isspace((unsigned char)*op))
			op++;
		char *end;
		long long rel = strtoll(op, &end, 0);
		if (end != op && (*end == 0 || isspace((unsigned char)*end))) {
			in->has_target = true;
			in->target = vaddr + n + (uint64_t)rel;
		}
	}
	int64_t disp;
	char base[16];
	if (insn_mem(in, NULL, 0, base, sizeof(base), &disp) &&
	    strcmp(base, "rip") == 0) {
		in->has_pcload = true;
		in->pcload = vaddr + n + (uint64_t)disp;
	}
	return true;
}

/* Is the mnemonic of in exactly mnem? */
bool insn_is(const struct insn *in, const char *mnem)
{
	size_t n = strlen(mnem);
	const char *m = insn_mnem(in);

	return strncmp(m, mnem, n) == 0 &&
	       (m[n] == 0 || isspace((unsigned char)m[n]));
}

bool insn_is_ret(const struct insn *in)
{
	return insn_is(in, "ret") || insn_is(in, "retq");
}

bool insn_is_call(const struct insn *in)
{
	return insn_is(in, "call") || insn_is(in, "callq");
}

bool insn_is_jmp(const struct insn *in)
{
	return insn_is(in, "jmp") || insn_is(in, "jmpq");
}

/* A conditional jump: j<cc>, jcxz, jecxz, jrcxz. */
bool insn_is_jcc(const struct insn *in)
{
	return insn_mnem(in)[0] == 'j' && !insn_is_jmp(in);
}

/* Parses the memory operand of in ("qword ptr fs:[rcx + 0x10]"): its
 * segment (or ""), base register (or "") and displacement. */
bool insn_mem(const struct insn *in, char *seg, size_t segsz, char *base,
	      size_t basesz, int64_t *disp)
{
	const char *m = insn_mnem(in), *l = strchr(m, '['), *r;

	if (!l || !(r = strchr(l, ']')))
		return false;
	if (seg && segsz) {
		seg[0] = 0;
		if (l - m >= 3 && l[-1] == ':' && segsz > 2) {
			seg[0] = l[-3];
			seg[1] = l[-2];
			seg[2] = 0;
		}
	}
	if (basesz)
		base[0] = 0;
	*disp = 0;
	const char *p = l + 1;
	int sign = 1;
	bool first = true;
	while (p < r) {
		while (p < r && isspace((unsigned char)*p))
			p++;
		if (*p == '+' || *p == '-') {
			sign = *p == '-' ? -1 : 1;
			p++;
			continue;
		}
		const char *t = p;
		while (p < r && !isspace((unsigned char)*p))
			p++;
		size_t n = (size_t)(p - t);
		if (isdigit((unsigned char)*t)) {
			char num[32];
			if (n >= sizeof(num) || memchr(t, '*', n)) {
				first = false;
				continue;
			}
			memcpy(num, t, n);
			num[n] = 0;
			*disp += sign * (int64_t)strtoull(num, NULL, 0);
		} else if (first && !memchr(t, '*', n) && n < basesz) {
			memcpy(base, t, n);
			base[n] = 0;
		}
		first = false;
		sign = 1;
	}
	return true;
}

/* Is addr one of runtime.morestack / runtime.morestack_noctxt? */
static bool is_morestack(const struct gobin *b, uint64_t addr)
{
	const struct gofunc *f = gobin_func_at(b, addr);

	return f && f->addr == addr &&
	       strncmp(f->name, "runtime.morestack", 17) == 0;
}

/* Does the code at target reach a call of morestack before any other
 * control transfer? */
static bool leads_to_morestack(struct gobin *b, uint64_t target)
{
	struct insn in;
	uint64_t pc = target;

	for (int i = 0; i < MORESTACK_WINDOW; i++) {
		if (!gobin_decode(b, pc, &in))
			return false;
		if (insn_is_call(&in))
			return in.has_target && is_morestack(b, in.target);
		if (insn_is_jmp(&in) || insn_is_jcc(&in) || insn_is_ret(&in) ||
		    insn_is(&in, "int3") || insn_is(&in, "ud2"))
			return false;
		pc += in.len;
	}
	return false;
}

/* The entry probe site of f: after the stack-check prologue of a gc
 * function, else the entry. */
int gobin_entry_site(struct gobin *b, const struct gofunc *f, uint64_t *addr,
		     bool *skipped)
{
	struct insn in;
	uint64_t pc = f->addr, end = f->addr + (f->size ? f->size : 64);
	int err;

	*addr = f->addr;
	if (skipped)
		*skipped = false;
	if (b->compiler != GOC_GC)
		return 0;
	if ((err = gobin_dis_init(b)) != 0)
		return err;
	for (int i = 0; i < PROLOGUE_WINDOW && pc < end; i++) {
		if (!gobin_decode(b, pc, &in))
			break;
		if (insn_is_jcc(&in) && in.has_target &&
		    leads_to_morestack(b, in.target)) {
			*addr = pc + in.len;
			if (skipped)
				*skipped = true;
		}
		if (insn_is_call(&in) || insn_is_jmp(&in) || insn_is_ret(&in))
			break;
		pc += in.len;
	}
	return 0;
}

/* The first function that starts after addr, or 0. */
static uint64_t next_func_start(const struct gobin *b, uint64_t addr)
{
	size_t i = gobin_func_after(b, addr);

	return i < b->funcs.n ? b->funcs.v[i].addr : 0;
}

/* Every RET in [f->addr, f->addr + f->size), by a linear sweep. gc pads
 * between functions with INT3, which decodes as itself, so the sweep
 * stays in step up to the end of the padding. The size comes from the
 * file and may be corrupt: the sweep stops at the end of the mapped
 * bytes and at the next function. */
int gobin_ret_sites(struct gobin *b, const struct gofunc *f,
		    uint64_t **addrs, size_t *n)
{
	VEC(uint64_t) rets = {0};
	struct insn in;
	uint64_t avail;
	int err;

	*addrs = NULL;
	*n = 0;
	if (!f->size)
		return gobin_errf(b, -EINVAL, "%s: size unknown, cannot find "
				  "its RET instructions", f->name);
	if (!gobin_vaddr_ptr(b, f->addr, &avail))
		return gobin_errf(b, -ERANGE, "%s: address 0x%llx is not in "
				  "the file", f->name,
				  (unsigned long long)f->addr);
	if ((err = gobin_dis_init(b)) != 0)
		return err;
	uint64_t len = MIN(f->size, avail), next = next_func_start(b, f->addr);
	if (next > f->addr)
		len = MIN(len, next - f->addr);
	uint64_t end = f->addr + len;
	/* gccgo's split stacks: "call __morestack; ret" runs the body on a
	 * new stack segment, whose own RET returns into __morestack; the RET
	 * after the call is the same return a second time. */
	const struct gofunc *ms = gobin_compiler(b) == GOC_GCCGO ? gobin_find(b, "__morestack") : NULL;
	bool after_morestack = false;
	for (uint64_t pc = f->addr; pc < end;) {
		if (!gobin_decode(b, pc, &in)) {
			pc++;
			after_morestack = false;
			continue;
		}
		if (insn_is_ret(&in) && pc + in.len <= end && !after_morestack)
			vec_push(&rets, pc);
		after_morestack = ms && insn_is_call(&in) && in.has_target && in.target == ms->addr;
		pc += in.len;
	}
	*addrs = rets.v;
	*n = rets.n;
	return 0;
}

const char *gobin_unprobeable(struct gobin *b, uint64_t addr)
{
	uint64_t avail;
	const uint8_t *p = gobin_vaddr_ptr(b, addr, &avail);

	if (!p || !avail)
		return NULL; /* not ours to judge: attaching will say */
	switch (p[0]) {
	case 0xcc:
		return "its instruction there is int3, which uprobes cannot step over";
	case 0xcd:
		return "its instruction there is int N, which uprobes cannot step over";
	case 0xf1:
		return "its instruction there is int1, which uprobes cannot step over";
	case 0xf4:
		return "its instruction there is hlt, which uprobes cannot step over";
	case 0x0f:
		if (avail >= 2 && p[1] == 0x0b)
			return "its instruction there is ud2, which uprobes cannot step over";
		break;
	}
	return NULL;
}

/* Checks that f+off is where an instruction of f starts. */
int gobin_check_offset(struct gobin *b, const struct gofunc *f, uint64_t off)
{
	struct insn in;
	int err;

	if (f->size && off >= f->size)
		return gobin_errf(b, -ERANGE, "%s+%llu is past the end of the function (%llu bytes)",
				  f->name, (unsigned long long)off,
				  (unsigned long long)f->size);
	if (!off || !f->size)
		return 0;
	if ((err = gobin_dis_init(b)) != 0)
		return err;
	uint64_t pc = f->addr, prev = pc;
	while (pc < f->addr + off) {
		if (!gobin_decode(b, pc, &in))
			return gobin_errf(b, -EINVAL, "%s: cannot decode the instruction at +%llu",
					  f->name, (unsigned long long)(pc - f->addr));
		prev = pc;
		pc += in.len;
	}
	if (pc != f->addr + off)
		return gobin_errf(b, -EINVAL,
				  "%s+%llu is inside the instruction at +%llu (the next starts at +%llu)",
				  f->name, (unsigned long long)off,
				  (unsigned long long)(prev - f->addr),
				  (unsigned long long)(pc - f->addr));
	return 0;
}

/* For a gc binary whose version is unknown: register ABI code reads g
 * from R14 in its prologue, stack ABI code from fs:[-8]. */
enum go_abi gobin_guess_abi(struct gobin *b)
{
	static const char *const probes[] = {
		"runtime.main", "runtime.gcenable", "runtime.newproc",
		"main.main",
	};
	struct insn in;

	if (b->pcln.version >= 118)
		return GOABI_REG;
	for (size_t k = 0; k < ARRAY_SIZE(probes); k++) {
		const struct gofunc *f = gobin_find(b, probes[k]);
		if (!f)
			continue;
		uint64_t pc = f->addr;
		for (int i = 0; i < 4 && gobin_decode(b, pc, &in); i++) {
			if (strstr(insn_mnem(&in), "fs:"))
				return GOABI_STACK;
			if (strstr(insn_mnem(&in), "[r14"))
				return GOABI_REG;
			pc += in.len;
		}
	}
	return GOABI_REG;
}
