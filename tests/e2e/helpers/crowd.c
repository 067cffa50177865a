/* crowd - many threads at once, for the tracer's fairness and attach races.
 *
 *   crowd [-t THREADS] [-d SECONDS] [-s NSEC] [-c] [-r FILE]
 *
 * THREADS threads (default 100, the main one not counted) each loop raw
 * clock_nanosleep(CLOCK_MONOTONIC, 0, {NSEC}, NULL) (default 1 ms) until
 * SECONDS have passed since the last of them started (0: forever).  With
 * -c, one more thread creates and joins short-lived threads nonstop (each
 * makes one 1 us sleep and exits): a process whose thread list never
 * holds still.  With -r, "ready PID TID" is written to FILE once every
 * looping thread has started, TID the first looping thread's.  At the end, one line per looping thread on
 * stdout: "TID COUNT", the sleeps it made.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long nsec = 1000000;
static double seconds = 3;
static pthread_barrier_t start;
static volatile int stop;

struct looper {
	pthread_t th;
	int tid;
	long count;
};

static void sleep_ns(long ns)
{
	struct timespec ts = { ns / 1000000000, ns % 1000000000 };

	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
}

static void *loop(void *arg)
{
	struct looper *l = arg;

	l->tid = (int)syscall(SYS_gettid);
	pthread_barrier_wait(&start);
	while (!stop) {
		sleep_ns(nsec);
		l->count++;
	}
	return NULL;
}

static void *short_lived(void *arg)
{
	(void)arg;
	sleep_ns(1000);
	return NULL;
}

static void *churn(void *arg)
{
	(void)arg;
	while (!stop) {
		pthread_t t;

		if (pthread_create(&t, NULL, short_lived, NULL) == 0)
			pthread_join(t, NULL);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int threads = 100, with_churn = 0, c;
	const char *ready = NULL;
	struct looper *l;
	pthread_t churner;

	while ((c = getopt(argc, argv, "t:d:s:cr:")) != -1) {
		switch (c) {
		case 't': threads = atoi(optarg); break;
		case 'd': seconds = atof(optarg); break;
		case 's': nsec = atol(optarg); break;
		case 'c': with_churn = 1; break;
		case 'r': ready = optarg; break;
		default: return 99;
		}
	}
	if (threads < 1 || threads > 4096)
		return 99;
	l = calloc((size_t)threads, sizeof(*l));
	if (!l || pthread_barrier_init(&start, NULL, (unsigned)threads + 1))
		return 99;
	for (int i = 0; i < threads; i++)
		if (pthread_create(&l[i].th, NULL, loop, &l[i]))
			return 99;
	pthread_barrier_wait(&start);
	if (with_churn && pthread_create(&churner, NULL, churn, NULL))
		return 99;
	if (ready) {
		char buf[64];
		int fd = open(ready, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int n = snprintf(buf, sizeof(buf), "ready %d %d\n",
				 (int)getpid(), l[0].tid);

		if (fd < 0 || write(fd, buf, (size_t)n) != n)
			return 99;
		close(fd);
	}
	if (seconds > 0) {
		sleep_ns((long)(seconds * 1e9));
	} else {
		for (;;)
			pause();
	}
	stop = 1;
	for (int i = 0; i < threads; i++)
		pthread_join(l[i].th, NULL);
	if (with_churn)
		pthread_join(churner, NULL);
	for (int i = 0; i < threads; i++)
		printf("%d %ld\n", l[i].tid, l[i].count);
	return 0;
}
