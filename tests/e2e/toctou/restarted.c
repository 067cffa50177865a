/* Through an interrupted sleep and its restart_syscall the original
 * request is still checked: SIGALRM (ignored) interrupts a 300 ms sleep
 * at 100 ms, the kernel resumes it, and another thread rewrites the
 * request at 200 ms: the finding follows the restart_syscall line. */
#include <sys/time.h>
#include "toctou.h"

static struct k_timespec req = { 0, 300000000 };

static void *writer(void *arg)
{
	(void)arg;
	spin(200000000);
	*(volatile long *)&req.tv_nsec = 7;
	return NULL;
}

int main(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 100000 } };
	pthread_t t;

	signal(SIGALRM, SIG_IGN);
	setitimer(ITIMER_REAL, &it, NULL);
	start(writer, NULL, &t);
	syscall(NR_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, &req, NULL);
	pthread_join(t, NULL);
	expect("TOCTOU: rqtp changed while %s ran: {tv_sec=0, tv_nsec=300000000} "
	       "at entry, {tv_sec=0, tv_nsec=7} at exit", NAME_CLOCK_NANOSLEEP);
	return 0;
}
