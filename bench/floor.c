/* bench/floor CMD [ARGS]: the least a ptrace tracer can do.  It stops the
 * command at every system call entry and exit (PTRACE_SYSCALL) and looks
 * at nothing; a decoding tracer is measured against it as a ratio. */
#include <signal.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int status;
	pid_t child;

	if (argc < 2) {
		fputs("usage: floor CMD [ARGS...]\n", stderr);
		return 2;
	}
	child = fork();
	if (child == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	waitpid(child, &status, 0);
	ptrace(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
	ptrace(PTRACE_SYSCALL, child, 0, 0);
	while (waitpid(child, &status, 0) == child && WIFSTOPPED(status)) {
		int sig = WSTOPSIG(status);

		/* pass real signals on, swallow the syscall stops */
		ptrace(PTRACE_SYSCALL, child, 0,
		       sig == (SIGTRAP | 0x80) || sig == SIGTRAP ? 0 : sig);
	}
	return 0;
}
