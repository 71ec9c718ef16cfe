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

/* Frames of a user stack value (struct ev_ustack): returns their count
 * (0 when the id is invalid or the stack is gone). The caller the
 * kernel's frame-pointer walk missed is put back (the value's stack word,
 * where .gopclntab's SP delta at the first pc says the return address
 * is), and each frame in inlined code is preceded by one frame per
 * inlined call it is in, innermost first: such a frame is the address
 * with the inlining level in its top byte (SYMS_INL_SHIFT), which
 * syms_usym_off names. The frames are the stack map's entry of the
 * value's id, or (ustack(N): frames non-NULL) the value's own nframes. */
int syms_ustack(struct syms *s, const void *value, const uint64_t *frames, int nframes,
		uint64_t *ips, int max);
#define SYMS_INL_SHIFT 56
int syms_kstack(struct syms *s, int64_t id, uint64_t *ips, int max);

#endif
