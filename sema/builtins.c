/* builtins.c - the table of builtins and their type checks. */
#include "sema/builtins.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "abi/events.h"

#include "sema/format.h"
#include "sema/goargs.h"
#include "sema/regs.h"

/* --- checks ---------------------------------------------------------------- */

static struct type *t_str(struct sema *s, struct node *n)
{
	return type_str(&s->arena, s->strlen);
}

static struct type *t_stack(struct sema *s, struct node *n)
{
	s->uses_stacks = true;
	return n->call.name[0] == 'u' ? &ty_ustack : &ty_kstack;
}

static struct type *t_retval(struct sema *s, struct node *n)
{
	if (s->env->abi == GOABI_STACK && s->env->go_ret_insn && !s->env->in_args_size)
		diag_error(s->diag, n->loc,
			   "retval: with the stack ABI (Go < 1.17) the results follow the arguments, whose size needs DWARF");
	if (s->env->kinds == PKM(PK_URETPROBE))
		goargs_check_word(s, n, 0, true);
	return &ty_int64;
}

static struct type *t_goid(struct sema *s, struct node *n)
{
	if (!s->env->goid_ok) {
		diag_error(s->diag, n->loc, "goid is not available here: %s",
			   s->env->goid_err ? s->env->goid_err
					    : "the probe is not in a Go binary");
	}
	return &ty_uint64;
}

/* --- raw words where Go values were meant ---------------------------------- */

/* n is goarg(N) or goret(N) with a constant N: its word index, else -1. */
static int goword_of(const struct node *n, bool *result)
{
	if (n->kind != N_CALL || !n->call.bi)
		return -1;
	enum builtin_id id = n->call.bi->id;
	if (id != BI_GOARG && id != BI_GORET)
		return -1;
	int64_t i;
	if (!n->call.args || !sema_is_const_int(n->call.args, &i) || i < 0 || i > 15)
		return -1;
	*result = id == BI_GORET;
	return (int)i;
}

/* The string parameter whose pointer is word w, from DWARF, or NULL. */
static const struct goparam *string_at_word(struct sema *s, int w, bool result)
{
	struct probe_env *env = s->env;
	const struct goparam *ps;
	size_t np;
	if (!env->bin || !env->func || env->many_funcs ||
	    gobin_params(env->bin, env->func, &ps, &np) < 0)
		return NULL;
	for (size_t i = 0; i < np; i++)
		if (ps[i].is_result == result && ps[i].in_regs && ps[i].word == w && ps[i].type &&
		    ps[i].type->kind == GT_STRING)
			return &ps[i];
	return NULL;
}

/* A warning for reading a Go word w as if it were text: a Go string is a
 * pointer and a length, with no NUL byte at the end. */
static void warn_go_string_word(struct sema *s, const struct node *at, const char *what, int w,
				bool result)
{
	const char *fn = result ? "goret" : "goarg";
	const struct goparam *p = string_at_word(s, w, result);
	if (p)
		diag_warning(s->diag, at->loc,
			     "%s: %s(%d) is the pointer of the Go string '%s', which has no NUL byte",
			     what, fn, w, p->name);
	else
		diag_warning(s->diag, at->loc, "%s: %s(%d) is a raw word; if it is a Go string's pointer, "
					       "the string has no NUL byte",
			     what, fn, w);
	diag_hint(s->diag, "a Go string is (pointer, length): gostr(%s(%d), %s(%d))", fn, w, fn, w + 1);
}

/* Whether DWARF says stack word w (at sp+8+8*w) holds a parameter of the
 * probe's one function: SysV passes a struct bigger than 16 bytes (a Go
 * slice on gccgo, fmt.Println's a ...interface{}) in memory. */
static bool stack_word_is_param(struct sema *s, int w)
{
	struct probe_env *env = s->env;
	const struct goparam *ps;
	size_t np;
	if (!env->bin || !env->func || env->many_funcs ||
	    gobin_params(env->bin, env->func, &ps, &np) < 0)
		return false;
	int64_t at = 8 + 8 * (int64_t)w;
	for (size_t i = 0; i < np; i++)
		if (!ps[i].is_result && !ps[i].in_regs && ps[i].stack_off >= 8 &&
		    at >= ps[i].stack_off && at < ps[i].stack_off + 8 * (int64_t)ps[i].nwords)
			return true;
	return false;
}

/* argN and sargN follow the C convention and the stack: not what a Go
 * function built with another convention receives. */
static struct type *t_argword(struct sema *s, struct node *n)
{
	struct probe_env *env = s->env;
	int i = n->call.bi->aux;
	bool sarg = n->call.bi->id >= BI_SARG0 && n->call.bi->id <= BI_SARG9;
	if (!goargs_check_abi(s, n) || env->abi_mixed || !env->bin)
		return &ty_int64;
	if (!sarg && env->compiler == GOC_GC && env->abi != GOABI_SYSV) {
		diag_warning(s->diag, n->loc,
			     "%s reads the C convention's argument registers, but %s passes Go arguments %s",
			     n->call.name, gobin_path(env->bin),
			     env->abi == GOABI_REG ? "in Go's own register order" : "on the stack");
		diag_hint(s->diag, "goarg(%d) reads argument word %d by the binary's convention", i, i);
	} else if (sarg && env->abi == GOABI_REG) {
		diag_warning(s->diag, n->loc,
			     "%s reads a stack word, but %s passes arguments in registers (Go 1.17 and later)",
			     n->call.name, gobin_path(env->bin));
		diag_hint(s->diag, "goarg(%d) reads argument word %d by the binary's convention", i, i);
	} else if (sarg && env->abi == GOABI_SYSV && !stack_word_is_param(s, i)) {
		diag_warning(s->diag, n->loc,
			     "%s reads a stack word, but %s passes its first six arguments in registers",
			     n->call.name, gobin_path(env->bin));
		diag_hint(s->diag, "goarg(%d) or arg%d reads the argument by the C convention", i, i);
	}
	return &ty_int64;
}


static struct type *t_gotype(struct sema *s, struct node *n);

static struct type *t_goid_or_tid(struct sema *s, struct node *n)
{
	if (!s->env->goid_ok && !s->said_tid) {
		diag_warning(s->diag, n->loc, "goid_or_tid is the thread id here, not a goroutine's: %s",
			     s->env->goid_err ? s->env->goid_err : "the probe is not in a Go binary");
		s->said_tid = s->pass == 2; /* once, in the pass that prints */
	}
	return &ty_uint64;
}

/* curg: the g pointer, which goid needs too. */
static struct type *t_curg(struct sema *s, struct node *n)
{
	if (!s->env->goid_ok)
		diag_error(s->diag, n->loc, "curg is not available here: %s",
			   s->env->goid_err ? s->env->goid_err : "the probe is not in a Go binary");
	return &ty_uint64;
}

/* The one Go binary of the probe, or NULL after an error naming what. */
static struct gobin *go_binary(struct sema *s, struct node *n, const char *what)
{
	struct probe_env *env = s->env;
	if (!env->bin || env->compiler == GOC_NONE) {
		diag_error(s->diag, n->loc, "%s needs a probe in one Go binary", what);
		return NULL;
	}
	return env->bin;
}

static struct type *t_gorelease(struct sema *s, struct node *n)
{
	struct gobin *b = go_binary(s, n, "gorelease");
	if (b && !gobin_go_release(b))
		diag_error(s->diag, n->loc, "gorelease: %s does not say which Go release built it",
			   gobin_path(b));
	return &ty_int64;
}

static struct type *t_ucaller(struct sema *s, struct node *n)
{
	return &ty_ucaller;
}

/* ucaller("pkg", ...): ucaller's type, with the packages to skip. */
static struct type *t_ucallern(struct sema *s, struct node *n)
{
	struct strbuf sb;
	sb_init(&sb);
	for (struct node *a = n->call.args; a; a = a->next) {
		const char *p = a->kind == N_STR ? a->str.text : "";
		size_t len = strlen(p);
		if (!len || strpbrk(p, " \t\n") || p[len - 1] == '.' || p[len - 1] == '/') {
			diag_error(s->diag, a->loc, "ucaller(): \"%s\" is not a package path, like \"database/sql\"", p);
			continue;
		}
		sb_printf(&sb, "%s%s", sb.s && *sb.s ? " " : "", p);
	}
	struct type *t = arena_alloc(&s->arena, sizeof(*t));
	*t = ty_ucaller;
	t->skip = arena_strdup(&s->arena, sb.s ? sb.s : "");
	sb_free(&sb);
	return t;
}

static struct type *t_cpid(struct sema *s, struct node *n)
{
	s->uses_target = true;
	return &ty_uint64;
}

static struct type *t_ustackn(struct sema *s, struct node *n)
{
	int64_t depth = 0;
	sema_is_const_int(n->call.args, &depth);
	if (depth < 1 || depth > STACK_DEPTH) {
		diag_error(s->diag, n->call.args->loc, "ustack(N): N must be between 1 and %d, not %lld",
			   STACK_DEPTH, (long long)depth);
		depth = 1;
	}
	return type_ustack_n(&s->arena, (int)depth);
}

/* uaddr("name"): a global of a binary whose addresses are its own. */
static struct type *t_uaddr(struct sema *s, struct node *n)
{
	struct probe_env *env = s->env;
	const char *name = n->call.args->str.text;
	uint64_t addr;
	if (!env->bin) {
		diag_error(s->diag, n->loc, "uaddr() needs a probe in one binary");
	} else if (gobin_is_dyn(env->bin)) {
		diag_error(s->diag, n->loc, "uaddr(): %s is position-independent; uaddr() reads executables only",
			   gobin_path(env->bin));
	} else if (gobin_global(env->bin, name, &addr, NULL) < 0) {
		diag_error(s->diag, n->call.args->loc, "uaddr(): %s", gobin_error(env->bin));
	}
	return &ty_uint64;
}

static struct type *t_goruntime(struct sema *s, struct node *n)
{
	struct gobin *b = go_binary(s, n, "goruntime()");
	uint64_t(*r)[2] = xcalloc(RUNTIME_RANGES_MAX, sizeof(*r));
	size_t k;
	if (b && gobin_is_dyn(b))
		diag_error(s->diag, n->loc, "goruntime(): %s is position-independent; goruntime() reads executables only",
			   gobin_path(b));
	else if (b && gobin_runtime_ranges(b, r, RUNTIME_RANGES_MAX, &k) < 0)
		diag_error(s->diag, n->loc, "goruntime(): %s", gobin_error(b));
	free(r);
	return &ty_int64;
}

static struct type *t_gooffset(struct sema *s, struct node *n)
{
	struct gobin *b = go_binary(s, n, "gooffset()");
	uint64_t off, size;
	const char *src;
	if (b && gobin_field(b, n->call.args->str.text, n->call.args->next->str.text, &off, &size,
			     &src) < 0)
		diag_error(s->diag, n->loc, "gooffset(): %s", gobin_error(b));
	return &ty_int64;
}

static struct type *t_gohastype(struct sema *s, struct node *n)
{
	struct gobin *b = go_binary(s, n, "gohastype()");
	if (b && s->env->compiler != GOC_GC)
		diag_error(s->diag, n->loc, "gohastype() needs a Go (gc) binary, whose types it reads");
	return &ty_int64;
}

static struct type *t_gfield(struct sema *s, struct node *n)
{
	struct gobin *b = go_binary(s, n, "gfield()");
	uint64_t off, size;
	const char *src, *field = n->call.args->next->str.text;
	if (b && gobin_field(b, "runtime.g", field, &off, &size, &src) < 0)
		diag_error(s->diag, n->call.args->next->loc, "gfield(): %s", gobin_error(b));
	else if (b && size != 1 && size != 2 && size != 4 && size != 8)
		diag_error(s->diag, n->call.args->next->loc,
			   "gfield(): runtime.g.%s is %llu bytes, not an integer", field,
			   (unsigned long long)size);
	if (n->call.args->type->kind != TY_INT)
		diag_error(s->diag, n->call.args->loc, "gfield() takes a runtime.g pointer (an integer)");
	return &ty_uint64;
}

static struct type *t_gowaitreason(struct sema *s, struct node *n)
{
	struct gobin *b = go_binary(s, n, "gowaitreason()");
	char **names;
	size_t k;
	if (b && gobin_wait_reasons(b, &names, &k) < 0) {
		diag_error(s->diag, n->loc, "gowaitreason(): %s", gobin_error(b));
	} else if (b) {
		for (size_t i = 0; i < k; i++)
			free(names[i]);
		free(names);
	}
	return type_str(&s->arena, s->strlen);
}

static struct type *t_gotypename(struct sema *s, struct node *n)
{
	t_gotype(s, n);
	return type_str(&s->arena, s->strlen);
}

/* join(argv [, "sep"]) and join(ptr, n [, "sep"]). */
static struct type *t_join(struct sema *s, struct node *n)
{
	struct node *a = n->call.args, *b = a->next;
	if (b && b->kind != N_STR && b->type->kind != TY_INT)
		diag_error(s->diag, b->loc, "join(ptr, n): n is the number of strings, not a %s",
			   type_kind_name(b->type->kind));
	if (b && b->kind == N_STR && b->next)
		diag_error(s->diag, b->next->loc, "join(argv, \"sep\") takes nothing after the separator");
	return type_str(&s->arena, s->strlen);
}

/* printf(fmt, args...): the format is parsed here, once, into segments
 * that the output walks for every event. */
static struct type *t_printf(struct sema *s, struct node *n)
{
	struct node *fmt = n->call.args;
	int nargs = ast_count(fmt->next);
	if (nargs > PRINTF_MAX_ARGS) {
		diag_error(s->diag, n->loc, "printf() takes at most %d arguments after the format",
			   PRINTF_MAX_ARGS);
		return &ty_none;
	}
	struct fmt parsed;
	struct fmt_error fe;
	if (fmt_parse(&s->arena, fmt->str.text, fmt->str.len, &parsed, &fe) < 0) {
		/* +1: the opening quote (escapes before it may shift this) */
		struct loc fl = { fmt->loc.begin + 1 + fe.begin, fmt->loc.begin + 1 + fe.end };
		if (fl.end > fmt->loc.end)
			fl = fmt->loc;
		diag_error(s->diag, fl, "%s", fe.msg);
		if (strstr(fe.msg, "unknown conversion"))
			diag_hint(s->diag, "conversions: %s", FMT_DOC);
		return &ty_none;
	}
	struct node *arg = fmt->next;
	for (int i = 0; i < parsed.nsegs; i++) {
		const struct fmt_seg *g = &parsed.segs[i];
		if (g->kind != SEG_CONV)
			continue;
		if (!arg) {
			struct loc fl = { fmt->loc.begin + 1 + g->begin, fmt->loc.begin + 1 + g->end };
			if (fl.end > fmt->loc.end)
				fl = fmt->loc;
			diag_error(s->diag, fl, "printf: the format wants more arguments than the %d given",
				   g->arg);
			return &ty_none;
		}
		bool result;
		int w = goword_of(arg, &result);
		if ((g->conv == 's' || g->conv == 'r') && w >= 0 && s->env->compiler == GOC_GC)
			warn_go_string_word(s, arg, "printf: %s of a word prints its number", w,
					    result);
		if (strchr(FMT_INT_CONVERSIONS, g->conv) && arg->type->kind != TY_INT) {
			struct strbuf sb;
			sb_init(&sb);
			type_print(arg->type, &sb);
			diag_error(s->diag, arg->loc,
				   "printf: %%%c expects an integer, but argument %d is a %s", g->conv,
				   g->arg + 1, sb.s);
			diag_hint(s->diag, "use %%s for it");
			sb_free(&sb);
		}
		arg = arg->next;
	}
	if (arg) {
		diag_error(s->diag, arg->loc, "printf: more arguments than conversions in the format");
		return &ty_none;
	}
	struct type **ts = arena_alloc(&s->arena, sizeof(*ts) * (size_t)(nargs ? nargs : 1));
	int k = 0;
	for (struct node *a = fmt->next; a; a = a->next)
		ts[k++] = a->type;
	n->call.fmt = sema_add_fmt(s, FMT_PRINTF, fmt->str.text, type_tuple(&s->arena, ts, nargs),
				   n->loc);
	s->fmts.v[n->call.fmt].parsed = parsed;
	return &ty_none;
}

static struct type *t_print(struct sema *s, struct node *n)
{
	struct node *a = n->call.args;
	if (a->kind == N_MAP && !a->map.keys) {
		if (a->type->kind == TY_NONE)
			return &ty_none;
		for (struct node *x = a->next; x; x = x->next) {
			int64_t v;
			if (x->type->kind != TY_INT || !sema_is_const_int(x, &v))
				diag_error(s->diag, x->loc, "print(@map, top, div): top and div must be constant integers");
		}
		return &ty_none;
	}
	if (a->next) {
		diag_error(s->diag, a->next->loc, "print(value) takes one argument; top and div are for maps");
		return &ty_none;
	}
	if (a->type->kind == TY_NONE || type_is_agg(a->type)) {
		diag_error(s->diag, a->loc, "print() needs a map or a value");
		return &ty_none;
	}
	n->call.fmt = sema_add_fmt(s, FMT_VALUE, NULL, a->type, n->loc);
	return &ty_none;
}

static struct type *t_time(struct sema *s, struct node *n)
{
	char *fmt = n->call.args ? n->call.args->str.text : "%H:%M:%S\n";
	n->call.fmt = sema_add_fmt(s, FMT_TIME, fmt, &ty_none, n->loc);
	return &ty_none;
}

static struct type *t_strftime(struct sema *s, struct node *n)
{
	n->call.fmt = sema_add_fmt(s, FMT_STRFTIME, n->call.args->str.text, &ty_none, n->loc);
	return &ty_time;
}

static struct type *t_strarg(struct sema *s, struct node *n)
{
	/* str($1), str($1, n): the positional parameter as a string
	 * constant (n, a constant, cuts it) */
	if (n->call.args->kind == N_POSPARAM) {
		n->call.args->type = &ty_int64;
		n->call.param_text = true;
		int64_t len;
		if (n->call.args->next && !sema_is_const_int(n->call.args->next, &len))
			diag_error(s->diag, n->call.args->next->loc,
				   "str($N, len): len must be a constant");
	}
	bool result;
	int w = goword_of(n->call.args, &result);
	if (w >= 0 && s->env->compiler == GOC_GC)
		warn_go_string_word(s, n->call.args, "str() reads up to a NUL byte", w, result);
	return type_str(&s->arena, s->strlen);
}

static struct type *t_buf(struct sema *s, struct node *n)
{
	int64_t len = s->strlen;
	enum type_kind k = n->call.args->type->kind;
	if (k != TY_INT && k != TY_STR) {
		diag_error(s->diag, n->call.args->loc, "buf() reads from an address or a string, not a %s",
			   type_kind_name(k));
		return type_buf(&s->arena, 1);
	}
	if (n->call.args->next && sema_is_const_int(n->call.args->next, &len)) {
		if (len < 1 || len > 256) {
			diag_error(s->diag, n->call.args->next->loc, "buf(): length must be between 1 and 256");
			len = 1;
		}
	}
	return type_buf(&s->arena, (uint32_t)len);
}

static struct type *t_reg(struct sema *s, struct node *n)
{
	const struct reg_info *r = reg_find(n->call.args->str.text);
	if (!r) {
		diag_error(s->diag, n->call.args->loc, "unknown register '%s'", n->call.args->str.text);
		const char *names[32];
		size_t k = reg_names(names, ARRAY_SIZE(names));
		const char *sug = diag_suggest(n->call.args->str.text, names, k);
		if (sug)
			diag_hint(s->diag, "did you mean '%s'?", sug);
		else
			diag_hint(s->diag, "x86-64 registers: ax bx cx dx si di bp sp ip r8-r15 flags");
	}
	return &ty_uint64;
}

static struct type *t_exit(struct sema *s, struct node *n)
{
	return &ty_none;
}

static struct type *t_delete(struct sema *s, struct node *n)
{
	struct node *a = n->call.args;
	struct mapinfo *m = a->map.map;
	if (a->next) {
		/* delete(@m, key) */
		if (a->map.keys)
			diag_error(s->diag, a->loc, "delete(@m, key): the first argument is the map itself");
		else
			sema_check_keys(s, m, a->next, n->loc, "delete");
		return &ty_none;
	}
	if (m && m->val && (m->val->kind == TY_HIST || m->val->kind == TY_LHIST))
		diag_error(s->diag, a->loc, "delete() does not work on @%s, a histogram", a->map.name);
	else if (!a->map.keys && m && m->nkeys)
		diag_error(s->diag, a->loc, "delete() needs a key: delete(@%s[key])", a->map.name);
	return &ty_none;
}

static struct type *t_has_key(struct sema *s, struct node *n)
{
	struct node *m = n->call.args;
	sema_check_keys(s, m->map.map, m->next, n->loc, "has_key");
	return &ty_int64;
}

static struct type *t_gotype(struct sema *s, struct node *n)
{
	struct probe_env *env = s->env;
	if (!env->bin || env->compiler != GOC_GC) {
		diag_error(s->diag, n->loc, "gotype() needs a probe in one Go (gc) binary");
		return &ty_gotype;
	}
	if (gobin_is_dyn(env->bin)) {
		diag_error(s->diag, n->loc, "gotype(): %s is position-independent; gotype() reads executables only",
			   gobin_path(env->bin));
		return &ty_gotype;
	}
	if (gobin_types_range(env->bin, &env->types_start, &env->types_end) < 0)
		diag_error(s->diag, n->loc, "gotype(): %s", gobin_error(env->bin));
	return &ty_gotype;
}

/* gocast(value, "TYPE") on its own: the value (a pointer reads as a
 * number); mostly the root of .field chains (sema/goargs.c). */
static struct type *t_gocast(struct sema *s, struct node *n)
{
	const struct gotype *gt = goargs_cast(s, n);
	if (!gt)
		return &ty_uint64;
	return goargs_type(s, n, gt);
}

static struct type *t_len(struct sema *s, struct node *n)
{
	s->uses_len = true;
	struct mapinfo *m = n->call.args->map.map;
	if (m && m->val && (m->val->kind == TY_HIST || m->val->kind == TY_LHIST))
		diag_error(s->diag, n->call.args->loc, "len() of a histogram counts buckets, not keys: not supported");
	return &ty_int64;
}

/* goarg(n) and goret(n): a word of the arguments or of the results. */
static struct type *check_goword(struct sema *s, struct node *n, bool result)
{
	int64_t i = 0;
	if (!goargs_check_abi(s, n))
		return &ty_int64;
	sema_is_const_int(n->call.args, &i);
	if (i < 0 || i > 15)
		diag_error(s->diag, n->call.args->loc, "goarg(): index must be between 0 and 15");
	if (s->env->abi_mixed)
		diag_error(s->diag, n->loc,
			   "%s(): the attach points of this probe use different calling conventions",
			   n->call.name);
	else if (s->env->abi == GOABI_REG && i > 8)
		diag_error(s->diag, n->call.args->loc,
			   "%s(%" PRId64 "): the register ABI has 9 integer registers (words 0 to 8)",
			   n->call.name, i);
	else if (i >= 0 && i <= 15)
		goargs_check_word(s, n, (int)i, result);
	if (s->verbose && s->env->compiler == GOC_NONE && s->env->bin)
		diag_remark(s->diag, n->loc, "%s is not a Go binary: %s() follows the C calling convention (SysV: rdi, rsi, rdx, rcx, r8, r9)",
			    gobin_path(s->env->bin), n->call.name);
	return &ty_int64;
}

static struct type *t_goarg(struct sema *s, struct node *n)
{
	return check_goword(s, n, false);
}

static struct type *t_goret(struct sema *s, struct node *n)
{
	check_goword(s, n, true);
	int64_t i = 0;
	sema_is_const_int(n->call.args, &i);
	if (s->env->abi == GOABI_SYSV && i > 1)
		diag_error(s->diag, n->call.args->loc, "goret(%" PRId64 "): the C convention returns two words (RAX, RDX)",
			   i);
	if (s->env->abi == GOABI_STACK && !s->env->in_args_size)
		diag_error(s->diag, n->loc,
			   "goret(): with the stack ABI the results follow the arguments, whose size needs DWARF");
	return &ty_int64;
}

static struct type *t_agg(struct sema *s, struct node *n)
{
	enum type_kind k = (enum type_kind)n->call.bi->aux;
	if (k == TY_COUNT)
		return &ty_count;
	bool sign = n->call.args ? n->call.args->type->is_signed : false;
	return type_agg(&s->arena, k, sign || k == TY_AVG || k == TY_STATS);
}

static struct type *t_lhist(struct sema *s, struct node *n)
{
	int64_t v[3] = { 0, 0, 0 };
	int i = 0;
	for (struct node *a = n->call.args->next; a; a = a->next, i++)
		sema_is_const_int(a, &v[i]);
	struct node *step = n->call.args->next->next->next;
	if (v[2] <= 0) {
		diag_error(s->diag, step->loc, "lhist(): step must be positive, not %" PRId64, v[2]);
		return type_lhist(&s->arena, 0, 1, 1);
	}
	if (v[1] <= v[0]) {
		diag_error(s->diag, n->call.args->next->next->loc, "lhist(): max (%" PRId64 ") must be above min (%" PRId64 ")",
			   v[1], v[0]);
		return type_lhist(&s->arena, 0, 1, 1);
	}
	if (((__int128)v[1] - v[0]) / v[2] > 1000) {
		diag_error(s->diag, step->loc, "lhist(): more than 1000 buckets; use a larger step");
		return type_lhist(&s->arena, 0, 1, 1);
	}
	return type_lhist(&s->arena, v[0], v[1], v[2]);
}

/* --- the table ------------------------------------------------------------- */

#define ANY 0

const struct builtin builtins[] = {
#define B(ID, NAME, FORM, GEN, ARGS, MIN, PROBES, RESULT, CHECK, AUX, SIG, DOC, EXAMPLE) \
	[BI_##ID] = { BI_##ID, NAME, BF_##FORM, ARGS, MIN, PROBES, RESULT, CHECK, AUX, SIG, DOC, EXAMPLE },
#include "sema/builtins.def"
#undef B
};
const size_t nbuiltins = ARRAY_SIZE(builtins);
_Static_assert(ARRAY_SIZE(builtins) == BI__COUNT, "one row per builtin id");

const struct builtin *builtin_find(const char *name, enum bi_form form)
{
	for (size_t i = 0; i < nbuiltins; i++)
		if (builtins[i].form == form && !strcmp(builtins[i].name, name))
			return &builtins[i];
	return NULL;
}

size_t builtin_names(const char **out, size_t max, enum bi_form form)
{
	size_t k = 0;
	for (size_t i = 0; i < nbuiltins && k < max; i++)
		if (builtins[i].form == form)
			out[k++] = builtins[i].name;
	return k;
}

/* "goarg(n)" style signature from the argument letters. */
static void signature(const struct builtin *b, struct strbuf *out)
{
	if (b->sig) {
		sb_puts(out, b->sig);
		return;
	}
	static const struct {
		char letter;
		const char *name;
	} names[] = {
		{ 'i', "n" }, { 'I', "N" }, { 's', "str" }, { 'S', "\"fmt\"" },
		{ 'a', "value" }, { 'm', "@map" }, { 'k', "@map[key]" }, { 'v', "@map or value" },
		{ 'p', "ptr" },
	};
	sb_puts(out, b->name);
	if (b->form == BF_VAR)
		return;
	sb_putc(out, '(');
	size_t n = strlen(b->args);
	for (size_t i = 0; i < n; i++) {
		if (b->args[i] == '*') {
			sb_puts(out, ", ...");
			break;
		}
		if (i)
			sb_puts(out, ", ");
		if ((int)i >= b->min_args)
			sb_putc(out, '[');
		for (size_t k = 0; k < ARRAY_SIZE(names); k++)
			if (names[k].letter == b->args[i])
				sb_puts(out, names[k].name);
		if ((int)i >= b->min_args)
			sb_putc(out, ']');
	}
	sb_putc(out, ')');
}

static void probes_allowed(const struct builtin *b, struct strbuf *out)
{
	if (!b->probes) {
		sb_puts(out, "any");
		return;
	}
	bool first = true;
	for (int k = 0; k < PK__COUNT; k++) {
		if (!(b->probes & PKM(k)))
			continue;
		sb_printf(out, "%s%s", first ? "" : ", ", probe_kind_name((enum probe_kind)k));
		first = false;
	}
}

void builtins_doc(struct strbuf *out)
{
	static const struct {
		enum bi_form form;
		const char *title;
	} sections[] = {
		{ BF_VAR, "Builtin variables" },
		{ BF_FUNC, "Functions" },
		{ BF_AGG, "Aggregations (map values: `@m[key] = agg(...)`)" },
	};
	sb_puts(out, "# Builtins\n\n"
		     "Generated from the builtin list (`sema/builtins.def`) by\n"
		     "`gotrace --doc-builtins`; `make docs` rewrites this file and a unit\n"
		     "test checks that it is current.\n");
	for (size_t s = 0; s < ARRAY_SIZE(sections); s++) {
		sb_printf(out, "\n## %s\n\n| name | probes | what | example |\n|---|---|---|---|\n",
			  sections[s].title);
		for (size_t i = 0; i < nbuiltins; i++) {
			const struct builtin *b = &builtins[i];
			if (b->form != sections[s].form)
				continue;
			sb_puts(out, "| `");
			signature(b, out);
			sb_puts(out, "` | ");
			probes_allowed(b, out);
			sb_printf(out, " | %s | `", b->doc);
			for (const char *c = b->example; *c; c++) {
				if (*c == '|')
					sb_puts(out, "\\|");
				else
					sb_putc(out, *c);
			}
			sb_puts(out, "` |\n");
		}
	}
}
