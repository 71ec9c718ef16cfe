/* runtime.h - from a checked program to running probes.
 *
 *   resolve:  attach points -> concrete sites (binary, file offset, cookie)
 *             and what each probe's code needs to know (struct probe_env)
 *   load:     the BPF object into the kernel (verifier)
 *   attach:   every site, BEGIN first, the traced command last
 *   run:      ring-buffer events until exit(), Ctrl-C, or the traced
 *             process ends; then END, the maps, detach. */
#ifndef GOTRACE_RUNTIME_H
#define GOTRACE_RUNTIME_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "codegen/codegen.h"
#include "runtime/output.h"
#include "sema/sema.h"
#include "util/diag.h"

/* One concrete place a probe is attached; its index is the BPF cookie. */
struct site {
	int probe; /* probe index */
	enum probe_kind kind;
	const struct attach *attach;
	char *func; /* function name, for `func` (NULL for timers) */
	uint32_t func_id; /* index of func in probeset.funcs */
	char *name; /* full probe name, for `probe` */
	/* uprobes: path and file offset; kernel uretprobe when retprobe */
	char *path;
	uint64_t offset;
	bool retprobe;
	/* interval / profile */
	uint64_t period_ns; /* 0: use freq */
	uint64_t freq;
	/* tracepoint */
	char *tp_cat, *tp_name;
};

struct probeset {
	VEC(struct site) sites;
	VEC(char *) funcs; /* distinct function names: `func` is an index here */
	uint32_t *func_hash; /* open addressing over funcs, func_cap slots */
	size_t func_cap;
	struct probe_env *envs; /* one per probe */
	int nprobes;
	VEC(struct gobin *) bins; /* opened binaries, by path */
	int64_t task_fsbase_off; /* -1 until looked up */
};

struct resolve_opts {
	pid_t pid; /* -p: resolve binaries through the process */
	bool verbose;
	bool listing; /* -l: tracepoints and functions only */
};

/* Expands every attach point (wildcards, RET sites, entry after the
 * prologue) and fills ps. Errors are reported through diag with the
 * attach point's location; returns the number of errors. */
int resolve_probes(struct program *prog, struct diag *diag,
		   const struct resolve_opts *o, struct probeset *ps);
void probeset_free(struct probeset *ps);
/* Attach points as bpftrace counts them (a function's RET sites are one). */
int probeset_count(const struct probeset *ps);
/* The BPF attach cookie of site i: the function's id in the high half
 * (`func`), the site's index in the low half (`probe`). */
static inline uint64_t site_cookie(const struct probeset *ps, size_t i)
{
	return ((uint64_t)ps->sites.v[i].func_id << 32) | (uint32_t)i;
}
/* An already opened binary, or opens it; NULL with *err set on failure. */
struct gobin *probeset_bin(struct probeset *ps, const char *path, char **err);

/* Reads a tracepoint's format file. Returns 0 or -errno. */
int tracepoint_fields(const char *cat, const char *name,
		      struct tp_field **fields, size_t *n);
/* Mounts tracefs when it is not; returns the events directory. */
const char *tracefs_events_dir(void);

struct run_opts {
	bool verbose, quiet, dry_run;
	pid_t pid;	   /* -p */
	char *cmd;	   /* -c */
	struct output *out;
};

/* Loads, attaches and runs. Returns the process exit status. */
int run_program(struct sema *s, struct probeset *ps,
		const struct bpf_object_buf *obj, const struct run_opts *o);

/* -l PATTERN */
int list_probes(const char *pattern, pid_t pid, bool verbose);

/* The symbolizer for output (runtime/symbols.c). */
struct syms *syms_new(struct probeset *ps);
void syms_set_stack_fd(struct syms *s, int fd);
/* Reads a process's memory map again now, while it lives, so that its
 * addresses can be named after it has exited (kept if it is gone). */
void syms_remember(struct syms *s, uint32_t pid);
void syms_free(struct syms *s);

/* Task struct offset of thread.fsbase from the kernel's BTF, or -1. */
int64_t kernel_task_fsbase_off(void);

#endif
