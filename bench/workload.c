/* bench/workload ROUNDS OTHERS [NSEC]: each round makes three timer calls
 * that return at once (timerfd_settime and timer_settime disarming, and a
 * clock_nanosleep the kernel rejects: tv_nsec out of range), then OTHERS
 * untraced getppid() calls.  OTHERS=0 measures the cost of a traced call;
 * a large OTHERS what untraced calls pay.  With NSEC (0 .. 999999999) the
 * clock_nanosleep is a valid sleep of NSEC ns: one with a lateness, a
 * sample for -c and profiles (the memory run). */
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? atol(argv[1]) : 100000;
	long others = argc > 2 ? atol(argv[2]) : 0;
	struct itimerspec off = { { 0, 0 }, { 0, 0 } }, old;
	struct timespec invalid = { 0, argc > 3 ? atol(argv[3]) : 1000000000L };
	struct sigevent sev = { .sigev_notify = SIGEV_NONE };
	int fd = timerfd_create(CLOCK_MONOTONIC, 0);
	timer_t timer;

	if (fd < 0 || timer_create(CLOCK_MONOTONIC, &sev, &timer) < 0)
		return 1;
	for (long r = 0; r < rounds; r++) {
		timerfd_settime(fd, 0, &off, &old);
		timer_settime(timer, 0, &off, &old);
		clock_nanosleep(CLOCK_MONOTONIC, 0, &invalid, NULL);
		for (long o = 0; o < others; o++)
			syscall(SYS_getppid);
	}
	return 0;
}
