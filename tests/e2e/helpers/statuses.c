/* statuses - traced calls that succeed and fail, in two threads, while a
 * call of the main thread is in progress, and two signals:
 *
 *   statuses
 *
 * The main thread makes a pipe (fds 3 and 4) and polls its read end with
 * a 10 s timeout; meanwhile a thread sleeps CLOCK_MONOTONIC 1000 ns (= 0),
 * asks for a sleep of tv_nsec -1 (EINVAL) and arms timerfd 99 (EBADF),
 * then writes to the pipe, which ends the poll (= 1).  The main thread
 * then joins it, makes a timerfd (fd 5), arms it for 1000 ns (= 0), sends
 * itself SIGUSR1 and SIGUSR2 (both ignored) and exits 0.  Prints "thread
 * TID" on stdout.
 */
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static int fds[2];

static void *worker(void *arg)
{
	struct timespec ok = { 0, 1000 }, bad = { 0, -1 };
	struct itimerspec its = { { 0, 0 }, { 0, 1000 } };

	(void)arg;
	dprintf(1, "thread %ld\n", (long)syscall(SYS_gettid));
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ok, NULL);
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &bad, NULL);
	syscall(SYS_timerfd_settime, 99, 0, &its, NULL);
	if (write(fds[1], "x", 1) != 1)
		_exit(99);
	return NULL;
}

int main(void)
{
	struct itimerspec its = { { 0, 0 }, { 0, 1000 } };
	struct pollfd p;
	pthread_t th;
	int tfd;

	if (pipe(fds) < 0 || fds[0] != 3)
		return 99;
	p.fd = fds[0];
	p.events = POLLIN;
	if (pthread_create(&th, NULL, worker, NULL))
		return 99;
	if (syscall(SYS_poll, &p, 1, 10000) != 1)
		return 99;
	pthread_join(th, NULL);
	tfd = (int)syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 0);
	syscall(SYS_timerfd_settime, tfd, 0, &its, NULL);
	signal(SIGUSR1, SIG_IGN);
	signal(SIGUSR2, SIG_IGN);
	raise(SIGUSR1);
	raise(SIGUSR2);
	return 0;
}
