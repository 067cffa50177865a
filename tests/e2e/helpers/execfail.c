/* execfail - execve calls that fail inside a traced process, which goes
 * on:
 *
 *   execfail PATH
 *
 * Main sleeps CLOCK_REALTIME 1000 ns, execs PATH (which must fail),
 * sleeps 2000 ns; a second thread execs PATH, sleeps CLOCK_MONOTONIC
 * 3000 ns and exits; main, once it is reaped, sleeps 4000 ns and exits
 * with the errno of the first failed execve.  Prints "thread TID".
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static char *path;

static void nap(clockid_t clock, long ns)
{
	struct timespec ts = { 0, ns };

	syscall(SYS_clock_nanosleep, clock, 0, &ts, NULL);
}

static void *worker(void *arg)
{
	char *argv[] = { path, NULL };

	(void)arg;
	dprintf(1, "thread %ld\n", (long)syscall(SYS_gettid));
	execv(path, argv);
	nap(CLOCK_MONOTONIC, 3000);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th;
	int err;

	if (argc != 2)
		return 99;
	path = argv[1];
	nap(CLOCK_REALTIME, 1000);
	execv(path, argv + 1);
	err = errno;
	nap(CLOCK_REALTIME, 2000);
	if (pthread_create(&th, NULL, worker, NULL))
		return 99;
	pthread_join(th, NULL);
	nap(CLOCK_REALTIME, 4000);
	return err;
}
