/* gobin.h - what a binary tells about itself.
 *
 * golang/ sits beneath every phase (it needs only util/): ELF, symbols,
 * .gopclntab, buildinfo, DWARF, type descriptors, the x86 disassembler.
 *
 * Opens any ELF file (a Go program built by gc or gccgo, a C program, a
 * shared library) and answers the questions the compiler and runtime ask:
 * which functions it has and where (from .symtab, .dynsym, or .gopclntab in
 * stripped Go binaries), which Go release and compiler built it, which
 * calling convention its functions use, where an entry probe and the return
 * probes of a function go, what DWARF says about parameters and types, and
 * where the goroutine id lives.
 *
 * Functions return 0 or a negative errno; on failure most also leave a
 * one-sentence explanation in the gobin's `err` buffer (gobin_open puts it
 * in *errmsg, which the caller frees). */
#ifndef GOTRACE_GOBIN_H
#define GOTRACE_GOBIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum go_compiler {
	GOC_NONE,  /* not a Go binary */
	GOC_GC,    /* the gc toolchain (go build) */
	GOC_GCCGO, /* gccgo: C calling convention, libgo */
};

enum go_abi {
	GOABI_SYSV,  /* C / gccgo: RDI, RSI, RDX, RCX, R8, R9, then stack */
	GOABI_STACK, /* gc before Go 1.17: every argument on the stack */
	GOABI_REG,   /* gc from Go 1.17: RAX, RBX, RCX, RDI, RSI, R8-R11 */
};

struct gofunc {
	const char *name;
	uint64_t addr; /* virtual address of the entry */
	uint64_t size; /* bytes, 0 when unknown */
	uint32_t args; /* pclntab argument frame size (in + out), 0 if unknown */
};

struct gobin;

/* Opens path. Works for every ELF; Go-specific answers are empty for
 * non-Go files. Fails with a message for a missing, unreadable, non-ELF or
 * non-x86-64 file, or a Go binary whose tables are corrupt. */
int gobin_open(const char *path, struct gobin **out, char **errmsg);
void gobin_close(struct gobin *b);

const char *gobin_path(const struct gobin *b);
enum go_compiler gobin_compiler(const struct gobin *b);
/* "go1.19.8"; "" when unknown (not Go, or gccgo without buildinfo). */
const char *gobin_go_version(const struct gobin *b);
/* Go release as 100*major+minor (119 for go1.19.8), 0 when unknown. */
int gobin_go_release(const struct gobin *b);
enum go_abi gobin_abi(const struct gobin *b);
const char *gobin_abi_name(enum go_abi abi);
/* Where the function list came from: "symtab", "dynsym", "pclntab". */
const char *gobin_func_source(const struct gobin *b);
/* Last error message, "" when none. */
const char *gobin_error(const struct gobin *b);

/* Every function, sorted by address, names unique. */
const struct gofunc *gobin_funcs(const struct gobin *b, size_t *n);
/* Exact name lookup (O(1) average). */
const struct gofunc *gobin_find(const struct gobin *b, const char *name);
/* The function containing addr, or NULL. */
const struct gofunc *gobin_func_at(const struct gobin *b, uint64_t addr);
/* File offset of a virtual address, as uprobes want it. */
int gobin_vaddr_to_offset(const struct gobin *b, uint64_t vaddr,
			  uint64_t *off);
/* True for an ET_DYN file (shared library or PIE): addresses in memory are
 * load base + vaddr. */
bool gobin_is_dyn(const struct gobin *b);
/* The lowest virtual address of an executable PT_LOAD segment: where the
 * kernel's mm->start_code is, minus the load base. */
uint64_t gobin_exec_vaddr(const struct gobin *b);

/* Entry probe site: for gc functions, the first instruction after the
 * stack-check prologue (so that a re-run of the prologue after morestack is
 * not seen twice); the entry itself otherwise. *skipped says whether a
 * prologue was skipped. */
int gobin_entry_site(struct gobin *b, const struct gofunc *f, uint64_t *addr,
		     bool *skipped);

/* Addresses of every RET instruction in f (found by disassembly). Returns 0
 * with *n == 0 for a function without RET (only tail jumps, or panics).
 * The caller frees *addrs. */
int gobin_ret_sites(struct gobin *b, const struct gofunc *f,
		    uint64_t **addrs, size_t *n);

/* Can the kernel put a uprobe at addr? NULL when it can, else why not
 * (x86 uprobes refuse to single-step traps: int3, int N, int1, hlt, ud2;
 * Go's runtime.abort starts with int 3, runtime.breakpoint with int3). */
const char *gobin_unprobeable(struct gobin *b, uint64_t addr);

/* Checks a probe at f+off: inside f (when its size is known) and at the
 * start of an instruction. */
int gobin_check_offset(struct gobin *b, const struct gofunc *f, uint64_t off);

/* Offset of the goid field in runtime.g: from DWARF when present, else from
 * the table of Go releases, else (a release newer than the table) from
 * the machine code. *source is "dwarf", "table" or "code". */
int gobin_goid_offset(struct gobin *b, int64_t *off, const char **source);
/* Offset of the g pointer from the FS base (thread pointer), e.g. -8 for a
 * statically linked gc binary. */
int gobin_tls_g_offset(struct gobin *b, int64_t *off);

/* --- additions (golang/ module) ----------------------------------------- */

/* Where the Go version came from: "buildinfo", "runtime.buildVersion"
 * (release builds that drop .go.buildinfo, e.g. esbuild >= 0.27), or ""
 * when unknown. */
const char *gobin_version_source(const struct gobin *b);
/* The goid offset table's entry for a release (e.g. 119), -1 if the
 * release is not in the table. */
int64_t gobin_goid_table(int release);
/* The goid offset measured from the machine code of
 * runtime.goroutineheader (its first print is gp.goid); gobin_goid_offset
 * uses it for releases newer than the table (*source "code"). */
int gobin_goid_offset_code(struct gobin *b, int64_t *off);
/* Looks a library name up in a loader cache image (the contents of
 * /etc/ld.so.cache); malloc'd path or NULL. */
char *gobin_ldcache_lookup(const uint8_t *cache, size_t len,
			   const char *name);
/* Every DT_NEEDED of the file, in order. */
const char *const *gobin_needed(const struct gobin *b, size_t *n);

/* The range of Go's type descriptors (moduledata.types .. etypes), as
 * virtual addresses of the file. */
int gobin_types_range(struct gobin *b, uint64_t *start, uint64_t *end);
/* The name of the type whose descriptor (runtime._type) is at vaddr typ,
 * e.g. "*os.File", "main.T", "string". */
int gobin_rtype_name(struct gobin *b, uint64_t typ, char *buf, size_t len);

/* A Go type by name from the binary's runtime type descriptors, with its
 * fields (stripped binaries keep them for every type used through
 * interfaces or reflection): "net/http.Request" (with its import path),
 * "*main.T", "[]string", "int". NULL with a message when the binary has
 * no descriptor for it. Owned by b. */
const struct gotype *gobin_rtype_type(struct gobin *b, const char *name);
/* The names of every named type with a descriptor, sorted (with import
 * paths where the descriptor has them). */
const char *const *gobin_rtype_names(struct gobin *b, size_t *n);

/* --- DWARF ------------------------------------------------------------- */

enum gotype_kind {
	GT_INT,	   /* signed integer of `size` bytes */
	GT_UINT,   /* unsigned integer, uintptr */
	GT_BOOL,
	GT_FLOAT,  /* float32/64 */
	GT_COMPLEX,
	GT_PTR,	   /* pointer; elem (may be NULL for unsafe.Pointer) */
	GT_STRING, /* Go string: {ptr, len} */
	GT_SLICE,  /* {ptr, len, cap}; elem */
	GT_IFACE,  /* interface: {itab or type, data} */
	GT_STRUCT, /* fields */
	GT_ARRAY,  /* elem, count */
	GT_MAP,	   /* pointer to runtime.hmap */
	GT_CHAN,   /* pointer */
	GT_FUNC,   /* pointer */
	GT_OTHER,
};

struct gotype;
struct gofield {
	const char *name;
	uint64_t offset;
	const struct gotype *type;
};
struct gotype {
	enum gotype_kind kind;
	const char *name; /* "int", "*main.T", "[]uint8", ... */
	uint64_t size;
	const struct gotype *elem; /* PTR, SLICE, ARRAY */
	uint64_t count;		   /* ARRAY */
	const struct gofield *fields;
	size_t nfields; /* STRUCT (also the parts of strings, slices, ...) */
};
/* A walk through a value's parts (fields, array elements) visits at most
 * this many types and then gives up: a corrupt DWARF can make a struct
 * hold itself, or one type many times over, and the values a walk is for
 * (ABI registers) have a few parts. */
#define GOTYPE_WALK_MAX 1024

struct goparam {
	const char *name; /* "a", or "~r0" for an unnamed result */
	const struct gotype *type;
	bool is_result;
	/* Where it is at the function's entry (results: at a RET), by the
	 * binary's ABI: in integer registers word..word+nwords-1 of the ABI's
	 * sequence, or at stack_off from SP at the entry. */
	bool in_regs;
	int word;      /* first integer register index (in_regs) */
	int nwords;    /* words it takes */
	int64_t stack_off;
	bool has_float; /* some part would be in an XMM register */
	/* SysV (gccgo): a float-only value has in_regs with word -1; results
	 * bigger than 16 bytes are in memory at the address in RAX at the
	 * return, shown as stack_off -1. */
};

/* Parameters and results of f from DWARF, in order. Returns -ENOENT
 * (with a message) when the binary has no DWARF for f. Owned by b. */
int gobin_params(struct gobin *b, const struct gofunc *f,
		 const struct goparam **params, size_t *n);
/* A named type (e.g. "runtime.g", "net/http.Request") from DWARF. */
const struct gotype *gobin_type(struct gobin *b, const char *name);

/* A parameter of an inlined copy (struct goinline) at the copy's first
 * instruction, where DWARF (DW_TAG_inlined_subroutine) says it is: in
 * parts, each in a register or in memory at an offset from the frame's
 * CFA (SP + SP delta + 8), or nowhere (why says so). */
struct golocpart {
	int reg;	 /* DWARF register number (0 rax, 1 rdx, 2 rcx, 3 rbx,
			  * 4 rsi, 5 rdi, 6 rbp, 7 rsp, 8-15 r8-r15), -1: memory */
	int64_t cfa_off; /* memory: at CFA + cfa_off */
	uint32_t size;
};
#define GOLOC_MAX_PARTS 8
struct goinlparam {
	const char *name;
	const struct gotype *type;
	bool found;	 /* its location there is known */
	const char *why; /* when not */
	int nparts;	 /* 1: the whole value; more: DW_OP_piece parts in order */
	struct golocpart parts[GOLOC_MAX_PARTS];
};
struct goinline;
/* The parameters of copy c. Returns -ENODATA with a message when the
 * binary has no DWARF, -ENOENT when it has no entry for the copy. Owned
 * by b. */
int gobin_inlined_params(struct gobin *b, const struct goinline *c,
			 const struct goinlparam **params, size_t *n);

/* Where a function that has no symbol of its own was inlined: each call
 * site as "caller (file:line)". Returns the count (0 when DWARF knows of no
 * inlined copy). Without DWARF, a gc binary whose .gopclntab name table
 * holds the name (the callers' inline trees refer to it) gives one site,
 * "its callers (without DWARF, ...)"; otherwise -ENOENT. The caller frees
 * the array and its strings. */
int gobin_inlined_sites(struct gobin *b, const char *name, char ***sites);

/* --- inlining and stack frames (.gopclntab) ---------------------------- */

/* An inlined copy of a function: a call the compiler replaced by the
 * callee's body, from the inline tree of the function holding it (which
 * stripped binaries keep). */
struct goinline {
	const char *name;   /* the inlined function, "main.small" */
	const char *func;   /* the function whose code holds the copy */
	const char *parent; /* what it was inlined into: func, or an inlined one */
	uint64_t func_addr; /* func's entry */
	uint64_t addr;	    /* its probe site: an instruction of the copy run
			     * once per call (see inline.c) */
	uint64_t call;	    /* an instruction of the call site in the parent */
	int depth;	    /* 0: inlined into func itself; 1: into a copy in it ... */
	int index;	    /* its entry in func's inline tree */
	bool refined;	    /* addr chosen by the analysis of func's code */
};
/* Every inlined copy of name (exact), sorted by address; *n is 0 when
 * there is none. The array is owned by b. */
int gobin_inlined(struct gobin *b, const char *name,
		  const struct goinline **v, size_t *n);
/* How many inlined copies name has (without choosing their sites). */
size_t gobin_inlined_count(struct gobin *b, const char *name);
/* The names of every function with inlined copies, sorted. */
const char *const *gobin_inlined_names(struct gobin *b, size_t *n);
/* The inlined calls the instruction at pc belongs to, innermost first:
 * names[i] and the first instruction of that copy, starts[i]. Returns
 * their count (0: pc is in no inlined code). */
int gobin_inline_frames(struct gobin *b, uint64_t pc, const char **names,
			uint64_t *starts, int max);
/* How far SP is below its value at the function's entry when pc runs
 * (.gopclntab's pcsp table): the return address is at SP + *delta. */
int gobin_sp_delta(struct gobin *b, uint64_t pc, int64_t *delta);
/* Where the return address is at pc by the binary's call frame
 * information (.eh_frame, .debug_frame: C code, the vDSO), as an offset
 * from SP: only while the frame address is SP-based, before the function
 * has set up its frame pointer (or in one that never does). -ENOENT when
 * there is no such rule at pc. */
int gobin_cfi_ret_off(struct gobin *b, uint64_t pc, int64_t *off);

/* --- the runtime's structures, globals, wait reasons (goruntime.c) -------- */

/* Offset and size of a field of a runtime structure (e.g. "runtime.g",
 * "goid"): from DWARF when present, else from gotrace's table by Go
 * release (runtime.g: goid, gopc, startpc, atomicstatus, waitreason,
 * waitsince, parentGoid; runtime.gcControllerState: heapLive). *source
 * is "dwarf" or "table". */
int gobin_field(struct gobin *b, const char *type, const char *field, uint64_t *off,
		uint64_t *size, const char **source);
/* The table's entry: 0, -ESRCH for a type it does not have, -ENOENT for a
 * field or release it does not have. */
int gobin_field_table(int release, const char *type, const char *field, uint64_t *off,
		      uint64_t *size);
/* The address (a virtual address of the file) and size of a global
 * variable by its symbol name, from .symtab; in a stripped gc binary
 * runtime.waitReasonStrings and runtime.gcController are found from
 * the binary's contents and code (size 0 when unknown). */
int gobin_global(struct gobin *b, const char *name, uint64_t *addr, uint64_t *size);
/* Whether a function is Go's runtime or what it is made of: runtime,
 * runtime/..., internal/runtime/..., internal/abi, internal/bytealg, the
 * generated type:.eq functions, assembly routines without a package. */
bool gobin_is_runtime_func(const char *name);
/* The address ranges [lo, hi) of those functions, in address order
 * (adjacent ones merged): at most max, *n of them. */
#define RUNTIME_RANGES_MAX 4096
int gobin_runtime_ranges(struct gobin *b, uint64_t (*ranges)[2], size_t max, size_t *n);
/* The type descriptor (a virtual address of the file) of the type named
 * name ("string", "*os.File", "syscall.Errno"): its type: symbol, or in
 * a stripped binary the types its itabs and typelinks name and what they
 * are made of. -ENOENT when not found (there may still be such a type). */
int gobin_type_by_name(struct gobin *b, const char *name, uint64_t *addr);
/* The names of the binary's wait reasons (runtime.waitReasonStrings),
 * indexed by waitReason; the caller frees the array and its strings. */
int gobin_wait_reasons(struct gobin *b, char ***names, size_t *n);

/* --- source positions (lines.c) ------------------------------------------ */

/* One frame at a pc: the function (a function the compiler inlined there
 * has a frame of its own), its file and line. */
struct gosrc {
	const char *func; /* owned by the gobin */
	const char *file; /* owned by the gobin; NULL when unknown */
	int line;	  /* 0 when unknown */
};
/* The frames at pc (a virtual address of the file) from .gopclntab,
 * innermost first: the inlined calls, then the function that holds pc.
 * Returns how many (at most max), 0 when pc is in no function of the
 * table (no .gopclntab: gccgo, C). For a return address, ask for pc - 1,
 * as Go's tracebacks do. */
int gobin_pc_frames(struct gobin *b, uint64_t pc, struct gosrc *frames, int max);

/* --- libraries ---------------------------------------------------------- */

/* Resolves a probe's binary: a path (with a '/'), a name on PATH, or a
 * library name ("libc", "libgo", "libc.so.6") found through the loader
 * cache. Returns a malloc'd absolute path, or NULL with errno set. */
char *gobin_resolve_path(const char *name);
/* Does a file name (no folder) name the library `name` ("libc" matches
 * "libc.so.6", "libc.so")? A rank, lower is better, or -1. */
int gobin_lib_match(const char *file, const char *name);

#endif
