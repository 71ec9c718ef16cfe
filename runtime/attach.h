/* attach.h - attaching programs to their sites. */
#ifndef GOTRACE_ATTACH_H
#define GOTRACE_ATTACH_H

#include <bpf/libbpf.h>

#include "runtime/runtime.h"

struct failure;

struct attacher {
	struct probeset *ps;
	bool verbose;
	struct failure *fail; /* what failed, when attaching fails */
	bool *multi; /* per probe: its uprobes go through uprobe_multi links */
	VEC(struct bpf_link *) links;
	VEC(int) fds; /* uprobe_multi links (perf events belong to their libbpf links) */
};

void attacher_init(struct attacher *a, struct probeset *ps, bool verbose, struct failure *f);
/* Called for each probe's uprobe program before
 * the object is loaded. progs below are indexed probe * PG__COUNT + group. */
void attach_prepare(struct attacher *a, int probe, struct bpf_program *prog);
/* Attaches every site except BEGIN and END; uprobes only in process pid
 * when pid > 0. Counts the sites in *n. Returns 0 or a negative errno,
 * with the site that failed in *a->fail. */
int attach_all(struct attacher *a, struct bpf_program **progs, pid_t pid, int *n);
/* Detaches everything attach_all attached, all links at once (the
 * kernel's wait for probes in flight is paid once, not once per link). */
void attach_detach(struct attacher *a);
void attacher_free(struct attacher *a);

#endif
