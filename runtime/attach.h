/* attach.h - attaching programs to their sites. */
#ifndef GOTRACE_ATTACH_H
#define GOTRACE_ATTACH_H

#include <bpf/libbpf.h>

#include "runtime/runtime.h"

typedef VEC(struct bpf_link *) link_vec;

/* Called for each program before the object is loaded. */
void attach_prepare(struct probeset *ps, int probe, struct bpf_program *prog);
/* Attaches every site except BEGIN and END; uprobes only in process pid
 * when pid > 0. Counts the sites in *n. Returns 0 or -1 after saying why. */
int attach_all(struct probeset *ps, struct bpf_program **progs, pid_t pid,
	       bool verbose, void *links, int *n);
/* Closes what attach_all opened besides libbpf links. */
void attach_detach_all(void);

#endif
