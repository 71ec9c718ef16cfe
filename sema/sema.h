/* sema.h - the semantic pass: names, types, builtins, maps.
 *
 * sema/ owns the types of values and their layout (types.h), the one list
 * of builtins (builtins.def), printf formats (format.h) and the checks of
 * every expression. It comes after probes/ (which tells it what each
 * probe's attach points are) and knows nothing of LLVM.
 *
 * Input: the AST and what probe resolution (probes/) learned about each
 * probe (struct probe_env: its kinds, the binary's calling convention,
 * where goid lives, tracepoint fields). Output: every expression node typed, every
 * map and printf format in a table that codegen and the runtime share. */
#ifndef GOTRACE_SEMA_H
#define GOTRACE_SEMA_H

#include "parser/ast.h"
#include "probes/probes.h"
#include "sema/format.h"
#include "sema/types.h"
#include "util/diag.h"

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
	int id;		/* unique in the program: codegen's index */
	struct var *next;
};

/* Formats and values the runtime prints, indexed by the id in events. */
enum fmt_kind { FMT_PRINTF, FMT_TIME, FMT_STRFTIME, FMT_VALUE };
struct fmtinfo {
	enum fmt_kind kind;
	char *fmt;	   /* printf/time/strftime format */
	struct fmt parsed; /* printf: the format in segments */
	struct type *args; /* printf: tuple of the arguments; value type */
	struct loc loc;
};

/* A place where probes count what went wrong at run time: a read of user
 * memory (each evaluation of a builtin, a pointer read or an args path
 * that reads), or an update of a map that may be dropped. The index is
 * its id in the counters (abi/events.h MAP_REPORTS). Added by codegen as
 * it generates them; the runtime reports the counts at the place. */
enum report_kind { REPORT_READ, REPORT_MAP_UPDATE };
struct report_site {
	enum report_kind kind;
	struct loc loc;
	char what[48];		   /* "gostr", "*(uint8 *)", "args.r.URL"; "@name" */
	const struct mapinfo *map; /* REPORT_MAP_UPDATE */
	uint32_t max_entries;	   /* the map's */
	const struct node *node;   /* what codegen made it for */
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
	uint32_t *map_index; /* maps by name: open addressing, map_cap slots */
	size_t map_cap;
	VEC(struct fmtinfo) fmts;
	VEC(struct report_site) reports; /* filled by codegen */
	int nvars; /* struct var ids given out */
	bool uses_stacks;
	bool uses_len;
	bool uses_target; /* cpid: codegen keeps the traced pid in a map */
	bool said_tid;	  /* goid_or_tid warned that it is the thread id */
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
/* The tree with each expression's type (-d types). */
void sema_dump(const struct sema *s, struct strbuf *out);

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
