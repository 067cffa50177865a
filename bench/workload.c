/* bench/workload ROUNDS OTHERS [NSEC]: each round makes three timer calls
 * that return at once (timerfd_settime and timer_settime disarming, and a
 * clock_nanosleep the kernel rejects: tv_nsec out of range), then OTHERS
 * untraced getppid() calls.  OTHERS=0 measures the cost of a traced call;
 * a large OTHERS what untraced calls pay.  With NSEC (0 .. 999999999) the
 * clock_nanosleep is a valid sleep of NSEC ns: one with a lateness, a
 * sample for -c and profiles (the memory run).
 *
 * With WORKLOAD_WAIT_TRACER=1 in its environment it waits, before its
 * rounds, until a tracer is attached (TracerPid in /proc/self/status):
 * a tracer attached by -p then sees every round, as one that started it
 * does. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

/* Whether a tracer is attached to this process. */
static int traced(void)
{
	char line[256];
	int pid = 0;
	FILE *fp = fopen("/proc/self/status", "r");

	while (fp && fgets(line, sizeof(line), fp))
		if (strncmp(line, "TracerPid:", 10) == 0)
			pid = atoi(line + 10);
	if (fp)
		fclose(fp);
	return pid != 0;
}

int main(int argc, char **argv)
{
	const char *wait_tracer = getenv("WORKLOAD_WAIT_TRACER");

	long rounds = argc > 1 ? atol(argv[1]) : 100000;
	long others = argc > 2 ? atol(argv[2]) : 0;
	struct itimerspec off = { { 0, 0 }, { 0, 0 } }, old;
	struct timespec invalid = { 0, argc > 3 ? atol(argv[3]) : 1000000000L };
	struct sigevent sev = { .sigev_notify = SIGEV_NONE };
	int fd = timerfd_create(CLOCK_MONOTONIC, 0);
	timer_t timer;

	if (fd < 0 || timer_create(CLOCK_MONOTONIC, &sev, &timer) < 0)
		return 1;
	if (wait_tracer && strcmp(wait_tracer, "1") == 0) {
		struct timespec ms = { 0, 1000000 };

		while (!traced())
			nanosleep(&ms, NULL);
	}
	for (long r = 0; r < rounds; r++) {
		timerfd_settime(fd, 0, &off, &old);
		timer_settime(timer, 0, &off, &old);
		clock_nanosleep(CLOCK_MONOTONIC, 0, &invalid, NULL);
		for (long o = 0; o < others; o++)
			syscall(SYS_getppid);
	}
	return 0;
}
