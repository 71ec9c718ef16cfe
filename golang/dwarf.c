/* dwarf.c - what DWARF tells (through libdw): a function's parameters and
 * results with their types and where they are at entry and return by the
 * binary's calling convention, named types with their layouts, and where
 * a function was inlined.
 *
 * Go's DWARF marks its composite types with DW_AT_go_kind (a reflect.Kind)
 * and the element type of slices with DW_AT_go_elem; results are formal
 * parameters with DW_AT_variable_parameter set. gccgo's DWARF is C-like:
 * strings, slices and interfaces are structs ("string" {__data,
 * __length}, "[]T" {__values, __count, __capacity}, interfaces {__methods
 * or __type_descriptor, __object}), and the results are the subprogram's
 * DW_AT_type, a struct when there are several. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dwarf.h>
#include <elfutils/libdw.h>

#include "golang/internal.h"

#define DW_AT_go_kind 0x2900
#define DW_AT_go_elem 0x2902

/* reflect.Kind values in DW_AT_go_kind. */
enum {
	GOKIND_ARRAY = 17,
	GOKIND_CHAN = 18,
	GOKIND_FUNC = 19,
	GOKIND_INTERFACE = 20,
	GOKIND_MAP = 21,
	GOKIND_PTR = 22,
	GOKIND_SLICE = 23,
	GOKIND_STRING = 24,
	GOKIND_STRUCT = 25,
};

#define REG_NI 9   /* RAX RBX RCX RDI RSI R8 R9 R10 R11 */
#define REG_NFP 15 /* X0-X14 */
#define SYSV_NI 6  /* RDI RSI RDX RCX R8 R9 */
#define SYSV_NFP 8 /* XMM0-7 */
#define MAX_DEPTH 48

struct param_list {
	struct goparam *v;
	size_t n;
};

struct dwarf_state {
	Dwarf *dw;
	struct arena arena;
	struct u64map func_by_addr;  /* low_pc -> DIE offset + 1 */
	struct strmap func_by_name;  /* name -> index in offs */
	struct strmap type_by_name;  /* name -> index in offs */
	VEC(Dwarf_Off) offs;
	struct u64map types;	     /* DIE offset -> struct gotype */
	struct u64map params;	     /* function address -> param_list */
	const char *corrupt;	     /* why the units could not all be read */
};

/* Opens the DWARF of b, once; NULL (with b->err set) when it has none. */
static struct dwarf_state *dwarf_state(struct gobin *b)
{
	struct dwarf_state *ds;

	if (b->dw)
		return b->dw->dw ? b->dw : NULL;
	ds = xcalloc(1, sizeof(*ds));
	b->dw = ds;
	ds->dw = dwarf_begin_elf(b->elf, DWARF_C_READ, NULL);
	if (!ds->dw) {
		if (gobin_section(b, ".debug_info") ||
		    gobin_section(b, ".zdebug_info"))
			gobin_errf(b, -ENOENT, "%s: corrupt DWARF debug "
				   "information (%s)", b->path,
				   dwarf_errmsg(-1));
		else
			gobin_errf(b, -ENOENT, "%s: no DWARF debug information "
				   "(stripped, or built with -ldflags=-w?)",
				   b->path);
		return NULL;
	}
	/* Index the top-level DIEs of every unit: functions and types. */
	Dwarf_Off off = 0, next;
	size_t hsize;
	int rc;
	while ((rc = dwarf_nextcu(ds->dw, off, &next, &hsize, NULL, NULL,
				  NULL)) == 0) {
		Dwarf_Die cu, die;
		if (!dwarf_offdie(ds->dw, off + hsize, &cu)) {
			if (!ds->corrupt)
				ds->corrupt = arena_strdup(&ds->arena,
							   dwarf_errmsg(-1));
			off = next;
			continue;
		}
		if (dwarf_child(&cu, &die) != 0) {
			off = next;
			continue;
		}
		do {
			int tag = dwarf_tag(&die);
			const char *name = dwarf_diename(&die);
			Dwarf_Off doff = dwarf_dieoffset(&die);
			Dwarf_Addr lo;
			if (tag == DW_TAG_subprogram) {
				if (dwarf_lowpc(&die, &lo) == 0 && lo)
					u64map_put(&ds->func_by_addr, lo,
						   (void *)(uintptr_t)(doff + 1));
				if (name && strmap_put(&ds->func_by_name, name,
						       (uint32_t)ds->offs.n))
					vec_push(&ds->offs, doff);
			} else if (name && (tag == DW_TAG_structure_type ||
					    tag == DW_TAG_typedef ||
					    tag == DW_TAG_base_type ||
					    tag == DW_TAG_pointer_type ||
					    tag == DW_TAG_array_type ||
					    tag == DW_TAG_subroutine_type ||
					    tag == DW_TAG_union_type ||
					    tag == DW_TAG_enumeration_type)) {
				if (strmap_put(&ds->type_by_name, name,
					       (uint32_t)ds->offs.n))
					vec_push(&ds->offs, doff);
			}
		} while (dwarf_siblingof(&die, &die) == 0);
		off = next;
	}
	if (rc < 0 && !ds->corrupt)
		ds->corrupt = arena_strdup(&ds->arena, dwarf_errmsg(-1));
	/* A damaged compressed .debug_info reads as no units at all. */
	if (off == 0 && !ds->corrupt &&
	    (gobin_section(b, ".debug_info") || gobin_section(b, ".zdebug_info")))
		ds->corrupt = "no compilation unit in .debug_info can be read";
	return ds;
}

void gobin_dwarf_free(struct gobin *b)
{
	struct dwarf_state *ds = b->dw;

	if (b->cfi)
		dwarf_cfi_end(b->cfi);
	b->cfi = NULL;
	if (!ds)
		return;
	if (ds->dw)
		dwarf_end(ds->dw);
	u64map_free(&ds->func_by_addr);
	strmap_free(&ds->func_by_name);
	strmap_free(&ds->type_by_name);
	u64map_free(&ds->types);
	u64map_free(&ds->params);
	vec_free(&ds->offs);
	arena_free(&ds->arena);
	free(ds);
	b->dw = NULL;
}

/* An unsigned attribute, or def. */
static uint64_t attr_u(Dwarf_Die *die, unsigned code, uint64_t def)
{
	Dwarf_Attribute a;
	Dwarf_Word w;

	if (!dwarf_attr_integrate(die, code, &a) || dwarf_formudata(&a, &w))
		return def;
	return w;
}

/* The DIE an attribute refers to. */
static bool attr_die(Dwarf_Die *die, unsigned code, Dwarf_Die *out)
{
	Dwarf_Attribute a;

	return dwarf_attr_integrate(die, code, &a) &&
	       dwarf_formref_die(&a, out);
}

static struct gotype *decode_type(struct dwarf_state *ds, Dwarf_Die *die,
				  int depth);

/* Reads the members of a struct DIE into t->fields. */
static void decode_fields(struct dwarf_state *ds, Dwarf_Die *die,
			  struct gotype *t, int depth)
{
	Dwarf_Die c;
	size_t n = 0, i = 0;

	if (dwarf_child(die, &c) != 0)
		return;
	Dwarf_Die first = c;
	do
		n += dwarf_tag(&c) == DW_TAG_member;
	while (dwarf_siblingof(&c, &c) == 0);
	struct gofield *f = arena_alloc(&ds->arena, (n ? n : 1) * sizeof(*f));
	c = first;
	do {
		Dwarf_Die td;
		if (dwarf_tag(&c) != DW_TAG_member || i >= n)
			continue;
		const char *name = dwarf_diename(&c);
		f[i].name = name ? name : "";
		f[i].offset = attr_u(&c, DW_AT_data_member_location, 0);
		f[i].type = attr_die(&c, DW_AT_type, &td)
				    ? decode_type(ds, &td, depth + 1)
				    : NULL;
		i++;
	} while (dwarf_siblingof(&c, &c) == 0);
	t->fields = f;
	t->nfields = i;
}

/* Kind of a Go struct-shaped DIE from DW_AT_go_kind or, for gccgo, from
 * its name and members. */
static enum gotype_kind struct_kind(Dwarf_Die *die, const char *name)
{
	uint64_t k = attr_u(die, DW_AT_go_kind, 0);
	Dwarf_Die c;

	if (k == GOKIND_STRING)
		return GT_STRING;
	if (k == GOKIND_SLICE)
		return GT_SLICE;
	if (k == GOKIND_INTERFACE)
		return GT_IFACE;
	if (k)
		return GT_STRUCT;
	if (strcmp(name, "string") == 0)
		return GT_STRING;
	if (strncmp(name, "[]", 2) == 0)
		return GT_SLICE;
	if (strcmp(name, "runtime.iface") == 0 ||
	    strcmp(name, "runtime.eface") == 0)
		return GT_IFACE;
	if (dwarf_child(die, &c) == 0) {
		const char *m = dwarf_diename(&c);
		if (m && (strcmp(m, "__methods") == 0 ||
			  strcmp(m, "__type_descriptor") == 0))
			return GT_IFACE;
	}
	return GT_STRUCT;
}

/* gccgo names its string, slice and interface structs through typedefs:
 * "string" {__data, __length}, "[]T" {__values, ...}, interfaces
 * {__methods or __type_descriptor, __object}. Where a slice or interface
 * type has no name (a parameter `xs []int`, `v interface{}`), the struct
 * is unnamed and only its members tell. */
static enum gotype_kind gccgo_kind(const struct gotype *t)
{
	if (strcmp(t->name, "string") == 0)
		return GT_STRING;
	if (strncmp(t->name, "[]", 2) == 0)
		return GT_SLICE;
	if (t->nfields && (strcmp(t->fields[0].name, "__methods") == 0 ||
			   strcmp(t->fields[0].name, "__type_descriptor") == 0))
		return GT_IFACE;
	if (!*t->name && t->nfields == 3 &&
	    strcmp(t->fields[0].name, "__values") == 0 &&
	    strcmp(t->fields[1].name, "__count") == 0 &&
	    strcmp(t->fields[2].name, "__capacity") == 0)
		return GT_SLICE;
	return GT_STRUCT;
}

/* A name for a type DWARF leaves unnamed, in Go's spelling: gccgo (like C
 * compilers) names no pointer types, and its unnamed slices and interfaces
 * are bare structs. gc names all of them. */
static void name_unnamed(struct dwarf_state *ds, struct gotype *t)
{
	const char *en;
	char buf[512];

	if (*t->name)
		return;
	en = t->elem && *t->elem->name ? t->elem->name : NULL;
	switch (t->kind) {
	case GT_PTR:
		if (en) {
			snprintf(buf, sizeof(buf), "*%s", en);
			t->name = arena_strdup(&ds->arena, buf);
		} else {
			t->name = t->elem ? "*?" : "unsafe.Pointer";
		}
		break;
	case GT_SLICE:
		if (en) {
			snprintf(buf, sizeof(buf), "[]%s", en);
			t->name = arena_strdup(&ds->arena, buf);
		} else {
			t->name = "[]?";
		}
		break;
	case GT_IFACE:
		t->name = t->nfields &&
				  strcmp(t->fields[0].name, "__type_descriptor") == 0
			  ? "interface {}"
			  : "interface { ... }";
		break;
	case GT_ARRAY:
		snprintf(buf, sizeof(buf), "[%llu]%s",
			 (unsigned long long)t->count, en ? en : "?");
		t->name = arena_strdup(&ds->arena, buf);
		break;
	case GT_FUNC:
		t->name = "func(...)";
		break;
	case GT_STRUCT: {
		/* gccgo returns several results as a struct of UNNAMED
		 * members (named results: their names); other anonymous
		 * structs are spelled as in Go. */
		size_t len = 0, i;
		bool tuple = t->nfields > 0;
		for (i = 0; i < t->nfields; i++)
			if (strcmp(t->fields[i].name, "UNNAMED") != 0)
				tuple = false;
		len = (size_t)snprintf(buf, sizeof(buf), "%s",
				       tuple ? "(" : "struct {");
		for (i = 0; i < t->nfields; i++) {
			const struct gotype *ft = t->fields[i].type;
			const char *tn = ft && *ft->name ? ft->name : "?";
			int k = tuple ? snprintf(buf + len, sizeof(buf) - len,
						 "%s%s", i ? ", " : "", tn)
				      : snprintf(buf + len, sizeof(buf) - len,
						 "%s %s %s", i ? ";" : "",
						 t->fields[i].name, tn);
			if (k < 0 || (size_t)k >= sizeof(buf) - len - 8)
				break;
			len += (size_t)k;
		}
		snprintf(buf + len, sizeof(buf) - len, "%s%s",
			 i < t->nfields ? " ..." : "", tuple ? ")" : " }");
		t->name = arena_strdup(&ds->arena, buf);
		break;
	}
	default:
		break;
	}
}

/* Decodes a type DIE (cached by offset, so cycles end). */
static struct gotype *decode_type(struct dwarf_state *ds, Dwarf_Die *die,
				  int depth)
{
	Dwarf_Off off = dwarf_dieoffset(die);
	struct gotype *t = u64map_get(&ds->types, off);
	Dwarf_Die td;
	Dwarf_Word sz;

	if (t)
		return t;
	t = arena_alloc(&ds->arena, sizeof(*t));
	u64map_put(&ds->types, off, t);
	const char *name = dwarf_diename(die);
	t->name = name ? name : "";
	t->kind = GT_OTHER;
	t->size = attr_u(die, DW_AT_byte_size, 0);
	if (depth > MAX_DEPTH)
		return t;
	switch (dwarf_tag(die)) {
	case DW_TAG_base_type:
		switch (attr_u(die, DW_AT_encoding, 0)) {
		case DW_ATE_boolean:
			t->kind = GT_BOOL;
			break;
		case DW_ATE_float:
			t->kind = GT_FLOAT;
			break;
		case DW_ATE_complex_float:
			t->kind = GT_COMPLEX;
			break;
		case DW_ATE_signed:
		case DW_ATE_signed_char:
			t->kind = GT_INT;
			break;
		case DW_ATE_unsigned:
		case DW_ATE_unsigned_char:
		case DW_ATE_UTF:
			t->kind = GT_UINT;
			break;
		}
		break;
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
		t->kind = GT_PTR;
		t->size = 8;
		if (attr_die(die, DW_AT_type, &td))
			t->elem = decode_type(ds, &td, depth + 1);
		break;
	case DW_TAG_structure_type:
	case DW_TAG_union_type:
		t->kind = struct_kind(die, t->name);
		decode_fields(ds, die, t, depth);
		if (t->kind == GT_STRUCT && !*t->name &&
		    !attr_u(die, DW_AT_go_kind, 0))
			t->kind = gccgo_kind(t);
		if (t->kind == GT_SLICE) {
			if (attr_die(die, DW_AT_go_elem, &td))
				t->elem = decode_type(ds, &td, depth + 1);
			else if (t->nfields && t->fields[0].type)
				t->elem = t->fields[0].type->elem;
		}
		break;
	case DW_TAG_typedef: {
		uint64_t k = attr_u(die, DW_AT_go_kind, 0);
		struct gotype *u = attr_die(die, DW_AT_type, &td)
					   ? decode_type(ds, &td, depth + 1)
					   : NULL;
		if (k == GOKIND_MAP || k == GOKIND_CHAN || k == GOKIND_FUNC) {
			t->kind = k == GOKIND_MAP    ? GT_MAP
				  : k == GOKIND_CHAN ? GT_CHAN
						     : GT_FUNC;
			t->size = 8;
			t->elem = u && u->kind == GT_PTR ? u->elem : NULL;
			break;
		}
		if (!u)
			break;
		/* A named type: the underlying layout under its own name. */
		const char *nm = t->name;
		*t = *u;
		t->name = nm;
		if (k == GOKIND_INTERFACE ||
		    (u->name && (strcmp(u->name, "runtime.iface") == 0 ||
				 strcmp(u->name, "runtime.eface") == 0)))
			t->kind = GT_IFACE;
		else if (t->kind == GT_STRUCT && !k)
			t->kind = gccgo_kind(t);
		if (t->kind == GT_SLICE && !t->elem && t->nfields &&
		    t->fields[0].type)
			t->elem = t->fields[0].type->elem;
		break;
	}
	case DW_TAG_array_type: {
		t->kind = GT_ARRAY;
		if (attr_die(die, DW_AT_type, &td))
			t->elem = decode_type(ds, &td, depth + 1);
		Dwarf_Die c;
		if (dwarf_child(die, &c) == 0 &&
		    dwarf_tag(&c) == DW_TAG_subrange_type) {
			uint64_t cnt = attr_u(&c, DW_AT_count, UINT64_MAX);
			if (cnt == UINT64_MAX) {
				uint64_t ub = attr_u(&c, DW_AT_upper_bound,
						     UINT64_MAX);
				cnt = ub == UINT64_MAX ? 0 : ub + 1;
			}
			t->count = cnt;
		}
		if (!t->size && t->elem)
			t->size = t->elem->size * t->count;
		break;
	}
	case DW_TAG_const_type:
	case DW_TAG_volatile_type:
	case DW_TAG_restrict_type: {
		/* C qualifiers (C functions in libgo and in non-Go binaries):
		 * the qualified type itself; none means void. */
		struct gotype *u = attr_die(die, DW_AT_type, &td)
					   ? decode_type(ds, &td, depth + 1)
					   : NULL;
		if (u)
			*t = *u;
		else
			t->name = "void";
		break;
	}
	case DW_TAG_subroutine_type:
		t->kind = GT_FUNC;
		t->size = 8;
		break;
	case DW_TAG_enumeration_type:
		t->kind = GT_INT;
		break;
	default:
		if (dwarf_aggregate_size(die, &sz) == 0)
			t->size = sz;
		break;
	}
	name_unnamed(ds, t);
	return t;
}

/* A named type from DWARF. */
const struct gotype *gobin_type(struct gobin *b, const char *name)
{
	struct dwarf_state *ds = dwarf_state(b);
	uint32_t i;
	Dwarf_Die die;

	if (!ds)
		return NULL;
	if (!strmap_get(&ds->type_by_name, name, &i) ||
	    !dwarf_offdie(ds->dw, ds->offs.v[i], &die)) {
		gobin_errf(b, -ENOENT, "%s: no type %s in its DWARF", b->path,
			   name);
		return NULL;
	}
	return decode_type(ds, &die, 0);
}

/* --- calling conventions --------------------------------------------- */

/* Alignment of a value of type t. */
static uint64_t type_align(const struct gotype *t, int depth, int *budget)
{
	uint64_t a = 1;

	if (!t || depth > MAX_DEPTH || --*budget < 0)
		return 8;
	switch (t->kind) {
	case GT_INT:
	case GT_UINT:
	case GT_BOOL:
	case GT_FLOAT:
		return t->size ? MIN(t->size, 8) : 1;
	case GT_COMPLEX:
		return t->size ? MIN(t->size / 2, 8) : 1;
	case GT_STRUCT:
		for (size_t i = 0; i < t->nfields; i++)
			a = MAX(a, type_align(t->fields[i].type, depth + 1, budget));
		return a;
	case GT_ARRAY:
		return type_align(t->elem, depth + 1, budget);
	default:
		return 8;
	}
}

/* Counts the integer and float registers t takes under Go's register
 * ABI; false when it cannot be register-assigned (an array of more than
 * one element, or a type we cannot see into). */
static bool reg_count(const struct gotype *t, int *ni, int *nf, int depth, int *budget)
{
	if (!t || depth > MAX_DEPTH || --*budget < 0)
		return false;
	switch (t->kind) {
	case GT_INT:
	case GT_UINT:
	case GT_BOOL:
		*ni += t->size > 8 ? 2 : 1;
		return true;
	case GT_FLOAT:
		*nf += 1;
		return true;
	case GT_COMPLEX:
		*nf += 2;
		return true;
	case GT_PTR:
	case GT_MAP:
	case GT_CHAN:
	case GT_FUNC:
		*ni += 1;
		return true;
	case GT_STRING:
	case GT_IFACE:
		*ni += 2;
		return true;
	case GT_SLICE:
		*ni += 3;
		return true;
	case GT_STRUCT:
		for (size_t i = 0; i < t->nfields; i++)
			if (!reg_count(t->fields[i].type, ni, nf, depth + 1, budget))
				return false;
		return true;
	case GT_ARRAY:
		if (t->count == 0)
			return true;
		if (t->count == 1)
			return reg_count(t->elem, ni, nf, depth + 1, budget);
		return false;
	default:
		return false;
	}
}

/* Does t hold a floating-point part? */
static bool has_float(const struct gotype *t, int depth, int *budget)
{
	if (!t || depth > MAX_DEPTH || --*budget < 0)
		return false;
	switch (t->kind) {
	case GT_FLOAT:
	case GT_COMPLEX:
		return true;
	case GT_STRUCT:
		for (size_t i = 0; i < t->nfields; i++)
			if (has_float(t->fields[i].type, depth + 1, budget))
				return true;
		return false;
	case GT_ARRAY:
		return t->count && has_float(t->elem, depth + 1, budget);
	default:
		return false;
	}
}

/* The walks above, each with its own budget (GOTYPE_WALK_MAX: a depth
 * limit alone would walk a struct holding itself fields^MAX_DEPTH times). */
static uint64_t align_of(const struct gotype *t)
{
	int budget = GOTYPE_WALK_MAX;
	return type_align(t, 0, &budget);
}

static bool regs_of(const struct gotype *t, int *ni, int *nf)
{
	int budget = GOTYPE_WALK_MAX;
	return reg_count(t, ni, nf, 0, &budget);
}

static bool float_in(const struct gotype *t)
{
	int budget = GOTYPE_WALK_MAX;
	return has_float(t, 0, &budget);
}

/* Puts p on the stack sequence at *sp. */
static void assign_stack(struct goparam *p, uint64_t *sp)
{
	uint64_t size = p->type ? p->type->size : 8;

	*sp = ALIGN_UP(*sp, align_of(p->type));
	p->in_regs = false;
	p->stack_off = (int64_t)*sp;
	p->nwords = (int)((size + 7) / 8);
	*sp += size;
}

/* Go's register ABI (src/cmd/compile/abi-internal.md): arguments, then
 * results with the register counters reset; what does not fit goes to the
 * stack sequence, which starts at SP+8 at the entry. */
static void assign_reg_abi(struct goparam *v, size_t n)
{
	uint64_t sp = 8;
	int I = 0, FP = 0;
	bool results = false;

	for (size_t i = 0; i < n; i++) {
		struct goparam *p = &v[i];
		int ni = 0, nf = 0;
		if (p->is_result && !results) {
			results = true;
			I = FP = 0;
			sp = ALIGN_UP(sp, 8);
		}
		p->has_float = float_in(p->type);
		if (p->type && p->type->size == 0) {
			assign_stack(p, &sp);
			continue;
		}
		if (regs_of(p->type, &ni, &nf) && I + ni <= REG_NI &&
		    FP + nf <= REG_NFP) {
			p->in_regs = true;
			p->word = I;
			p->nwords = ni;
			I += ni;
			FP += nf;
			continue;
		}
		assign_stack(p, &sp);
	}
}

/* Go's stack ABI (before 1.17): everything on the stack from SP+8, the
 * results after the arguments at pointer alignment. */
static void assign_stack_abi(struct goparam *v, size_t n)
{
	uint64_t sp = 8;
	bool results = false;

	for (size_t i = 0; i < n; i++) {
		if (v[i].is_result && !results) {
			results = true;
			sp = ALIGN_UP(sp, 8);
		}
		v[i].has_float = float_in(v[i].type);
		assign_stack(&v[i], &sp);
	}
}

/* SysV x86-64 (gccgo): a value of up to 16 bytes whose parts are not
 * floats goes in integer registers RDI, RSI, RDX, RCX, R8, R9; bigger
 * values go on the stack. Results: up to 16 bytes in RAX, RDX; bigger
 * ones in memory the caller passes in RDI (then stack_off is -1: at the
 * address in RAX at the return). */
static void assign_sysv(struct goparam *v, size_t n)
{
	uint64_t sp = 8, ressize = 0;
	int I = 0, FP = 0;

	for (size_t i = 0; i < n; i++)
		if (v[i].is_result && v[i].type)
			ressize += v[i].type->size;
	if (ressize > 16)
		I = 1; /* the hidden result pointer takes RDI */
	for (size_t i = 0; i < n; i++) {
		struct goparam *p = &v[i];
		uint64_t size = p->type ? p->type->size : 8;
		int words = (int)((size + 7) / 8);
		p->has_float = float_in(p->type);
		if (p->is_result) {
			if (ressize > 16) {
				p->in_regs = false;
				p->stack_off = -1;
				p->nwords = words;
			} else {
				p->in_regs = true;
				p->word = 0;
				p->nwords = words;
			}
			continue;
		}
		bool fl = p->has_float;
		if (size <= 16 && !fl && I + words <= SYSV_NI) {
			p->in_regs = true;
			p->word = I;
			p->nwords = words;
			I += words;
		} else if (size <= 16 && fl && FP + words <= SYSV_NFP) {
			p->in_regs = true;
			p->word = -1;
			p->nwords = 0;
			FP += words;
		} else {
			sp = ALIGN_UP(sp, 8);
			assign_stack(p, &sp);
		}
	}
}

/* Parameters of f from DWARF, placed by the binary's ABI. */
int gobin_params(struct gobin *b, const struct gofunc *f,
		 const struct goparam **params, size_t *n)
{
	struct dwarf_state *ds = dwarf_state(b);
	struct param_list *pl;
	Dwarf_Die die, c, td;
	VEC(struct goparam) v = {0};

	*params = NULL;
	*n = 0;
	if (!ds)
		return -ENOENT;
	if ((pl = u64map_get(&ds->params, f->addr))) {
		*params = pl->v;
		*n = pl->n;
		return 0;
	}
	uintptr_t o = (uintptr_t)u64map_get(&ds->func_by_addr, f->addr);
	uint32_t idx;
	if (o) {
		if (!dwarf_offdie(ds->dw, o - 1, &die))
			o = 0;
	} else if (strmap_get(&ds->func_by_name, f->name, &idx) &&
		   dwarf_offdie(ds->dw, ds->offs.v[idx], &die)) {
		o = 1;
	}
	if (!o && ds->corrupt)
		return gobin_errf(b, -ENOENT, "%s: no DWARF entry for it: "
				  "the DWARF of %s is corrupt (%s)", f->name,
				  b->path, ds->corrupt);
	if (!o)
		return gobin_errf(b, -ENOENT, "%s: no DWARF entry for it",
				  f->name);
	if (dwarf_child(&die, &c) == 0) {
		do {
			if (dwarf_tag(&c) != DW_TAG_formal_parameter)
				continue;
			struct goparam p = {0};
			Dwarf_Attribute a;
			bool flag = false;
			const char *name = NULL;
			if (dwarf_attr_integrate(&c, DW_AT_name, &a))
				name = dwarf_formstring(&a);
			p.name = name ? name : "";
			if (dwarf_attr_integrate(&c, DW_AT_variable_parameter,
						 &a))
				dwarf_formflag(&a, &flag);
			p.is_result = flag;
			if (attr_die(&c, DW_AT_type, &td))
				p.type = decode_type(ds, &td, 0);
			vec_push(&v, p);
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	/* gccgo: the results are the function's type. */
	if (b->compiler != GOC_GC && attr_die(&die, DW_AT_type, &td)) {
		struct goparam p = {.name = "~r0", .is_result = true};
		p.type = decode_type(ds, &td, 0);
		vec_push(&v, p);
	}
	switch (b->abi) {
	case GOABI_REG:
		assign_reg_abi(v.v, v.n);
		break;
	case GOABI_STACK:
		assign_stack_abi(v.v, v.n);
		break;
	case GOABI_SYSV:
		assign_sysv(v.v, v.n);
		break;
	}
	pl = arena_alloc(&ds->arena, sizeof(*pl));
	pl->n = v.n;
	pl->v = arena_alloc(&ds->arena, (v.n ? v.n : 1) * sizeof(*pl->v));
	if (v.n)
		memcpy(pl->v, v.v, v.n * sizeof(*v.v));
	vec_free(&v);
	u64map_put(&ds->params, f->addr, pl);
	*params = pl->v;
	*n = pl->n;
	return 0;
}

/* --- inlining --------------------------------------------------------- */

struct inl_walk {
	struct dwarf_state *ds;
	const char *name;
	Dwarf_Die *cu;
	Dwarf_Files *files;
	size_t nfiles;
	const char *outer; /* the function the code is in */
	VEC(char *) sites;
};

/* The name of a DIE, following DW_AT_abstract_origin. */
static const char *die_name(Dwarf_Die *die)
{
	Dwarf_Attribute a;

	if (dwarf_attr_integrate(die, DW_AT_name, &a))
		return dwarf_formstring(&a);
	return NULL;
}

/* Visits the children of die, looking for inlined copies of w->name. */
static void inl_visit(struct inl_walk *w, Dwarf_Die *die, int depth)
{
	Dwarf_Die c;

	if (depth > MAX_DEPTH || dwarf_child(die, &c) != 0)
		return;
	do {
		int tag = dwarf_tag(&c);
		if (tag == DW_TAG_inlined_subroutine) {
			const char *n = die_name(&c);
			if (n && strcmp(n, w->name) == 0) {
				uint64_t file = attr_u(&c, DW_AT_call_file, 0);
				uint64_t line = attr_u(&c, DW_AT_call_line, 0);
				const char *fname = NULL;
				if (w->files && file < w->nfiles)
					fname = dwarf_filesrc(w->files, file,
							      NULL, NULL);
				vec_push(&w->sites,
					 xasprintf("%s (%s:%llu)",
						   w->outer ? w->outer : "?",
						   fname ? fname : "?",
						   (unsigned long long)line));
			}
		}
		if (tag == DW_TAG_inlined_subroutine ||
		    tag == DW_TAG_lexical_block)
			inl_visit(w, &c, depth + 1);
	} while (dwarf_siblingof(&c, &c) == 0);
}

/* Without DWARF, was name inlined? gc's .gopclntab keeps, in its
 * function-name table, the names of inlined functions too (the inline
 * trees of their callers refer to them). A name found there that is no
 * function of its own was inlined wherever it was called; which callers,
 * only DWARF or the inline trees tell. */
static bool pcln_names_inlined(struct gobin *b, const char *name)
{
	const uint8_t *t = b->pcln.funcnametab;
	size_t len = strlen(name), size = b->pcln.funcnametab_size;

	if (!b->has_pcln || b->compiler != GOC_GC || !t || !len ||
	    gobin_find(b, name))
		return false;
	for (size_t i = 0; i + len < size;) {
		const uint8_t *p = memmem(t + i, size - i, name, len + 1);
		if (!p)
			return false;
		if (p == t || p[-1] == 0)
			return true;
		i = (size_t)(p - t) + 1;
	}
	return false;
}

/* Where name was inlined: "caller (file:line)" for each copy. */
int gobin_inlined_sites(struct gobin *b, const char *name, char ***sites)
{
	struct dwarf_state *ds = dwarf_state(b);
	struct inl_walk w = {.ds = ds, .name = name};

	*sites = NULL;
	if (!ds) {
		if (!pcln_names_inlined(b, name))
			return -ENOENT;
		*sites = xcalloc(1, sizeof(**sites));
		(*sites)[0] = xstrdup("its callers (without DWARF, this binary "
				      "does not say which)");
		return 1;
	}
	Dwarf_Off off = 0, next;
	size_t hsize;
	while (dwarf_nextcu(ds->dw, off, &next, &hsize, NULL, NULL, NULL) ==
	       0) {
		Dwarf_Die cu, die;
		if (!dwarf_offdie(ds->dw, off + hsize, &cu) ||
		    dwarf_child(&cu, &die) != 0) {
			off = next;
			continue;
		}
		w.cu = &cu;
		w.files = NULL;
		w.nfiles = 0;
		if (dwarf_getsrcfiles(&cu, &w.files, &w.nfiles) != 0)
			w.files = NULL;
		do {
			Dwarf_Addr lo;
			if (dwarf_tag(&die) != DW_TAG_subprogram ||
			    dwarf_lowpc(&die, &lo) != 0)
				continue;
			w.outer = die_name(&die);
			inl_visit(&w, &die, 0);
		} while (dwarf_siblingof(&die, &die) == 0);
		off = next;
	}
	*sites = w.sites.v;
	return (int)w.sites.n;
}

/* --- parameters of inlined copies ------------------------------------ */

struct inl_find {
	const char *name;
	uint64_t pc;
	Dwarf_Die found;
	bool ok;
	bool exact; /* found's low pc is pc */
};

/* The DW_TAG_inlined_subroutine of f->name holding f->pc, deepest first
 * (a copy inside a copy of another function). */
static void inl_find_visit(struct inl_find *f, Dwarf_Die *die, int depth)
{
	Dwarf_Die c;

	if (depth > MAX_DEPTH || dwarf_child(die, &c) != 0)
		return;
	do {
		int tag = dwarf_tag(&c);
		if (tag != DW_TAG_inlined_subroutine && tag != DW_TAG_lexical_block)
			continue;
		if (dwarf_haspc(&c, f->pc) <= 0)
			continue;
		if (tag == DW_TAG_inlined_subroutine) {
			const char *n = die_name(&c);
			Dwarf_Addr lo;
			bool exact = dwarf_lowpc(&c, &lo) == 0 && lo == f->pc;
			if (n && !strcmp(n, f->name) && (!f->ok || exact || !f->exact)) {
				f->found = c;
				f->ok = true;
				f->exact = exact;
			}
		}
		inl_find_visit(f, &c, depth + 1);
	} while (dwarf_siblingof(&c, &c) == 0);
}

/* Reads a location expression into p->parts. */
static void read_location(struct goinlparam *p, const Dwarf_Op *ops, size_t nops)
{
	struct golocpart cur = { .reg = -2 }; /* -2: nothing yet */
	p->nparts = 0;
	p->found = false;
	if (!nops) {
		p->why = "DWARF gives no location for it there";
		return;
	}
	for (size_t i = 0; i < nops; i++) {
		uint8_t op = ops[i].atom;
		if (op >= DW_OP_reg0 && op <= DW_OP_reg31) {
			cur.reg = op - DW_OP_reg0;
		} else if (op == DW_OP_regx) {
			cur.reg = (int)ops[i].number;
		} else if (op == DW_OP_fbreg) {
			cur.reg = -1;
			cur.cfa_off = (int64_t)ops[i].number;
		} else if (op == DW_OP_call_frame_cfa) {
			cur.reg = -1;
			cur.cfa_off = 0;
		} else if (op == DW_OP_piece) {
			if (cur.reg == -2) {
				p->why = "DWARF knows only some of its parts there";
				return;
			}
			if (p->nparts == GOLOC_MAX_PARTS) {
				p->why = "it has too many parts";
				return;
			}
			cur.size = (uint32_t)ops[i].number;
			p->parts[p->nparts++] = cur;
			cur.reg = -2;
		} else {
			p->why = "its DWARF location is an expression gotrace does not evaluate";
			return;
		}
	}
	if (cur.reg != -2) {
		if (p->nparts) {
			p->why = "its DWARF location is an expression gotrace does not evaluate";
			return;
		}
		cur.size = p->type && p->type->size ? (uint32_t)p->type->size : 8;
		if (cur.reg >= 0 && cur.size > 8) {
			/* Go sometimes names one register for a value of
			 * several words: the other words are unknown */
			p->why = "DWARF names one register for a value of several words";
			return;
		}
		p->parts[p->nparts++] = cur;
	}
	for (int i = 0; i < p->nparts; i++)
		if (p->parts[i].reg > 16) {
			p->why = "it is in a register uprobes cannot read (a vector register)";
			return;
		}
	p->found = p->nparts > 0;
	if (!p->found)
		p->why = "DWARF gives no location for it there";
}

int gobin_inlined_params(struct gobin *b, const struct goinline *c,
			 const struct goinlparam **params, size_t *n)
{
	struct dwarf_state *ds = dwarf_state(b);
	Dwarf_Die die, ch;
	VEC(struct goinlparam) v = {0};

	*params = NULL;
	*n = 0;
	if (!ds)
		return -ENODATA; /* the message says there is no DWARF */
	uintptr_t o = (uintptr_t)u64map_get(&ds->func_by_addr, c->func_addr);
	if (!o || !dwarf_offdie(ds->dw, o - 1, &die))
		return gobin_errf(b, -ENOENT, "%s: no DWARF entry for it", c->func);
	struct inl_find f = { .name = c->name, .pc = c->addr };
	inl_find_visit(&f, &die, 0);
	if (!f.ok)
		return gobin_errf(b, -ENOENT, "no DWARF entry for the copy of %s inlined into %s at 0x%llx",
				  c->name, c->func, (unsigned long long)c->addr);
	if (dwarf_child(&f.found, &ch) == 0) {
		do {
			if (dwarf_tag(&ch) != DW_TAG_formal_parameter)
				continue;
			struct goinlparam p = {0};
			Dwarf_Die td;
			Dwarf_Attribute a;
			Dwarf_Op *ops;
			size_t nops = 0;
			const char *nm = die_name(&ch);
			p.name = nm ? nm : "";
			if (attr_die(&ch, DW_AT_type, &td))
				p.type = decode_type(ds, &td, 0);
			if (!dwarf_attr(&ch, DW_AT_location, &a)) {
				p.why = "DWARF gives no location for it";
			} else {
				int k = dwarf_getlocation_addr(&a, c->addr, &ops, &nops, 1);
				if (k <= 0)
					p.why = "DWARF's location list does not cover the copy's first instruction";
				else
					read_location(&p, ops, nops);
			}
			vec_push(&v, p);
		} while (dwarf_siblingof(&ch, &ch) == 0);
	}
	/* parameters the copy does not list: the abstract function has them */
	Dwarf_Die abs;
	if (attr_die(&f.found, DW_AT_abstract_origin, &abs) && dwarf_child(&abs, &ch) == 0) {
		do {
			const char *nm = dwarf_tag(&ch) == DW_TAG_formal_parameter ? die_name(&ch) : NULL;
			bool have = false;
			Dwarf_Attribute a;
			bool result = false;
			if (!nm)
				continue;
			if (dwarf_attr_integrate(&ch, DW_AT_variable_parameter, &a))
				dwarf_formflag(&a, &result);
			for (size_t i = 0; i < v.n && !have; i++)
				have = !strcmp(v.v[i].name, nm);
			if (have || result)
				continue;
			struct goinlparam p = { .name = nm, .why = "DWARF gives no location for it at this copy" };
			Dwarf_Die td;
			if (attr_die(&ch, DW_AT_type, &td))
				p.type = decode_type(ds, &td, 0);
			vec_push(&v, p);
		} while (dwarf_siblingof(&ch, &ch) == 0);
	}
	struct goinlparam *out = arena_alloc(&ds->arena, (v.n ? v.n : 1) * sizeof(*out));
	if (v.n)
		memcpy(out, v.v, v.n * sizeof(*out));
	*params = out;
	*n = v.n;
	vec_free(&v);
	return 0;
}

/* x86-64's DWARF register number of RSP. */
#define DWARF_REG_RSP 7

int gobin_cfi_ret_off(struct gobin *b, uint64_t pc, int64_t *off)
{
	if (!b->cfi_tried) {
		b->cfi_tried = true;
		b->cfi = dwarf_getcfi_elf(b->elf);
	}
	Dwarf_Frame *fr;
	if (!b->cfi || dwarf_cfi_addrframe(b->cfi, pc, &fr) != 0)
		return -ENOENT;
	Dwarf_Op *ops;
	size_t nops;
	int rc = -ENOENT;
	/* the rule "CFA = register + offset" comes as one DW_OP_bregx */
	if (dwarf_frame_cfa(fr, &ops, &nops) == 0 && nops == 1 && ops[0].atom == DW_OP_bregx &&
	    ops[0].number == DWARF_REG_RSP && (int64_t)ops[0].number2 >= 8) {
		*off = (int64_t)ops[0].number2 - 8;
		rc = 0;
	}
	free(fr);
	return rc;
}
