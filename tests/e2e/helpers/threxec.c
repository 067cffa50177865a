/* threxec - a non-leader thread execs while the others sleep.
 *
 *   threxec PROG [ARGS...]
 *
 * The main thread sleeps CLOCK_REALTIME 5 s; a second thread sleeps
 * CLOCK_MONOTONIC 5 s; a third sleeps CLOCK_MONOTONIC 20 ms, then execs
 * PROG ARGS (once the two others are asleep).  Prints "sleeper TID" and
 * "execer TID" on stdout.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static char **prog;

static void nap(clockid_t clock, long sec, long ns)
{
	struct timespec ts = { sec, ns };

	syscall(SYS_clock_nanosleep, clock, 0, &ts, NULL);
}

static void *sleeper(void *arg)
{
	(void)arg;
	dprintf(1, "sleeper %ld\n", (long)syscall(SYS_gettid));
	nap(CLOCK_MONOTONIC, 5, 0);
	return NULL;
}

static void *execer(void *arg)
{
	(void)arg;
	dprintf(1, "execer %ld\n", (long)syscall(SYS_gettid));
	nap(CLOCK_MONOTONIC, 0, 20000000);
	execv(prog[0], prog);
	_exit(97);
}

int main(int argc, char **argv)
{
	pthread_t a, b;

	if (argc < 2)
		return 99;
	prog = argv + 1;
	if (pthread_create(&a, NULL, sleeper, NULL) ||
	    pthread_create(&b, NULL, execer, NULL))
		return 99;
	nap(CLOCK_REALTIME, 5, 0);
	return 98;
}
