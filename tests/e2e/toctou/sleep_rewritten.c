/* A second thread rewrites the request of a 300 ms sleep 100 ms into it:
 * the kernel has long copied it, so the sleep lasts 300 ms, and ttrace
 * reports the change with both values. */
#include "toctou.h"

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
	syscall(NR_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, &req, NULL);
	pthread_join(t, NULL);
	expect("TOCTOU: rqtp changed while %s ran: {tv_sec=0, tv_nsec=300000000} "
	       "at entry, {tv_sec=1, tv_nsec=300000000} at exit",
	       NAME_CLOCK_NANOSLEEP);
	return 0;
}
