/* gen.h - code generators of the builtins, one per row of
 * sema/builtins.def (codegen/builtins.c, aggregations in codegen.c). */
#ifndef GOTRACE_GEN_H
#define GOTRACE_GEN_H

#include "codegen/codegen.h"

#define GEN(name) LLVMValueRef gen_##name(struct cg *cg, struct node *n)

#define B(ID, NAME, FORM, GEN_, ...) GEN(GEN_);
#include "sema/builtins.def"
#undef B

#endif
