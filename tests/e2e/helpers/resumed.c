/* resumed - waits that a signal interrupts with no handler run, which the
 * kernel then resumes through restart_syscall, their deadline kept in the
 * restart block (poll, a FUTEX_WAIT with a timeout), for the test of what
 * ttrace says of how they ended (tests/e2e/resumed-waits.sh).
 *
 * SIGALRM is ignored, which stops a traced program all the same: its
 * wait returns ERESTART_RESTARTBLOCK at the signal, the tracer passes the
 * signal on, the kernel drops it and resumes the wait.  Each wait is hit
 * by an ITIMER_REAL of 50 ms, in this order:
 *   a poll of 200 ms on an empty pipe: times out in restart_syscall
 *   a FUTEX_WAIT_PRIVATE of 200 ms on a word that stays 0: times out
 *     (ETIMEDOUT)
 *   a poll of 2000 ms that a child makes ready after 150 ms: ready
 * Exits 0, or 1 when a wait ended otherwise.
 */
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* SIGALRM in 50 ms. */
static void alarm_soon(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 50000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
	struct timespec tmo = { 0, 200000000 }, later = { 0, 150000000 };
	uint32_t word = 0;
	struct pollfd p;
	int fds[2], bad = 0, status;
	pid_t child;

	if (pipe(fds) < 0 || signal(SIGALRM, SIG_IGN) == SIG_ERR)
		return 1;
	p.fd = fds[0];
	p.events = POLLIN;

	alarm_soon();
	bad |= syscall(SYS_poll, &p, 1, 200) != 0;

	alarm_soon();
	bad |= syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &tmo) != -1;

	child = fork();
	if (child < 0)
		return 1;
	if (child == 0) {
		nanosleep(&later, NULL);
		_exit(write(fds[1], "x", 1) != 1);
	}
	alarm_soon();
	bad |= syscall(SYS_poll, &p, 1, 2000) != 1;
	bad |= waitpid(child, &status, 0) != child || status != 0;
	return bad;
}
