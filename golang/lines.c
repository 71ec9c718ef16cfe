/* lines.c - source positions from .gopclntab: the file and line of a pc,
 * and the functions the compiler inlined there, as Go's own tracebacks
 * and runtime.CallersFrames tell them (runtime/symtab.go).
 *
 * pcvalue.c finds the function and walks its tables; this file adds what
 * a source position needs: the pcln table gives the line, the pcfile
 * table a file number n, and the file is the name at filetab +
 * cutab[cuOffset + n] (cutab: u32s, cuOffset from the function's _func).
 * At an inlined call, pcdata 2 (the inline tree index) names the entry of
 * the inline tree (funcdata 3) the pc belongs to: a frame with the entry's
 * name and the position of pc; then pc moves to the call site in the
 * caller (parentPc), until the index is -1, the function itself. */
#include "golang/internal.h"

/* The file and line of pc in function pf. */
static void file_line(const struct gobin *b, const struct pcfunc *pf, uint64_t pc,
		      struct gosrc *s)
{
	const struct pcln *t = &b->pcln;
	int32_t line = gobin_pcvalue(b, pf, pf->pcln, pc), fileno;

	s->file = NULL;
	s->line = line > 0 ? line : 0;
	if ((fileno = gobin_pcvalue(b, pf, pf->pcfile, pc)) < 0)
		return;
	uint64_t ci = (uint64_t)pf->cuoff + (uint64_t)fileno;
	if (ci * 4 + 4 > t->cutab_size)
		return;
	uint32_t foff = rd32(t->cutab + ci * 4);
	if (foff >= t->filetab_size || !memchr(t->filetab + foff, 0, t->filetab_size - foff))
		return;
	s->file = (const char *)t->filetab + foff;
}

int gobin_pc_frames(struct gobin *b, uint64_t pc, struct gosrc *frames, int max)
{
	struct pcfunc pf;
	struct inlcall c;
	uint64_t tree = 0;
	uint32_t inl;
	int32_t ix;
	int n = 0;

	if (max < 1 || !gobin_pcfunc(b, pc, &pf) || !gobin_funcname(b, pf.nameoff))
		return 0;
	if ((inl = gobin_pcdata(&pf, PCDATA_INLTREE)))
		gobin_funcdata(b, &pf, FUNCDATA_INLTREE, &tree);
	/* innermost first: each inlined call's frame has the position of pc,
	 * then pc moves to the call site in its caller (parentPc) */
	for (int guard = 0; tree && n < max - 1 && guard < 64 &&
			    (ix = gobin_pcvalue(b, &pf, inl, pc)) >= 0;
	     guard++) {
		const char *name;
		if (!gobin_inlcall(b, tree, (uint32_t)ix, &c) || !(name = gobin_funcname(b, c.nameoff)))
			break;
		frames[n].func = name;
		file_line(b, &pf, pc, &frames[n]);
		n++;
		pc = pf.entry + c.parentpc;
	}
	frames[n].func = pf.name;
	file_line(b, &pf, pc, &frames[n]);
	return n + 1;
}
