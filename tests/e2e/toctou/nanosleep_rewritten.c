/* nanosleep's request is an input of a new row like any other: a second
 * thread rewrites it 100 ms into a 300 ms sleep, and ttrace reports the
 * change with both values (the check comes from the signature alone). */
#include "toctou.h"

#ifdef __i386__
# define NR_NANOSLEEP 162
# define NAME_NANOSLEEP "nanosleep_time32"
#else
# define NR_NANOSLEEP 35
# define NAME_NANOSLEEP "nanosleep"
#endif

static struct k_timespec req = { 0, 300000000 };

static void *writer(void *arg)
{
	(void)arg;
	spin(100000000);
	*(volatile long *)&req.tv_sec = 2;
	return NULL;
}

int main(void)
{
	pthread_t t;

	start(writer, NULL, &t);
	syscall(NR_NANOSLEEP, &req, NULL);
	pthread_join(t, NULL);
	expect("TOCTOU: rqtp changed while %s ran: {tv_sec=0, tv_nsec=300000000} "
	       "at entry, {tv_sec=2, tv_nsec=300000000} at exit", NAME_NANOSLEEP);
	return 0;
}
