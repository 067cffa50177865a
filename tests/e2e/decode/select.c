/* select (x86_64; i386 _newselect) and pselect6 (x86_64; i386
 * pselect6_time32 and pselect6_time64): ready sets ("in", "out" and
 * "except" after the return value, an AF_UNIX socket's out-of-band byte
 * for the last), the time left, timeouts (0 too), NULL and empty sets,
 * n = 0, n < 0 and n > 1024, unreadable sets and timeouts, pselect6's
 * sigmask argument in each form, timespecs the kernel refuses, and waits
 * interrupted by SIGALRM with a handler (ERESTARTNOHAND, EINTR to the
 * program).  The kernel writes the sets and the time left back: ttrace's
 * TOCTOU check, on by default, must report nothing (an annotation line
 * would differ).  i386's old one-argument select, whose argument points
 * to the five others, is shown as the select it makes (as strace does),
 * or as its pointer when that is NULL or unreadable. */
#include "e2e.h"

#include <sys/select.h>
#include <sys/socket.h>

#define MS 1000000LL

/* A set of n bits as shown at entry: "[3 4]", its address for n <= 0. */
static const char *fmt_set(const fd_set *s, int n)
{
	char buf[256] = "";

	if (!s || n <= 0 || !e2e_readable(s, sizeof(long)))
		return e2e_addr(s);
	for (int fd = 0; fd < n && fd < FD_SETSIZE; fd++)
		if (FD_ISSET(fd, s))
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
				 "%s%d", buf[0] ? " " : "", fd);
	return e2e_fmt("[%s]", buf);
}

/* "in [3], out [4], left {...}": the sets as the kernel left them. */
static const char *fmt_result(fd_set *const sets[3], int n, long ready,
			      const char *left)
{
	static const char *const names[] = { "in", "out", "except" };
	char buf[512] = "";

	for (int s = 0; s < 3 && ready > 0; s++) {
		bool first = true;

		if (!sets[s])
			continue;
		for (int fd = 0; fd < n && fd < FD_SETSIZE && ready > 0; fd++) {
			if (!FD_ISSET(fd, sets[s]))
				continue;
			if (first)
				snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
					 "%s%s [%d", buf[0] ? ", " : "", names[s], fd);
			else
				snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
					 " %d", fd);
			first = false;
			ready--;
		}
		if (!first)
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "]");
	}
	if (left)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%sleft %s",
			 buf[0] ? ", " : "", left);
	return e2e_fmt("%s", buf);
}

static const char *wait_ret(long r, int err, const char *result)
{
	if (r == 0)
		return "0 (Timeout)";
	if (r > 0 && result[0])
		return e2e_fmt("%ld (%s)", r, result);
	return e2e_ret(r, err);
}

/* A timeval of the C library's (the kernel's for select in both ABIs). */
static const char *fmt_tv(const long *tv)
{
	if (!tv || !e2e_readable(tv, 2 * sizeof(long)))
		return e2e_addr(tv);
	return e2e_fmt("{tv_sec=%ld, tv_usec=%lu}", tv[0], (unsigned long)tv[1]);
}

/* select(n, in, out, ex, tv) through call c and its line; ret: an
 * interrupted one's.  old: c is i386's old select (82), which takes its
 * five arguments in memory (struct sel_arg_struct, longs). */
static long select_via(const struct e2e_call *c, bool old, int n, fd_set *in,
		       fd_set *out, fd_set *ex, long *tv, const char *ret)
{
	long args[5] = { n, (long)in, (long)out, (long)ex, (long)tv };
	fd_set *sets[3] = { in, out, ex };
	const char *a[3], *t = fmt_tv(tv);
	long r;
	int err;

	for (int s = 0; s < 3; s++)
		a[s] = fmt_set(sets[s], n);
	if (ret)
		r = -1;
	else if (old)
		r = syscall(c->nr, args);
	else
		r = syscall(c->nr, n, in, out, ex, tv);
	err = errno;
	if (e2e_traced(c->name, c->family))
		e2e_call_line(ret ? ret : wait_ret(r, err, r > 0 ?
			fmt_result(sets, n, r, tv ? fmt_tv(tv) : NULL) : ""),
			"%s(%d, %s, %s, %s, %s", c->name, n, a[0], a[1], a[2], t);
	errno = err;
	return r;
}

static long do_select(int n, fd_set *in, fd_set *out, fd_set *ex, long *tv,
		      const char *ret)
{
	return select_via(&e2e_wait_abi.select, false, n, in, out, ex, tv, ret);
}

/* pselect6's sixth argument: {const sigset_t *, size_t}. */
struct sigarg {
	const void *ss;
	size_t len;
};

static const char *fmt_sigarg(const struct sigarg *sa, const char *set_s)
{
	if (!sa || !e2e_readable(sa, sizeof(*sa)))
		return e2e_addr(sa);
	if (!sa->ss)
		return e2e_fmt("{sigmask=NULL, sigsetsize=%zu}", sa->len);
	/* the set, for a size the kernel could take */
	if (sa->len >= sizeof(long) && sa->len <= 8 && sa->len % sizeof(long) == 0 &&
	    e2e_readable(sa->ss, 8))
		return e2e_fmt("{sigmask=%s, sigsetsize=%zu}", set_s, sa->len);
	return e2e_fmt("{sigmask=%s, sigsetsize=%zu}", e2e_addr(sa->ss), sa->len);
}

static long do_pselect6(const struct e2e_variant *v, int n, fd_set *in,
			fd_set *out, fd_set *ex, void *ts,
			const struct sigarg *sa, const char *set_s,
			const char *ret)
{
	const struct e2e_call *c = &E2E_WAITS(v)->pselect6;
	fd_set *sets[3] = { in, out, ex };
	const char *a[3], *t, *sig = fmt_sigarg(sa, set_s);
	long r;
	int err;

	for (int s = 0; s < 3; s++)
		a[s] = fmt_set(sets[s], n);
	t = e2e_in(v, c->name, ts, e2e_ts_size(v), e2e_fmt_ts, "tsp");
	r = ret ? -1 : syscall(c->nr, n, in, out, ex, ts, sa);
	err = errno;
	if (e2e_traced(c->name, c->family))
		e2e_call_line(ret ? ret : wait_ret(r, err, r > 0 ?
			fmt_result(sets, n, r, ts ? e2e_fmt_ts(v, c->name, ts, "tsp")
						  : NULL) : ""),
			"%s(%d, %s, %s, %s, %s, %s", c->name, n, a[0], a[1], a[2],
			t, sig);
	errno = err;
	return r;
}

static fd_set *set_of(fd_set *s, int fd1, int fd2)
{
	FD_ZERO(s);
	if (fd1 >= 0)
		FD_SET(fd1, s);
	if (fd2 >= 0)
		FD_SET(fd2, s);
	return s;
}

static void interrupted_select(int fd)
{
	fd_set r, entry;
	long tv[2] = { 0, 120000 }, tv0[2] = { 0, 120000 };
	long ret;

	set_of(&r, fd, -1);
	entry = r;
	e2e_alarm_in(40, true);
	ret = syscall(e2e_wait_abi.select.nr, fd + 1, &r, NULL, NULL, tv);
	if (!(ret == -1 && errno == EINTR))
		e2e_broken("interrupted select");
	do_select(fd + 1, &entry, NULL, NULL, tv0, E2E_RESTARTNOHAND);
	e2e_line(E2E_SIGALRM_LINE);
}

static void interrupted_pselect6(const struct e2e_variant *v, int fd)
{
	fd_set r, entry;
	e2e_buf ts, ts0;
	long ret;

	set_of(&r, fd, -1);
	entry = r;
	e2e_put_ts(v, &ts, 0, 120 * MS);
	memcpy(&ts0, &ts, sizeof(ts));
	e2e_alarm_in(40, true);
	ret = syscall(E2E_WAITS(v)->pselect6.nr, fd + 1, &r, NULL, NULL, &ts,
		      NULL);
	if (!(ret == -1 && errno == EINTR))
		e2e_broken("interrupted pselect6");
	do_pselect6(v, fd + 1, &entry, NULL, NULL, &ts0, NULL, NULL,
		    E2E_RESTARTNOHAND);
	e2e_line(E2E_SIGALRM_LINE);
}

/* i386's select(82), its arguments in memory: shown as the select. */
static void old_select_args(int n, fd_set *in, fd_set *out, fd_set *ex,
			    long *tv)
{
	if (e2e_wait_abi.old_select.nr)
		select_via(&e2e_wait_abi.old_select, true, n, in, out, ex, tv,
			   NULL);
}

/* i386's select(82) with an argument that points to nothing: shown as
 * strace shows it when it cannot read what it points to. */
static void old_select(const void *arg)
{
	const struct e2e_call *c = &e2e_wait_abi.old_select;
	long r;
	int err;

	if (!c->nr)
		return;
	r = syscall(c->nr, arg);
	err = errno;
	if (e2e_traced(c->name, c->family))
		e2e_call_line(e2e_ret(r, err), "%s(%s", c->name, e2e_addr(arg));
}

int main(void)
{
	static const char *const runs[] = {
		"select,pselect6", "pselect6", NULL
	};
	int ready[2], empty[2], us[2];
	fd_set r, w, e;
	fd_set *big;
	sigset_t usr1;

	e2e_init_runs(runs);
	if (pipe(ready) || pipe(empty) || write(ready[1], "x", 1) != 1 ||
	    socketpair(AF_UNIX, SOCK_STREAM, 0, us) ||
	    send(us[0], "x", 1, MSG_OOB) != 1)
		e2e_broken("pipes and sockets");
	big = calloc(1, 2048 / 8);
	if (!big)
		e2e_broken("calloc");
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);

	{
		int hi = us[1] > empty[1] ? us[1] : empty[1];
		long tv[2];

		/* ready sets, and the time left */
		tv[0] = 1, tv[1] = 0;
		do_select(ready[1] + 1, set_of(&r, ready[0], -1),
			  set_of(&w, ready[1], -1), NULL, tv, NULL);
		tv[0] = 0, tv[1] = 0;
		do_select(hi + 1, set_of(&r, us[1], empty[0]),
			  set_of(&w, us[0], -1), set_of(&e, us[1], -1), tv,
			  NULL);
		do_select(hi + 1, set_of(&r, us[1], -1), NULL,
			  set_of(&e, us[1], empty[0]), tv, NULL);
		do_select(ready[0] + 1, set_of(&r, ready[0], -1), NULL, NULL,
			  NULL, NULL);
		/* timeouts, empty sets */
		tv[0] = 0, tv[1] = 1000;
		do_select(empty[0] + 1, set_of(&r, empty[0], -1), NULL, NULL,
			  tv, NULL);
		tv[0] = 0, tv[1] = 0;
		do_select(hi + 1, set_of(&r, -1, -1), set_of(&w, -1, -1),
			  NULL, tv, NULL);
		do_select(0, NULL, NULL, NULL, tv, NULL);
		do_select(0, set_of(&r, ready[0], -1), NULL, NULL, tv, NULL);
		/* more than 1024 fds: the kernel takes those it has */
		FD_SET(ready[0], big);
		do_select(2048, big, NULL, NULL, tv, NULL);
		/* refused */
		do_select(-1, set_of(&r, ready[0], -1), NULL, NULL, tv, NULL);
		do_select(4, E2E_BAD_PTR, NULL, NULL, tv, NULL);
		do_select(4, NULL, NULL, NULL, (long *)E2E_BAD_PTR, NULL);
		tv[0] = 0, tv[1] = 1000000;
		do_select(4, NULL, NULL, NULL, tv, NULL);
		tv[0] = -1, tv[1] = 0;
		do_select(4, NULL, NULL, NULL, tv, NULL);
		interrupted_select(empty[0]);
	}

	FOR_EACH_VARIANT(v) {
		struct sigarg sa = { &usr1, 8 };
		e2e_buf ts;

		do_pselect6(v, ready[1] + 1, set_of(&r, ready[0], -1),
			    set_of(&w, ready[1], -1), NULL,
			    e2e_put_ts(v, &ts, 0, 1 * MS), &sa, "[USR1]", NULL);
		do_pselect6(v, us[1] + 1, set_of(&r, us[1], -1), NULL,
			    set_of(&e, us[1], -1), e2e_put_ts(v, &ts, 0, 0),
			    NULL, NULL, NULL);
		do_pselect6(v, empty[0] + 1, set_of(&r, empty[0], -1), NULL,
			    NULL, e2e_put_ts(v, &ts, 0, 1 * MS), &sa, "[USR1]",
			    NULL);
		sa.ss = NULL;
		do_pselect6(v, 0, NULL, NULL, NULL, e2e_put_ts(v, &ts, 0, 0),
			    &sa, NULL, NULL);
		sa.ss = (void *)1;
		do_pselect6(v, 0, NULL, NULL, NULL, e2e_put_ts(v, &ts, 0, 0),
			    &sa, NULL, NULL);
		sa.ss = &usr1;
		sa.len = 4;
		do_pselect6(v, 0, NULL, NULL, NULL, e2e_put_ts(v, &ts, 0, 0),
			    &sa, "[USR1]", NULL);
		do_pselect6(v, 0, NULL, NULL, NULL, e2e_put_ts(v, &ts, 0, 0),
			    E2E_BAD_PTR, NULL, NULL);
		do_pselect6(v, ready[0] + 1, set_of(&r, ready[0], -1), NULL,
			    NULL, NULL, NULL, NULL, NULL);
		do_pselect6(v, 0, NULL, NULL, NULL,
			    e2e_put_ts(v, &ts, 0, 1000000000), NULL, NULL, NULL);
		do_pselect6(v, 0, NULL, NULL, NULL, E2E_BAD_PTR, NULL, NULL,
			    NULL);
		interrupted_pselect6(v, empty[0]);
	}

	{
		long tv[2] = { 1, 0 };

		/* ready, timed out, no timeout, a timeout unreadable */
		old_select_args(ready[0] + 1, set_of(&r, ready[0], -1), NULL,
				NULL, tv);
		tv[0] = 0, tv[1] = 2000;
		old_select_args(empty[0] + 1, set_of(&r, empty[0], -1), NULL,
				NULL, tv);
		old_select_args(ready[1] + 1, NULL, set_of(&w, ready[1], -1),
				NULL, NULL);
		old_select_args(ready[0] + 1, set_of(&r, ready[0], -1), NULL,
				NULL, E2E_BAD_PTR);
	}
	old_select(NULL);
	old_select(E2E_BAD_PTR);
	e2e_exit();
}
