/* timing - a program whose timing behaviour a CI job checks.
 *
 *   timing [-p POLL_US] [-x STATUS] [-f FILE]
 *
 * Polls three times (relative CLOCK_MONOTONIC sleeps of POLL_US, default
 * 2000), backs off 1, 2 and 4 ms on CLOCK_REALTIME, arms a timerfd (5 ms,
 * every 5 ms), a POSIX timer (100 ms, every 100 ms), ITIMER_REAL (5 s,
 * every 5 s: far from firing before it is disarmed) and an alarm (30 s)
 * and disarms them all, then runs a periodic loop of four absolute sleeps
 * 3 ms apart.  -f creates FILE first (so a test knows it ran); exits
 * with STATUS.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static void ms_sleep(clockid_t clk, long us)
{
	struct timespec ts = { us / 1000000, us % 1000000 * 1000 };

	clock_nanosleep(clk, 0, &ts, NULL);
}

int main(int argc, char **argv)
{
	struct itimerspec off = { { 0, 0 }, { 0, 0 } };
	struct itimerspec tfd = { { 0, 5000000 }, { 0, 5000000 } };
	struct itimerspec tmr = { { 0, 100000000 }, { 0, 100000000 } };
	struct itimerval itv = { { 5, 0 }, { 5, 0 } }, itv_off = { { 0, 0 }, { 0, 0 } };
	struct sigevent sev = { .sigev_notify = SIGEV_NONE };
	struct timespec next;
	long poll = 2000;
	int status = 0, c, fd;
	timer_t t;

	while ((c = getopt(argc, argv, "p:x:f:")) != -1) {
		switch (c) {
		case 'p':
			poll = atol(optarg);
			break;
		case 'x':
			status = atoi(optarg);
			break;
		case 'f':
			close(open(optarg, O_WRONLY | O_CREAT, 0644));
			break;
		default:
			return 2;
		}
	}
	for (int i = 0; i < 3; i++)
		ms_sleep(CLOCK_MONOTONIC, poll);
	for (long backoff = 1000; backoff <= 4000; backoff *= 2)
		ms_sleep(CLOCK_REALTIME, backoff);
	fd = timerfd_create(CLOCK_MONOTONIC, 0);
	timerfd_settime(fd, 0, &tfd, NULL);
	timerfd_settime(fd, 0, &off, NULL);
	timer_create(CLOCK_MONOTONIC, &sev, &t);
	timer_settime(t, 0, &tmr, NULL);
	timer_settime(t, 0, &off, NULL);
	setitimer(ITIMER_REAL, &itv, NULL);
	setitimer(ITIMER_REAL, &itv_off, NULL);
	alarm(30);
	alarm(0);
	clock_gettime(CLOCK_MONOTONIC, &next);
	for (int i = 0; i < 4; i++) {
		next.tv_nsec += 3000000;
		if (next.tv_nsec >= 1000000000) {
			next.tv_sec++;
			next.tv_nsec -= 1000000000;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
	}
	return status;
}
