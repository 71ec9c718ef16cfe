/* pclntab.c - Go's function table, which every gc binary keeps (stripped
 * or not) because the runtime needs it for tracebacks and stack growth.
 *
 * Layout (see docs/go-binaries.md; facts from Go's debug/gosym/pclntab.go,
 * runtime/symtab.go and cmd/link/internal/ld/pcln.go):
 *
 *   magic uint32, 0, 0, quantum uint8 (1 on x86), ptrsize uint8 (8)
 *   Go 1.16-1.17 (0xfffffffa): nfunc, nfiles, funcnameOff, cuOff,
 *     filetabOff, pctabOff, pclnOff (8-byte words from offset 8)
 *   Go 1.18-1.19 (0xfffffff0) and 1.20+ (0xfffffff1): nfunc, nfiles,
 *     textStart, funcnameOff, cuOff, filetabOff, pctabOff, pclnOff
 *
 * At pclnOff is the function table: nfunc pairs (entry, funcoff) and one
 * final entry, the end of the last function. In 1.16-1.17 the fields are
 * 8-byte and entry is an address; from 1.18 they are 4-byte and entry is
 * an offset from textStart (the runtime.text symbol, which is not where
 * .text starts when a C linker put crt code first: cgo and
 * -linkmode=external). funcoff is relative to pclnOff and leads to a
 * _func whose first fields are entry (8 bytes in 1.16-1.17, a 4-byte
 * offset later), nameOff int32 (into the function name table; names end
 * with NUL) and args int32 (the argument frame size). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "golang/internal.h"

#define MAGIC_116 0xfffffffau
#define MAGIC_118 0xfffffff0u
#define MAGIC_120 0xfffffff1u
#define MAGIC_12 0xfffffffbu

/* True when p (n bytes left) starts like a pclntab header we know. */
static bool looks_like_header(const uint8_t *p, uint64_t n)
{
	if (n < 72)
		return false;
	uint32_t m = rd32(p);
	return (m == MAGIC_116 || m == MAGIC_118 || m == MAGIC_120) &&
	       p[4] == 0 && p[5] == 0 && p[6] == 1 && p[7] == 8;
}

/* Parses the header at t->data; fills the table pointers. */
static int parse_header(struct gobin *b, struct pcln *t)
{
	const uint8_t *p = t->data;
	uint64_t n = t->size, words, w[8];

	if (n < 8)
		return gobin_errf(b, -EINVAL, "%s: truncated .gopclntab: "
				  "%llu bytes", b->path, (unsigned long long)n);
	t->magic = rd32(p);
	switch (t->magic) {
	case MAGIC_116:
		t->version = 116;
		words = 7;
		break;
	case MAGIC_118:
		t->version = 118;
		words = 8;
		break;
	case MAGIC_120:
		t->version = 120;
		words = 8;
		break;
	case MAGIC_12:
		return gobin_errf(b, -ENOTSUP, "%s: .gopclntab magic 0x%08x "
				  "is the Go 1.2-1.15 format; gotrace reads Go "
				  "1.16 and later", b->path, t->magic);
	default:
		return gobin_errf(b, -ENOTSUP, "%s: unknown .gopclntab format: "
				  "magic 0x%08x (a Go release newer than "
				  "gotrace knows?)", b->path, t->magic);
	}
	if (p[4] || p[5] || p[6] != 1 || p[7] != 8)
		return gobin_errf(b, -EINVAL, "%s: corrupt .gopclntab header: "
				  "quantum %u, pointer size %u", b->path, p[6],
				  p[7]);
	if (n < 8 + words * 8)
		return gobin_errf(b, -EINVAL, "%s: truncated .gopclntab: "
				  "%llu bytes, less than its header", b->path,
				  (unsigned long long)n);
	for (unsigned i = 0; i < words; i++)
		w[i] = rd64(p + 8 + 8 * i);
	t->nfunc = w[0];
	/* 1.18+ has textStart as its third word */
	unsigned x = t->version == 116 ? 0 : 1;
	uint64_t nameoff = w[2 + x], cuoff = w[3 + x], fileoff = w[4 + x],
		 pctaboff = w[5 + x], pclnoff = w[6 + x];
	t->text_start = x ? w[2] : 0;
	if (pctaboff < n) {
		t->pctab = p + pctaboff;
		t->pctab_size = n - pctaboff;
	}
	if (cuoff < n && fileoff < n) {
		t->cutab = p + cuoff;
		t->cutab_size = n - cuoff;
		t->filetab = p + fileoff;
		t->filetab_size = n - fileoff;
	}
	if (nameoff >= n || pclnoff >= n)
		return gobin_errf(b, -EINVAL, "%s: corrupt .gopclntab: table "
				  "offsets 0x%llx, 0x%llx past its %llu bytes",
				  b->path, (unsigned long long)nameoff,
				  (unsigned long long)pclnoff,
				  (unsigned long long)n);
	uint64_t fsz = t->version == 116 ? 8 : 4;
	if (t->nfunc > (n - pclnoff) / (2 * fsz) ||
	    (2 * t->nfunc + 1) * fsz > n - pclnoff)
		return gobin_errf(b, -EINVAL, "%s: corrupt .gopclntab: %llu "
				  "functions do not fit in it", b->path,
				  (unsigned long long)t->nfunc);
	t->funcnametab = p + nameoff;
	t->funcnametab_size = n - nameoff;
	t->functab = p + pclnoff;
	t->functab_size = n - pclnoff;
	return 0;
}

/* The word at vaddr, from the file or, in PIE files whose linker left it
 * zero, from its R_X86_64_RELATIVE relocation. */
static bool read_word(const struct gobin *b, uint64_t vaddr, uint64_t *v)
{
	uint64_t avail;
	int64_t addend;
	const uint8_t *p = gobin_vaddr_ptr(b, vaddr, &avail);

	if (!p || avail < 8)
		return false;
	*v = rd64(p);
	if (!*v && gobin_dyn_reloc(b, vaddr, 8, &addend))
		*v = (uint64_t)addend;
	return true;
}

/* runtime.firstmoduledata starts with pcHeader *pcHeader (the table's
 * address) and funcnametab []byte: a word pair found by scanning the
 * writable sections. */
bool gobin_moduledata(const struct gobin *b, uint64_t *md)
{
	struct pcln *t = (struct pcln *)&b->pcln; /* md is a cache */
	if (!b->has_pcln || !t->addr)
		return false;
	if (t->md_state) {
		*md = t->md;
		return t->md_state > 0;
	}
	t->md_state = -1;
	uint64_t nameaddr = t->addr + (uint64_t)(t->funcnametab - t->data);
	for (size_t i = 0; i < b->secs.n; i++) {
		const struct gsec *s = &b->secs.v[i];
		if (s->type != SHT_PROGBITS || !(s->flags & SHF_WRITE))
			continue;
		for (uint64_t o = (8 - (s->addr & 7)) & 7; o + 320 <= s->size; o += 8) {
			uint64_t w, n;
			if (!read_word(b, s->addr + o, &w) || w != t->addr ||
			    !read_word(b, s->addr + o + 8, &n) || n != nameaddr)
				continue;
			*md = t->md = s->addr + o;
			t->md_state = 1;
			return true;
		}
	}
	return false;
}

/* moduledata.text is at offset 176 (after six slices, findfunctab, minpc
 * and maxpc) in every release since 1.16. Go 1.26 stopped writing
 * textStart in the header, so a stripped cgo binary of 1.26+ learns
 * runtime.text only from here. */
static bool moduledata_text(struct gobin *b, struct pcln *t, uint64_t *text)
{
	uint64_t md;
	bool had = b->has_pcln;
	struct pcln saved = b->pcln;
	b->pcln = *t;
	b->has_pcln = true;
	bool found = gobin_moduledata(b, &md);
	b->pcln = saved;
	b->has_pcln = had;
	return found && read_word(b, md + 176, text) && *text;
}

/* A word of the file at vaddr (relocated for PIE). */
bool gobin_read_word(const struct gobin *b, uint64_t vaddr, uint64_t *v)
{
	return read_word(b, vaddr, v);
}

/* Finds runtime.text for 1.18+ tables: the header's word, or in PIE files
 * whose linker left it zero, the addend of its relocation, or the symbol,
 * or moduledata.text (Go 1.26+ leaves the header's word zero). */
static void fix_text_start(struct gobin *b, struct pcln *t)
{
	int64_t addend;
	uint64_t v;

	if (t->version == 116 || t->text_start)
		return;
	if (t->addr && gobin_dyn_reloc(b, t->addr + 24, 8 /* RELATIVE */,
				       &addend)) {
		t->text_start = (uint64_t)addend;
		return;
	}
	if (gobin_symbol(b, "runtime.text", &v, NULL, NULL)) {
		t->text_start = v;
		return;
	}
	if (moduledata_text(b, t, &v)) {
		t->text_start = v;
		return;
	}
	const struct gsec *s = gobin_section(b, ".text");
	if (s)
		t->text_start = s->addr;
}

/* Finds the table: by section name, else by its magic in a read-only
 * section (for files whose section names are gone). */
int gobin_pclntab_open(struct gobin *b)
{
	struct pcln t = {0};
	const struct gsec *s = gobin_section(b, ".gopclntab");

	if (b->has_pcln)
		return 0;
	if (!s)
		s = gobin_section(b, ".data.rel.ro.gopclntab");
	if (s && s->type != SHT_NOBITS) {
		t.data = gobin_sec_data(b, s);
		t.size = s->size;
		t.addr = s->addr;
	} else {
		for (size_t i = 0; i < b->secs.n && !t.data; i++) {
			const struct gsec *c = &b->secs.v[i];
			if (c->type != SHT_PROGBITS || !(c->flags & SHF_ALLOC) ||
			    (c->flags & SHF_EXECINSTR))
				continue;
			const uint8_t *p = gobin_sec_data(b, c);
			for (uint64_t o = 0; o + 72 <= c->size; o += 4) {
				if (p[o] < 0xf0 || !looks_like_header(p + o,
								      c->size - o))
					continue;
				t.data = p + o;
				t.size = c->size - o;
				t.addr = c->addr + o;
				break;
			}
		}
		if (!t.data)
			return 0;
	}
	int err = parse_header(b, &t);
	if (err)
		return err;
	fix_text_start(b, &t);
	b->pcln = t;
	b->has_pcln = true;
	return 0;
}

/* Reads every function of the table: into b->funcs when keep (no
 * .symtab), else into b->pcfuncs for their argument sizes. */
int gobin_pclntab_funcs(struct gobin *b, bool keep)
{
	const struct pcln *t = &b->pcln;
	uint64_t fsz, prev = 0;
	int err = 0;

	/* Where funcID is in _func: after entry and eight int32 fields, and
	 * from 1.20 after startLine too. */
	uint64_t idoff = t->version == 116 ? 40 : t->version == 118 ? 36 : 40;
	struct strmap seen = {0};
	VEC(uint8_t) ids = {0}; /* funcID of b->funcs.v[base + i] */
	size_t base = b->funcs.n;

	if (!b->has_pcln)
		return 0;
	fsz = t->version == 116 ? 8 : 4;
	if (keep)
		strmap_reserve(&seen, t->nfunc);
	for (uint64_t i = 0; i < t->nfunc; i++) {
		const uint8_t *e = t->functab + 2 * i * fsz;
		uint64_t entry, next, funcoff;

		if (fsz == 8) {
			entry = rd64(e);
			funcoff = rd64(e + 8);
			next = rd64(e + 16);
		} else {
			entry = t->text_start + rd32(e);
			funcoff = rd32(e + 4);
			next = t->text_start + rd32(e + 8);
		}
		if (entry < prev || next < entry) {
			strmap_free(&seen);
			vec_free(&ids);
			return gobin_errf(b, -EINVAL, "%s: corrupt .gopclntab: "
					  "function %llu's address 0x%llx is "
					  "out of order", b->path,
					  (unsigned long long)i,
					  (unsigned long long)entry);
		}
		prev = entry;
		/* _func: entry, nameOff int32, args int32, ..., funcID. */
		uint64_t hdr = idoff + 1;
		if (funcoff > t->functab_size ||
		    hdr > t->functab_size - funcoff) {
			err = gobin_errf(b, -EINVAL, "%s: corrupt .gopclntab: "
					 "function %llu's data offset 0x%llx "
					 "is out of bounds", b->path,
					 (unsigned long long)i,
					 (unsigned long long)funcoff);
			break;
		}
		const uint8_t *f = t->functab + funcoff;
		int32_t nameoff = (int32_t)rd32(f + fsz);
		int32_t args = (int32_t)rd32(f + fsz + 4);
		if (nameoff < 0 || (uint64_t)nameoff >= t->funcnametab_size) {
			err = gobin_errf(b, -EINVAL, "%s: corrupt .gopclntab: "
					 "function %llu's name offset 0x%x is "
					 "out of bounds", b->path,
					 (unsigned long long)i, nameoff);
			break;
		}
		const char *name = (const char *)t->funcnametab + nameoff;
		if (!memchr(name, 0, t->funcnametab_size - (uint64_t)nameoff)) {
			err = gobin_errf(b, -EINVAL, "%s: corrupt .gopclntab: "
					 "function %llu's name is not "
					 "terminated", b->path,
					 (unsigned long long)i);
			break;
		}
		if (!*name || gobin_skip_name(name))
			continue;
		struct gofunc g = {
			.name = name,
			.addr = entry,
			.size = next - entry,
			.args = args > 0 ? (uint32_t)args : 0,
		};
		if (!keep) {
			vec_push(&b->pcfuncs, g);
			continue;
		}
		/* An ABI wrapper has the name of the function it wraps and
		 * funcID "wrapper"; the implementation has a smaller funcID
		 * (normal is 0). Keep the implementation. */
		uint8_t id = f[idoff];
		uint32_t k;
		if (strmap_get(&seen, name, &k)) {
			if (id < ids.v[k - base]) {
				b->funcs.v[k] = g;
				ids.v[k - base] = id;
			}
			continue;
		}
		strmap_put(&seen, name, (uint32_t)b->funcs.n);
		vec_push(&b->funcs, g);
		vec_push(&ids, id);
	}
	strmap_free(&seen);
	vec_free(&ids);
	return err;
}
