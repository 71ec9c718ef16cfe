/* symbols.h - turning addresses, stack ids and attach cookies into names
 * when output is printed (never in the BPF program). */
#ifndef GOTRACE_SYMBOLS_H
#define GOTRACE_SYMBOLS_H

#include <stdint.h>

#include "golang/gobin.h"
#include "util/util.h"

struct syms;

/* The name of the function with id `func` (the value of `func`), and the
 * full name of the probe site with index `probe` (the value of `probe`). */
const char *syms_func(struct syms *s, uint64_t func);
const char *syms_probe(struct syms *s, uint64_t probe);

/* "main.sum" for an address in process pid (no offset); the address in
 * hex when unknown. */
void syms_usym(struct syms *s, uint64_t addr, uint32_t pid,
	       struct strbuf *out);
/* With the offset: "main.sum+4". */
void syms_usym_off(struct syms *s, uint64_t addr, uint32_t pid,
		   struct strbuf *out);
/* The name of the Go type whose descriptor is at addr in process pid. */
void syms_gotype(struct syms *s, uint64_t addr, uint32_t pid, struct strbuf *out);
void syms_ksym_off(struct syms *s, uint64_t addr, struct strbuf *out);
/* The source frames of a user address in process pid, innermost first
 * (the calls the compiler inlined there, then the function), from the
 * binary's .gopclntab; `call` looks up the call before a return address
 * (addr - 1). *bin is the binary's path. Returns how many, 0 when the
 * address is in no Go function the binaries know. */
int syms_usrc(struct syms *s, uint64_t addr, uint32_t pid, bool call,
	      struct gosrc *frames, int max, const char **bin);

/* Frames of a stack: returns their count (0 when the id is invalid or
 * the stack is gone). For a user stack, ret0 (the return address at [sp]
 * at probe time, or 0) is inserted after the first frame unless it is
 * already there. */
int syms_ustack(struct syms *s, int64_t id, uint64_t ret0, uint64_t *ips,
		int max);
int syms_kstack(struct syms *s, int64_t id, uint64_t *ips, int max);

#endif
