/* builtins.h - every builtin variable and function, in one table: name,
 * arguments, where it may be used, how it is typed, how it is compiled, and
 * its one-line documentation. Adding a builtin is adding a row. */
#ifndef GOTRACE_BUILTINS_H
#define GOTRACE_BUILTINS_H

#include <llvm-c/Core.h>

#include "sema/sema.h"

struct cg;

#define PRINTF_MAX_ARGS 64

enum bi_form {
	BI_VAR,	 /* pid, comm, goid, ... */
	BI_FUNC, /* printf(...), goarg(n), ... */
	BI_AGG,	 /* count(), hist(x): only as `@m[k] = agg(...)` */
};

/* Argument kinds, one letter per argument in `args`:
 *   i  integer          s  string           a  any value
 *   I  integer constant S  string literal   m  map (@m)
 *   k  map element (@m[key])                 *  rest like the previous one
 *   v  a map (@m) or any value */
struct builtin {
	const char *name;
	enum bi_form form;
	const char *args;
	int min_args;
	unsigned probes; /* PKM() mask of probe kinds; 0 = everywhere */
	/* Result type when check is NULL. */
	struct type *result;
	/* Extra checks and the result type; args are already typed. */
	struct type *(*check)(struct sema *s, struct node *n);
	/* Code: returns an i64 for integers, a pointer for values by ref,
	 * NULL for statements. */
	LLVMValueRef (*gen)(struct cg *cg, struct node *n);
	const char *doc;
	const char *example;
};

extern const struct builtin builtins[];
extern const size_t nbuiltins;

const struct builtin *builtin_find(const char *name, enum bi_form form);
/* The reference of every builtin in Markdown (docs/builtins.md is this
 * text; a unit test keeps the two the same). */
void builtins_doc(struct strbuf *out);
/* Every builtin name (for "did you mean"). */
size_t builtin_names(const char **out, size_t max, enum bi_form form);

#endif
