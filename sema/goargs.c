/* goargs.c - Go values by name: args.NAME in a uprobe (a parameter, from
 * DWARF) and gocast(value, "TYPE") (a value of a Go type named in the
 * script, from DWARF or from the binary's runtime type descriptors).
 *
 *   args.n          an integer, bool or pointer parameter
 *   args.s          a string (read as a string)
 *   args.b.len      the length of a slice or string; .cap of a slice
 *   args.b[i]       an element of a slice or array
 *   args.r.URL.Path struct fields, through pointers
 *   gocast(goarg(3), "*net/http.Request").URL.Path
 *
 * Each step of such a chain gets the Go type of its value and what the
 * step does (struct gostep); codegen walks the same chain. At a
 * function's own entry a parameter is where its calling convention puts
 * it; at an inlined copy, where DWARF's location list says (struct
 * goplace, one place per site). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sema/goargs.h"
#include "sema/regs.h"

static void gerr(struct sema *s, struct loc loc, const char *fmt, const char *a,
		 const char *b)
{
	diag_error(s->diag, loc, fmt, a, b);
}

/* struct pt_regs offsets of DWARF's x86-64 register numbers. */
static const int dwarf_regs[16] = {
	PTREGS_AX, PTREGS_DX, PTREGS_CX, PTREGS_BX, PTREGS_SI, PTREGS_DI, PTREGS_BP, PTREGS_SP,
	PTREGS_R8, PTREGS_R9, PTREGS_R10, PTREGS_R11, PTREGS_R12, PTREGS_R13, PTREGS_R14, PTREGS_R15,
};

/* The place of a parameter at a function's own entry, by its ABI. */
static bool abi_place(struct probe_env *env, const struct goparam *p, struct gosite_place *pl)
{
	memset(pl, 0, sizeof(*pl));
	if (!p->in_regs) {
		pl->mem = true;
		pl->sp_off = p->stack_off;
		return p->stack_off >= 0;
	}
	if (p->nwords > GOLOC_MAX_PARTS || p->word < 0)
		return false;
	pl->nwords = p->nwords;
	for (int i = 0; i < p->nwords; i++) {
		int w = p->word + i;
		if (env->abi == GOABI_REG ? w >= 9 : w >= 6)
			return false;
		pl->words[i].reg = (int)(env->abi == GOABI_REG ? abi_go_regs[w] : abi_sysv_regs[w]);
		pl->words[i].size = 8;
	}
	return true;
}

/* The place of a parameter of an inlined copy from its DWARF parts; NULL
 * or the reason it cannot be read. */
static const char *dwarf_place(const struct site *site, const struct goinlparam *p,
			       struct gosite_place *pl)
{
	memset(pl, 0, sizeof(*pl));
	if (!p->found)
		return p->why;
	bool mem = false;
	for (int i = 0; i < p->nparts; i++)
		mem |= p->parts[i].reg < 0;
	if (mem && site->sp_delta < 0)
		return "it is in the stack frame, whose size at the copy is unknown";
	uint64_t size = p->type ? p->type->size : 8;
	if (p->nparts == 1 && p->parts[0].reg < 0 && p->parts[0].size >= size) {
		pl->mem = true;
		pl->sp_off = site->sp_delta + 8 + p->parts[0].cfa_off;
		return NULL;
	}
	if (p->nparts != goargs_words(p->type))
		return "its DWARF parts do not match its type's words";
	pl->nwords = p->nparts;
	for (int i = 0; i < p->nparts; i++) {
		const struct golocpart *pt = &p->parts[i];
		if (pt->size > 8 || (pt->reg >= 0 && pt->reg >= 16))
			return "a part of it is not in a general-purpose register";
		pl->words[i].size = pt->size;
		if (pt->reg >= 0) {
			pl->words[i].reg = dwarf_regs[pt->reg];
		} else {
			pl->words[i].reg = -1;
			pl->words[i].sp_off = site->sp_delta + 8 + pt->cfa_off;
		}
	}
	return NULL;
}

/* args.NAME of a probe whose sites include inlined copies: the place of
 * the parameter at each site. */
static const struct gotype *param_root_sites(struct sema *s, struct node *n)
{
	struct probe_env *env = s->env;
	const char *name = n->field.name;
	if (!env->bin || !env->func_name || env->many_funcs) {
		diag_error(s->diag, n->loc,
			   "args.%s needs a probe on exactly one function (this one has several)", name);
		return NULL;
	}
	for (size_t i = 0; i < env->nsites; i++) {
		const struct goinlparam *ps;
		size_t np;
		if (env->sites[i].inl &&
		    gobin_inlined_params(env->bin, env->sites[i].inl, &ps, &np) == -ENODATA) {
			diag_error(s->diag, n->loc, "args.%s: %s", name, gobin_error(env->bin));
			diag_hint(s->diag, "the arguments of an inlined copy are where DWARF says: build without -ldflags=-w");
			return NULL;
		}
	}
	struct goplace *gp = arena_alloc(&s->arena, sizeof(*gp));
	gp->nsites = env->nsites;
	gp->at = arena_alloc(&s->arena, (env->nsites ? env->nsites : 1) * sizeof(*gp->at));
	const struct gotype *type = NULL;
	int bad = 0;
	bool unknown = true;
	/* a name no site knows is a slip: say which names there are */
	struct strbuf names;
	sb_init(&names);
	for (size_t i = 0; i < env->nsites && unknown; i++) {
		const struct site *site = &env->sites[i];
		const struct goparam *ps;
		const struct goinlparam *ips;
		size_t np;
		sb_reset(&names);
		if (!site->inl && env->func && gobin_params(env->bin, env->func, &ps, &np) == 0) {
			for (size_t k = 0; k < np; k++) {
				if (ps[k].is_result)
					continue;
				unknown &= strcmp(ps[k].name, name) != 0;
				sb_printf(&names, "%s%s %s", names.len ? ", " : "", ps[k].name,
					  ps[k].type ? ps[k].type->name : "?");
			}
		} else if (site->inl && gobin_inlined_params(env->bin, site->inl, &ips, &np) == 0) {
			for (size_t k = 0; k < np; k++) {
				unknown &= strcmp(ips[k].name, name) != 0;
				sb_printf(&names, "%s%s %s", names.len ? ", " : "", ips[k].name,
					  ips[k].type ? ips[k].type->name : "?");
			}
		} else {
			unknown = false; /* no DWARF: said below, site by site */
		}
	}
	if (unknown) {
		diag_error(s->diag, n->loc, "%s has no parameter named '%s'", env->func_name, name);
		if (names.len)
			diag_hint(s->diag, "its parameters: %s", names.s);
		else
			diag_hint(s->diag, "%s takes no parameters", env->func_name);
		sb_free(&names);
		return NULL;
	}
	sb_free(&names);
	for (size_t i = 0; i < env->nsites; i++) {
		const struct site *site = &env->sites[i];
		const char *why = NULL;
		const struct gotype *t = NULL;
		if (!site->inl) {
			const struct goparam *ps;
			size_t np;
			why = "its function's DWARF does not list it";
			if (env->func && gobin_params(env->bin, env->func, &ps, &np) == 0) {
				for (size_t k = 0; k < np; k++)
					if (!ps[k].is_result && !strcmp(ps[k].name, name)) {
						t = ps[k].type;
						why = ps[k].has_float ? "it is floating-point, in an XMM register"
						      : abi_place(env, &ps[k], &gp->at[i]) ? NULL
						      : "it is not where the calling convention can say";
					}
			}
		} else {
			const struct goinlparam *ps;
			size_t np;
			if (gobin_inlined_params(env->bin, site->inl, &ps, &np) < 0) {
				why = gobin_error(env->bin);
			} else {
				why = "DWARF lists no such parameter for this copy";
				for (size_t k = 0; k < np; k++)
					if (!strcmp(ps[k].name, name)) {
						t = ps[k].type;
						why = dwarf_place(site, &ps[k], &gp->at[i]);
					}
			}
		}
		if (t && !type)
			type = t;
		else if (t && type && strcmp(t->name, type->name) && !why)
			why = "its type differs between the copies";
		if (!why)
			continue;
		if (!bad++) {
			diag_error(s->diag, n->loc, "args.%s cannot be read at every site of %s", name,
				   env->func_name);
		}
		if (bad <= 4) {
			if (site->inl && strcmp(site->inl->parent, site->inl->func))
				diag_note(s->diag, "the copy inlined into %s (itself inlined into %s) at 0x%" PRIx64 ": %s",
					  site->inl->parent, site->inl->func, site->vaddr, why);
			else if (site->inl)
				diag_note(s->diag, "the copy inlined into %s at 0x%" PRIx64 ": %s",
					  site->inl->parent, site->vaddr, why);
			else
				diag_note(s->diag, "the entry of %s: %s", env->func_name, why);
		}
	}
	if (bad > 4)
		diag_note(s->diag, "... and %d more sites", bad - 4);
	if (bad) {
		diag_hint(s->diag, "an inlined copy keeps its arguments only where the compiler needed them; "
			  "build with -gcflags=-l to keep %s a function with its arguments in registers",
			  env->func_name);
		return NULL;
	}
	if (!type) {
		diag_error(s->diag, n->loc, "args.%s: the type of the parameter is unknown", name);
		return NULL;
	}
	n->field.go.place = gp;
	n->field.go.op = GOOP_PARAM;
	return type;
}

/* The parameter a root `args.NAME` names. */
static const struct gotype *param_root(struct sema *s, struct node *n)
{
	struct probe_env *env = s->env;
	bool ret = env->kinds & PKM(PK_URETPROBE);
	if (env->has_inlined && !ret)
		return param_root_sites(s, n);
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

/* gocast(value, "TYPE"): the value (a word, or an address for a type
 * that is not a pointer) seen as the Go type TYPE, named with its import
 * path, from the binary's type descriptors or, failing that, its DWARF. */
const struct gotype *goargs_cast(struct sema *s, struct node *n)
{
	struct probe_env *env = s->env;
	struct node *val = n->call.args, *tn = val ? val->next : NULL;
	struct gostep *st = &n->call.go;
	if (st->op == GOOP_CAST) {
		/* checked already; the value is checked again in each pass,
		 * which binds its $variables to this pass's */
		sema_expr(s, val);
		return st->gt;
	}
	if (!val || !tn || tn->next) {
		diag_error(s->diag, n->loc, "gocast() takes a value and a Go type: gocast(goarg(0), \"*net/http.Request\")");
		return NULL;
	}
	struct type *vt = val->type ? val->type : sema_expr(s, val);
	if (vt->kind != TY_INT) {
		diag_error(s->diag, val->loc, "gocast(): the value must be an integer (a pointer or an address), not a %s",
			   type_kind_name(vt->kind));
		return NULL;
	}
	if (tn->kind != N_STR) {
		diag_error(s->diag, tn->loc, "gocast(): the type must be a string literal, like \"*net/http.Request\"");
		return NULL;
	}
	if (!env->bin || env->compiler != GOC_GC) {
		diag_error(s->diag, n->loc, "gocast() needs a probe in one Go (gc) binary, whose types it reads");
		return NULL;
	}
	const char *name = tn->str.text;
	const struct gotype *t = gobin_rtype_type(env->bin, name);
	if (!t) {
		char why[512];
		snprintf(why, sizeof(why), "%s", gobin_error(env->bin));
		/* DWARF knows types that have no descriptor */
		const char *base = name;
		while (*base == '*' || (base[0] == '[' && base[1] == ']'))
			base += *base == '*' ? 1 : 2;
		if (base == name)
			t = gobin_type(env->bin, name);
		if (!t) {
			struct loc l = tn->loc;
			diag_error(s->diag, l, "gocast(): %s", why);
			size_t nn;
			const char *const *names = gobin_rtype_names(env->bin, &nn);
			const char *sug = diag_suggest(base, names, nn);
			if (sug)
				diag_hint(s->diag, "did you mean '%.*s%s'?", (int)(base - name), name, sug);
			return NULL;
		}
	}
	st->op = GOOP_CAST;
	st->gt = t;
	return t;
}

bool goargs_has_type(struct gobin *b, const char *name)
{
	if (gobin_rtype_type(b, name))
		return true;
	const char *base = name;
	while (*base == '*' || (base[0] == '[' && base[1] == ']'))
		base += *base == '*' ? 1 : 2;
	return gobin_type(b, base) != NULL;
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
	if (base && base->kind == N_CALL && !strcmp(base->call.name, "gocast")) {
		pt = goargs_cast(s, base);
		base->type = &ty_uint64;
	} else if (base) {
		pt = goargs_path(s, base);
	}
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
	if (t->kind == GT_IFACE && (!strcmp(name, "type") || !strcmp(name, "data"))) {
		/* an interface's two words: what gotype() names, and the
		 * pointer to the value (gocast() it to read on) */
		st->op = name[0] == 't' ? GOOP_ITYPE : GOOP_IDATA;
		return st->gt = &gotype_word;
	}
	if (t->kind == GT_IFACE) {
		struct loc il = n->loc; /* the name after the dot */
		if (il.end - il.begin > strlen(name))
			il.begin = il.end - (uint32_t)strlen(name);
		gerr(s, il, "%s is an interface: it has .type and .data, not '%s'",
		     t->name ? t->name : "?", name);
		return NULL;
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
	/* point at the name after the dot */
	struct loc nl = n->loc;
	if (nl.end - nl.begin > strlen(name))
		nl.begin = nl.end - (uint32_t)strlen(name);
	gerr(s, nl, "%s has no field '%s'", t->name ? t->name : "?", name);
	const char **fnames = arena_alloc(&s->arena, (t->nfields + 1) * sizeof(*fnames));
	for (size_t i = 0; i < t->nfields; i++)
		fnames[i] = t->fields[i].name;
	/* a name of one or two letters is near every other: list them */
	const char *sug = strlen(name) > 2 ? diag_suggest(name, fnames, t->nfields) : NULL;
	if (sug) {
		diag_hint(s->diag, "did you mean '%s'?", sug);
		return NULL;
	}
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
		diag_hint(s->diag, "gotype(x.type) names its dynamic type; gocast(x.data, \"*T\") reads the value");
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
/* A word of an interface (.type, .data): a pointer to look no further
 * into. */
const struct gotype gotype_word = { .kind = GT_PTR, .name = "unsafe.Pointer", .size = 8 };

/* Integer registers a value takes in Go's register ABI (floats are in
 * other registers). The walk gives up (0 words) after *budget types: a
 * corrupt DWARF can make a struct hold itself, or one type many times
 * over, and a value in registers has a few parts. */
static int words_walk(const struct gotype *t, int *budget)
{
	if (!t)
		return 1;
	if (--*budget < 0)
		return 0;
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
			w += words_walk(t->fields[i].type, budget);
		return w;
	}
	case GT_ARRAY:
		return t->count == 1 ? words_walk(t->elem, budget) : 0;
	default:
		return 0;
	}
}

int goargs_words(const struct gotype *t)
{
	int budget = GOTYPE_WALK_MAX;
	int w = words_walk(t, &budget);
	return budget < 0 ? 0 : w;
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

/* goarg(n), argN, sargN at an inlined copy: there is no call, so no
 * argument registers. */
bool goargs_check_abi(struct sema *s, struct node *n)
{
	struct probe_env *env = s->env;
	if (!env->has_inlined)
		return true;
	char what[32];
	int64_t i = 0;
	if (n->kind == N_CALL && n->call.args && sema_is_const_int(n->call.args, &i))
		snprintf(what, sizeof(what), "%s(%" PRId64 ")", n->call.name, i);
	else
		snprintf(what, sizeof(what), "%s", n->call.name);
	diag_error(s->diag, n->loc,
		   "%s: %s is inlined at sites of this probe, and an inlined copy is not a call: its arguments are not in the calling convention's registers",
		   what, env->func_name ? env->func_name : "a function");
	diag_hint(s->diag, "args.NAME reads a parameter where the binary's DWARF says it is; or build with -gcflags=-l to keep %s a function",
		  env->func_name ? env->func_name : "it");
	return false;
}
