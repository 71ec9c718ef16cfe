/* maps_section.c - why the map definitions are emitted into ".MAPS" and
 * renamed ".maps" afterwards.
 *
 * libbpf finds maps in the ".maps" section, described by a BTF DATASEC of
 * that name. LLVM's BPF back end (BTFDebug) collects the globals of any
 * section named ".maps..." when it begins the first function, and then
 * completes every BTF_KIND_VAR again at the beginning of each function,
 * adding its name to a string table that it searches linearly: with one
 * map per probe, compiling N probes cost N * N^2 string comparisons (3,000
 * probes with a map each: minutes). Globals of any other section become
 * BTF VARs only at the end of the module, once. So codegen puts the maps
 * in MAPS_SECTION_TMP, of the same length as ".maps", and the emitted
 * object (or assembly) is renamed in place: the section's name in
 * .shstrtab and the DATASEC's name in .BTF's strings. */
#include <elf.h>
#include <string.h>

#include "codegen/codegen.h"

/* The BTF header (linux/btf.h). */
struct btf_hdr {
	uint16_t magic;
	uint8_t version, flags;
	uint32_t hdr_len, type_off, type_len, str_off, str_len;
};

/* Replaces every whole NUL-terminated string `from` in [p, p+n) by `to`
 * (as long); returns how many. */
static int rename_strings(char *p, size_t n, const char *from, const char *to)
{
	size_t len = strlen(from);
	int k = 0;
	for (size_t i = 0; i + len < n; i++) {
		if ((i == 0 || p[i - 1] == '\0') && !memcmp(p + i, from, len) && p[i + len] == '\0') {
			memcpy(p + i, to, len);
			k++;
		}
	}
	return k;
}

int cg_rename_maps_section(void *obj, size_t size)
{
	char *b = obj;
	Elf64_Ehdr eh;
	if (size < sizeof(eh))
		return -1;
	memcpy(&eh, b, sizeof(eh));
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shstrndx >= eh.e_shnum ||
	    eh.e_shoff > size || (size_t)eh.e_shnum * sizeof(Elf64_Shdr) > size - eh.e_shoff)
		return -1;
	Elf64_Shdr str;
	memcpy(&str, b + eh.e_shoff + (size_t)eh.e_shstrndx * sizeof(Elf64_Shdr), sizeof(str));
	if (str.sh_offset > size || str.sh_size > size - str.sh_offset)
		return -1;
	int renamed = 0, btf = 0;
	for (size_t i = 0; i < eh.e_shnum; i++) {
		Elf64_Shdr sh;
		memcpy(&sh, b + eh.e_shoff + i * sizeof(Elf64_Shdr), sizeof(sh));
		if (sh.sh_name >= str.sh_size || sh.sh_offset > size || sh.sh_size > size - sh.sh_offset)
			continue;
		char *name = b + str.sh_offset + sh.sh_name;
		size_t room = str.sh_size - sh.sh_name;
		if (!strncmp(name, MAPS_SECTION_TMP, room) && strlen(MAPS_SECTION_TMP) < room) {
			memcpy(name, ".maps", strlen(".maps"));
			renamed++;
		} else if (!strncmp(name, ".BTF", room) && sh.sh_size >= sizeof(struct btf_hdr)) {
			struct btf_hdr h;
			memcpy(&h, b + sh.sh_offset, sizeof(h));
			uint64_t s = (uint64_t)h.hdr_len + h.str_off;
			if (h.magic != 0xeB9F || s > sh.sh_size || h.str_len > sh.sh_size - s)
				return -1;
			btf += rename_strings(b + sh.sh_offset + s, h.str_len, MAPS_SECTION_TMP, ".maps");
		}
	}
	return renamed == 1 && btf == 1 ? 0 : -1;
}

/* The same in assembly: the section directive and the BTF string. */
void cg_rename_maps_section_asm(char *text, size_t len)
{
	static const char *const forms[] = { "\t.section\t" MAPS_SECTION_TMP ",",
					     "\t.ascii\t\"" MAPS_SECTION_TMP "\"\n" };
	size_t n = strlen(MAPS_SECTION_TMP);
	for (size_t f = 0; f < ARRAY_SIZE(forms); f++) {
		size_t fl = strlen(forms[f]);
		for (char *p = text; (p = memmem(p, len - (size_t)(p - text), forms[f], fl)); p += fl)
			memcpy(strstr(p, MAPS_SECTION_TMP), ".maps", n);
	}
}
