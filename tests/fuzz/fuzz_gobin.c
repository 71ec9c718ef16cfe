/* fuzz_gobin.c - libFuzzer harness for golang/'s readers.
 *
 * Real Go binaries are megabytes, too big to mutate whole, so an input
 * chooses one of several real binaries (the bases) and patches regions of
 * it; then every reader of golang/ runs on the result.
 *
 *   input  = base:1 record*
 *   record = kind:1 off:4 len:1 bytes:len     a patch
 *          | kind:1 off:4                     (kind & 0x40) a truncation
 *
 * base is an index into bases[] below (modulo its length: the order is
 * fixed, so that kept inputs keep their meaning). A record's region is
 * kind & 0x3f (modulo NREG, regions[] below); its bytes go at the
 * region's start + off % the region's size, XORed onto the original when
 * kind & 0x80, written over it otherwise; a truncation cuts the file
 * there. A region the base lacks makes its record do nothing. At most
 * MAX_RECORDS records count.
 *
 * The bases are build/gobins/ binaries (`make gobins`): gc 1.16 to 1.27
 * (small-go1.NN, stripped esbuild and lefthook releases), gccgo, PIE,
 * external linking, cgo; and build/fuzz/bases/NAME, copies of some of them
 * with their DWARF decompressed (made by `make fuzz`), so that patches to
 * .debug_* reach the DWARF reader rather than zlib. A base that is not
 * there is said once on stderr, and inputs that choose it do nothing.
 *
 * Build and run (libFuzzer with ASan and UBSan, clang; the library is
 * built with the same sanitizers in build/fuzz-obj/):
 *   make fuzz                    builds build/fuzz/fuzz_gobin and the bases
 *   make fuzz-run FUZZ_TIME=120  a seed corpus (tests/fuzz/seeds), then this
 * or by hand:
 *   build/fuzz/fuzz_gobin -max_total_time=120 -max_len=4096 CORPUS...
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "golang/internal.h"

/* Fixed order: an input names its base by index. "@NAME" is
 * build/fuzz/bases/NAME (DWARF decompressed), NAME build/gobins/NAME. */
static const char *const bases[] = {
	"basic-stripped",	  /* gc 1.19 (the Go on PATH), stripped */
	"basic",		  /* .symtab, compressed DWARF */
	"@basic",		  /* the same, DWARF decompressed */
	"basic-inl",		  /* inlining on: inline trees */
	"@basic-inl",
	"basic-pie",		  /* PIE: .data.rel.ro.*, relocations */
	"basic-pie-ext-stripped", /* external linker, PIE, stripped */
	"basic-ext",		  /* external linker */
	"cgo",			  /* cgo, DT_NEEDED, .dynsym */
	"cgo-stripped",
	"cgo-stripped-go1.26",
	"cgo-stripped-go1.27",
	"gccgo-basic", /* gccgo: uncompressed DWARF, libgo */
	"gccgo-basic-stripped",
	"small-go1.19",
	"small-go1.21",
	"small-go1.22",
	"small-go1.23",
	"small-go1.24",
	"small-go1.25",
	"small-go1.26",
	"small-go1.27",
	"@small-go1.21",
	"@small-go1.27",
	"esbuild-0.11.23", /* go1.16.3, stripped, stack ABI */
	"esbuild-0.13.15", /* go1.17.2 */
	"esbuild-0.14.54", /* go1.18 */
	"esbuild-0.17.19", /* go1.20 */
	"esbuild-0.24.2",  /* go1.23 */
	"esbuild-0.28.2",  /* go1.26, no .go.buildinfo */
	"lefthook-1.5.5",
	"lefthook-1.11.10",
	"@cgo",
};
#define NBASES (sizeof(bases) / sizeof(bases[0]))

/* Regions by what reads them. A name list is tried in order (PIE puts
 * tables in .data.rel.ro.NAME). */
enum {
	R_EHDR,	  /* ELF header and program headers */
	R_SHDRS,  /* section headers */
	R_SHSTRTAB,
	R_PCLNTAB,
	R_BUILDINFO,
	R_SYMTAB,
	R_STRTAB,
	R_DYNSYM,
	R_DYNSTR,
	R_DYNAMIC,
	R_RELA,
	R_DEBUG_INFO,
	R_DEBUG_ABBREV,
	R_DEBUG_LINE,
	R_DEBUG_LOC,	/* .debug_loc or .debug_loclists */
	R_DEBUG_RANGES, /* .debug_ranges or .debug_rnglists */
	R_DEBUG_STR,	/* .debug_str, .debug_line_str, .debug_addr */
	R_DEBUG_FRAME,
	R_TYPES,	/* the type descriptors: moduledata.types .. etypes */
	R_TYPELINK,
	R_ITABLINK,
	R_MODULEDATA, /* runtime.firstmoduledata */
	R_TEXT,
	R_RODATA,
	R_DATA, /* .noptrdata, .data: runtime globals */
	R_ANY,
	NREG
};
static const char *const sec_names[NREG][3] = {
	[R_SHSTRTAB] = { ".shstrtab" },
	[R_PCLNTAB] = { ".gopclntab", ".data.rel.ro.gopclntab" },
	[R_BUILDINFO] = { ".go.buildinfo" },
	[R_SYMTAB] = { ".symtab" },
	[R_STRTAB] = { ".strtab" },
	[R_DYNSYM] = { ".dynsym" },
	[R_DYNSTR] = { ".dynstr" },
	[R_DYNAMIC] = { ".dynamic" },
	[R_RELA] = { ".rela.dyn", ".rela" },
	[R_DEBUG_INFO] = { ".debug_info" },
	[R_DEBUG_ABBREV] = { ".debug_abbrev" },
	[R_DEBUG_LINE] = { ".debug_line" },
	[R_DEBUG_LOC] = { ".debug_loc", ".debug_loclists" },
	[R_DEBUG_RANGES] = { ".debug_ranges", ".debug_rnglists" },
	[R_DEBUG_STR] = { ".debug_str", ".debug_line_str", ".debug_addr" },
	[R_DEBUG_FRAME] = { ".debug_frame" },
	[R_TYPELINK] = { ".typelink", ".data.rel.ro.typelink" },
	[R_ITABLINK] = { ".itablink", ".data.rel.ro.itablink" },
	[R_TEXT] = { ".text" },
	[R_RODATA] = { ".rodata", ".data.rel.ro" },
	[R_DATA] = { ".noptrdata", ".data" },
};

#define MAX_RECORDS 8

struct base {
	bool tried, ok;
	char *data; /* the original bytes */
	size_t len;
	int fd; /* a memfd holding them; patched for an input, then restored */
	char path[64];
	uint64_t reg[NREG][2]; /* file offset, size (0: not in this base) */
};
static struct base loaded[NBASES];

static void note(uint64_t *r, uint64_t off, uint64_t size, size_t len)
{
	if (off < len && size) {
		r[0] = off;
		r[1] = MIN(size, len - off);
	}
}

/* The file offsets of vaddrs [lo, hi) when they are in one segment. */
static void note_vaddrs(struct gobin *b, uint64_t *r, uint64_t lo, uint64_t hi)
{
	uint64_t o, avail;
	if (lo < hi && gobin_vaddr_ptr(b, lo, &avail) && gobin_vaddr_to_offset(b, lo, &o) == 0)
		note(r, o, MIN(hi - lo, avail), b->size);
}

/* Reads base i and where its regions are, once. */
static struct base *load(unsigned i)
{
	struct base *B = &loaded[i];
	if (B->tried)
		return B->ok ? B : NULL;
	B->tried = true;
	const char *name = bases[i], *dir;
	char path[512];
	if (name[0] == '@') {
		dir = getenv("GOBIN_FUZZ_BASES");
		snprintf(path, sizeof(path), "%s/%s", dir ? dir : "build/fuzz/bases", name + 1);
	} else {
		dir = getenv("GOBIN_FUZZ_GOBINS");
		snprintf(path, sizeof(path), "%s/%s", dir ? dir : "build/gobins", name);
	}
	struct gobin *b;
	char *err = NULL;
	B->data = read_file(path, &B->len);
	if (!B->data || gobin_open(path, &b, &err) != 0) {
		fprintf(stderr, "fuzz_gobin: base %u (%s) not usable: %s; its inputs do nothing\n",
			i, path, err ? err : "cannot read it");
		free(err);
		free(B->data);
		B->data = NULL;
		return NULL;
	}
	B->fd = memfd_create("gobin", 0);
	if (B->fd < 0 || write(B->fd, B->data, B->len) != (ssize_t)B->len) {
		fprintf(stderr, "fuzz_gobin: memfd for %s failed\n", path);
		exit(1);
	}
	snprintf(B->path, sizeof(B->path), "/proc/self/fd/%d", B->fd);

	Elf64_Ehdr eh;
	memcpy(&eh, B->data, MIN(sizeof(eh), B->len));
	note(B->reg[R_EHDR], 0, sizeof(eh) + (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr), B->len);
	note(B->reg[R_SHDRS], eh.e_shoff, (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr), B->len);
	for (int r = 0; r < NREG; r++)
		for (int k = 0; k < 3 && sec_names[r][k] && !B->reg[r][1]; k++) {
			const struct gsec *s = gobin_section(b, sec_names[r][k]);
			if (s && s->type != SHT_NOBITS)
				note(B->reg[r], s->off, s->size, B->len);
		}
	if (!B->reg[R_RELA][1])
		for (size_t k = 0; k < b->secs.n; k++)
			if (b->secs.v[k].type == SHT_RELA) {
				note(B->reg[R_RELA], b->secs.v[k].off, b->secs.v[k].size, B->len);
				break;
			}
	uint64_t ts, te, md;
	if (gobin_types_range(b, &ts, &te) == 0)
		note_vaddrs(b, B->reg[R_TYPES], ts, te);
	if (gobin_moduledata(b, &md))
		note_vaddrs(b, B->reg[R_MODULEDATA], md, md + 0x300);
	B->reg[R_ANY][1] = B->len;
	gobin_close(b);
	B->ok = true;
	return B;
}

/* Touches a type and what it is made of (a few levels), as the compiler
 * would. */
static size_t walk_type(const struct gotype *t, int depth)
{
	size_t h = 0;
	if (!t || depth > 3)
		return 0;
	h += t->kind + t->size + t->count + (t->name ? strlen(t->name) : 0);
	h += walk_type(t->elem, depth + 1);
	for (size_t i = 0; i < t->nfields && i < 64; i++)
		h += t->fields[i].offset + (t->fields[i].name ? strlen(t->fields[i].name) : 0) +
		     walk_type(t->fields[i].type, depth + 1);
	return h;
}

static volatile size_t sink;

/* Asks every question golang/ answers, on a sample of functions, inlined
 * copies and types. Nothing may crash, hang or leak. */
static void exercise(struct gobin *b)
{
	size_t h = 0, n;
	h += gobin_compiler(b) + (size_t)gobin_go_release(b) + gobin_abi(b) + gobin_is_dyn(b);
	h += strlen(gobin_go_version(b)) + strlen(gobin_abi_name(gobin_abi(b))) +
	     strlen(gobin_func_source(b)) + strlen(gobin_version_source(b)) +
	     strlen(gobin_path(b)) + gobin_exec_vaddr(b);
	const char *const *needed = gobin_needed(b, &n);
	for (size_t i = 0; i < n; i++)
		h += strlen(needed[i]);

	/* functions: probe sites, frames, source lines, parameters */
	size_t nf;
	const struct gofunc *f = gobin_funcs(b, &nf);
	for (size_t i = 0; i < nf; i += 1 + nf / 24) {
		uint64_t site, *rets, off;
		size_t nr;
		bool sk;
		const struct goparam *pp;
		struct gosrc fr[8];
		const char *names[8];
		uint64_t starts[8];
		int64_t d;
		h += gobin_find(b, f[i].name) != NULL;
		if (gobin_entry_site(b, &f[i], &site, &sk) == 0)
			h += gobin_unprobeable(b, site) != NULL;
		if (gobin_ret_sites(b, &f[i], &rets, &nr) == 0) {
			for (size_t k = 0; k < nr && k < 4; k++)
				h += gobin_unprobeable(b, rets[k]) != NULL;
			free(rets);
		}
		h += gobin_check_offset(b, &f[i], 0) + gobin_check_offset(b, &f[i], 1) +
		     gobin_check_offset(b, &f[i], f[i].size / 2);
		uint64_t mid = f[i].addr + f[i].size / 2;
		h += gobin_func_at(b, mid) != NULL;
		if (gobin_vaddr_to_offset(b, f[i].addr, &off) == 0)
			h += off;
		if (gobin_params(b, &f[i], &pp, &nr) == 0)
			for (size_t k = 0; k < nr; k++)
				h += strlen(pp[k].name) + walk_type(pp[k].type, 0);
		int k = gobin_pc_frames(b, mid, fr, 8);
		for (int j = 0; j < k; j++)
			h += strlen(fr[j].func) + (fr[j].file ? strlen(fr[j].file) : 0) + fr[j].line;
		h += gobin_pc_frames(b, f[i].addr, fr, 8);
		k = gobin_inline_frames(b, mid, names, starts, 8);
		for (int j = 0; j < k; j++)
			h += strlen(names[j]) + starts[j];
		if (gobin_sp_delta(b, mid, &d) == 0)
			h += (size_t)d;
		if (gobin_cfi_ret_off(b, f[i].addr, &d) == 0 || gobin_cfi_ret_off(b, mid, &d) == 0)
			h += (size_t)d;
	}
	int64_t o;
	const char *src;
	if (gobin_goid_offset(b, &o, &src) == 0)
		h += (size_t)o + strlen(src);
	if (gobin_goid_offset_code(b, &o) == 0)
		h += (size_t)o;
	if (gobin_tls_g_offset(b, &o) == 0)
		h += (size_t)o;

	/* DWARF types; a function known only as inlined */
	static const char *const dtypes[] = { "runtime.g", "runtime.m", "main.Point",
					      "main.Store", "net/http.Request" };
	for (size_t i = 0; i < sizeof(dtypes) / sizeof(dtypes[0]); i++)
		h += walk_type(gobin_type(b, dtypes[i]), 0);
	char **sites;
	int ns = gobin_inlined_sites(b, "main.tiny", &sites);
	for (int i = 0; i < ns; i++) {
		h += strlen(sites[i]);
		free(sites[i]);
	}
	if (ns >= 0)
		free(sites);

	/* inline trees, pc-value tables, DWARF of inlined copies */
	size_t ni;
	const char *const *inl = gobin_inlined_names(b, &ni);
	for (size_t i = 0; i < ni; i += 1 + ni / 16) {
		const struct goinline *cp;
		size_t k;
		h += gobin_inlined_count(b, inl[i]);
		if (gobin_inlined(b, inl[i], &cp, &k) < 0)
			continue;
		for (size_t j = 0; j < k && j < 4; j++) {
			const char *fr[8];
			uint64_t st[8];
			struct gosrc sr[8];
			int64_t d;
			const struct goinlparam *ip;
			size_t nip;
			h += (size_t)gobin_inline_frames(b, cp[j].addr, fr, st, 8);
			h += (size_t)gobin_pc_frames(b, cp[j].addr, sr, 8);
			if (gobin_sp_delta(b, cp[j].addr, &d) == 0)
				h += (size_t)d;
			if (gobin_inlined_params(b, &cp[j], &ip, &nip) == 0)
				for (size_t q = 0; q < nip; q++)
					h += strlen(ip[q].name) + (size_t)ip[q].nparts +
					     walk_type(ip[q].type, 0);
		}
	}

	/* type descriptors: names, types by name (gocast), back to names */
	uint64_t ts, te, addr;
	if (gobin_types_range(b, &ts, &te) == 0)
		h += te - ts;
	size_t nt;
	const char *const *tn = gobin_rtype_names(b, &nt);
	for (size_t i = 0; i < nt; i += 1 + nt / 16) {
		char name[256];
		h += walk_type(gobin_rtype_type(b, tn[i]), 0);
		if (gobin_type_by_name(b, tn[i], &addr) == 0 &&
		    gobin_rtype_name(b, addr, name, sizeof(name)) == 0)
			h += strlen(name);
	}
	static const char *const rtypes[] = { "*runtime.g", "runtime.g", "*os.File", "string",
					      "[]string", "error", "syscall.Errno",
					      "*net/http.Request", "main.Point", "map[string]int" };
	for (size_t i = 0; i < sizeof(rtypes) / sizeof(rtypes[0]); i++) {
		h += walk_type(gobin_rtype_type(b, rtypes[i]), 0);
		if (gobin_type_by_name(b, rtypes[i], &addr) == 0)
			h += addr;
	}

	/* runtime fields, globals, wait reasons */
	static const char *const fields[][2] = {
		{ "runtime.g", "goid" },	 { "runtime.g", "gopc" },
		{ "runtime.g", "startpc" },	 { "runtime.g", "atomicstatus" },
		{ "runtime.g", "waitreason" },	 { "runtime.g", "waitsince" },
		{ "runtime.g", "parentGoid" },	 { "runtime.gcControllerState", "heapLive" },
		{ "runtime.m", "procid" },	 { "runtime.p", "id" },
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		uint64_t off, size;
		if (gobin_field(b, fields[i][0], fields[i][1], &off, &size, &src) == 0)
			h += off + size;
	}
	static const char *const globals[] = { "runtime.waitReasonStrings", "runtime.gcController",
					       "runtime.buildVersion", "runtime.allgs" };
	for (size_t i = 0; i < sizeof(globals) / sizeof(globals[0]); i++) {
		uint64_t size;
		if (gobin_global(b, globals[i], &addr, &size) == 0)
			h += addr + size;
	}
	static uint64_t ranges[RUNTIME_RANGES_MAX][2];
	if (gobin_runtime_ranges(b, ranges, RUNTIME_RANGES_MAX, &n) == 0)
		h += n;
	char **reasons;
	if (gobin_wait_reasons(b, &reasons, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			h += reasons[i] ? strlen(reasons[i]) : 0;
			free(reasons[i]);
		}
		free(reasons);
	}
	h += strlen(gobin_error(b));
	sink = h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct base *B = load(data[0] % NBASES);
	if (!B)
		return 0;
	data++;
	size--;

	/* apply the records, remembering what to restore */
	uint64_t done[MAX_RECORDS][2];
	int nd = 0;
	uint64_t cut = B->len;
	while (size >= 5 && nd < MAX_RECORDS) {
		unsigned kind = data[0];
		uint32_t rel;
		memcpy(&rel, data + 1, 4);
		data += 5;
		size -= 5;
		const uint64_t *r = B->reg[(kind & 0x3f) % NREG];
		uint64_t off = r[0] + (r[1] ? rel % r[1] : 0);
		if (kind & 0x40) {
			if (r[1])
				cut = MIN(cut, off);
			continue;
		}
		if (size < 1)
			break;
		size_t len = MIN((size_t)data[0], size - 1);
		const uint8_t *bytes = data + 1;
		data += 1 + len;
		size -= 1 + len;
		if (!r[1])
			continue;
		len = MIN(len, B->len - off);
		uint8_t buf[256];
		for (size_t i = 0; i < len; i++)
			buf[i] = kind & 0x80 ? (uint8_t)(B->data[off + i] ^ bytes[i]) : bytes[i];
		if (pwrite(B->fd, buf, len, (off_t)off) != (ssize_t)len)
			abort();
		done[nd][0] = off;
		done[nd][1] = len;
		nd++;
	}
	if (cut < B->len && ftruncate(B->fd, (off_t)cut) != 0)
		abort();

	struct gobin *b;
	char *err = NULL;
	if (gobin_open(B->path, &b, &err) == 0) {
		exercise(b);
		gobin_close(b);
	} else if (!err || !*err) {
		fprintf(stderr, "fuzz_gobin: gobin_open failed without a message\n");
		abort();
	}
	free(err);

	/* back to the original */
	if (cut < B->len && (ftruncate(B->fd, (off_t)B->len) != 0 ||
			     pwrite(B->fd, B->data + cut, B->len - cut, (off_t)cut) !=
				     (ssize_t)(B->len - cut)))
		abort();
	for (int i = 0; i < nd; i++)
		if (pwrite(B->fd, B->data + done[i][0], done[i][1], (off_t)done[i][0]) !=
		    (ssize_t)done[i][1])
			abort();
	return 0;
}
