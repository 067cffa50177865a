/* c-timerfd - a periodic timerfd.
 *
 *   c-timerfd PERIOD_MS COUNT
 *
 * Arms a CLOCK_MONOTONIC timerfd to expire every period from one period
 * on, and reads it until it expired COUNT times. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct itimerspec every;
	long period;
	uint64_t expired, count;
	int fd;

	if (argc != 3)
		return 2;
	period = atol(argv[1]) * 1000000L;
	count = (uint64_t)atol(argv[2]);
	every.it_interval.tv_sec = period / 1000000000L;
	every.it_interval.tv_nsec = period % 1000000000L;
	every.it_value = every.it_interval;
	fd = timerfd_create(CLOCK_MONOTONIC, 0);
	if (fd < 0 || timerfd_settime(fd, 0, &every, NULL))
		return 1;
	while (count > 0) {
		if (read(fd, &expired, sizeof(expired)) != sizeof(expired))
			return 1;
		count = expired < count ? count - expired : 0;
	}
	return 0;
}
