/* ast.c - constructing, printing and freeing the syntax tree. */
#include "parser/ast.h"

#include <inttypes.h>
#include <stdlib.h>


struct node *ast_new(struct program *p, enum node_kind kind, struct loc loc)
{
	struct node *n = arena_alloc(&p->arena, sizeof(*n));
	n->kind = kind;
	n->loc = loc;
	return n;
}

struct node *ast_append(struct node *a, struct node *b)
{
	if (!a)
		return b;
	struct node *t = a;
	while (t->next)
		t = t->next;
	t->next = b;
	return a;
}

int ast_count(const struct node *list)
{
	int n = 0;
	for (; list; list = list->next)
		n++;
	return n;
}

struct loc loc_span(struct loc a, struct loc b)
{
	struct loc l = { MIN(a.begin, b.begin), MAX(a.end, b.end) };
	return l;
}

const char *op_name(int op)
{
	static char one[2][2];
	static int which;
	switch (op) {
	case OP_EQ: return "==";
	case OP_NE: return "!=";
	case OP_LE: return "<=";
	case OP_GE: return ">=";
	case OP_LAND: return "&&";
	case OP_LOR: return "||";
	case OP_SHL: return "<<";
	case OP_SHR: return ">>";
	case OP_INC: return "++";
	case OP_DEC: return "--";
	default:
		which ^= 1;
		one[which][0] = (char)op;
		one[which][1] = '\0';
		return one[which];
	}
}

static const char *const kind_names[] = {
	[N_INT] = "int",	   [N_STR] = "string",	   [N_VAR] = "variable",
	[N_MAP] = "map",	   [N_IDENT] = "builtin",  [N_POSPARAM] = "param",
	[N_PARAMCNT] = "$#",	   [N_CALL] = "call",	   [N_BINOP] = "binop",
	[N_UNOP] = "unop",	   [N_TERNARY] = "?:",	   [N_CAST] = "cast",
	[N_DEREF] = "deref",	   [N_FIELD] = "field",	   [N_TUPLE] = "tuple",
	[N_INDEX] = "index",	   [N_INCDEC] = "incdec",  [N_EXPRSTMT] = "expr",
	[N_ASSIGN] = "assign",	   [N_IF] = "if",	   [N_WHILE] = "while",
	[N_FOR] = "for",	   [N_UNROLL] = "unroll",  [N_BREAK] = "break",
	[N_CONTINUE] = "continue", [N_RETURN] = "return", [N_BLOCK] = "block",
};

int ast_children(const struct node *n, struct node *kids[4])
{
	int k = 0;
#define KID(x) kids[k++] = (x)
	switch (n->kind) {
	case N_MAP: KID(n->map.keys); break;
	case N_CALL: KID(n->call.args); break;
	case N_BINOP: KID(n->binop.lhs); KID(n->binop.rhs); break;
	case N_UNOP: KID(n->unop.operand); break;
	case N_TERNARY:
	case N_IF: KID(n->cond.cond); KID(n->cond.then); KID(n->cond.els); break;
	case N_CAST: KID(n->cast.operand); break;
	case N_DEREF: KID(n->deref.ptr); break;
	case N_FIELD: KID(n->field.base); break;
	case N_INDEX: KID(n->index.base); KID(n->index.index); break;
	case N_TUPLE: KID(n->tuple.elems); break;
	case N_INCDEC: KID(n->incdec.target); break;
	case N_EXPRSTMT: KID(n->exprstmt.expr); break;
	case N_ASSIGN: KID(n->assign.target); KID(n->assign.value); break;
	case N_WHILE: KID(n->loop.cond); KID(n->loop.body); break;
	case N_FOR: KID(n->range.var); KID(n->range.from); KID(n->range.to); KID(n->range.body); break;
	case N_UNROLL: KID(n->unroll.count); KID(n->unroll.body); break;
	case N_BLOCK: KID(n->block.stmts); break;
	default: break;
	}
#undef KID
	return k;
}

struct dump {
	struct strbuf *out;
	void (*annot)(const struct node *n, struct strbuf *out);
};

static void dump_node(struct dump *d, const struct node *n, int depth);

static void dump_list(struct dump *d, const struct node *n, int depth)
{
	for (; n; n = n->next)
		dump_node(d, n, depth);
}

static void dump_str(struct strbuf *out, const char *s, size_t len)
{
	sb_puts(out, " \"");
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			sb_puts(out, "\\n");
		else if (c == '"' || c == '\\')
			sb_printf(out, "\\%c", c);
		else if (c < 32 || c >= 127)
			sb_printf(out, "\\x%02x", c);
		else
			sb_putc(out, (char)c);
	}
	sb_putc(out, '"');
}

/* One line per node: its kind, what it holds, then its children
 * indented; the else branch of if and ?: is marked. */
static void dump_node(struct dump *d, const struct node *n, int depth)
{
	struct strbuf *out = d->out;
	sb_printf(out, "%*s%s", depth * 2, "", kind_names[n->kind]);
	switch (n->kind) {
	case N_INT: sb_printf(out, " %" PRId64, n->num.value); break;
	case N_STR: dump_str(out, n->str.text, n->str.len); break;
	case N_VAR: sb_printf(out, " $%s", n->var.name); break;
	case N_MAP: sb_printf(out, " @%s", n->map.name); break;
		case N_IDENT:
	case N_CALL: sb_printf(out, " %s", n->call.name); break;
	case N_POSPARAM: sb_printf(out, " $%d", n->param.index); break;
	case N_BINOP: sb_printf(out, " %s", op_name(n->binop.op)); break;
	case N_UNOP: sb_printf(out, " %s", op_name(n->unop.op)); break;
	case N_INCDEC:
		sb_printf(out, " %s%s", op_name(n->incdec.op), n->incdec.prefix ? " (prefix)" : "");
		break;
	case N_ASSIGN:
		sb_printf(out, " %s=", n->assign.op == '=' ? "" : op_name(n->assign.op));
		break;
	case N_CAST: sb_printf(out, " %s%s", n->cast.ctype, n->cast.ptr ? " *" : ""); break;
	case N_FIELD:
		if (n->field.name)
			sb_printf(out, " .%s", n->field.name);
		else
			sb_printf(out, " .%d", n->field.index);
		break;
	default: break;
	}
	if (d->annot)
		d->annot(n, out);
	sb_putc(out, '\n');
	if (n->kind == N_IF || n->kind == N_TERNARY) {
		dump_node(d, n->cond.cond, depth + 1);
		dump_node(d, n->cond.then, depth + 1);
		if (n->cond.els) {
			sb_printf(out, "%*selse\n", depth * 2 + 2, "");
			dump_node(d, n->cond.els, depth + 1);
		}
		return;
	}
	struct node *kids[4];
	int k = ast_children(n, kids);
	for (int i = 0; i < k; i++)
		dump_list(d, kids[i], depth + 1);
}

void ast_dump(const struct program *p, struct strbuf *out,
	      void (*annot)(const struct node *n, struct strbuf *out))
{
	struct dump d = { out, annot };
	sb_puts(out, "Program\n");
	for (const struct probe *pr = p->probes; pr; pr = pr->next) {
		for (const struct attach *a = pr->attaches; a; a = a->next)
			sb_printf(out, " %s\n", a->text);
		if (pr->pred) {
			sb_puts(out, "  predicate\n");
			dump_node(&d, pr->pred, 2);
		}
		dump_node(&d, pr->body, 1);
	}
}

void program_free(struct program *p)
{
	if (!p)
		return;
	arena_free(&p->arena);
	free(p);
}

/* The first node nested deeper than limit under n (NULL when none): later
 * phases recurse over the tree. Recursion here stops at limit. */
struct node *ast_too_deep(struct node *n, int limit)
{
	for (; n; n = n->next) {
		if (limit <= 0)
			return n;
		struct node *kids[4];
		int k = ast_children(n, kids);
		for (int i = 0; i < k; i++) {
			struct node *d = ast_too_deep(kids[i], limit - 1);
			if (d)
				return d;
		}
	}
	return NULL;
}
