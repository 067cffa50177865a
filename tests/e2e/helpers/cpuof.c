/* cpuof - the CPU time a command uses.
 *
 *   cpuof CMD [ARGS...]
 *
 * Runs CMD (its stdout and stderr as they are), waits for it and prints
 * the CPU time (user + system) it used, with that of the children it
 * reaped, in microseconds (wait4's rusage: finer than the clock ticks of
 * times(2) or /proc/PID/stat).  Exits with CMD's status, 125 if CMD was
 * killed, 127 if it could not run. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct rusage ru;
	int status;
	pid_t pid;

	if (argc < 2) {
		fputs("usage: cpuof CMD [ARGS...]\n", stderr);
		return 2;
	}
	pid = fork();
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) != pid)
		return 127;
	printf("%ld\n", (long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000L +
	       ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 125;
}
