/* timerloop - a process with timers ttrace did not see created.
 *
 *   timerloop LOG
 *
 * Creates a POSIX timer on CLOCK_BOOTTIME sending SIGUSR1 (handled, with
 * SA_RESTART) and a timerfd on CLOCK_MONOTONIC, both every 20 ms, writes
 * "ready PID TIMERID FD" to LOG, then reads the timerfd forever. */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	struct itimerspec every = { { 0, 20000000 }, { 0, 20000000 } };
	struct sigaction sa;
	struct sigevent sev;
	uint64_t n;
	int id, fd;
	FILE *log;

	if (argc != 2)
		return 2;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	fd = timerfd_create(CLOCK_MONOTONIC, 0);
	if (sigaction(SIGUSR1, &sa, NULL) || fd < 0 ||
	    syscall(SYS_timer_create, CLOCK_BOOTTIME, &sev, &id) ||
	    syscall(SYS_timer_settime, id, 0, &every, NULL) ||
	    timerfd_settime(fd, 0, &every, NULL))
		return 1;
	log = fopen(argv[1], "w");
	if (!log)
		return 1;
	fprintf(log, "ready %d %d %d\n", (int)getpid(), id, fd);
	fclose(log);
	for (;;)
		if (read(fd, &n, sizeof(n)) < 0)
			return 1;
}
