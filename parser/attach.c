/* attach.c - splitting an attach point into provider, target and function.
 *
 *   attach = "BEGIN" | "END"
 *          | ("uprobe" | "u" | "uretprobe" | "ur") ":" (bin ":")? func ("+" off)?
 *          | ("interval" | "i") ":" unit ":" n
 *          | ("profile" | "p") ":" unit ":" n
 *          | ("tracepoint" | "t") ":" category ":" name
 *
 * Parts may be quoted ("net/http.(*conn).serve") and may be positional
 * parameters ($1), replaced here by their values. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parse.h"

/* Providers, sorted by name; the second column is the canonical name. */
static const struct {
	const char *name, *canon;
	int parts; /* number of ':'-separated parts after the provider */
} providers[] = {
	{ "BEGIN", "BEGIN", 0 },
	{ "END", "END", 0 },
	{ "i", "interval", 2 },
	{ "interval", "interval", 2 },
	{ "p", "profile", 2 },
	{ "profile", "profile", 2 },
	{ "t", "tracepoint", 2 },
	{ "tracepoint", "tracepoint", 2 },
	{ "u", "uprobe", 2 },
	{ "uprobe", "uprobe", 2 },
	{ "ur", "uretprobe", 2 },
	{ "uretprobe", "uretprobe", 2 },
};

/* Replaces $N (N >= 1) outside quotes by positional parameter N, and $# by
 * their count. Returns a new string in the arena, or NULL after reporting
 * a missing parameter. */
static char *substitute(struct parse_state *ps, const char *text,
			struct loc loc)
{
	struct strbuf sb;
	sb_init(&sb);
	bool quoted = false;
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		if (quoted || *p != '$') {
			sb_putc(&sb, *p);
			continue;
		}
		if (p[1] == '#') {
			sb_printf(&sb, "%d", ps->prog->nparams);
			p++;
			continue;
		}
		if (!isdigit((unsigned char)p[1])) {
			sb_putc(&sb, *p);
			continue;
		}
		char *end;
		long n = strtol(p + 1, &end, 10);
		if (n < 1 || n > ps->prog->nparams) {
			struct loc l = { loc.begin + (uint32_t)(p - text),
					 loc.begin + (uint32_t)(end - text) };
			diag_error(ps->diag, l,
				   "positional parameter $%ld is not given (%d given)",
				   n, ps->prog->nparams);
			sb_free(&sb);
			return NULL;
		}
		sb_puts(&sb, ps->prog->params[n - 1]);
		p = end - 1;
	}
	char *s = arena_strdup(&ps->prog->arena, sb.s ? sb.s : "");
	sb_free(&sb);
	return s;
}

/* Copies part [b, e) of s without its quotes. */
static char *unquote(struct parse_state *ps, const char *b, const char *e)
{
	char *out = arena_alloc(&ps->prog->arena, (size_t)(e - b) + 1);
	size_t o = 0;
	for (const char *p = b; p < e; p++) {
		if (*p == '"')
			continue;
		if (*p == '\\' && p + 1 < e)
			p++;
		out[o++] = *p;
	}
	out[o] = '\0';
	return out;
}

/* Finds the next ':' outside quotes. */
static const char *next_colon(const char *p)
{
	bool quoted = false;
	for (; *p; p++) {
		if (*p == '\\' && quoted && p[1]) {
			p++;
			continue;
		}
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ':' && !quoted)
			return p;
	}
	return NULL;
}

static bool parse_u64(const char *s, uint64_t *v)
{
	if (!*s)
		return false;
	char *end;
	errno = 0;
	unsigned long long x = strtoull(s, &end, 0);
	if (errno || *end)
		return false;
	*v = x;
	return true;
}

struct attach *parse_attach(struct parse_state *ps, const char *text,
			    struct loc loc)
{
	struct attach *a = arena_alloc(&ps->prog->arena, sizeof(*a));
	a->loc = loc;
	a->text = substitute(ps, text, loc);
	if (!a->text) {
		a->provider = "BEGIN";
		return a;
	}
	text = a->text;

	const char *c1 = next_colon(text);
	size_t plen = c1 ? (size_t)(c1 - text) : strlen(text);
	int found = -1;
	for (size_t i = 0; i < ARRAY_SIZE(providers); i++)
		if (strlen(providers[i].name) == plen &&
		    !strncmp(providers[i].name, text, plen))
			found = (int)i;
	if (found < 0) {
		char *name = arena_strndup(&ps->prog->arena, text, plen);
		struct loc l = { loc.begin, loc.begin + (uint32_t)plen };
		diag_error(ps->diag, l, "unknown probe type '%s'", name);
		const char *names[ARRAY_SIZE(providers) + 2];
		for (size_t i = 0; i < ARRAY_SIZE(providers); i++)
			names[i] = providers[i].name;
		names[ARRAY_SIZE(providers)] = "kprobe";
		names[ARRAY_SIZE(providers) + 1] = "kretprobe";
		const char *s = diag_suggest(name, names, ARRAY_SIZE(names));
		if (s && (!strcmp(s, "kprobe") || !strcmp(s, "kretprobe")))
			diag_hint(ps->diag, "kprobes are not supported; gotrace traces user space (uprobe, uretprobe) and tracepoints");
		else if (s)
			diag_hint(ps->diag, "did you mean '%s'?", s);
		else
			diag_hint(ps->diag, "probe types: BEGIN, END, uprobe, uretprobe, interval, profile, tracepoint");
		a->provider = "BEGIN";
		return a;
	}
	a->provider = (char *)providers[found].canon;
	int want = providers[found].parts;
	if (want == 0) {
		if (c1)
			diag_error(ps->diag, loc, "%s takes no arguments", a->provider);
		return a;
	}

	const char *c2 = c1 ? next_colon(c1 + 1) : NULL;
	bool uprobe = !strcmp(a->provider, "uprobe") || !strcmp(a->provider, "uretprobe");
	if (uprobe && c1 && !c2) {
		/* uprobe:FUNC: no binary; the executable of -p's process */
		c2 = c1;
	} else if (!c1 || !c2) {
		const char *form =
			!strcmp(a->provider, "interval") ? "interval:ms:100" :
			!strcmp(a->provider, "profile") ? "profile:hz:99" :
			!strcmp(a->provider, "tracepoint") ? "tracepoint:syscalls:sys_enter_openat" :
							   "uprobe:./main:main.sum";
		diag_error(ps->diag, loc, "%s needs two parts after the probe type, like %s",
			   a->provider, form);
		return a;
	}
	a->target = c2 == c1 ? "" : unquote(ps, c1 + 1, c2);
	const char *fb = c2 + 1;
	if (uprobe) {
		/* The function is the rest (it may hold ':' in quotes). */
		char *func = unquote(ps, fb, fb + strlen(fb));
		char *plus = strrchr(func, '+');
		if (plus && plus != func && isdigit((unsigned char)plus[1])) {
			if (!parse_u64(plus + 1, &a->offset))
				diag_error(ps->diag, loc, "bad offset '%s'", plus + 1);
			*plus = '\0';
		}
		if (!strncmp(func, "0x", 2) && parse_u64(func, &a->addr) && a->addr) {
			/* an address */
		} else if (!*func) {
			diag_error(ps->diag, loc, "%s: missing function name", a->provider);
		}
		/* an empty binary is the -p process's executable (probes/) */
		a->func = func;
		return a;
	}
	if (next_colon(fb)) {
		diag_error(ps->diag, loc, "%s takes two parts after the probe type", a->provider);
		return a;
	}
	a->func = unquote(ps, fb, fb + strlen(fb));
	if (!strcmp(a->provider, "tracepoint")) {
		if (!*a->target || !*a->func)
			diag_error(ps->diag, loc, "tracepoint needs a category and a name");
		return a;
	}
	/* interval / profile: unit and count */
	static const char *const units[] = { "s", "ms", "us", "hz" };
	bool unit_ok = false;
	for (size_t i = 0; i < ARRAY_SIZE(units); i++)
		if (!strcmp(a->target, units[i]))
			unit_ok = true;
	if (!unit_ok) {
		struct loc l = { loc.begin + (uint32_t)(c1 + 1 - text),
				 loc.begin + (uint32_t)(c2 - text) };
		if (l.end > loc.end)
			l = loc;
		diag_error(ps->diag, l, "%s: unknown unit '%s' (use s, ms, us or hz)",
			   a->provider, a->target);
	}
	struct loc nl = { loc.begin + (uint32_t)(fb - text), loc.end };
	if (nl.begin > loc.end)
		nl = loc;
	if (!parse_u64(a->func, &a->freq) || a->freq == 0) {
		diag_error(ps->diag, nl, "%s: '%s' is not a positive number", a->provider, a->func);
		return a;
	}
	/* the period in nanoseconds must fit in 64 bits */
	uint64_t ns = !strcmp(a->target, "s") ? 1000000000ull : !strcmp(a->target, "ms") ? 1000000ull
		      : !strcmp(a->target, "us") ? 1000ull : 1;
	if (unit_ok && a->freq > UINT64_MAX / ns)
		diag_error(ps->diag, nl, "%s: %s %s is too long (at most %llu %s)", a->provider,
			   a->func, a->target, (unsigned long long)(UINT64_MAX / ns), a->target);
	return a;
}
