/* codegen.h - from the checked AST to a BPF object in memory.
 *
 * codegen/ owns LLVM: the IR of every probe, a generator per builtin
 * (builtins.c, indexed by sema's builtin ids), Go argument paths
 * (goargs.c), and the BPF-side helpers written in C (helpers.bpf.c). It
 * reads sema's tables and writes only its own state.
 *
 * One LLVM function per probe body, in the ELF section libbpf expects for
 * its program type; maps are BTF-described globals in ".maps" (the BTF
 * comes from debug info that the BPF backend turns into .BTF); the object
 * is emitted by LLVM's BPF target into a memory buffer. */
#ifndef GOTRACE_CODEGEN_H
#define GOTRACE_CODEGEN_H

#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/TargetMachine.h>

#include "sema/sema.h"

enum cg_dump {
	CG_DUMP_NONE,
	CG_DUMP_IR,	/* before optimisation */
	CG_DUMP_IR_OPT, /* after */
	CG_DUMP_ASM,
};

struct cg_opts {
	enum cg_dump dump;   /* print this stage to `out` */
	struct strbuf *out;
	const char *emit_llvm; /* write the optimised IR here */
	bool faults;	       /* -k: an event for each failed read or update */
};

/* Scratch bytes a probe may keep on the 512-byte BPF stack. */
#define CG_STACK_SCRATCH 384

struct scratch_use {
	LLVMValueRef fn, placeholder;
	LLVMBasicBlockRef entry;
	LLVMMetadataRef sp;
	struct loc loc;
	bool sleepable; /* its area is the thread's (task storage), not the CPU's */
};

/* A loop being lowered: the blocks break and continue jump to. */
struct cg_loop {
	LLVMBasicBlockRef brk, cont;
};

/* A MAP_REPORTS entry a probe uses, and the placeholder of its pointer. */
struct rep_chunk {
	uint32_t chunk;
	LLVMValueRef ph;
};

struct cg {
	struct sema *sema;
	const struct cg_opts *opts;
	LLVMContextRef ctx;
	LLVMModuleRef mod;
	LLVMBuilderRef b;
	LLVMDIBuilderRef di;
	LLVMMetadataRef di_file, di_cu;
	LLVMModuleRef di_holder; /* the parsed module that made di_file */
	struct linemap lines;	 /* the script's line starts */
	bool btf_detail;	 /* lines' text and probe names in BTF */
	LLVMTargetMachineRef tm;
	LLVMTypeRef i1, i8, i16, i32, i64, ptr, vd;

	LLVMValueRef events, lost, stacks, lencount, target, zeros; /* globals */
	LLVMValueRef reports; /* placeholder of the MAP_REPORTS map until its size is known */
	/* the current probe's MAP_REPORTS entries: placeholders until the
	 * probe is done (finish_probe_reports) */
	VEC(struct rep_chunk) rep_chunks;
	int *report_index;    /* report sites by node: open addressing, report_cap slots */
	size_t report_cap;
	LLVMValueRef copy_str; /* the kfunc bpf_copy_from_user_str, once declared */
	LLVMValueRef zkey, zkey_fn; /* the zeros map's key slot, in function zkey_fn */
	LLVMValueRef *maps;		   /* one per sema map */
	uint32_t *map_max;		   /* their max_entries */
	LLVMValueRef *vars;		   /* current probe's variables, by var id */

	/* current probe */
	struct probe *probe;
	struct probe_env *env;
	enum prog_group group; /* the BPF program type being generated */
	/* the program may sleep (a uprobe's): user memory is read with
	 * bpf_copy_from_user, which takes page faults */
	bool sleepable;
	/* the expression whose user memory reads are being generated: their
	 * report site (NULL: reads that are not counted) */
	struct node *reader;
	LLVMValueRef fn, ctxp;
	LLVMMetadataRef di_sp; /* the probe function's DISubprogram */
	LLVMBasicBlockRef entry; /* allocas go here */
	/* the enclosing loops, innermost last: where break and continue go */
	VEC(struct cg_loop) loops;
	/* Every stack slot of a probe is a piece of one scratch area; the
	 * slots of a statement are reused by the next one. The area is on the
	 * BPF stack when it fits, else in a per-CPU array map. */
	LLVMValueRef scratch; /* placeholder until the size is known */
	uint32_t scratch_off, scratch_hw, scratch_all;
	VEC(struct scratch_use) big; /* probes whose area is in the map */
	int backend_errors; /* errors LLVM's diagnostic handler reported */
	bool diag_probe_seen;
	int diag_probe_last; /* the probe LLVM's last diagnostic was about */
};

/* The section map definitions are emitted into, renamed ".maps" in the
 * object (maps_section.c says why). */
#define MAPS_SECTION_TMP ".MAPS"
int cg_rename_maps_section(void *obj, size_t size);
void cg_rename_maps_section_asm(char *text, size_t len);

/* Builds, optimises and emits the object. Returns 0, or -1 after printing
 * why. */
int codegen(struct sema *s, const struct cg_opts *opts,
	    struct blob *out);

/* --- for builtin generators ---------------------------------------------- */

LLVMValueRef cg_expr(struct cg *cg, struct node *n);
/* A builtin variable, call or aggregation, by its generator. */
LLVMValueRef cg_builtin(struct cg *cg, struct node *n);
/* Integer value of an expression as i64. */
LLVMValueRef cg_int(struct cg *cg, struct node *n);
LLVMValueRef cg_const(struct cg *cg, int64_t v);
/* A zeroed stack slot of `size` bytes (in the entry block). */
LLVMValueRef cg_alloca(struct cg *cg, uint32_t size, const char *name);
/* A slot that must be on the BPF stack itself (helpers that want a
 * frame pointer), outside the scratch area. */
LLVMValueRef cg_stack_slot(struct cg *cg, uint32_t size, const char *name);
/* Zero-fills `size` bytes at p. */
void cg_memset0(struct cg *cg, LLVMValueRef p, uint32_t size);
void cg_memcpy(struct cg *cg, LLVMValueRef dst, LLVMValueRef src,
	       uint32_t size);
/* Stores value v of type t at p (ints as 8 bytes, others copied). */
void cg_store(struct cg *cg, struct type *t, LLVMValueRef v, LLVMValueRef p);
LLVMValueRef cg_gep(struct cg *cg, LLVMValueRef p, uint64_t off);
/* A call to BPF helper `id`. */
LLVMValueRef cg_helper(struct cg *cg, int id, LLVMTypeRef ret,
		       LLVMValueRef *args, int nargs);
/* A word of struct pt_regs in the context, by its byte offset. */
LLVMValueRef cg_ctx_load(struct cg *cg, uint32_t off, LLVMTypeRef ty);
/* Calls a helper of codegen/helpers.bpf.c (gt_strlen, gt_hist_bucket...). */
LLVMValueRef cg_call_lib(struct cg *cg, const char *name, LLVMTypeRef ret, LLVMValueRef *args,
			 int nargs);
/* Reads `size` (an i32) bytes of user memory at src (an address or a
 * pointer) into dst: with bpf_copy_from_user in a sleepable probe, which
 * takes page faults, else bpf_probe_read_user (dst is zeroed when the read
 * fails). The read counts at the report site of cg->reader. Returns the
 * helper's result, an i64: 0 or a negative errno. */
LLVMValueRef cg_read_user(struct cg *cg, LLVMValueRef dst, LLVMValueRef size, LLVMValueRef src);
/* A NUL-terminated string of at most size - 1 bytes, zero-padded to size:
 * the kfunc bpf_copy_from_user_str in a sleepable probe, else
 * bpf_probe_read_user_str. Returns its length with the NUL, or a negative
 * errno (dst zeroed). */
LLVMValueRef cg_read_user_str(struct cg *cg, LLVMValueRef dst, LLVMValueRef size, LLVMValueRef src);
/* Counts a read made by a helper of helpers.bpf.c (its result ret: 0 or
 * a negative errno) at cg->reader's site. */
void cg_count_read(struct cg *cg, LLVMValueRef ret, LLVMValueRef addr, LLVMValueRef size);
/* Reads an 8-byte word of user memory at addr (0 on fault). */
LLVMValueRef cg_read_user_u64(struct cg *cg, LLVMValueRef addr);
/* Reserves an event of payload `size`, writes the header and calls fill
 * with the payload pointer; counts a lost event when the ring is full. */
void cg_event(struct cg *cg, uint32_t action, uint32_t id, uint32_t size,
	      void (*fill)(struct cg *, LLVMValueRef payload, void *arg),
	      void *arg);
/* Where the goroutine's g is (0 if unknown). */
LLVMValueRef cg_g_pointer(struct cg *cg);
/* The attach cookie of the firing point. */
LLVMValueRef cg_cookie(struct cg *cg);
/* Integer register of the Go/SysV ABI sequence (index n) at probe entry. */
LLVMValueRef cg_abi_word(struct cg *cg, int n, bool result);
LLVMBasicBlockRef cg_block(struct cg *cg, const char *name);
/* v cut to the bits of integer type t and extended back to 64. */
LLVMValueRef cg_fit_int(struct cg *cg, LLVMValueRef v, const struct type *t);
/* A Go string (exactly min(len, size - 1) bytes) in a stack buffer. */
LLVMValueRef cg_gostr(struct cg *cg, LLVMValueRef ptr, LLVMValueRef len, uint32_t size);
/* args.NAME... of a uprobe (codegen/goargs.c). */
LLVMValueRef cg_goargs(struct cg *cg, struct node *n);
/* Debug info for a function (BTF func info) and the current place. */
LLVMMetadataRef cg_di_function(struct cg *cg, LLVMValueRef fn, const char *name, bool local,
			       struct loc loc);
void cg_di_at(struct cg *cg, struct loc loc);
/* A string constant in a zero-padded stack buffer of `size` bytes. */
LLVMValueRef cg_literal_str(struct cg *cg, const char *s, uint32_t size);

#endif
