/* reports.c - what went wrong while tracing, said where it happened:
 * reads of user memory that failed and map updates that were dropped
 * (counted per report site by the probes, in MAP_REPORTS), and events
 * lost because the ring buffer was full (MAP_LOST).
 *
 * At exit each report site with failures is a located warning on stderr
 * ("stdin:1:40: warning: gostr: 2 of 40 reads failed: Bad address") and,
 * with -f json, an object in the output. Lost events are said on stderr
 * at most once a second while they happen, and in all at exit (besides
 * bpftrace's "Lost N events" in the output). With -k every failure is
 * said as it happens (EV_FAULT events). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>

#include "abi/events.h"
#include "runtime/tracer.h"

/* "FILE:LINE:COL" of a place in the script. */
static void place(struct tracer *t, struct loc loc, char *buf, size_t len)
{
	int line, col;
	diag_linecol(t->s->prog->src, loc.begin, &line, &col);
	snprintf(buf, len, "%s:%d:%d", t->s->prog->src->name, line, col);
}

/* Why a map update fails: E2BIG when the map holds all it may. */
static const char *update_error(int err)
{
	return err == E2BIG ? "the map is full" : strerror(err);
}

void say_fault(struct tracer *t, uint32_t site, const struct ev_fault *f)
{
	if (site >= t->s->reports.n)
		return;
	const struct report_site *r = &t->s->reports.v[site];
	char at[256];
	place(t, r->loc, at, sizeof(at));
	int err = (int)-f->err;
	if (r->kind == REPORT_READ)
		fprintf(stderr, "%s: %s: cannot read %" PRIu64 " bytes at 0x%" PRIx64 ": %s\n", at, r->what,
			f->size, f->addr, strerror(err));
	else
		fprintf(stderr, "%s: %s: update dropped: %s\n", at, r->what, update_error(err));
}

/* A report site's counts, over every CPU (entry site / REPORTS_PER_ENTRY
 * of MAP_REPORTS holds it; each CPU's copy of the entry is `per` sites). */
static int read_counts(struct tracer *t, uint32_t site, struct report_count *sum)
{
	uint32_t n = (uint32_t)MAX(t->s->reports.n, 1);
	size_t per = MIN(n, REPORTS_PER_ENTRY);
	size_t stride = ALIGN_UP(per * sizeof(struct report_count), 8);
	uint32_t key = site / REPORTS_PER_ENTRY;
	size_t at = (site % REPORTS_PER_ENTRY) * sizeof(struct report_count);
	char *vals = xcalloc((size_t)t->ncpus, stride);
	memset(sum, 0, sizeof(*sum));
	int err = bpf_map_lookup_elem(t->reports_fd, &key, vals) ? -errno : 0;
	for (int i = 0; !err && i < t->ncpus; i++) {
		struct report_count c;
		memcpy(&c, vals + (size_t)i * stride + at, sizeof(c));
		sum->count += c.count;
		sum->failed += c.failed;
		if (c.err)
			sum->err = c.err;
	}
	free(vals);
	return err;
}

void say_failures(struct tracer *t)
{
	struct sema *s = t->s;
	if (t->reports_fd < 0)
		return;
	for (uint32_t i = 0; i < s->reports.n; i++) {
		const struct report_site *r = &s->reports.v[i];
		struct report_count c;
		if (read_counts(t, i, &c) || !c.failed)
			continue;
		int err = (int)-c.err;
		char at[256];
		place(t, r->loc, at, sizeof(at));
		struct out_report rep = { .kind = r->kind, .at = at, .what = r->what, .count = c.count,
					  .failed = c.failed, .error = strerror(err),
					  .max_entries = r->max_entries };
		if (r->kind == REPORT_READ) {
			diag_warning(s->diag, r->loc, "%s: %" PRIu64 " of %" PRIu64 " reads failed: %s",
				     r->what, c.failed, c.count, strerror(err));
		} else {
			rep.error = update_error(err);
			diag_warning(s->diag, r->loc, "%s: %" PRIu64 " update%s dropped: %s", r->what,
				     c.failed, c.failed == 1 ? "" : "s", update_error(err));
			if (err == E2BIG)
				diag_hint(s->diag,
					  "the map holds at most %" PRIu32 " entries%s; GOTRACE_MAP_KEYS_MAX=N raises the limit of a map's keys",
					  r->max_entries,
					  r->map && (r->map->val->kind == TY_HIST || r->map->val->kind == TY_LHIST)
						  ? " (a histogram's key takes an entry per bucket)"
						  : "");
		}
		out_report(t->out, &rep);
	}
}

void check_lost(struct tracer *t, bool at_exit)
{
	uint64_t lost = lost_events(t);
	if (!at_exit) {
		if (lost > t->lost_said)
			fprintf(stderr, "gotrace: %" PRIu64 " events lost in the last second (the ring buffer was full)\n",
				lost - t->lost_said);
		t->lost_said = lost;
		return;
	}
	if (lost)
		fprintf(stderr, "gotrace: %" PRIu64 " events lost in all: the ring buffer was full (gotrace did not read it as fast as the probes wrote)\n",
			lost);
}
