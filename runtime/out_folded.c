/* out_folded.c - the folded format (-f folded): each entry of a map whose
 * key holds a stack as one line "root;...;leaf N", the input of Brendan
 * Gregg's flamegraph.pl, speedscope and inferno. Frames are function
 * names from the binary (a call the compiler inlined is a frame of its
 * own, as in go tool pprof), kernel frames end in "_[k]"; the key's
 * other elements (a string, a number) are frames at the root, in key
 * order. Entries whose frames print the same are added up, and the lines
 * come sorted. Everything else (printf, other maps, the banner) goes to
 * stderr as text.
 *
 * Also here: what the folded and pprof formats share, a key as its
 * places (out_key_locs). */
#include "runtime/out_format.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "runtime/symbols.h"

/* --- folded lines -------------------------------------------------------------- */

/* A frame's name as flamegraph.pl reads it: ';' separates frames and a
 * line's last space comes before the count, so ';' becomes ':' and
 * newlines become spaces. */
static void put_frame(const char *name, bool kernel, struct strbuf *sb)
{
	for (const char *c = name; *c; c++)
		sb_putc(sb, *c == ';' ? ':' : *c == '\n' ? ' ' : *c);
	if (kernel)
		sb_puts(sb, "_[k]");
}

struct folded_line {
	char *stack;
	int64_t n;
};

static int cmp_line(const void *a, const void *b)
{
	return strcmp(((const struct folded_line *)a)->stack, ((const struct folded_line *)b)->stack);
}

typedef VEC(struct folded_line) folded_lines;

/* One entry: its frames, root first (the places in reverse, each one's
 * outer frame first), and its number. */
static void add_line(void *arg, const struct out_loc *locs, size_t nl, int64_t v)
{
	folded_lines *lines = arg;
	struct strbuf sb;
	sb_init(&sb);
	for (size_t k = nl; k-- > 0;)
		for (int j = locs[k].nlines; j-- > 0;) {
			if (sb.len)
				sb_putc(&sb, ';');
			put_frame(locs[k].lines[j].func, locs[k].kernel, &sb);
		}
	struct folded_line fl = { sb.s ? sb_steal(&sb) : xstrdup(""), v };
	sb_free(&sb);
	vec_push(lines, fl);
}

static void folded_map(struct output *o, const struct mapinfo *m, const struct out_row *rows,
		       size_t n, int64_t div)
{
	if (!out_profile_map(o, m, rows, n, div, "as folded stacks"))
		return;
	folded_lines lines = { 0 };
	out_profile_samples(o, m, rows, n, add_line, &lines);
	if (lines.n)
		qsort(lines.v, lines.n, sizeof(*lines.v), cmp_line);
	struct strbuf out;
	sb_init(&out);
	for (size_t i = 0; i < lines.n; i++) {
		int64_t sum = lines.v[i].n;
		while (i + 1 < lines.n && !strcmp(lines.v[i].stack, lines.v[i + 1].stack)) {
			free(lines.v[i].stack);
			sum += lines.v[++i].n;
		}
		sb_printf(&out, "%s %" PRId64 "\n", lines.v[i].stack,
			  (int64_t)out_divide((uint64_t)sum, true, div));
		free(lines.v[i].stack);
	}
	out_write(o, &out);
	sb_free(&out);
	vec_free(&lines);
}

const struct out_ops out_folded_ops = {
	.banner = out_stderr_banner,
	.printf_line = out_stderr_printf,
	.print_value = out_stderr_print_value,
	.time = out_stderr_time,
	.map = folded_map,
	.lost = out_stderr_lost,
	.flush = out_flush_both,
};
