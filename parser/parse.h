/* parse.h - from script text to a struct program.
 *
 * parser/ owns the grammar (parser.y), the syntax tree (ast.h: a node per
 * construct, each with its source location) and the syntax of attach
 * points (attach.c). With lexer/ it is the front of the pipeline; it
 * depends on util/ only. */
#ifndef GOTRACE_PARSE_H
#define GOTRACE_PARSE_H

#include "parser/ast.h"
#include "util/diag.h"

/* State shared by the lexer and the parser (no globals). */
struct parse_state {
	struct program *prog;
	struct diag *diag;
	int depth;    /* brace depth; 0 = between probes */
	int in_pred;  /* inside /predicate/ */
	uint32_t off; /* byte offset of the next character */
	uint32_t bad_byte_end; /* end of the last byte no token starts with */
	struct probe **probes_tail; /* where the next probe is linked */
	struct attach **attaches_tail; /* and the next attach point of a probe */
};

/* Parses src into *prog (allocated in its arena). Returns the number of
 * errors reported through diag; prog is usable only when it is 0. */
int parse_program(struct source *src, struct diag *diag, char **params,
		  int nparams, struct program **prog);

/* Splits and checks one attach point (called by the parser). */
struct attach *parse_attach(struct parse_state *ps, const char *text,
			    struct loc loc);

#endif
