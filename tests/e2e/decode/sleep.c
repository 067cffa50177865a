/* clock_nanosleep in every ABI variant, not interrupted: remain pointers
 * (never written), NULL and unreadable requests, odd timespecs, flags. */
#include "e2e.h"

/* x86_64: the kernel reads int arguments from the low half of their
 * register; so does ttrace. */
static void upper_halves(const struct e2e_variant *v)
{
#ifdef __x86_64__
	e2e_buf rq;
	long r;

	e2e_put_ts(v, &rq, 0, 1000);
	r = syscall(v->sleep.nr, 0x500000001L, 0x300000001L, &rq, 0L);
	e2e_sleep_line(v, S(CLOCK_MONOTONIC), S(TIMER_ABSTIME), &rq, NULL,
		       false, e2e_ret(r, errno));
#else
	(void)v;
#endif
}

int main(void)
{
	/* An exact name: on i386 only the time64 calls. */
	static const char *const runs[] = {
		"default", "clock_nanosleep_time64", NULL
	};

	e2e_init_runs(runs);
	FOR_EACH_VARIANT(v) {
		e2e_buf rq, rm;

		e2e_put_ts(v, &rq, 0, 1000);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), &rq, &rm);
		e2e_sleep(v, F(CLOCK_REALTIME), F(0), &rq, NULL);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), &rq, (void *)1);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(TIMER_ABSTIME), &rq, &rm);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), &rq,
			  e2e_straddling(e2e_ts_size(v)));

		/* Flags: the kernel looks at TIMER_ABSTIME only. */
		e2e_sleep(v, F(CLOCK_MONOTONIC), 2, "0x2 /* TIMER_??? */", &rq,
			  &rm);
		e2e_sleep(v, F(CLOCK_MONOTONIC), 3, "TIMER_ABSTIME|0x2", &rq,
			  NULL);
		e2e_sleep(v, F(CLOCK_MONOTONIC), -1, "TIMER_ABSTIME|0xfffffffe",
			  &rq, NULL);
		e2e_sleep(v, F(CLOCK_MONOTONIC), 0x12, "0x12 /* TIMER_??? */",
			  &rq, NULL);

		/* Requests the kernel cannot read. */
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), NULL, NULL);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), (void *)1, &rm);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), E2E_BAD_PTR, NULL);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0),
			  e2e_straddling(e2e_ts_size(v)), NULL);

		/* Requests it refuses. */
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0),
			  e2e_put_ts(v, &rq, 0, 1000000000), &rm);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), e2e_put_ts(v, &rq, 0, -1),
			  NULL);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), e2e_put_ts(v, &rq, -1, 0),
			  NULL);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0), e2e_put_ts(v, &rq, -5, -1),
			  NULL);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(TIMER_ABSTIME),
			  e2e_put_ts(v, &rq, -1, 0), NULL);
		e2e_sleep(v, 12345, "0x3039 /* CLOCK_??? */", F(0),
			  e2e_put_ts(v, &rq, 0, 1000), NULL);

		/* i386 time64: garbage above tv_nsec's low half. */
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0),
			  e2e_put_ts(v, &rq, 0, 0x100000000LL + 3000), &rm);
		e2e_sleep(v, F(CLOCK_MONOTONIC), F(0),
			  e2e_put_ts(v, &rq, 0, 0xfffffffe00000000LL + 1000000000),
			  NULL);
		upper_halves(v);
	}
	e2e_exit();
}
