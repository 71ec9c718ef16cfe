/* builtins.h - every builtin variable, function and aggregation, in one
 * table built from sema/builtins.def: name, arguments, where it may be
 * used, how it is typed, its one-line documentation and example. Code
 * generators are indexed by the same ids in codegen/. Adding a builtin is
 * adding a row to builtins.def and its generator. */
#ifndef GOTRACE_BUILTINS_H
#define GOTRACE_BUILTINS_H

#include "sema/sema.h"

#define PRINTF_MAX_ARGS 64

enum bi_form {
	BF_VAR,	 /* pid, comm, goid, ... */
	BF_FUNC, /* printf(...), goarg(n), ... */
	BF_AGG,	 /* count(), hist(x): only as `@m[k] = agg(...)` */
};

enum builtin_id {
#define B(id, ...) BI_##id,
#include "sema/builtins.def"
#undef B
	BI__COUNT
};

/* Argument kinds, one letter per argument in `args`:
 *   i  integer          s  string           a  any value
 *   I  integer constant S  string literal   m  map (@m)
 *   k  map element (@m[key]), or the map itself when keys follow
 *   v  a map (@m) or any value
 *   p  an integer, or a positional parameter ($1) taken as text
 *   *  more arguments like the previous one */
struct builtin {
	enum builtin_id id;
	const char *name;
	enum bi_form form;
	const char *args;
	int min_args;
	unsigned probes; /* PKM() mask of probe kinds; 0 = everywhere */
	/* Result type when check is NULL. */
	struct type *result;
	/* Extra checks and the result type; args are already typed. */
	struct type *(*check)(struct sema *s, struct node *n);
	int aux;	 /* argN's N; an aggregation's enum type_kind */
	const char *sig; /* docs signature the letters cannot say, or NULL */
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
