/* A tight loop of timer_settime and timerfd_settime calls while another
 * thread keeps toggling their inputs: ttrace must not crash, and every
 * finding it counts must be in the trace (run-toctou.sh checks the count
 * of annotation lines against the summary on stderr), and at least once
 * the kernel must have armed the timerfd with another interval than the
 * one ttrace read at entry (the toggler flips it every few nanoseconds,
 * the entry stop lasts microseconds). */
#include <sys/timerfd.h>
#include "toctou.h"

static struct k_itimerspec its = { { 0, 1000 }, { 100, 0 } };
static volatile int done;

static void *toggler(void *arg)
{
	(void)arg;
	while (!done)
		*(volatile long *)&its.it_interval.tv_nsec ^= 3000;
	return NULL;
}

int main(void)
{
	struct sigevent sev = { .sigev_notify = SIGEV_NONE };
	int timer, fd = timerfd_create(CLOCK_MONOTONIC, 0);
	pthread_t t;

	if (fd < 0 || syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &timer) < 0)
		return 99;
	/* any number of findings; at least one "the kernel armed" */
	puts("#any armed");
	fflush(stdout);
	start(toggler, NULL, &t);
	/* At least 1.5 s of calls, so the toggler gets the CPU even when
	 * other tests load the machine (with 0.5 s, a loaded 2-core machine
	 * sometimes gave findings but no "armed" one). */
	struct timespec t0, now;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < 60000; i++) {
		syscall(NR_TIMER_SETTIME, timer, 0, &its, NULL);
		syscall(NR_TIMERFD_SETTIME, fd, 0, &its, NULL);
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (i >= 300 && (now.tv_sec - t0.tv_sec) * 1000000000L +
				(now.tv_nsec - t0.tv_nsec) >= 1500000000L)
			break;
	}
	done = 1;
	pthread_join(t, NULL);
	return 0;
}
