/* family - a thread, a forked child and a vfork child that execs, one
 * after the other, so that the trace has no interleaving:
 *
 *   family PROG [ARGS...]
 *
 * The main thread sleeps CLOCK_REALTIME 1000 ns; a thread sleeps
 * CLOCK_MONOTONIC 2000 ns and exits; main 3000 ns; a forked child sleeps
 * CLOCK_MONOTONIC 4000 ns and exits 5; main 5000 ns; a vfork child execs
 * PROG ARGS; main 7000 ns, exits 0.  Main waits for each before going on
 * (for the thread, until it is reaped: only then has the tracer seen it
 * go).  Prints "thread TID", "fork PID" and "vfork PID" on stdout.
 */
#include <sched.h>
#include <pthread.h>
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

static void *worker(void *arg)
{
	(void)arg;
	dprintf(1, "thread %ld\n", (long)syscall(SYS_gettid));
	nap(CLOCK_MONOTONIC, 2000);
	return NULL;
}

/* Until /proc/self/task lists the main thread only. */
static void wait_single_thread(void)
{
	for (;;) {
		FILE *f = fopen("/proc/self/status", "r");
		char line[128];
		int n = 0;

		while (f && fgets(line, sizeof(line), f))
			if (sscanf(line, "Threads: %d", &n) == 1)
				break;
		if (f)
			fclose(f);
		if (n == 1)
			return;
		sched_yield();
	}
}

int main(int argc, char **argv)
{
	pthread_t th;
	pid_t pid;

	if (argc < 2)
		return 99;
	nap(CLOCK_REALTIME, 1000);
	if (pthread_create(&th, NULL, worker, NULL))
		return 99;
	pthread_join(th, NULL);
	wait_single_thread();
	nap(CLOCK_REALTIME, 3000);

	pid = fork();
	if (pid == 0) {
		nap(CLOCK_MONOTONIC, 4000);
		_exit(5);
	}
	dprintf(1, "fork %d\n", (int)pid);
	waitpid(pid, NULL, 0);
	nap(CLOCK_REALTIME, 5000);

	pid = vfork();
	if (pid == 0) {
		execv(argv[1], argv + 1);
		_exit(127);
	}
	dprintf(1, "vfork %d\n", (int)pid);
	waitpid(pid, NULL, 0);
	nap(CLOCK_REALTIME, 7000);
	return 0;
}
