/* i386 through the time64 entry point: the upper half of tv_nsec is
 * padding the kernel ignores.  A change there, made by another thread
 * during the sleep, is reported apart from a change of the value. */
#include "toctou.h"

#ifdef __i386__
static struct {
	int64_t tv_sec;
	uint32_t tv_nsec, pad;
} req = { 0, 200000000, 0 };

static void *writer(void *arg)
{
	(void)arg;
	spin(50000000);
	*(volatile uint32_t *)&req.pad = 7;
	return NULL;
}

int main(void)
{
	pthread_t t;

	start(writer, NULL, &t);
	syscall(NR_CLOCK_NANOSLEEP64, CLOCK_MONOTONIC, 0, &req, NULL);
	pthread_join(t, NULL);
	expect("TOCTOU: the padding of rqtp.tv_nsec changed while "
	       "clock_nanosleep_time64 ran: 0 at entry, 0x7 at exit; the "
	       "kernel ignores it");
	return 0;
}
#else
int main(void)
{
	if (getenv("TT_E2E_PROBE"))
		return 0;
	fputs("x86_64 has no tv_nsec padding: this test is for -m32\n", stderr);
	return 77;
}
#endif
