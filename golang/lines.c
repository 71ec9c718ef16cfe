/* lines.c - source positions from .gopclntab: the file and line of a pc,
 * and the functions the compiler inlined there, as Go's own tracebacks
 * and runtime.CallersFrames tell them (runtime/symtab.go).
 *
 * pclntab.c reads the function table; this file reads the rest of each
 * function's _func record: its pc-value tables (pcfile, pcln, and pcdata
 * 2, the inline tree index) and funcdata 3, the inline tree. Layouts
 * (amd64):
 *
 *   header words: nfunc, nfiles, [textStart (1.18+)], funcnameOffset,
 *     cuOffset, filetabOffset, pctabOffset, pclnOffset
 *   _func, Go 1.16-1.17: entry u64, nameOff, args, deferreturn, pcsp,
 *     pcfile, pcln, npcdata, cuOffset (u32 each, from 8), funcID u8 at
 *     40, nfuncdata u8 at 43; pcdata u32[npcdata] at 44; funcdata: 8-byte
 *     addresses, 8-aligned, after pcdata
 *   _func, Go 1.18-1.19: entryOff u32 then the same u32s (pcfile at 20,
 *     pcln at 24, npcdata at 28, cuOffset at 32), nfuncdata at 39,
 *     pcdata at 40; funcdata: u32 offsets from moduledata.gofunc (~0:
 *     none) after pcdata
 *   _func, Go 1.20+: as 1.18, then startLine i32 at 36; nfuncdata at 43,
 *     pcdata at 44
 *   a pc-value table: pairs of uvarints (value delta, zig-zag; pc delta),
 *     value starting at -1, ending with a zero value delta
 *   the file of fileno n: filetab + cutab[cuOffset + n] (cutab: u32s)
 *   inline tree entry, Go 1.16-1.19 (20 bytes): parent i16, funcID u8,
 *     pad, file i32, line i32, nameOff i32 at 12, parentPc i32 at 16;
 *   Go 1.20+ (16 bytes): funcID u8, pad[3], nameOff i32 at 4, parentPc
 *     i32 at 8, startLine i32 */
#include <errno.h>
#include <string.h>

#include "golang/internal.h"

#define PCDATA_INLTREE 2
#define FUNCDATA_INLTREE 3

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

/* The tables a lookup needs, from the header. */
struct tabs {
	const struct pcln *t;
	const uint8_t *cutab, *filetab, *pctab;
	uint64_t cutab_size, filetab_size, pctab_size;
};

static bool open_tabs(const struct gobin *b, struct tabs *x)
{
	const struct pcln *t = &b->pcln;
	if (!b->has_pcln)
		return false;
	unsigned w = t->version == 116 ? 3 : 4; /* cuOffset's word */
	if (t->size < 8 + 8 * (w + 3))
		return false;
	uint64_t cu = rd64(t->data + 8 + 8 * w), ft = rd64(t->data + 8 + 8 * (w + 1)),
		 pc = rd64(t->data + 8 + 8 * (w + 2));
	if (cu >= t->size || ft >= t->size || pc >= t->size)
		return false;
	x->t = t;
	x->cutab = t->data + cu;
	x->cutab_size = t->size - cu;
	x->filetab = t->data + ft;
	x->filetab_size = t->size - ft;
	x->pctab = t->data + pc;
	x->pctab_size = t->size - pc;
	return true;
}

/* The _func of the function holding pc, and its entry; NULL if none. */
static const uint8_t *find_func(const struct tabs *x, uint64_t pc, uint64_t *entry)
{
	const struct pcln *t = x->t;
	uint64_t fsz = t->version == 116 ? 8 : 4, lo = 0, hi = t->nfunc;
	if (!t->nfunc)
		return NULL;
	/* the entry of function i (i == nfunc: the end of the last one) */
#define ENTRY(i)                                                                    \
	(fsz == 8 ? rd64(t->functab + 16 * (i)) : t->text_start + rd32(t->functab + 8 * (i)))
	if (pc < ENTRY(0) || pc >= ENTRY(t->nfunc))
		return NULL;
	while (hi - lo > 1) {
		uint64_t mid = (lo + hi) / 2;
		if (ENTRY(mid) <= pc)
			lo = mid;
		else
			hi = mid;
	}
	*entry = ENTRY(lo);
#undef ENTRY
	uint64_t off = fsz == 8 ? rd64(t->functab + 16 * lo + 8) : rd32(t->functab + 8 * lo + 4);
	uint64_t hdr = t->version == 120 ? 44 : t->version == 118 ? 40 : 44;
	if (off > t->functab_size || hdr > t->functab_size - off)
		return NULL;
	return t->functab + off;
}

/* Offsets in _func of the u32 fields after the entry. */
static uint32_t func_u32(const struct tabs *x, const uint8_t *f, unsigned idx)
{
	/* idx: 0 nameOff, 1 args, 2 deferreturn, 3 pcsp, 4 pcfile, 5 pcln,
	 * 6 npcdata, 7 cuOffset */
	unsigned base = x->t->version == 116 ? 8 : 4;
	return rd32(f + base + 4 * idx);
}

static unsigned func_size(const struct tabs *x)
{
	return x->t->version == 118 ? 40 : 44;
}

static bool uvarint(const uint8_t *p, uint64_t n, uint64_t *i, uint32_t *v)
{
	uint32_t r = 0;
	for (unsigned shift = 0; shift < 35 && *i < n; shift += 7) {
		uint8_t c = p[(*i)++];
		r |= (uint32_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			*v = r;
			return true;
		}
	}
	return false;
}

/* The value of the pc-value table at `off` for pc in the function that
 * starts at entry; false when the table does not cover pc. */
static bool pcvalue(const struct tabs *x, uint32_t off, uint64_t entry, uint64_t pc, int32_t *val)
{
	if (!off || off >= x->pctab_size)
		return false;
	const uint8_t *p = x->pctab + off;
	uint64_t n = x->pctab_size - off, i = 0, at = entry;
	int32_t v = -1;
	for (bool first = true;; first = false) {
		uint32_t uv, pcd;
		if (!uvarint(p, n, &i, &uv))
			return false;
		if (uv == 0 && !first)
			return false;
		int32_t vd = (uv & 1) ? (int32_t) ~(uv >> 1) : (int32_t)(uv >> 1);
		if (!uvarint(p, n, &i, &pcd))
			return false;
		v += vd;
		at += pcd; /* pc quantum 1 on amd64 */
		if (pc < at) {
			*val = v;
			return true;
		}
	}
}

/* The file and line of pc in function f. */
static void file_line(const struct tabs *x, const uint8_t *f, uint64_t entry, uint64_t pc,
		      struct gosrc *s)
{
	int32_t fileno, line;
	s->file = NULL;
	s->line = 0;
	if (pcvalue(x, func_u32(x, f, 5), entry, pc, &line) && line > 0)
		s->line = line;
	if (!pcvalue(x, func_u32(x, f, 4), entry, pc, &fileno) || fileno < 0)
		return;
	uint64_t ci = (uint64_t)func_u32(x, f, 7) + (uint64_t)fileno;
	if (ci * 4 + 4 > x->cutab_size)
		return;
	uint32_t foff = rd32(x->cutab + ci * 4);
	if (foff >= x->filetab_size || !memchr(x->filetab + foff, 0, x->filetab_size - foff))
		return;
	s->file = (const char *)x->filetab + foff;
}

/* A name in the function name table, or NULL. */
static const char *func_name(const struct tabs *x, int32_t off)
{
	const struct pcln *t = x->t;
	if (off < 0 || (uint64_t)off >= t->funcnametab_size ||
	    !memchr(t->funcnametab + off, 0, t->funcnametab_size - (uint64_t)off))
		return NULL;
	return (const char *)t->funcnametab + off;
}

/* moduledata.gofunc (go:func.*), the base of 1.18+ funcdata offsets:
 * the symbol, else the moduledata word after types, etypes and rodata
 * (Go 1.27 put typedesclen after types). Found once per binary. */
static uint64_t gofunc_base(struct gobin *b)
{
	if (b->gofunc_state)
		return b->gofunc_state > 0 ? b->gofunc_addr : 0;
	uint64_t v = 0, md;
	b->gofunc_state = -1;
	if (gobin_symbol(b, "go:func.*", &v, NULL, NULL) ||
	    gobin_symbol(b, "go.func.*", &v, NULL, NULL)) {
		b->gofunc_addr = v;
		b->gofunc_state = 1;
		return v;
	}
	uint64_t types = b->release >= 120 || b->pcln.version == 120 ? 296 : 280;
	uint64_t gofunc = types + (b->release >= 127 ? 16 : 8) + 16;
	if (gobin_moduledata(b, &md) && gobin_read_word(b, md + gofunc, &v) && v) {
		b->gofunc_addr = v;
		b->gofunc_state = 1;
	}
	return b->gofunc_state > 0 ? v : 0;
}

/* The address of f's inline tree, 0 if it has none. */
static uint64_t inline_tree(struct gobin *b, const struct tabs *x, const uint8_t *f, uint64_t avail)
{
	unsigned npcdata = func_u32(x, f, 6), nfuncdata = f[func_size(x) - 1];
	if (nfuncdata <= FUNCDATA_INLTREE || npcdata > 64)
		return 0;
	uint64_t at = func_size(x) + 4 * (uint64_t)npcdata;
	if (x->t->version == 116) {
		/* 8-byte addresses, aligned in memory */
		uint64_t addr = x->t->addr + (uint64_t)(f - x->t->data) + at;
		at += ALIGN_UP(addr, 8) - addr;
		if (at + 8 * (FUNCDATA_INLTREE + 1) > avail)
			return 0;
		return rd64(f + at + 8 * FUNCDATA_INLTREE);
	}
	if (at + 4 * (FUNCDATA_INLTREE + 1) > avail)
		return 0;
	uint32_t off = rd32(f + at + 4 * FUNCDATA_INLTREE);
	uint64_t base = off == UINT32_MAX ? 0 : gofunc_base(b);
	return base ? base + off : 0;
}

int gobin_pc_frames(struct gobin *b, uint64_t pc, struct gosrc *frames, int max)
{
	struct tabs x;
	uint64_t entry;
	const uint8_t *f;
	if (max < 1 || !open_tabs(b, &x) || !(f = find_func(&x, pc, &entry)))
		return 0;
	const char *name = func_name(&x, (int32_t)func_u32(&x, f, 0));
	if (!name)
		return 0;
	uint64_t avail = x.t->functab_size - (uint64_t)(f - x.t->functab);
	unsigned npcdata = func_u32(&x, f, 6);
	uint32_t inl = 0;
	if (npcdata > PCDATA_INLTREE && func_size(&x) + 4 * (uint64_t)npcdata <= avail)
		inl = rd32(f + func_size(&x) + 4 * PCDATA_INLTREE);
	uint64_t tree = inl ? inline_tree(b, &x, f, avail) : 0;
	unsigned esz = x.t->version == 120 ? 16 : 20, name_at = x.t->version == 120 ? 4 : 12,
		 parent_at = x.t->version == 120 ? 8 : 16;
	int n = 0;
	int32_t ix;
	/* innermost first: each inlined call's frame has the position of pc,
	 * then pc moves to the call site in its caller (parentPc) */
	for (int guard = 0; tree && n < max - 1 && guard < 64 && pcvalue(&x, inl, entry, pc, &ix) &&
			    ix >= 0;
	     guard++) {
		uint64_t avail2;
		const uint8_t *e = gobin_vaddr_ptr(b, tree + (uint64_t)ix * esz, &avail2);
		if (!e || avail2 < esz)
			break;
		const char *iname = func_name(&x, (int32_t)rd32(e + name_at));
		if (!iname)
			break;
		frames[n].func = iname;
		file_line(&x, f, entry, pc, &frames[n]);
		n++;
		pc = entry + rd32(e + parent_at);
	}
	frames[n].func = name;
	file_line(&x, f, entry, pc, &frames[n]);
	return n + 1;
}
