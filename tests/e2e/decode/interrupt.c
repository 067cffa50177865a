/* clock_nanosleep interrupted by SIGALRM, in every ABI variant.
 *
 * A relative sleep ends with "= ? ERESTART_RESTARTBLOCK" and the time left
 * decoded; with SIGALRM ignored the kernel resumes it through
 * restart_syscall (printed when traced).  An absolute sleep ends with
 * "= ? ERESTARTNOHAND", and with SIGALRM ignored the kernel runs the call
 * again, a line of its own.  The time left varies: each line is printed
 * after the call, from what the kernel wrote. */
#include "e2e.h"

#include <sys/time.h>

#define MS 1000000LL
#define SIGALRM_LINE "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---"

static void on_alarm(int sig)
{
	(void)sig;
}

/* SIGALRM after ms, ignored or handled (no SA_RESTART: the program sees
 * EINTR). */
static void alarm_in(long ms, bool handled)
{
	struct sigaction sa;
	e2e_buf it;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handled ? on_alarm : SIG_IGN;
	if (sigaction(SIGALRM, &sa, NULL) ||
	    e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&it, 0, 0, 0, ms * 1000),
			  NULL))
		e2e_broken("arming SIGALRM");
}

static void expect(bool ok, const char *what)
{
	if (!ok)
		e2e_broken(what);
}

static void restart_line(const struct e2e_variant *v, const char *ret)
{
	if (e2e_traced("restart_syscall", "restart_syscall"))
		e2e_call_line(ret, "restart_syscall(<... resuming interrupted "
			      "%s ...>", v->sleep.name);
}

/* Relative: interrupted once, then resumed or cut short. */
static void relative(const struct e2e_variant *v, int flags,
		     const char *flags_s, bool handled, bool with_rem)
{
	e2e_buf rq, rm = { { 0 } };
	void *rem = with_rem ? &rm : NULL;
	long r;

	e2e_put_ts(v, &rq, 0, 120 * MS);
	alarm_in(40, handled);
	r = e2e_sleep_raw(v, CLOCK_MONOTONIC, flags, &rq, rem);
	expect(handled ? r == -1 && errno == EINTR : r == 0, "relative sleep");
	e2e_sleep_line(v, S(CLOCK_MONOTONIC), flags_s, &rq, rem, true,
		       E2E_RESTARTBLOCK);
	e2e_line(SIGALRM_LINE);
	if (!handled)
		restart_line(v, "0");
}

/* Absolute, on CLOCK_REALTIME: re-run when ignored. */
static void absolute(const struct e2e_variant *v, bool handled)
{
	struct timespec now;
	e2e_buf rq, rm;
	long r;

	clock_gettime(CLOCK_REALTIME, &now);
	now.tv_nsec += 120 * MS;
	if (now.tv_nsec >= 1000 * MS) {
		now.tv_sec++;
		now.tv_nsec -= 1000 * MS;
	}
	e2e_put_ts(v, &rq, now.tv_sec, now.tv_nsec);
	alarm_in(40, handled);
	r = e2e_sleep_raw(v, CLOCK_REALTIME, TIMER_ABSTIME, &rq, &rm);
	expect(handled ? r == -1 && errno == EINTR : r == 0, "absolute sleep");
	e2e_sleep_line(v, S(CLOCK_REALTIME), S(TIMER_ABSTIME), &rq, &rm, false,
		       E2E_RESTARTNOHAND);
	e2e_line(SIGALRM_LINE);
	if (!handled)
		e2e_sleep_line(v, S(CLOCK_REALTIME), S(TIMER_ABSTIME), &rq, &rm,
			       false, "0");
}

/* Relative, ignored, interrupted again while restart_syscall resumes it:
 * ttrace still names the sleep (strace: restart_syscall).  Two one-shot
 * timers with two signals (SIGALRM, then SIGUSR2 from POSIX timer id),
 * so that a slow tracer cannot merge them into one.  No remain pointer:
 * the second interruption overwrites the first value. */
static void twice(const struct e2e_variant *v, int id)
{
	e2e_buf rq, nv;

	signal(SIGUSR2, SIG_IGN);
	alarm_in(60, false);
	e2e_timer_settime(v, id, F(0), e2e_put_its(v, &nv, 0, 0, 0, 120 * MS),
			  NULL);
	e2e_put_ts(v, &rq, 0, 180 * MS);
	expect(e2e_sleep_raw(v, CLOCK_MONOTONIC, 0, &rq, NULL) == 0,
	       "twice interrupted sleep");
	e2e_sleep_line(v, S(CLOCK_MONOTONIC), S(0), &rq, NULL, false,
		       E2E_RESTARTBLOCK);
	e2e_line(SIGALRM_LINE);
	restart_line(v, E2E_RESTARTBLOCK);
	/* strace shows si_timerid in hex. */
	e2e_line("--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TIMER, "
		 "si_timerid=%#x, si_overrun=0, si_int=4660, si_ptr=0x1234} ---",
		 id);
	e2e_line("  ^ timer %#x: CLOCK_MONOTONIC", id);
	restart_line(v, "0");
}

int main(void)
{
	static const char *const runs[] = {
		"default", "clock_nanosleep,restart_syscall", "clock_nanosleep",
		NULL
	};

	e2e_init_runs(runs);
	int id = e2e_timer_create(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGUSR2,
				  (void *)0x1234);

	FOR_EACH_VARIANT(v) {
		relative(v, F(0), false, true);
		relative(v, F(0), true, true);
		relative(v, F(0), false, false);
		/* The kernel writes the time left whenever TIMER_ABSTIME is
		 * clear; ttrace shows it (strace only when flags is 0). */
		relative(v, 2, "0x2 /* TIMER_??? */", false, true);
		absolute(v, false);
		absolute(v, true);
		twice(v, id);
	}
	e2e_exit();
}
