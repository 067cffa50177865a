/* c-abs - a periodic loop on absolute deadlines.
 *
 *   c-abs PERIOD_MS COUNT
 *
 * Reads CLOCK_MONOTONIC once, then COUNT times adds the period to the
 * deadline and sleeps until it (clock_nanosleep, TIMER_ABSTIME), called
 * again for the same deadline when a signal cut it short. */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	struct timespec deadline;
	long period;
	int count, err;

	if (argc != 3)
		return 2;
	period = atol(argv[1]) * 1000000L;
	count = atoi(argv[2]);
	if (clock_gettime(CLOCK_MONOTONIC, &deadline))
		return 1;
	while (count-- > 0) {
		deadline.tv_nsec += period;
		deadline.tv_sec += deadline.tv_nsec / 1000000000L;
		deadline.tv_nsec %= 1000000000L;
		do
			err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME,
					      &deadline, NULL);
		while (err == EINTR);
		if (err)
			return 1;
	}
	return 0;
}
