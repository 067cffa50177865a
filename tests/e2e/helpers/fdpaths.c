/* fdpaths DIR: the fd-taking calls ttrace traces, on fds of every kind
 * -y shows (tests/e2e/fd-paths.sh runs it under strace -y/-yy and
 * ttrace -y/-yy): a timerfd, an epoll fd, a pipe, sockets (a connected
 * UNIX pair, one bound to an abstract name, a TCP listener), /dev/null,
 * a file in DIR whose name needs escaping; a negative fd and one not
 * open.  Every call by its number, so both tracers see the same calls. */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <stddef.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct itimerspec its = { { 0, 0 }, { 0, 1000 } }, old;
	struct epoll_event ev = { .events = EPOLLIN }, out[4];
	struct timespec ts = { 0, 1000 };
	struct timeval tv = { 0, 1000 };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct sockaddr_in in = { .sin_family = AF_INET,
				  .sin_addr.s_addr = 0x0100007f };	/* 127.0.0.1 */
	struct pollfd pf[9];
	char name[512];
	uint64_t n;
	fd_set r;
	int t, e, p[2], s[2], f, dn, top, ab, tcp;

	if (argc != 2)
		return 2;
	snprintf(name, sizeof(name), "%s/we\nird\377\"\\<x>\0017 ok", argv[1]);
	t = (int)syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 0);
	syscall(SYS_timerfd_settime, t, 0, &its, &old);
	syscall(SYS_timerfd_gettime, t, &old);
	syscall(SYS_read, t, &n, 8);
	e = epoll_create1(0);
	ev.data.fd = t;
	syscall(SYS_timerfd_settime, t, 0, &its, NULL);
	epoll_ctl(e, EPOLL_CTL_ADD, t, &ev);
	syscall(SYS_epoll_wait, e, out, 4, 100);
	syscall(SYS_epoll_pwait, e, out, 4, 100, NULL, 8);
	if (pipe(p) || socketpair(AF_UNIX, SOCK_STREAM, 0, s))
		return 1;
	f = open(name, O_RDONLY | O_CREAT, 0600);
	dn = open("/dev/null", O_RDONLY);
	ab = socket(AF_UNIX, SOCK_DGRAM, 0);
	memcpy(un.sun_path, "\0tt\"fd<paths>", 14);
	tcp = socket(AF_INET, SOCK_STREAM, 0);
	if (bind(ab, (struct sockaddr *)&un,
		 offsetof(struct sockaddr_un, sun_path) + 14) ||
	    bind(tcp, (struct sockaddr *)&in, sizeof(in)) || listen(tcp, 1))
		return 1;
	if (f < 0 || dn < 0 || write(p[1], "x", 1) != 1)
		return 1;
	pf[0] = (struct pollfd){ t, POLLIN, 0 };
	pf[1] = (struct pollfd){ p[0], POLLIN, 0 };
	pf[2] = (struct pollfd){ s[0], POLLOUT, 0 };
	pf[3] = (struct pollfd){ -1, POLLIN, 0 };
	pf[4] = (struct pollfd){ 99, POLLIN, 0 };
	pf[5] = (struct pollfd){ f, POLLIN, 0 };
	pf[6] = (struct pollfd){ dn, POLLIN, 0 };
	pf[7] = (struct pollfd){ ab, POLLIN, 0 };
	pf[8] = (struct pollfd){ tcp, POLLIN, 0 };
	syscall(SYS_poll, pf, 9, 100);
	syscall(SYS_ppoll, pf, 9, &ts, NULL, 8);
	FD_ZERO(&r);
	FD_SET(t, &r);
	FD_SET(p[0], &r);
	FD_SET(s[0], &r);
	FD_SET(dn, &r);
	top = dn > s[0] ? dn : s[0];
	syscall(SYS_select, top + 1, &r, NULL, NULL, &tv);
	FD_ZERO(&r);
	FD_SET(t, &r);
	FD_SET(f, &r);
	ts = (struct timespec){ 0, 1000 };
	syscall(SYS_pselect6, (f > t ? f : t) + 1, &r, NULL, NULL, &ts, NULL);
	/* a clock made from an fd (a timerfd is none: EINVAL) */
	syscall(SYS_clock_gettime, (clockid_t)((~(unsigned)t << 3) | 3), &ts);
	/* the timerfd closed: its number names nothing now */
	close(t);
	syscall(SYS_timerfd_gettime, t, &old);
	unlink(name);
	return 0;
}
