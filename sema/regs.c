/* regs.c - the register table (sorted by name). */
#include "sema/regs.h"

#include <string.h>

static const struct reg_info regs[] = {
	{ "ax", PTREGS_AX },   { "bp", PTREGS_BP },   { "bx", PTREGS_BX },
	{ "cx", PTREGS_CX },   { "di", PTREGS_DI },   { "dx", PTREGS_DX },
	{ "flags", PTREGS_FLAGS }, { "ip", PTREGS_IP }, { "orig_ax", PTREGS_ORIG_AX },
	{ "r10", PTREGS_R10 }, { "r11", PTREGS_R11 }, { "r12", PTREGS_R12 },
	{ "r13", PTREGS_R13 }, { "r14", PTREGS_R14 }, { "r15", PTREGS_R15 },
	{ "r8", PTREGS_R8 },   { "r9", PTREGS_R9 },   { "si", PTREGS_SI },
	{ "sp", PTREGS_SP },
};

const uint32_t abi_go_regs[9] = { PTREGS_AX, PTREGS_BX, PTREGS_CX,
				  PTREGS_DI, PTREGS_SI, PTREGS_R8,
				  PTREGS_R9, PTREGS_R10, PTREGS_R11 };
const uint32_t abi_sysv_regs[6] = { PTREGS_DI, PTREGS_SI, PTREGS_DX,
				    PTREGS_CX, PTREGS_R8, PTREGS_R9 };

const struct reg_info *reg_find(const char *name)
{
	if (name[0] == 'r' && name[1] && strcmp(name, "r8") && strcmp(name, "r9") &&
	    !(name[1] >= '0' && name[1] <= '9'))
		name++; /* "rax" -> "ax" */
	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if (!strcmp(regs[i].name, name))
			return &regs[i];
	return NULL;
}

size_t reg_names(const char **out, size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]) && k < max; i++)
		out[k++] = regs[i].name;
	return k;
}
