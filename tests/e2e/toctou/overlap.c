/* The kernel's own writes are not findings: old value over new value on
 * a successful timer_settime, and the remaining time of an interrupted
 * relative sleep written over its request.  Nothing is expected. */
#include <sys/time.h>
#include "toctou.h"

static void on_alarm(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigevent sev = { .sigev_notify = SIGEV_NONE };
	struct k_itimerspec its = { { 0, 0 }, { 100, 0 } };
	struct k_timespec ts = { 5, 0 };
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it = { { 0, 0 }, { 0, 100000 } };
	int timer;

	if (syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &timer) < 0)
		return 99;
	/* armed twice: the second call writes 100 s minus a bit over its
	 * own input */
	syscall(NR_TIMER_SETTIME, timer, 0, &its, &its);
	its = (struct k_itimerspec){ { 0, 0 }, { 100, 0 } };
	syscall(NR_TIMER_SETTIME, timer, 0, &its, &its);

	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	/* interrupted after 100 ms: remain (about 4.9 s) lands on the request */
	syscall(NR_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, &ts, &ts);
	return 0;
}
