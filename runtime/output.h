/* output.h - everything gotrace prints on its standard output (or -o
 * FILE): printf lines, map dumps, histograms, stats, print(value), time(),
 * the "Attaching N probes..." banner and lost-event notes, as text in
 * bpftrace's layout or as bpftrace's JSON lines (-f json). Each format is
 * one struct out_ops (runtime/out_format.h) that these calls hand their
 * decoded events and sorted map rows to. */
#ifndef GOTRACE_OUTPUT_H
#define GOTRACE_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include "sema/sema.h"

struct syms;

/* -f: runtime/out_text.c, out_json.c, out_pprof.c, out_folded.c */
enum out_format { OUT_TEXT, OUT_JSON, OUT_PPROF, OUT_FOLDED };

struct output {
	FILE *f;
	enum out_format format;
	struct sema *sema; /* fmts and maps */
	struct syms *syms;
	int ncpus;	   /* possible CPUs: per-CPU values come in this many slots */
	FILE *console;	   /* what bpftrace writes to stdout even with -o (the
			    * blank lines before the final dump); NULL: stdout */
	void *state;	   /* the format's own (pprof: the profile so far) */
	struct strbuf line; /* out_printf's text, reused from event to event */
};

/* One entry of a map as read from the kernel: key bytes (for hist/lhist
 * maps, the user key followed by the u64 bucket) and the value: for
 * aggregations `ncpus` slots of agg_slot_size() bytes, otherwise one value
 * of mapinfo->val->size bytes. */
struct map_entry {
	const void *key;
	const void *val;
};

/* Event payloads (see abi/events.h). */
void out_printf(struct output *o, int fmt_id, const void *payload);
void out_print_value(struct output *o, int fmt_id, const void *payload);
void out_time(struct output *o, int fmt_id);
/* A whole map: "@name[key]: value" lines sorted like bpftrace (ascending by
 * value: count, sum, integers, min, max; avg and stats by the average;
 * hist/lhist by their total count; anything else by key), a histogram per
 * key, stats; top > 0 keeps only the top entries, div > 1 divides values
 * (bpftrace ignores both on stats and div on lhist). An empty map prints
 * what bpftrace prints: a blank line in text (two for avg/stats), nothing
 * in JSON. */
void out_map(struct output *o, const struct mapinfo *m,
	     const struct map_entry *entries, size_t n, int64_t top,
	     int64_t div);
/* "Attaching N probes..." (text) / {"type": "attached_probes", ...}. */
void out_attached(struct output *o, int nprobes);
/* Events lost since the last call, when any: "Lost N events" (text) or
 * {"type": "lost_events", ...}, on the output like bpftrace does. */
void out_lost(struct output *o, uint64_t lost);
/* What a report site counted, at exit (runtime/reports.c): reads that
 * failed, or map updates that were dropped. */
struct out_report {
	enum report_kind kind;
	const char *at;	  /* "FILE:LINE:COL" */
	const char *what; /* "gostr", "*(uint8 *)", "@name" */
	uint64_t count, failed;
	const char *error; /* why, the last time */
	uint32_t max_entries; /* a map's */
};
/* -f json: {"type": "read_errors", ...} or {"type": "map_updates_dropped",
 * ...}; nothing in the other formats (the report is on stderr). */
void out_report(struct output *o, const struct out_report *r);
/* The two newlines bpftrace prints on stdout after END, before the maps,
 * in text and JSON alike (with -o they go to the terminal, not the file). */
void out_exit(struct output *o);
void out_flush(struct output *o);
/* Once, when gotrace is done with the output (after the last flush):
 * -f pprof writes its profile then. */
void out_close(struct output *o);

/* One value as text, as printf's %s and print() show it (strings raw,
 * stacks a newline then one frame per line indented by 8, tuples "(a, b)",
 * buf() with \xNN for bytes outside printable ASCII, aggregations
 * combined over the CPUs). */
void out_value_text(struct output *o, const struct type *t, const void *data,
		    struct strbuf *sb);

#endif
