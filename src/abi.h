/* ttrace - the ABIs a tracee can use, described as data.
 *
 * An x86_64 kernel runs x86_64 and i386 programs; a thread can even switch
 * between them (int $0x80 from 64-bit code).  Each ABI is one const
 * descriptor in arch/NAME/, and core code iterates over tt_abis[] instead of
 * naming an architecture.
 */
#ifndef TTRACE_ABI_H
#define TTRACE_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tt_syscall;

/* The raw facts of one syscall stop, whichever way they were obtained. */
struct tt_regs_view {
	long nr;		/* syscall number at entry */
	uint64_t args[6];	/* arguments, already cut to the ABI's width */
	int64_t rval;		/* return value at exit, as the register holds
				 * it (tt_abi_rval makes it the call's) */
};

struct tt_abi {
	const char *name;		/* "x86_64", "i386": as in JSON */
	uint32_t audit_arch;		/* PTRACE_GET_SYSCALL_INFO's arch */
	unsigned bits;			/* 64 or 32: "runs in N bit mode" */
	unsigned ptr_size;		/* bytes in a user pointer */
	const struct tt_syscall *table;	/* indexed by syscall number */
	unsigned nsyscalls;
	long restart_nr;		/* restart_syscall's number */
	/* A bit of a call's number that marks another ABI entering the
	 * same way, which ttrace does not trace (x86_64: x32's
	 * __X32_SYSCALL_BIT), and that ABI's name.  Such a number is beyond
	 * the table: no row shows it, no filter rule stops at it. */
	uint32_t other_bit;
	const char *other_name;
	/* Calls the tracer must always stop at, whatever is selected (the
	 * seccomp filter lets everything else run): execve, execveat. */
	const long *always;
	unsigned nalways;
	/* Calls that change the memory map (mmap, munmap, mprotect, brk,
	 * mremap): with -k the tracer stops at them too, and after one
	 * succeeded the stack unwinder reads the maps again. */
	const long *maps_calls;
	unsigned nmaps_calls;
	/* Fallback when PTRACE_GET_SYSCALL_INFO is missing: the size of the
	 * NT_PRSTATUS regset tells the ABI, and these read it. */
	size_t regset_size;
	void (*regs_entry)(const void *regs, struct tt_regs_view *out);
	void (*regs_exit)(const void *regs, struct tt_regs_view *out);
	/* In an NT_PRSTATUS regset of the ABI's layout, at a call's entry:
	 * the call is skipped (number -1) and returns rval, as the kernel
	 * fails a SECCOMP_RET_TRACE call no tracer asked to see. */
	void (*regs_skip)(void *regs, int64_t rval);
};

extern const struct tt_abi tt_abi_x86_64;
extern const struct tt_abi tt_abi_i386;

/* All ABIs, native first; NULL-terminated. */
extern const struct tt_abi *const tt_abis[];

#define TT_ABI_NATIVE (&tt_abi_x86_64)

const struct tt_abi *tt_abi_by_audit_arch(uint32_t arch);
const struct tt_abi *tt_abi_by_regset_size(size_t size);
const struct tt_syscall *tt_abi_syscall(const struct tt_abi *abi, long nr);
/* The name of the ABI not traced whose call nr is (other_bit set), or
 * NULL. */
const char *tt_abi_other(const struct tt_abi *abi, long nr);
/* A call's return value as the ABI's calls return it: a 32-bit ABI's is
 * the low half of the register, sign-extended. */
int64_t tt_abi_rval(const struct tt_abi *abi, int64_t raw);

/* Argument registers as the ABI's calls see them: an i386 argument is the
 * low half of ebx .. ebp, whatever the upper half holds. */
void tt_abi_args(const struct tt_abi *abi, const uint64_t in[6],
		 uint64_t out[6]);

/* Is nr one of the ABI's maps_calls? */
bool tt_abi_changes_maps(const struct tt_abi *abi, long nr);

/* One past the largest address the ABI's pointers can name. */
uint64_t tt_abi_addr_limit(const struct tt_abi *abi);

#endif
