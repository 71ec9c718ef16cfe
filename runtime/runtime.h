/* runtime.h - from a compiled program (and its resolved sites) to
 * running probes:
 *
 *   load:     the BPF object into the kernel (verifier)
 *   attach:   every site, BEGIN first, the traced command last
 *   run:      ring-buffer events until exit(), Ctrl-C, or the traced
 *             process ends; then END, the maps, detach.
 *
 * The steps, one by one, are in runtime/tracer.h.
 *
 * runtime/ is the last phase: it reads sema's tables and probes/' sites,
 * loads codegen's object with libbpf, and owns the output formats
 * (output.h, one file per format). It includes no LLVM header. */
#ifndef GOTRACE_RUNTIME_H
#define GOTRACE_RUNTIME_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "probes/probes.h"
#include "runtime/output.h"
#include "sema/sema.h"
#include "util/diag.h"

struct run_opts {
	bool verbose, quiet, dry_run;
	pid_t pid;	   /* -p */
	char *cmd;	   /* -c */
	struct output *out;
};

/* Loads, attaches and runs. Returns the process exit status. */
int run_program(struct sema *s, struct probeset *ps,
		const struct blob *obj, const struct run_opts *o);

/* The symbolizer for output (runtime/symbols.c). */
struct syms *syms_new(struct probeset *ps);
void syms_set_stack_fd(struct syms *s, int fd);
/* Reads a process's memory map again now, while it lives, so that its
 * addresses can be named after it has exited (kept if it is gone). */
void syms_remember(struct syms *s, uint32_t pid);
void syms_free(struct syms *s);


#endif
