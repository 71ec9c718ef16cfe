/* gen.h - code generators of the builtins (codegen/builtins.c), named in
 * the builtin table (sema/builtins.c). */
#ifndef GOTRACE_GEN_H
#define GOTRACE_GEN_H

#include "codegen/codegen.h"

#define GEN(name) LLVMValueRef gen_##name(struct cg *cg, struct node *n)

GEN(pid); GEN(tid); GEN(uid); GEN(gid); GEN(comm); GEN(nsecs); GEN(elapsed);
GEN(cpu); GEN(rand); GEN(func); GEN(probe); GEN(retval); GEN(arg); GEN(sarg);
GEN(ustack); GEN(kstack); GEN(goid);
GEN(printf); GEN(print); GEN(time); GEN(strftime); GEN(str); GEN(buf);
GEN(reg); GEN(usym); GEN(exit); GEN(clear); GEN(zero); GEN(delete);
GEN(has_key); GEN(len); GEN(strlen); GEN(strcontains); GEN(goarg); GEN(goret);
GEN(gostr); GEN(gotype);
/* Aggregations are compiled by the map assignment (codegen.c); their
 * generator is NULL. */

#endif
