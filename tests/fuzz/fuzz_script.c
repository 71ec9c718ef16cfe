/* fuzz_script.c - libFuzzer harness for the compiler's front: any bytes as
 * a script go through the lexer, the parser and the semantic pass (with
 * probes set up as a Go binary would give them) and, when they check, code
 * generation. Nothing may crash, whatever the input.
 *
 * Build and run (libFuzzer with ASan and UBSan, clang; the library is
 * built with the same sanitizers in build/fuzz-obj/):
 *   make fuzz              builds build/fuzz/fuzz_script
 *   make fuzz-run FUZZ_TIME=300
 * or by hand:
 *   build/fuzz/fuzz_script -max_total_time=300 -dict=tests/fuzz/script.dict
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen/codegen.h"
#include "parser/parse.h"
#include "sema/sema.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct source src = { "fuzz", text, size };
	struct diag d;
	diag_init(&d, &src);
	d.out = fopen("/dev/null", "w");
	static char *params[] = { "./main", "main.sum", "7" };
	struct program *prog = NULL;
	if (parse_program(&src, &d, params, 3, &prog) == 0) {
		struct probe_env *envs = calloc((size_t)prog->nprobes + 1, sizeof(*envs));
		for (struct probe *p = prog->probes; p; p = p->next) {
			struct probe_env *e = &envs[p->index];
			for (struct attach *a = p->attaches; a; a = a->next)
				e->kinds |= PKM(probe_kind_of(a->provider));
			e->compiler = GOC_GC;
			e->abi = GOABI_REG;
			e->goid_ok = true;
			e->goid_off = 152;
		}
		struct sema s;
		sema_init(&s, prog, &d, envs, 64);
		if (sema_check(&s) == 0 && size < 400) {
			struct strbuf out;
			sb_init(&out);
			struct cg_opts o = { .out = &out };
			struct blob obj = { 0 };
			codegen(&s, &o, &obj);
			blob_free(&obj);
			sb_free(&out);
		}
		sema_free(&s);
		free(envs);
	}
	program_free(prog);
	fclose(d.out);
	free(text);
	return 0;
}
