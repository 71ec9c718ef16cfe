/* goid.c - where the goroutine id lives: the offset of goid in runtime.g,
 * and the offset of the g pointer from the thread pointer (FS base).
 *
 * The goid offset comes from DWARF when the binary has it; else from a
 * table by Go release, computed by hand from each release's
 * src/runtime/runtime2.go (see docs/go-binaries.md for the arithmetic and
 * the binaries each entry was checked on); for a release newer than the
 * table it is measured from the machine code of runtime.goroutineheader,
 * whose first print is gp.goid. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golang/internal.h"

/* offsetof(runtime.g, goid) on amd64, by release. The fields before goid:
 * stack{lo,hi} 16, stackguard0 8, stackguard1 8, _panic 8, _defer 8,
 * m 8, sched gobuf, syscallsp 8, syscallpc 8, [syscallbp 8,] stktopsp 8,
 * param 8, atomicstatus 4, stackLock 4.
 *   1.16-1.22: gobuf{sp,pc,g,ctxt,ret,lr,bp} = 56           -> 152
 *   1.23-1.24: + syscallbp                                  -> 160
 *   1.25-1.27: gobuf loses ret (48), syscallbp stays        -> 152 */
static const struct {
	int from, to;
	int64_t off;
} goid_table[] = {
	{116, 122, 152},
	{123, 124, 160},
	{125, 127, 152},
};

/* The table's entry for a release, or -1. */
int64_t gobin_goid_table(int release)
{
	for (size_t i = 0; i < ARRAY_SIZE(goid_table); i++)
		if (release >= goid_table[i].from &&
		    release <= goid_table[i].to)
			return goid_table[i].off;
	return -1;
}

/* Splits "mov dst, src" into its operands; false for other forms. */
static bool mov_operands(const struct insn *in, char *dst, char *src,
			 size_t sz)
{
	const char *p = insn_mnem(in) + 3, *comma;

	if (!insn_is(in, "mov"))
		return false;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!(comma = strchr(p, ',')) || (size_t)(comma - p) >= sz)
		return false;
	memcpy(dst, p, (size_t)(comma - p));
	dst[comma - p] = 0;
	p = comma + 1;
	while (*p == ' ')
		p++;
	if (strlen(p) >= sz)
		return false;
	strcpy(src, p);
	return true;
}

/* Parses an operand: a register (*base set, false returned) or a memory
 * operand [base + disp] (true). */
static bool operand_mem(const char *op, char *base, size_t basesz,
			int64_t *disp)
{
	struct insn tmp;

	snprintf(tmp.text, sizeof(tmp.text), "x %s", op);
	tmp.mnem_off = 0;
	if (strchr(op, '['))
		return insn_mem(&tmp, NULL, 0, base, basesz, disp);
	snprintf(base, basesz, "%s", op);
	*disp = 0;
	return false;
}

/* Follows the first argument of the call at insns[c] back to the field
 * load that produced it, through register moves and stack spills. */
static bool trace_arg(const struct insn *insns, size_t c, bool stack_abi,
		      int64_t *off)
{
	char want_reg[32] = "rax";
	int64_t want_slot = 0;
	bool in_slot = stack_abi; /* stack ABI: the argument is at [rsp] */

	for (size_t i = c; i-- > 0;) {
		char dst[96], src[96], base[32];
		int64_t disp;

		if (!mov_operands(&insns[i], dst, src, sizeof(dst)))
			continue;
		bool dmem = operand_mem(dst, base, sizeof(base), &disp);
		if (in_slot) {
			if (!dmem || strcmp(base, "rsp") != 0 ||
			    disp != want_slot)
				continue;
			if (operand_mem(src, base, sizeof(base), &disp))
				return false;
			snprintf(want_reg, sizeof(want_reg), "%s", base);
			in_slot = false;
			continue;
		}
		if (dmem || strcmp(base, want_reg) != 0)
			continue;
		if (!operand_mem(src, base, sizeof(base), &disp)) {
			if (!base[0] || isdigit((unsigned char)base[0]))
				return false; /* an immediate */
			snprintf(want_reg, sizeof(want_reg), "%s", base);
			continue;
		}
		if (strcmp(base, "rsp") == 0) {
			want_slot = disp;
			in_slot = true;
			continue;
		}
		if (!base[0] || strcmp(base, "rbp") == 0 ||
		    strcmp(base, "rip") == 0 || disp <= 0)
			return false;
		*off = disp;
		return true;
	}
	return false;
}

/* Measures the goid offset from runtime.goroutineheader: the field load
 * feeding its first call of runtime.printint (goid int64, up to Go 1.19)
 * or runtime.printuint (uint64, Go 1.20 on). */
int gobin_goid_offset_code(struct gobin *b, int64_t *off)
{
	const struct gofunc *f = gobin_find(b, "runtime.goroutineheader");
	VEC(struct insn) insns = {0};
	int err = -ENOENT;
	struct insn in;

	if (!f || !f->size)
		return gobin_errf(b, -ENOENT, "%s: no runtime.goroutineheader "
				  "to measure the goid offset from", b->path);
	if ((err = gobin_dis_init(b)) != 0)
		return err;
	err = -ENOENT;
	for (uint64_t pc = f->addr; pc < f->addr + f->size;) {
		if (!gobin_decode(b, pc, &in))
			break;
		vec_push(&insns, in);
		pc += in.len;
		if (!insn_is_call(&in) || !in.has_target)
			continue;
		const struct gofunc *t = gobin_func_at(b, in.target);
		if (!t || (strcmp(t->name, "runtime.printint") != 0 &&
			   strcmp(t->name, "runtime.printuint") != 0))
			continue;
		if (trace_arg(insns.v, insns.n - 1, b->abi == GOABI_STACK,
			      off))
			err = 0;
		break;
	}
	vec_free(&insns);
	if (err)
		return gobin_errf(b, err, "%s: runtime.goroutineheader: no load "
				  "of goid before its first print", b->path);
	return 0;
}

/* The offset of goid in runtime.g. */
int gobin_goid_offset(struct gobin *b, int64_t *off, const char **source)
{
	if (b->compiler != GOC_GC)
		return gobin_errf(b, -ENOTSUP, "%s: not built by the gc Go "
				  "toolchain; goid needs gc's runtime.g",
				  b->path);
	const struct gotype *g = gobin_type(b, "runtime.g");
	if (g && g->kind == GT_STRUCT) {
		for (size_t i = 0; i < g->nfields; i++)
			if (strcmp(g->fields[i].name, "goid") == 0) {
				*off = (int64_t)g->fields[i].offset;
				*source = "dwarf";
				return 0;
			}
	}
	int64_t t = gobin_goid_table(b->release);
	if (t >= 0) {
		*off = t;
		*source = "table";
		return 0;
	}
	if (gobin_goid_offset_code(b, off) == 0) {
		*source = "code";
		return 0;
	}
	if (!b->release)
		return gobin_errf(b, -ENOENT, "%s: unknown Go release and no "
				  "DWARF: cannot tell where goid is", b->path);
	int first = goid_table[0].from,
	    last = goid_table[ARRAY_SIZE(goid_table) - 1].to;
	if (b->release < first)
		return gobin_errf(b, -ENOENT, "%s: %s is older than Go 1.%d, "
				  "the oldest release gotrace knows, and has "
				  "no DWARF: cannot tell where goid is",
				  b->path, b->version, first - 100);
	return gobin_errf(b, -ENOENT, "%s: %s is newer than gotrace's goid "
			  "table (Go 1.%d to 1.%d) and has no DWARF; build it "
			  "without -w", b->path, b->version, first - 100,
			  last - 100);
}

/* Finds a load of g through FS in the runtime's code: "mov reg,
 * fs:[disp]", or "mov reg, [rip+got]; mov reg, fs:[reg]" in PIE code. */
static int tls_from_code(struct gobin *b, int64_t *off)
{
	struct insn in, prev = {0};
	size_t scanned = 0;

	for (size_t i = 0; i < b->funcs.n && scanned < 4000; i++) {
		const struct gofunc *f = &b->funcs.v[i];
		if (strncmp(f->name, "runtime.", 8) != 0 || !f->size)
			continue;
		uint64_t pc = f->addr;
		for (int k = 0; k < 48 && pc < f->addr + f->size; k++) {
			char seg[4], base[16];
			int64_t disp;
			if (!gobin_decode(b, pc, &in))
				break;
			scanned++;
			pc += in.len;
			if (!insn_is(&in, "mov") ||
			    !insn_mem(&in, seg, sizeof(seg), base,
				      sizeof(base), &disp) ||
			    strcmp(seg, "fs") != 0) {
				prev = in;
				continue;
			}
			if (!base[0]) {
				*off = disp;
				return 0;
			}
			/* Local-exec relaxed: "mov reg, imm; mov reg,
			 * fs:[reg]"; initial-exec: the offset is in the
			 * GOT. */
			int64_t addend;
			uint64_t avail, v;
			const uint8_t *p;
			char dst[32], *end;
			const char *op = insn_mnem(&prev) + 3;
			if (insn_is(&prev, "mov") &&
			    sscanf(op, " %31[a-z0-9],", dst) == 1 &&
			    strcmp(dst, base) == 0 && (op = strchr(op, ','))) {
				long long imm = (long long)strtoull(op + 1, &end,
								    0);
				if (end != op + 1 && *end == 0) {
					*off = imm;
					return 0;
				}
			}
			if (!prev.has_pcload)
				continue;
			if (gobin_dyn_reloc(b, prev.pcload, 18 /* TPOFF64 */,
					    &addend)) {
				*off = addend;
				return 0;
			}
			if ((p = gobin_vaddr_ptr(b, prev.pcload, &avail)) &&
			    avail >= 8) {
				memcpy(&v, p, 8);
				*off = (int64_t)v;
				return 0;
			}
		}
	}
	return -ENOENT;
}

/* The offset of the g pointer from the FS base. */
int gobin_tls_g_offset(struct gobin *b, int64_t *off)
{
	uint64_t value;
	int type;

	if (b->compiler != GOC_GC)
		return gobin_errf(b, -ENOTSUP, "%s: not built by the gc Go "
				  "toolchain; it keeps no g in TLS", b->path);
	if (!b->has_tls) {
		/* Internally linked without a TLS segment: Go uses -8. */
		*off = -8;
		return 0;
	}
	if (gobin_symbol(b, "runtime.tlsg", &value, NULL, &type) &&
	    type == STT_TLS) {
		/* x86-64 variant II: the executable's TLS block ends at the
		 * thread pointer. */
		*off = (int64_t)value -
		       (int64_t)ALIGN_UP(b->tls_memsz, b->tls_align);
		return 0;
	}
	if (tls_from_code(b, off) == 0)
		return 0;
	if (b->tls_memsz <= 8) {
		/* Only runtime.tlsg is in the TLS segment. */
		*off = -(int64_t)ALIGN_UP(b->tls_memsz, b->tls_align);
		return 0;
	}
	return gobin_errf(b, -ENOENT, "%s: cannot tell where the g pointer "
			  "is in thread-local storage", b->path);
}
