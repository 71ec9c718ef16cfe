/* ast.c - constructing, printing and freeing the syntax tree. */
#include "parser/ast.h"

#include <inttypes.h>
#include <stdlib.h>

#include "sema/types.h"

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

static void dump_node(const struct node *n, int depth, struct strbuf *out);

static void dump_list(const struct node *n, int depth, struct strbuf *out)
{
	for (; n; n = n->next)
		dump_node(n, depth, out);
}

static void dump_node(const struct node *n, int depth, struct strbuf *out)
{
	sb_printf(out, "%*s%s", depth * 2, "", kind_names[n->kind]);
	switch (n->kind) {
	case N_INT: sb_printf(out, " %" PRId64, n->ival); break;
	case N_STR: {
		sb_puts(out, " \"");
		for (size_t i = 0; i < n->slen; i++) {
			unsigned char c = (unsigned char)n->str[i];
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
		break;
	}
	case N_VAR: sb_printf(out, " $%s", n->name); break;
	case N_MAP: sb_printf(out, " @%s", n->name); break;
	case N_IDENT:
	case N_CALL: sb_printf(out, " %s", n->name); break;
	case N_POSPARAM: sb_printf(out, " $%" PRId64, n->ival); break;
	case N_BINOP:
	case N_UNOP:
	case N_INCDEC: sb_printf(out, " %s%s", op_name(n->op), n->kind == N_INCDEC && n->ival ? " (prefix)" : ""); break;
	case N_ASSIGN: sb_printf(out, " %s%s", n->op == '=' ? "" : op_name(n->op), "="); break;
	case N_CAST: sb_printf(out, " %s%s", n->name, n->ctype_ptr ? " *" : ""); break;
	case N_FIELD:
		if (n->name)
			sb_printf(out, " .%s", n->name);
		else
			sb_printf(out, " .%" PRId64, n->ival);
		break;
	default: break;
	}
	if (n->type) {
		sb_puts(out, " :: ");
		type_print(n->type, out);
	}
	sb_putc(out, '\n');
	if (n->cond)
		dump_node(n->cond, depth + 1, out);
	if (n->lhs)
		dump_node(n->lhs, depth + 1, out);
	if (n->init)
		dump_node(n->init, depth + 1, out);
	if (n->rhs)
		dump_node(n->rhs, depth + 1, out);
	dump_list(n->args, depth + 1, out);
	if (n->then)
		dump_node(n->then, depth + 1, out);
	if (n->els) {
		sb_printf(out, "%*selse\n", depth * 2 + 2, "");
		dump_node(n->els, depth + 1, out);
	}
	if (n->body)
		dump_list(n->body, depth + 1, out);
}

void ast_dump(const struct program *p, struct strbuf *out)
{
	sb_puts(out, "Program\n");
	for (const struct probe *pr = p->probes; pr; pr = pr->next) {
		for (const struct attach *a = pr->attaches; a; a = a->next)
			sb_printf(out, " %s\n", a->text);
		if (pr->pred) {
			sb_puts(out, "  predicate\n");
			dump_node(pr->pred, 2, out);
		}
		dump_node(pr->body, 1, out);
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
		struct node *kids[] = { n->lhs, n->rhs, n->cond, n->then, n->els,
					n->init, n->body, n->args };
		for (size_t i = 0; i < ARRAY_SIZE(kids); i++) {
			struct node *d = ast_too_deep(kids[i], limit - 1);
			if (d)
				return d;
		}
	}
	return NULL;
}
