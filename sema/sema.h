/* sema.h - the semantic pass: names, types, builtins, maps.
 *
 * Input: the AST and what probe resolution learned about each probe
 * (struct probe_env: its kinds, the binary's calling convention, where goid
 * lives, tracepoint fields). Output: every expression node typed, every
 * map and printf format in a table that codegen and the runtime share. */
#ifndef GOTRACE_SEMA_H
#define GOTRACE_SEMA_H

#include "golang/gobin.h"
#include "parser/ast.h"
#include "sema/types.h"
#include "util/diag.h"

enum probe_kind {
	PK_BEGIN,
	PK_END,
	PK_UPROBE,
	PK_URETPROBE,
	PK_INTERVAL,
	PK_PROFILE,
	PK_TRACEPOINT,
	PK__COUNT,
};
#define PKM(k) (1u << (k))
#define PKM_UPROBES (PKM(PK_UPROBE) | PKM(PK_URETPROBE))
#define PKM_REGS                                                               \
	(PKM_UPROBES | PKM(PK_INTERVAL) | PKM(PK_PROFILE) | PKM(PK_BEGIN) |   \
	 PKM(PK_END))

/* Probe kinds whose programs are of one BPF program type; a probe whose
 * attach points span several gets one program of each. */
enum prog_group { PG_UPROBE, PG_PERF, PG_TRACEPOINT, PG__COUNT };
static inline enum prog_group prog_group_of(enum probe_kind k)
{
	return k == PK_INTERVAL || k == PK_PROFILE ? PG_PERF
	       : k == PK_TRACEPOINT		   ? PG_TRACEPOINT
						   : PG_UPROBE;
}

enum probe_kind probe_kind_of(const char *provider);
const char *probe_kind_name(enum probe_kind k);

/* A field of a tracepoint's format file. */
enum tp_field_kind {
	TPF_INT,     /* integer of size 1, 2, 4, 8 */
	TPF_CHARS,   /* char name[N]: a string */
	TPF_DATALOC, /* __data_loc char[]: a string elsewhere in the record */
};
struct tp_field {
	char *name;
	uint32_t offset, size;
	bool is_signed;
	enum tp_field_kind kind;
};

/* What probe resolution learned about one probe's attach points. */
struct probe_env {
	unsigned kinds; /* PKM() of every attach point */
	/* uprobes and return probes */
	enum go_compiler compiler;
	enum go_abi abi;
	bool abi_mixed;	  /* attach points in binaries with different ABIs */
	bool go_ret_insn; /* return probe is a uprobe on RET instructions */
	bool sp_is_ret;	  /* at every site [sp] holds the return address */
	bool goid_ok;
	bool goid_tls;	  /* g from the thread pointer, else from R14 */
	int64_t goid_off; /* offset of goid in runtime.g */
	int64_t tls_g_off;
	int64_t task_fsbase_off; /* task_struct.thread.fsbase, from BTF */
	uint64_t types_start, types_end; /* Go's type descriptors, for gotype() */
	char *goid_err; /* why goid is unavailable */
	uint32_t in_args_size; /* stack ABI: bytes of arguments, 0 unknown */
	struct gobin *bin;     /* when all points are in one binary */
	const struct gofunc *func; /* when there is one function */
	bool many_funcs;
	/* tracepoints: fields common to every attach point */
	struct tp_field *fields;
	size_t nfields;
	bool fields_mixed;
};

struct mapinfo {
	char *name; /* without '@'; "" for @ */
	int id;
	struct type *key; /* ty_uint64 for a map used without keys */
	int nkeys;	  /* 0: no key; 2+: printed as @m[a, b] */
	struct type *val;
	struct loc loc; /* first use */
	bool used_as_value;
};

/* Bytes of a map's key in BPF: hist and lhist maps add the bucket. */
uint32_t mapinfo_key_size(const struct mapinfo *m);
/* The BPF map's (and its ELF symbol's) name: by id, so unique. */
void mapinfo_bpf_name(const struct mapinfo *m, char *buf, size_t len);

struct var {
	char *name;
	struct type *type;
	struct loc loc;
	void *cg;	/* codegen's storage */
	void *cg_fn;	/* the function cg belongs to */
	struct var *next;
};

/* Formats and values the runtime prints, indexed by the id in events. */
enum fmt_kind { FMT_PRINTF, FMT_TIME, FMT_STRFTIME, FMT_VALUE };
struct fmtinfo {
	enum fmt_kind kind;
	char *fmt;	   /* printf/time/strftime format */
	struct type *args; /* printf: tuple of the arguments; value type */
	struct loc loc;
};

struct sema {
	struct program *prog;
	struct diag *diag;
	struct arena arena; /* types */
	struct probe_env *envs; /* one per probe, from resolution */
	uint32_t strlen;	/* string size, NUL included */
	bool verbose;		/* -v: also notes */
	int pass;		/* 1: learning map types, silently; 2: checking */
	VEC(struct mapinfo *) maps;
	VEC(struct fmtinfo) fmts;
	bool uses_stacks;
	bool uses_len;
	/* current probe */
	struct probe *probe;
	struct probe_env *env;
	struct var *vars;
	int loops;
	bool in_pred;
};

/* Initialises s; envs may be NULL (every probe then unresolved). */
void sema_init(struct sema *s, struct program *p, struct diag *d,
	       struct probe_env *envs, uint32_t strlen);
/* Checks the program; returns the number of errors. */
int sema_check(struct sema *s);
void sema_free(struct sema *s);

/* Used by builtin checks. */
struct type *sema_expr(struct sema *s, struct node *n);
bool sema_is_const_int(struct node *n, int64_t *v);
struct mapinfo *sema_map_of(struct sema *s, struct node *mapnode,
			    struct type *val, bool assign);
bool sema_check_keys(struct sema *s, struct mapinfo *m, struct node *keys, struct loc loc,
		     const char *what);
int sema_add_fmt(struct sema *s, enum fmt_kind kind, char *fmt,
		 struct type *args, struct loc loc);
/* A helpful error when a builtin is not allowed in the probe. */
bool sema_require_kinds(struct sema *s, struct node *n, unsigned mask,
			const char *what);

#endif
