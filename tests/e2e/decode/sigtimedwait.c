/* rt_sigtimedwait (i386: rt_sigtimedwait_time32 and _time64): a signal
 * pending (sent by kill, sigqueue and tgkill: the siginfo the kernel
 * writes, the signal named after the return value), a timeout that
 * expires and a zero one (EAGAIN), no uinfo, EFAULT, EINVAL (a sigsetsize
 * that is no sigset's: strace shows the set's address), and EINTR from a
 * handled SIGALRM. */
#include "e2e.h"

#include <sys/time.h>

#define SIGALRM_LINE "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---"
#define MS 1000000LL

static void on_alarm(int sig)
{
	(void)sig;
}

static const char *fmt_siginfo(const siginfo_t *si)
{
	const char *head = e2e_fmt("{si_signo=%s, si_code=%s, si_pid=%d, si_uid=%u",
				   e2e_signal_name(si->si_signo),
				   si->si_code == SI_USER ? "SI_USER" :
				   si->si_code == SI_QUEUE ? "SI_QUEUE" :
				   si->si_code == SI_TKILL ? "SI_TKILL" : "?",
				   (int)si->si_pid, (unsigned)si->si_uid);

	if (si->si_code != SI_QUEUE)
		return e2e_fmt("%s}", head);
	return e2e_fmt("%s, si_int=%d, si_ptr=%s}", head, si->si_int,
		       e2e_addr(si->si_ptr));
}

/* One call and its line. */
static long stw(const struct e2e_timed_call *t, const uint64_t *set,
		siginfo_t *info, const void *ts, size_t setsize)
{
	const struct e2e_variant v = { .time32 = t->time32,
				       .compat64 = t->compat64 };
	long r = syscall(t->call.nr, set, info, ts, setsize);
	int err = errno;
	const char *set_s, *ret;

	if (!e2e_traced(t->call.name, t->call.family)) {
		errno = err;
		return r;
	}
	/* strace reads from a long to 8 bytes of the set */
	set_s = setsize >= sizeof(long) && setsize <= 8 &&
		e2e_readable(set, 8) ? e2e_fmt_sigset(*set) : e2e_addr(set);
	ret = r > 0 ? e2e_fmt("%ld (%s)", r, e2e_signal_name((int)r))
		    : e2e_ret(r, err);
	e2e_call_line(ret, "%s(%s, %s, %s, %zu", t->call.name, set_s,
		      r > 0 && info ? fmt_siginfo(info) : e2e_addr(info),
		      e2e_in(&v, t->call.name, ts, e2e_ts_size(&v), e2e_fmt_ts,
			     "uts"),
		      setsize);
	errno = err;
	return r;
}

static void cases(const struct e2e_timed_call *t)
{
	const struct e2e_variant v = { .time32 = t->time32,
				       .compat64 = t->compat64 };
	uint64_t set = (UINT64_C(1) << (SIGUSR1 - 1)) |
		(UINT64_C(1) << (SIGUSR2 - 1));
	siginfo_t si;
	e2e_buf ts, zero, bad;
	struct itimerval it = { { 0, 0 }, { 0, 30000 } };
	long r;

	e2e_put_ts(&v, &ts, 1, 0);
	e2e_put_ts(&v, &zero, 0, 0);
	e2e_put_ts(&v, &bad, 0, 1000000000);

	/* a signal pending: kill, sigqueue, tgkill */
	if (kill(getpid(), SIGUSR1) ||
	    stw(t, &set, &si, &ts, 8) != SIGUSR1 ||
	    sigqueue(getpid(), SIGUSR2, (union sigval){ .sival_int = 42 }) ||
	    stw(t, &set, &si, NULL, 8) != SIGUSR2 ||
	    syscall(__NR_tgkill, getpid(), (int)syscall(__NR_gettid), SIGUSR1) ||
	    stw(t, &set, &si, &ts, 8) != SIGUSR1 ||
	    kill(getpid(), SIGUSR2) || stw(t, &set, NULL, &ts, 8) != SIGUSR2)
		e2e_broken("taking a pending signal");
	/* timed out: a timeout that expires, a zero one */
	stw(t, &set, &si, e2e_put_ts(&v, &ts, 0, 10 * MS), 8);
	stw(t, &set, NULL, &zero, 8);
	/* EFAULT, EINVAL */
	stw(t, E2E_BAD_PTR, &si, &zero, 8);
	stw(t, &set, &si, &zero, 7);
	stw(t, &set, &si, &bad, 8);
	/* EINTR: a handled signal not in the set */
	if (setitimer(ITIMER_REAL, &it, NULL))
		e2e_broken("setitimer");
	r = stw(t, &set, &si, e2e_put_ts(&v, &ts, 5, 0), 8);
	if (!(r == -1 && errno == EINTR))
		e2e_broken("an interrupted rt_sigtimedwait");
	e2e_line(SIGALRM_LINE);
}

int main(void)
{
	static const char *const runs[] = { "rt_sigtimedwait", NULL };
	struct sigaction sa;
	sigset_t block;

	e2e_init_runs(runs);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGUSR2);
	if (sigaction(SIGALRM, &sa, NULL) ||
	    sigprocmask(SIG_BLOCK, &block, NULL))
		e2e_broken("setting up");
	for (size_t i = 0; i < sizeof(e2e_sigtimedwait) / sizeof(e2e_sigtimedwait[0]); i++)
		cases(&e2e_sigtimedwait[i]);
	e2e_exit();
}
