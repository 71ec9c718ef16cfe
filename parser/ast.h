/* ast.h - the syntax tree. Every node carries its source location (byte
 * offsets into the script), so any later phase can point at it. Nodes live
 * in an arena owned by struct program. */
#ifndef GOTRACE_AST_H
#define GOTRACE_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "util/diag.h"
#include "util/util.h"

struct type;
struct builtin;
struct gotype;
struct goparam;
struct mapinfo;
struct var;

enum node_kind {
	/* expressions */
	N_INT,	    /* ival */
	N_STR,	    /* str, slen */
	N_VAR,	    /* $name */
	N_MAP,	    /* @name[args] (args NULL when no key) */
	N_IDENT,    /* builtin variable: pid, comm, goid, args, ... */
	N_POSPARAM, /* $1 ($ival) */
	N_PARAMCNT, /* $# */
	N_CALL,	    /* name(args) */
	N_BINOP,    /* lhs op rhs */
	N_UNOP,	    /* op lhs: '-' '!' '~' */
	N_TERNARY,  /* cond ? then : els */
	N_CAST,	    /* (ctype) lhs ; ctype_ptr for (uint8 *) */
	N_DEREF,    /* *lhs, where lhs is a pointer cast */
	N_FIELD,    /* lhs.name, lhs.0 */
	N_TUPLE,    /* (args) */
	N_INDEX,    /* lhs[rhs] */
	N_INCDEC,   /* op is INC or DEC; ival: 1 = prefix; lhs is var or map */
	/* statements */
	N_EXPRSTMT, /* lhs; */
	N_ASSIGN,   /* lhs op= rhs (op '=' or the binary operator) */
	N_IF,	    /* if (cond) then else els */
	N_WHILE,    /* while (cond) body */
	N_FOR,	    /* for (lhs : init .. rhs) body */
	N_UNROLL,   /* unroll (ival) body */
	N_BREAK,
	N_CONTINUE,
	N_RETURN,
	N_BLOCK, /* { body } (a list) */
};

/* Binary/unary operators beyond single characters. */
enum op {
	OP_EQ = 256,
	OP_NE,
	OP_LE,
	OP_GE,
	OP_LAND,
	OP_LOR,
	OP_SHL,
	OP_SHR,
	OP_INC,
	OP_DEC,
};

struct node {
	enum node_kind kind;
	struct loc loc;
	struct node *next; /* next in a list: statements, args, keys */

	struct node *lhs, *rhs;
	struct node *cond, *then, *els;
	struct node *init, *body;
	struct node *args; /* list: call args, map keys, tuple elements */

	int op;
	int64_t ival;
	char *name; /* identifier, map/var name, field, type name */
	char *str;  /* string literal, unescaped */
	size_t slen;
	bool ctype_ptr; /* N_CAST: cast to a pointer type */

	/* Filled by sema. */
	struct type *type;
	const struct builtin *bi;
	struct mapinfo *map;
	struct var *var;
	int id; /* printf/print/time table index, tuple field, ... */
	/* args.NAME of a uprobe (from DWARF): the Go type of the value, and
	 * at the root, the parameter */
	const struct gotype *gt;
	const struct goparam *gp;
	int goop; /* GOOP_*: how this step moves from its parent */
};

enum goop {
	GOOP_PARAM = 1, /* the parameter itself */
	GOOP_FIELD,	/* a struct field (through a pointer if the parent is one) */
	GOOP_LEN,	/* .len of a string or slice */
	GOOP_CAP,	/* .cap of a slice */
	GOOP_INDEX,	/* [i] of a slice or array */
};

/* Attach point: `provider:target:func`, exactly as written, split. */
struct attach {
	struct loc loc;
	char *text;	/* as written (after $N substitution) */
	char *provider; /* canonical: "uprobe", "interval", "BEGIN", ... */
	char *target;	/* binary, unit, tracepoint category */
	char *func;	/* function (unquoted), freq, tracepoint name */
	uint64_t offset; /* func+OFFSET */
	uint64_t addr;	 /* uprobe:BIN:0xADDR */
	uint64_t freq;	 /* interval/profile */
	struct attach *next;
};

struct probe {
	struct loc loc;
	struct attach *attaches;
	struct node *pred; /* may be NULL */
	struct node *body; /* N_BLOCK */
	struct probe *next;
	int index;
};

struct program {
	struct arena arena;
	struct source *src;
	char **params; /* positional parameters $1..$N */
	int nparams;
	struct probe *probes;
	int nprobes;
};

struct node *ast_new(struct program *p, enum node_kind kind, struct loc loc);
/* Appends list b to list a, returns the head. */
struct node *ast_append(struct node *a, struct node *b);
int ast_count(const struct node *list);
struct loc loc_span(struct loc a, struct loc b);
/* Prints the tree (for -d ast). */
void ast_dump(const struct program *p, struct strbuf *out);
const char *op_name(int op);
void program_free(struct program *p);
/* The first node nested deeper than limit, or NULL. */
struct node *ast_too_deep(struct node *n, int limit);
#define AST_MAX_DEPTH 500

#endif
