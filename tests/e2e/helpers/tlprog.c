/* tlprog - the tracee of tests/e2e/timeline.sh, built 64-bit (tlprog) and
 * -m32 (tlprog32): timer calls with exact numbers, through the C library
 * (an i386 build makes the time64 calls).
 *
 *   tlprog run        the sequence below
 *   tlprog hang FILE  writes "S" to FILE, then sleeps 10 s (to be killed)
 *   tlprog loop NSEC  sleeps NSEC, forever (for -p)
 *   tlprog flows      timers followed from arming to firing (below)
 *
 * run, one step after the other so that no signal lands in a sleep (a
 * traced process is interrupted even by a signal it ignores):
 *   a child process sleeps 10 ms on CLOCK_MONOTONIC and exits 3; waited
 *   a thread sleeps 40 ms on CLOCK_BOOTTIME while the main thread sleeps
 *     20 ms on CLOCK_MONOTONIC, 50 ms on CLOCK_REALTIME, then until
 *     now + 30 ms on CLOCK_MONOTONIC (TIMER_ABSTIME); joined
 *   a POSIX timer is armed for 15 ms (SIGUSR1), which is awaited
 *   a timerfd is armed (1.25 s, every 0.5 s), then disarmed
 * It prints what the test cannot know beforehand, one line each:
 *   P PID / T TID (the thread) / C PID (the child) / A DEADLINE_NS / I TIMERID
 *
 * flows: a POSIX timer (SIGEV_SIGNAL, SIGUSR1) armed every 30 ms fires
 * twice, is armed again once for 30 ms and fires once more (a signal
 * caught in sigsuspend each time); then a timerfd armed every 30 ms is
 * read twice, armed again once for 30 ms and read once more.  It prints
 *   P PID / I TIMERID / F FD / R NS (each read's own measure of how long
 *   it blocked, CLOCK_MONOTONIC around the call)
 */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap(clockid_t clock, long long ns)
{
	struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };

	if (clock_nanosleep(clock, 0, &ts, NULL))
		exit(99);
}

static void *thread(void *arg)
{
	(void)arg;
	printf("T %ld\n", (long)syscall(SYS_gettid));
	fflush(stdout);
	nap(CLOCK_BOOTTIME, 40000000);
	return NULL;
}

static void on_signal(int sig)
{
	(void)sig;
}

/* A POSIX timer that sends SIGUSR1 (caught, blocked until sigsuspend
 * with *old); prints its id. */
static timer_t usr1_timer(sigset_t *old)
{
	struct sigevent sev;
	sigset_t block;
	timer_t id;

	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	signal(SIGUSR1, on_signal);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, old);
	if (timer_create(CLOCK_MONOTONIC, &sev, &id))
		exit(99);
	printf("I %ld\n", (long)(intptr_t)id);
	fflush(stdout);
	return id;
}

static void posix_timer(void)
{
	struct itimerspec its = { { 0, 0 }, { 0, 15000000 } };
	sigset_t old;
	timer_t id = usr1_timer(&old);

	if (timer_settime(id, 0, &its, NULL))
		exit(99);
	sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void timerfd(void)
{
	struct itimerspec arm = { { 0, 500000000 }, { 1, 250000000 } };
	struct itimerspec off = { { 0, 0 }, { 0, 0 } };
	int fd = timerfd_create(CLOCK_MONOTONIC, 0);

	if (fd < 0 || timerfd_settime(fd, 0, &arm, NULL) ||
	    timerfd_settime(fd, 0, &off, NULL))
		exit(99);
	close(fd);
}

static long long mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Every 30 ms twice, then 30 ms once: the first expiration of the second
 * arming comes 30 ms after it, before the third of the first would. */
static const struct itimerspec every30 = { { 0, 30000000 }, { 0, 30000000 } };
static const struct itimerspec once30 = { { 0, 0 }, { 0, 30000000 } };

static void flows(void)
{
	sigset_t old;
	timer_t id;
	uint64_t n;
	int fd;

	printf("P %d\n", (int)getpid());
	id = usr1_timer(&old);
	for (int i = 0; i < 3; i++) {
		if ((i == 0 && timer_settime(id, 0, &every30, NULL)) ||
		    (i == 2 && timer_settime(id, 0, &once30, NULL)))
			exit(99);
		sigsuspend(&old);
	}
	timer_delete(id);
	sigprocmask(SIG_SETMASK, &old, NULL);

	fd = timerfd_create(CLOCK_MONOTONIC, 0);
	if (fd < 0)
		exit(99);
	printf("F %d\n", fd);
	for (int i = 0; i < 3; i++) {
		long long t;

		if ((i == 0 && timerfd_settime(fd, 0, &every30, NULL)) ||
		    (i == 2 && timerfd_settime(fd, 0, &once30, NULL)))
			exit(99);
		t = mono_ns();
		if (read(fd, &n, sizeof(n)) != sizeof(n) || n == 0)
			exit(99);
		printf("R %lld\n", mono_ns() - t);
	}
	close(fd);
	fflush(stdout);
}

static void run(void)
{
	struct timespec now, end;
	pthread_t th;
	pid_t child;
	int status;

	printf("P %d\n", (int)getpid());
	fflush(stdout);
	child = fork();
	if (child < 0)
		exit(99);
	if (child == 0) {
		nap(CLOCK_MONOTONIC, 10000000);
		_exit(3);
	}
	printf("C %d\n", (int)child);
	fflush(stdout);
	if (waitpid(child, &status, 0) != child)
		exit(99);

	if (pthread_create(&th, NULL, thread, NULL))
		exit(99);
	nap(CLOCK_MONOTONIC, 20000000);
	nap(CLOCK_REALTIME, 50000000);
	clock_gettime(CLOCK_MONOTONIC, &now);
	end.tv_sec = now.tv_sec;
	end.tv_nsec = now.tv_nsec + 30000000;
	if (end.tv_nsec >= 1000000000) {
		end.tv_sec++;
		end.tv_nsec -= 1000000000;
	}
	printf("A %lld\n", (long long)end.tv_sec * 1000000000 + end.tv_nsec);
	fflush(stdout);
	if (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &end, NULL))
		exit(99);
	pthread_join(th, NULL);

	posix_timer();
	timerfd();
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "run") == 0) {
		run();
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "flows") == 0) {
		flows();
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "hang") == 0) {
		FILE *f = fopen(argv[2], "w");

		if (!f || fputs("S\n", f) < 0 || fclose(f))
			return 99;
		nap(CLOCK_MONOTONIC, 10000000000LL);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "loop") == 0) {
		long long ns = atoll(argv[2]);

		for (;;)
			nap(CLOCK_MONOTONIC, ns);
	}
	fprintf(stderr, "usage: tlprog run | flows | hang FILE | loop NSEC\n");
	return 99;
}
