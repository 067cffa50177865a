/* bench/floor [--seccomp] [--info] [--read|--peek] [--spin[=N]] CMD [ARGS]:
 * the least a ptrace tracer can do.  bench/floor --filter-only CMD [ARGS]:
 * no tracer, CMD under a seccomp filter of one rule.
 *
 * Plain: it stops the command at every system call entry and exit
 * (PTRACE_SYSCALL) and looks at nothing.  --seccomp: the command runs
 * under a filter that returns SECCOMP_RET_TRACE for the three timer calls
 * bench/workload makes (as ttrace's filter does for them) and lets every
 * other call run; the tracer resumes it with PTRACE_CONT, takes the
 * seccomp stop as the entry and PTRACE_SYSCALL from there for the exit,
 * the two stops per traced call that ttrace's default mode makes.  A decoding tracer is measured
 * against the floor of its own mode, as a ratio.
 *
 * --info adds the least a decoding tracer must learn at each stop, one
 * PTRACE_GET_SYSCALL_INFO (which call and its arguments at the entry, the
 * return value at the exit); --read adds one process_vm_readv of 16 bytes
 * at the third argument at the entry and again at the exit (the input
 * struct, and the TOCTOU re-read); --peek the same 16 bytes with two
 * PTRACE_PEEKDATA instead.  These show what the event path costs
 * before any decoding.
 *
 * --spin polls waitpid(WNOHANG) up to N times (20 if not given) before
 * it blocks for the next stop: the floor of a tracer that does not sleep
 * between a resume and a stop that comes at once (a sleeping tracer's
 * wake-up is the largest cost of a stop on an idle machine).
 *
 * --filter-only is the floor of a program that ttrace's filter lets run
 * without a stop: the filter's cost and nothing else. */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

/* SECCOMP_RET_TRACE for the workload's timer calls; every other call
 * runs. */
static int trace_timer_calls(void)
{
	struct sock_filter rules[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_timerfd_settime, 3, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_timer_settime, 2, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clock_nanosleep, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
	};
	struct sock_fprog prog = { sizeof(rules) / sizeof(rules[0]), rules };

	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

/* One rule: SECCOMP_RET_TRACE for clock_nanosleep, which the measured
 * programs do not make (without a tracer it would fail with ENOSYS);
 * every other call runs. */
static int one_rule(void)
{
	struct sock_filter rule[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clock_nanosleep, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { 4, rule };

	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

/* What --info and --read do at one stop. */
static void look(pid_t child, int read_arg, int peek)
{
	/* at the exit, the address remembered from the entry */
	static unsigned long long addr;
	struct __ptrace_syscall_info info;
	unsigned char buf[16];
	struct iovec local = { buf, sizeof(buf) }, remote = { 0, sizeof(buf) };

	if (ptrace(PTRACE_GET_SYSCALL_INFO, child, sizeof(info), &info) <= 0)
		return;
	if (!read_arg)
		return;
	if (info.op == PTRACE_SYSCALL_INFO_ENTRY ||
	    info.op == PTRACE_SYSCALL_INFO_SECCOMP)
		addr = info.entry.args[2];
	remote.iov_base = (void *)(unsigned long)addr;
	if (addr && peek) {
		for (unsigned i = 0; i < sizeof(buf); i += sizeof(long))
			ptrace(PTRACE_PEEKDATA, child, addr + i, 0);
	} else if (addr) {
		process_vm_readv(child, &local, 1, &remote, 1, 0);
	}
}

/* waitpid for child, polling up to spin times first */
static pid_t wait_child(pid_t child, int *status, int spin)
{
	for (int i = 0; i < spin; i++) {
		pid_t pid = waitpid(child, status, WNOHANG);

		if (pid != 0)
			return pid;
	}
	return waitpid(child, status, 0);
}

int main(int argc, char **argv)
{
	int status, filtered = 0, info = 0, read_arg = 0, peek = 0, spin = 0;
	char **cmd = argv + 1;
	pid_t child;

	(void)argc;
	if (*cmd && strcmp(*cmd, "--filter-only") == 0) {
		if (!cmd[1] || one_rule() < 0)
			return 2;
		execvp(cmd[1], cmd + 1);
		return 127;
	}
	for (; *cmd && strncmp(*cmd, "--", 2) == 0; cmd++) {
		if (strcmp(*cmd, "--seccomp") == 0)
			filtered = 1;
		else if (strcmp(*cmd, "--info") == 0)
			info = 1;
		else if (strcmp(*cmd, "--read") == 0)
			info = read_arg = 1;
		else if (strcmp(*cmd, "--peek") == 0)
			info = read_arg = peek = 1;
		else if (strcmp(*cmd, "--spin") == 0)
			spin = 20;
		else if (strncmp(*cmd, "--spin=", 7) == 0)
			spin = atoi(*cmd + 7);
		else
			break;
	}
	if (!cmd[0] || strncmp(cmd[0], "--", 2) == 0) {
		fputs("usage: floor [--seccomp] [--info] [--read|--peek] [--spin[=N]] "
		      "CMD [ARGS...]\n"
		      "       floor --filter-only CMD [ARGS...]\n", stderr);
		return 2;
	}
	child = fork();
	if (child == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		/* after the stop: the tracer has set TRACESECCOMP */
		if (filtered && trace_timer_calls() < 0)
			_exit(126);
		execvp(cmd[0], cmd);
		_exit(127);
	}
	waitpid(child, &status, 0);
	ptrace(PTRACE_SETOPTIONS, child, 0,
	       PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL | PTRACE_O_TRACESECCOMP);
	ptrace(filtered ? PTRACE_CONT : PTRACE_SYSCALL, child, 0, 0);
	while (wait_child(child, &status, spin) == child && WIFSTOPPED(status)) {
		int sig = WSTOPSIG(status), request = PTRACE_SYSCALL;

		if (status >> 16 == PTRACE_EVENT_SECCOMP || sig == (SIGTRAP | 0x80))
			if (info)
				look(child, read_arg, peek);
		if (status >> 16 == PTRACE_EVENT_SECCOMP)
			sig = 0;			/* entry: on to the exit */
		else if (sig == (SIGTRAP | 0x80))
			sig = 0, request = filtered ? PTRACE_CONT : PTRACE_SYSCALL;
		else if (sig == SIGTRAP)
			sig = 0;
		ptrace(request, child, 0, sig);
	}
	return 0;
}
