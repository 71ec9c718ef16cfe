/* attach.c - putting each program on its sites: uprobes (entry, RET
 * instructions, kernel return probes), perf events for interval and
 * profile, tracepoints. The attach cookie of every site is its index in
 * the probeset, which is how one shared program knows where it fired. */
#include <errno.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "runtime/attach.h"

static VEC(int) perf_fds;

void attach_prepare(struct probeset *ps, int probe, struct bpf_program *prog)
{
	(void)ps;
	(void)probe;
	(void)prog;
}

static int perf_open(struct perf_event_attr *a, pid_t pid, int cpu)
{
	return (int)syscall(SYS_perf_event_open, a, pid, cpu, -1, PERF_FLAG_FD_CLOEXEC);
}

/* interval: one CPU; profile: every CPU. */
static int attach_timer(struct site *s, struct bpf_program *prog, uint64_t cookie, link_vec *links)
{
	struct perf_event_attr a = {
		.type = PERF_TYPE_SOFTWARE,
		.size = sizeof(a),
		.config = PERF_COUNT_SW_CPU_CLOCK,
	};
	if (s->freq) {
		a.freq = 1;
		a.sample_freq = s->freq;
	} else {
		a.sample_period = s->period_ns;
	}
	int ncpu = s->kind == PK_INTERVAL ? 1 : libbpf_num_possible_cpus();
	for (int cpu = 0; cpu < ncpu; cpu++) {
		int fd = perf_open(&a, -1, cpu);
		if (fd < 0) {
			if (errno == ENODEV && s->kind == PK_PROFILE)
				continue; /* a possible CPU that is not online */
			fprintf(stderr, "gotrace: %s: cannot open a perf event on CPU %d: %s\n", s->name,
				cpu, strerror(errno));
			return -1;
		}
		vec_push(&perf_fds, fd);
		LIBBPF_OPTS(bpf_perf_event_opts, po, .bpf_cookie = cookie);
		struct bpf_link *l = bpf_program__attach_perf_event_opts(prog, fd, &po);
		if (!l) {
			fprintf(stderr, "gotrace: %s: cannot attach: %s\n", s->name, strerror(errno));
			return -1;
		}
		vec_push(links, l);
	}
	return 0;
}

int attach_all(struct probeset *ps, struct bpf_program **progs, pid_t pid, bool verbose,
	       void *linksp, int *n)
{
	link_vec *links = linksp;
	*n = 0;
	for (size_t i = 0; i < ps->sites.n; i++) {
		struct site *s = &ps->sites.v[i];
		struct bpf_program *prog = progs[s->probe];
		struct bpf_link *l = NULL;
		switch (s->kind) {
		case PK_BEGIN:
		case PK_END:
			(*n)++;
			continue;
		case PK_UPROBE:
		case PK_URETPROBE: {
			LIBBPF_OPTS(bpf_uprobe_opts, uo, .bpf_cookie = i, .retprobe = s->retprobe);
			l = bpf_program__attach_uprobe_opts(prog, pid > 0 ? pid : -1, s->path,
							    s->offset, &uo);
			if (!l) {
				fprintf(stderr, "gotrace: cannot attach %s at offset 0x%llx of %s: %s\n",
					s->name, (unsigned long long)s->offset, s->path, strerror(errno));
				return -1;
			}
			break;
		}
		case PK_INTERVAL:
		case PK_PROFILE:
			if (attach_timer(s, prog, i, links) < 0)
				return -1;
			(*n)++;
			continue;
		case PK_TRACEPOINT: {
			LIBBPF_OPTS(bpf_tracepoint_opts, to, .bpf_cookie = i);
			l = bpf_program__attach_tracepoint_opts(prog, s->tp_cat, s->tp_name, &to);
			if (!l) {
				fprintf(stderr, "gotrace: cannot attach %s: %s\n", s->name, strerror(errno));
				return -1;
			}
			break;
		}
		default:
			continue;
		}
		vec_push(links, l);
		(*n)++;
		if (verbose)
			fprintf(stderr, "attached %s%s\n", s->name,
				s->path ? "" : "");
	}
	return 0;
}

void attach_detach_all(void)
{
	for (size_t i = 0; i < perf_fds.n; i++)
		close(perf_fds.v[i]);
	vec_free(&perf_fds);
}
