/* goargs.h - args.NAME of uprobes, from DWARF (sema/goargs.c). */
#ifndef GOTRACE_GOARGS_H
#define GOTRACE_GOARGS_H

#include "sema/sema.h"

/* Where a parameter is at one site of a probe: in words of the register
 * layout (one per scalar part, as Go's register ABI would assign them),
 * each in a register or in memory at SP + sp_off; or, `mem`, the whole
 * value in memory at SP + sp_off. Inlined copies keep their parameters
 * where DWARF says; a function's own entry has them by its ABI. */
struct goword {
	int reg;	/* offset in struct pt_regs, or -1: memory */
	int64_t sp_off; /* memory: at SP + sp_off */
	uint32_t size;
};
struct gosite_place {
	bool mem;
	int64_t sp_off; /* mem */
	int nwords;
	struct goword words[GOLOC_MAX_PARTS];
};
/* A parameter's places at every site of a probe, in the order of
 * env->sites (a site's index there is its cookie's low half minus
 * env->site0). */
struct goplace {
	size_t nsites;
	struct gosite_place *at;
};

/* Checks a chain args.a.b[i].c; returns the Go type of its value, or NULL
 * after reporting an error. */
const struct gotype *goargs_path(struct sema *s, struct node *n);
/* The type a chain's value has in scripts (int, string, ...). */
struct type *goargs_type(struct sema *s, struct node *n, const struct gotype *t);
/* Integer registers a Go value takes in the register ABI. */
int goargs_words(const struct gotype *t);
extern const struct gotype gotype_int;
extern const struct gotype gotype_word;
/* gohastype("T"): does the binary know T (a type descriptor, or DWARF)? */
bool goargs_has_type(struct gobin *b, const char *name);
/* goarg(word) / goret(word): an error when that word would be a float. */
bool goargs_check_word(struct sema *s, struct node *n, int word, bool result);
/* goarg, goret, retval, argN, sargN: an error at inlined copies, which
 * have no calling convention's registers. Returns false after reporting. */
bool goargs_check_abi(struct sema *s, struct node *n);
/* gocast(value, "TYPE"): checks the call, fills its Go step; returns the
 * Go type or NULL after reporting an error. */
const struct gotype *goargs_cast(struct sema *s, struct node *n);

#endif
