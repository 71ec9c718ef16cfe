/* sema.c - names and types.
 *
 * Two passes over the probes: the first learns the types of maps from
 * every assignment (a map may be read in a probe that comes before the one
 * that writes it) and reports nothing; the second checks everything and
 * reports each error with its place. */
#include "sema/sema.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sema/builtins.h"
#include "sema/goargs.h"

PRINTF_LIKE(3, 4)
static void err(struct sema *s, struct loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	struct strbuf sb;
	sb_init(&sb);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	msg = sb_steal(&sb);
	diag_error(s->diag, loc, "%s", msg);
	free(msg);
}

PRINTF_LIKE(2, 3)
static void hint(struct sema *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct strbuf sb;
	sb_init(&sb);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	diag_hint(s->diag, "%s", sb.s);
	sb_free(&sb);
}

void sema_init(struct sema *s, struct program *p, struct diag *d,
	       struct probe_env *envs, uint32_t strlen)
{
	memset(s, 0, sizeof(*s));
	s->prog = p;
	s->diag = d;
	s->envs = envs;
	s->strlen = strlen ? strlen : 64;
}

void sema_free(struct sema *s)
{
	vec_free(&s->maps);
	free(s->map_index);
	vec_free(&s->fmts);
	vec_free(&s->reports);
	arena_free(&s->arena);
}

static char *tstr(struct sema *s, const struct type *t)
{
	struct strbuf sb;
	sb_init(&sb);
	type_print(t, &sb);
	char *r = arena_strdup(&s->arena, sb.s);
	sb_free(&sb);
	return r;
}

static char *where(struct sema *s, struct loc loc)
{
	int line, col;
	diag_linecol(s->prog->src, loc.begin, &line, &col);
	char buf[64];
	snprintf(buf, sizeof(buf), "%d:%d", line, col);
	return arena_strdup(&s->arena, buf);
}

bool sema_is_const_int(struct node *n, int64_t *v)
{
	switch (n->kind) {
	case N_INT:
		*v = n->num.value;
		return true;
	case N_UNOP: {
		int64_t x;
		if (!sema_is_const_int(n->unop.operand, &x))
			return false;
		/* two's complement, as the BPF code computes it: no C overflow */
		int op = n->unop.op;
		*v = op == '-' ? (int64_t)(0 - (uint64_t)x) : op == '~' ? ~x : !x;
		return true;
	}
	case N_BINOP: {
		int64_t a, b;
		if (!sema_is_const_int(n->binop.lhs, &a) || !sema_is_const_int(n->binop.rhs, &b))
			return false;
		uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
		switch (n->binop.op) {
		case '+': *v = (int64_t)(ua + ub); return true;
		case '-': *v = (int64_t)(ua - ub); return true;
		case '*': *v = (int64_t)(ua * ub); return true;
		case '/':
			if (!b)
				return false;
			*v = b == -1 ? (int64_t)(0 - ua) : a / b;
			return true;
		case '%':
			if (!b)
				return false;
			*v = b == -1 ? 0 : a % b;
			return true;
		case OP_SHL: *v = (int64_t)((uint64_t)a << (b & 63)); return true;
		case OP_SHR: *v = a >> (b & 63); return true;
		default: return false;
		}
	}
	default:
		return false;
	}
}

int sema_add_fmt(struct sema *s, enum fmt_kind kind, char *fmt,
		 struct type *args, struct loc loc)
{
	struct fmtinfo f = { .kind = kind, .fmt = fmt, .args = args, .loc = loc };
	vec_push(&s->fmts, f);
	return (int)s->fmts.n - 1;
}

bool sema_require_kinds(struct sema *s, struct node *n, unsigned mask,
			const char *what)
{
	unsigned bad = s->env->kinds & ~mask;
	if (!bad)
		return true;
	for (int k = 0; k < PK__COUNT; k++) {
		if (bad & PKM(k)) {
			const char *kn = probe_kind_name((enum probe_kind)k);
			err(s, n->loc, "%s cannot be used in %s %s probe", what,
			    strchr("AEIOaeio", kn[0]) ? "an" : "a", kn);
			break;
		}
	}
	struct strbuf sb;
	sb_init(&sb);
	for (int k = 0; k < PK__COUNT; k++)
		if (mask & PKM(k))
			sb_printf(&sb, "%s%s", sb.len ? ", " : "", probe_kind_name((enum probe_kind)k));
	hint(s, "%s works in: %s", what, sb.s);
	sb_free(&sb);
	return false;
}

/* --- maps ---------------------------------------------------------------- */

uint32_t mapinfo_key_size(const struct mapinfo *m)
{
	bool hist = m->val && (m->val->kind == TY_HIST || m->val->kind == TY_LHIST);
	return m->key->size + (hist ? 8 : 0);
}

void mapinfo_bpf_name(const struct mapinfo *m, char *buf, size_t len)
{
	snprintf(buf, len, "m%d_%.40s", m->id, m->name);
}

static size_t name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (size_t)h;
}

/* The map called name, or NULL: a hash lookup (a script may have ten
 * thousand maps). */
static struct mapinfo *find_map(struct sema *s, const char *name)
{
	if (!s->map_cap)
		return NULL;
	for (size_t j = name_hash(name) & (s->map_cap - 1); s->map_index[j] != UINT32_MAX;
	     j = (j + 1) & (s->map_cap - 1))
		if (!strcmp(s->maps.v[s->map_index[j]]->name, name))
			return s->maps.v[s->map_index[j]];
	return NULL;
}

static void add_map(struct sema *s, struct mapinfo *m)
{
	vec_push(&s->maps, m);
	if (s->maps.n * 2 > s->map_cap) {
		free(s->map_index);
		s->map_cap = s->map_cap ? s->map_cap * 2 : 64;
		s->map_index = xmalloc(s->map_cap * sizeof(*s->map_index));
		memset(s->map_index, 0xff, s->map_cap * sizeof(*s->map_index));
		for (size_t i = 0; i + 1 < s->maps.n; i++) {
			size_t j = name_hash(s->maps.v[i]->name) & (s->map_cap - 1);
			while (s->map_index[j] != UINT32_MAX)
				j = (j + 1) & (s->map_cap - 1);
			s->map_index[j] = (uint32_t)i;
		}
	}
	size_t j = name_hash(m->name) & (s->map_cap - 1);
	while (s->map_index[j] != UINT32_MAX)
		j = (j + 1) & (s->map_cap - 1);
	s->map_index[j] = (uint32_t)(s->maps.n - 1);
}

static bool valid_key_type(struct type *t)
{
	return t->kind != TY_NONE && !type_is_agg(t);
}

/* The key type of `@m[k1, k2]`: the single key's type, a tuple of them, or
 * uint64 (key 0) for a map without keys. */
static struct type *key_type(struct sema *s, struct node *mapnode)
{
	int n = ast_count(mapnode->map.keys);
	if (n == 0)
		return &ty_uint64;
	struct type **ts = arena_alloc(&s->arena, sizeof(*ts) * (size_t)n);
	int i = 0;
	for (struct node *k = mapnode->map.keys; k; k = k->next, i++) {
		ts[i] = sema_expr(s, k);
		if (!valid_key_type(ts[i])) {
			err(s, k->loc, "a %s cannot be a map key", type_kind_name(ts[i]->kind));
			return NULL;
		}
	}
	return n == 1 ? ts[0] : type_tuple(&s->arena, ts, n);
}

struct mapinfo *sema_map_of(struct sema *s, struct node *mapnode,
			    struct type *val, bool assign)
{
	struct type *key = key_type(s, mapnode);
	if (!key)
		return NULL;
	int nkeys = ast_count(mapnode->map.keys);
	struct mapinfo *m = find_map(s, mapnode->map.name);
	if (!m) {
		m = arena_alloc(&s->arena, sizeof(*m));
		m->name = mapnode->map.name;
		m->id = (int)s->maps.n;
		m->loc = mapnode->loc;
		add_map(s, m);
	}
	if (!m->key) {
		m->key = key;
		m->nkeys = nkeys;
		m->loc = mapnode->loc;
	} else if (!type_equal(m->key, key) || (m->nkeys == 0) != (nkeys == 0)) {
		err(s, mapnode->loc, "@%s is used with key %s here but with key %s at %s",
		    m->name, nkeys ? tstr(s, key) : "(none)",
		    m->nkeys ? tstr(s, m->key) : "(none)", where(s, m->loc));
	}
	if (val && assign) {
		if (!m->val) {
			m->val = val;
		} else if (!type_equal(m->val, val)) {
			err(s, mapnode->loc, "@%s is assigned %s here but holds %s elsewhere",
			    m->name, tstr(s, val), tstr(s, m->val));
		}
	}
	mapnode->map.map = m;
	return m;
}

/* Keys given apart from the map (has_key(@m, k1, k2), delete(@m, k))
 * must be what the map's key is. */
bool sema_check_keys(struct sema *s, struct mapinfo *m, struct node *keys, struct loc loc,
		     const char *what)
{
	if (!m || !m->key || !m->val)
		return true;
	if (m->val->kind == TY_HIST || m->val->kind == TY_LHIST) {
		err(s, loc, "%s() does not work on @%s, a histogram", what, m->name);
		return false;
	}
	int n = ast_count(keys);
	if (n != m->nkeys) {
		err(s, loc, "%s(): @%s has %d key%s, %d given", what, m->name, m->nkeys,
		    m->nkeys == 1 ? "" : "s", n);
		return false;
	}
	if (!n)
		return true;
	struct type *t;
	if (n == 1) {
		t = keys->type;
	} else {
		struct type **ts = arena_alloc(&s->arena, sizeof(*ts) * (size_t)n);
		int i = 0;
		for (struct node *k = keys; k; k = k->next)
			ts[i++] = k->type;
		t = type_tuple(&s->arena, ts, n);
	}
	if (!type_equal(t, m->key)) {
		err(s, keys->loc, "%s(): @%s's key is %s, not %s", what, m->name, tstr(s, m->key),
		    tstr(s, t));
		return false;
	}
	return true;
}

/* --- variables ------------------------------------------------------------- */

static struct var *find_var(struct sema *s, const char *name)
{
	for (struct var *v = s->vars; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

static void unknown_var(struct sema *s, struct node *n)
{
	err(s, n->loc, "undefined variable '$%s'", n->var.name);
	const char *names[64];
	size_t k = 0;
	for (struct var *v = s->vars; v && k < ARRAY_SIZE(names); v = v->next)
		names[k++] = v->name;
	const char *sug = diag_suggest(n->var.name, names, k);
	if (sug)
		hint(s, "did you mean '$%s'?", sug);
	else
		hint(s, "assign it first: $%s = ...;", n->var.name);
}

/* --- expressions --------------------------------------------------------- */

static struct type *check_call(struct sema *s, struct node *n, bool agg_ok);

static bool is_int(struct type *t)
{
	return t->kind == TY_INT;
}

/* An operand: an expression that must have a value (not printf(...)). */
static struct type *operand(struct sema *s, struct node *n)
{
	struct type *t = sema_expr(s, n);
	if (t->kind == TY_NONE) {
		if (n->kind == N_CALL)
			err(s, n->loc, "%s() has no value", n->call.name);
		else
			err(s, n->loc, "this has no value");
		n->type = t = &ty_int64;
	}
	return t;
}

/* gotype(p) == "T": when the binary names T's type descriptor, the
 * string becomes its address, and the probe compares gotype()'s word
 * with it; otherwise the gotype() call becomes gotypename(), which reads
 * the name in the probe. */
static void gotype_as_name(struct sema *s, struct node *n, struct node *other, struct type **t)
{
	uint64_t addr;
	if ((*t)->kind != TY_GOTYPE || n->kind != N_CALL)
		return;
	if (other->kind == N_STR && s->env->bin && !gobin_is_dyn(s->env->bin) &&
	    gobin_type_by_name(s->env->bin, other->str.text, &addr) == 0) {
		other->kind = N_INT;
		other->num.value = (int64_t)addr;
		other->type = &ty_uint64;
		return;
	}
	n->call.bi = builtin_find("gotypename", BF_FUNC);
	*t = n->type = n->call.bi->check(s, n);
}

/* func == "NAME": the string becomes the id of the probe's function of
 * that name, which `func` is in the probe (an id none of its sites has
 * when it has no such function); a probe with one function, or none of
 * that name, has the answer when compiling (const_cond). */
static void func_as_id(struct sema *s, struct node *n, struct node *other, struct type **t)
{
	if ((*t)->kind != TY_FUNC || other->kind != N_STR)
		return;
	int64_t id = UINT32_MAX;
	for (size_t i = 0; i < s->env->nsites; i++)
		if (s->env->sites[i].func && !strcmp(s->env->sites[i].func, other->str.text))
			id = s->env->sites[i].func_id;
	other->kind = N_INT;
	other->num.value = id;
	other->type = &ty_uint64;
}

/* Is n `func` compared (== or !=) with the id a string became? */
static bool func_compared(const struct node *n, const struct node **id)
{
	if (n->kind != N_BINOP || (n->binop.op != OP_EQ && n->binop.op != OP_NE))
		return false;
	const struct node *l = n->binop.lhs, *r = n->binop.rhs;
	if (r->kind == N_IDENT && l->kind == N_INT) {
		const struct node *x = l;
		l = r;
		r = x;
	}
	if (l->kind != N_IDENT || strcmp(l->call.name, "func") || r->kind != N_INT)
		return false;
	*id = r;
	return true;
}

static struct type *check_binop(struct sema *s, struct node *n)
{
	int op = n->binop.op;
	struct type *a = operand(s, n->binop.lhs), *b = operand(s, n->binop.rhs);
	if ((op == OP_EQ || op == OP_NE) && (a->kind == TY_STR || b->kind == TY_STR)) {
		gotype_as_name(s, n->binop.lhs, n->binop.rhs, &a);
		gotype_as_name(s, n->binop.rhs, n->binop.lhs, &b);
		func_as_id(s, n->binop.lhs, n->binop.rhs, &a);
		func_as_id(s, n->binop.rhs, n->binop.lhs, &b);
	}
	/* func against the id sema made of "NAME" */
	if ((op == OP_EQ || op == OP_NE) &&
	    ((a->kind == TY_FUNC && n->binop.rhs->kind == N_INT) ||
	     (b->kind == TY_FUNC && n->binop.lhs->kind == N_INT)))
		return &ty_int64;
	/* a type's address against the constant sema made of "T" (in this
	 * pass or the one before) */
	if ((op == OP_EQ || op == OP_NE) &&
	    ((a->kind == TY_GOTYPE && n->binop.rhs->kind == N_INT) ||
	     (b->kind == TY_GOTYPE && n->binop.lhs->kind == N_INT)))
		return &ty_int64;
	if ((op == OP_EQ || op == OP_NE) && a->kind == TY_STR && b->kind == TY_STR)
		return &ty_int64;
	if (!is_int(a) || !is_int(b)) {
		struct node *bad = is_int(a) ? n->binop.rhs : n->binop.lhs;
		struct type *bt = is_int(a) ? b : a;
		if (a->kind == TY_STR && b->kind == TY_STR)
			err(s, n->loc, "strings can only be compared with == and !=");
		else
			err(s, bad->loc, "type mismatch: '%s' needs integers, but this is a %s",
			    op_name(op), tstr(s, bt));
		if (bt->kind == TY_COUNT || type_is_agg(bt))
			hint(s, "an aggregation cannot be read in a probe; print it instead");
		return &ty_int64;
	}
	/* as in C: unsigned when either side is (all are 64 bits wide) */
	bool uns = !a->is_signed || !b->is_signed;
	if (op == OP_EQ || op == OP_NE || op == '<' || op == '>' || op == OP_LE ||
	    op == OP_GE || op == OP_LAND || op == OP_LOR)
		return &ty_int64;
	return uns ? &ty_uint64 : &ty_int64;
}

/* Is n a chain args.a.b[i]... ? */
static bool rooted_at_args(const struct node *n)
{
	while (ast_base(n))
		n = ast_base(n);
	return n->kind == N_IDENT && !strcmp(n->call.name, "args");
}

/* Is n a chain gocast(p, "T").a.b[i]... ? (sema/goargs.c) */
static bool rooted_at_gocast(const struct node *n)
{
	while (ast_base(n))
		n = ast_base(n);
	return n->kind == N_CALL && !strcmp(n->call.name, "gocast");
}

static struct type *check_gocast_path(struct sema *s, struct node *n)
{
	const struct gotype *gt = goargs_path(s, n);
	return gt ? goargs_type(s, n, gt) : &ty_int64;
}

/* args.NAME... of a uprobe: DWARF's parameters. */
static struct type *check_goargs(struct sema *s, struct node *n)
{
	if (s->env->kinds & ~PKM_UPROBES) {
		struct node *r = n;
		while (ast_base(ast_base(r)))
			r = ast_base(r);
		err(s, r->loc, "args.%s: a probe that mixes uprobes with other kinds has no args",
		    r->kind == N_FIELD && r->field.name ? r->field.name : "?");
		return &ty_int64;
	}
	const struct gotype *gt = goargs_path(s, n);
	if (!gt)
		return &ty_int64;
	return goargs_type(s, n, gt);
}

static struct type *check_field(struct sema *s, struct node *n)
{
	const char *name = n->field.name;
	struct node *base = n->field.base;
	if (rooted_at_args(n) && !name) {
		err(s, n->loc, "args has fields by name, not by number");
		return &ty_int64;
	}
	if (rooted_at_args(n) && (s->env->kinds & PKM_UPROBES))
		return check_goargs(s, n);
	if (rooted_at_gocast(n))
		return check_gocast_path(s, n);
	if (base->kind == N_IDENT && !strcmp(base->call.name, "args")) {
		/* args.NAME: a tracepoint field */
		base->type = &ty_none;
		if (s->env->kinds & PKM(PK_TRACEPOINT)) {
			if (s->env->kinds != PKM(PK_TRACEPOINT)) {
				err(s, n->loc, "args.%s: the probe mixes tracepoints with other kinds", name);
				return &ty_int64;
			}
			for (size_t i = 0; i < s->env->nfields; i++) {
				struct tp_field *f = &s->env->fields[i];
				if (strcmp(f->name, name))
					continue;
				n->field.tp_field = (int)i;
				if (f->kind == TPF_INT)
					return type_int(&s->arena, (int)f->size * 8, f->is_signed);
				return type_str(&s->arena, s->strlen);
			}
			const struct probe_env *e = s->env;
			const char *why = NULL;
			for (size_t i = 0; i < e->nconflicts; i++)
				if (!strcmp(e->conflicts[i].name, name))
					why = e->conflicts[i].why;
			if (why) {
				err(s, n->loc, "args.%s: the tracepoints of this probe differ in it: %s",
				    name, why);
				hint(s, "give each tracepoint its own probe");
				return &ty_int64;
			}
			err(s, n->loc, "tracepoint has no field '%s'", name);
			const char *names[256];
			size_t k = 0;
			for (size_t i = 0; i < s->env->nfields && k < ARRAY_SIZE(names); i++)
				names[k++] = s->env->fields[i].name;
			const char *sug = diag_suggest(name, names, k);
			if (sug)
				hint(s, "did you mean 'args.%s'?", sug);
			return &ty_int64;
		}
		err(s, n->loc, "args.%s needs a uprobe or a tracepoint", name);
		return &ty_int64;
	}
	struct type *t = sema_expr(s, base);
	if (t->kind != TY_TUPLE) {
		err(s, n->loc, "field access needs a tuple, but this is a %s", tstr(s, t));
		return &ty_int64;
	}
	if (name || n->field.index < 0 || n->field.index >= t->nelems) {
		err(s, n->loc, "tuple index out of range (the tuple has %d elements)", t->nelems);
		return &ty_int64;
	}
	return t->elems[n->field.index];
}

/* $N as a number is a constant: the node becomes that integer, so that
 * unroll($1) and lhist(x, 0, $1, $2) see a constant. */
static struct type *check_posparam(struct sema *s, struct node *n)
{
	int64_t value = 0; /* missing: 0, like bpftrace */
	int i = n->param.index;
	if (i >= 1 && i <= s->prog->nparams) {
		const char *v = s->prog->params[i - 1];
		char *end;
		value = strtoll(v, &end, 0);
		if (!*v || *end) {
			err(s, n->loc, "positional parameter $%d is not a number: '%s'", i, v);
			hint(s, "use str($%d) for a string", i);
			return &ty_int64;
		}
	}
	n->kind = N_INT;
	n->num.value = value;
	return &ty_int64;
}

static struct type *check_ident(struct sema *s, struct node *n)
{
	const struct builtin *b = builtin_find(n->call.name, BF_VAR);
	if (!b) {
		if (builtin_find(n->call.name, BF_FUNC) || builtin_find(n->call.name, BF_AGG)) {
			err(s, n->loc, "%s is a function: write %s(...)", n->call.name, n->call.name);
			return &ty_int64;
		}
		if (!strcmp(n->call.name, "args")) {
			err(s, n->loc, "args needs a field: args.NAME");
			return &ty_int64;
		}
		err(s, n->loc, "unknown identifier '%s'", n->call.name);
		const char *names[128];
		size_t k = builtin_names(names, ARRAY_SIZE(names), BF_VAR);
		const char *sug = diag_suggest(n->call.name, names, k);
		if (sug)
			hint(s, "did you mean '%s'?", sug);
		else if (n->call.name[0] != '$')
			hint(s, "variables start with '$' ($%s) and maps with '@' (@%s)", n->call.name, n->call.name);
		return &ty_int64;
	}
	n->call.bi = b;
	if (b->probes && !sema_require_kinds(s, n, b->probes, b->name))
		return b->result ? b->result : &ty_int64;
	if (b->check)
		return b->check(s, n);
	return b->result;
}

static struct type *check_map_read(struct sema *s, struct node *n)
{
	struct mapinfo *m = sema_map_of(s, n, NULL, false);
	if (!m)
		return &ty_int64;
	if (!m->val) {
		if (s->pass == 2) {
			err(s, n->loc, "@%s is read but never assigned", n->map.name);
			hint(s, "assign it in some probe, e.g. @%s = 1;", n->map.name);
		}
		return &ty_int64;
	}
	if (type_is_agg(m->val)) {
		err(s, n->loc, "@%s holds a %s() aggregation, which cannot be read as a value in a probe",
		    n->map.name, type_kind_name(m->val->kind));
		hint(s, "print it with print(@%s), or keep a plain counter: @%s = @%s + 1",
		     n->map.name, n->map.name, n->map.name);
		return &ty_int64;
	}
	m->used_as_value = true;
	return m->val;
}

/* The types a cast names: int8 .. uint64. */
static struct type *cast_type(struct sema *s, const char *ctype)
{
	bool sign = ctype[0] != 'u';
	int bits = atoi(ctype + (sign ? 3 : 4));
	return type_int(&s->arena, bits, sign);
}

/* ++ and -- on a variable or a map element. */
static struct type *check_incdec(struct sema *s, struct node *n)
{
	struct node *l = n->incdec.target;
	const char *op = op_name(n->incdec.op);
	if (l->kind == N_VAR) {
		struct var *v = find_var(s, l->var.name);
		if (!v) {
			unknown_var(s, l);
			return &ty_int64;
		}
		l->var.var = v;
		l->type = v->type;
		if (!is_int(v->type))
			err(s, n->loc, "'%s' needs an integer variable, but $%s is a %s", op,
			    l->var.name, tstr(s, v->type));
		return v->type;
	}
	struct mapinfo *m = sema_map_of(s, l, &ty_int64, true);
	if (m && m->val && !is_int(m->val))
		err(s, n->loc, "'%s' needs an integer map value, but @%s holds %s", op,
		    l->map.name, tstr(s, m->val));
	if (m)
		m->used_as_value = true;
	l->type = &ty_int64;
	return &ty_int64;
}

struct type *sema_expr(struct sema *s, struct node *n)
{
	struct type *t = &ty_int64;
	switch (n->kind) {
	case N_INT:
		t = &ty_int64;
		break;
	case N_STR:
		if (n->str.len + 1 > s->strlen) {
			err(s, n->loc, "string literal of %zu bytes is longer than the string size %u",
			    n->str.len, s->strlen - 1);
			hint(s, "raise it with --strlen");
		}
		t = type_str(&s->arena, s->strlen);
		break;
	case N_VAR: {
		struct var *v = find_var(s, n->var.name);
		if (!v) {
			unknown_var(s, n);
			break;
		}
		n->var.var = v;
		t = v->type;
		break;
	}
	case N_MAP:
		t = check_map_read(s, n);
		break;
	case N_IDENT:
		t = check_ident(s, n);
		break;
	case N_POSPARAM:
		t = check_posparam(s, n);
		break;
	case N_PARAMCNT:
		t = &ty_int64;
		break;
	case N_CALL:
		t = check_call(s, n, false);
		break;
	case N_BINOP:
		t = check_binop(s, n);
		break;
	case N_UNOP: {
		struct type *a = operand(s, n->unop.operand);
		if (!is_int(a))
			err(s, n->unop.operand->loc,
			    "type mismatch: '%s' needs an integer, but this is a %s",
			    op_name(n->unop.op), tstr(s, a));
		t = n->unop.op == '!' ? &ty_int64 : (a->kind == TY_INT ? a : &ty_int64);
		break;
	}
	case N_TERNARY: {
		struct type *c = operand(s, n->cond.cond);
		if (!is_int(c))
			err(s, n->cond.cond->loc, "the condition must be an integer, not a %s",
			    tstr(s, c));
		struct type *a = operand(s, n->cond.then), *b = operand(s, n->cond.els);
		if (!type_equal(a, b)) {
			err(s, n->loc, "the branches of ?: have different types: %s and %s",
			    tstr(s, a), tstr(s, b));
		} else if (a->kind != TY_INT && a->kind != TY_STR) {
			err(s, n->loc, "?: works on integers and strings, not %s", tstr(s, a));
		}
		t = a;
		break;
	}
	case N_CAST: {
		struct type *a = operand(s, n->cast.operand);
		if (!is_int(a))
			err(s, n->cast.operand->loc, "only integers can be cast, not a %s",
			    tstr(s, a));
		t = n->cast.ptr ? &ty_uint64 : cast_type(s, n->cast.ctype);
		break;
	}
	case N_DEREF: {
		struct node *c = n->deref.ptr;
		sema_expr(s, c);
		if (c->kind != N_CAST || !c->cast.ptr) {
			err(s, n->loc, "a pointer read needs a pointer type: *(uint64 *)(addr)");
			break;
		}
		t = cast_type(s, c->cast.ctype);
		break;
	}
	case N_FIELD:
		t = check_field(s, n);
		break;
	case N_TUPLE: {
		int cnt = ast_count(n->tuple.elems);
		struct type **ts = arena_alloc(&s->arena, sizeof(*ts) * (size_t)cnt);
		int i = 0;
		for (struct node *e = n->tuple.elems; e; e = e->next, i++) {
			ts[i] = sema_expr(s, e);
			if (ts[i]->kind == TY_NONE || type_is_agg(ts[i])) {
				err(s, e->loc, "a %s cannot be in a tuple", type_kind_name(ts[i]->kind));
				ts[i] = &ty_int64;
			}
		}
		t = type_tuple(&s->arena, ts, cnt);
		break;
	}
	case N_INDEX:
		if (rooted_at_args(n) && (s->env->kinds & PKM_UPROBES)) {
			t = check_goargs(s, n);
			break;
		}
		if (rooted_at_gocast(n)) {
			t = check_gocast_path(s, n);
			break;
		}
		sema_expr(s, n->index.base);
		sema_expr(s, n->index.index);
		err(s, n->loc, "indexing with [] is only for maps (@m[key])");
		break;
	case N_INCDEC:
		t = check_incdec(s, n);
		break;
	default:
		err(s, n->loc, "not an expression");
		break;
	}
	n->type = t;
	return t;
}

/* Checks a call's arguments against the builtin's argument letters. */
static bool check_args(struct sema *s, struct node *n, const struct builtin *b)
{
	int nargs = ast_count(n->call.args);
	int maxargs = (int)strlen(b->args);
	bool rest = maxargs && b->args[maxargs - 1] == '*';
	if (rest)
		maxargs = INT32_MAX;
	if (nargs < b->min_args || nargs > maxargs) {
		if (b->min_args == maxargs)
			err(s, n->loc, "%s() takes %d argument%s, %d given", b->name,
			    b->min_args, b->min_args == 1 ? "" : "s", nargs);
		else if (rest)
			err(s, n->loc, "%s() takes at least %d argument%s, %d given", b->name,
			    b->min_args, b->min_args == 1 ? "" : "s", nargs);
		else
			err(s, n->loc, "%s() takes %d to %d arguments, %d given", b->name,
			    b->min_args, maxargs, nargs);
		if (b->example)
			hint(s, "for example: %s", b->example);
		/* still type the arguments for further errors */
		for (struct node *a = n->call.args; a; a = a->next)
			if (a->kind != N_MAP)
				sema_expr(s, a);
		return false;
	}
	bool ok = true;
	int i = 0;
	char prev = 'a';
	for (struct node *a = n->call.args; a; a = a->next, i++) {
		char k = b->args[i < (int)strlen(b->args) ? i : (int)strlen(b->args) - 1];
		if (k == '*')
			k = prev;
		else
			prev = k;
		if (k == 'v')
			k = a->kind == N_MAP && !a->map.keys ? 'm' : 'a';
		if (k == 'm') {
			if (a->kind != N_MAP || a->map.keys) {
				err(s, a->loc, "%s() needs a map here, like @name", b->name);
				ok = false;
				continue;
			}
			struct mapinfo *m = find_map(s, a->map.name);
			a->map.map = m;
			if (!m && s->pass == 2) {
				err(s, a->loc, "@%s is never assigned", a->map.name);
				ok = false;
				continue;
			}
			if (m && !m->val && s->pass == 2) {
				err(s, a->loc, "@%s is never assigned", a->map.name);
				ok = false;
			}
			a->type = m && m->val ? m->val : &ty_none;
			continue;
		}
		if (k == 'k') {
			if (a->kind != N_MAP) {
				err(s, a->loc, "%s() needs a map element here, like @name[key]", b->name);
				ok = false;
				continue;
			}
			if (!a->map.keys && a->next) {
				/* the map itself; its key follows: delete(@m, key) */
				struct mapinfo *m = a->map.map = find_map(s, a->map.name);
				a->type = m && m->val ? m->val : &ty_none;
				if (!m && s->pass == 2) {
					err(s, a->loc, "@%s is never assigned", a->map.name);
					ok = false;
				}
				continue;
			}
			struct mapinfo *m = sema_map_of(s, a, NULL, false);
			a->type = m && m->val ? m->val : &ty_none;
			continue;
		}
		if (k == 'p') {
			if (a->kind == N_POSPARAM) {
				a->type = &ty_int64; /* str($1): the parameter as text */
				continue;
			}
			k = 'i';
		}
		if (k == 'S' && a->kind == N_STR) {
			/* a format: never sent to the kernel, any length */
			a->type = type_str(&s->arena, s->strlen);
			continue;
		}
		struct type *t = sema_expr(s, a);
		if (k == 'S' && a->kind != N_STR) {
			err(s, a->loc, "%s() needs a string literal here", b->name);
			ok = false;
		} else if (k == 's' && t->kind != TY_STR) {
			err(s, a->loc, "type mismatch: %s() needs a string here, but this is a %s",
			    b->name, tstr(s, t));
			ok = false;
		} else if ((k == 'i' || k == 'I') && t->kind != TY_INT) {
			err(s, a->loc, "type mismatch: %s() needs an integer here, but this is a %s",
			    b->name, tstr(s, t));
			if (t->kind == TY_STR && a->kind == N_STR)
				hint(s, "remove the quotes for a number");
			else if (type_is_agg(t))
				hint(s, "an aggregation cannot be read in a probe");
			ok = false;
		} else if (k == 'I') {
			int64_t v;
			if (!sema_is_const_int(a, &v)) {
				err(s, a->loc, "%s() needs a constant integer here", b->name);
				ok = false;
			}
		} else if (k == 'a' && (t->kind == TY_NONE || type_is_agg(t))) {
			err(s, a->loc, "%s() needs a value here", b->name);
			ok = false;
		}
	}
	return ok;
}

static struct type *check_call(struct sema *s, struct node *n, bool agg_ok)
{
	const struct builtin *b = builtin_find(n->call.name, BF_FUNC);
	if (!b)
		b = builtin_find(n->call.name, BF_AGG);
	if (!b) {
		for (struct node *a = n->call.args; a; a = a->next)
			if (a->kind != N_MAP)
				sema_expr(s, a);
		if (builtin_find(n->call.name, BF_VAR)) {
			err(s, n->loc, "%s is a variable, not a function: write %s", n->call.name, n->call.name);
			return &ty_int64;
		}
		struct loc l = { n->loc.begin, n->loc.begin + (uint32_t)strlen(n->call.name) };
		err(s, l, "unknown function '%s'", n->call.name);
		const char *names[256];
		size_t k = builtin_names(names, ARRAY_SIZE(names), BF_FUNC);
		k += builtin_names(names + k, ARRAY_SIZE(names) - k, BF_AGG);
		const char *sug = diag_suggest(n->call.name, names, k);
		if (sug)
			hint(s, "did you mean '%s'?", sug);
		return &ty_int64;
	}
	n->call.bi = b;
	if (b->form == BF_AGG && !agg_ok) {
		err(s, n->loc, "%s() is an aggregation: assign it to a map, like @x = %s(...)",
		    b->name, b->name);
	}
	if (!check_args(s, n, b))
		return b->result ? b->result : &ty_int64;
	if (b->probes && !sema_require_kinds(s, n, b->probes, b->name))
		return b->result ? b->result : &ty_int64;
	if (b->check)
		return b->check(s, n);
	return b->result;
}

/* --- statements ------------------------------------------------------------ */

static void check_block(struct sema *s, struct node *list);

/* A new variable of the probe, typed by its first assignment. */
static struct var *new_var(struct sema *s, struct node *at, struct type *t)
{
	struct var *v = arena_alloc(&s->arena, sizeof(*v));
	v->name = at->var.name;
	v->type = t;
	v->loc = at->loc;
	v->id = s->nvars++;
	v->next = s->vars;
	s->vars = v;
	return v;
}

/* The value of an assignment: a call may be an aggregation only when it
 * goes into a map. */
static struct type *assigned_value(struct sema *s, struct node *value, bool agg_ok)
{
	struct type *t = value->kind == N_CALL ? check_call(s, value, agg_ok)
					       : sema_expr(s, value);
	value->type = t;
	return t;
}

/* $v = value, $v op= value */
static void check_assign_var(struct sema *s, struct node *n)
{
	struct node *l = n->assign.target, *r = n->assign.value;
	int op = n->assign.op;
	struct type *t = assigned_value(s, r, false);
	struct var *v = find_var(s, l->var.name);
	if (op != '=') {
		if (!v) {
			unknown_var(s, l);
			return;
		}
		l->var.var = v;
		l->type = v->type;
		if (!is_int(v->type) || !is_int(t))
			err(s, n->loc, "'%s=' needs integers", op_name(op));
		return;
	}
	if (t->kind == TY_NONE) {
		err(s, r->loc, "this has no value to assign");
		return;
	}
	if (type_is_agg(t)) {
		err(s, r->loc, "an aggregation can only be assigned to a map");
		return;
	}
	if (!v) {
		v = new_var(s, l, t);
	} else if (!type_equal(v->type, t)) {
		err(s, r->loc, "type mismatch: $%s is %s (from %s) but this is %s",
		    l->var.name, tstr(s, v->type), where(s, v->loc), tstr(s, t));
	}
	l->var.var = v;
	l->type = v->type;
}

/* @m[k] = value, @m[k] op= value, @m[k] = agg(...) */
static void check_assign_map(struct sema *s, struct node *n)
{
	struct node *l = n->assign.target, *r = n->assign.value;
	int op = n->assign.op;
	struct type *t = assigned_value(s, r, op == '=');
	if (r->kind == N_CALL)
		r->call.target = l; /* an aggregation's generator updates it */
	if (t->kind == TY_NONE) {
		err(s, r->loc, "this has no value to assign");
		sema_map_of(s, l, NULL, false);
		return;
	}
	if (op != '=') {
		if (!is_int(t))
			err(s, r->loc, "'%s=' needs an integer, but this is a %s",
			    op_name(op), tstr(s, t));
		struct mapinfo *m = sema_map_of(s, l, &ty_int64, true);
		if (m && m->val && !is_int(m->val))
			err(s, n->loc, "'%s=' needs an integer map, but @%s holds %s",
			    op_name(op), l->map.name, tstr(s, m->val));
		if (m)
			m->used_as_value = true;
		l->type = &ty_int64;
		return;
	}
	struct mapinfo *m = sema_map_of(s, l, t, true);
	l->type = m && m->val ? m->val : t;
}

/* The value of a condition known when compiling: numbers, gorelease,
 * gohastype("T") and func == "NAME" (when the probe's sites say) under
 * comparisons, logic and arithmetic. */
static bool const_cond(struct sema *s, struct node *n, int64_t *v)
{
	int64_t a, b;
	switch (n->kind) {
	case N_INT:
		*v = n->num.value;
		return true;
	case N_IDENT:
		if (strcmp(n->call.name, "gorelease") || !s->env->bin)
			return false;
		*v = gobin_go_release(s->env->bin);
		return *v != 0;
	case N_CALL:
		if (strcmp(n->call.name, "gohastype") || !s->env->bin || !n->call.args ||
		    n->call.args->kind != N_STR)
			return false;
		*v = goargs_has_type(s->env->bin, n->call.args->str.text);
		return true;
	case N_UNOP:
		if (!const_cond(s, n->unop.operand, &a))
			return false;
		if (n->unop.op == '!')
			*v = !a;
		else if (n->unop.op == '-')
			*v = (int64_t)(0 - (uint64_t)a);
		else
			return false;
		return true;
	case N_BINOP: {
		const struct node *id;
		if (func_compared(n, &id) && s->env->nsites) {
			/* func == "NAME": known when no site, or every site, is
			 * in that function */
			size_t same = 0;
			for (size_t i = 0; i < s->env->nsites; i++)
				same += s->env->sites[i].func && s->env->sites[i].func_id == id->num.value;
			if (same && same != s->env->nsites)
				return false;
			*v = (same != 0) == (n->binop.op == OP_EQ);
			return true;
		}
		bool ka = const_cond(s, n->binop.lhs, &a), kb = const_cond(s, n->binop.rhs, &b);
		/* one side can decide || and && */
		if (n->binop.op == OP_LOR && ((ka && a) || (kb && b))) {
			*v = 1;
			return true;
		}
		if (n->binop.op == OP_LAND && ((ka && !a) || (kb && !b))) {
			*v = 0;
			return true;
		}
		if (!ka || !kb)
			return false;
		switch (n->binop.op) {
		case OP_EQ: *v = a == b; return true;
		case OP_NE: *v = a != b; return true;
		case '<': *v = a < b; return true;
		case '>': *v = a > b; return true;
		case OP_LE: *v = a <= b; return true;
		case OP_GE: *v = a >= b; return true;
		case OP_LAND: *v = a && b; return true;
		case OP_LOR: *v = a || b; return true;
		default: return false;
		}
	}
	default:
		return false;
	}
}

static void check_cond(struct sema *s, struct node *c)
{
	struct type *t = sema_expr(s, c);
	if (!is_int(t))
		err(s, c->loc, "the condition must be an integer, not a %s", tstr(s, t));
}

/* for ($i : from .. to) body */
static void check_for(struct sema *s, struct node *n)
{
	struct node *iv = n->range.var;
	struct type *a = sema_expr(s, n->range.from), *b = sema_expr(s, n->range.to);
	if (!is_int(a) || !is_int(b))
		err(s, n->loc, "for ($i : a..b) needs integer bounds");
	struct var *v = find_var(s, iv->var.name);
	if (v && !is_int(v->type))
		err(s, iv->loc, "$%s is a %s, not an integer", v->name, tstr(s, v->type));
	else if (!v)
		v = new_var(s, iv, &ty_int64);
	iv->var.var = v;
	iv->type = v->type;
	s->loops++;
	check_block(s, n->range.body->block.stmts);
	s->loops--;
}

static void check_stmt(struct sema *s, struct node *n)
{
	switch (n->kind) {
	case N_EXPRSTMT: {
		struct node *e = n->exprstmt.expr;
		if (e->kind == N_CALL)
			e->type = check_call(s, e, false);
		else
			sema_expr(s, e);
		break;
	}
	case N_ASSIGN:
		if (n->assign.target->kind == N_VAR)
			check_assign_var(s, n);
		else
			check_assign_map(s, n);
		break;
	case N_IF: {
		int64_t v;
		check_cond(s, n->cond.cond);
		if (const_cond(s, n->cond.cond, &v)) {
			/* decided when compiling (gorelease, gohastype): the other branch
			 * is dropped unchecked, as for a release it does not
			 * apply to */
			if (v)
				n->cond.els = NULL;
			else
				n->cond.then->block.stmts = NULL;
		}
		check_block(s, n->cond.then->block.stmts);
		if (n->cond.els)
			check_stmt(s, n->cond.els);
		break;
	}
	case N_WHILE:
		check_cond(s, n->loop.cond);
		s->loops++;
		check_block(s, n->loop.body->block.stmts);
		s->loops--;
		break;
	case N_FOR:
		check_for(s, n);
		break;
	case N_UNROLL: {
		int64_t cnt;
		struct node *c = n->unroll.count;
		sema_expr(s, c);
		if (!sema_is_const_int(c, &cnt))
			err(s, c->loc, "unroll needs a constant count");
		else if (cnt < 1 || cnt > 100)
			err(s, c->loc, "unroll count must be between 1 and 100, not %" PRId64, cnt);
		n->unroll.times = cnt;
		check_block(s, n->unroll.body->block.stmts);
		break;
	}
	case N_BREAK:
	case N_CONTINUE:
		if (!s->loops)
			err(s, n->loc, "%s outside a loop", n->kind == N_BREAK ? "break" : "continue");
		break;
	case N_RETURN:
		break;
	case N_BLOCK:
		check_block(s, n->block.stmts);
		break;
	default:
		err(s, n->loc, "not a statement");
	}
}

static void check_block(struct sema *s, struct node *list)
{
	for (struct node *n = list; n; n = n->next)
		check_stmt(s, n);
}

static struct probe_env no_env;

static void check_probe(struct sema *s, struct probe *p)
{
	s->probe = p;
	s->env = s->envs ? &s->envs[p->index] : &no_env;
	if (!s->envs) {
		no_env.kinds = 0;
		for (struct attach *a = p->attaches; a; a = a->next)
			no_env.kinds |= PKM(probe_kind_of(a->provider));
	}
	s->vars = NULL;
	s->loops = 0;
	if (p->pred) {
		s->in_pred = true;
		struct type *t = sema_expr(s, p->pred);
		s->in_pred = false;
		if (!is_int(t))
			err(s, p->pred->loc, "the predicate must be an integer, not a %s", tstr(s, t));
	}
	check_block(s, p->body->block.stmts);
}

static void annot_type(const struct node *n, struct strbuf *out)
{
	if (!n->type)
		return;
	sb_puts(out, " :: ");
	type_print(n->type, out);
}

void sema_dump(const struct sema *s, struct strbuf *out)
{
	ast_dump(s->prog, out, annot_type);
}

int sema_check(struct sema *s)
{
	int before = s->diag->errors;
	bool was_quiet = s->diag->quiet;
	for (s->pass = 1; s->pass <= 2; s->pass++) {
		s->diag->quiet = s->pass == 1;
		s->fmts.n = 0;
		for (struct probe *p = s->prog->probes; p; p = p->next)
			check_probe(s, p);
	}
	s->diag->quiet = was_quiet;
	s->pass = 0;
	for (size_t i = 0; i < s->maps.n; i++) {
		struct mapinfo *m = s->maps.v[i];
		if (!m->val && s->diag->errors == before) {
			err(s, m->loc, "@%s is never assigned a value", m->name);
		}
	}
	return s->diag->errors - before;
}
