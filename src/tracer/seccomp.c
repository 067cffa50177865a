/* ttrace - the seccomp prefilter.
 *
 * Without it, ptrace stops a tracee at every system call, twice; a program
 * that makes a hundred untraced calls for each timer call pays two hundred
 * useless stops.  One BPF program covers both ABIs: it dispatches on
 * seccomp_data.arch (an x86_64 task entering through int $0x80 reports
 * AUDIT_ARCH_I386, with i386 numbers), compares the number with the
 * selected rows of that ABI's table, and returns SECCOMP_RET_TRACE for
 * them (with TT_SECCOMP_DATA, which tells its stops from those of a filter
 * the tracee installs itself), SECCOMP_RET_ALLOW for everything else.  With -k it traps the
 * ABI's calls that change the memory map as well (abi->maps_calls): the
 * stack unwinder reads the maps again after one.
 *
 * The kernel reports the syscall-entry stop before it runs the filter, so
 * a tracee resumed with PTRACE_CONT stops only at the filter
 * (PTRACE_EVENT_SECCOMP, which ttrace treats as the entry); PTRACE_SYSCALL
 * from there gives the exit stop.  RET_TRACE without a tracer makes the
 * call fail with ENOSYS: a filtered tracee must never be detached.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "abi.h"
#include "options.h"
#include "seccomp.h"
#include "select.h"
#include "syscall.h"

#define MAX_INSNS 256

struct prog {
	struct sock_filter insn[MAX_INSNS];
	unsigned n;
	int overflow;
};

static void emit(struct prog *p, struct sock_filter f)
{
	if (p->n < MAX_INSNS)
		p->insn[p->n++] = f;
	else
		p->overflow = 1;
}

static int traced(const struct tt_abi *abi, long nr)
{
	if (nr == abi->restart_nr || tt_selected(abi, nr))
		return 1;
	for (unsigned i = 0; i < abi->nalways; i++)
		if (abi->always[i] == nr)
			return 1;
	/* -k reads the maps again after a call that changed them. */
	return tt_opt.stack && tt_abi_changes_maps(abi, nr);
}

/* One ABI's block: "load nr; jeq n1 .. jeq nk -> trace; allow; trace". */
static void emit_abi_block(struct prog *p, const struct tt_abi *abi)
{
	long nrs[MAX_INSNS];
	unsigned k = 0;

	for (long nr = 0; nr < (long)abi->nsyscalls && k < MAX_INSNS; nr++)
		if (traced(abi, nr))
			nrs[k++] = nr;
	for (unsigned i = 0; i < abi->nalways && k < MAX_INSNS; i++)
		if (abi->always[i] >= (long)abi->nsyscalls)
			nrs[k++] = abi->always[i];
	if (k > 250) {		/* jump offsets are 8-bit */
		p->overflow = 1;
		return;
	}
	emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					     offsetof(struct seccomp_data, nr)));
	if (abi->nr_flags)	/* x32's calls are x86_64's, numbered apart */
		emit(p, (struct sock_filter)BPF_STMT(BPF_ALU | BPF_AND | BPF_K,
						     ~abi->nr_flags));
	for (unsigned i = 0; i < k; i++)
		emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						     (uint32_t)nrs[i],
						     (uint8_t)(k - i), 0));
	emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
	emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
					     SECCOMP_RET_TRACE | TT_SECCOMP_DATA));
}

bool tt_seccomp_own_stop(const struct tt_abi *abi, long nr, unsigned long data)
{
	return abi && data == TT_SECCOMP_DATA && traced(abi, tt_abi_nr(abi, nr));
}

int tt_seccomp_install(void)
{
	static struct prog p;
	struct sock_fprog fprog;

	p.n = 0;
	emit(&p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					      offsetof(struct seccomp_data, arch)));
	for (unsigned a = 0; tt_abis[a]; a++) {
		unsigned jump_at = p.n;

		/* if arch != this ABI's, skip its block */
		emit(&p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						      tt_abis[a]->audit_arch, 0, 0));
		emit_abi_block(&p, tt_abis[a]);
		if (p.n - jump_at - 1 > 255)
			p.overflow = 1;
		p.insn[jump_at].jf = (uint8_t)(p.n - jump_at - 1);
		/* the block ends in returns: reload the arch for the next */
		emit(&p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						      offsetof(struct seccomp_data, arch)));
	}
	emit(&p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
	if (p.overflow) {
		errno = E2BIG;
		return -1;
	}
	fprog.len = (unsigned short)p.n;
	fprog.filter = p.insn;
	/* Root may install a filter as it is; others need no_new_privs. */
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0)
		return 0;
	if (errno != EACCES)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog);
}
