/* out_format.h - the interface between output.c and the output formats
 * (out_text.c, out_json.c), and the helpers the formats share.
 *
 * output.c decodes what the kernel hands over (printf arguments, the
 * strftime of time(), a map's entries sorted into rows) and passes it to
 * the struct out_ops of the chosen -f format, looked up once per call by
 * output->format. A format prints values with the helpers below:
 * out_values.c turns any value into text, out_maps.c sorts a map's entries
 * into rows the way bpftrace orders them. Adding a format is one more
 * out_*.c file with its out_ops, and one line in output.c's table.
 *
 * The profile formats (out_folded.c, out_pprof.c) write only the maps
 * that have a stack in their key to the output; everything else goes to
 * stderr as text (out_to_stderr_ops), so that the output is a profile a
 * flame graph tool or go tool pprof reads as it is. */
#ifndef GOTRACE_OUT_FORMAT_H
#define GOTRACE_OUT_FORMAT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "abi/events.h"
#include "runtime/output.h"

#define KEY_INDENT 4   /* stack frames inside map keys */
#define VALUE_INDENT 8 /* stack frames anywhere else */
#define OUT_STACK_MAX (STACK_DEPTH + 1) /* frames, with the return address */

struct out_row;

/* What one format prints for each event and for maps. A NULL member
 * prints nothing. Every member writes to o->f (exit to o->console). */
struct out_ops {
	/* "Attaching N probes...", before BEGIN. */
	void (*banner)(struct output *o, int nprobes);
	/* printf(): the formatted text, len bytes (may be 0). */
	void (*printf_line)(struct output *o, const char *text, size_t len);
	/* print(value): one value of type t. */
	void (*print_value)(struct output *o, const struct type *t, const void *data);
	/* time(): the strftime text of now, len > 0 bytes. */
	void (*time)(struct output *o, const char *text, size_t len);
	/* A map: its rows in bpftrace's order, top already applied (n may be
	 * 0: an empty or cleared map); div > 1 divides the printed values. */
	void (*map)(struct output *o, const struct mapinfo *m,
		    const struct out_row *rows, size_t n, int64_t div);
	/* Events lost since the last call; lost > 0. */
	void (*lost)(struct output *o, uint64_t lost);
	/* Failed reads or dropped map updates at one place, at exit. */
	void (*report)(struct output *o, const struct out_report *r);
	/* After END, before the final map dump. */
	void (*exit)(struct output *o);
	/* After each batch of events, and at the very end. */
	void (*flush)(struct output *o);
	/* Once, when gotrace is done (after the last flush). */
	void (*close)(struct output *o);
};

extern const struct out_ops out_text_ops;
extern const struct out_ops out_json_ops;
extern const struct out_ops out_pprof_ops;
extern const struct out_ops out_folded_ops;

/* --- output.c: what text and JSON alike do -------------------------------- */

/* Writes sb to the output when it holds anything. */
void out_write(struct output *o, const struct strbuf *sb);
/* bpftrace's two newlines after END, on the console. */
void out_exit_newlines(struct output *o);
/* fflush() of the output. */
void out_flush_file(struct output *o);

/* --- out_values.c: values as text ------------------------------------------ */

/* Unaligned little-endian reads from map and event bytes. */
static inline uint64_t out_rd64(const void *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

/* An integer as its type says: cut to its bits, then sign-extended. */
uint64_t out_int_bits(const struct type *t, uint64_t v);
/* Divides as the value's sign says; div < 2 leaves it alone. */
uint64_t out_divide(uint64_t v, bool is_signed, int64_t div);
/* -1, 0, 1 as a < b, a == b, a > b, compared as the sign says. */
int out_cmp64(uint64_t a, uint64_t b, bool is_signed);

/* An aggregation's per-CPU slots combined. */
struct out_agg {
	uint64_t v;	/* count, sum, min, max; avg/stats: the average */
	uint64_t total; /* avg/stats */
	uint64_t count; /* avg/stats */
};
void out_agg_reduce(const struct output *o, const struct type *t,
		    const void *val, struct out_agg *a);

/* The frames of a stack value (ustack, kstack), innermost first, and
 * the process its user frames belong to; 0 frames when it is gone. Name
 * them with runtime/symbols.h. */
int out_stack(const struct output *o, const struct type *t, const void *data,
	      uint64_t ips[OUT_STACK_MAX], uint32_t *pid);

/* Any value as text (hist and lhist excepted: the formats print those
 * from their rows); stack frames indented by `indent`, numbers divided
 * by div. */
void out_value(const struct output *o, const struct type *t, const void *data,
	       int indent, int64_t div, struct strbuf *sb);

/* --- out_profile.c: maps of stacks, for the profile formats ----------------- */

#define OUT_INLINE_MAX 16 /* source frames of one address */

/* One place of a stack as the profile formats write it: an address with
 * its source frames (inlined calls first), or a key element that is not
 * a stack, written as a frame named by its text (addr 0). */
struct out_loc {
	uint64_t addr;
	uint32_t pid;	 /* user addresses */
	bool kernel;
	const char *bin; /* the binary's path; NULL when unknown */
	int nlines;
	struct out_line {
		char *func;
		const char *file; /* NULL when unknown */
		int line;
	} lines[OUT_INLINE_MAX];
};

/* Whether a map's key holds a stack (ustack, kstack, ustack(N)), which
 * makes it a profile. */
bool out_key_has_stack(const struct mapinfo *m);
/* Whether a profile format writes map m as a profile: its key holds a
 * stack and its values are not histograms. When not, m is printed here
 * as text on stderr, with a note that a map of histograms is "not
 * written <not_written>". */
bool out_profile_map(struct output *o, const struct mapinfo *m, const struct out_row *rows,
		     size_t n, int64_t div, const char *not_written);
/* Each row of a profile map whose value is a number (a count, sum,
 * integer, min, max, the average of avg, the total of stats), as its
 * places, leaf first (stack frames innermost first, each stack after the
 * key elements that follow it, non-stack elements as one place each; the
 * root is the first key element), and that number, undivided. The
 * places are freed after fn returns. */
typedef void out_sample_fn(void *arg, const struct out_loc *locs, size_t n, int64_t v);
void out_profile_samples(const struct output *o, const struct mapinfo *m,
			 const struct out_row *rows, size_t n, out_sample_fn *fn, void *arg);
/* What the profile formats print as text on stderr: everything but their
 * maps of stacks (out_stderr_map: text, when it has entries). */
void out_stderr_banner(struct output *o, int nprobes);
void out_stderr_printf(struct output *o, const char *text, size_t len);
void out_stderr_print_value(struct output *o, const struct type *t, const void *data);
void out_stderr_time(struct output *o, const char *text, size_t len);
void out_stderr_map(struct output *o, const struct mapinfo *m, const struct out_row *rows,
		    size_t n, int64_t div);
void out_stderr_lost(struct output *o, uint64_t lost);
/* fflush() of the output and of stderr. */
void out_flush_both(struct output *o);

/* --- out_maps.c: a map's rows and their order ------------------------------ */

/* How a map of a value type is laid out. */
enum out_map_style {
	MS_PLAIN, /* "@m[k]: v" lines */
	MS_HIST,  /* a histogram per key */
	MS_STATS, /* avg and stats: a blank line after the map */
};
enum out_map_style out_map_style(const struct type *v);

/* One printed entry: a map entry, or for hist maps one user key with its
 * buckets summed over the CPUs. */
struct out_row {
	const void *key;
	const void *val;  /* NULL for hist rows */
	uint64_t *counts; /* hist/lhist: out_hist_buckets(m->val) counts */
	uint64_t by;	  /* the number it sorts by */
	void *merged;	  /* a value made by merging entries (freed with the rows) */
};

/* The rows of a map in bpftrace's order (see out_map in output.h); free
 * them with out_rows_free. Aggregations whose keys hold symbols (usym,
 * uline, ucaller: addresses that print the same when they are in one
 * function or on one line) are merged by the key's text, their values
 * added up. */
size_t out_map_rows(const struct output *o, const struct mapinfo *m,
		    const struct map_entry *e, size_t n, struct out_row **rows);
void out_rows_free(struct out_row *rows, size_t n);

/* The key as text: the elements of a multi-key map joined by sep. */
void out_key_text(const struct output *o, const struct mapinfo *m,
		  const void *key, const char *sep, struct strbuf *sb);

/* Buckets of a hist or lhist (a malformed lhist gets just below/above). */
int64_t out_hist_buckets(const struct type *v);
/* The buckets bpftrace prints: from the first to the last with a count,
 * and the largest count; false when every count is zero. */
bool out_bucket_range(const uint64_t *c, int64_t nb, int64_t *lo, int64_t *hi,
		      uint64_t *max);

/* strftime of fmt into sb, however long the text (up to
 * OUT_STRFTIME_MAX bytes); returns its length, 0 for none. */
#define OUT_STRFTIME_MAX (64 * 1024)
struct tm;
size_t out_strftime(struct strbuf *sb, const char *fmt, const struct tm *tm);

#endif
