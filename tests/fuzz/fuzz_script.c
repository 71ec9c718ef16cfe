/* fuzz_script.c - libFuzzer harness for the compiler's front: any bytes as
 * a script go through the lexer, the parser and the semantic pass (with
 * probes set up as a Go binary would give them) and, when they check, code
 * generation. Nothing may crash, whatever the input.
 *
 * Build and run (ASan + UBSan; make's objects for the generated parser):
 *   make build/parser.c build/lexer.c build/helpers_bc.o
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu11 -I. -Ibuild \
 *     -I/usr/lib/llvm-19/include -D_GNU_SOURCE tests/fuzz/fuzz_script.c \
 *     util/[a-z]*.c parser/[a-z]*.c sema/[a-z]*.c codegen/[a-z]*.c golang/[a-z]*.c \
 *     build/parser.c build/lexer.c build/helpers_bc.o \
 *     -L/usr/lib/llvm-19/lib -lLLVM-19 -lbpf -ldw -lelf -lz -lm -o build/fuzz_script
 *   build/fuzz_script -max_total_time=300 -dict=tests/fuzz/script.dict
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
