/* poll (both ABIs) and ppoll (x86_64; i386 ppoll_time32 and
 * ppoll_time64): ready fds and their revents, timeouts (0 too), negative
 * fds, POLLNVAL, NULL with nfds 0, bad pointers, nfds the kernel refuses,
 * timespecs it refuses, more pollfds than strace shows ("..."), a ppoll
 * sigmask, and waits interrupted by SIGALRM: a poll with a timeout
 * resumed through restart_syscall when the signal is ignored, EINTR with
 * a handler; a ppoll EINTR (ERESTARTNOHAND). */
#include "e2e.h"

#include <poll.h>

#define MANY 40		/* beyond strace's 32 elements */
#define MS 1000000LL

static const struct {
	short bit;
	const char *name;
} events[] = {
	{ POLLIN, "POLLIN" }, { POLLPRI, "POLLPRI" }, { POLLOUT, "POLLOUT" },
	{ POLLERR, "POLLERR" }, { POLLHUP, "POLLHUP" }, { POLLNVAL, "POLLNVAL" },
};

/* The names of ev into buf, "0" for none. */
static void put_events(char *buf, size_t room, short ev)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(events) / sizeof(events[0]); i++)
		if (ev & events[i].bit)
			n += (size_t)snprintf(buf + n, room - n, "%s%s",
					      n ? "|" : "", events[i].name);
	if (!n)
		snprintf(buf, room, "0");
}

/* The pollfds as the kernel read them: up to 32, then "...". */
static const char *fmt_pollfds(const struct pollfd *p, unsigned n)
{
	static char buf[1024];

	snprintf(buf, sizeof(buf), "[");

	for (unsigned i = 0; i < n; i++) {
		char *end = buf + strlen(buf);
		size_t room = sizeof(buf) - strlen(buf);

		if (i == 32) {
			snprintf(end, room, ", ...");
			break;
		}
		char ev[64];

		put_events(ev, sizeof(ev), p[i].events);
		if (p[i].fd < 0)
			snprintf(end, room, "%s{fd=%d}", i ? ", " : "", p[i].fd);
		else
			snprintf(end, room, "%s{fd=%d, events=%s}", i ? ", " : "",
				 p[i].fd, ev);
	}
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "]");
	return buf;
}

/* What strace prints after a return above 0: the pollfds whose revents
 * are not 0 (up to 32, then "..."), and ppoll's time left. */
static const char *fmt_revents(const struct pollfd *p, unsigned n,
			       const char *left)
{
	static char buf[1024], out[1200];
	unsigned shown = 0;

	buf[0] = '\0';

	for (unsigned i = 0; i < n; i++) {
		char *end = buf + strlen(buf);
		size_t room = sizeof(buf) - strlen(buf);

		char ev[64];

		if (!p[i].revents)
			continue;
		if (shown++ == 32) {
			snprintf(end, room, ", ...");
			break;
		}
		put_events(ev, sizeof(ev), p[i].revents);
		snprintf(end, room, "%s{fd=%d, revents=%s}", shown > 1 ? ", " : "",
			 p[i].fd, ev);
	}
	if (!buf[0] && !left)
		return NULL;
	if (!buf[0])
		snprintf(out, sizeof(out), "left %s", left);
	else if (left)
		snprintf(out, sizeof(out), "[%s], left %s", buf, left);
	else
		snprintf(out, sizeof(out), "[%s]", buf);
	return out;
}

static const char *wait_ret(long r, int err, const char *result)
{
	if (r == 0)
		return "0 (Timeout)";
	if (r > 0 && result) {
		static char buf[1300];

		snprintf(buf, sizeof(buf), "%ld (%s)", r, result);
		return buf;
	}
	return e2e_ret(r, err);
}

/* poll(fds, n, ms) and its line; ret: the text of an interrupted one. */
static long do_poll(struct pollfd *fds, unsigned n, int ms, const char *ret)
{
	const struct e2e_call *c = &e2e_wait_abi.poll;
	const char *in = fds && n && e2e_readable(fds, sizeof(*fds)) ?
		fmt_pollfds(fds, n) : e2e_addr(fds);
	long r = ret ? -1 : syscall(c->nr, fds, n, ms);
	int err = errno;

	if (e2e_traced(c->name, c->family))
		e2e_call_line(ret ? ret : wait_ret(r, err, r > 0 ?
						    fmt_revents(fds, n, NULL) : NULL),
			      "%s(%s, %u, %d", c->name, in, n, ms);
	errno = err;
	return r;
}

/* ppoll(fds, n, ts, sigmask, 8) of variant v with its line. */
static long do_ppoll(const struct e2e_variant *v, struct pollfd *fds,
		     unsigned n, void *ts, const sigset_t *mask,
		     const char *mask_s, const char *ret)
{
	const struct e2e_call *c = &E2E_WAITS(v)->ppoll;
	const char *in = fds && n && e2e_readable(fds, sizeof(*fds)) ?
		fmt_pollfds(fds, n) : e2e_addr(fds);
	const char *tin = e2e_in(v, c->name, ts, e2e_ts_size(v), e2e_fmt_ts,
				 "tsp");
	long r = ret ? -1 : syscall(c->nr, fds, n, ts, mask, 8);
	int err = errno;

	if (e2e_traced(c->name, c->family)) {
		const char *left = ts && r > 0 ?
			e2e_fmt_ts(v, c->name, ts, "tsp") : NULL;

		e2e_call_line(ret ? ret : wait_ret(r, err, r > 0 ?
						    fmt_revents(fds, n, left) : NULL),
			      "%s(%s, %u, %s, %s, 8", c->name, in, n, tin,
			      mask_s);
	}
	errno = err;
	return r;
}

static void interrupted_poll(int fd, bool handled)
{
	struct pollfd p = { fd, POLLIN, 0 };
	long r;

	e2e_alarm_in(40, handled);
	r = syscall(e2e_wait_abi.poll.nr, &p, 1, 120);
	if (handled ? !(r == -1 && errno == EINTR) : r != 0)
		e2e_broken("interrupted poll");
	do_poll(&p, 1, 120, E2E_RESTARTBLOCK);
	e2e_line(E2E_SIGALRM_LINE);
	if (!handled && e2e_traced("restart_syscall", "restart_syscall"))
		e2e_call_line("0", "restart_syscall(<... resuming interrupted "
			      "poll ...>");
}

static void interrupted_ppoll(const struct e2e_variant *v, int fd)
{
	struct pollfd p = { fd, POLLIN, 0 };
	e2e_buf ts, entry;
	long r;

	e2e_put_ts(v, &ts, 0, 120 * MS);
	memcpy(&entry, &ts, sizeof(ts));
	e2e_alarm_in(40, true);
	r = syscall(E2E_WAITS(v)->ppoll.nr, &p, 1, &ts, NULL, 8);
	if (!(r == -1 && errno == EINTR))
		e2e_broken("interrupted ppoll");
	do_ppoll(v, &p, 1, &entry, NULL, "NULL", E2E_RESTARTNOHAND);
	e2e_line(E2E_SIGALRM_LINE);
}

int main(void)
{
	static const char *const runs[] = {
		"poll,ppoll,restart_syscall", "ppoll", NULL
	};
	int ready[2], empty[2];
	struct pollfd p[MANY];
	sigset_t usr1;

	e2e_init_runs(runs);
	if (pipe(ready) || pipe(empty) || write(ready[1], "x", 1) != 1)
		e2e_broken("pipes");
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);

	/* ready, timed out, zero timeout, negative and closed fds */
	p[0] = (struct pollfd){ ready[0], POLLIN, 0 };
	p[1] = (struct pollfd){ ready[1], POLLOUT, 0 };
	do_poll(p, 2, 1000, NULL);
	p[0] = (struct pollfd){ empty[0], POLLIN | POLLPRI, 0 };
	do_poll(p, 1, 10, NULL);
	do_poll(p, 1, 0, NULL);
	p[0] = (struct pollfd){ -1, POLLIN, 0 };
	p[1] = (struct pollfd){ ready[0], POLLIN, 0 };
	do_poll(p, 2, 0, NULL);
	p[0] = (struct pollfd){ 100, POLLIN, 0 };
	do_poll(p, 1, 0, NULL);
	/* NULL, bad pointers, too many fds */
	do_poll(NULL, 0, 0, NULL);
	do_poll(E2E_BAD_PTR, 1, 0, NULL);
	do_poll(NULL, 1u << 30, 0, NULL);
	/* more than strace shows, every one ready */
	for (unsigned i = 0; i < MANY; i++)
		p[i] = (struct pollfd){ ready[0], POLLIN, 0 };
	do_poll(p, MANY, 0, NULL);
	interrupted_poll(empty[0], false);
	interrupted_poll(empty[0], true);

	FOR_EACH_VARIANT(v) {
		e2e_buf ts;

		p[0] = (struct pollfd){ ready[0], POLLIN, 0 };
		p[1] = (struct pollfd){ ready[1], POLLOUT, 0 };
		do_ppoll(v, p, 2, e2e_put_ts(v, &ts, 1, 0), NULL, "NULL", NULL);
		do_ppoll(v, p, 2, NULL, &usr1, "[USR1]", NULL);
		do_ppoll(v, p, 1, e2e_put_ts(v, &ts, 0, 0), &usr1, "[USR1]", NULL);
		p[0] = (struct pollfd){ empty[0], POLLIN, 0 };
		do_ppoll(v, p, 1, e2e_put_ts(v, &ts, 0, 1 * MS), NULL, "NULL",
			 NULL);
		do_ppoll(v, p, 1, e2e_put_ts(v, &ts, 0, 0), NULL, "NULL", NULL);
		do_ppoll(v, NULL, 0, e2e_put_ts(v, &ts, 0, 0), NULL, "NULL",
			 NULL);
		do_ppoll(v, p, 1, e2e_put_ts(v, &ts, 0, 1000000000), NULL,
			 "NULL", NULL);
		do_ppoll(v, p, 1, e2e_put_ts(v, &ts, -1, 0), NULL, "NULL", NULL);
		do_ppoll(v, p, 1, E2E_BAD_PTR, NULL, "NULL", NULL);
		do_ppoll(v, E2E_BAD_PTR, 1, e2e_put_ts(v, &ts, 0, 0), NULL,
			 "NULL", NULL);
		for (unsigned i = 0; i < MANY; i++)
			p[i] = (struct pollfd){ i % 2 ? ready[0] : empty[0],
						POLLIN, 0 };
		do_ppoll(v, p, MANY, e2e_put_ts(v, &ts, 0, 0), NULL, "NULL",
			 NULL);
		interrupted_ppoll(v, empty[0]);
	}
	e2e_exit();
}
