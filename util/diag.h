/* diag.h - compiler diagnostics. One routine prints every message as
 *   FILE:LINE:COL: error: MESSAGE
 *     the source line
 *     ^~~~~ under the place
 * followed by optional hints. Errors are counted so that a phase can report
 * several and the driver stops after the phase. */
#ifndef GOTRACE_DIAG_H
#define GOTRACE_DIAG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "util/util.h"

/* A script: a .gt file, or the -e program (named "stdin" like bpftrace). */
struct source {
	const char *name;
	const char *text;
	size_t len;
};

/* A place in a source: byte offsets, end exclusive. */
struct loc {
	uint32_t begin, end;
};

struct diag {
	const struct source *src;
	FILE *out; /* stderr unless a test captures it */
	int errors, warnings;
	int max_errors; /* stop printing after this many (0: 20) */
	bool quiet;	/* a trial pass: neither print nor count */
};

void diag_init(struct diag *d, const struct source *src);
void diag_error(struct diag *d, struct loc loc, const char *fmt, ...)
	PRINTF_LIKE(3, 4);
void diag_warning(struct diag *d, struct loc loc, const char *fmt, ...)
	PRINTF_LIKE(3, 4);
/* A located note that is neither an error nor a warning. */
void diag_remark(struct diag *d, struct loc loc, const char *fmt, ...)
	PRINTF_LIKE(3, 4);
/* "hint: ..." line after the last message. */
void diag_hint(struct diag *d, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* "note: ..." line after the last message. */
void diag_note(struct diag *d, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Line and column (1-based) of a byte offset. */
void diag_linecol(const struct source *src, uint32_t off, int *line, int *col);

/* Where each line of a source starts, for many lookups (codegen gives
 * every statement a line and column): O(log lines) each. */
struct linemap {
	const struct source *src;
	uint32_t *starts;
	size_t n;
};
void linemap_init(struct linemap *m, const struct source *src);
void linemap_find(const struct linemap *m, uint32_t off, int *line, int *col);
void linemap_free(struct linemap *m);

/* Closest name to `name` among `cands` by edit distance, or NULL when
 * nothing is close enough to be a likely typo. */
const char *diag_suggest(const char *name, const char *const *cands,
			 size_t n);

#endif
