/* pcvalue.c - a function's record in .gopclntab and the tables it leads
 * to: the function holding a pc, its pc-value tables (pcsp: how far SP
 * has moved; pcfile and pcln: the source position; pcdata, e.g. which
 * inlined call an instruction belongs to), its funcdata (the inline tree)
 * and the entries of an inline tree. Go's own traceback reads the same
 * tables (runtime/symtab.go), so they are in every gc binary, stripped or
 * not. pclntab.c reads the header and the function list; inline.c (inline
 * trees, SP deltas) and lines.c (files and lines) read through here.
 *
 * _func (runtime/runtime2.go), after which come npcdata uint32 offsets of
 * pc-value tables (relative to pcHeader.pctabOffset) and nfuncdata
 * funcdata references:
 *   Go 1.16-1.17: entry uintptr, nameOff, args, deferreturn, pcsp,
 *     pcfile, pcln, npcdata, cuOffset int32/uint32, funcID u8, 2 pad,
 *     nfuncdata u8 (44 bytes); funcdata are pointers, 8-aligned.
 *   Go 1.18-1.19: entryOff uint32 instead of entry (40 bytes); funcdata
 *     are uint32 offsets from moduledata.gofunc (^0: none).
 *   Go 1.20+: startLine int32 after cuOffset (44 bytes).
 *
 * A pc-value table is a stream of (value delta, pc delta) pairs of
 * uvarints from the function's entry, the value starting at -1 and each
 * delta zigzag-encoded; a zero value delta after the first pair ends it
 * (runtime/symtab.go, step). The value holds over [pc before, pc after);
 * the pc quantum is 1 on amd64.
 *
 * The inline tree is an array of inlinedCall:
 *   Go 1.16-1.19: parent int16, funcID u8, pad, file, line, func_
 *     (name offset), parentPc int32 (20 bytes).
 *   Go 1.20+: funcID u8, 3 pad, nameOff, parentPc, startLine int32 (16
 *     bytes); the parent is the entry at the pc parentPc.
 * parentPc is the offset from the entry of an instruction whose source
 * position is the call site in the parent. */
#include <errno.h>
#include <string.h>

#include "golang/internal.h"

/* --- functions by pc ------------------------------------------------------ */

const char *gobin_funcname(const struct gobin *b, uint32_t off)
{
	const struct pcln *t = &b->pcln;
	if (off >= t->funcnametab_size || !memchr(t->funcnametab + off, 0, t->funcnametab_size - off))
		return NULL;
	return (const char *)t->funcnametab + off;
}

bool gobin_pcfunc_at(const struct gobin *b, uint64_t i, struct pcfunc *pf)
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
	/* the u32 fields after entry: nameOff, args, deferreturn, pcsp,
	 * pcfile, pcln, npcdata, cuOffset */
	const uint8_t *u = pf->f + fsz;
	pf->nameoff = rd32(u);
	pf->pcsp = rd32(u + 12);
	pf->pcfile = rd32(u + 16);
	pf->pcln = rd32(u + 20);
	pf->npcdata = rd32(u + 24);
	pf->cuoff = rd32(u + 28);
	pf->nfuncdata = pf->f[pf->fixed - 1];
	pf->name = gobin_funcname(b, pf->nameoff);
	if (!pf->name)
		pf->name = "?";
	if (pf->npcdata > (pf->favail - pf->fixed) / 4)
		pf->npcdata = 0;
	return true;
}

bool gobin_pcfunc(const struct gobin *b, uint64_t pc, struct pcfunc *pf)
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
	if (lo == 0 || !gobin_pcfunc_at(b, lo - 1, pf))
		return false;
	return pc >= pf->entry && pc < pf->end;
}

/* --- pc-value tables ------------------------------------------------------ */

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

bool gobin_pcv_open(const struct gobin *b, const struct pcfunc *pf, uint32_t off, struct pcv *it)
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

bool gobin_pcv_next(struct pcv *it, uint64_t *lo, uint64_t *hi, int32_t *val)
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

int32_t gobin_pcvalue(const struct gobin *b, const struct pcfunc *pf, uint32_t off, uint64_t pc)
{
	struct pcv it;
	uint64_t lo, hi;
	int32_t v;

	if (!gobin_pcv_open(b, pf, off, &it))
		return -1;
	for (int guard = 0; guard < 1000000 && gobin_pcv_next(&it, &lo, &hi, &v); guard++)
		if (pc >= lo && pc < hi)
			return v;
	return -1;
}

uint32_t gobin_pcdata(const struct pcfunc *pf, uint32_t table)
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

/* --- funcdata and inline trees -------------------------------------------- */

/* moduledata.gofunc (Go 1.18+, go:func.*): the base of funcdata offsets.
 * The symbol, else the moduledata word after types, etypes and rodata: at
 * 304 in 1.18-1.19, 320 from 1.20 (covctrs came before), 344 from 1.27
 * (typedesclen, itaboffset, itabsize). Found once per binary. */
static bool gofunc_base(struct gobin *b, uint64_t *base)
{
	struct pcln *t = &b->pcln;
	uint64_t md, v;

	if (!t->gofunc_state) {
		t->gofunc_state = -1;
		if (gobin_symbol(b, "go:func.*", &v, NULL, NULL) ||
		    gobin_symbol(b, "go.func.*", &v, NULL, NULL)) {
			t->gofunc = v;
		} else if (gobin_moduledata(b, &md)) {
			uint64_t off = t->version == 118 ? 304 : b->release >= 127 ? 344 : 320;
			if (gobin_read_word(b, md + off, &v) && gobin_vaddr_ptr(b, v, NULL))
				t->gofunc = v;
		}
		if (t->gofunc)
			t->gofunc_state = 1;
	}
	*base = t->gofunc;
	return t->gofunc_state > 0;
}

bool gobin_funcdata(struct gobin *b, const struct pcfunc *pf, uint32_t idx, uint64_t *addr)
{
	uint64_t base, at = pf->fixed + 4 * (uint64_t)pf->npcdata;

	if (idx >= pf->nfuncdata)
		return false;
	if (b->pcln.version == 116) {
		/* 8-byte addresses, aligned in memory */
		if ((pf->fvaddr + at) & 4)
			at += 4;
		return at + 8 * ((uint64_t)idx + 1) <= pf->favail &&
		       gobin_read_word(b, pf->fvaddr + at + 8 * idx, addr) && *addr;
	}
	if (at + 4 * ((uint64_t)idx + 1) > pf->favail)
		return false;
	uint32_t off = rd32(pf->f + at + 4 * idx);
	if (off == UINT32_MAX || !gofunc_base(b, &base))
		return false;
	*addr = base + off;
	return true;
}

bool gobin_inlcall(const struct gobin *b, uint64_t tree, uint32_t k, struct inlcall *c)
{
	uint64_t esize = b->pcln.version == 120 ? 16 : 20, avail;
	const uint8_t *e = gobin_vaddr_ptr(b, tree + k * esize, &avail);

	if (!e || avail < esize)
		return false;
	if (esize == 20) {
		int16_t parent;
		memcpy(&parent, e, 2);
		c->parent = parent;
		c->nameoff = rd32(e + 12);
		c->parentpc = rd32(e + 16);
	} else {
		c->parent = INLCALL_PARENT_BY_PC;
		c->nameoff = rd32(e + 4);
		c->parentpc = rd32(e + 8);
	}
	return true;
}
