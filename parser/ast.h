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
	N_INT,	    /* 42 */
	N_STR,	    /* "text" */
	N_VAR,	    /* $name */
	N_MAP,	    /* @name, @name[keys] */
	N_IDENT,    /* builtin variable: pid, comm, goid, args, ... */
	N_POSPARAM, /* $1 */
	N_PARAMCNT, /* $# */
	N_CALL,	    /* name(args) */
	N_BINOP,    /* lhs op rhs */
	N_UNOP,	    /* op operand: '-' '!' '~' */
	N_TERNARY,  /* cond ? then : els */
	N_CAST,	    /* (ctype) operand, (ctype *) operand */
	N_DEREF,    /* *(ctype *) addr */
	N_FIELD,    /* base.name, base.0 */
	N_TUPLE,    /* (a, b, ...) */
	N_INDEX,    /* base[index] */
	N_INCDEC,   /* ++target, target-- */
	/* statements */
	N_EXPRSTMT, /* expr; */
	N_ASSIGN,   /* target = value, target op= value */
	N_IF,	    /* if (cond) then else els */
	N_WHILE,    /* while (cond) body */
	N_FOR,	    /* for (var : from .. to) body */
	N_UNROLL,   /* unroll (count) body */
	N_BREAK,
	N_CONTINUE,
	N_RETURN,
	N_BLOCK, /* { stmts } */
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

enum goop {
	GOOP_NONE,
	GOOP_PARAM, /* the parameter itself */
	GOOP_CAST,  /* gocast(value, "T"): a value of a Go type named in the script */
	GOOP_FIELD, /* a struct field (through a pointer if the parent is one) */
	GOOP_LEN,   /* .len of a string or slice */
	GOOP_CAP,   /* .cap of a slice */
	GOOP_INDEX, /* [i] of a slice or array */
	GOOP_ITYPE, /* .type of an interface: its first word (type or itab) */
	GOOP_IDATA, /* .data of an interface: its second word */
};

struct goplace;

/* A step of a Go value path (args.r.URL.Path, args.s[i],
 * gocast(p, "*T").f), filled by sema: the Go type of the value here and
 * how it is reached from its base. The root is args.NAME (GOOP_PARAM) or
 * a gocast() call (GOOP_CAST). */
struct gostep {
	enum goop op;
	const struct gotype *gt;
	const struct goparam *param; /* GOOP_PARAM at a function's own entry */
	const struct goplace *place; /* GOOP_PARAM: per site (inlined copies) */
	int field;		     /* GOOP_FIELD: index in the struct */
};

/* A node of the tree. The fields after the union's tag are per kind;
 * the ones marked "sema" are filled by the semantic pass. */
struct node {
	enum node_kind kind;
	struct loc loc;
	struct node *next; /* next in a list: statements, arguments, keys */
	struct type *type; /* sema: the type of an expression */
	union {
		struct { /* N_INT */
			int64_t value;
		} num;
		struct { /* N_STR: unescaped, may hold NULs */
			char *text;
			size_t len;
		} str;
		struct { /* N_VAR */
			char *name; /* without '$' */
			struct var *var; /* sema */
		} var;
		struct { /* N_MAP */
			char *name; /* without '@'; "" for @ */
			struct node *keys; /* list, NULL for @name */
			struct mapinfo *map; /* sema */
		} map;
		struct { /* N_POSPARAM */
			int index; /* $index */
		} param;
		struct { /* N_CALL; also N_IDENT, a builtin variable being a
			  * call without parentheses (args is NULL) */
			char *name;
			struct node *args; /* list */
			const struct builtin *bi; /* sema */
			int fmt;		  /* sema: printf/print/time format id */
			bool param_text;	  /* sema: str($N), the parameter's text */
			struct node *target;	  /* sema: @m[k] an aggregation updates */
			struct gostep go;	  /* sema: gocast(), the root of a Go path */
		} call;
		struct { /* N_BINOP */
			int op;
			struct node *lhs, *rhs;
		} binop;
		struct { /* N_UNOP */
			int op;
			struct node *operand;
		} unop;
		struct { /* N_TERNARY, N_IF (then and els are statements) */
			struct node *cond, *then, *els;
		} cond;
		struct { /* N_CAST */
			char *ctype; /* int8 .. uint64 */
			bool ptr;    /* (ctype *) */
			struct node *operand;
		} cast;
		struct { /* N_DEREF */
			struct node *ptr; /* an N_CAST to a pointer type */
		} deref;
		struct { /* N_FIELD */
			struct node *base;
			char *name;  /* NULL for a number */
			int index;   /* base.index of a tuple */
			int tp_field; /* sema: args.NAME of a tracepoint */
			struct gostep go; /* sema: a Go value path step */
		} field;
		struct { /* N_INDEX */
			struct node *base, *index;
			struct gostep go; /* sema */
		} index;
		struct { /* N_TUPLE */
			struct node *elems; /* list */
		} tuple;
		struct { /* N_INCDEC */
			int op; /* OP_INC, OP_DEC */
			bool prefix;
			struct node *target; /* N_VAR or N_MAP */
		} incdec;
		struct { /* N_EXPRSTMT */
			struct node *expr;
		} exprstmt;
		struct { /* N_ASSIGN */
			int op; /* '=' or the operator of op= */
			struct node *target; /* N_VAR or N_MAP */
			struct node *value;
		} assign;
		struct { /* N_WHILE */
			struct node *cond, *body;
		} loop;
		struct { /* N_FOR */
			struct node *var; /* N_VAR */
			struct node *from, *to, *body;
		} range;
		struct { /* N_UNROLL */
			struct node *count;
			int64_t times; /* sema: the count's value */
			struct node *body;
		} unroll;
		struct { /* N_BLOCK */
			struct node *stmts; /* list */
		} block;
	};
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
/* The Go path step of a field or index node; NULL for other kinds. */
static inline struct gostep *ast_gostep(struct node *n)
{
	return n->kind == N_FIELD ? &n->field.go : n->kind == N_INDEX ? &n->index.go
	       : n->kind == N_CALL ? &n->call.go : NULL;
}
/* The value a field or index step applies to; NULL for other kinds. */
static inline struct node *ast_base(const struct node *n)
{
	return n->kind == N_FIELD ? n->field.base : n->kind == N_INDEX ? n->index.base : NULL;
}
/* Appends list b to list a, returns the head. */
struct node *ast_append(struct node *a, struct node *b);
int ast_count(const struct node *list);
struct loc loc_span(struct loc a, struct loc b);
/* Prints the tree (for -d ast); annot, when given, adds to each node's
 * line (sema adds the types). */
void ast_dump(const struct program *p, struct strbuf *out,
	      void (*annot)(const struct node *n, struct strbuf *out));
/* The nodes directly under n, list heads included (their ->next
 * chains are children too); returns how many (at most 4). */
int ast_children(const struct node *n, struct node *kids[4]);
const char *op_name(int op);
void program_free(struct program *p);
/* The first node nested deeper than limit, or NULL. */
struct node *ast_too_deep(struct node *n, int limit);
#define AST_MAX_DEPTH 500

#endif
