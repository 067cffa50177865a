/* waiter - a program whose waits end every way, for the tests of what
 * ttrace says of waits (-c, --json, --profile and --check, --timeline).
 *
 *   waiter [-i INTERVAL_MS] [-n TICKS] [-z ZEROS] [-f FDS] [-x STATUS]
 *
 * On a pipe (its read end FDS times in each call, default 1: more than
 * ttrace shows of an array with 40), with raw poll and ppoll calls, in
 * this order:
 *   TICKS polls (default 3) of INTERVAL_MS (default 20) that time out
 *   ZEROS polls (default 1) with a timeout of 0 that time out at once
 *   a poll of 1000 ms on a byte written first: ready
 *   a ppoll of 500 ms, SIGUSR1 blocked meanwhile: ready
 *   a ppoll of 10 ms once the byte is read: times out
 *   a ppoll with no timeout on a new byte: ready (traced only with
 *   -e trace=%wait or by name: without -e, waits without a timeout are not)
 *   a ppoll of 1000 ms that unblocks SIGUSR1, already pending: interrupted
 *   (ERESTARTNOHAND; the handler runs)
 *   a poll of 10 ms on a bad address: fails (EFAULT)
 * Then exits with STATUS (default 0).  Nothing else it does is traced by
 * default (no sleep, no timer).
 */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define SIGSET_SIZE 8	/* the kernel's sigset_t */

static void on_usr1(int sig)
{
	(void)sig;
}

#define MAX_FDS 64

static struct pollfd fds[MAX_FDS];
static long nfds = 1;

static long do_poll(struct pollfd *p, long timeout_ms)
{
	return syscall(SYS_poll, p, nfds, timeout_ms);
}

static long do_ppoll(const struct timespec *ts, const sigset_t *mask)
{
	return syscall(SYS_ppoll, fds, nfds, ts, mask, SIGSET_SIZE);
}

int main(int argc, char **argv)
{
	long interval = 20, ticks = 3, zeros = 1;
	int status = 0, c, p[2];
	struct timespec half = { 0, 500000000 }, tenth = { 0, 10000000 };
	struct timespec second = { 1, 0 };
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t usr1, none;
	char byte = 'x';

	while ((c = getopt(argc, argv, "i:n:z:f:x:")) != -1) {
		switch (c) {
		case 'i':
			interval = atol(optarg);
			break;
		case 'n':
			ticks = atol(optarg);
			break;
		case 'z':
			zeros = atol(optarg);
			break;
		case 'f':
			nfds = atol(optarg);
			if (nfds < 1 || nfds > MAX_FDS)
				return 2;
			break;
		case 'x':
			status = atoi(optarg);
			break;
		default:
			return 2;
		}
	}
	if (pipe(p) < 0)
		return 3;
	for (long i = 0; i < nfds; i++)
		fds[i] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	sigemptyset(&none);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigaction(SIGUSR1, &sa, NULL);	/* no SA_RESTART */

	for (long i = 0; i < ticks; i++)
		do_poll(fds, interval);
	for (long i = 0; i < zeros; i++)
		do_poll(fds, 0);
	if (write(p[1], &byte, 1) != 1)
		return 3;
	do_poll(fds, 1000);
	do_ppoll(&half, &usr1);
	if (read(p[0], &byte, 1) != 1)
		return 3;
	do_ppoll(&tenth, &usr1);
	if (write(p[1], &byte, 1) != 1)
		return 3;
	do_ppoll(NULL, &usr1);
	if (read(p[0], &byte, 1) != 1)
		return 3;
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	raise(SIGUSR1);
	do_ppoll(&second, &none);
	do_poll((struct pollfd *)8, 10);
	return status;
}
