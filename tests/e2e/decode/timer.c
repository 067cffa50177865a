/* timer_settime in every ABI variant: the cases it shares with
 * timerfd_settime (e2e_settime_cases), flags, bad timer ids. */
#include "e2e.h"

int main(void)
{
	e2e_init();
	int id = e2e_timer_create(CLOCK_MONOTONIC, SIGEV_NONE, 0, NULL);

	FOR_EACH_VARIANT(v) {
		e2e_buf nv, ov;

		e2e_settime_cases(v, &v->timer, id);

		/* Flags: the kernel looks at TIMER_ABSTIME only. */
		e2e_put_its(v, &nv, 1, 2, 100, 0);
		e2e_timer_settime(v, id, F(TIMER_ABSTIME), &nv, &ov);
		e2e_timer_settime(v, id, 0x12, "0x12 /* TIMER_??? */", &nv, NULL);
		e2e_timer_settime(v, id, 0x13, "TIMER_ABSTIME|0x12", &nv, NULL);
		e2e_timer_settime(v, id, 2, "0x2 /* TIMER_??? */", &nv, NULL);
		e2e_timer_settime(v, id, -1, "TIMER_ABSTIME|0xfffffffe", &nv,
				  &ov);

		/* No such timer. */
		e2e_timer_settime(v, 77, F(0), &nv, &ov);
		e2e_timer_settime(v, -1, F(0), &nv, NULL);
		e2e_timer_settime(v, id, F(0), e2e_put_its(v, &nv, 0, 0, 0, 0),
				  NULL);
	}
	e2e_exit();
}
