/* i386 on an x86_64 kernel: the syscall table and register access. */
#include <linux/audit.h>
#include <stdint.h>

#include "abi.h"
#include "syscall.h"

/* execve, execveat */
static const long always[] = { 11, 358 };

/* old mmap, munmap, brk, mprotect, mremap, mmap2 */
static const long maps_calls[] = { 90, 91, 45, 125, 163, 192 };

static const struct tt_syscall table[] = {
#include "syscalls.h"
};

/* struct user_regs_struct of a 32-bit task, as NT_PRSTATUS hands it to a
 * 64-bit tracer for a task in compat mode (arch/x86/include/asm/user_32.h). */
struct i386_user_regs {
	uint32_t ebx, ecx, edx, esi, edi, ebp, eax;
	uint32_t xds, xes, xfs, xgs, orig_eax;
	uint32_t eip, xcs, eflags, esp, xss;
};

/* The syscall ABI: nr in orig_eax, arguments in ebx, ecx, edx, esi, edi,
 * ebp, result in eax. */
static void regs_entry(const void *p, struct tt_regs_view *out)
{
	const struct i386_user_regs *r = p;

	out->nr = (int32_t)r->orig_eax;
	out->args[0] = r->ebx;
	out->args[1] = r->ecx;
	out->args[2] = r->edx;
	out->args[3] = r->esi;
	out->args[4] = r->edi;
	out->args[5] = r->ebp;
}

static void regs_exit(const void *p, struct tt_regs_view *out)
{
	const struct i386_user_regs *r = p;

	out->nr = (int32_t)r->orig_eax;
	out->rval = r->eax;
}

/* orig_eax -1: the kernel reads the number sign-extended (putreg32). */
static void regs_skip(void *p, int64_t rval)
{
	struct i386_user_regs *r = p;

	r->orig_eax = UINT32_MAX;
	r->eax = (uint32_t)rval;
}

const struct tt_abi tt_abi_i386 = {
	.name = "i386",
	.audit_arch = AUDIT_ARCH_I386,
	.bits = 32,
	.ptr_size = 4,
	.table = table,
	.nsyscalls = sizeof(table) / sizeof(table[0]),
	.restart_nr = 0,
	.always = always,
	.nalways = sizeof(always) / sizeof(always[0]),
	.maps_calls = maps_calls,
	.nmaps_calls = sizeof(maps_calls) / sizeof(maps_calls[0]),
	.regset_size = sizeof(struct i386_user_regs),
	.regs_entry = regs_entry,
	.regs_exit = regs_exit,
	.regs_skip = regs_skip,
};
