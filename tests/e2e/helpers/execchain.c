/* execchain - sleeps, then execs the next program: built both as an
 * x86_64 program (execchain) and an i386 one (execchain32).
 *
 *   execchain NSEC [PROG ARGS...]
 *
 * One raw clock_nanosleep(CLOCK_MONOTONIC, 0, {NSEC}, NULL): on i386 that
 * is syscall 267, clock_nanosleep_time32.  Then execs PROG ARGS if given,
 * else exits 0.
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long long ns;
	struct timespec ts;

	if (argc < 2)
		return 99;
	ns = atoll(argv[1]);
	ts.tv_sec = (time_t)(ns / 1000000000);
	ts.tv_nsec = (long)(ns % 1000000000);
	if (syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL) != 0)
		return 98;
	if (argc > 2) {
		execv(argv[2], argv + 2);
		return 97;
	}
	return 0;
}
