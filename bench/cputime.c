/* bench/cputime CMD [ARGS]: runs CMD (its output to /dev/null) and prints
 * "WALL SELF CHILDREN" in seconds: its wall time, the CPU time (user +
 * system) of CMD's own process, and that of the children it waited for.
 * Under ttrace CMD is ttrace, SELF its own cost and CHILDREN the traced
 * program's.  The times are read from /proc/PID/stat while CMD is a
 * zombie (waitid WNOWAIT), before it is reaped: a shell's time would add
 * the two. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	unsigned long long utime, stime, cutime, cstime;
	double start, wall, tick = (double)sysconf(_SC_CLK_TCK);
	char path[64], buf[4096], *p;
	siginfo_t si;
	FILE *fp;
	pid_t pid;
	size_t n;

	if (argc < 2) {
		fputs("usage: cputime CMD [ARGS...]\n", stderr);
		return 2;
	}
	start = now();
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (pid < 0 || waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT) < 0)
		return 1;
	wall = now() - start;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fp = fopen(path, "r");
	n = fp ? fread(buf, 1, sizeof(buf) - 1, fp) : 0;
	if (fp)
		fclose(fp);
	buf[n] = '\0';
	/* after "(comm)": fields 3 on; utime .. cstime are 14 .. 17 */
	p = strrchr(buf, ')');
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u "
			 "%llu %llu %llu %llu", &utime, &stime, &cutime,
			 &cstime) != 4)
		return 1;
	waitpid(pid, NULL, 0);
	printf("%.3f %.3f %.3f\n", wall, (double)(utime + stime) / tick,
	       (double)(cutime + cstime) / tick);
	return si.si_code == CLD_EXITED && si.si_status == 0 ? 0 : 1;
}
