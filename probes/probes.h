/* probes.h - attach points, resolved: what each probe of a script
 * becomes before the semantic pass sees it.
 *
 * Resolution expands every attach point (wildcards, binaries found on
 * PATH or through the loader cache, Go functions in stripped binaries,
 * RET sites of return probes, entries after the stack-check prologue)
 * into concrete sites, and records for each probe what its code needs to
 * know (struct probe_env: probe kinds, calling convention, where goid
 * lives, tracepoint fields). `-l` lists what exists. This folder sits
 * between the parser and sema; it knows golang/ and util/, nothing after. */
#ifndef GOTRACE_PROBES_H
#define GOTRACE_PROBES_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "golang/gobin.h"
#include "parser/ast.h"
#include "util/diag.h"
#include "util/util.h"

enum probe_kind {
	PK_BEGIN,
	PK_END,
	PK_UPROBE,
	PK_URETPROBE,
	PK_INTERVAL,
	PK_PROFILE,
	PK_TRACEPOINT,
	PK__COUNT,
};
#define PKM(k) (1u << (k))
#define PKM_UPROBES (PKM(PK_UPROBE) | PKM(PK_URETPROBE))
/* Probes that fire with the registers of a user thread (reg(), ustack).
 * BEGIN and END have none: they run once, from gotrace, with BPF_PROG_RUN. */
#define PKM_REGS (PKM_UPROBES | PKM(PK_INTERVAL) | PKM(PK_PROFILE))

/* Probe kinds whose programs are of one BPF program type; a probe whose
 * attach points span several gets one program of each. PG_RUN: raw
 * tracepoint programs that are never attached, but run once by
 * BPF_PROG_RUN (BEGIN, END), their site's cookie in the context. */
enum prog_group { PG_UPROBE, PG_PERF, PG_TRACEPOINT, PG_RUN, PG__COUNT };
static inline enum prog_group prog_group_of(enum probe_kind k)
{
	return k == PK_INTERVAL || k == PK_PROFILE ? PG_PERF
	       : k == PK_TRACEPOINT		   ? PG_TRACEPOINT
	       : k == PK_BEGIN || k == PK_END	   ? PG_RUN
						   : PG_UPROBE;
}

enum probe_kind probe_kind_of(const char *provider);
const char *probe_kind_name(enum probe_kind k);

/* A field of a tracepoint's format file. */
enum tp_field_kind {
	TPF_INT,     /* integer of size 1, 2, 4, 8 */
	TPF_CHARS,   /* char name[N]: a string */
	TPF_DATALOC, /* __data_loc char[]: a string elsewhere in the record */
};
struct tp_field {
	char *name;
	uint32_t offset, size;
	bool is_signed;
	enum tp_field_kind kind;
};

/* What probe resolution learned about one probe's attach points. */
struct probe_env {
	unsigned kinds; /* PKM() of every attach point */
	/* uprobes and return probes */
	enum go_compiler compiler;
	enum go_abi abi;
	bool abi_mixed;	  /* attach points in binaries with different ABIs */
	bool go_ret_insn; /* return probe is a uprobe on RET instructions */
	bool sp_is_ret;	  /* at every site [sp] holds the return address */
	bool goid_ok;
	bool goid_tls;	  /* g from the thread pointer, else from R14 */
	int64_t goid_off; /* offset of goid in runtime.g */
	int64_t tls_g_off;
	int64_t task_fsbase_off; /* task_struct.thread.fsbase, from BTF */
	uint64_t types_start, types_end; /* Go's type descriptors, for gotype() */
	char *goid_err; /* why goid is unavailable */
	uint32_t in_args_size; /* stack ABI: bytes of arguments, 0 unknown */
	struct gobin *bin;     /* when all points are in one binary */
	const struct gofunc *func; /* when there is one function */
	bool many_funcs;
	const char *func_name; /* the one function, also when it is only inlined */
	/* inlined copies: sites whose `inl` is set (the function's body
	 * inside another function's code), and sites of functions' own code */
	bool has_inlined, has_own;
	/* SP delta of the stack frame at every uprobe site (the return address
	 * is at SP + sp_delta), when they all agree and it is known; -1 else */
	int64_t sp_delta;
	/* the probe's sites, ps->sites.v[site0 .. site0 + nsites) (the low
	 * half of their cookies), set when resolution is over */
	const struct site *sites;
	size_t site0, nsites;
	/* tracepoints: fields common to every attach point */
	struct tp_field *fields;
	size_t nfields;
	bool fields_mixed;
	char *first_tp;	   /* "cat:name" of the first tracepoint */
	/* fields some tracepoints have differently, or not at all: why */
	struct tp_conflict {
		char *name, *why;
	} *conflicts;
	size_t nconflicts;
};

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
	struct gobin *bin;
	uint64_t vaddr;	   /* the address in the binary */
	int64_t sp_delta;  /* SP delta there (.gopclntab), -1 unknown */
	const struct goinline *inl; /* an inlined copy of func, or NULL */
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
/* Mounts tracefs when it is not; returns the events directory, or NULL
 * with errno EACCES (no permission) or ENOENT. */
const char *tracefs_events_dir(void);
/* That failure as one sentence. */
const char *tracefs_error(int err);
/* The tracepoints whose category matches catpat and whose name matches
 * namepat (fnmatch patterns) and that have a format file, as "cat:name"
 * strings in tracefs's order; the caller frees each and the array.
 * Returns how many, or -errno with *why (one sentence, malloc'd) when
 * tracefs's events folder is not there or cannot be read. */
int tracepoints_matching(const char *catpat, const char *namepat, char ***names, char **why);

/* The file of a probe's binary part: with pid (-p), an empty target is
 * the process's executable, an absolute path is looked up in its root
 * (/proc/PID/root: its mount namespace), a name is its executable's or
 * that of a library it maps; else (and then) a path, a name on PATH or a
 * library the loader knows. Malloc'd, or NULL. */
char *probe_binary_path(const char *target, pid_t pid);

/* -l PATTERN */
int list_probes(const char *pattern, pid_t pid, bool verbose);

/* Task struct offset of thread.fsbase from the kernel's BTF, or -1. */
int64_t kernel_task_fsbase_off(void);
/* Offsets of task_struct.mm and mm_struct.start_code from the kernel's
 * BTF (looked up once); -ENOENT when unknown. */
int kernel_mm_offsets(int64_t *task_mm, int64_t *mm_start_code);
/* Whether the kernel's BTF has the function (a kfunc, say). */
bool kernel_has_func(const char *name);
/* Whether uprobe programs may sleep (BPF_F_SLEEPABLE, Linux 5.19), and so
 * read user memory with bpf_copy_from_user, which takes page faults:
 * tried once with a small program. */
bool kernel_sleepable_uprobes(void);

#endif
