/* TOCTOU test programs: each makes real calls that race with another
 * thread of its own and prints, on stdout, the annotation lines ttrace
 * must add to the trace (run-toctou.sh compares them exactly). */
#ifndef TOCTOU_TEST_H
#define TOCTOU_TEST_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifdef __i386__
# define NR_CLOCK_NANOSLEEP 267		/* clock_nanosleep_time32 */
# define NR_CLOCK_NANOSLEEP64 407	/* clock_nanosleep_time64 */
# define NR_TIMER_SETTIME 260
# define NR_TIMERFD_SETTIME 325
# define NAME_CLOCK_NANOSLEEP "clock_nanosleep_time32"
# define NAME_TIMER_SETTIME "timer_settime32"
# define NAME_TIMERFD_SETTIME "timerfd_settime32"
#else
# define NR_CLOCK_NANOSLEEP 230
# define NR_TIMER_SETTIME 223
# define NR_TIMERFD_SETTIME 286
# define NAME_CLOCK_NANOSLEEP "clock_nanosleep"
# define NAME_TIMER_SETTIME "timer_settime"
# define NAME_TIMERFD_SETTIME "timerfd_settime"
#endif

/* The kernel's struct layouts for this ABI's plain (time32 on i386) calls. */
struct k_timespec {
	long tv_sec;
	long tv_nsec;
};
struct k_itimerspec {
	struct k_timespec it_interval, it_value;
};

/* An annotation line as ttrace writes it with -o: "%-5d " tid prefix. */
static inline void expect(const char *fmt, ...)
{
	va_list ap;

	printf("%-5d   ^ ", (int)getpid());
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

/* Busy-waits ns nanoseconds without a system call (the vDSO reads the
 * clock), so the racing thread adds nothing to the trace. */
static inline void spin(long ns)
{
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	do
		clock_gettime(CLOCK_MONOTONIC, &b);
	while ((b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec) < ns);
}

static inline void start(void *(*fn)(void *), void *arg, pthread_t *t)
{
	if (pthread_create(t, NULL, fn, arg)) {
		perror("pthread_create");
		exit(99);
	}
}

#endif
