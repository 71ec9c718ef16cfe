/* output.h - everything gotrace prints on its standard output (or -o
 * FILE): printf lines, map dumps, histograms, stats, print(value), time(),
 * the "Attaching N probes..." banner and lost-event notes, as text in
 * bpftrace's layout or as bpftrace's JSON lines (-f json). */
#ifndef GOTRACE_OUTPUT_H
#define GOTRACE_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include "sema/sema.h"

struct syms;

enum out_format { OUT_TEXT, OUT_JSON };

struct output {
	FILE *f;
	enum out_format format;
	struct sema *sema; /* fmts and maps */
	struct syms *syms;
	int ncpus;	   /* possible CPUs: per-CPU values come in this many slots */
};

/* One entry of a map as read from the kernel: key bytes (for hist/lhist
 * maps, the user key followed by the u64 bucket) and the value: for
 * aggregations `ncpus` slots of agg_slot_size() bytes, otherwise one value
 * of mapinfo->val->size bytes. */
struct map_entry {
	const void *key;
	const void *val;
};

/* Event payloads (see runtime/events.h). */
void out_printf(struct output *o, int fmt_id, const void *payload);
void out_print_value(struct output *o, int fmt_id, const void *payload);
void out_time(struct output *o, int fmt_id);
/* A whole map: "@name[key]: value" lines sorted like bpftrace (by value,
 * hist/lhist by key), a histogram per key, stats; top > 0 keeps only the
 * top entries, div > 1 divides values. Prints nothing for an empty map
 * unless force is set (print(@m) of an empty map prints "@m: " like... see
 * bpftrace). */
void out_map(struct output *o, const struct mapinfo *m,
	     const struct map_entry *entries, size_t n, int64_t top,
	     int64_t div);
/* "Attaching N probes..." (text) / {"type": "attached_probes", ...}. */
void out_attached(struct output *o, int nprobes);
/* Lost events at the end, when any: a note (text, on stderr like
 * bpftrace's warning) or {"type": "lost_events", ...} on the output. */
void out_lost(struct output *o, uint64_t lost);
void out_flush(struct output *o);

/* One value as text, as printf's %s and map keys show it (strings raw,
 * stacks multi-line, tuples "(a, b)"). */
void out_value_text(struct output *o, const struct type *t, const void *data,
		    struct strbuf *sb);

#endif
