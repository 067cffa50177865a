/* swarm - many threads or processes at once, for the fault tests.
 *
 *   swarm threads N        N threads at once, thread i (1..N) sleeps
 *                          CLOCK_MONOTONIC 1000+i ns once and exits;
 *                          main joins them all, exits 0.
 *   swarm forks N BATCH    N children, BATCH alive at a time: child i
 *                          (1..N) sleeps CLOCK_REALTIME 100000+i ns and
 *                          exits 7; main reaps them all, exits 0.
 *   swarm loop N NSEC LOG  N threads (main included) loop forever in
 *                          CLOCK_MONOTONIC sleeps of NSEC, each appending
 *                          "H PID TID" to LOG after every sleep (and
 *                          "T PID TID" once before the first).
 *
 * Every sleep is a raw clock_nanosleep, so it is traced as such.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long loop_nsec;
static int logfd = -1;

static void nap(clockid_t clock, long ns)
{
	struct timespec ts = { ns / 1000000000, ns % 1000000000 };

	syscall(SYS_clock_nanosleep, clock, 0, &ts, NULL);
}

static void *once(void *arg)
{
	nap(CLOCK_MONOTONIC, 1000 + (long)arg);
	return NULL;
}

static void *forever(void *arg)
{
	char buf[64];
	int n;

	(void)arg;
	n = snprintf(buf, sizeof(buf), "T %d %ld\n", (int)getpid(),
		     (long)syscall(SYS_gettid));
	if (write(logfd, buf, (size_t)n) != n)
		_exit(99);
	buf[0] = 'H';
	for (;;) {
		nap(CLOCK_MONOTONIC, loop_nsec);
		if (write(logfd, buf, (size_t)n) != n)
			_exit(99);
	}
	return NULL;
}

/* n threads of fn; with forever, main is the n-th and never returns. */
static int threads(long n, void *(*fn)(void *))
{
	long made = fn == forever ? n - 1 : n;
	pthread_t *th = calloc((size_t)n, sizeof(*th));

	if (!th)
		return 99;
	for (long i = 1; i <= made; i++)
		if (pthread_create(&th[i - 1], NULL, fn, (void *)i))
			return 99;
	if (fn == forever)
		forever(NULL);
	for (long i = 1; i <= made; i++)
		pthread_join(th[i - 1], NULL);
	return 0;
}

static int forks(long n, long batch)
{
	long alive = 0;

	for (long i = 1; i <= n; i++) {
		pid_t pid;

		if (alive == batch) {
			if (wait(NULL) < 0)
				return 99;
			alive--;
		}
		pid = fork();
		if (pid < 0)
			return 99;
		if (pid == 0) {
			nap(CLOCK_REALTIME, 100000 + i);
			_exit(7);
		}
		alive++;
	}
	while (alive-- > 0)
		if (wait(NULL) < 0)
			return 99;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "threads"))
		return threads(atol(argv[2]), once);
	if (argc == 4 && !strcmp(argv[1], "forks"))
		return forks(atol(argv[2]), atol(argv[3]));
	if (argc == 5 && !strcmp(argv[1], "loop")) {
		loop_nsec = atol(argv[3]);
		logfd = open(argv[4], O_WRONLY | O_CREAT | O_APPEND, 0644);
		if (logfd < 0)
			return 99;
		return threads(atol(argv[2]), forever);
	}
	fprintf(stderr, "usage: swarm threads N | forks N BATCH | loop N NSEC LOG\n");
	return 99;
}
