/* epoll_wait, epoll_pwait and epoll_pwait2 (one entry point each in both
 * ABIs): a ready fd, a timeout that expires, a zero timeout, no timeout,
 * EFAULT, EINVAL, and EINTR from a handled SIGALRM (no restart).  strace
 * prints everything after epfd at the exit: the events the kernel wrote
 * (counted by the return value), and the sigmask and epoll_pwait2's
 * timeout as addresses when the call failed. */
#include "e2e.h"

#include <sys/epoll.h>
#include <sys/time.h>

#define SIGALRM_LINE "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---"
#define FOREVER (-1L)
#define MASK_USR1 (UINT64_C(1) << (SIGUSR1 - 1))

enum kind { WAIT, PWAIT, PWAIT2 };

static void on_alarm(int sig)
{
	(void)sig;
}

static const char *fmt_events(const struct epoll_event *e, long n)
{
	char out[512] = "[";

	if (!e)
		return "NULL";
	for (long i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out),
			 "%s{events=%s, data={u32=%u, u64=%llu}}", i ? ", " : "",
			 e[i].events == EPOLLIN ? "EPOLLIN" : "(unexpected)",
			 e[i].data.u32, (unsigned long long)e[i].data.u64);
	return e2e_fmt("%s]", out);
}

/* The timeout of epoll_pwait2: a __kernel_timespec in both ABIs. */
struct kts {
	int64_t sec, nsec;
};

/* One call of kind k and its line: tmo_ms for epoll_wait and epoll_pwait,
 * ts for epoll_pwait2; mask with a sigsetsize of 8.  interrupted: the
 * SIGALRM armed before interrupts it. */
static long epoll_call(enum kind k, int ep, struct epoll_event *events,
		       int maxevents, long tmo_ms, const struct kts *ts,
		       const uint64_t *mask)
{
	const struct e2e_call *c = k == WAIT ? &e2e_epoll.wait :
		k == PWAIT ? &e2e_epoll.pwait : &e2e_epoll.pwait2;
	long r = k == WAIT ? syscall(c->nr, ep, events, maxevents, tmo_ms) :
		syscall(c->nr, ep, events, maxevents,
			k == PWAIT ? (void *)tmo_ms : (void *)ts, mask, 8);
	int err = errno;
	const char *tmo, *sigmask;

	if (!e2e_traced(c->name, c->family)) {
		errno = err;
		return r;
	}
	if (k != PWAIT2)
		tmo = e2e_fmt("%ld", tmo_ms);
	else if (!ts || r < 0)
		tmo = e2e_addr(ts);
	else
		tmo = e2e_fmt("{tv_sec=%lld, tv_nsec=%llu}", (long long)ts->sec,
			      (unsigned long long)ts->nsec);
	sigmask = !mask || r < 0 ? e2e_addr(mask) : e2e_fmt_sigset(*mask);
	if (k == WAIT)
		e2e_call_line(e2e_ret(r, err), "%s(%d, %s, %d, %s", c->name, ep,
			      r < 0 ? e2e_addr(events) : fmt_events(events, r),
			      maxevents, tmo);
	else
		e2e_call_line(e2e_ret(r, err), "%s(%d, %s, %d, %s, %s, 8",
			      c->name, ep,
			      r < 0 ? e2e_addr(events) : fmt_events(events, r),
			      maxevents, tmo, sigmask);
	errno = err;
	return r;
}

static void arm_alarm(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 30000 } };

	if (setitimer(ITIMER_REAL, &it, NULL))
		e2e_broken("setitimer");
}

static void cases(enum kind k, int ready, int idle)
{
	struct epoll_event ev[4];
	static const struct kts ms10 = { 0, 10000000 }, zero = { 0, 0 },
		bad_nsec = { 0, 1000000000 };
	const struct kts *t100 = &(const struct kts){ 0, 100000000 };
	uint64_t mask = MASK_USR1;
	long r;

	/* ready, with a timeout, then with none */
	if (epoll_call(k, ready, ev, 4, 100, t100, &mask) != 1 ||
	    epoll_call(k, ready, ev, 4, FOREVER, NULL, NULL) != 1)
		e2e_broken("a ready fd");
	/* the timeout expires; a zero timeout */
	epoll_call(k, idle, ev, 4, 10, &ms10, NULL);
	epoll_call(k, idle, ev, 4, 0, &zero, &mask);
	/* EFAULT: the events, the sigmask, the timeout */
	epoll_call(k, ready, E2E_BAD_PTR, 4, 0, &zero, NULL);
	if (k != WAIT)
		epoll_call(k, idle, ev, 4, 0, &zero, E2E_BAD_PTR);
	if (k == PWAIT2)
		epoll_call(k, idle, ev, 4, 0, E2E_BAD_PTR, NULL);
	/* EINVAL: maxevents, a timeout the kernel refuses */
	epoll_call(k, idle, ev, 0, 0, &zero, NULL);
	if (k == PWAIT2)
		epoll_call(k, idle, ev, 4, 0, &bad_nsec, NULL);
	/* EINTR: a handled signal; no restart_syscall follows */
	arm_alarm();
	r = epoll_call(k, idle, ev, 4, 5000, &(const struct kts){ 5, 0 },
		       &mask);
	if (!(r == -1 && errno == EINTR))
		e2e_broken("an interrupted epoll wait");
	e2e_line(SIGALRM_LINE);
}

int main(void)
{
	static const char *const runs[] = {
		"epoll_wait,epoll_pwait,epoll_pwait2", "epoll_pwait2", NULL
	};
	struct sigaction sa;
	struct epoll_event in = { .events = EPOLLIN };
	int p[2], ready, idle;

	e2e_init_runs(runs);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	in.data.u64 = 0x100000007ULL;	/* u32=7 */
	ready = epoll_create1(0);
	idle = epoll_create1(0);
	if (sigaction(SIGALRM, &sa, NULL) || pipe(p) || ready < 0 || idle < 0 ||
	    epoll_ctl(ready, EPOLL_CTL_ADD, p[0], &in) || write(p[1], "x", 1) != 1)
		e2e_broken("setting up");
	cases(WAIT, ready, idle);
	cases(PWAIT, ready, idle);
	cases(PWAIT2, ready, idle);
	e2e_exit();
}
