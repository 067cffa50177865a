/* bench/floor [--seccomp] CMD [ARGS]: the least a ptrace tracer can do.
 *
 * Plain: it stops the command at every system call entry and exit
 * (PTRACE_SYSCALL) and looks at nothing.  --seccomp: the command runs
 * under a filter that returns SECCOMP_RET_TRACE for every call; the
 * tracer resumes it with PTRACE_CONT, takes the seccomp stop as the entry
 * and PTRACE_SYSCALL from there for the exit, the two stops per traced
 * call that ttrace's default mode makes.  A decoding tracer is measured
 * against the floor of its own mode, as a ratio. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int trace_every_call(void)
{
	struct sock_filter all[] = {
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
	};
	struct sock_fprog prog = { 1, all };

	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

int main(int argc, char **argv)
{
	int status, filtered = argc > 1 && strcmp(argv[1], "--seccomp") == 0;
	char **cmd = argv + 1 + filtered;
	pid_t child;

	if (!cmd[0]) {
		fputs("usage: floor [--seccomp] CMD [ARGS...]\n", stderr);
		return 2;
	}
	child = fork();
	if (child == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		/* after the stop: the tracer has set TRACESECCOMP */
		if (filtered && trace_every_call() < 0)
			_exit(126);
		execvp(cmd[0], cmd);
		_exit(127);
	}
	waitpid(child, &status, 0);
	ptrace(PTRACE_SETOPTIONS, child, 0,
	       PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL | PTRACE_O_TRACESECCOMP);
	ptrace(filtered ? PTRACE_CONT : PTRACE_SYSCALL, child, 0, 0);
	while (waitpid(child, &status, 0) == child && WIFSTOPPED(status)) {
		int sig = WSTOPSIG(status), request = PTRACE_SYSCALL;

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
