/* spin - the tracee of the SIGKILL tests: a tight loop of raw
 * clock_nanosleep(CLOCK_MONOTONIC, 0, {0, 0}, NULL) calls, so that a
 * kill at a random moment often lands at a syscall entry or exit stop.
 *
 *   spin [COUNT]
 *
 * COUNT calls (default 0: forever), then exit 0.
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long count = argc > 1 ? atol(argv[1]) : 0;
	struct timespec ts = { 0, 0 };

	for (long i = 0; count == 0 || i < count; i++)
		syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
	return 0;
}
