/* begin_end.c - running the BEGIN and END probes.
 *
 * Their programs are raw tracepoint programs that are never attached:
 * gotrace runs each once with BPF_PROG_RUN (bpf_prog_test_run_opts), in
 * its own thread, at the right moment. The program runs in the kernel
 * like every other probe and sends its output through the same ring
 * buffer, which is read right after. There is no attach cookie without a
 * link: the site's cookie (what `probe` reads) is the first word of the
 * context instead. Nothing depends on gotrace's own file, so END runs
 * even when that file has been replaced or deleted meanwhile. */
#include <stdio.h>

#include <bpf/bpf.h>

#include "runtime/tracer.h"

int run_special(struct tracer *t, enum probe_kind kind)
{
	for (size_t i = 0; i < t->ps->sites.n; i++) {
		struct site *s = &t->ps->sites.v[i];
		if (s->kind != kind)
			continue;
		struct bpf_program *prog = t->progs[s->probe * PG__COUNT + PG_RUN];
		uint64_t ctx[1] = { site_cookie(t->ps, i) };
		LIBBPF_OPTS(bpf_test_run_opts, ro, .ctx_in = ctx, .ctx_size_in = sizeof(ctx));
		if (!prog)
			return fail(&t->fail, -ENOENT, "%s has no program", s->name);
		if (bpf_prog_test_run_opts(bpf_program__fd(prog), &ro) < 0)
			return fail(&t->fail, neg_errno(), "cannot run %s", s->name);
		drain(t);
	}
	return 0;
}
