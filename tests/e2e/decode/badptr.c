/* Pointers no user program can read, for every input and output struct
 * of every call: kernel space and non-canonical addresses on x86_64; the
 * last byte of the 32-bit space and a struct that crosses the 4 GiB limit
 * on i386.  The kernel refuses each with EFAULT (an output: after doing
 * the work, so the timers set here disarm them); ttrace prints each as
 * its address, never a struct. */
#include "e2e.h"

static const uintptr_t bad[] = {
#ifdef __x86_64__
	0xffffffff81000000UL,	/* kernel text */
	0xffffffffff600000UL,	/* the vsyscall page: kernel space, mapped */
	0x0000800000000000UL,	/* the first non-canonical address */
	0x8000000000000000UL,	/* non-canonical */
	0x00007ffffffffff8UL,	/* the last 8 user bytes: a struct crosses */
#else
	0xffffffffUL,		/* the last byte of the 32-bit space */
	0xfffffffcUL,		/* a struct from here crosses 4 GiB */
	0xffffe000UL,		/* above the compat TASK_SIZE */
#endif
};

int main(void)
{
	e2e_init();
	FOR_EACH_VARIANT(v) {
		int tid = e2e_timer_create(CLOCK_MONOTONIC, SIGEV_NONE, 0, NULL);
		int fd = e2e_timerfd_create(CLOCK_MONOTONIC);
		e2e_buf off, rq;

		e2e_put_its(v, &off, 0, 0, 0, 0);
		e2e_put_ts(v, &rq, 0, 1000);
		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			void *p = (void *)bad[i];

			e2e_timer_settime(v, tid, F(0), p, NULL);
			e2e_timer_settime(v, tid, F(0), &off, p);
			e2e_timerfd_settime(v, fd, F(0), p, NULL);
			e2e_timerfd_settime(v, fd, F(0), &off, p);
			e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), p, NULL);
			e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), &rq, p);
		}
		close(fd);
	}
	e2e_exit();
}
