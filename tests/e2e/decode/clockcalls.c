/* clock_gettime, clock_getres, clock_settime and clock_adjtime in every
 * ABI variant: named and CPU clocks, bad clocks, NULL, unreadable and
 * half-readable pointers; settings the kernel refuses (nothing here can
 * set the clock: every clock_settime is one the kernel rejects, every
 * clock_adjtime only reads). */
#include "e2e.h"

/* MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED), as clock_getcpuclockid(0). */
#define SELF_SCHED (-6)

static long clock_out(const struct e2e_variant *v, const struct e2e_call *c,
		      int clock, const char *clock_s, void *p)
{
	return e2e_call_struct(v, c, clock, clock_s, p, e2e_ts_size(v),
			       e2e_fmt_ts, false, "tp");
}

static long settime(const struct e2e_variant *v, int clock,
		    const char *clock_s, const void *p)
{
	return e2e_call_struct(v, &v->clock_set, clock, clock_s, (void *)p,
			       e2e_ts_size(v), e2e_fmt_ts, true, "tp");
}

static long adjtime(const struct e2e_variant *v, int clock,
		    const char *clock_s, void *p)
{
	return e2e_call_struct(v, &v->adjtime, clock, clock_s, p,
			       e2e_timex_size(v), e2e_timex_fn, false, "utx");
}

int main(void)
{
	e2e_init();
	FOR_EACH_VARIANT(v) {
		e2e_buf ts, tx;
		void *edge = e2e_straddling(e2e_ts_size(v));
		const struct e2e_call *get = &v->clock_get, *res = &v->clock_res;

		clock_out(v, get, F(CLOCK_REALTIME), &ts);
		clock_out(v, get, F(CLOCK_MONOTONIC), &ts);
		clock_out(v, get, F(CLOCK_BOOTTIME), &ts);
		clock_out(v, get, SELF_SCHED,
			  "MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED)", &ts);
		clock_out(v, get, 99, "0x63 /* CLOCK_??? */", &ts);
		clock_out(v, get, F(CLOCK_REALTIME), NULL);
		clock_out(v, get, F(CLOCK_MONOTONIC), E2E_BAD_PTR);
		clock_out(v, get, F(CLOCK_MONOTONIC), edge);

		clock_out(v, res, F(CLOCK_MONOTONIC), &ts);
		clock_out(v, res, F(CLOCK_REALTIME_COARSE), &ts);
		clock_out(v, res, F(CLOCK_MONOTONIC), NULL);
		clock_out(v, res, 99, "0x63 /* CLOCK_??? */", &ts);
		clock_out(v, res, F(CLOCK_MONOTONIC), E2E_BAD_PTR);

		settime(v, F(CLOCK_MONOTONIC), e2e_put_ts(v, &ts, 5, 0));
		settime(v, F(CLOCK_REALTIME), e2e_put_ts(v, &ts, 5, 1000000000));
		settime(v, F(CLOCK_REALTIME), e2e_put_ts(v, &ts, -1, 0));
		settime(v, 99, "0x63 /* CLOCK_??? */", e2e_put_ts(v, &ts, 5, 0));
		settime(v, F(CLOCK_REALTIME), NULL);
		settime(v, F(CLOCK_REALTIME), E2E_BAD_PTR);
		settime(v, F(CLOCK_REALTIME), edge);
		/* i386 time64: the kernel ignores tv_nsec's upper half, and
		 * refuses a MONOTONIC clock all the same. */
		settime(v, F(CLOCK_MONOTONIC),
			e2e_put_ts(v, &ts, 7, 0x300000005LL));

		/* modes 0 and ADJ_OFFSET_SS_READ only read the clock. */
		memset(&tx, 0, sizeof(tx));
		adjtime(v, F(CLOCK_REALTIME), &tx);
		memset(&tx, 0, sizeof(tx));
		tx.w[0] = 0xa001;	/* modes is the first 32 bits */
		adjtime(v, F(CLOCK_REALTIME), &tx);
		adjtime(v, F(CLOCK_MONOTONIC), &tx);
		adjtime(v, 99, "0x63 /* CLOCK_??? */", &tx);
		adjtime(v, F(CLOCK_REALTIME), NULL);
		adjtime(v, F(CLOCK_REALTIME), E2E_BAD_PTR);
		adjtime(v, F(CLOCK_REALTIME), e2e_straddling(e2e_timex_size(v)));
	}
	e2e_exit();
}
