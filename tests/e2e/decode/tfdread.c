/* read on a timerfd: the expiration count ("[1]"), a read that would
 * block, one too short; reads of other files (a pipe, a pipe dup2'd over
 * a timerfd's number) are not printed.  Then the program executes itself:
 * a timerfd it inherits is still one (its create call was seen before the
 * exec, or, with -e trace=read, never: /proc/PID/fdinfo says), a
 * close-on-exec one is gone and its number reused by a pipe. */
#include "e2e.h"

#include <fcntl.h>
#include <sys/timerfd.h>

#define ONE_MS 1000000

static void arm(const struct e2e_variant *v, int fd)
{
	e2e_buf nv;

	e2e_timerfd_settime(v, fd, F(0), e2e_put_its(v, &nv, 0, 0, 0, ONE_MS),
			    NULL);
}

/* After the exec: fds inherited from the first image. */
static void second(int kept, int gone)
{
	const struct e2e_variant *v = &e2e_variants[0];
	uint64_t n = 0;
	int p[2];

	if (fcntl(gone, F_GETFD) != -1 || pipe(p) || p[0] != gone ||
	    write(p[1], "abcdefgh", 8) != 8)
		e2e_broken("the close-on-exec timerfd");
	arm(v, kept);
	e2e_read(kept, true, &n, sizeof(n));
	e2e_read(gone, false, &n, sizeof(n));
	e2e_exit();
}

int main(int argc, char **argv)
{
	static const char *const runs[] = {
		"default", "read", "%timer,read", "all", NULL
	};
	char self[64], kept_s[16], gone_s[16];
	uint64_t n = 0;
	int p[2];

	e2e_init_runs(runs);
	if (argc == 4 && !strcmp(argv[1], "second"))
		second(atoi(argv[2]), atoi(argv[3]));

	int fd = e2e_timerfd_create(CLOCK_MONOTONIC);
	long nb = e2e_timerfd_create_raw(CLOCK_BOOTTIME, F(TFD_NONBLOCK));
	long ce = e2e_timerfd_create_raw(CLOCK_REALTIME, F(TFD_CLOEXEC));

	if (nb < 0 || ce < 0 || pipe(p) || write(p[1], "abcdefgh", 8) != 8)
		e2e_broken("setting up");
	FOR_EACH_VARIANT(v) {
		arm(v, fd);
		e2e_read(fd, true, &n, sizeof(n));
	}
	e2e_read((int)nb, true, &n, sizeof(n));
	e2e_read((int)nb, true, &n, 4);
	e2e_read(p[0], false, &n, 4);
	/* The count is taken, then cannot be stored: EFAULT. */
	arm(&e2e_variants[0], fd);
	e2e_read(fd, true, NULL, sizeof(n));
	/* The number of a timerfd, now a pipe's. */
	if (dup2(p[0], (int)nb) != (int)nb)
		e2e_broken("dup2");
	e2e_read((int)nb, false, &n, 4);

	fflush(stdout);
	snprintf(self, sizeof(self), "/proc/%d/exe", (int)getpid());
	snprintf(kept_s, sizeof(kept_s), "%d", fd);
	snprintf(gone_s, sizeof(gone_s), "%ld", ce);
	close(p[0]);
	close(p[1]);
	execl(self, argv[0], "second", kept_s, gone_s, (char *)NULL);
	e2e_broken("execl");
}
