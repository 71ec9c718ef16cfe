/* goargs.h - args.NAME of uprobes, from DWARF (sema/goargs.c). */
#ifndef GOTRACE_GOARGS_H
#define GOTRACE_GOARGS_H

#include "sema/sema.h"

/* Checks a chain args.a.b[i].c; returns the Go type of its value, or NULL
 * after reporting an error. */
const struct gotype *goargs_path(struct sema *s, struct node *n);
/* The type a chain's value has in scripts (int, string, ...). */
struct type *goargs_type(struct sema *s, struct node *n, const struct gotype *t);
/* Integer registers a Go value takes in the register ABI. */
int goargs_words(const struct gotype *t);
extern const struct gotype gotype_int;
/* goarg(word) / goret(word): an error when that word would be a float. */
bool goargs_check_word(struct sema *s, struct node *n, int word, bool result);

#endif
