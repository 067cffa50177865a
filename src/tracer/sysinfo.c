/* ttrace - the syscall stops: what call, which ABI, entry or exit
 * (PTRACE_GET_SYSCALL_INFO, or the register set on kernels before 5.3),
 * and the seccomp stops of ttrace's filter or the tracee's own. */
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sys/uio.h>

#include "abi.h"
#include "error.h"
#include "record.h"
#include "render/render.h"
#include "seccomp.h"
#include "syscall_trace.h"
#include "tcb.h"
#include "tracer/internal.h"

/* The ABI a stopped thread is in, from the size of its general registers
 * (the kernel hands a compat task's registers in the i386 layout). */
const struct tt_abi *tt_abi_from_regset(pid_t tid, void *buf, size_t size,
					    size_t *got)
{
	struct iovec iov = { buf, size };

	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0)
		return NULL;
	if (got)
		*got = iov.iov_len;
	return tt_abi_by_regset_size(iov.iov_len);
}

static void set_abi(struct tcb *tcp, const struct tt_abi *abi,
		    const struct tt_timestamps *ts)
{
	if (!abi || abi == tcp->abi)
		return;
	tcp->abi = abi;
	if (!(tcp->flags & TCB_HIDDEN))
		tt_record_abi(tcp, ts);
}

/* --- syscall stops ----------------------------------------------------- */

/* The value a call returned, by the rules of the ABI it was entered in
 * (an execve between 64-bit and 32-bit code changes the stop's). */
static int64_t call_rval(const struct tcb *tcp, const struct tt_abi *abi,
			 int64_t raw)
{
	return tt_abi_rval(tcp->entry_abi ? tcp->entry_abi : abi, raw);
}

/* Without PTRACE_GET_SYSCALL_INFO (Linux < 5.3): the registers, whose
 * layout tells the ABI, and our own idea of entry versus exit.  This
 * misreads int $0x80 from 64-bit code as x86_64.  Returns the number of
 * a call entered (its ABI in tcp->entry_abi), else -1. */
static long syscall_stop_from_regs(struct tcb *tcp,
				   const struct tt_timestamps *ts)
{
	uint64_t regs[64] = { 0 };
	const struct tt_abi *abi = tt_abi_from_regset(tcp->tid, regs, sizeof(regs), NULL);
	struct tt_regs_view view = { 0 };

	if (!abi)
		return -1;
	set_abi(tcp, abi, ts);
	if (!(tcp->flags & TCB_IN_SYSCALL)) {
		abi->regs_entry(regs, &view);
		tt_syscall_enter(tcp, abi, view.nr, view.args, ts);
		return view.nr;
	} else {
		/* The layout the kernel handed back, which an execve from
		 * 64-bit into 32-bit code changes between entry and exit. */
		abi->regs_exit(regs, &view);
		tt_syscall_exit(tcp, call_rval(tcp, abi, view.rval), ts);
	}
	return -1;
}

/* The stop's work, returning as syscall_stop_from_regs; at a seccomp stop
 * read with PTRACE_GET_SYSCALL_INFO, also the filter's SECCOMP_RET_DATA
 * into *ret_data (then *have_data), which saves the PTRACE_GETEVENTMSG
 * that would read it again. */
static long syscall_stop(struct tcb *tcp, uint32_t *ret_data, bool *have_data)
{
	/* Zeroed: valgrind does not know this request fills it. */
	struct __ptrace_syscall_info info = { 0 };
	struct tt_timestamps ts;
	const struct tt_abi *abi;

	tt_now(&ts);
	if (tt_tracer.have_syscall_info) {
		if (ptrace(PTRACE_GET_SYSCALL_INFO, tcp->tid,
			   (void *)sizeof(info), &info) < 0) {
			if (errno == ESRCH)
				return -1;
			tt_tracer.have_syscall_info = false;	/* EIO: old kernel */
		}
	}
	/* Trust the fields only when op matches a syscall stop; a seccomp
	 * stop is the entry of a filtered call. */
	if (!tt_tracer.have_syscall_info || (info.op != PTRACE_SYSCALL_INFO_ENTRY &&
				   info.op != PTRACE_SYSCALL_INFO_EXIT &&
				   info.op != PTRACE_SYSCALL_INFO_SECCOMP)) {
		return syscall_stop_from_regs(tcp, &ts);
	}
	abi = tt_abi_by_audit_arch(info.arch);
	if (!abi)
		return -1;	/* an ABI ttrace does not know: not ours */
	set_abi(tcp, abi, &ts);
	if (info.op != PTRACE_SYSCALL_INFO_EXIT) {
		/* entry and seccomp share the layout: nr, then args */
		const uint64_t *raw = info.op == PTRACE_SYSCALL_INFO_ENTRY ?
			info.entry.args : info.seccomp.args;
		long nr = (long)(info.op == PTRACE_SYSCALL_INFO_ENTRY ?
				 info.entry.nr : info.seccomp.nr);
		uint64_t args[TT_MAX_ARGS];

		if (info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
			*ret_data = info.seccomp.ret_data;
			*have_data = true;
		}
		tt_abi_args(abi, raw, args);
		tt_syscall_enter(tcp, abi, nr, args, &ts);
		return nr;
	} else {
		tt_syscall_exit(tcp, call_rval(tcp, abi, info.exit.rval), &ts);
	}
	return -1;
}

long tt_syscall_stop(struct tcb *tcp)
{
	uint32_t data;
	bool have_data = false;

	return syscall_stop(tcp, &data, &have_data);
}

/* A seccomp stop (only under ttrace's own filter): the entry of a call a
 * filter returned SECCOMP_RET_TRACE for.  If it was not ttrace's filter
 * but the tracee's own (tt_seccomp_own_stop), the call fails with ENOSYS
 * without running, as the kernel makes it fail untraced: number -1, result
 * -ENOSYS.  A traced call is shown once, its exit with that error. */
void tt_seccomp_stop(struct tcb *tcp)
{
	unsigned long data = 0;
	uint32_t info_data = 0;
	bool have_data = false;
	long nr = syscall_stop(tcp, &info_data, &have_data);
	uint64_t regs[64] = { 0 };
	size_t size = 0;
	const struct tt_abi *abi;
	struct iovec iov;

	if (have_data)
		data = info_data;
	else if (ptrace(PTRACE_GETEVENTMSG, tcp->tid, 0, &data) < 0)
		return;
	if (tt_seccomp_own_stop(nr < 0 ? NULL : tcp->entry_abi, nr, data))
		return;
	abi = tt_abi_from_regset(tcp->tid, regs, sizeof(regs), &size);
	if (!abi)
		return;
	abi->regs_skip(regs, -ENOSYS);
	iov.iov_base = regs;
	iov.iov_len = size;
	if (ptrace(PTRACE_SETREGSET, tcp->tid, (void *)NT_PRSTATUS, &iov) < 0 &&
	    errno != ESRCH)
		tt_perror("ptrace(PTRACE_SETREGSET, %d)", (int)tcp->tid);
}

