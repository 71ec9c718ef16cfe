/* funcs.c - the function list: sorted by address, one entry per name, with
 * a name index, and the lookups the compiler makes. */
#include <stdlib.h>
#include <string.h>

#include "golang/internal.h"

/* Names in the tables that are not code one can probe. */
bool gobin_skip_name(const char *name)
{
	size_t n = strlen(name);

	return strcmp(name, "go.buildid") == 0 ||
	       strcmp(name, "go:buildid") == 0 ||
	       strcmp(name, "runtime.text") == 0 ||
	       strcmp(name, "runtime.etext") == 0 ||
	       (n > 7 && strcmp(name + n - 7, "(.text)") == 0);
}

/* Go 1.17+ .symtab names an assembly (ABI0) function "name.abi0" where
 * .gopclntab says "name": use the plain name unless a function (the
 * ABIInternal one) has it already, so that stripped and unstripped
 * binaries list the same names. */
static void strip_abi0(struct gobin *b)
{
	struct strmap names = {0};
	size_t k = 0;

	for (; k < b->funcs.n; k++) {
		size_t n = strlen(b->funcs.v[k].name);
		if (n > 5 && strcmp(b->funcs.v[k].name + n - 5, ".abi0") == 0)
			break;
	}
	if (k == b->funcs.n)
		return; /* nothing to do (e.g. a stripped binary) */
	strmap_reserve(&names, b->funcs.n);
	for (size_t i = 0; i < b->funcs.n; i++)
		strmap_put(&names, b->funcs.v[i].name, 0);
	for (size_t i = 0; i < b->funcs.n; i++) {
		const char *nm = b->funcs.v[i].name;
		size_t n = strlen(nm);
		uint32_t dummy;
		if (n <= 5 || strcmp(nm + n - 5, ".abi0") != 0)
			continue;
		char *plain = arena_strndup(&b->arena, nm, n - 5);
		if (strmap_get(&names, plain, &dummy))
			continue;
		b->funcs.v[i].name = plain;
	}
	strmap_free(&names);
}

static int cmp_func(const void *a, const void *b)
{
	const struct gofunc *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The pclntab entry starting at addr, or NULL. */
static const struct gofunc *pc_at(const struct gobin *b, uint64_t addr)
{
	size_t lo = 0, hi = b->pcfuncs.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->pcfuncs.v[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < b->pcfuncs.n && b->pcfuncs.v[lo].addr == addr)
		return &b->pcfuncs.v[lo];
	return NULL;
}

/* The end of the executable section holding addr (0 if none). */
static uint64_t section_end(const struct gobin *b, uint64_t addr)
{
	for (size_t i = 0; i < b->secs.n; i++) {
		const struct gsec *s = &b->secs.v[i];
		if ((s->flags & SHF_EXECINSTR) && addr >= s->addr &&
		    addr - s->addr < s->size)
			return s->addr + s->size;
	}
	return 0;
}

/* Sorts, drops later copies of a name, fills sizes and argument sizes
 * that .symtab lacks from .gopclntab, and builds the name index. */
void gobin_funcs_finish(struct gobin *b)
{
	size_t n = 0;

	if (b->compiler == GOC_GC)
		strip_abi0(b);
	if (b->funcs.n)
		qsort(b->funcs.v, b->funcs.n, sizeof(*b->funcs.v), cmp_func);
	if (b->pcfuncs.n)
		qsort(b->pcfuncs.v, b->pcfuncs.n, sizeof(*b->pcfuncs.v),
		      cmp_func);
	strmap_reserve(&b->byname, b->funcs.n);
	for (size_t i = 0; i < b->funcs.n; i++)
		if (strmap_put(&b->byname, b->funcs.v[i].name, (uint32_t)n))
			b->funcs.v[n++] = b->funcs.v[i];
	b->funcs.n = n;
	for (size_t i = 0; i < n; i++) {
		struct gofunc *f = &b->funcs.v[i];
		const struct gofunc *p = pc_at(b, f->addr);
		if (p) {
			f->args = p->args;
			if (!f->size)
				f->size = p->size;
		}
		if (f->size)
			continue;
		/* The next function in the same section bounds it. */
		uint64_t end = section_end(b, f->addr);
		for (size_t k = i + 1; k < n; k++)
			if (b->funcs.v[k].addr > f->addr) {
				if (!end || b->funcs.v[k].addr < end)
					end = b->funcs.v[k].addr;
				break;
			}
		if (end > f->addr)
			f->size = end - f->addr;
	}
}

const struct gofunc *gobin_funcs(const struct gobin *b, size_t *n)
{
	*n = b->funcs.n;
	return b->funcs.v;
}

/* Exact lookup; in Go 1.17+ .symtab an assembly function is "name.abi0",
 * which is found by its plain name too. */
const struct gofunc *gobin_find(const struct gobin *b, const char *name)
{
	uint32_t i;
	char buf[512];

	if (strmap_get(&b->byname, name, &i))
		return &b->funcs.v[i];
	size_t len = strlen(name);
	if (len + 6 > sizeof(buf))
		return NULL;
	memcpy(buf, name, len);
	memcpy(buf + len, ".abi0", 6);
	if (strmap_get(&b->byname, buf, &i))
		return &b->funcs.v[i];
	return NULL;
}

size_t gobin_func_after(const struct gobin *b, uint64_t addr)
{
	size_t lo = 0, hi = b->funcs.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->funcs.v[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The function whose [addr, addr+size) holds addr. */
const struct gofunc *gobin_func_at(const struct gobin *b, uint64_t addr)
{
	size_t lo = gobin_func_after(b, addr);

	/* look back past aliases and zero-sized symbols */
	for (size_t i = lo; i-- > 0;) {
		const struct gofunc *f = &b->funcs.v[i];
		if (addr - f->addr < f->size || addr == f->addr)
			return f;
		if (lo - i > 8)
			break;
	}
	return NULL;
}

uint64_t gobin_exec_vaddr(const struct gobin *b)
{
	uint64_t lo = UINT64_MAX;
	for (size_t i = 0; i < b->segs.n; i++)
		if ((b->segs.v[i].flags & PF_X) && b->segs.v[i].vaddr < lo)
			lo = b->segs.v[i].vaddr;
	return lo == UINT64_MAX ? 0 : lo;
}
