/* regs.h - x86-64 registers as struct pt_regs holds them. */
#ifndef GOTRACE_REGS_H
#define GOTRACE_REGS_H

#include <stddef.h>
#include <stdint.h>

struct reg_info {
	const char *name;
	uint32_t off; /* byte offset in struct pt_regs */
};

const struct reg_info *reg_find(const char *name);
size_t reg_names(const char **out, size_t max);

/* Offsets used directly by code generation. */
enum {
	PTREGS_R15 = 0, PTREGS_R14 = 8, PTREGS_R13 = 16, PTREGS_R12 = 24,
	PTREGS_BP = 32, PTREGS_BX = 40, PTREGS_R11 = 48, PTREGS_R10 = 56,
	PTREGS_R9 = 64, PTREGS_R8 = 72, PTREGS_AX = 80, PTREGS_CX = 88,
	PTREGS_DX = 96, PTREGS_SI = 104, PTREGS_DI = 112, PTREGS_ORIG_AX = 120,
	PTREGS_IP = 128, PTREGS_CS = 136, PTREGS_FLAGS = 144, PTREGS_SP = 152,
	PTREGS_SS = 160,
};

/* Integer argument registers of the calling conventions, as offsets. */
extern const uint32_t abi_go_regs[9];	/* RAX RBX RCX RDI RSI R8 R9 R10 R11 */
extern const uint32_t abi_sysv_regs[6]; /* RDI RSI RDX RCX R8 R9 */

#endif
