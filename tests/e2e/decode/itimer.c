/* The interval timers of a process: setitimer and getitimer (an i386
 * program passes the 32-bit itimerval: there is no time64 twin) and
 * alarm.  Every timer is disarmed again before it could fire. */
#include "e2e.h"

#include <sys/time.h>

static long getitimer_(int which, const char *which_s, void *p)
{
	const struct e2e_call *c = &e2e_abi.getitimer;
	long r = syscall(c->nr, which, p);
	int err = errno;

	if (e2e_traced(c->name, c->family))
		e2e_call_line(e2e_ret(r, err), "getitimer(%s, %s", which_s,
			      r == 0 && p ? e2e_fmt_itv(p) : e2e_addr(p));
	errno = err;
	return r;
}

int main(void)
{
	e2e_init();
	e2e_buf nv, ov, cur;
	size_t size = E2E_ITV_TIME32 ? 16 : 32;
	void *edge = e2e_straddling(size);

	/* Arm REAL for an hour, read it, re-arm (the old value is what was
	 * left), disarm. */
	e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&nv, 0, 0, 3600, 500), &ov);
	getitimer_(F(ITIMER_REAL), &cur);
	e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&nv, 1, 2, 7200, 0), &ov);
	e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&nv, 0, 0, 0, 0), &ov);
	e2e_setitimer(F(ITIMER_VIRTUAL), e2e_put_itv(&nv, 0, 0, 100, 0), NULL);
	getitimer_(F(ITIMER_VIRTUAL), &cur);
	e2e_setitimer(F(ITIMER_VIRTUAL), NULL, NULL);
	e2e_setitimer(F(ITIMER_PROF), e2e_put_itv(&nv, 0, 0, 0, 0), &ov);
	getitimer_(F(ITIMER_PROF), &cur);

	/* Refused: a bad which, bad times, unreadable pointers. */
	e2e_setitimer(7, "0x7 /* ITIMER_??? */", e2e_put_itv(&nv, 0, 0, 1, 0),
		      NULL);
	e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&nv, 0, 0, 1, 1000000), NULL);
	e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&nv, -1, -1, 1, -5), NULL);
	e2e_setitimer(F(ITIMER_REAL), E2E_BAD_PTR, NULL);
	e2e_setitimer(F(ITIMER_REAL), edge, NULL);
	e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&nv, 0, 0, 0, 0), E2E_BAD_PTR);
	getitimer_(F(ITIMER_REAL), NULL);
	getitimer_(F(ITIMER_REAL), E2E_BAD_PTR);
	getitimer_(7, "0x7 /* ITIMER_??? */", &cur);

	/* alarm returns the seconds left of the previous one. */
	e2e_call_int(&e2e_abi.alarm, 5, "5");
	e2e_call_int(&e2e_abi.alarm, 7, "7");
	e2e_call_int(&e2e_abi.alarm, 0, "0");
	e2e_exit();
}
