/* A second thread rewrites the request of a 300 ms sleep 100 ms into it:
 * the kernel has long copied it, so the sleep lasts 300 ms, and ttrace
 * reports the change with both values.  Built with -DNANOSLEEP
 * (nanosleep_rewritten), the sleep is a nanosleep: the check of its
 * request comes from its signature alone. */
#include "toctou.h"

#ifndef NANOSLEEP
# define SLEEP(req) syscall(NR_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, req, NULL)
# define SLEEP_NAME NAME_CLOCK_NANOSLEEP
#elif defined(__i386__)
# define SLEEP(req) syscall(162, req, NULL)
# define SLEEP_NAME "nanosleep_time32"
#else
# define SLEEP(req) syscall(35, req, NULL)
# define SLEEP_NAME "nanosleep"
#endif

static struct k_timespec req = { 0, 300000000 };

static void *writer(void *arg)
{
	(void)arg;
	spin(100000000);
	*(volatile long *)&req.tv_sec = 1;
	return NULL;
}

int main(void)
{
	pthread_t t;

	start(writer, NULL, &t);
	SLEEP(&req);
	pthread_join(t, NULL);
	expect("TOCTOU: rqtp changed while %s ran: {tv_sec=0, tv_nsec=300000000} "
	       "at entry, {tv_sec=1, tv_nsec=300000000} at exit", SLEEP_NAME);
	return 0;
}
