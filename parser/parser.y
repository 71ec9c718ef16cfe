/* parser.y - the grammar of gotrace scripts.
 *
 *   program = probe*
 *   probe   = attach ("," attach)* ("/" expr "/")? block
 *
 * Actions are one-line constructor calls; every node gets the location of
 * the text it came from. */
%code requires {
#include "parser/parse.h"
typedef void *yyscan_t;
}

%define api.pure full
%define api.location.type {struct loc}
%define parse.error custom
%locations
%param {yyscan_t scanner}
%parse-param {struct parse_state *ps}
%expect 0

%code provides {
int yylex(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner);
}

%code {
#include <string.h>
#include "lexer.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                            \
	do {                                                                   \
		if (N) {                                                       \
			(Cur).begin = YYRHSLOC(Rhs, 1).begin;                  \
			(Cur).end = YYRHSLOC(Rhs, N).end;                      \
		} else {                                                       \
			(Cur).begin = (Cur).end = YYRHSLOC(Rhs, 0).end;        \
		}                                                              \
	} while (0)

static struct node *mk(struct parse_state *ps, enum node_kind k, struct loc l)
{
	return ast_new(ps->prog, k, l);
}
static struct node *mkbin(struct parse_state *ps, struct loc l, int op,
			  struct node *lhs, struct node *rhs)
{
	struct node *n = mk(ps, N_BINOP, l);
	n->binop.op = op;
	n->binop.lhs = lhs;
	n->binop.rhs = rhs;
	return n;
}
static struct node *mkun(struct parse_state *ps, struct loc l, int op, struct node *x)
{
	struct node *n = mk(ps, N_UNOP, l);
	n->unop.op = op;
	n->unop.operand = x;
	return n;
}
static struct node *mkvar(struct parse_state *ps, struct loc l, char *name)
{
	struct node *n = mk(ps, N_VAR, l);
	n->var.name = name;
	return n;
}
static struct node *mkmap(struct parse_state *ps, struct loc l, char *name,
			  struct node *keys)
{
	struct node *n = mk(ps, N_MAP, l);
	n->map.name = name;
	n->map.keys = keys;
	return n;
}
static struct node *mkassign(struct parse_state *ps, struct loc l, int op,
			     struct node *target, struct node *value)
{
	struct node *n = mk(ps, N_ASSIGN, l);
	n->assign.op = op;
	n->assign.target = target;
	n->assign.value = value;
	return n;
}
static struct node *mkincdec(struct parse_state *ps, struct loc l, int op,
			     bool prefix, struct node *target)
{
	struct node *n = mk(ps, N_INCDEC, l);
	n->incdec.op = op;
	n->incdec.prefix = prefix;
	n->incdec.target = target;
	return n;
}
static struct node *mkcast(struct parse_state *ps, struct loc l, char *ctype,
			   bool ptr, struct node *x)
{
	struct node *n = mk(ps, N_CAST, l);
	n->cast.ctype = ctype;
	n->cast.ptr = ptr;
	n->cast.operand = x;
	return n;
}
static struct node *mkfield(struct parse_state *ps, struct loc l, struct node *base,
			    char *name, int index)
{
	struct node *n = mk(ps, N_FIELD, l);
	n->field.base = base;
	n->field.name = name;
	n->field.index = index;
	return n;
}
static struct node *mkcond(struct parse_state *ps, enum node_kind k, struct loc l,
			   struct node *c, struct node *t, struct node *e)
{
	struct node *n = mk(ps, k, l);
	n->cond.cond = c;
	n->cond.then = t;
	n->cond.els = e;
	return n;
}
static struct node *mkblock(struct parse_state *ps, struct loc l, struct node *stmts)
{
	struct node *n = mk(ps, N_BLOCK, l);
	n->block.stmts = stmts;
	return n;
}
static void yyerror(YYLTYPE *loc, yyscan_t scanner, struct parse_state *ps,
		    const char *msg);
/* "~r0": Go's name for an unnamed result. */
static char *tilde_name(struct parse_state *ps, const char *id)
{
	size_t n = strlen(id);
	char *s = arena_alloc(&ps->prog->arena, n + 2);
	s[0] = '~';
	memcpy(s + 1, id, n + 1);
	return s;
}
}

%union {
	int64_t num;
	char *str;
	struct { char *str; size_t len; } s;
	int op;
	struct node *node;
	struct attach *attach;
	struct probe *probe;
}

%token <str> ATTACH "attach point"
%token <num> INT "integer"
%token <s> STRING "string"
%token <str> IDENT "identifier"
%token <str> VAR "variable"
%token <str> MAP "map"
%token <num> POSPARAM "positional parameter"
%token PARAMCNT "$#"
%token <str> TYPENAME "type name"
%token <op> ASSIGNOP "compound assignment"
%token ENDPRED "end of predicate"
%token IF "if" ELSE "else" WHILE "while" FOR "for" UNROLL "unroll"
%token BREAK "break" CONTINUE "continue" RETURN "return"
%token EQ "==" NE "!=" LE "<=" GE ">=" LAND "&&" LOR "||"
%token SHL "<<" SHR ">>" INC "++" DEC "--" DOTDOT ".." ARROW "->"

%type <probe> probes probe
%type <attach> attaches
%type <node> pred block stmts sstmt cstmt elsepart expr unary postfix primary
%type <node> map exprs args

%precedence MAPNAME
%precedence '['
%right '?' ':'
%left LOR
%left LAND
%left '|'
%left '^'
%left '&'
%left EQ NE
%left '<' '>' LE GE
%left SHL SHR
%left '+' '-'
%left '*' '/' '%'

%%

program
	: probes		{ (void)0; }
	;

probes
	: %empty		{ $$ = NULL; }
	| probes probe		{
		if ($2) {
			$2->index = ps->prog->nprobes++;
			*ps->probes_tail = $2;
			ps->probes_tail = &$2->next;
		}
		$$ = NULL;
	}
	;

/* probe = attach ("," attach)* pred? block */
probe
	: attaches pred block	{
		$$ = arena_alloc(&ps->prog->arena, sizeof(*$$));
		$$->loc = @$;
		$$->attaches = $1;
		$$->pred = $2;
		$$->body = $3;
	}
	| error block		{ $$ = NULL; }
	;

attaches
	: ATTACH		{ $$ = parse_attach(ps, $1, @1); ps->attaches_tail = &$$->next; }
	| attaches ',' ATTACH	{
		struct attach *a = parse_attach(ps, $3, @3);
		*ps->attaches_tail = a;
		ps->attaches_tail = &a->next;
		$$ = $1;
	}
	;

/* pred = "/" expr "/" */
pred
	: %empty		{ $$ = NULL; }
	| '/' expr ENDPRED	{ $$ = $2; }
	;

/* block = "{" (stmt ";")* stmt? "}" */
block
	: '{' stmts '}'		{ $$ = mkblock(ps, @$, $2); }
	| '{' stmts sstmt '}'	{ $$ = mkblock(ps, @$, ast_append($2, $3)); }
	;

stmts
	: %empty		{ $$ = NULL; }
	| stmts ';'		{ $$ = $1; }
	| stmts sstmt ';'	{ $$ = ast_append($1, $2); }
	| stmts cstmt		{ $$ = ast_append($1, $2); }
	| stmts error ';'	{ $$ = $1; yyerrok; }
	;

/* sstmt = expr | var ("=" | op=) expr | map ("=" | op=) expr
 *       | "break" | "continue" | "return" */
sstmt
	: expr			{ $$ = mk(ps, N_EXPRSTMT, @$); $$->exprstmt.expr = $1; }
	| VAR '=' expr		{ $$ = mkassign(ps, @$, '=', mkvar(ps, @1, $1), $3); }
	| VAR ASSIGNOP expr	{ $$ = mkassign(ps, @$, $2, mkvar(ps, @1, $1), $3); }
	| map '=' expr		{ $$ = mkassign(ps, @$, '=', $1, $3); }
	| map ASSIGNOP expr	{ $$ = mkassign(ps, @$, $2, $1, $3); }
	| BREAK			{ $$ = mk(ps, N_BREAK, @$); }
	| CONTINUE		{ $$ = mk(ps, N_CONTINUE, @$); }
	| RETURN		{ $$ = mk(ps, N_RETURN, @$); }
	;

/* cstmt = "if" "(" expr ")" block ("else" (block | if))?
 *       | "while" "(" expr ")" block
 *       | "for" "(" var ":" expr ".." expr ")" block
 *       | "unroll" "(" int ")" block
 *       | block */
cstmt
	: IF '(' expr ')' block elsepart	{ $$ = mkcond(ps, N_IF, @$, $3, $5, $6); }
	| WHILE '(' expr ')' block		{ $$ = mk(ps, N_WHILE, @$); $$->loop.cond = $3; $$->loop.body = $5; }
	| FOR '(' VAR ':' expr DOTDOT expr ')' block {
		$$ = mk(ps, N_FOR, @$);
		$$->range.var = mkvar(ps, @3, $3);
		$$->range.from = $5;
		$$->range.to = $7;
		$$->range.body = $9;
	}
	| UNROLL '(' expr ')' block		{ $$ = mk(ps, N_UNROLL, @$); $$->unroll.count = $3; $$->unroll.body = $5; }
	| block					{ $$ = $1; }
	;

elsepart
	: %empty				{ $$ = NULL; }
	| ELSE block				{ $$ = $2; }
	| ELSE IF '(' expr ')' block elsepart	{ $$ = mkcond(ps, N_IF, loc_span(@2, @$), $4, $6, $7); }
	;

expr
	: unary				{ $$ = $1; }
	| expr '?' expr ':' expr	{ $$ = mkcond(ps, N_TERNARY, @$, $1, $3, $5); }
	| expr LOR expr			{ $$ = mkbin(ps, @$, OP_LOR, $1, $3); }
	| expr LAND expr		{ $$ = mkbin(ps, @$, OP_LAND, $1, $3); }
	| expr '|' expr			{ $$ = mkbin(ps, @$, '|', $1, $3); }
	| expr '^' expr			{ $$ = mkbin(ps, @$, '^', $1, $3); }
	| expr '&' expr			{ $$ = mkbin(ps, @$, '&', $1, $3); }
	| expr EQ expr			{ $$ = mkbin(ps, @$, OP_EQ, $1, $3); }
	| expr NE expr			{ $$ = mkbin(ps, @$, OP_NE, $1, $3); }
	| expr '<' expr			{ $$ = mkbin(ps, @$, '<', $1, $3); }
	| expr '>' expr			{ $$ = mkbin(ps, @$, '>', $1, $3); }
	| expr LE expr			{ $$ = mkbin(ps, @$, OP_LE, $1, $3); }
	| expr GE expr			{ $$ = mkbin(ps, @$, OP_GE, $1, $3); }
	| expr SHL expr			{ $$ = mkbin(ps, @$, OP_SHL, $1, $3); }
	| expr SHR expr			{ $$ = mkbin(ps, @$, OP_SHR, $1, $3); }
	| expr '+' expr			{ $$ = mkbin(ps, @$, '+', $1, $3); }
	| expr '-' expr			{ $$ = mkbin(ps, @$, '-', $1, $3); }
	| expr '*' expr			{ $$ = mkbin(ps, @$, '*', $1, $3); }
	| expr '/' expr			{ $$ = mkbin(ps, @$, '/', $1, $3); }
	| expr '%' expr			{ $$ = mkbin(ps, @$, '%', $1, $3); }
	;

/* unary = ("-" | "!" | "~" | "*") unary | "(" type "*"? ")" unary
 *       | ("++" | "--") (var | map) | postfix */
unary
	: postfix			{ $$ = $1; }
	| '-' unary			{ $$ = mkun(ps, @$, '-', $2); }
	| '!' unary			{ $$ = mkun(ps, @$, '!', $2); }
	| '~' unary			{ $$ = mkun(ps, @$, '~', $2); }
	| '*' unary			{ $$ = mk(ps, N_DEREF, @$); $$->deref.ptr = $2; }
	| '(' TYPENAME ')' unary	{ $$ = mkcast(ps, @$, $2, false, $4); }
	| '(' TYPENAME '*' ')' unary	{ $$ = mkcast(ps, @$, $2, true, $5); }
	| INC VAR			{ $$ = mkincdec(ps, @$, OP_INC, true, mkvar(ps, @2, $2)); }
	| DEC VAR			{ $$ = mkincdec(ps, @$, OP_DEC, true, mkvar(ps, @2, $2)); }
	| INC map			{ $$ = mkincdec(ps, @$, OP_INC, true, $2); }
	| DEC map			{ $$ = mkincdec(ps, @$, OP_DEC, true, $2); }
	;

/* postfix = primary ("." (ident | int) | "->" ident | "[" expr "]")*
 *         | (var | map) ("++" | "--")
 * (args->name is bpftrace's spelling of args.name) */
postfix
	: primary			{ $$ = $1; }
	| postfix '.' IDENT		{ $$ = mkfield(ps, @$, $1, $3, -1); }
	| postfix ARROW IDENT		{ $$ = mkfield(ps, @$, $1, $3, -1); }
	| postfix '.' INT		{ $$ = mkfield(ps, @$, $1, NULL, $3 > INT32_MAX ? -1 : (int)$3); }
	| postfix '.' '~' IDENT		{ $$ = mkfield(ps, @$, $1, tilde_name(ps, $4), -1); }
	| postfix '[' expr ']'		{ $$ = mk(ps, N_INDEX, @$); $$->index.base = $1; $$->index.index = $3; }
	| VAR INC			{ $$ = mkincdec(ps, @$, OP_INC, false, mkvar(ps, @1, $1)); }
	| VAR DEC			{ $$ = mkincdec(ps, @$, OP_DEC, false, mkvar(ps, @1, $1)); }
	| map INC			{ $$ = mkincdec(ps, @$, OP_INC, false, $1); }
	| map DEC			{ $$ = mkincdec(ps, @$, OP_DEC, false, $1); }
	;

/* primary = int | string | var | map | ident | ident "(" args ")" | "$N" | "$#"
 *         | "(" expr ")" | "(" expr "," exprs ")" */
primary
	: INT				{ $$ = mk(ps, N_INT, @$); $$->num.value = $1; }
	| STRING			{ $$ = mk(ps, N_STR, @$); $$->str.text = $1.str; $$->str.len = $1.len; }
	| VAR				{ $$ = mkvar(ps, @$, $1); }
	| map				{ $$ = $1; }
	| IDENT				{ $$ = mk(ps, N_IDENT, @$); $$->call.name = $1; }
	| IDENT '(' args ')'		{ $$ = mk(ps, N_CALL, @$); $$->call.name = $1; $$->call.args = $3; }
	| POSPARAM			{ $$ = mk(ps, N_POSPARAM, @$); $$->param.index = $1 > INT32_MAX ? INT32_MAX : (int)$1; }
	| PARAMCNT			{ $$ = mk(ps, N_PARAMCNT, @$); }
	| '(' expr ')'			{ $$ = $2; }
	| '(' expr ',' exprs ')'	{ $$ = mk(ps, N_TUPLE, @$); $$->tuple.elems = ast_append($2, $4); }
	;

/* map = "@" name ("[" exprs "]")? */
map
	: MAP %prec MAPNAME		{ $$ = mkmap(ps, @$, $1, NULL); }
	| MAP '[' exprs ']'		{ $$ = mkmap(ps, @$, $1, $3); }
	;

args
	: %empty			{ $$ = NULL; }
	| exprs				{ $$ = $1; }
	;

exprs
	: expr				{ $$ = $1; }
	| exprs ',' expr		{ $$ = ast_append($1, $3); }
	;

%%

static void yyerror(YYLTYPE *loc, yyscan_t scanner, struct parse_state *ps,
		    const char *msg)
{
	(void)scanner;
	diag_error(ps->diag, *loc, "%s", msg);
}

/* "syntax error: unexpected X, expecting Y or Z", plus a hint for slips
 * that are easy to recognise. */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner,
				 struct parse_state *ps)
{
	(void)scanner;
	struct strbuf sb;
	sb_init(&sb);
	yysymbol_kind_t tok = yypcontext_token(ctx);
	const YYLTYPE *loc = yypcontext_location(ctx);
	yysymbol_kind_t expected[6];
	int n = yypcontext_expected_tokens(ctx, expected, 6);
	sb_puts(&sb, "syntax error");
	if (tok != YYSYMBOL_YYEMPTY)
		sb_printf(&sb, ", unexpected %s",
			  tok == YYSYMBOL_YYEOF ? "end of input" : yysymbol_name(tok));
	if (n > 0 && n <= 5) {
		for (int i = 0; i < n; i++)
			sb_printf(&sb, "%s%s", i == 0 ? ", expecting " : " or ",
				  yysymbol_name(expected[i]));
	}
	diag_error(ps->diag, *loc, "%s", sb.s);
	sb_free(&sb);
	/* Between probes, something other than '{' after the attach points:
	 * the braces around the body were probably lost. */
	if (ps->depth == 0 && !ps->in_pred && tok != YYSYMBOL_YYEOF) {
		const char *t = yysymbol_name(tok);
		if (strcmp(t, "'<'") == 0 || strcmp(t, "'('") == 0 ||
		    strcmp(t, "'['") == 0 || strcmp(t, "attach point") == 0)
			diag_hint(ps->diag, "use { } around a probe body");
	}
	return 0;
}

int parse_program(struct source *src, struct diag *diag, char **params,
		  int nparams, struct program **out)
{
	struct program *prog = xcalloc(1, sizeof(*prog));
	prog->src = src;
	prog->params = params;
	prog->nparams = nparams;
	struct parse_state ps = { .prog = prog, .diag = diag, .probes_tail = &prog->probes };
	yyscan_t scanner;
	int before = diag->errors;

	yylex_init_extra(&ps, &scanner);
	YY_BUFFER_STATE buf = yy_scan_bytes(src->text, (int)src->len, scanner);
	yyparse(scanner, &ps);
	yy_delete_buffer(buf, scanner);
	yylex_destroy(scanner);
	for (struct probe *p = prog->probes; p && diag->errors == before; p = p->next) {
		struct node *deep = ast_too_deep(p->pred, AST_MAX_DEPTH);
		if (!deep)
			deep = ast_too_deep(p->body, AST_MAX_DEPTH);
		if (deep)
			diag_error(diag, deep->loc, "nested more than %d deep: split it up",
				   AST_MAX_DEPTH);
	}
	if (diag->errors == before && !prog->probes) {
		struct loc l = { 0, 0 };
		diag_error(diag, l, "the program has no probes");
		diag_hint(diag, "a probe looks like: uprobe:./main:main.sum { printf(\"%%d\\n\", goarg(0)); }");
	}
	*out = prog;
	return diag->errors - before;
}
