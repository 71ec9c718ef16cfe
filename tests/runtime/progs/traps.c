/* traps: functions whose first instruction the kernel's x86 uprobes
 * refuse (it cannot step over them), next to ordinary ones; main sleeps
 * so that a tracer attaches while the file is mapped (the kernel checks
 * the instruction then). None of the odd functions is ever called. */
#include <unistd.h>

#define ODD(name, bytes)                                                       \
	__attribute__((naked, noinline, used)) void name(void)                 \
	{                                                                      \
		__asm__(".byte " bytes "\n ret");                              \
	}
ODD(t_d6, "0xd6")		/* an undefined opcode */
ODD(t_iret, "0x48, 0xcf")	/* iretq */
ODD(t_lock, "0xf0, 0x90")	/* lock nop */
ODD(t_ok1, "0x90")		/* nop: fine */
ODD(t_ok2, "0x0f, 0x1f, 0x00")	/* nopl: fine */

int main(int argc, char **argv)
{
	sleep(argc > 1 ? 30 : 3);
	return 0;
}
