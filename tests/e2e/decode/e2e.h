/* tests/e2e/decode/e2e.h - helpers for the end-to-end decoding programs.
 *
 * Each program is built twice, for x86_64 (NAME-m64.dec) and with -m32 for
 * i386 (NAME-m32.dec).  It makes the real calls with syscall(NR, ...) and
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
#include <stddef.h>
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
	/* The other calls of a time32/time64 pair; nr 0: this variant has
	 * none (i386 has no nanosleep_time64). */
	struct e2e_call timer_get, tfd_get, clock_get, clock_set, clock_res,
		adjtime, nanosleep;
};

/* The calls that have one entry point per ABI. */
struct e2e_abi_calls {
	struct e2e_call timer_create, timer_getoverrun, timer_delete,
		timerfd_create, setitimer, getitimer, alarm, read;
};

/* The numbers come from the C library's <sys/syscall.h> (the kernel's
 * <asm/unistd_32.h> or <asm/unistd_64.h>, as the program is built), never
 * from a copy: on i386, __NR_timer_settime is the time32 entry point. */
#ifdef __i386__
static const struct e2e_variant e2e_variants[] = {
	{ true, false,
	  { __NR_timer_settime, "timer_settime32", "timer_settime" },
	  { __NR_clock_nanosleep, "clock_nanosleep_time32", "clock_nanosleep" },
	  { __NR_timerfd_settime, "timerfd_settime32", "timerfd_settime" },
	  { __NR_timer_gettime, "timer_gettime32", "timer_gettime" },
	  { __NR_timerfd_gettime, "timerfd_gettime32", "timerfd_gettime" },
	  { __NR_clock_gettime, "clock_gettime32", "clock_gettime" },
	  { __NR_clock_settime, "clock_settime32", "clock_settime" },
	  { __NR_clock_getres, "clock_getres_time32", "clock_getres" },
	  { __NR_clock_adjtime, "clock_adjtime32", "clock_adjtime" },
	  { __NR_nanosleep, "nanosleep_time32", "nanosleep" } },
	{ false, true,
	  { __NR_timer_settime64, "timer_settime64", "timer_settime" },
	  { __NR_clock_nanosleep_time64, "clock_nanosleep_time64", "clock_nanosleep" },
	  { __NR_timerfd_settime64, "timerfd_settime64", "timerfd_settime" },
	  { __NR_timer_gettime64, "timer_gettime64", "timer_gettime" },
	  { __NR_timerfd_gettime64, "timerfd_gettime64", "timerfd_gettime" },
	  { __NR_clock_gettime64, "clock_gettime64", "clock_gettime" },
	  { __NR_clock_settime64, "clock_settime64", "clock_settime" },
	  { __NR_clock_getres_time64, "clock_getres_time64", "clock_getres" },
	  { __NR_clock_adjtime64, "clock_adjtime64", "clock_adjtime" },
	  { 0, "nanosleep", "nanosleep" } },
};
#else
static const struct e2e_variant e2e_variants[] = {
	{ false, false,
	  { __NR_timer_settime, "timer_settime", "timer_settime" },
	  { __NR_clock_nanosleep, "clock_nanosleep", "clock_nanosleep" },
	  { __NR_timerfd_settime, "timerfd_settime", "timerfd_settime" },
	  { __NR_timer_gettime, "timer_gettime", "timer_gettime" },
	  { __NR_timerfd_gettime, "timerfd_gettime", "timerfd_gettime" },
	  { __NR_clock_gettime, "clock_gettime", "clock_gettime" },
	  { __NR_clock_settime, "clock_settime", "clock_settime" },
	  { __NR_clock_getres, "clock_getres", "clock_getres" },
	  { __NR_clock_adjtime, "clock_adjtime", "clock_adjtime" },
	  { __NR_nanosleep, "nanosleep", "nanosleep" } },
};
#endif
/* One entry point in each ABI, under the same name. */
static const struct e2e_abi_calls e2e_abi = {
	{ __NR_timer_create, "timer_create", "timer_create" },
	{ __NR_timer_getoverrun, "timer_getoverrun", "timer_getoverrun" },
	{ __NR_timer_delete, "timer_delete", "timer_delete" },
	{ __NR_timerfd_create, "timerfd_create", "timerfd_create" },
	{ __NR_setitimer, "setitimer", "setitimer" },
	{ __NR_getitimer, "getitimer", "getitimer" },
	{ __NR_alarm, "alarm", "alarm" },
	{ __NR_read, "read", "read" },
};

/* A setitimer's struct itimerval: 32-bit fields on i386 (there is no
 * time64 setitimer), 64-bit on x86_64. */
#define E2E_ITV_TIME32 (sizeof(long) == 4)

#define FOR_EACH_VARIANT(v)                                                  \
	for (const struct e2e_variant *v = e2e_variants;                     \
	     v < e2e_variants + sizeof(e2e_variants) / sizeof(e2e_variants[0]); \
	     v++)

/* Room for the largest struct of any variant (a 208-byte timex),
 * suitably aligned. */
typedef union {
	int64_t w[26];
	char b[208];
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

/* Is a call of this name (or family) selected by the run's trace set?
 * %timer (and no -e) is every call but read, which only "read" and "all"
 * select; %sleep the sleeps and restart_syscall. */
static E2E_UNUSED bool e2e_traced(const char *name, const char *family)
{
	char copy[256], *save = NULL;
	bool read = !strcmp(family, "read");

	if (!e2e_trace_set)
		return !read;
	snprintf(copy, sizeof(copy), "%s", e2e_trace_set);
	for (char *t = strtok_r(copy, ",", &save); t;
	     t = strtok_r(NULL, ",", &save))
		if (!strcmp(t, "all") || (!strcmp(t, "%timer") && !read) ||
		    !strcmp(t, name) || !strcmp(t, family))
			return true;
		else if (!strcmp(t, "%sleep") &&
			 (!strcmp(family, "nanosleep") ||
			  !strcmp(family, "clock_nanosleep") ||
			  !strcmp(family, "restart_syscall")))
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
	{ EAGAIN, "EAGAIN (Resource temporarily unavailable)" },
	{ EFAULT, "EFAULT (Bad address)" },
	{ EINVAL, "EINVAL (Invalid argument)" },
	{ ENOSYS, "ENOSYS (Function not implemented)" },
	{ EOPNOTSUPP, "EOPNOTSUPP (Operation not supported)" },
	{ ECANCELED, "ECANCELED (Operation canceled)" },
	{ ETIMEDOUT, "ETIMEDOUT (Connection timed out)" },
	{ EDEADLK, "EDEADLK (Resource deadlock avoided)" },
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

/* --- names ----------------------------------------------------------- */

static E2E_UNUSED const char *e2e_clock_name(int clock)
{
	static const char *const names[] = {
		"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
		"CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW",
		"CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE",
		"CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM", "CLOCK_BOOTTIME_ALARM",
		"CLOCK_SGI_CYCLE", "CLOCK_TAI",
	};

	if (clock >= 0 && clock < (int)(sizeof(names) / sizeof(names[0])))
		return names[clock];
	return e2e_fmt("%#x /* CLOCK_??? */", (unsigned)clock);
}

/* strace's signal names: the kernel's SIGRTMIN is 32, so glibc's 34 is
 * SIGRT_2. */
static E2E_UNUSED const char *e2e_signal_name(int sig)
{
	switch (sig) {
	case SIGUSR1: return "SIGUSR1";
	case SIGUSR2: return "SIGUSR2";
	case SIGALRM: return "SIGALRM";
	}
	if (sig > 32 && sig <= 64)
		return e2e_fmt("SIGRT_%d", sig - 32);
	return e2e_fmt("%d", sig);
}

/* --- sigevent, itimerval, timex ------------------------------------------ */

/* The text of a sigevent as the program's own ABI lays it out: the value
 * only when its pointer is not NULL; the signal by name when one is sent. */
static E2E_UNUSED const char *e2e_fmt_sigevent(const struct sigevent *sev)
{
	const char *val = "", *signo, *notify, *extra = "";

	if (sev->sigev_value.sival_ptr)
		val = e2e_fmt("sigev_value={sival_int=%d, sival_ptr=%#lx}, ",
			      sev->sigev_value.sival_int,
			      (unsigned long)(uintptr_t)sev->sigev_value.sival_ptr);
	switch (sev->sigev_notify) {
	case SIGEV_SIGNAL:
		notify = "SIGEV_SIGNAL";
		break;
	case SIGEV_NONE:
		notify = "SIGEV_NONE";
		break;
	case SIGEV_THREAD:
		notify = "SIGEV_THREAD";
		extra = e2e_fmt(", sigev_notify_function=%s, "
				"sigev_notify_attributes=%s",
				e2e_addr((void *)(uintptr_t)sev->sigev_notify_function),
				e2e_addr(sev->sigev_notify_attributes));
		break;
	case SIGEV_THREAD_ID:
		notify = "SIGEV_THREAD_ID";
		extra = e2e_fmt(", sigev_notify_thread_id=%d",
				sev->_sigev_un._tid);
		break;
	default:
		notify = e2e_fmt("%#x /* SIGEV_??? */", (unsigned)sev->sigev_notify);
		break;
	}
	if (sev->sigev_notify == SIGEV_SIGNAL || sev->sigev_notify == SIGEV_THREAD ||
	    sev->sigev_notify == SIGEV_THREAD_ID)
		signo = e2e_signal_name(sev->sigev_signo);
	else
		signo = e2e_fmt("%u", (unsigned)sev->sigev_signo);
	return e2e_fmt("{%ssigev_signo=%s, sigev_notify=%s%s}", val, signo,
		       notify, extra);
}

/* An itimerval of the ABI's layout: tv_sec signed, tv_usec unsigned. */
static E2E_UNUSED const char *e2e_fmt_itv(const void *p)
{
	const char *half[2];

	for (int i = 0; i < 2; i++) {
		if (E2E_ITV_TIME32) {
			int32_t w[2];

			memcpy(w, (const char *)p + 8 * i, 8);
			half[i] = e2e_fmt("{tv_sec=%d, tv_usec=%u}", w[0],
					  (uint32_t)w[1]);
		} else {
			int64_t w[2];

			memcpy(w, (const char *)p + 16 * i, 16);
			half[i] = e2e_fmt("{tv_sec=%lld, tv_usec=%llu}",
					  (long long)w[0], (unsigned long long)w[1]);
		}
	}
	return e2e_fmt("{it_interval=%s, it_value=%s}", half[0], half[1]);
}

static E2E_UNUSED void *e2e_put_itv(void *p, int64_t isec, int64_t iusec,
				    int64_t vsec, int64_t vusec)
{
	if (E2E_ITV_TIME32) {
		int32_t w[4] = { (int32_t)isec, (int32_t)iusec, (int32_t)vsec,
				 (int32_t)vusec };

		memcpy(p, w, sizeof(w));
	} else {
		int64_t w[4] = { isec, iusec, vsec, vusec };

		memcpy(p, w, sizeof(w));
	}
	return p;
}

/* struct timex: every field of old_timex32 is 32 bits; __kernel_timex
 * has 64-bit fields but for modes, status, shift and tai. */
static E2E_UNUSED size_t e2e_timex_size(const struct e2e_variant *v)
{
	return v->time32 ? 128 : 208;
}

static E2E_UNUSED const char *e2e_timex_flags(uint64_t val, bool status)
{
	static const struct { unsigned val; const char *name; } modes[] = {
		{ 0xa001, "ADJ_OFFSET_SS_READ" }, { 0x8001, "ADJ_OFFSET_SINGLESHOT" },
		{ 0x1, "ADJ_OFFSET" }, { 0x2, "ADJ_FREQUENCY" },
		{ 0x4, "ADJ_MAXERROR" }, { 0x8, "ADJ_ESTERROR" },
		{ 0x10, "ADJ_STATUS" }, { 0x20, "ADJ_TIMECONST" },
		{ 0x80, "ADJ_TAI" }, { 0x100, "ADJ_SETOFFSET" },
		{ 0x1000, "ADJ_MICRO" }, { 0x2000, "ADJ_NANO" },
		{ 0x4000, "ADJ_TICK" },
	}, sta[] = {
		{ 0x1, "STA_PLL" }, { 0x2, "STA_PPSFREQ" }, { 0x4, "STA_PPSTIME" },
		{ 0x8, "STA_FLL" }, { 0x10, "STA_INS" }, { 0x20, "STA_DEL" },
		{ 0x40, "STA_UNSYNC" }, { 0x80, "STA_FREQHOLD" },
		{ 0x100, "STA_PPSSIGNAL" }, { 0x200, "STA_PPSJITTER" },
		{ 0x400, "STA_PPSWANDER" }, { 0x800, "STA_PPSERROR" },
		{ 0x1000, "STA_CLOCKERR" }, { 0x2000, "STA_NANO" },
		{ 0x4000, "STA_MODE" }, { 0x8000, "STA_CLK" },
	};
	char out[256] = "";
	size_t n = status ? sizeof(sta) / sizeof(sta[0])
			  : sizeof(modes) / sizeof(modes[0]);

	if (!val)
		return "0";
	for (size_t i = 0; i < n; i++) {
		unsigned bit = status ? sta[i].val : modes[i].val;

		if ((val & bit) == bit) {
			snprintf(out + strlen(out), sizeof(out) - strlen(out),
				 "%s%s", *out ? "|" : "",
				 status ? sta[i].name : modes[i].name);
			val &= ~(uint64_t)bit;
		}
	}
	if (val && *out)
		return e2e_fmt("%s|%#llx", out, (unsigned long long)val);
	if (val)
		return e2e_fmt("%#llx /* %s */", (unsigned long long)val,
			       status ? "STA_???" : "ADJ_???");
	return e2e_fmt("%s", out);
}

static E2E_UNUSED const char *e2e_fmt_timex(const struct e2e_variant *v,
					    const void *p)
{
	/* name, offset in old_timex32, in __kernel_timex, 64-bit size */
	static const struct { const char *name; int o32, o64, s64; } f[] = {
		{ "modes", 0, 0, 4 }, { "offset", 4, 8, 8 }, { "freq", 8, 16, 8 },
		{ "maxerror", 12, 24, 8 }, { "esterror", 16, 32, 8 },
		{ "status", 20, 40, 4 }, { "constant", 24, 48, 8 },
		{ "precision", 28, 56, 8 }, { "tolerance", 32, 64, 8 },
		{ "time", 36, 72, 8 }, { "tick", 44, 88, 8 },
		{ "ppsfreq", 48, 96, 8 }, { "jitter", 52, 104, 8 },
		{ "shift", 56, 112, 4 }, { "stabil", 60, 120, 8 },
		{ "jitcnt", 64, 128, 8 }, { "calcnt", 68, 136, 8 },
		{ "errcnt", 72, 144, 8 }, { "stbcnt", 76, 152, 8 },
		{ "tai", 80, 160, 4 },
	};
	char out[1024] = "{";

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		const char *b = (const char *)p + (v->time32 ? f[i].o32 : f[i].o64);
		int size = v->time32 ? 4 : f[i].s64;
		int64_t x, y;
		const char *text;

		if (size == 4) {
			int32_t a, c;

			memcpy(&a, b, 4);
			memcpy(&c, b + 4, 4);
			x = a;
			y = (uint32_t)c;
		} else {
			memcpy(&x, b, 8);
			memcpy(&y, b + 8, 8);
		}
		if (!strcmp(f[i].name, "modes") || !strcmp(f[i].name, "status"))
			text = e2e_timex_flags(size == 4 ? (uint32_t)x : (uint64_t)x,
					       f[i].name[0] == 's');
		else if (!strcmp(f[i].name, "time"))
			text = e2e_fmt("{tv_sec=%lld, tv_usec=%llu}", (long long)x,
				       (unsigned long long)y);
		else
			text = e2e_fmt("%lld", (long long)x);
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s=%s",
			 i ? ", " : "", f[i].name, text);
	}
	return e2e_fmt("%s}", out);
}

/* --- the timer's life ------------------------------------------------------ */

/* What ttrace (and strace) read of a sigevent: up to the end of
 * SIGEV_THREAD's second pointer, the attributes (32 bytes native, 20 for
 * i386). */
#define E2E_SIGEVENT_READ (offsetof(struct sigevent, sigev_notify_attributes) + \
			   sizeof(void *))

/* A raw timer_create with its line; returns what the kernel returned, the
 * id in *id when it wrote one. */
static E2E_UNUSED long e2e_timer_create_raw(int clock, const struct sigevent *sev,
					    int *id)
{
	const struct e2e_call *c = &e2e_abi.timer_create;
	long r = syscall(c->nr, clock, sev, id);
	int err = errno;

	if (e2e_traced(c->name, c->family)) {
		const char *ev = !sev ? "NULL"
			: e2e_readable(sev, E2E_SIGEVENT_READ) ? e2e_fmt_sigevent(sev)
			: e2e_addr(sev);
		const char *out = id && r == 0 ? e2e_fmt("[%d]", *id) : e2e_addr(id);

		e2e_call_line(e2e_ret(r, err), "timer_create(%s, %s, %s",
			      e2e_clock_name(clock), ev, out);
	}
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
	if (e2e_timer_create_raw(clock, &sev, &id) != 0)
		e2e_broken("timer_create");
	return id;
}

/* A raw timerfd_create; flags_s: how ttrace shows flags. */
static E2E_UNUSED long e2e_timerfd_create_raw(int clock, int flags,
					      const char *flags_s)
{
	const struct e2e_call *c = &e2e_abi.timerfd_create;
	long fd = syscall(c->nr, clock, flags);
	int err = errno;

	if (e2e_traced(c->name, c->family))
		e2e_call_line(e2e_ret(fd, err), "timerfd_create(%s, %s",
			      e2e_clock_name(clock), flags_s);
	errno = err;
	return fd;
}

static E2E_UNUSED int e2e_timerfd_create(clockid_t clock)
{
	long fd = e2e_timerfd_create_raw(clock, 0, "0");

	if (fd < 0)
		e2e_broken("timerfd_create");
	return (int)fd;
}

/* setitimer(which, value, ovalue) with its line; which_s as shown. */
static E2E_UNUSED long e2e_setitimer(int which, const char *which_s,
				     const void *value, void *ovalue)
{
	const struct e2e_call *c = &e2e_abi.setitimer;
	size_t size = E2E_ITV_TIME32 ? 16 : 32;
	long r = syscall(c->nr, which, value, ovalue);
	int err = errno;

	if (e2e_traced(c->name, c->family)) {
		const char *in = value && e2e_readable(value, size) ?
			e2e_fmt_itv(value) : e2e_addr(value);
		const char *out = ovalue && r == 0 ? e2e_fmt_itv(ovalue)
						   : e2e_addr(ovalue);

		e2e_call_line(e2e_ret(r, err), "setitimer(%s, %s, %s", which_s,
			      in, out);
	}
	errno = err;
	return r;
}

/* --- calls of one value and one struct ------------------------------------ */

static E2E_UNUSED const char *e2e_timex_fn(const struct e2e_variant *v,
					   const char *call, const void *p,
					   const char *path)
{
	(void)call;
	(void)path;
	return e2e_fmt_timex(v, p);
}

static E2E_UNUSED const char *e2e_itv_fn(const struct e2e_variant *v,
					 const char *call, const void *p,
					 const char *path)
{
	(void)v;
	(void)call;
	(void)path;
	return e2e_fmt_itv(p);
}

/* "= 5 (TIME_ERROR)": clock_adjtime's state. */
static E2E_UNUSED const char *e2e_adjtime_ret(long r, int err)
{
	static const char *const states[] = {
		"TIME_OK", "TIME_INS", "TIME_DEL", "TIME_OOP", "TIME_WAIT",
		"TIME_ERROR",
	};

	if (r >= 0 && r < 6)
		return e2e_fmt("%ld (%s)", r, states[r]);
	return e2e_ret(r, err);
}

/* NAME(A0, STRUCT) of call c: STRUCT is an input (decoded when readable),
 * or an output decoded when the call succeeded; path names it in
 * annotation lines. */
static E2E_UNUSED long e2e_call_struct(const struct e2e_variant *v,
				       const struct e2e_call *c, long a0,
				       const char *a0_s, void *p, size_t size,
				       e2e_fmt_fn fmt, bool input,
				       const char *path)
{
	long r = syscall(c->nr, a0, p);
	int err = errno;

	if (e2e_traced(c->name, c->family)) {
		const char *arg = input ? e2e_in(v, c->name, p, size, fmt, path)
					: e2e_out(v, c->name, p, r >= 0, fmt, path);

		e2e_call_line(fmt == e2e_timex_fn ? e2e_adjtime_ret(r, err)
						  : e2e_ret(r, err),
			      "%s(%s, %s", c->name, a0_s, arg);
	}
	errno = err;
	return r;
}

/* A call of one int argument (timer_getoverrun, timer_delete, alarm). */
static E2E_UNUSED long e2e_call_int(const struct e2e_call *c, long a0,
				    const char *a0_s)
{
	long r = syscall(c->nr, a0);
	int err = errno;

	if (e2e_traced(c->name, c->family))
		e2e_call_line(e2e_ret(r, err), "%s(%s", c->name, a0_s);
	errno = err;
	return r;
}

/* read(fd, buf, count): printed only when fd is a timerfd (tfd), with
 * the u64 count the kernel wrote as "[N]". */
static E2E_UNUSED long e2e_read(int fd, bool tfd, void *buf, size_t count)
{
	const struct e2e_call *c = &e2e_abi.read;
	long r = syscall(c->nr, fd, buf, count);
	int err = errno;

	if (tfd && e2e_traced(c->name, c->family)) {
		uint64_t n = 0;

		if (r == 8)
			memcpy(&n, buf, sizeof(n));
		e2e_call_line(e2e_ret(r, err), "read(%d, %s, %zu", fd,
			      r == 8 ? e2e_fmt("[%llu]", (unsigned long long)n)
				     : e2e_addr(buf), count);
	}
	errno = err;
	return r;
}

/* --- the waits: epoll, rt_sigtimedwait ----------------------------------- */

/* One entry point in each ABI; epoll_pwait2's timeout is a
 * __kernel_timespec in both. */
static const struct e2e_epoll_calls {
	struct e2e_call wait, pwait, pwait2;
} e2e_epoll = {
	{ __NR_epoll_wait, "epoll_wait", "epoll_wait" },
	{ __NR_epoll_pwait, "epoll_pwait", "epoll_pwait" },
	{ __NR_epoll_pwait2, "epoll_pwait2", "epoll_pwait2" },
};

/* rt_sigtimedwait: i386 has a time32 and a time64 entry point. */
struct e2e_timed_call {
	bool time32, compat64;	/* as in struct e2e_variant */
	struct e2e_call call;
};

#ifdef __i386__
static const struct e2e_timed_call e2e_sigtimedwait[] = {
	{ true, false, { __NR_rt_sigtimedwait, "rt_sigtimedwait_time32",
			 "rt_sigtimedwait" } },
	{ false, true, { __NR_rt_sigtimedwait_time64, "rt_sigtimedwait_time64",
			 "rt_sigtimedwait" } },
};
#else
static const struct e2e_timed_call e2e_sigtimedwait[] = {
	{ false, false, { __NR_rt_sigtimedwait, "rt_sigtimedwait",
			  "rt_sigtimedwait" } },
};
#endif

/* A set of signals as strace prints it (fewer than 33 set). */
static E2E_UNUSED const char *e2e_fmt_sigset(uint64_t set)
{
	char out[256] = "[";

	for (int sig = 1; sig <= 64; sig++)
		if (set >> (sig - 1) & 1)
			snprintf(out + strlen(out), sizeof(out) - strlen(out),
				 "%s%s", out[1] ? " " : "",
				 e2e_signal_name(sig) + 3);
	return e2e_fmt("%s]", out);
}

/* --- the waits: poll, ppoll, select, pselect6 ----------------------------- */

/* The wait calls of a time width, beside e2e_variants (the same index:
 * E2E_WAITS(v)); and those with one entry point per ABI.  i386 has the
 * old one-argument select too (old_select; x86_64: nr 0). */
struct e2e_wait_variant {
	struct e2e_call ppoll, pselect6;
};

struct e2e_wait_abi_calls {
	struct e2e_call poll, select, old_select;
};

#ifdef __i386__
static const struct e2e_wait_variant e2e_wait_variants[] = {
	{ { __NR_ppoll, "ppoll_time32", "ppoll" },
	  { __NR_pselect6, "pselect6_time32", "pselect6" } },
	{ { __NR_ppoll_time64, "ppoll_time64", "ppoll" },
	  { __NR_pselect6_time64, "pselect6_time64", "pselect6" } },
};
static const struct e2e_wait_abi_calls e2e_wait_abi = {
	{ __NR_poll, "poll", "poll" },
	{ __NR__newselect, "_newselect", "select" },
	{ __NR_select, "select", "select" },
};
#else
static const struct e2e_wait_variant e2e_wait_variants[] = {
	{ { __NR_ppoll, "ppoll", "ppoll" },
	  { __NR_pselect6, "pselect6", "pselect6" } },
};
static const struct e2e_wait_abi_calls e2e_wait_abi = {
	{ __NR_poll, "poll", "poll" },
	{ __NR_select, "select", "select" },
	{ 0, "select", "select" },
};
#endif

#define E2E_WAITS(v) (&e2e_wait_variants[(v) - e2e_variants])

/* The signal the interrupted waits get. */
#define E2E_SIGALRM_LINE "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---"

static E2E_UNUSED void e2e_on_signal(int sig)
{
	(void)sig;
}

/* --- semtimedop, io_getevents, io_pgetevents ------------------------------ */

/* A wait's entry point: its row (name, family: what -e selects), the name
 * its line shows (i386 ipc shows the call it makes), its timespec's
 * layout, and what it is: ipc's SEMTIMEDOP, io_pgetevents with a usig. */
struct e2e_wait_call {
	struct e2e_call c;
	const char *shown;
	bool time32, compat64;
	bool ipc, usig;
};

#ifdef __i386__
static const struct e2e_wait_call e2e_semtimedops[] = {
	{ { __NR_semtimedop_time64, "semtimedop_time64", "semtimedop" },
	  "semtimedop_time64", false, true, false, false },
	{ { __NR_ipc, "ipc", "ipc" }, "semtimedop", true, false, true, false },
};
static const struct e2e_wait_call e2e_getevents[] = {
	{ { __NR_io_getevents, "io_getevents_time32", "io_getevents" },
	  "io_getevents_time32", true, false, false, false },
	{ { __NR_io_pgetevents, "io_pgetevents_time32", "io_pgetevents" },
	  "io_pgetevents_time32", true, false, false, true },
	{ { __NR_io_pgetevents_time64, "io_pgetevents_time64", "io_pgetevents" },
	  "io_pgetevents_time64", false, true, false, true },
};
#else
static const struct e2e_wait_call e2e_semtimedops[] = {
	{ { __NR_semtimedop, "semtimedop", "semtimedop" }, "semtimedop",
	  false, false, false, false },
};
static const struct e2e_wait_call e2e_getevents[] = {
	{ { __NR_io_getevents, "io_getevents", "io_getevents" },
	  "io_getevents", false, false, false, false },
	{ { __NR_io_pgetevents, "io_pgetevents", "io_pgetevents" },
	  "io_pgetevents", false, false, false, true },
};
#endif

#define FOR_EACH_WAIT_CALL(w, table)					\
	for (const struct e2e_wait_call *w = table;			\
	     w < table + sizeof(table) / sizeof(table[0]); w++)

static void e2e_on_alarm(int sig)
{
	(void)sig;
}

/* SIGALRM handled (the wait fails with EINTR) or ignored (the kernel
 * restarts it), then sent once after ms milliseconds (no line: the
 * programs' trace sets do not select setitimer). */
static E2E_UNUSED void e2e_alarm_in(unsigned ms, bool handled)
{
	struct sigaction sa;
	struct itimerval { long s1, u1, s2, u2; } it = { 0, 0, 0, (long)ms * 1000 };

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handled ? e2e_on_signal : SIG_IGN;
	if (sigaction(SIGALRM, &sa, NULL) ||
	    syscall(e2e_abi.setitimer.nr, 0 /* ITIMER_REAL */, &it, NULL))
		e2e_broken("arming SIGALRM");
}


/* --- futex ---------------------------------------------------------------- */

/* futex in each variant of e2e_variants, in the same order: x86_64 futex,
 * i386 futex_time32 (old_timespec32) and futex_time64; futex_waitv is
 * one entry point in each ABI. */
#ifdef __i386__
static const struct e2e_call e2e_futex_calls[] E2E_UNUSED = {
	{ __NR_futex, "futex_time32", "futex" },
	{ __NR_futex_time64, "futex_time64", "futex" },
};
#else
static const struct e2e_call e2e_futex_calls[] E2E_UNUSED = {
	{ __NR_futex, "futex", "futex" },
};
#endif
static const struct e2e_call e2e_futex_waitv E2E_UNUSED = {
	__NR_futex_waitv, "futex_waitv", "futex_waitv"
};
/* A SIGALRM a handler takes, after us microseconds: it interrupts a
 * wait with EINTR.  Its setitimer is made without a line: the waits'
 * programs do not trace it. */
static E2E_UNUSED void e2e_handled_alarm(long us)
{
	struct sigaction sa;
	long it[4] = { 0, 0, 0, us };	/* struct itimerval of longs */

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = e2e_on_alarm;
	if (sigaction(SIGALRM, &sa, NULL) ||
	    syscall(__NR_setitimer, 0 /* ITIMER_REAL */, it, NULL))
		e2e_broken("arming SIGALRM");
}

/* The variant whose timespec layout the call takes (e2e_put_ts, ...). */
static E2E_UNUSED struct e2e_variant e2e_wait_layout(const struct e2e_wait_call *w)
{
	struct e2e_variant v;

	memset(&v, 0, sizeof(v));
	v.time32 = w->time32;
	v.compat64 = w->compat64;
	return v;
}

#endif
