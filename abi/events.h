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
#define MAP_ZEROS "zeros"	/* array[1] of 32 KiB of zeros, to clear big areas */
#define MAP_TARGET "target"	/* array[1] of u64: the traced pid for profile, or 0 */
#define MAP_LENCOUNT "lencount"	/* per-CPU array[1] of u64: len()'s counter */
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

#endif
