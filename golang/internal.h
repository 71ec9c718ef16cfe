/* internal.h - the insides of struct gobin, shared by the files of golang/.
 *
 * One file per concern: elf.c opens the file and reads sections, segments
 * and symbols; buildinfo.c tells the compiler, Go release and ABI;
 * pclntab.c reads Go's function table; pcvalue.c a function's record in
 * it and the tables it leads to (pc-value tables, funcdata, inline tree
 * entries), on which inline.c (inlined copies) and lines.c (source lines)
 * build; funcs.c merges the function lists
 * and answers lookups; disasm.c finds prologues, RETs and TLS accesses
 * with LLVM's disassembler; goid.c knows where the goroutine id and the g
 * pointer live; dwarf.c reads parameters, types and inlined copies;
 * resolve.c turns a probe's binary name into a path. */
#ifndef GOTRACE_GOLANG_INTERNAL_H
#define GOTRACE_GOLANG_INTERNAL_H

#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <string.h>

#include "golang/gobin.h"
#include "util/util.h"

/* Little-endian words of the file (amd64), at any alignment. */
static inline uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static inline uint64_t rd64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

/* --- hash maps (hashmap.c) ---------------------------------------------- */

/* String -> index. Keys are borrowed, not copied. */
struct strslot {
	uint64_t hash;
	const char *key;
	uint32_t val;
};
struct strmap {
	struct strslot *slots;
	size_t cap, n; /* cap is 0 or a power of two */
};
/* Inserts key unless present; returns false when it was already there. */
bool strmap_put(struct strmap *m, const char *key, uint32_t val);
bool strmap_get(const struct strmap *m, const char *key, uint32_t *val);
void strmap_reserve(struct strmap *m, size_t n);
void strmap_free(struct strmap *m);

/* uint64 -> pointer (DWARF DIE offsets to decoded types). */
struct u64map {
	uint64_t *keys;
	void **vals;
	size_t cap, n;
};
void u64map_put(struct u64map *m, uint64_t key, void *val);
void *u64map_get(const struct u64map *m, uint64_t key);
void u64map_free(struct u64map *m);

/* --- the binary ---------------------------------------------------------- */

struct gsec {
	const char *name;
	uint32_t type;
	uint64_t flags, addr, off, size;
};

struct gseg {
	uint64_t vaddr, off, filesz, memsz;
	uint32_t flags;
};

/* What pclntab.c found in .gopclntab. */
struct pcln {
	const uint8_t *data; /* the table, inside the mapping */
	uint64_t size, addr;
	uint32_t magic;
	int version; /* 116, 118 or 120: the first release of the format */
	uint64_t nfunc, text_start;
	const uint8_t *funcnametab, *functab;
	uint64_t funcnametab_size, functab_size;
	const uint8_t *pctab; /* the pc-value tables (pcsp, pcdata) */
	uint64_t pctab_size;
	const uint8_t *cutab, *filetab; /* file names: filetab + cutab[i] */
	uint64_t cutab_size, filetab_size;
	uint64_t gofunc;  /* pcvalue.c: moduledata.gofunc, when gofunc_state > 0 */
	int gofunc_state; /* 0 not looked up, 1 found, -1 not found */
	uint64_t md;	  /* runtime.firstmoduledata, when md_state > 0 */
	int md_state;	  /* 0 not looked up, 1 found, -1 not found */
};

/* A dynamic relocation (elf.c's index of the SHT_RELA sections). */
struct grel {
	uint64_t off;
	int64_t addend;
	uint32_t type;
};

struct dwarf_state; /* dwarf.c */
struct dis;	    /* disasm.c */
struct inl_state;   /* inline.c */
struct rtype_state; /* rtype.c */

struct gobin {
	char *path;
	int fd;
	const uint8_t *map;
	size_t size;
	Elf *elf;
	uint16_t e_type;

	VEC(struct gsec) secs;
	VEC(struct gseg) segs; /* PT_LOAD */
	bool has_tls;
	uint64_t tls_vaddr, tls_memsz, tls_align;
	VEC(const char *) needed; /* DT_NEEDED */
	VEC(struct grel) rels;	  /* sorted by offset, read at the first lookup */
	bool rels_read;
	const char *soname;

	enum go_compiler compiler;
	char version[64];
	int release;
	enum go_abi abi;
	const char *func_source;
	const char *version_source; /* "buildinfo", "runtime.buildVersion" */

	struct pcln pcln;
	bool has_pcln;

	VEC(struct gofunc) funcs;
	struct strmap byname;
	VEC(struct gofunc) pcfuncs; /* from .gopclntab when .symtab names */

	struct dis *dis;
	struct dwarf_state *dw;
	struct Dwarf_CFI_s *cfi; /* .eh_frame or .debug_frame (libdw) */
	bool cfi_tried;
	struct inl_state *inl;
	struct rtype_state *rt;
	struct arena arena; /* names made here (".abi0" removed) */

	char err[512];
};

/* Sets b->err and returns err (a negative errno). */
int gobin_errf(struct gobin *b, int err, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

/* elf.c */
const struct gsec *gobin_section(const struct gobin *b, const char *name);
/* Bytes at a virtual address, inside a PT_LOAD segment's file part.
 * *avail tells how many bytes may be read from there. NULL if unmapped. */
const uint8_t *gobin_vaddr_ptr(const struct gobin *b, uint64_t vaddr,
			       uint64_t *avail);
/* Bytes of a section in the file, NULL for NOBITS. */
const uint8_t *gobin_sec_data(const struct gobin *b, const struct gsec *s);
/* The addend of an R_X86_64_RELATIVE (or type rtype) dynamic relocation
 * at vaddr, for PIE tables whose file content is left zero. */
bool gobin_dyn_reloc(const struct gobin *b, uint64_t vaddr, uint32_t rtype,
		     int64_t *addend);
int gobin_read_symtabs(struct gobin *b, bool *have_symtab);
/* Value of a symbol by name in .symtab (any type). */
bool gobin_symbol(const struct gobin *b, const char *name, uint64_t *value,
		  uint64_t *size, int *type);

/* buildinfo.c */
int gobin_read_buildinfo(struct gobin *b);
void gobin_detect_compiler(struct gobin *b);
int gobin_parse_release(const char *version);

/* pclntab.c */
int gobin_pclntab_open(struct gobin *b);
int gobin_pclntab_funcs(struct gobin *b, bool keep);

/* runtime.firstmoduledata's address (pclntab must be open). */
bool gobin_moduledata(const struct gobin *b, uint64_t *md);
bool gobin_read_word(const struct gobin *b, uint64_t vaddr, uint64_t *v);

/* funcs.c */
void gobin_funcs_finish(struct gobin *b);
/* The first of b->funcs (sorted) that starts after addr; b->funcs.n if none. */
size_t gobin_func_after(const struct gobin *b, uint64_t addr);
bool gobin_skip_name(const char *name);

/* disasm.c */
struct insn {
	uint64_t addr;
	unsigned len;
	char text[160];	   /* Intel syntax, as LLVM prints it */
	uint8_t mnem_off;  /* where in text the mnemonic starts, after any
			    * prefix: an offset, so that copies of an insn
			    * (in growable arrays) stay valid */
	bool has_target;   /* a branch or call with a known target */
	uint64_t target;
	bool has_pcload;   /* a RIP-relative memory operand */
	uint64_t pcload;
};
/* The mnemonic and operands, after any prefix. */
static inline const char *insn_mnem(const struct insn *in)
{
	return in->text + in->mnem_off;
}
int gobin_dis_init(struct gobin *b);
void gobin_dis_free(struct gobin *b);
/* Decodes one instruction at vaddr; false when not decodable or unmapped. */
bool gobin_decode(struct gobin *b, uint64_t vaddr, struct insn *in);
bool insn_is(const struct insn *in, const char *mnem);
bool insn_is_ret(const struct insn *in);
bool insn_is_jcc(const struct insn *in);
bool insn_is_call(const struct insn *in);
bool insn_is_jmp(const struct insn *in);
/* The memory operand [reg + disp] of in: false when it has none. */
bool insn_mem(const struct insn *in, char *seg, size_t segsz, char *base,
	      size_t basesz, int64_t *disp);
enum go_abi gobin_guess_abi(struct gobin *b);

/* dwarf.c */
void gobin_dwarf_free(struct gobin *b);

/* pcvalue.c: a function of .gopclntab, its pc-value tables, funcdata and
 * inline tree entries */
#define PCDATA_INLTREE 2   /* PCDATA_InlTreeIndex */
#define FUNCDATA_INLTREE 3 /* FUNCDATA_InlTree */
struct pcfunc {
	uint64_t entry, end;
	const uint8_t *f; /* its _func record */
	uint64_t favail;  /* bytes readable from f */
	uint64_t fvaddr;  /* where f is in memory */
	const char *name; /* "?" when its name is not in the table */
	uint32_t nameoff, pcsp, pcfile, pcln, npcdata, cuoff;
	uint8_t nfuncdata;
	uint32_t fixed; /* bytes of _func before pcdata */
};
/* A name in the function name table; NULL when off is out of it. */
const char *gobin_funcname(const struct gobin *b, uint32_t off);
/* Function i of the table; false when its record is out of bounds. */
bool gobin_pcfunc_at(const struct gobin *b, uint64_t i, struct pcfunc *pf);
/* The function of the table holding pc. */
bool gobin_pcfunc(const struct gobin *b, uint64_t pc, struct pcfunc *pf);
/* A walk over pc-value table off (relative to pctab) of pf: open, then
 * each range [*lo, *hi) and its value until next says false. */
struct pcv {
	const uint8_t *p, *end;
	uint64_t pc;
	int32_t val;
	bool first;
};
bool gobin_pcv_open(const struct gobin *b, const struct pcfunc *pf, uint32_t off,
		    struct pcv *it);
bool gobin_pcv_next(struct pcv *it, uint64_t *lo, uint64_t *hi, int32_t *val);
/* The value of pc-value table off at pc; -1 when the table is empty or
 * does not cover pc. */
int32_t gobin_pcvalue(const struct gobin *b, const struct pcfunc *pf,
		      uint32_t off, uint64_t pc);
/* The offset of pf's pcdata table (PCDATA_*), 0 when it has none. */
uint32_t gobin_pcdata(const struct pcfunc *pf, uint32_t table);
/* The address of pf's funcdata idx (FUNCDATA_*); false when it has none. */
bool gobin_funcdata(struct gobin *b, const struct pcfunc *pf, uint32_t idx,
		    uint64_t *addr);
/* Entry k of the inline tree at tree (the address of FUNCDATA_INLTREE). */
#define INLCALL_PARENT_BY_PC (-2) /* Go 1.20+: the entry at parentpc */
struct inlcall {
	int32_t parent;	   /* Go 1.16-1.19: the entry it is inlined into, -1
			    * for the function itself */
	uint32_t nameoff;  /* its name, for gobin_funcname */
	uint32_t parentpc; /* from the entry: an instruction of the call site */
};
bool gobin_inlcall(const struct gobin *b, uint64_t tree, uint32_t k,
		   struct inlcall *c);

/* inline.c */
void gobin_inline_free(struct gobin *b);
/* rtype.c */
void gobin_rtype_free(struct gobin *b);

#endif
