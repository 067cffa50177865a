/* timer_settime in every ABI variant: old values, NULL and unreadable
 * pointers, odd timespecs, flags, bad timer ids. */
#include "e2e.h"

int main(void)
{
	e2e_init();
	int id = e2e_timer_create(CLOCK_MONOTONIC, SIGEV_NONE, 0, NULL);

	FOR_EACH_VARIANT(v) {
		e2e_buf nv, ov;

		/* Arm, then re-arm: the old value is what was left. */
		e2e_timer_settime(v, id, F(0),
				  e2e_put_its(v, &nv, 0, 0, 100, 5), &ov);
		e2e_timer_settime(v, id, F(0),
				  e2e_put_its(v, &nv, 1, 2, 200, 6), &ov);
		e2e_timer_settime(v, id, F(TIMER_ABSTIME), &nv, NULL);
		/* Disarm: it_value {0, 0}. */
		e2e_timer_settime(v, id, F(0), e2e_put_its(v, &nv, 0, 0, 0, 0),
				  &ov);

		/* NULL, unreadable, half readable. */
		e2e_timer_settime(v, id, F(0), NULL, NULL);
		e2e_timer_settime(v, id, F(0), NULL, &ov);
		e2e_timer_settime(v, id, F(0), (void *)8, NULL);
		e2e_timer_settime(v, id, F(0), E2E_BAD_PTR, &ov);
		e2e_timer_settime(v, id, F(0),
				  e2e_straddling(e2e_its_size(v)), NULL);
		e2e_put_its(v, &nv, 0, 0, 50, 0);
		e2e_timer_settime(v, id, F(0), &nv, E2E_BAD_PTR);
		e2e_timer_settime(v, id, F(0), &nv,
				  e2e_straddling(e2e_its_size(v)));

		/* Odd timespecs. */
		e2e_timer_settime(v, id, F(0),
				  e2e_put_its(v, &nv, 0, 0, 1, 1000000000), NULL);
		e2e_timer_settime(v, id, F(0),
				  e2e_put_its(v, &nv, 0, -1, -1, -1), NULL);
		e2e_timer_settime(v, id, F(0),
				  e2e_put_its(v, &nv, -5, 0, 7, 0), NULL);
		e2e_timer_settime(v, id, F(0),
				  e2e_put_its(v, &nv, 0, 0, INT32_MIN, 999999999),
				  NULL);
		/* i386 time64: the kernel ignores tv_nsec's upper half. */
		e2e_timer_settime(v, id, F(0),
				  e2e_put_its(v, &nv, 0, 0x500000001LL,
					      300, 0x700000009LL), &ov);

		/* Flags, unknown bits. */
		e2e_put_its(v, &nv, 0, 0, 100, 0);
		e2e_timer_settime(v, id, 0x12, "0x12 /* TIMER_??? */", &nv, NULL);
		e2e_timer_settime(v, id, 0x13, "TIMER_ABSTIME|0x12", &nv, NULL);
		e2e_timer_settime(v, id, 2, "0x2 /* TIMER_??? */", &nv, NULL);
		e2e_timer_settime(v, id, -1, "TIMER_ABSTIME|0xfffffffe", &nv,
				  NULL);

		/* No such timer. */
		e2e_timer_settime(v, 77, F(0), &nv, &ov);
		e2e_timer_settime(v, -1, F(0), &nv, NULL);
		e2e_timer_settime(v, id, F(0), e2e_put_its(v, &nv, 0, 0, 0, 0),
				  NULL);
	}
	e2e_exit();
}
