/* tests/e2e/e2e.h - helpers for the end-to-end decoding programs.
 *
 * Each program is built twice, for x86_64 (NAME.t64) and with -m32 for
 * i386 (NAME-i386.t32).  It makes the real calls with syscall(NR, ...) and
 * prints on stdout, line for line, the trace ttrace must write with
 * "-o FILE" (run-decode.sh diffs the two).  What the kernel does is taken
 * from the call itself (return value, errno, what it wrote back); how
 * ttrace must show it is written here once, from strace 6.1's format:
 *
 *   "%-5d " thread id, NAME(args) padded to column 40, "= RET"
 *   {tv_sec=S, tv_nsec=N}: tv_sec signed, tv_nsec unsigned at its width
 *   NULL, or the address (%#lx) of what cannot be read or was not written
 *
 * The ABI variants: x86_64 has one (timer_settime, ...); i386 has the
 * time32 calls (timer_settime32, ...) and the time64 ones
 * (timer_settime64, ...), whose tv_nsec is the low half the kernel uses,
 * with an annotation line when the upper half is not zero.
 *
 * Protocol with run-decode.sh: TT_E2E_PROBE=1 makes the program print
 * "e2e-probe-ok" and then the trace sets it wants to be run with, one per
 * line ("default": no -e), and exit.  Each run has TT_E2E_TRACE set to
 * that set, so a program prints only the lines of the selected calls.
 */
#ifndef TT_E2E_H
#define TT_E2E_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define E2E_UNUSED __attribute__((unused))
#define E2E_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* A value and the text ttrace shows for it: F(TIMER_ABSTIME); the text
 * alone: S(TIMER_ABSTIME). */
#define F(x) (x), #x
#define S(x) #x

struct e2e_call {
	long nr;
	const char *name;
	const char *family;
};

struct e2e_variant {
	bool time32;		/* old_timespec32: 32-bit tv_sec and tv_nsec */
	bool compat64;		/* i386 time64: the kernel uses tv_nsec's low half */
	struct e2e_call timer, sleep, tfd;
};

#ifdef __i386__
static const struct e2e_variant e2e_variants[] = {
	{ true, false,
	  { 260, "timer_settime32", "timer_settime" },
	  { 267, "clock_nanosleep_time32", "clock_nanosleep" },
	  { 325, "timerfd_settime32", "timerfd_settime" } },
	{ false, true,
	  { 409, "timer_settime64", "timer_settime" },
	  { 407, "clock_nanosleep_time64", "clock_nanosleep" },
	  { 411, "timerfd_settime64", "timerfd_settime" } },
};
#define E2E_NR_TIMER_CREATE 259
#define E2E_NR_TIMERFD_CREATE 322
#else
static const struct e2e_variant e2e_variants[] = {
	{ false, false,
	  { 223, "timer_settime", "timer_settime" },
	  { 230, "clock_nanosleep", "clock_nanosleep" },
	  { 286, "timerfd_settime", "timerfd_settime" } },
};
#define E2E_NR_TIMER_CREATE 222
#define E2E_NR_TIMERFD_CREATE 283
#endif

#define FOR_EACH_VARIANT(v)                                                  \
	for (const struct e2e_variant *v = e2e_variants;                     \
	     v < e2e_variants + sizeof(e2e_variants) / sizeof(e2e_variants[0]); \
	     v++)

/* Room for the largest struct of any variant, suitably aligned. */
typedef union {
	int64_t w[4];
	char b[32];
} e2e_buf;

/* --- harness protocol, text helpers ----------------------------------- */

static const char *e2e_trace_set;	/* NULL: default, everything */
static char e2e_notes[1024];		/* annotation lines of the next call */

static E2E_UNUSED _Noreturn void e2e_broken(const char *what)
{
	fprintf(stderr, "e2e: broken test: %s (errno %d)\n", what, errno);
	exit(99);
}

/* runs: the trace sets to run with, NULL-terminated; none: "default". */
static E2E_UNUSED void e2e_init_runs(const char *const *runs)
{
	const char *set = getenv("TT_E2E_TRACE");

	if (getenv("TT_E2E_PROBE")) {
		puts("e2e-probe-ok");
		if (!runs || !*runs)
			puts("default");
		for (; runs && *runs; runs++)
			puts(*runs);
		exit(0);
	}
	if (set && *set && strcmp(set, "default") != 0)
		e2e_trace_set = set;
}

static E2E_UNUSED void e2e_init(void)
{
	e2e_init_runs(NULL);
}

/* Is a call of this name (or family) selected by the run's trace set? */
static E2E_UNUSED bool e2e_traced(const char *name, const char *family)
{
	char copy[256], *save = NULL;

	if (!e2e_trace_set)
		return true;
	snprintf(copy, sizeof(copy), "%s", e2e_trace_set);
	for (char *t = strtok_r(copy, ",", &save); t;
	     t = strtok_r(NULL, ",", &save))
		if (!strcmp(t, "all") || !strcmp(t, name) || !strcmp(t, family))
			return true;
	return false;
}

/* A rotating pool, so several formatted values fit in one printf. */
static E2E_UNUSED E2E_PRINTF(1, 2) const char *e2e_fmt(const char *fmt, ...)
{
	static char pool[16][512];
	static unsigned next;
	char *s = pool[next++ % 16];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s, sizeof(pool[0]), fmt, ap);
	va_end(ap);
	return s;
}

/* A line that is not a call: a signal, an exit. */
static E2E_UNUSED E2E_PRINTF(1, 2) void e2e_line(const char *fmt, ...)
{
	va_list ap;

	printf("%-5d ", (int)getpid());
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* A call line: "NAME(args" + ") ", padded to column 40, "= RET", then
 * the annotation lines the arguments' formatting queued. */
static E2E_UNUSED E2E_PRINTF(2, 3) void e2e_call_line(const char *ret,
						       const char *fmt, ...)
{
	char line[2048];
	int n;
	va_list ap;

	n = snprintf(line, sizeof(line), "%-5d ", (int)getpid());
	va_start(ap, fmt);
	n += vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	n += snprintf(line + n, sizeof(line) - n, ") ");
	while (n < 40)
		line[n++] = ' ';
	line[n] = '\0';
	printf("%s= %s\n%s", line, ret, e2e_notes);
	e2e_notes[0] = '\0';
}

static E2E_UNUSED _Noreturn void e2e_exit(void)
{
	e2e_line("+++ exited with 0 +++");
	exit(0);
}

static const struct {
	int err;
	const char *text;
} e2e_errnos[] = {
	{ EPERM, "EPERM (Operation not permitted)" },
	{ EINTR, "EINTR (Interrupted system call)" },
	{ EBADF, "EBADF (Bad file descriptor)" },
	{ EFAULT, "EFAULT (Bad address)" },
	{ EINVAL, "EINVAL (Invalid argument)" },
	{ ENOSYS, "ENOSYS (Function not implemented)" },
	{ EOPNOTSUPP, "EOPNOTSUPP (Operation not supported)" },
	{ ECANCELED, "ECANCELED (Operation canceled)" },
};

/* "= RET" of a call that returned r, errno err. */
static E2E_UNUSED const char *e2e_ret(long r, int err)
{
	if (r != -1)
		return e2e_fmt("%ld", r);
	for (size_t i = 0; i < sizeof(e2e_errnos) / sizeof(e2e_errnos[0]); i++)
		if (e2e_errnos[i].err == err)
			return e2e_fmt("-1 %s", e2e_errnos[i].text);
	return e2e_fmt("-1 errno %d (unexpected: add it to e2e.h)", err);
}

#define E2E_RESTARTBLOCK "? ERESTART_RESTARTBLOCK (Interrupted by signal)"
#define E2E_RESTARTNOHAND "? ERESTARTNOHAND (To be restarted if no handler)"

/* --- memory -------------------------------------------------------------- */

static E2E_UNUSED const char *e2e_addr(const void *p)
{
	return p ? e2e_fmt("%#lx", (unsigned long)(uintptr_t)p) : "NULL";
}

/* Can all size bytes at p be read? (What a tracer can read, too.) */
static E2E_UNUSED bool e2e_readable(const void *p, size_t size)
{
	char buf[64];
	struct iovec local = { buf, size }, remote = { (void *)p, size };

	if (!p || size > sizeof(buf))
		return false;
	return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) ==
	       (ssize_t)size;
}

/* An address where a struct of size bytes starts on a mapped page and
 * ends on an unmapped one: readable only in part. */
static E2E_UNUSED void *e2e_straddling(size_t size)
{
	static char *end;

	if (!end) {
		long pg = sysconf(_SC_PAGESIZE);
		char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (m == MAP_FAILED || munmap(m + pg, pg))
			e2e_broken("mmap");
		end = m + pg;
	}
	return end - size / 2;
}

#define E2E_BAD_PTR ((void *)(uintptr_t)0xdeadbeef)

/* --- timespec, itimerspec ------------------------------------------------ */

static E2E_UNUSED size_t e2e_ts_size(const struct e2e_variant *v)
{
	return v->time32 ? 8 : 16;
}

static E2E_UNUSED size_t e2e_its_size(const struct e2e_variant *v)
{
	return 2 * e2e_ts_size(v);
}

/* Stores {sec, nsec} in the variant's layout (time32: low halves). */
static E2E_UNUSED void *e2e_put_ts(const struct e2e_variant *v, void *p,
				   int64_t sec, int64_t nsec)
{
	if (v->time32) {
		int32_t w[2] = { (int32_t)sec, (int32_t)nsec };

		memcpy(p, w, sizeof(w));
	} else {
		int64_t w[2] = { sec, nsec };

		memcpy(p, w, sizeof(w));
	}
	return p;
}

static E2E_UNUSED void *e2e_put_its(const struct e2e_variant *v, void *p,
				    int64_t isec, int64_t insec,
				    int64_t vsec, int64_t vnsec)
{
	e2e_put_ts(v, p, isec, insec);
	e2e_put_ts(v, (char *)p + e2e_ts_size(v), vsec, vnsec);
	return p;
}

/* The text of the timespec at p; path names it in annotation lines. */
static E2E_UNUSED const char *e2e_fmt_ts(const struct e2e_variant *v,
					 const char *call, const void *p,
					 const char *path)
{
	if (v->time32) {
		int32_t w[2];

		memcpy(w, p, sizeof(w));
		return e2e_fmt("{tv_sec=%d, tv_nsec=%u}", w[0], (uint32_t)w[1]);
	}
	int64_t w[2];

	memcpy(w, p, sizeof(w));
	if (!v->compat64)
		return e2e_fmt("{tv_sec=%lld, tv_nsec=%llu}", (long long)w[0],
			       (unsigned long long)w[1]);
	if ((uint64_t)w[1] >> 32) {
		size_t n = strlen(e2e_notes);

		snprintf(e2e_notes + n, sizeof(e2e_notes) - n,
			 "%-5d   ^ %s: %s.tv_nsec has non-zero padding %#llx in "
			 "its upper 32 bits; the kernel ignores it\n",
			 (int)getpid(), call, path,
			 (unsigned long long)((uint64_t)w[1] >> 32));
	}
	return e2e_fmt("{tv_sec=%lld, tv_nsec=%u}", (long long)w[0],
		       (uint32_t)w[1]);
}

static E2E_UNUSED const char *e2e_fmt_its(const struct e2e_variant *v,
					  const char *call, const void *p,
					  const char *path)
{
	const char *i = e2e_fmt_ts(v, call, p, e2e_fmt("%s.it_interval", path));
	const char *val = e2e_fmt_ts(v, call, (const char *)p + e2e_ts_size(v),
				     e2e_fmt("%s.it_value", path));

	return e2e_fmt("{it_interval=%s, it_value=%s}", i, val);
}

typedef const char *(*e2e_fmt_fn)(const struct e2e_variant *, const char *,
				  const void *, const char *);

/* An input struct: decoded if it can be read whole, else its address. */
static E2E_UNUSED const char *e2e_in(const struct e2e_variant *v,
				     const char *call, const void *p,
				     size_t size, e2e_fmt_fn fmt,
				     const char *path)
{
	if (!p || !e2e_readable(p, size))
		return e2e_addr(p);
	return fmt(v, call, p, path);
}

/* An output struct: decoded only if the kernel wrote it. */
static E2E_UNUSED const char *e2e_out(const struct e2e_variant *v,
				      const char *call, const void *p,
				      bool written, e2e_fmt_fn fmt,
				      const char *path)
{
	if (!p || !written)
		return e2e_addr(p);
	return fmt(v, call, p, path);
}

/* --- the calls ----------------------------------------------------------- */

/* timer_settime and timerfd_settime: old value written on success only. */
static E2E_UNUSED long e2e_settime(const struct e2e_variant *v,
				   const struct e2e_call *c, int id, int flags,
				   const char *flags_s, const void *new_value,
				   void *old_value)
{
	bool tfd = c == &v->tfd;
	long r = syscall(c->nr, id, flags, new_value, old_value);
	int err = errno;

	if (e2e_traced(c->name, c->family)) {
		const char *nv = e2e_in(v, c->name, new_value, e2e_its_size(v),
					e2e_fmt_its,
					tfd ? "utmr" : "new_setting");
		const char *ov = e2e_out(v, c->name, old_value, r == 0,
					 e2e_fmt_its,
					 tfd ? "otmr" : "old_setting");

		e2e_call_line(e2e_ret(r, err), "%s(%d, %s, %s, %s", c->name,
			      id, flags_s, nv, ov);
	}
	errno = err;
	return r;
}

static E2E_UNUSED long e2e_timer_settime(const struct e2e_variant *v, int id,
					 int flags, const char *flags_s,
					 const void *new_value, void *old_value)
{
	return e2e_settime(v, &v->timer, id, flags, flags_s, new_value,
			   old_value);
}

static E2E_UNUSED long e2e_timerfd_settime(const struct e2e_variant *v,
					   int fd, int flags,
					   const char *flags_s,
					   const void *new_value,
					   void *old_value)
{
	return e2e_settime(v, &v->tfd, fd, flags, flags_s, new_value,
			   old_value);
}

/* What timer_settime and timerfd_settime (call c of v, on timer or fd
 * id) share: old values decoded, NULL, unreadable and half readable
 * pointers, values the kernel refuses, time64 padding on i386.  Leaves
 * the timer disarmed. */
static E2E_UNUSED void e2e_settime_cases(const struct e2e_variant *v,
					 const struct e2e_call *c, int id)
{
	e2e_buf nv, ov;
	void *edge = e2e_straddling(e2e_its_size(v));

	/* Arm, re-arm (the old value is what was left), disarm. */
	e2e_settime(v, c, id, F(0), e2e_put_its(v, &nv, 0, 0, 100, 5), &ov);
	e2e_settime(v, c, id, F(0), e2e_put_its(v, &nv, 1, 2, 200, 6), &ov);
	e2e_settime(v, c, id, F(0), e2e_put_its(v, &nv, 0, 0, 0, 0), &ov);

	e2e_settime(v, c, id, F(0), NULL, NULL);
	e2e_settime(v, c, id, F(0), NULL, &ov);
	e2e_settime(v, c, id, F(0), (void *)8, NULL);
	e2e_settime(v, c, id, F(0), E2E_BAD_PTR, &ov);
	e2e_settime(v, c, id, F(0), edge, NULL);
	e2e_put_its(v, &nv, 0, 0, 50, 0);
	e2e_settime(v, c, id, F(0), &nv, E2E_BAD_PTR);
	e2e_settime(v, c, id, F(0), &nv, edge);

	e2e_settime(v, c, id, F(0), e2e_put_its(v, &nv, 0, 0, 1, 1000000000),
		    NULL);
	e2e_settime(v, c, id, F(0), e2e_put_its(v, &nv, 0, 1000000000, 1, 0),
		    NULL);
	e2e_settime(v, c, id, F(0), e2e_put_its(v, &nv, 0, -1, -1, -1), NULL);
	e2e_settime(v, c, id, F(0), e2e_put_its(v, &nv, -5, 0, 7, 0), NULL);
	e2e_settime(v, c, id, F(0), e2e_put_its(v, &nv, 0, 0, -7, 5), NULL);
	e2e_settime(v, c, id, F(0),
		    e2e_put_its(v, &nv, 0, 0, INT32_MIN, 999999999), NULL);
	/* i386 time64: the kernel ignores tv_nsec's upper half, so this
	 * arms the timer; time32 stores the low halves only. */
	e2e_settime(v, c, id, F(0),
		    e2e_put_its(v, &nv, 0, 0x500000001LL, 300, 0x700000009LL),
		    &ov);
	e2e_settime(v, c, id, F(0),
		    e2e_put_its(v, &nv, 0, 0x100000000LL + 3000, 9, 0), &ov);
	e2e_settime(v, c, id, F(0), e2e_put_its(v, &nv, 0, 0, 0, 0), &ov);
}

/* The line of a clock_nanosleep that returned ret (text); rem_written:
 * the kernel stored the time left (an interrupted relative sleep). */
static E2E_UNUSED void e2e_sleep_line(const struct e2e_variant *v,
				      const char *clock_s, const char *flags_s,
				      const void *req, void *rem,
				      bool rem_written, const char *ret)
{
	const struct e2e_call *c = &v->sleep;

	if (!e2e_traced(c->name, c->family))
		return;
	const char *rq = e2e_in(v, c->name, req, e2e_ts_size(v), e2e_fmt_ts,
				"rqtp");
	const char *rm = e2e_out(v, c->name, rem, rem_written, e2e_fmt_ts,
				 "rmtp");

	e2e_call_line(ret, "%s(%s, %s, %s, %s", c->name, clock_s, flags_s, rq,
		      rm);
}

static E2E_UNUSED long e2e_sleep_raw(const struct e2e_variant *v, int clock,
				     int flags, const void *req, void *rem)
{
	return syscall(v->sleep.nr, clock, flags, req, rem);
}

/* A sleep that no signal interrupts. */
static E2E_UNUSED long e2e_sleep(const struct e2e_variant *v, int clock,
				 const char *clock_s, int flags,
				 const char *flags_s, const void *req,
				 void *rem)
{
	long r = e2e_sleep_raw(v, clock, flags, req, rem);
	int err = errno;

	e2e_sleep_line(v, clock_s, flags_s, req, rem, false, e2e_ret(r, err));
	errno = err;
	return r;
}

/* The kernel's id of a new POSIX timer (raw: glibc's timer_t is not). */
static E2E_UNUSED int e2e_timer_create(clockid_t clock, int notify, int signo,
				       void *value)
{
	struct sigevent sev;
	int id = -1;

	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = notify;
	sev.sigev_signo = signo;
	sev.sigev_value.sival_ptr = value;
	if (syscall(E2E_NR_TIMER_CREATE, clock, &sev, &id) != 0)
		e2e_broken("timer_create");
	return id;
}

static E2E_UNUSED int e2e_timerfd_create(clockid_t clock)
{
	long fd = syscall(E2E_NR_TIMERFD_CREATE, clock, 0);

	if (fd < 0)
		e2e_broken("timerfd_create");
	return (int)fd;
}

#endif
