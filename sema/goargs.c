/* goargs.c - args.NAME in a uprobe: a Go parameter by name, from DWARF.
 *
 *   args.n          an integer, bool or pointer parameter
 *   args.s          a string (read as a string)
 *   args.b.len      the length of a slice or string; .cap of a slice
 *   args.b[i]       an element of a slice or array
 *   args.r.URL.Path struct fields, through pointers
 *
 * Each step of such a chain gets the Go type of its value and what the
 * step does (struct gostep); codegen walks the same chain. */
#include <stdio.h>
#include <string.h>

#include "sema/goargs.h"

static void gerr(struct sema *s, struct loc loc, const char *fmt, const char *a,
		 const char *b)
{
	diag_error(s->diag, loc, fmt, a, b);
}

/* The parameter a root `args.NAME` names. */
static const struct gotype *param_root(struct sema *s, struct node *n)
{
	struct probe_env *env = s->env;
	bool ret = env->kinds & PKM(PK_URETPROBE);
	if ((env->kinds & PKM(PK_UPROBE)) && ret) {
		diag_error(s->diag, n->loc, "args.%s: the probe mixes entries and returns", n->field.name);
		return NULL;
	}
	if (!env->bin || !env->func || env->many_funcs) {
		diag_error(s->diag, n->loc,
			   "args.%s needs a probe on exactly one function (this one has several)", n->field.name);
		return NULL;
	}
	const struct goparam *ps;
	size_t np;
	if (gobin_params(env->bin, env->func, &ps, &np) < 0) {
		diag_error(s->diag, n->loc, "args.%s: %s", n->field.name, gobin_error(env->bin));
		diag_hint(s->diag, "goarg(N) reads the Nth argument word without DWARF");
		return NULL;
	}
	const struct goparam *p = NULL;
	for (size_t i = 0; i < np; i++)
		if (ps[i].is_result == ret && !strcmp(ps[i].name, n->field.name))
			p = &ps[i];
	if (!p) {
		diag_error(s->diag, n->loc, "%s has no %s named '%s'", env->func->name,
			   ret ? "result" : "parameter", n->field.name);
		struct strbuf sb;
		sb_init(&sb);
		for (size_t i = 0; i < np; i++)
			if (ps[i].is_result == ret)
				sb_printf(&sb, "%s%s %s", sb.len ? ", " : "", ps[i].name,
					  ps[i].type ? ps[i].type->name : "?");
		if (sb.len)
			diag_hint(s->diag, "%s: %s", ret ? "its results" : "its parameters", sb.s);
		else if (!ret)
			diag_hint(s->diag, "%s takes no parameters", env->func->name);
		sb_free(&sb);
		return NULL;
	}
	if (p->has_float && p->in_regs && env->abi != GOABI_STACK) {
		diag_error(s->diag, n->loc,
			   "args.%s is a %s: Go passes it in an XMM register, and uprobes cannot read XMM registers",
			   n->field.name, p->type ? p->type->name : "float");
		return NULL;
	}
	if (!p->in_regs && p->stack_off < 0) {
		diag_error(s->diag, n->loc, "args.%s: a result returned in memory cannot be read", n->field.name);
		return NULL;
	}
	if (p->in_regs && env->abi == GOABI_SYSV && p->type && p->type->kind == GT_STRUCT) {
		diag_error(s->diag, n->loc, "args.%s: structs passed in registers by the C convention are not supported",
			   n->field.name);
		return NULL;
	}
	n->field.go.param = p;
	n->field.go.op = GOOP_PARAM;
	return p->type;
}

const struct gotype *goargs_path(struct sema *s, struct node *n)
{
	bool field = n->kind == N_FIELD;
	struct gostep *st = field ? &n->field.go : &n->index.go;
	const char *name = field ? n->field.name : NULL;
	struct node *base = ast_base(n);
	if (field && !name) {
		diag_error(s->diag, n->loc, "a Go value has fields by name, not by number");
		return NULL;
	}
	if (field && base->kind == N_IDENT && !strcmp(base->call.name, "args")) {
		base->type = &ty_none;
		return st->gt = param_root(s, n);
	}
	const struct gotype *pt = NULL;
	if (base)
		pt = goargs_path(s, base);
	if (!pt)
		return NULL;
	const struct gotype *t = pt;
	if (t->kind == GT_PTR && field)
		t = t->elem; /* fields through pointers, like Go */
	if (!t) {
		diag_error(s->diag, n->loc, "cannot look inside an unsafe.Pointer");
		return NULL;
	}
	if (!field) {
		struct type *it = sema_expr(s, n->index.index);
		if (it->kind != TY_INT) {
			diag_error(s->diag, n->index.index->loc, "an index must be an integer");
			return NULL;
		}
		if (t->kind != GT_SLICE && t->kind != GT_ARRAY) {
			gerr(s, n->loc, "[] needs a slice or an array, but this is %s%s",
			     t->name ? t->name : "?", "");
			return NULL;
		}
		st->op = GOOP_INDEX;
		return st->gt = t->elem;
	}
	if ((t->kind == GT_SLICE || t->kind == GT_STRING) && !strcmp(name, "len")) {
		st->op = GOOP_LEN;
		return st->gt = &gotype_int;
	}
	if (t->kind == GT_SLICE && !strcmp(name, "cap")) {
		st->op = GOOP_CAP;
		return st->gt = &gotype_int;
	}
	if (t->kind != GT_STRUCT) {
		gerr(s, n->loc, "%s has no fields (looking for '%s')", t->name ? t->name : "?", name);
		return NULL;
	}
	for (size_t i = 0; i < t->nfields; i++) {
		if (strcmp(t->fields[i].name, name))
			continue;
		st->op = GOOP_FIELD;
		st->field = (int)i;
		return st->gt = t->fields[i].type;
	}
	gerr(s, n->loc, "%s has no field '%s'", t->name ? t->name : "?", name);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < t->nfields && i < 12; i++)
		sb_printf(&sb, "%s%s", i ? ", " : "", t->fields[i].name);
	diag_hint(s->diag, "its fields: %s%s", sb.s ? sb.s : "", t->nfields > 12 ? ", ..." : "");
	sb_free(&sb);
	return NULL;
}

/* The gotrace type of a Go value at the end of a chain. */
struct type *goargs_type(struct sema *s, struct node *n, const struct gotype *t)
{
	switch (t->kind) {
	case GT_INT:
	case GT_UINT:
	case GT_BOOL:
		if (t->size == 0 || t->size > 8)
			break;
		return type_int(&s->arena, (int)t->size * 8, t->kind == GT_INT);
	case GT_PTR:
	case GT_MAP:
	case GT_CHAN:
	case GT_FUNC:
		return &ty_uint64;
	case GT_STRING:
		return type_str(&s->arena, s->strlen);
	case GT_FLOAT:
	case GT_COMPLEX:
		diag_error(s->diag, n->loc, "%s is a %s: floating-point values cannot be read in a probe",
			   "this", t->name ? t->name : "float");
		return &ty_int64;
	case GT_SLICE:
		diag_error(s->diag, n->loc, "this is a slice (%s): use .len, .cap or [i]",
			   t->name ? t->name : "?");
		return &ty_int64;
	case GT_STRUCT:
		diag_error(s->diag, n->loc, "this is a struct (%s): pick a field", t->name ? t->name : "?");
		return &ty_int64;
	case GT_IFACE:
		diag_error(s->diag, n->loc, "this is an interface (%s): its value cannot be printed",
			   t->name ? t->name : "?");
		return &ty_int64;
	default:
		break;
	}
	diag_error(s->diag, n->loc, "values of type %s cannot be read in a probe",
		   t->name ? t->name : "?");
	return &ty_int64;
}

/* Go's int, for .len and .cap. */
const struct gotype gotype_int = { .kind = GT_INT, .name = "int", .size = 8 };

/* Integer registers a value takes in Go's register ABI (floats are in
 * other registers). */
int goargs_words(const struct gotype *t)
{
	if (!t)
		return 1;
	switch (t->kind) {
	case GT_INT:
	case GT_UINT:
	case GT_BOOL:
	case GT_PTR:
	case GT_MAP:
	case GT_CHAN:
	case GT_FUNC:
		return t->size ? 1 : 0;
	case GT_STRING:
	case GT_IFACE:
		return 2;
	case GT_SLICE:
		return 3;
	case GT_STRUCT: {
		int w = 0;
		for (size_t i = 0; i < t->nfields; i++)
			w += goargs_words(t->fields[i].type);
		return w;
	}
	case GT_ARRAY:
		return t->count == 1 ? goargs_words(t->elem) : 0;
	default:
		return 0;
	}
}

/* goarg(n) of a function whose DWARF says the nth integer word does not
 * exist because the arguments are floats: an error, since those are in
 * XMM registers. Returns false after reporting. */
bool goargs_check_word(struct sema *s, struct node *n, int word, bool result)
{
	struct probe_env *env = s->env;
	if (!env->bin || !env->func || env->many_funcs || env->abi == GOABI_STACK)
		return true;
	const struct goparam *ps;
	size_t np;
	if (gobin_params(env->bin, env->func, &ps, &np) < 0)
		return true;
	int words = 0;
	struct strbuf floats;
	sb_init(&floats);
	for (size_t i = 0; i < np; i++) {
		if (ps[i].is_result != result)
			continue;
		if (ps[i].in_regs && ps[i].word >= 0)
			words = MAX(words, ps[i].word + ps[i].nwords);
		if (ps[i].has_float)
			sb_printf(&floats, "%s%s %s", floats.len ? ", " : "", ps[i].name,
				  ps[i].type ? ps[i].type->name : "?");
	}
	bool ok = true;
	if (word >= words && floats.len) {
		char what[32];
		if (n->kind == N_IDENT)
			snprintf(what, sizeof(what), "retval");
		else
			snprintf(what, sizeof(what), "%s(%d)", result ? "goret" : "goarg", word);
		diag_error(s->diag, n->loc,
			   "%s: %s %s floating-point (%s): Go passes those in XMM registers, and uprobes cannot read XMM registers",
			   what, env->func->name, result ? "returns" : "takes", floats.s);
		ok = false;
	} else if (word >= words && n->kind != N_IDENT) {
		diag_warning(s->diag, n->loc, "%s(%d): %s has only %d %s word%s", result ? "goret" : "goarg",
			     word, env->func->name, words, result ? "result" : "argument",
			     words == 1 ? "" : "s");
	}
	sb_free(&floats);
	return ok;
}
