/* waits N: polls of a ready pipe, N of each kind, the untimed among the
 * timed: poll with -1 (no timeout), 0 and 5 ms, ppoll with NULL (none)
 * and a second.  Each returns at once (the pipe holds a byte), so the
 * thread sleeps only when a tracer stops it: a ptrace stop is a voluntary
 * context switch.  Prints a line per kind, "KIND SWITCHES", the switches
 * its N calls made (getrusage RUSAGE_THREAD): about none untraced or
 * when the tracer's filter lets the call run, N or more when it stops at
 * each.  The calls are made with their numbers, not the C library's
 * wrappers (which may make poll a ppoll). */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long switches(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_THREAD, &ru) < 0)
		exit(1);
	return ru.ru_nvcsw;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1;
	struct timespec second = { 1, 0 };
	struct pollfd pfd;
	int fds[2];
	static const char *const kinds[] = {
		"poll-1", "poll0", "poll5", "ppoll-null", "ppoll-ts",
	};

	if (pipe(fds) < 0 || write(fds[1], "x", 1) != 1)
		return 1;
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	for (unsigned k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		long before = switches(), ret = 0;

		for (long i = 0; i < n && ret >= 0; i++) {
			switch (k) {
			case 0:
				ret = syscall(SYS_poll, &pfd, 1, -1);
				break;
			case 1:
				ret = syscall(SYS_poll, &pfd, 1, 0);
				break;
			case 2:
				ret = syscall(SYS_poll, &pfd, 1, 5);
				break;
			case 3:
				ret = syscall(SYS_ppoll, &pfd, 1, NULL, NULL, 8);
				break;
			default:
				/* the kernel writes the time left back */
				second.tv_sec = 1;
				second.tv_nsec = 0;
				ret = syscall(SYS_ppoll, &pfd, 1, &second,
					      NULL, 8);
				break;
			}
		}
		if (ret != 1)
			return 1;
		printf("%s %ld\n", kinds[k], switches() - before);
	}
	return 0;
}
