/* x86_64: the syscall table and register access. */
#include <linux/audit.h>
#include <sys/user.h>

#include "abi.h"
#include "syscall.h"

/* execve, execveat */
static const long always[] = { 59, 322 };

/* mmap, mprotect, munmap, brk, mremap */
static const long maps_calls[] = { 9, 10, 11, 12, 25 };

static const struct tt_syscall table[] = {
#include "syscalls.h"
};

/* The syscall ABI: nr in orig_rax, arguments in rdi, rsi, rdx, r10, r8,
 * r9, result in rax. */
static void regs_entry(const void *p, struct tt_regs_view *out)
{
	const struct user_regs_struct *r = p;

	out->nr = (long)r->orig_rax;
	out->args[0] = r->rdi;
	out->args[1] = r->rsi;
	out->args[2] = r->rdx;
	out->args[3] = r->r10;
	out->args[4] = r->r8;
	out->args[5] = r->r9;
}

static void regs_exit(const void *p, struct tt_regs_view *out)
{
	const struct user_regs_struct *r = p;

	out->nr = (long)r->orig_rax;
	out->rval = (int64_t)r->rax;
}

static void regs_skip(void *p, int64_t rval)
{
	struct user_regs_struct *r = p;

	r->orig_rax = (unsigned long long)-1;
	r->rax = (unsigned long long)rval;
}

const struct tt_abi tt_abi_x86_64 = {
	.name = "x86_64",
	.audit_arch = AUDIT_ARCH_X86_64,
	.bits = 64,
	.ptr_size = 8,
	.table = table,
	.nsyscalls = sizeof(table) / sizeof(table[0]),
	.restart_nr = 219,
	.other_bit = 0x40000000,	/* __X32_SYSCALL_BIT */
	.other_name = "x32",
	.always = always,
	.nalways = sizeof(always) / sizeof(always[0]),
	.maps_calls = maps_calls,
	.nmaps_calls = sizeof(maps_calls) / sizeof(maps_calls[0]),
	.regset_size = sizeof(struct user_regs_struct),
	.regs_entry = regs_entry,
	.regs_exit = regs_exit,
	.regs_skip = regs_skip,
};
