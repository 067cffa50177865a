/* distinct N [CLOCK]: N raw clock_nanosleep(CLOCK, 0, {0, i}, NULL) calls,
 * i from 1 to N ns: N distinct requested values, for the cost of
 * --profile in their number (tests/e2e/profile-scale.sh).  CLOCK defaults
 * to CLOCK_MONOTONIC (1); CLOCK_THREAD_CPUTIME_ID (3) makes every call
 * fail at once with EINVAL, so N can be large without sleeping. */
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	long clock = argc > 2 ? atol(argv[2]) : CLOCK_MONOTONIC;

	for (long i = 1; i <= n; i++) {
		struct timespec ts = { 0, i };

		syscall(SYS_clock_nanosleep, clock, 0, &ts, NULL);
	}
	return 0;
}
