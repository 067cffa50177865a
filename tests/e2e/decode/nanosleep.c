/* nanosleep (x86_64) and nanosleep_time32 (i386; there is no time64
 * twin): sleeps that end, requests the kernel refuses, NULL and
 * unreadable pointers, and sleeps interrupted by SIGALRM, whose time left
 * the kernel writes (nanosleep is always relative): resumed through
 * restart_syscall when the signal is ignored, EINTR with a handler. */
#include "e2e.h"

#include <sys/time.h>

#define MS 1000000LL
#define SIGALRM_LINE "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---"

static void on_alarm(int sig)
{
	(void)sig;
}

static long nsleep(const struct e2e_variant *v, const void *req, void *rem,
		   bool rem_written, const char *ret)
{
	const struct e2e_call *c = &v->nanosleep;
	long r = ret ? 0 : syscall(c->nr, req, rem);
	int err = errno;

	if (e2e_traced(c->name, c->family))
		e2e_call_line(ret ? ret : e2e_ret(r, err), "%s(%s, %s", c->name,
			      e2e_in(v, c->name, req, e2e_ts_size(v),
				     e2e_fmt_ts, "rqtp"),
			      e2e_out(v, c->name, rem, rem_written, e2e_fmt_ts,
				      "rmtp"));
	errno = err;
	return r;
}

/* Interrupted after 40 ms of 120, SIGALRM ignored or handled. */
static void interrupted(const struct e2e_variant *v, bool handled,
			bool with_rem)
{
	struct sigaction sa;
	e2e_buf rq, rm = { { 0 } }, it;
	void *rem = with_rem ? &rm : NULL;
	long r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handled ? on_alarm : SIG_IGN;
	if (sigaction(SIGALRM, &sa, NULL) ||
	    e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&it, 0, 0, 0, 40000),
			  NULL))
		e2e_broken("arming SIGALRM");
	e2e_put_ts(v, &rq, 0, 120 * MS);
	r = syscall(v->nanosleep.nr, &rq, rem);
	if (handled ? !(r == -1 && errno == EINTR) : r != 0)
		e2e_broken("interrupted nanosleep");
	nsleep(v, &rq, rem, true, E2E_RESTARTBLOCK);
	e2e_line(SIGALRM_LINE);
	if (!handled && e2e_traced("restart_syscall", "restart_syscall"))
		e2e_call_line("0", "restart_syscall(<... resuming interrupted "
			      "%s ...>", v->nanosleep.name);
}

int main(void)
{
	static const char *const runs[] = {
		"default", "%sleep", "nanosleep", "%timer", NULL
	};

	e2e_init_runs(runs);
	FOR_EACH_VARIANT(v) {
		e2e_buf rq, rm;

		if (!v->nanosleep.nr)
			continue;
		nsleep(v, e2e_put_ts(v, &rq, 0, 1000), NULL, false, NULL);
		nsleep(v, e2e_put_ts(v, &rq, 0, 0), &rm, false, NULL);
		nsleep(v, e2e_put_ts(v, &rq, 0, 1000000000), NULL, false, NULL);
		nsleep(v, e2e_put_ts(v, &rq, -1, 0), &rm, false, NULL);
		nsleep(v, e2e_put_ts(v, &rq, 0, -1), NULL, false, NULL);
		nsleep(v, NULL, NULL, false, NULL);
		nsleep(v, E2E_BAD_PTR, &rm, false, NULL);
		nsleep(v, e2e_straddling(e2e_ts_size(v)), NULL, false, NULL);
		/* an unreadable remain is not looked at: the sleep ends */
		nsleep(v, e2e_put_ts(v, &rq, 0, 1000), E2E_BAD_PTR, false, NULL);

		interrupted(v, false, true);
		interrupted(v, true, true);
		interrupted(v, false, false);
	}
	e2e_exit();
}
