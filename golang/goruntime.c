/* goruntime.c - what scripts read of a Go program's runtime: fields of its
 * structures by name (runtime.g's goid, gopc, startpc, ...), its global
 * variables by symbol name, and its wait reasons' names.
 *
 * Fields come from DWARF when the binary has it; else from a table by Go
 * release, worked out from each release's src/runtime/runtime2.go and
 * mgcpacer.go and checked against DWARF (1.19, 1.21-1.27) and against
 * the machine code of stripped release binaries (1.16-1.18 and 1.20:
 * runtime.newproc1's stores of gopc and startpc, and
 * gcControllerState.startCycle's loads of heapLive); docs/go-binaries.md
 * shows the arithmetic. A release newer than the table has no answer
 * without DWARF: gotrace says so rather than guess.
 *
 * Globals come from .symtab; in a stripped binary, from what the binary
 * itself shows: runtime.waitReasonStrings by its contents ("", "GC assist
 * marking", "IO wait", ...), runtime.gcController as the receiver
 * runtime.gcStart passes to (*gcControllerState).startCycle. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "golang/internal.h"

/* --- structure fields ----------------------------------------------------------- */

/* Offsets on amd64, by release (from, to inclusive). The fields of
 * runtime.g before goid are in goid.c's comment; after it:
 *   goid 8, schedlink 8, waitsince 8, waitreason 1, then bools, a
 *   parkingOnChan byte, raceignore, sysblocktraced (to 1.20), the
 *   sched-latency fields (1.17+: tracking, trackingSeq, runnableStamp
 *   or trackingStamp, runnableTime), sysexitticks, traceseq, tracelastp
 *   (to 1.20; the tracer's state moved to g.trace in 1.21), lockedm,
 *   sig, writebuf, sigcode0, sigcode1, sigpc, parentGoid (1.21+), gopc,
 *   ancestors, startpc.
 * 1.23-1.24 have syscallbp before goid (+8); 1.25 dropped gobuf.ret
 * (-8); 1.26 added fipsIndicator, fipsOnlyBypass, ditWanted,
 * syncSafePoint, runningCleanups before sig and secret after it (+8). */
struct field_row {
	const char *type, *field;
	int from, to;
	uint32_t off, size;
};

static const struct field_row field_table[] = {
	{ "runtime.g", "atomicstatus", 116, 122, 144, 4 },
	{ "runtime.g", "atomicstatus", 123, 124, 152, 4 },
	{ "runtime.g", "atomicstatus", 125, 127, 144, 4 },
	{ "runtime.g", "goid", 116, 122, 152, 8 },
	{ "runtime.g", "goid", 123, 124, 160, 8 },
	{ "runtime.g", "goid", 125, 127, 152, 8 },
	{ "runtime.g", "waitsince", 116, 122, 168, 8 },
	{ "runtime.g", "waitsince", 123, 124, 176, 8 },
	{ "runtime.g", "waitsince", 125, 127, 168, 8 },
	{ "runtime.g", "waitreason", 116, 122, 176, 1 },
	{ "runtime.g", "waitreason", 123, 124, 184, 1 },
	{ "runtime.g", "waitreason", 125, 127, 176, 1 },
	{ "runtime.g", "parentGoid", 121, 122, 272, 8 },
	{ "runtime.g", "parentGoid", 123, 124, 280, 8 },
	{ "runtime.g", "parentGoid", 125, 125, 272, 8 },
	{ "runtime.g", "parentGoid", 126, 127, 280, 8 },
	{ "runtime.g", "gopc", 116, 116, 280, 8 },
	{ "runtime.g", "gopc", 117, 120, 296, 8 },
	{ "runtime.g", "gopc", 121, 122, 280, 8 },
	{ "runtime.g", "gopc", 123, 124, 288, 8 },
	{ "runtime.g", "gopc", 125, 125, 280, 8 },
	{ "runtime.g", "gopc", 126, 127, 288, 8 },
	{ "runtime.g", "startpc", 116, 116, 296, 8 },
	{ "runtime.g", "startpc", 117, 120, 312, 8 },
	{ "runtime.g", "startpc", 121, 122, 296, 8 },
	{ "runtime.g", "startpc", 123, 124, 304, 8 },
	{ "runtime.g", "startpc", 125, 125, 296, 8 },
	{ "runtime.g", "startpc", 126, 127, 304, 8 },
	/* heapLive moved into gcControllerState in 1.18 (memstats.heap_live
	 * before): after gcPercent, memoryLimit (1.19+), heapMinimum, ... */
	{ "runtime.gcControllerState", "heapLive", 118, 118, 120, 8 },
	{ "runtime.gcControllerState", "heapLive", 119, 119, 136, 8 },
	{ "runtime.gcControllerState", "heapLive", 120, 120, 80, 8 },
	{ "runtime.gcControllerState", "heapLive", 121, 127, 104, 8 },
};

int gobin_field_table(int release, const char *type, const char *field, uint64_t *off,
		      uint64_t *size)
{
	bool known_type = false;
	for (size_t i = 0; i < ARRAY_SIZE(field_table); i++) {
		const struct field_row *r = &field_table[i];
		if (strcmp(r->type, type) != 0)
			continue;
		known_type = true;
		if (strcmp(r->field, field) == 0 && release >= r->from && release <= r->to) {
			*off = r->off;
			*size = r->size;
			return 0;
		}
	}
	return known_type ? -ENOENT : -ESRCH;
}

int gobin_field(struct gobin *b, const char *type, const char *field, uint64_t *off,
		uint64_t *size, const char **source)
{
	if (b->compiler != GOC_GC)
		return gobin_errf(b, -ENOTSUP, "%s is not built by the gc Go toolchain: no %s",
				  b->path, type);
	const struct gotype *t = gobin_type(b, type);
	if (t && t->kind == GT_STRUCT) {
		for (size_t i = 0; i < t->nfields; i++)
			if (strcmp(t->fields[i].name, field) == 0) {
				*off = t->fields[i].offset;
				*size = t->fields[i].type ? t->fields[i].type->size : 8;
				*source = "dwarf";
				return 0;
			}
		return gobin_errf(b, -ENOENT, "%s: DWARF's %s has no field '%s'", b->path, type,
				  field);
	}
	int err = gobin_field_table(b->release, type, field, off, size);
	if (!err) {
		*source = "table";
		return 0;
	}
	if (err == -ESRCH)
		return gobin_errf(b, err, "%s has no DWARF for %s, and gotrace's table of runtime "
				  "fields knows only runtime.g and runtime.gcControllerState",
				  b->path, type);
	if (!b->release)
		return gobin_errf(b, -ENOENT, "%s: unknown Go release and no DWARF: cannot tell "
				  "where %s.%s is", b->path, type, field);
	return gobin_errf(b, -ENOENT, "%s: %s.%s is not in gotrace's table for %s (and the "
			  "binary has no DWARF to say where it is)", b->path, type, field,
			  b->version);
}

/* --- globals ------------------------------------------------------------------------ */

/* A Go string header (ptr, len) at vaddr whose bytes are in the file and
 * printable; its text (not NUL-terminated) and length. */
static const char *string_at(const struct gobin *b, uint64_t vaddr, uint64_t *len)
{
	uint64_t p, n, avail;
	if (!gobin_read_word(b, vaddr, &p) || !gobin_read_word(b, vaddr + 8, &n) || n > 256)
		return NULL;
	if (n == 0) {
		*len = 0;
		return "";
	}
	const uint8_t *s = gobin_vaddr_ptr(b, p, &avail);
	if (!s || avail < n)
		return NULL;
	for (uint64_t i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			return NULL;
	*len = n;
	return (const char *)s;
}

static bool string_is(const struct gobin *b, uint64_t vaddr, const char *want)
{
	uint64_t n;
	const char *s = string_at(b, vaddr, &n);
	return s && n == strlen(want) && !memcmp(s, want, n);
}

/* runtime.waitReasonStrings in a file without symbols: the array of
 * string headers that starts "", "GC assist marking", "IO wait" (the
 * same first three in every release since 1.11), in a writable data
 * section; its length is how many valid strings follow. */
static bool find_wait_reasons(const struct gobin *b, uint64_t *addr, uint64_t *size)
{
	for (size_t i = 0; i < b->secs.n; i++) {
		const struct gsec *s = &b->secs.v[i];
		if (s->type != SHT_PROGBITS || !(s->flags & SHF_WRITE) || !(s->flags & SHF_ALLOC))
			continue;
		for (uint64_t o = (8 - (s->addr & 7)) & 7; o + 48 <= s->size; o += 8) {
			uint64_t a = s->addr + o, n;
			if (!string_is(b, a + 16, "GC assist marking") || !string_is(b, a + 32, "IO wait") ||
			    !string_at(b, a, &n) || n != 0)
				continue;
			uint64_t k = 3;
			while (o + 16 * (k + 1) <= s->size && k < 256 && string_at(b, a + 16 * k, &n) && n)
				k++;
			*addr = a;
			*size = 16 * k;
			return true;
		}
	}
	return false;
}

/* runtime.gcController in a file without symbols: gcStart calls
 * gcController.startCycle(...), whose receiver is loaded just before the
 * call (lea rax, [rip+X] on the register ABI; stored to [rsp] on the
 * stack ABI). */
static bool find_gc_controller(struct gobin *b, uint64_t *addr)
{
	const struct gofunc *start = gobin_find(b, "runtime.gcStart");
	const struct gofunc *cycle = gobin_find(b, "runtime.(*gcControllerState).startCycle");
	if (!start || !cycle || !start->size || gobin_dis_init(b))
		return false;
	uint64_t lea = 0;
	struct insn in;
	for (uint64_t pc = start->addr; pc < start->addr + start->size; pc += in.len) {
		if (!gobin_decode(b, pc, &in))
			return false;
		if (insn_is(&in, "lea") && in.has_pcload)
			lea = in.pcload;
		if (insn_is_call(&in) && in.has_target && in.target == cycle->addr) {
			*addr = lea;
			return lea != 0;
		}
	}
	return false;
}

int gobin_global(struct gobin *b, const char *name, uint64_t *addr, uint64_t *size)
{
	int type;
	uint64_t sz = 0;
	if (gobin_symbol(b, name, addr, &sz, &type) && type != STT_FUNC && type != STT_TLS) {
		if (size)
			*size = sz;
		return 0;
	}
	if (b->compiler == GOC_GC) {
		if (!strcmp(name, "runtime.waitReasonStrings") &&
		    find_wait_reasons(b, addr, size ? size : &sz))
			return 0;
		if (!strcmp(name, "runtime.gcController") && find_gc_controller(b, addr)) {
			if (size)
				*size = 0;
			return 0;
		}
	}
	if (gobin_section(b, ".symtab"))
		return gobin_errf(b, -ENOENT, "%s has no variable '%s'", b->path, name);
	return gobin_errf(b, -ENOENT, "%s has no symbols (stripped): of the variables, gotrace "
			  "finds only runtime.waitReasonStrings and runtime.gcController there, "
			  "not '%s'", b->path, name);
}

/* --- wait reasons ------------------------------------------------------------------- */

int gobin_wait_reasons(struct gobin *b, char ***names, size_t *n)
{
	uint64_t addr, size = 0;
	int err = gobin_global(b, "runtime.waitReasonStrings", &addr, &size);
	if (err)
		return err;
	size_t k = (size_t)(size / 16);
	if (!k)
		return gobin_errf(b, -ENOENT, "%s: runtime.waitReasonStrings is empty", b->path);
	char **v = xcalloc(k, sizeof(*v));
	for (size_t i = 0; i < k; i++) {
		uint64_t len;
		const char *s = string_at(b, addr + 16 * i, &len);
		v[i] = s ? xstrndup(s, len) : xstrdup("");
	}
	*names = v;
	*n = k;
	return 0;
}

/* --- the runtime's code ------------------------------------------------------------- */

bool gobin_is_runtime_func(const char *name)
{
	static const char *const prefixes[] = {
		"runtime.", "runtime/", "internal/runtime/", "internal/abi.",
		"internal/bytealg.", "type:", "type..",
	};
	for (size_t i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return !strchr(name, '.'); /* assembly: memeqbody, gogo, ... */
}

int gobin_runtime_ranges(struct gobin *b, uint64_t (*ranges)[2], size_t max, size_t *n)
{
	size_t nf, k = 0;
	const struct gofunc *f = gobin_funcs(b, &nf);
	bool open = false;
	for (size_t i = 0; i < nf; i++) {
		bool rt = gobin_is_runtime_func(f[i].name);
		if (rt && !open) {
			if (k == max)
				return gobin_errf(b, -E2BIG, "%s: Go's runtime is in more than %zu pieces",
						  b->path, max);
			ranges[k][0] = f[i].addr;
			k++;
		}
		if (rt)
			ranges[k - 1][1] = f[i].addr + (f[i].size ? f[i].size : 1);
		open = rt;
	}
	if (!k)
		return gobin_errf(b, -ENOENT, "%s has no functions of Go's runtime", b->path);
	*n = k;
	return 0;
}

/* --- type descriptors by name ------------------------------------------------------ */

/* Offsets in abi.Type (the same from 1.16 to 1.27): kind at 23; the
 * element of a pointer, slice, array or channel type, and a map's key,
 * right after it at 48 (a map's element at 56); a struct's fields slice
 * at 56 (24-byte fields: name, type, offset). In abi.InterfaceType the
 * methods slice's length is at 64; an itab is inter, _type, hash and
 * its methods (one word each). */
#define RTYPE_KIND 23
#define RTYPE_ELEM 48
#define KIND_MASK 0x1f
enum { KIND_ARRAY = 17, KIND_CHAN = 18, KIND_MAP = 21, KIND_PTR = 22, KIND_SLICE = 23,
       KIND_STRUCT = 25 };

struct type_walk {
	struct gobin *b;
	const char *want;
	uint64_t ts, te; /* the types section */
	uint64_t found;
	int visited;
};

/* Checks the type at t and the types it is made of, depth levels down. */
static void walk_type(struct type_walk *w, uint64_t t, int depth)
{
	char name[512];
	uint64_t avail;
	if (w->found || t < w->ts || t >= w->te || ++w->visited > 200000)
		return;
	if (gobin_rtype_name(w->b, t, name, sizeof(name)) == 0 && !strcmp(name, w->want)) {
		w->found = t;
		return;
	}
	const uint8_t *p = gobin_vaddr_ptr(w->b, t, &avail);
	if (!depth || !p || avail < RTYPE_ELEM + 16)
		return;
	uint64_t e;
	switch (p[RTYPE_KIND] & KIND_MASK) {
	case KIND_MAP:
		if (gobin_read_word(w->b, t + RTYPE_ELEM + 8, &e))
			walk_type(w, e, depth - 1);
		if (gobin_read_word(w->b, t + RTYPE_ELEM, &e)) /* the key */
			walk_type(w, e, depth - 1);
		break;
	case KIND_ARRAY:
	case KIND_CHAN:
	case KIND_PTR:
	case KIND_SLICE:
		if (gobin_read_word(w->b, t + RTYPE_ELEM, &e))
			walk_type(w, e, depth - 1);
		break;
	case KIND_STRUCT: {
		uint64_t fields, n;
		if (!gobin_read_word(w->b, t + 56, &fields) || !gobin_read_word(w->b, t + 64, &n))
			break;
		for (uint64_t i = 0; i < n && i < 256; i++)
			if (gobin_read_word(w->b, fields + 24 * i + 8, &e))
				walk_type(w, e, depth - 1);
		break;
	}
	default:
		break;
	}
}

/* The slice (data, len) of elem-byte elements at moduledata + off, if it
 * looks like one: all of it in the file (a corrupt len would have the
 * walk try millions of words that are not there). */
static bool md_slice(struct gobin *b, uint64_t md, uint64_t off, uint64_t elem, uint64_t *data,
		     uint64_t *len)
{
	uint64_t avail;
	return gobin_read_word(b, md + off, data) && gobin_read_word(b, md + off + 8, len) &&
	       *data && gobin_vaddr_ptr(b, *data, &avail) && *len <= avail / elem;
}

int gobin_type_by_name(struct gobin *b, const char *name, uint64_t *addr)
{
	char *sym = xasprintf("%s%s", b->release >= 120 ? "type:" : "type.", name);
	bool have = gobin_symbol(b, sym, addr, NULL, NULL);
	free(sym);
	if (have)
		return 0;
	struct type_walk w = { .b = b, .want = name };
	uint64_t md, data, len;
	if (b->compiler != GOC_GC || gobin_types_range(b, &w.ts, &w.te) < 0 || !gobin_moduledata(b, &md))
		return -ENOENT;
	/* moduledata: types, etypes, [rodata, gofunc (1.18+)], [epclntab
	 * (1.26)], textsectmap, typelinks []int32, itablinks []*itab; Go
	 * 1.27 has neither list: its itabs are at types + itaboffset */
	uint64_t types = b->release >= 120 ? 296 : 280;
	if (b->release >= 127) {
		uint64_t off, size;
		if (!gobin_read_word(b, md + types + 24, &off) || !gobin_read_word(b, md + types + 32, &size))
			return -ENOENT;
		for (uint64_t p = w.ts + off, end = p + size; p < end && !w.found;) {
			uint64_t inter, typ, nmeth, fun0;
			if (!gobin_read_word(b, p, &inter) || !gobin_read_word(b, p + 8, &typ) ||
			    !gobin_read_word(b, p + 24, &fun0) ||
			    !gobin_read_word(b, inter + 64, &nmeth) || nmeth > 4096)
				break;
			walk_type(&w, typ, 3);
			/* abi.ITab.Size: one method word unless there are more */
			p += 24 + 8 * (fun0 && nmeth > 1 ? nmeth : 1);
		}
	} else {
		uint64_t tl = types + (b->release >= 126 ? 64 : b->release >= 118 ? 56 : 40);
		if (md_slice(b, md, tl + 24, 8, &data, &len))
			for (uint64_t i = 0; i < len && !w.found; i++) {
				uint64_t itab, typ;
				if (gobin_read_word(b, data + 8 * i, &itab) && gobin_read_word(b, itab + 8, &typ))
					walk_type(&w, typ, 3);
			}
		if (!w.found && md_slice(b, md, tl, 4, &data, &len))
			for (uint64_t i = 0; i < len && !w.found; i++) {
				uint64_t avail;
				const uint8_t *p = gobin_vaddr_ptr(b, data + 4 * i, &avail);
				int32_t off;
				if (!p || avail < 4)
					break;
				memcpy(&off, p, 4);
				walk_type(&w, w.ts + (uint64_t)(int64_t)off, 1);
			}
	}
	if (!w.found)
		return -ENOENT;
	*addr = w.found;
	return 0;
}
