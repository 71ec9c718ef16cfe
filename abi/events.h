/* events.h - what BPF programs send to user space through the ring
 * buffer.
 *
 * abi/ is neutral ground between codegen/ (which writes these records in
 * BPF) and runtime/ (which reads them); it includes nothing of gotrace's.
 * Every event starts with a header; the payload's layout is given by the
 * types in sema's tables (struct fmtinfo, struct mapinfo). */
#ifndef GOTRACE_EVENTS_H
#define GOTRACE_EVENTS_H

#include <stdint.h>

enum ev_action {
	EV_PRINTF = 1,	 /* id: fmt; payload: the arguments as a tuple */
	EV_EXIT,	 /* payload: i64 exit code */
	EV_PRINT_MAP,	 /* id: map; payload: i64 top, i64 div */
	EV_CLEAR,	 /* id: map */
	EV_ZERO,	 /* id: map */
	EV_PRINT_VALUE,	 /* id: fmt (its type); payload: the value */
	EV_TIME,	 /* id: fmt (time format) */
	EV_FAULT,	 /* id: report site; payload: struct ev_fault (-k) */
};

/* A read of user memory or a map update that failed, as it happens
 * (-k). */
struct ev_fault {
	int64_t err;   /* the helper's negative errno */
	uint64_t addr; /* reads: the address */
	uint64_t size; /* reads: the bytes asked for */
};

/* What a report site counted (sema's struct report_site), per CPU. */
struct report_count {
	uint64_t count;	 /* reads made, map updates tried */
	uint64_t failed; /* of them, failed or dropped */
	int64_t err;	 /* the last failure's negative errno */
};

struct ev_hdr {
	uint32_t action;
	uint32_t id;
};

/* Maps every program has besides the script's own. */
#define MAP_EVENTS "events"	/* ring buffer */
#define MAP_LOST "lost"		/* per-CPU array[1] of u64: events dropped */
#define MAP_STACKS "stacks"	/* stack traces for ustack/kstack */
#define MAP_SCRATCH "scratch"	/* per-CPU scratch of probes too big for the stack */
#define MAP_TSCRATCH "tscratch"	/* the same per thread, of sleepable probes (task storage) */
#define MAP_ZEROS "zeros"	/* array[1] of 32 KiB of zeros, to clear big areas */
#define MAP_TARGET "target"	/* array[1] of u64: the traced pid for profile, or 0 */
#define MAP_LENCOUNT "lencount"	/* per-CPU array[1] of u64: len()'s counter */
#define MAP_REPORTS "reports"	/* per-CPU array: entry k holds the struct report_count
				 * of report sites k * REPORTS_PER_ENTRY and on */
/* Sites per MAP_REPORTS entry: a probe looks its entry up once (a
 * per-CPU value may be up to 32 KiB). */
#define REPORTS_PER_ENTRY 1024
/* Ring buffer bytes. Its pages count in gotrace's memory once mapped:
 * 2 MiB hold 65,536 events of a printf of two numbers, 0.65 s of the
 * fastest a traced loop can call on this machine, drained every 50 ms. */
#define EVENTS_SIZE (1u << 21)
/* Probes submit events without waking the consumer, which drains the
 * ring every EVENTS_POLL_MS, and at once while it finds more; a probe
 * wakes it when the ring holds EVENTS_WAKE_AT bytes or more (and for
 * exit(), print(@m), clear() and zero()). */
#define EVENTS_POLL_MS 50
#define EVENTS_WAKE_AT (EVENTS_SIZE / 8)
#define STACK_DEPTH 127

/* A ustack value (a map key or an argument): the kernel's frame-pointer
 * walk, and what user space needs to put back the caller that walk misses
 * when the innermost function has not (or no longer) set up its frame:
 * the stack word at SP + d where the return address would be, checked in
 * user space against .gopclntab's SP delta at the sampled pc (or trusted
 * when the probe sits where d is known at compile time). start_code is
 * the executable's text start (mm->start_code), which gives a
 * position-independent executable's load address after it has exited. */
struct ev_ustack {
	int64_t id;	     /* stack id in MAP_STACKS, < 0: none */
	uint64_t meta;	     /* pid (low 32 bits), d (bits 32-47), USTACK_* flags */
	uint64_t word;	     /* the word at SP + d */
	uint64_t start_code; /* 0: unknown */
};
#define USTACK_PID(meta) ((uint32_t)(meta))
#define USTACK_D(meta) ((uint32_t)((meta) >> 32) & 0xffff)
#define USTACK_WORD (1ull << 63)    /* word was read */
#define USTACK_TRUSTED (1ull << 62) /* d is the frame's start for sure */

#endif
