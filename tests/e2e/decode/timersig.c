/* The signal of a POSIX timer: si_timerid, si_overrun and the sigev_value
 * (si_int, si_ptr); glibc's SIGRTMIN (34) is SIGRT_2 in strace's names.
 * Two timers, so that one has a non-zero id. */
#include "e2e.h"

static void on_signal(int sig)
{
	(void)sig;
}

/* A one-shot timer of 10 ms, armed with every variant in turn. */
static void fire(int signo, const char *name)
{
	int id = e2e_timer_create(CLOCK_MONOTONIC, SIGEV_SIGNAL, signo,
				  (void *)0x1234);
	sigset_t block, old;

	sigemptyset(&block);
	sigaddset(&block, signo);
	signal(signo, on_signal);
	sigprocmask(SIG_BLOCK, &block, &old);
	FOR_EACH_VARIANT(v) {
		e2e_buf nv;

		e2e_timer_settime(v, id, F(0),
				  e2e_put_its(v, &nv, 0, 0, 0, 10000000), NULL);
		sigsuspend(&old);
		/* strace shows si_timerid in hex: 0, 0x1, ... */
		e2e_line("--- %s {si_signo=%s, si_code=SI_TIMER, si_timerid=%#x, "
			 "si_overrun=0, si_int=4660, si_ptr=0x1234} ---",
			 name, name, id);
		/* ttrace names the timer on a line of its own */
		e2e_line("  ^ timer %#x: CLOCK_MONOTONIC", id);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

int main(void)
{
	e2e_init();
	fire(SIGUSR1, "SIGUSR1");
	fire(SIGRTMIN, "SIGRT_2");
	e2e_exit();
}
