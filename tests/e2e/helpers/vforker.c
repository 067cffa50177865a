/* vforker - vfork children, one after the other:
 *
 *   vforker PROG [ARGS...]
 *
 * Main sleeps CLOCK_REALTIME 1000 ns; a vfork child makes a raw
 * clock_nanosleep(CLOCK_MONOTONIC, 2000 ns) and _exits 3 (the parent is
 * suspended meanwhile); main sleeps 3000 ns; a vfork child execs PROG
 * ARGS (127 if it cannot); main sleeps 5000 ns and exits 0.  Prints
 * "vfork PID" for each child on stdout, after the child is reaped.
 */
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap(clockid_t clock, long ns)
{
	struct timespec ts = { 0, ns };

	syscall(SYS_clock_nanosleep, clock, 0, &ts, NULL);
}

int main(int argc, char **argv)
{
	struct timespec ts = { 0, 2000 };
	pid_t pid;

	if (argc < 2)
		return 99;
	nap(CLOCK_REALTIME, 1000);
	pid = vfork();
	if (pid == 0) {
		/* Inline: the child shares the parent's stack. */
		syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
		_exit(3);
	}
	waitpid(pid, NULL, 0);
	dprintf(1, "vfork %d\n", (int)pid);
	nap(CLOCK_REALTIME, 3000);
	pid = vfork();
	if (pid == 0) {
		execv(argv[1], argv + 1);
		_exit(127);
	}
	waitpid(pid, NULL, 0);
	dprintf(1, "vfork %d\n", (int)pid);
	nap(CLOCK_REALTIME, 5000);
	return 0;
}
