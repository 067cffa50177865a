/* sleeper - the tracee of most tracer behaviour tests.
 *
 *   sleeper [-t THREADS] [-P PROCS] [-n COUNT] [-s NSEC] [-a] [-l LOG]
 *           [-i SIG] [-x STATUS | -k kill|segv]
 *
 * THREADS threads (the main one included) in each of PROCS processes
 * (forked before the threads start) do COUNT (0: forever) raw
 * clock_nanosleep(CLOCK_MONOTONIC, 0, {NSEC}, NULL) calls; -a sleeps until
 * now+NSEC with TIMER_ABSTIME instead.  With -l every thread appends one
 * line per event to LOG, each in a single write:
 *   T PID TID                          the thread is about to sleep
 *   A PID TID SEC NSEC                 before an absolute sleep: its target
 *   H PID TID ITER RC ELAPSED_MS       a sleep returned RC after ELAPSED_MS
 * -i ignores signal SIG.  At the end the main thread exits with STATUS
 * (default 0), is killed by SIGKILL (-k kill) or dereferences NULL
 * (-k segv).  Other processes (-P) exit 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long count = 1, nsec = 1000;
static int absolute, logfd = -1;

static void say(const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	int n;

	if (logfd < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (write(logfd, buf, (size_t)n) != n)
		_exit(99);
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *loop(void *arg)
{
	int pid = getpid(), tid = (int)syscall(SYS_gettid);

	(void)arg;
	say("T %d %d\n", pid, tid);
	for (long i = 1; count == 0 || i <= count; i++) {
		struct timespec ts = { nsec / 1000000000, nsec % 1000000000 };
		long long t0 = now_ns();
		long rc;

		if (absolute) {
			long long end = t0 + nsec;

			ts.tv_sec = end / 1000000000;
			ts.tv_nsec = end % 1000000000;
			say("A %d %d %ld %ld\n", pid, tid, (long)ts.tv_sec,
			    ts.tv_nsec);
		}
		rc = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC,
			     absolute ? TIMER_ABSTIME : 0, &ts, NULL);
		say("H %d %d %ld %ld %lld\n", pid, tid, i, rc < 0 ? -errno : rc,
		    (now_ns() - t0) / 1000000);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int threads = 1, procs = 1, status = 0, c;
	const char *kill_how = NULL;
	pthread_t th[16];

	while ((c = getopt(argc, argv, "t:P:n:s:al:i:x:k:")) != -1) {
		switch (c) {
		case 't': threads = atoi(optarg); break;
		case 'P': procs = atoi(optarg); break;
		case 'n': count = atol(optarg); break;
		case 's': nsec = atol(optarg); break;
		case 'a': absolute = 1; break;
		case 'l':
			logfd = open(optarg, O_WRONLY | O_CREAT | O_APPEND, 0644);
			if (logfd < 0)
				return 99;
			break;
		case 'i': signal(atoi(optarg), SIG_IGN); break;
		case 'x': status = atoi(optarg); break;
		case 'k': kill_how = optarg; break;
		default: return 99;
		}
	}
	if (threads < 1 || threads > 16)
		return 99;
	for (int p = 1; p < procs; p++) {
		pid_t child = fork();

		if (child < 0)
			return 99;
		if (child == 0) {
			kill_how = NULL;
			status = 0;
			procs = 0;
			break;
		}
	}
	for (int i = 1; i < threads; i++)
		if (pthread_create(&th[i], NULL, loop, NULL))
			return 99;
	loop(NULL);
	for (int i = 1; i < threads; i++)
		pthread_join(th[i], NULL);
	while (procs > 1 && wait(NULL) > 0)
		;
	if (kill_how && strcmp(kill_how, "kill") == 0)
		raise(SIGKILL);
	if (kill_how && strcmp(kill_how, "segv") == 0)
		*(volatile int *)0 = 0;
	return status;
}
