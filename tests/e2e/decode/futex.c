/* futex (x86_64; i386 futex_time32 and futex_time64) and futex_waitv:
 * every op as strace 6.1 shows it, with and without FUTEX_PRIVATE_FLAG
 * and FUTEX_CLOCK_REALTIME; waits that time out, end at once (zero
 * timeout, value mismatch), fail (EFAULT, EINVAL, ENOSYS); waits
 * interrupted by SIGALRM: resumed through restart_syscall when it is
 * ignored, EINTR with a handler.  Run with -e trace=futex,futex_waitv,
 * restart_syscall: without -e only the waits with a timeout are shown. */
#include "e2e.h"

#include <linux/futex.h>
#include <sys/time.h>

#define MS 1000000LL
#define SIGALRM_LINE "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---"
#define E2E_RESTARTSYS "? ERESTARTSYS (To be restarted if SA_RESTART is set)"
#define ENOSYS_RET "-1 ENOSYS (Function not implemented)"

static uint32_t fw, fw2;	/* the futex words */

static void on_alarm(int sig)
{
	(void)sig;
}

/* The text of a futex's timeout: strace decodes it when readable. */
static const char *tmo(const struct e2e_variant *v, const struct e2e_call *c,
		       const void *p)
{
	return e2e_in(v, c->name, p, e2e_ts_size(v), e2e_fmt_ts, "timeout");
}

/* One futex call; args: the text of the arguments after the op, ret:
 * the return text (NULL: from the call). */
static long fx(const struct e2e_call *c, void *uaddr, long op,
	       const char *op_s, long val, const void *utime, void *uaddr2,
	       long val3, const char *args, const char *ret)
{
	long r = syscall(c->nr, uaddr, op, val, utime, uaddr2, val3);
	int err = errno;

	e2e_call_line(ret ? ret : e2e_ret(r, err), "%s(%s, %s%s", c->name,
		      e2e_addr(uaddr), op_s, args);
	errno = err;
	return r;
}

#define FX(c, ua, op, val, ut, ua2, v3, args) \
	fx(c, ua, (op), #op, val, ut, ua2, v3, args, NULL)

/* Every op, each once. */
static void ops(const struct e2e_variant *v, const struct e2e_call *c)
{
	e2e_buf ts, z, bad;
	/* kept: e2e_fmt's pool is reused */
	char ts_s[64], z_s[64], a2[32];

	fw = fw2 = 0;
	e2e_put_ts(v, &ts, 0, 1 * MS);
	e2e_put_ts(v, &z, 0, 0);
	snprintf(ts_s, sizeof(ts_s), "%s", tmo(v, c, &ts));
	snprintf(z_s, sizeof(z_s), "%s", tmo(v, c, &z));
	snprintf(a2, sizeof(a2), "%s", e2e_addr(&fw2));

	/* FUTEX_WAIT: timed out, zero timeout, value mismatch, bad ones */
	FX(c, &fw, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0, e2e_fmt(", 0, %s", ts_s));
	FX(c, &fw, FUTEX_WAIT, 0, &z, NULL, 0, e2e_fmt(", 0, %s", z_s));
	FX(c, &fw, FUTEX_WAIT, 1, &ts, NULL, 0, e2e_fmt(", 1, %s", ts_s));
	FX(c, &fw, FUTEX_WAIT, -1, NULL, NULL, 0, ", 4294967295, NULL");
	fx(c, &fw, FUTEX_WAIT | FUTEX_CLOCK_REALTIME,
	   "FUTEX_WAIT|FUTEX_CLOCK_REALTIME", 0, &z, NULL, 0,
	   e2e_fmt(", 0, %s", z_s), NULL);
	fx(c, &fw, FUTEX_WAIT_PRIVATE | FUTEX_CLOCK_REALTIME,
	   "FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME", 0, &z, NULL, 0,
	   e2e_fmt(", 0, %s", z_s), NULL);
	FX(c, &fw, FUTEX_WAIT, 0, E2E_BAD_PTR, NULL, 0,
	   e2e_fmt(", 0, %s", e2e_addr(E2E_BAD_PTR)));
	FX(c, (char *)&fw + 1, FUTEX_WAIT, 0, &ts, NULL, 0,
	   e2e_fmt(", 0, %s", ts_s));
	e2e_put_ts(v, &bad, 0, -1);
	FX(c, &fw, FUTEX_WAIT, 0, &bad, NULL, 0,
	   e2e_fmt(", 0, %s", tmo(v, c, &bad)));
	if (v->compat64) {	/* the kernel ignores tv_nsec's upper half */
		int64_t w[2] = { 0, (int64_t)1 << 32 | 1000 };

		memcpy(&bad, w, sizeof(w));
		FX(c, &fw, FUTEX_WAIT, 1, &bad, NULL, 0,
		   e2e_fmt(", 1, %s", tmo(v, c, &bad)));
	}

	/* the wakes and requeues: the 4th argument is a number */
	FX(c, &fw, FUTEX_WAKE, 1, NULL, NULL, 0, ", 1");
	FX(c, &fw, FUTEX_WAKE_PRIVATE, 1, &ts, &fw2, 5, ", 1");
	FX(c, &fw, FUTEX_FD, 1, NULL, NULL, 0, ", 1");
	FX(c, &fw, FUTEX_REQUEUE, 1, (void *)2, &fw2, 0, e2e_fmt(", 1, 2, %s", a2));
	FX(c, &fw, FUTEX_REQUEUE_PRIVATE, 1, (void *)0x12345678, NULL, 0,
	   ", 1, 305419896, NULL");
	FX(c, &fw, FUTEX_CMP_REQUEUE, 1, (void *)2, &fw2, 0,
	   e2e_fmt(", 1, 2, %s, 0", a2));
	FX(c, &fw, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &fw2, 7,
	   e2e_fmt(", 1, 2, %s, 7", a2));
	FX(c, &fw, FUTEX_WAKE_OP, 1, (void *)1, &fw2,
	   FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_GT, 1),
	   e2e_fmt(", 1, 1, %s, FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1",
		   a2));
	FX(c, &fw, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &fw2,
	   FUTEX_OP((FUTEX_OP_ADD | FUTEX_OP_OPARG_SHIFT), 0x123, FUTEX_OP_CMP_LE,
		    0x456),
	   e2e_fmt(", 1, 1, %s, FUTEX_OP_OPARG_SHIFT<<28|FUTEX_OP_ADD<<28|"
		   "0x123<<12|FUTEX_OP_CMP_LE<<24|0x456", a2));
	FX(c, &fw, FUTEX_WAKE_OP, 1, (void *)1, &fw2, (long)0xff000000,
	   e2e_fmt(", 1, 1, %s, FUTEX_OP_OPARG_SHIFT<<28|0x7<<28 /* FUTEX_OP_??? */"
		   "|0<<12|0xf<<24 /* FUTEX_OP_CMP_??? */|0", a2));

	/* the PI ops: taken (LOCK_PI's timeout is a deadline, only
	 * looked at when it has to wait), taken again, released */
	FX(c, &fw, FUTEX_LOCK_PI, 1, &ts, NULL, 0, e2e_fmt(", %s", ts_s));
	FX(c, &fw, FUTEX_LOCK_PI2, 1, &ts, NULL, 0, e2e_fmt(", %s", ts_s));
	FX(c, &fw, FUTEX_UNLOCK_PI, 1, &ts, NULL, 0, "");
	FX(c, &fw, FUTEX_TRYLOCK_PI_PRIVATE, 1, &ts, NULL, 0, "");
	FX(c, &fw, FUTEX_UNLOCK_PI_PRIVATE, 1, NULL, NULL, 0, "");
	FX(c, &fw, FUTEX_LOCK_PI2_PRIVATE, 0, NULL, NULL, 0, ", NULL");
	FX(c, &fw, FUTEX_UNLOCK_PI_PRIVATE, 1, NULL, NULL, 0, "");
	fx(c, &fw, FUTEX_LOCK_PI2 | FUTEX_CLOCK_REALTIME,
	   "0x10d /* FUTEX_??? */", 0, E2E_BAD_PTR, NULL, 0,
	   e2e_fmt(", %s", e2e_addr(E2E_BAD_PTR)), NULL);

	/* the bitset ops */
	fx(c, &fw, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME,
	   "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME", 0, &z, NULL,
	   FUTEX_BITSET_MATCH_ANY,
	   e2e_fmt(", 0, %s, FUTEX_BITSET_MATCH_ANY", z_s), NULL);
	FX(c, &fw, FUTEX_WAIT_BITSET, 0, &z, NULL, FUTEX_BITSET_MATCH_ANY,
	   e2e_fmt(", 0, %s, FUTEX_BITSET_MATCH_ANY", z_s));
	FX(c, &fw, FUTEX_WAIT_BITSET, 1, NULL, NULL, 5, ", 1, NULL, 0x5");
	FX(c, &fw, FUTEX_WAIT_BITSET, 0, &z, NULL, 0,
	   e2e_fmt(", 0, %s, 0", z_s));
	FX(c, &fw, FUTEX_WAKE_BITSET, 1, NULL, NULL, FUTEX_BITSET_MATCH_ANY,
	   ", 1, FUTEX_BITSET_MATCH_ANY");
	FX(c, &fw, FUTEX_WAKE_BITSET_PRIVATE, 1, &ts, NULL, 0x10, ", 1, 0x10");

	/* the requeues to a PI futex */
	FX(c, &fw, FUTEX_WAIT_REQUEUE_PI, 0, &z, &fw2, 0,
	   e2e_fmt(", 0, %s, %s", z_s, a2));
	fx(c, &fw, FUTEX_WAIT_REQUEUE_PI_PRIVATE | FUTEX_CLOCK_REALTIME,
	   "FUTEX_WAIT_REQUEUE_PI_PRIVATE|FUTEX_CLOCK_REALTIME", 0, &z, &fw2, 0,
	   e2e_fmt(", 0, %s, %s", z_s, a2), NULL);
	FX(c, &fw, FUTEX_CMP_REQUEUE_PI, 1, (void *)1, &fw2, 0,
	   e2e_fmt(", 1, 1, %s, 0", a2));

	/* ops the kernel does not know: their 4th argument an address */
	fx(c, &fw, 14, "0xe /* FUTEX_??? */", 1, &ts, &fw2, 0x42,
	   e2e_fmt(", 1, %s, %s, 0x42", e2e_addr(&ts), a2), NULL);
	fx(c, &fw, 14 | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME,
	   "0x18e /* FUTEX_??? */", 1, NULL, NULL, 0, ", 1, NULL, NULL, 0",
	   NULL);
	fx(c, &fw, 0x200 | FUTEX_WAKE, "0x201 /* FUTEX_??? */", 1, &ts, &fw2,
	   0x42, ", 1", NULL);
	fx(c, &fw, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, "0x101 /* FUTEX_??? */",
	   1, NULL, NULL, 0, ", 1", NULL);
	fx(c, &fw, -1, "0xffffffff /* FUTEX_??? */", 1, &ts, &fw2, 0x42,
	   e2e_fmt(", 1, %s, %s, 0x42", e2e_addr(&ts), a2), NULL);
}

/* FUTEX_WAIT on a word that stays 0, interrupted by SIGALRM after 40
 * ms: with a timeout of 120 ms, resumed by restart_syscall until it
 * times out (ignored) or EINTR (handled); without one, ERESTARTSYS
 * then EINTR (handled). */
static void interrupted(const struct e2e_variant *v, const struct e2e_call *c,
			bool handled, bool timed)
{
	struct sigaction sa;
	e2e_buf ts, it;
	long r;
	int err;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handled ? on_alarm : SIG_IGN;
	fw = 0;
	if (sigaction(SIGALRM, &sa, NULL) ||
	    e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&it, 0, 0, 0, 40000),
			  NULL))
		e2e_broken("arming SIGALRM");
	e2e_put_ts(v, &ts, 0, 120 * MS);
	r = fx(c, &fw, F(FUTEX_WAIT_PRIVATE), 0, timed ? (void *)&ts : NULL,
	       NULL, 0,
	       e2e_fmt(", 0, %s", timed ? tmo(v, c, &ts) : "NULL"),
	       timed ? E2E_RESTARTBLOCK : E2E_RESTARTSYS);
	err = errno;
	e2e_line(SIGALRM_LINE);
	if (r != -1 || err != (handled ? EINTR : ETIMEDOUT)) {
		errno = err;
		e2e_broken("interrupted futex");
	}
	if (!handled)
		e2e_call_line(e2e_ret(-1, ETIMEDOUT), "restart_syscall(<... "
			      "resuming interrupted %s ...>", c->name);
}

/* --- futex_waitv ---------------------------------------------------------- */

/* "[{val=0, uaddr=0x..., flags=FUTEX_32}, ...]" */
static const char *fmt_waiters(const struct futex_waitv *w, unsigned n)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} names[] = { { FUTEX_32, "FUTEX_32" },
		      { FUTEX_PRIVATE_FLAG, "FUTEX_PRIVATE_FLAG" } };
	const char *s = "[";

	for (unsigned i = 0; i < n; i++) {
		uint32_t left = w[i].flags;
		const char *fl = "";

		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (left & names[k].bit) {
				fl = e2e_fmt("%s%s%s", fl, *fl ? "|" : "",
					     names[k].name);
				left &= ~names[k].bit;
			}
		if (!w[i].flags)
			fl = "0";
		else if (left && *fl)
			fl = e2e_fmt("%s|%#x", fl, left);
		else if (left)
			fl = e2e_fmt("%#x /* FUTEX_??? */", left);
		s = e2e_fmt("%s%s{val=%#llx, uaddr=%s, flags=%s%s}", s,
			    i ? ", " : "", (unsigned long long)w[i].val,
			    e2e_addr((void *)(uintptr_t)w[i].uaddr), fl,
			    w[i].__reserved ?
			    e2e_fmt(", __reserved=%#x", w[i].__reserved) : "");
	}
	return e2e_fmt("%s]", s);
}

static long waitv(const struct e2e_variant *v, struct futex_waitv *w,
		  unsigned n, const char *w_s, unsigned flags, const void *t,
		  int clk, const char *clk_s, const char *ret)
{
	const struct e2e_call *c = &e2e_futex_waitv;
	long r = syscall(c->nr, w, n, flags, t, clk);
	int err = errno;

	if (!w_s)
		w_s = w && n ? fmt_waiters(w, n) : w ? "[]" : "NULL";
	e2e_call_line(ret ? ret : e2e_ret(r, err), "%s(%s, %u, %s, %s, %s",
		      c->name, w_s, n, flags ? e2e_fmt("%#x", flags) : "0",
		      e2e_in(v, c->name, t, 16, e2e_fmt_ts, "timeout"), clk_s);
	errno = err;
	return r;
}

static void waitvs(void)
{
	/* a __kernel_timespec in both ABIs */
	static const struct e2e_variant v64 = { .time32 = false };
	struct futex_waitv w[3] = {
		{ 0, (uintptr_t)&fw, FUTEX_32, 0 },
		{ 1, (uintptr_t)&fw2, FUTEX_32 | FUTEX_PRIVATE_FLAG, 0 },
		{ ~0ULL, 0, 0xff, 5 },
	};
	struct timespec now;
	e2e_buf t, z, it;
	struct sigaction sa;
	long r;

	fw = fw2 = 0;
	e2e_put_ts(&v64, &z, 0, 0);
	if (clock_gettime(CLOCK_MONOTONIC, &now))
		e2e_broken("clock_gettime");
	/* a deadline 1 ms from now: timed out */
	e2e_put_ts(&v64, &t, now.tv_sec + (now.tv_nsec >= 999 * MS),
		   (now.tv_nsec + MS) % (1000 * MS));
	waitv(&v64, w, 1, NULL, 0, &t, F(CLOCK_MONOTONIC), NULL);
	waitv(&v64, w, 1, NULL, 0, &z, F(CLOCK_REALTIME), NULL);
	w[1].val = 5;		/* fw2 is 0: EAGAIN */
	waitv(&v64, w, 2, NULL, 0, &z, F(CLOCK_MONOTONIC), NULL);
	w[1].val = 0;
	waitv(&v64, w, 3, NULL, 1, &z, 100, "0x64 /* CLOCK_??? */", NULL);
	waitv(&v64, NULL, 0, NULL, 0, NULL, F(CLOCK_REALTIME), NULL);
	waitv(&v64, E2E_BAD_PTR, 0, "[]", 0, NULL, F(CLOCK_REALTIME), NULL);
	waitv(&v64, E2E_BAD_PTR, 1, e2e_addr(E2E_BAD_PTR), 0, E2E_BAD_PTR,
	      F(CLOCK_MONOTONIC), NULL);
	waitv(&v64, NULL, 1, NULL, 0, NULL, F(CLOCK_MONOTONIC), NULL);
	w[0].flags = 1;
	w[1].flags = 3;
	waitv(&v64, w, 2, NULL, 0, NULL, F(CLOCK_MONOTONIC), NULL);
	w[0].flags = 0x100;
	w[1].flags = 0;
	waitv(&v64, w, 2, NULL, 0, NULL, F(CLOCK_MONOTONIC), NULL);
	w[0].flags = FUTEX_32;

	/* interrupted by a handled SIGALRM: EINTR */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	if (sigaction(SIGALRM, &sa, NULL) ||
	    e2e_setitimer(F(ITIMER_REAL), e2e_put_itv(&it, 0, 0, 0, 40000),
			  NULL))
		e2e_broken("arming SIGALRM");
	r = waitv(&v64, w, 1, NULL, 0, NULL, F(CLOCK_MONOTONIC), E2E_RESTARTSYS);
	if (!(r == -1 && errno == EINTR))
		e2e_broken("interrupted futex_waitv");
	e2e_line(SIGALRM_LINE);
}

int main(void)
{
	static const char *const runs[] = {
		"futex,futex_waitv,restart_syscall", NULL
	};

	e2e_init_runs(runs);
	FOR_EACH_VARIANT(v) {
		const struct e2e_call *c = &e2e_futex_calls[v - e2e_variants];

		ops(v, c);
		interrupted(v, c, false, true);
		interrupted(v, c, true, true);
		interrupted(v, c, true, false);
	}
	waitvs();
	e2e_exit();
}
