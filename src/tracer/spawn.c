/* ttrace - starting a command: found in PATH as execvp would, refused
 * early when the kernel will not run it, the seccomp filter put in before
 * it is seized, then traced until it exits. */
#include <fcntl.h>
#include <limits.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sys/stat.h>

#include "elfinfo.h"
#include "error.h"
#include "options.h"
#include "seccomp.h"
#include "tcb.h"
#include "tracer.h"
#include "tracer/internal.h"

/* --- starting a command ------------------------------------------------ */

/* Finds prog in PATH the way execvp would; returns 0 and the path, or the
 * shell's exit status for a command it cannot run (127 not found, 126 not
 * executable) after saying why. */
static int resolve_program(const char *prog, char *out, size_t size)
{
	const char *path = getenv("PATH");
	struct stat st;
	int found_err = ENOENT;

	if (strchr(prog, '/')) {
		if (stat(prog, &st) < 0) {
			tt_perror("cannot run '%s'", prog);
			return 127;
		}
		if (S_ISDIR(st.st_mode) || access(prog, X_OK) < 0) {
			tt_error("cannot run '%s': %s", prog,
				 S_ISDIR(st.st_mode) ? strerror(EISDIR)
						     : strerror(EACCES));
			return 126;
		}
		snprintf(out, size, "%s", prog);
		return 0;
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; ; ) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);

		snprintf(out, size, "%.*s%s%s", (int)len, p, len ? "/" : "",
			 prog);
		if (stat(out, &st) == 0 && !S_ISDIR(st.st_mode)) {
			if (access(out, X_OK) == 0)
				return 0;
			found_err = EACCES;
		}
		if (!colon)
			break;
		p = colon + 1;
	}
	tt_error("cannot run '%s': %s", prog,
		 found_err == ENOENT ? "command not found" : strerror(found_err));
	return found_err == ENOENT ? 127 : 126;
}

/* In the child: default signal handling, the filter put in while nothing
 * traces it yet (so the result can be written without a ptrace stop in
 * the way), its result on report, a stop until ttrace has seized it, then
 * the program. */
static __attribute__((noreturn)) void child(const char *path, char **argv,
					   int report)
{
	int err = 0;

	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGALRM, SIG_DFL);
	if (tt_opt.seccomp && tt_seccomp_install() < 0)
		err = errno ? errno : EINVAL;
	if (write(report, &err, sizeof(err)) != sizeof(err))
		_exit(127);
	close(report);
	raise(SIGSTOP);
	execv(path, argv);
	tt_perror("cannot run '%s'", argv[0]);
	_exit(errno == ENOENT ? 127 : 126);
}

/* Seizes the stopped child pid, whose filter result comes on report, and
 * lets it go on; false (after saying why, the child gone) if it cannot. */
static bool seize(pid_t pid, int report)
{
	int status, filter_err = 0;

	if (read(report, &filter_err, sizeof(filter_err)) != sizeof(filter_err))
		filter_err = EIO;
	close(report);
	if (tt_opt.seccomp) {
		tt_tracer.use_seccomp = filter_err == 0;
		if (!tt_tracer.use_seccomp)
			tt_warning("cannot install the seccomp filter (%s): every "
				 "system call will stop the command",
				 strerror(filter_err));
	}
	if (waitpid(pid, &status, WSTOPPED) < 0 || !WIFSTOPPED(status)) {
		tt_error("the command did not start");
		return false;
	}
	if (ptrace(PTRACE_SEIZE, pid, 0,
		   (void *)(long)(TRACE_OPTIONS | PTRACE_O_EXITKILL |
				  (tt_tracer.use_seccomp ? PTRACE_O_TRACESECCOMP : 0))) < 0) {
		tt_perror("cannot trace the command: ptrace(PTRACE_SEIZE)");
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return false;
	}
	tt_tracer.cmd_pid = pid;
	tt_tcb_new(pid, TCB_HIDDEN);
	kill(pid, SIGCONT);
	return true;
}

int tt_trace_command(char **argv)
{
	char path[PATH_MAX], why[256];
	int report[2], r = resolve_program(argv[0], path, sizeof(path));
	pid_t pid;

	if (r)
		return r;
	/* ttrace's own limit, before anything runs: a usage error */
	if (tt_elf_is_x32(path)) {
		tt_error("cannot trace '%s': it is an x32 program, and ttrace "
			 "does not trace x32 (only x86_64 and i386)", argv[0]);
		return 2;
	}
	/* A file the kernel will not run: why, as an exec failure exits. */
	if (tt_exec_refusal(path, tt_ia32_runs, why, sizeof(why))) {
		tt_error("cannot run '%s': %s", argv[0], why);
		return 126;
	}
	if (pipe2(report, O_CLOEXEC) < 0) {
		tt_perror("pipe");
		return 1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		tt_perror("fork");
		return 1;
	}
	if (pid == 0)
		child(path, argv, report[1]);
	close(report[1]);
	if (!seize(pid, report[0]))
		return 1;
	tt_trace_loop();

	if (tt_tracer.cmd_status == -1) {
		/* Detached (a signal, or the output failed): the command runs
		 * on untraced; wait for it, we are its parent. */
		while (waitpid(tt_tracer.cmd_pid, &tt_tracer.cmd_status, 0) < 0 &&
		       errno == EINTR)
			;
	}
	if (tt_tracer.cmd_status == -1)
		return 1;
	if (WIFSIGNALED(tt_tracer.cmd_status))
		return 128 + WTERMSIG(tt_tracer.cmd_status);
	return WEXITSTATUS(tt_tracer.cmd_status);
}
