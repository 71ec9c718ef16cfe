/* elf.c - opening a binary: the mapping, sections, segments, dynamic
 * entries and symbol tables, and the pipeline of gobin_open. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "golang/internal.h"

/* Records a message in b->err; returns err. */
int gobin_errf(struct gobin *b, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b->err, sizeof(b->err), fmt, ap);
	va_end(ap);
	return err;
}

const char *gobin_error(const struct gobin *b)
{
	return b->err;
}

const char *gobin_path(const struct gobin *b)
{
	return b->path;
}

bool gobin_is_dyn(const struct gobin *b)
{
	return b->e_type == ET_DYN;
}

/* The section called name, or NULL. */
const struct gsec *gobin_section(const struct gobin *b, const char *name)
{
	for (size_t i = 0; i < b->secs.n; i++)
		if (b->secs.v[i].name && strcmp(b->secs.v[i].name, name) == 0)
			return &b->secs.v[i];
	return NULL;
}

/* The bytes of s in the file (checked at open to lie inside it). */
const uint8_t *gobin_sec_data(const struct gobin *b, const struct gsec *s)
{
	if (s->type == SHT_NOBITS)
		return NULL;
	return b->map + s->off;
}

/* Maps a virtual address to the file bytes of its PT_LOAD segment. */
const uint8_t *gobin_vaddr_ptr(const struct gobin *b, uint64_t vaddr,
			       uint64_t *avail)
{
	for (size_t i = 0; i < b->segs.n; i++) {
		const struct gseg *s = &b->segs.v[i];
		if (vaddr < s->vaddr || vaddr - s->vaddr >= s->filesz)
			continue;
		uint64_t d = vaddr - s->vaddr;
		if (avail)
			*avail = s->filesz - d;
		return b->map + s->off + d;
	}
	return NULL;
}

/* File offset of vaddr: uprobes are placed by file offset. */
int gobin_vaddr_to_offset(const struct gobin *b, uint64_t vaddr,
			  uint64_t *off)
{
	for (size_t i = 0; i < b->segs.n; i++) {
		const struct gseg *s = &b->segs.v[i];
		if (vaddr >= s->vaddr && vaddr - s->vaddr < s->filesz) {
			*off = s->off + (vaddr - s->vaddr);
			return 0;
		}
	}
	return gobin_errf((struct gobin *)b, -ERANGE,
			  "%s: address 0x%llx is in no loaded segment",
			  b->path, (unsigned long long)vaddr);
}

static int grel_cmp(const void *a, const void *b)
{
	const struct grel *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* Looks for a dynamic relocation of type rtype at vaddr in .rela.dyn; PIE
 * linkers may leave the word in the file zero and keep the value in the
 * relocation's addend. The relocations are read into a sorted index at the
 * first call: callers ask word by word, over whole sections. */
bool gobin_dyn_reloc(const struct gobin *b, uint64_t vaddr, uint32_t rtype,
		     int64_t *addend)
{
	struct gobin *w = (struct gobin *)b; /* the index is a cache */
	if (!w->rels_read) {
		w->rels_read = true;
		for (size_t i = 0; i < b->secs.n; i++) {
			const struct gsec *s = &b->secs.v[i];
			if (s->type != SHT_RELA)
				continue;
			const uint8_t *p = gobin_sec_data(b, s);
			for (uint64_t o = 0; o + sizeof(Elf64_Rela) <= s->size;
			     o += sizeof(Elf64_Rela)) {
				Elf64_Rela r;
				memcpy(&r, p + o, sizeof(r));
				struct grel g = { r.r_offset, r.r_addend,
						  (uint32_t)ELF64_R_TYPE(r.r_info) };
				vec_push(&w->rels, g);
			}
		}
		if (w->rels.n)
			qsort(w->rels.v, w->rels.n, sizeof(w->rels.v[0]), grel_cmp);
	}
	size_t lo = 0, hi = b->rels.n;
	while (lo < hi) { /* the first at or after vaddr */
		size_t mid = lo + (hi - lo) / 2;
		if (b->rels.v[mid].off < vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < b->rels.n && b->rels.v[lo].off == vaddr; lo++)
		if (b->rels.v[lo].type == rtype) {
			*addend = b->rels.v[lo].addend;
			return true;
		}
	return false;
}

/* Does a header table of n entries of entsize bytes at off (entsize
 * being what we expect) lie inside the file? An empty table does. */
static bool table_fits(const struct gobin *b, uint64_t off, uint64_t n, uint64_t entsize,
		       uint64_t expect)
{
	return !n || (entsize == expect && off <= b->size && n * entsize <= b->size - off);
}

/* Checks the ELF header: an x86-64 ELF64 file, little endian, whose
 * header tables lie inside the file. */
static int check_header(struct gobin *b)
{
	static const struct {
		int machine;
		const char *name;
	} machines[] = {
		{EM_386, "i386"},	 {EM_ARM, "ARM"},
		{EM_AARCH64, "AArch64"}, {EM_RISCV, "RISC-V"},
		{EM_PPC64, "PowerPC64"}, {EM_S390, "s390x"},
		{EM_MIPS, "MIPS"},
	};
	Elf64_Ehdr eh;

	if (b->size < 4 || memcmp(b->map, ELFMAG, SELFMAG) != 0)
		return gobin_errf(b, -ENOEXEC, "%s: not an ELF file", b->path);
	if (b->size < EI_NIDENT + 4)
		return gobin_errf(b, -ENOEXEC,
				  "%s: truncated ELF file (%zu bytes)",
				  b->path, b->size);
	if (b->map[EI_CLASS] != ELFCLASS64)
		return gobin_errf(b, -ENOEXEC,
				  "%s: a 32-bit ELF file; only x86-64 is "
				  "supported", b->path);
	if (b->map[EI_DATA] != ELFDATA2LSB)
		return gobin_errf(b, -ENOEXEC,
				  "%s: a big-endian ELF file; only x86-64 is "
				  "supported", b->path);
	if (b->size < sizeof(eh))
		return gobin_errf(b, -ENOEXEC,
				  "%s: truncated ELF header (%zu bytes)",
				  b->path, b->size);
	memcpy(&eh, b->map, sizeof(eh));
	if (eh.e_machine != EM_X86_64) {
		const char *m = NULL;
		for (size_t i = 0; i < ARRAY_SIZE(machines); i++)
			if (machines[i].machine == eh.e_machine)
				m = machines[i].name;
		if (m)
			return gobin_errf(b, -ENOEXEC,
					  "%s: built for %s, not x86-64",
					  b->path, m);
		return gobin_errf(b, -ENOEXEC,
				  "%s: built for machine %u, not x86-64",
				  b->path, eh.e_machine);
	}
	b->e_type = eh.e_type;
	if (!table_fits(b, eh.e_phoff, eh.e_phnum, eh.e_phentsize, sizeof(Elf64_Phdr)))
		return gobin_errf(b, -ENOEXEC,
				  "%s: truncated: the program headers end past "
				  "the end of the file (%zu bytes)",
				  b->path, b->size);
	if (!table_fits(b, eh.e_shoff, eh.e_shnum, eh.e_shentsize, sizeof(Elf64_Shdr)))
		return gobin_errf(b, -ENOEXEC,
				  "%s: truncated: the section headers end past "
				  "the end of the file (%zu bytes)",
				  b->path, b->size);
	return 0;
}

/* Reads the section headers through libelf. */
static int read_sections(struct gobin *b)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	if (elf_getshdrstrndx(b->elf, &shstrndx) != 0)
		return gobin_errf(b, -ENOEXEC, "%s: bad section header table: %s",
				  b->path, elf_errmsg(-1));
	while ((scn = elf_nextscn(b->elf, scn))) {
		GElf_Shdr sh;
		struct gsec s;

		if (!gelf_getshdr(scn, &sh))
			return gobin_errf(b, -ENOEXEC,
					  "%s: bad section header: %s",
					  b->path, elf_errmsg(-1));
		s.name = elf_strptr(b->elf, shstrndx, sh.sh_name);
		s.type = sh.sh_type;
		s.flags = sh.sh_flags;
		s.addr = sh.sh_addr;
		s.off = sh.sh_offset;
		s.size = sh.sh_size;
		if (s.type != SHT_NOBITS &&
		    (s.off > b->size || s.size > b->size - s.off)) {
			char num[32];
			snprintf(num, sizeof(num), "%zu", elf_ndxscn(scn));
			return gobin_errf(b, -ENOEXEC,
					  "%s: truncated: section %s ends at "
					  "%llu, past the end of the file "
					  "(%zu bytes)",
					  b->path, s.name ? s.name : num,
					  (unsigned long long)(s.off + s.size),
					  b->size);
		}
		vec_push(&b->secs, s);
	}
	return 0;
}

/* Reads PT_LOAD and PT_TLS. */
static int read_segments(struct gobin *b)
{
	size_t n;

	if (elf_getphdrnum(b->elf, &n) != 0)
		return gobin_errf(b, -ENOEXEC, "%s: bad program headers: %s",
				  b->path, elf_errmsg(-1));
	for (size_t i = 0; i < n; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(b->elf, (int)i, &ph))
			return gobin_errf(b, -ENOEXEC,
					  "%s: bad program header %zu: %s",
					  b->path, i, elf_errmsg(-1));
		if (ph.p_type == PT_TLS) {
			b->has_tls = true;
			b->tls_vaddr = ph.p_vaddr;
			b->tls_memsz = ph.p_memsz;
			b->tls_align = ph.p_align ? ph.p_align : 1;
		}
		if (ph.p_type != PT_LOAD)
			continue;
		if (ph.p_offset > b->size || ph.p_filesz > b->size - ph.p_offset)
			return gobin_errf(b, -ENOEXEC,
					  "%s: truncated: a loadable segment "
					  "ends at %llu, past the end of the "
					  "file (%zu bytes)",
					  b->path,
					  (unsigned long long)(ph.p_offset +
							       ph.p_filesz),
					  b->size);
		struct gseg s = {
			.vaddr = ph.p_vaddr,
			.off = ph.p_offset,
			.filesz = ph.p_filesz,
			.memsz = ph.p_memsz,
			.flags = ph.p_flags,
		};
		vec_push(&b->segs, s);
	}
	return 0;
}

/* Reads DT_NEEDED and DT_SONAME from .dynamic. */
static void read_dynamic(struct gobin *b)
{
	const struct gsec *dyn = NULL;
	size_t dynidx = 0;

	for (size_t i = 0; i < b->secs.n; i++)
		if (b->secs.v[i].type == SHT_DYNAMIC) {
			dyn = &b->secs.v[i];
			dynidx = i + 1; /* section 0 is not in secs */
		}
	if (!dyn)
		return;
	Elf_Scn *scn = elf_getscn(b->elf, dynidx);
	GElf_Shdr sh;
	Elf_Data *d;
	if (!scn || !gelf_getshdr(scn, &sh) || !(d = elf_getdata(scn, NULL)))
		return;
	for (size_t i = 0; i < d->d_size / sizeof(Elf64_Dyn); i++) {
		GElf_Dyn dy;
		if (!gelf_getdyn(d, (int)i, &dy) || dy.d_tag == DT_NULL)
			break;
		if (dy.d_tag != DT_NEEDED && dy.d_tag != DT_SONAME)
			continue;
		const char *s = elf_strptr(b->elf, sh.sh_link, dy.d_un.d_val);
		if (!s)
			continue;
		if (dy.d_tag == DT_NEEDED)
			vec_push(&b->needed, s);
		else
			b->soname = s;
	}
}

/* Adds the function symbols of one symbol table to b->funcs; returns how
 * many were added. */
static size_t read_symtab(struct gobin *b, uint32_t type)
{
	size_t added = 0;

	for (size_t i = 0; i < b->secs.n; i++) {
		if (b->secs.v[i].type != type)
			continue;
		Elf_Scn *scn = elf_getscn(b->elf, i + 1);
		GElf_Shdr sh;
		Elf_Data *d;
		if (!scn || !gelf_getshdr(scn, &sh) ||
		    !(d = elf_getdata(scn, NULL)) || !sh.sh_entsize)
			continue;
		size_t n = d->d_size / sizeof(Elf64_Sym);
		for (size_t k = 1; k < n; k++) {
			GElf_Sym sym;
			if (!gelf_getsym(d, (int)k, &sym))
				break;
			if (GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
			    sym.st_shndx == SHN_UNDEF || !sym.st_value)
				continue;
			const char *name =
				elf_strptr(b->elf, sh.sh_link, sym.st_name);
			if (!name || !*name || gobin_skip_name(name))
				continue;
			struct gofunc f = {
				.name = name,
				.addr = sym.st_value,
				.size = sym.st_size,
			};
			vec_push(&b->funcs, f);
			added++;
		}
	}
	return added;
}

/* Reads .symtab, then .dynsym; *have_symtab says whether .symtab had
 * functions. */
int gobin_read_symtabs(struct gobin *b, bool *have_symtab)
{
	size_t nsym = read_symtab(b, SHT_SYMTAB);
	size_t ndyn = read_symtab(b, SHT_DYNSYM);

	*have_symtab = nsym > 0;
	if (nsym)
		b->func_source = "symtab";
	else if (ndyn)
		b->func_source = "dynsym";
	return 0;
}

/* Looks a symbol of any type up in .symtab. */
bool gobin_symbol(const struct gobin *b, const char *name, uint64_t *value,
		  uint64_t *size, int *type)
{
	for (size_t i = 0; i < b->secs.n; i++) {
		if (b->secs.v[i].type != SHT_SYMTAB)
			continue;
		Elf_Scn *scn = elf_getscn(b->elf, i + 1);
		GElf_Shdr sh;
		Elf_Data *d;
		if (!scn || !gelf_getshdr(scn, &sh) ||
		    !(d = elf_getdata(scn, NULL)))
			continue;
		size_t n = d->d_size / sizeof(Elf64_Sym);
		for (size_t k = 1; k < n; k++) {
			GElf_Sym sym;
			if (!gelf_getsym(d, (int)k, &sym))
				break;
			const char *s =
				elf_strptr(b->elf, sh.sh_link, sym.st_name);
			if (!s || strcmp(s, name) != 0)
				continue;
			if (value)
				*value = sym.st_value;
			if (size)
				*size = sym.st_size;
			if (type)
				*type = GELF_ST_TYPE(sym.st_info);
			return true;
		}
	}
	return false;
}

/* Maps the file and reads what every later step needs. */
static int map_file(struct gobin *b)
{
	struct stat st;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	b->fd = open(b->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (b->fd < 0) {
		int e = errno;
		if (e == ENOENT)
			return gobin_errf(b, -e, "%s: no such file", b->path);
		return gobin_errf(b, -e, "%s: cannot open: %s", b->path,
				  strerror(e));
	}
	if (fstat(b->fd, &st) != 0)
		return gobin_errf(b, -errno, "%s: cannot stat: %s", b->path,
				  strerror(errno));
	if (S_ISDIR(st.st_mode))
		return gobin_errf(b, -EISDIR, "%s: a directory, not a binary",
				  b->path);
	if (!S_ISREG(st.st_mode))
		return gobin_errf(b, -ENOEXEC, "%s: a %s, not a binary",
				  b->path, S_ISFIFO(st.st_mode) ? "FIFO" :
				  S_ISCHR(st.st_mode) ? "character device" :
				  S_ISBLK(st.st_mode) ? "block device" :
				  S_ISSOCK(st.st_mode) ? "socket" :
				  "special file");
	if (st.st_size == 0)
		return gobin_errf(b, -ENOEXEC, "%s: empty file, not an ELF "
				  "file", b->path);
	b->size = (size_t)st.st_size;
	/* Private and writable: libelf may write into its image; those
	 * writes stay in our copy. */
	void *m = mmap(NULL, b->size, PROT_READ | PROT_WRITE, MAP_PRIVATE,
		       b->fd, 0);
	if (m == MAP_FAILED)
		return gobin_errf(b, -errno, "%s: cannot map: %s", b->path,
				  strerror(errno));
	b->map = m;
	return 0;
}

/* Opens path and learns what it can: the pipeline of this module. */
int gobin_open(const char *path, struct gobin **out, char **errmsg)
{
	struct gobin *b = xcalloc(1, sizeof(*b));
	bool have_symtab = false;
	int err;

	*out = NULL;
	if (errmsg)
		*errmsg = NULL;
	b->fd = -1;
	b->path = xstrdup(path);
	b->func_source = "";
	b->version_source = "";
	elf_version(EV_CURRENT);

	err = map_file(b);
	err = err ?: check_header(b);
	if (!err) {
		b->elf = elf_memory((char *)b->map, b->size);
		if (!b->elf || elf_kind(b->elf) != ELF_K_ELF)
			err = gobin_errf(b, -ENOEXEC, "%s: not a valid ELF "
					 "file: %s", b->path, elf_errmsg(-1));
	}
	err = err ?: read_sections(b);
	err = err ?: read_segments(b);
	if (!err) {
		read_dynamic(b);
		err = gobin_read_symtabs(b, &have_symtab);
	}
	if (!err)
		gobin_detect_compiler(b);
	if (!err && b->compiler == GOC_GC) {
		err = gobin_pclntab_open(b);
		err = err ?: gobin_pclntab_funcs(b, !have_symtab);
		if (!err && !have_symtab && b->has_pcln)
			b->func_source = "pclntab";
		err = err ?: gobin_read_buildinfo(b);
	}
	if (!err) {
		gobin_funcs_finish(b);
		if (b->compiler == GOC_GC)
			b->abi = b->release ? (b->release >= 117 ? GOABI_REG
								 : GOABI_STACK)
					    : gobin_guess_abi(b);
		else
			b->abi = GOABI_SYSV;
	}
	if (err) {
		if (errmsg)
			*errmsg = xstrdup(b->err);
		gobin_close(b);
		return err;
	}
	*out = b;
	return 0;
}

void gobin_close(struct gobin *b)
{
	if (!b)
		return;
	gobin_dwarf_free(b);
	gobin_inline_free(b);
	gobin_rtype_free(b);
	gobin_dis_free(b);
	if (b->elf)
		elf_end(b->elf);
	if (b->map)
		munmap((void *)b->map, b->size);
	if (b->fd >= 0)
		close(b->fd);
	vec_free(&b->secs);
	vec_free(&b->segs);
	vec_free(&b->needed);
	vec_free(&b->rels);
	vec_free(&b->funcs);
	vec_free(&b->pcfuncs);
	strmap_free(&b->byname);
	arena_free(&b->arena);
	free(b->path);
	free(b);
}
