/* ttrace unit tests: what a call means for time (src/decode/timing.c),
 * decoded once at entry and completed at exit, for every kind of call
 * that has a meaning and in both widths. */
#include <time.h>

#include "abi.h"
#include "decode/decode.h"
#include "lateness.h"
#include "nr-tables.h"
#include "tcb.h"
#include "unit.h"
#include "xlat/xlat.h"

#define X64 (&tt_abi_x86_64)
#define I386 (&tt_abi_i386)
#define IN 0x1000
#define OUT 0x2000
#define NS 1000000000LL

struct timing_case {
	const char *what;
	struct ut_call call;
	struct tt_timing want;	/* the fields compared below */
};

/* timer_settime(3, TIMER_ABSTIME, {every 0.5 s, at 2 s}) in any width */
#define ARMS_TIMER_3							\
	{ .kind = TT_TIMING_ARM, .clock_from = TT_CLOCK_OF_TIMER,	\
	  .timer_kind = TT_TIMER_POSIX, .has_timer = true, .timer_arg = 0, \
	  .timer = 3, .flags = 1, .absolute = true, .has_value = true,	\
	  .in_ns = true, .valid = true, .value = { 2, 0 },		\
	  .interval = { 0, 500000000 }, .value_ns = 2 * NS,		\
	  .interval_ns = 500000000 }

static const struct timing_case cases[] = {
	{ "clock_nanosleep, absolute on CLOCK_REALTIME",
	  { X64, NR64_clock_nanosleep, { CLOCK_REALTIME, 1, IN, 0 }, { [2] = UT_TS(5, 250) }, UT_RET(0) },
	  { .kind = TT_TIMING_SLEEP, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_REALTIME, .flags = 1, .absolute = true,
	    .has_value = true, .in_ns = true, .valid = true,
	    .value = { 5, 250 }, .value_ns = 5 * NS + 250, .timer_arg = -1 } },
	{ "nanosleep: CLOCK_MONOTONIC, relative",
	  { X64, NR64_nanosleep, { IN, 0 }, { [0] = UT_TS(1, 0) }, UT_RET(0) },
	  { .kind = TT_TIMING_SLEEP, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .has_value = true, .in_ns = true,
	    .valid = true, .value = { 1, 0 }, .value_ns = NS, .timer_arg = -1 } },
	{ "i386 clock_nanosleep_time32: tv_nsec of a second is not a time",
	  { I386, NR32_clock_nanosleep, { CLOCK_MONOTONIC, 0, IN, 0 }, { [2] = UT_TS(0, 1000000000) },
	    .ret = TR_ERROR, .err = 22 },
	  { .kind = TT_TIMING_SLEEP, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .has_value = true, .in_ns = true,
	    .value = { 0, 1000000000 }, .value_ns = NS, .timer_arg = -1 } },
	{ "clock_nanosleep: a request that cannot be read",
	  { X64, NR64_clock_nanosleep, { CLOCK_MONOTONIC, 0, IN, 0 }, { [2] = { false } }, UT_RET(0) },
	  { .kind = TT_TIMING_SLEEP, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .timer_arg = -1 } },
	{ "clock_nanosleep: beyond 64-bit nanoseconds",
	  { X64, NR64_clock_nanosleep, { CLOCK_MONOTONIC, 0, IN, 0 }, { [2] = UT_TS(INT64_MAX, 0) }, UT_RET(0) },
	  { .kind = TT_TIMING_SLEEP, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .has_value = true,
	    .value = { INT64_MAX, 0 }, .timer_arg = -1 } },
	{ "timer_settime: absolute, a POSIX timer",
	  { X64, NR64_timer_settime, { 3, 1, IN, OUT }, { [2] = UT_ITS(0, 500000000, 2, 0) }, UT_RET(0) },
	  ARMS_TIMER_3 },
	{ "i386 timer_settime32: the same in the 32-bit layout",
	  { I386, NR32_timer_settime, { 3, 1, IN, OUT }, { [2] = UT_ITS(0, 500000000, 2, 0) }, UT_RET(0) },
	  ARMS_TIMER_3 },
	{ "timerfd_settime: relative, flags kept as passed",
	  { X64, NR64_timerfd_settime, { 5, 2, IN, OUT }, { [2] = UT_ITS(1, 0, 0, 20000000) }, UT_RET(0) },
	  { .kind = TT_TIMING_ARM, .clock_from = TT_CLOCK_OF_TIMER,
	    .timer_kind = TT_TIMER_FD, .has_timer = true, .timer_arg = 0,
	    .timer = 5, .flags = 2, .has_value = true, .in_ns = true,
	    .valid = true, .value = { 0, 20000000 }, .interval = { 1, 0 },
	    .value_ns = 20000000, .interval_ns = NS } },
	{ "setitimer: ITIMER_PROF, microseconds",
	  { X64, NR64_setitimer, { 2, IN, 0 }, { [1] = UT_ITS(0, 250000, 1, 5) }, UT_RET(0) },
	  { .kind = TT_TIMING_ARM, .clock_from = TT_CLOCK_ITIMER, .clock = 2,
	    .has_value = true, .in_ns = true, .valid = true,
	    .value = { 1, 5 }, .interval = { 0, 250000 },
	    .value_ns = NS + 5000, .interval_ns = 250000000, .timer_arg = -1 } },
	{ "alarm: seconds on ITIMER_REAL",
	  { X64, NR64_alarm, { 7 }, { { false } }, UT_RET(0) },
	  { .kind = TT_TIMING_ARM, .clock_from = TT_CLOCK_ITIMER, .clock = 0,
	    .has_value = true, .in_ns = true, .valid = true,
	    .value = { 7, 0 }, .value_ns = 7 * NS, .timer_arg = -1 } },
	{ "timer_create: NULL sigevent, the id at exit",
	  { X64, NR64_timer_create, { CLOCK_BOOTTIME, 0, OUT }, { [2] = { true, { 9 } } }, UT_RET(0) },
	  { .kind = TT_TIMING_CREATE, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_BOOTTIME, .timer_kind = TT_TIMER_POSIX,
	    .has_timer = true, .timer = 9, .notify_known = true,
	    .default_sigevent = true, .signo = 14, .sival = 9, .timer_arg = -1 } },
	{ "timer_create that failed: no id",
	  { X64, NR64_timer_create, { CLOCK_BOOTTIME, 0, OUT }, { [2] = { true, { 9 } } },
	    .ret = TR_ERROR, .err = 22 },
	  { .kind = TT_TIMING_CREATE, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_BOOTTIME, .timer_kind = TT_TIMER_POSIX,
	    .notify_known = true, .default_sigevent = true, .signo = 14,
	    .timer_arg = -1 } },
	{ "timerfd_create: close-on-exec, the fd it returned",
	  { X64, NR64_timerfd_create, { CLOCK_MONOTONIC, 02000000 }, { { false } }, UT_RET(4) },
	  { .kind = TT_TIMING_CREATE, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .timer_kind = TT_TIMER_FD,
	    .has_timer = true, .timer = 4, .flags = 02000000, .cloexec = true,
	    .timer_arg = -1 } },
	{ "timer_delete",
	  { X64, NR64_timer_delete, { 3 }, { { false } }, UT_RET(0) },
	  { .kind = TT_TIMING_DELETE, .timer_kind = TT_TIMER_POSIX,
	    .has_timer = true, .timer_arg = 0, .timer = 3 } },
	{ "timer_gettime: about a timer, no request",
	  { X64, NR64_timer_gettime, { 3, OUT }, { { false } }, UT_RET(0) },
	  { .kind = TT_TIMING_NONE, .timer_kind = TT_TIMER_POSIX,
	    .has_timer = true, .timer_arg = 0, .timer = 3 } },
	{ "poll of 20 ms that timed out: CLOCK_MONOTONIC, ms",
	  { X64, NR64_poll, { IN, 1, 20 }, { [0] = { true, { 3 } } }, UT_RET(0) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .has_value = true, .in_ns = true,
	    .valid = true, .value = { 0, 20000000 }, .value_ns = 20000000,
	    .outcome = TT_WAIT_TIMED_OUT, .timer_arg = -1 } },
	{ "poll of 0 ms: a timeout of 0, timed out at once",
	  { X64, NR64_poll, { IN, 1, 0 }, { [0] = { true, { 3 } } }, UT_RET(0) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .has_value = true, .in_ns = true,
	    .valid = true, .outcome = TT_WAIT_TIMED_OUT, .timer_arg = -1 } },
	{ "poll of -1 ms: no timeout, ready",
	  { X64, NR64_poll, { IN, 1, (uint32_t)-1 }, { [0] = { true, { 3 } } }, UT_RET(1) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .outcome = TT_WAIT_READY, .timer_arg = -1 } },
	{ "i386 ppoll_time32 of 1 s interrupted",
	  { I386, NR32_ppoll, { IN, 1, IN + 64, 0, 8 },
	    { [0] = { true, { 3 } }, [2] = UT_TS(1, 5) }, UT_ERR(514) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .has_value = true, .in_ns = true,
	    .valid = true, .value = { 1, 5 }, .value_ns = NS + 5,
	    .outcome = TT_WAIT_INTERRUPTED, .timer_arg = -1 } },
	{ "ppoll with no timeout on a bad address: failed",
	  { X64, NR64_ppoll, { 8, 1, 0, 0, 8 }, { [0] = { false } }, UT_ERR(14) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .outcome = TT_WAIT_FAILED, .timer_arg = -1 } },
	{ "ppoll whose tv_nsec is a second: not valid, failed",
	  { X64, NR64_ppoll, { IN, 1, IN + 64, 0, 8 },
	    { [0] = { true, { 3 } }, [2] = UT_TS(0, 1000000000) }, UT_ERR(22) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .has_value = true, .in_ns = true,
	    .value = { 0, 1000000000 }, .value_ns = NS,
	    .outcome = TT_WAIT_FAILED, .timer_arg = -1 } },
	{ "clock_gettime: nothing to know",
	  { X64, NR64_clock_gettime, { CLOCK_MONOTONIC, OUT }, { { false } }, UT_RET(0) },
	  { .kind = TT_TIMING_NONE, .timer_arg = -1 } },
	/* futex: the op says whether it waits, how long and on which clock */
	{ "futex FUTEX_WAIT_PRIVATE: relative on CLOCK_MONOTONIC, timed out",
	  { X64, NR64_futex, { 0x4000, 128, 0, IN }, { [3] = UT_TS(0, 1000000) }, UT_ERR(110) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .has_value = true, .in_ns = true,
	    .valid = true, .value = { 0, 1000000 }, .value_ns = 1000000,
	    .outcome = TT_WAIT_TIMED_OUT, .timer_arg = -1 } },
	{ "futex FUTEX_WAIT|FUTEX_CLOCK_REALTIME: relative on CLOCK_REALTIME",
	  { X64, NR64_futex, { 0x4000, 256, 0, IN }, { [3] = UT_TS(1, 0) }, UT_ERR(38) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_REALTIME, .has_value = true, .in_ns = true,
	    .valid = true, .value = { 1, 0 }, .value_ns = NS,
	    .outcome = TT_WAIT_FAILED, .timer_arg = -1 } },
	{ "futex FUTEX_WAIT: the value differed (EAGAIN)",
	  { X64, NR64_futex, { 0x4000, 0, 1, IN }, { [3] = UT_TS(1, 0) }, UT_ERR(11) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .has_value = true, .in_ns = true,
	    .valid = true, .value = { 1, 0 }, .value_ns = NS,
	    .outcome = TT_WAIT_FAILED, .timer_arg = -1 } },
	{ "futex FUTEX_WAIT without a timeout: woken",
	  { X64, NR64_futex, { 0x4000, 0, 0, 0 }, { { false } }, UT_RET(0) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .outcome = TT_WAIT_READY,
	    .timer_arg = -1 } },
	{ "i386 futex_time32 FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME: a deadline",
	  { I386, NR32_futex, { 0x4000, 393, 0, IN, 0, ~0u }, { [3] = UT_TS(5, 250) }, UT_ERR(110) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_REALTIME, .absolute = true, .has_value = true,
	    .in_ns = true, .valid = true, .value = { 5, 250 },
	    .value_ns = 5 * NS + 250, .outcome = TT_WAIT_TIMED_OUT,
	    .timer_arg = -1 } },
	{ "i386 futex_time64 FUTEX_WAIT_BITSET: a deadline on CLOCK_MONOTONIC",
	  { I386, NR32_futex_time64, { 0x4000, 9, 0, IN, 0, ~0u }, { [3] = UT_TS(5, 250) }, UT_RET(0) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .absolute = true, .has_value = true,
	    .in_ns = true, .valid = true, .value = { 5, 250 },
	    .value_ns = 5 * NS + 250, .outcome = TT_WAIT_READY,
	    .timer_arg = -1 } },
	{ "futex FUTEX_LOCK_PI: a deadline on CLOCK_REALTIME",
	  { X64, NR64_futex, { 0x4000, 6, 0, IN }, { [3] = UT_TS(7, 0) }, UT_ERR(110) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_REALTIME, .absolute = true, .has_value = true,
	    .in_ns = true, .valid = true, .value = { 7, 0 }, .value_ns = 7 * NS,
	    .outcome = TT_WAIT_TIMED_OUT, .timer_arg = -1 } },
	{ "futex FUTEX_LOCK_PI2_PRIVATE: a deadline on CLOCK_MONOTONIC",
	  { X64, NR64_futex, { 0x4000, 141, 0, IN }, { [3] = UT_TS(7, 0) }, UT_RET(0) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .absolute = true, .has_value = true,
	    .in_ns = true, .valid = true, .value = { 7, 0 }, .value_ns = 7 * NS,
	    .outcome = TT_WAIT_READY, .timer_arg = -1 } },
	{ "futex FUTEX_LOCK_PI2|FUTEX_CLOCK_REALTIME: a deadline on CLOCK_REALTIME",
	  { X64, NR64_futex, { 0x4000, 269, 0, IN }, { [3] = UT_TS(7, 0) }, UT_RET(0) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_REALTIME, .absolute = true, .has_value = true,
	    .in_ns = true, .valid = true, .value = { 7, 0 }, .value_ns = 7 * NS,
	    .outcome = TT_WAIT_READY, .timer_arg = -1 } },
	{ "futex FUTEX_WAIT_REQUEUE_PI interrupted: a deadline",
	  { X64, NR64_futex, { 0x4000, 11, 0, IN, 0x5000 }, { [3] = UT_TS(7, 0) }, UT_ERR(516) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .absolute = true, .has_value = true,
	    .in_ns = true, .valid = true, .value = { 7, 0 }, .value_ns = 7 * NS,
	    .outcome = TT_WAIT_INTERRUPTED, .timer_arg = -1 } },
	{ "futex FUTEX_WAKE: no wait, its 4th argument a number",
	  { X64, NR64_futex, { 0x4000, 1, 1, IN }, { [3] = UT_TS(7, 0) }, UT_RET(1) },
	  { .kind = TT_TIMING_NONE, .timer_arg = -1 } },
	{ "futex with FUTEX_WAIT and an unknown bit: no wait (ENOSYS)",
	  { X64, NR64_futex, { 0x4000, 0x200, 0, IN }, { [3] = UT_TS(7, 0) }, UT_ERR(38) },
	  { .kind = TT_TIMING_NONE, .timer_arg = -1 } },
	{ "futex_waitv: a deadline on its clockid, timed out",
	  { X64, NR64_futex_waitv, { IN, 0, 0, IN, CLOCK_REALTIME }, { [3] = UT_TS(5, 0) }, UT_ERR(110) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_REALTIME, .absolute = true, .has_value = true,
	    .in_ns = true, .valid = true, .value = { 5, 0 }, .value_ns = 5 * NS,
	    .outcome = TT_WAIT_TIMED_OUT, .timer_arg = -1 } },
	{ "i386 futex_waitv: a __kernel_timespec, CLOCK_MONOTONIC",
	  { I386, NR32_futex_waitv, { IN, 0, 0, IN, CLOCK_MONOTONIC }, { [3] = UT_TS(5, 0) }, UT_RET(0) },
	  { .kind = TT_TIMING_WAIT, .clock_from = TT_CLOCK_ID,
	    .clock = CLOCK_MONOTONIC, .absolute = true, .has_value = true,
	    .in_ns = true, .valid = true, .value = { 5, 0 }, .value_ns = 5 * NS,
	    .outcome = TT_WAIT_READY, .timer_arg = -1 } },
};

#define EQ(field) ck_assert_msg(got->field == want->field,			\
	"%s: " #field " is %lld, want %lld", c->what,			\
	(long long)got->field, (long long)want->field)

START_TEST(test_timing)
{
	const struct timing_case *c = &cases[_i];
	const struct tt_timing *want = &c->want, *got;
	struct tt_event *call_ev = ut_call_begin(UT_TID, &c->call);

	ut_call_entry(call_ev);
	ut_call_exit(call_ev, &c->call);
	got = &call_ev->timing;
	EQ(kind); EQ(clock_from); EQ(timer_kind); EQ(has_timer);
	EQ(timer_arg); EQ(absolute); EQ(has_value); EQ(in_ns); EQ(valid);
	EQ(flags); EQ(cloexec); EQ(notify_known); EQ(default_sigevent);
	EQ(notify); EQ(signo); EQ(sival); EQ(outcome);
	if (want->clock_from != TT_CLOCK_NONE && want->clock_from != TT_CLOCK_OF_TIMER)
		EQ(clock);
	if (want->has_timer)
		EQ(timer);
	if (want->has_value) {
		EQ(value.sec); EQ(value.frac); EQ(interval.sec); EQ(interval.frac);
	}
	if (want->in_ns) {
		EQ(value_ns); EQ(interval_ns);
	}
}
END_TEST

/* A call ttrace only remembers for restart_syscall (not traced, its
 * inputs never read): its kind, clock and mode, but no value. */
START_TEST(test_timing_remembered)
{
	uint64_t raw[TT_MAX_ARGS] = { CLOCK_MONOTONIC, 1, IN, 0 };
	static struct tt_event ev;

	tt_event_init(&ev, tt_abi_syscall(X64, NR64_clock_nanosleep), X64, UT_TID, NR64_clock_nanosleep, raw);
	tt_timing_entry(&ev);
	ck_assert_int_eq(ev.timing.kind, TT_TIMING_SLEEP);
	ck_assert_int_eq(ev.timing.clock, CLOCK_MONOTONIC);
	ck_assert(ev.timing.absolute);
	ck_assert(!ev.timing.has_value && !ev.timing.valid);
}
END_TEST

/* The waits of epoll and rt_sigtimedwait: the timeout in ns, on
 * CLOCK_MONOTONIC, and how each ended. */
static const struct wait_case {
	const char *what;
	struct ut_call call;
	bool timed;		/* a finite timeout: tt_wait_timed */
	int64_t value_ns;
	uint8_t outcome;	/* enum tt_wait_outcome */
} wait_cases[] = {
	{ "epoll_wait: 250 ms, timed out",
	  { X64, NR64_epoll_wait, { 3, OUT, 4, 250 }, { { false } }, UT_RET(0) },
	  true, 250000000, TT_WAIT_TIMED_OUT },
	{ "i386 epoll_wait: 0 ms, an event ready",
	  { I386, NR32_epoll_wait, { 3, OUT, 4, 0 }, { { false } }, UT_RET(1) },
	  true, 0, TT_WAIT_READY },
	{ "epoll_wait: no timeout, an event ready",
	  { X64, NR64_epoll_wait, { 3, OUT, 4, (uint32_t)-1 }, { { false } }, UT_RET(1) },
	  false, 0, TT_WAIT_READY },
	{ "epoll_pwait: interrupted (EINTR)",
	  { X64, NR64_epoll_pwait, { 3, OUT, 4, 1000, 0, 8 }, { { false } }, UT_ERR(4) },
	  true, 1000000000, TT_WAIT_INTERRUPTED },
	{ "epoll_pwait2: 1.5 s, timed out",
	  { X64, NR64_epoll_pwait2, { 3, OUT, 4, IN, 0, 8 }, { [3] = UT_TS(1, 500000000) }, UT_RET(0) },
	  true, 1500000000, TT_WAIT_TIMED_OUT },
	{ "epoll_pwait2: NULL, returned 0 without a timeout",
	  { X64, NR64_epoll_pwait2, { 3, OUT, 4, 0, 0, 8 }, { { false } }, UT_RET(0) },
	  false, 0, TT_WAIT_READY },
	{ "epoll_wait: EBADF",
	  { X64, NR64_epoll_wait, { 99, OUT, 4, 10 }, { { false } }, UT_ERR(9) },
	  true, 10000000, TT_WAIT_FAILED },
	{ "rt_sigtimedwait: 10 ms, timed out (EAGAIN)",
	  { X64, NR64_rt_sigtimedwait, { IN, OUT, IN, 8 }, { [0] = { true, { 0x200 } }, [2] = UT_TS(0, 10000000) }, UT_ERR(11) },
	  true, 10000000, TT_WAIT_TIMED_OUT },
	{ "rt_sigtimedwait: a signal taken",
	  { X64, NR64_rt_sigtimedwait, { IN, 0, IN, 8 }, { [0] = { true, { 0x200 } }, [2] = UT_TS(2, 0) }, UT_RET(10) },
	  true, 2000000000, TT_WAIT_READY },
	{ "rt_sigtimedwait: no timeout, interrupted",
	  { X64, NR64_rt_sigtimedwait, { IN, OUT, 0, 8 }, { [0] = { true, { 0x200 } } }, UT_ERR(4) },
	  false, 0, TT_WAIT_INTERRUPTED },
	{ "i386 rt_sigtimedwait_time64: 3 s, timed out",
	  { I386, NR32_rt_sigtimedwait_time64, { IN, OUT, IN, 8 }, { [0] = { true, { 0x200 } }, [2] = UT_TS(3, 0) }, UT_ERR(11) },
	  true, 3000000000, TT_WAIT_TIMED_OUT },
};

START_TEST(test_wait)
{
	const struct wait_case *c = &wait_cases[_i];
	struct tt_event *ev = ut_call_begin(UT_TID, &c->call);
	const struct tt_timing *tm = &ev->timing;

	ut_call_entry(ev);
	ut_call_exit(ev, &c->call);
	ck_assert_msg(tm->kind == TT_TIMING_WAIT, "%s: kind %d", c->what, tm->kind);
	ck_assert_int_eq(tm->clock_from, TT_CLOCK_ID);
	ck_assert_int_eq(tm->clock, CLOCK_MONOTONIC);
	ck_assert_msg(tt_wait_timed(ev->sc->sig, ev->raw) == c->timed,
		      "%s: timed", c->what);
	ck_assert_msg(tm->has_value == c->timed, "%s: has_value", c->what);
	if (c->timed)
		ck_assert_msg(tm->in_ns && tm->valid && tm->value_ns == c->value_ns,
			      "%s: %lld ns", c->what, (long long)tm->value_ns);
	ck_assert_msg(tm->outcome == c->outcome, "%s: outcome %d, want %d",
		      c->what, tm->outcome, c->outcome);
}
END_TEST

/* A FUTEX_WAIT that timed out is measured as a relative sleep: how much
 * later than its timeout after the entry it returned; one that failed
 * otherwise is not; a LOCK_PI deadline is measured on CLOCK_REALTIME. */
START_TEST(test_futex_lateness)
{
	static const struct ut_call timed_out = {
		X64, NR64_futex, { 0x4000, 128, 0, IN }, { [3] = UT_TS(0, 1000000) },
		UT_ERR(110),
	};
	static const struct ut_call mismatch = {
		X64, NR64_futex, { 0x4000, 128, 1, IN }, { [3] = UT_TS(0, 1000000) },
		UT_ERR(11),
	};
	static const struct ut_call lock_pi = {
		X64, NR64_futex, { 0x4000, 6, 0, IN }, { [3] = UT_TS(1, 0) },
		UT_ERR(110),
	};
	struct tcb *tcp = tt_tcb_new(UT_TID, 0);
	struct tt_timestamps now = { { 100, 0 }, { 5, 3500000 }, { 0, 0 } };
	struct tt_event *ev = ut_call_begin(UT_TID, &timed_out);

	ut_call_entry(ev);
	ev->t_entry.mono = (struct timespec){ 5, 0 };
	ut_call_exit(ev, &timed_out);
	tt_lateness_measure(tcp, ev, &now);
	ck_assert(ev->has_lateness);
	ck_assert_int_eq(ev->lateness_ns, 2500000);

	ev = ut_call_begin(UT_TID, &mismatch);
	ut_call_entry(ev);
	ut_call_exit(ev, &mismatch);
	tt_lateness_measure(tcp, ev, &now);
	ck_assert(!ev->has_lateness);

	ev = ut_call_begin(UT_TID, &lock_pi);
	ut_call_entry(ev);
	ut_call_exit(ev, &lock_pi);
	tt_lateness_measure(tcp, ev, &now);
	ck_assert(ev->has_lateness);	/* now is long after 1970 + 1 s */
	ck_assert_int_gt(ev->lateness_ns, 0);
	tt_tcb_delete(tcp);
}
END_TEST

/* A restart_syscall that resumes a wait takes its timing (tracer/
 * syscall_trace.c calls tt_timing_resume at its entry): the wait's
 * outcome at its exit, by the resumed row's rule, and its lateness
 * against the wait's deadline, from the resumed call's entry, known or
 * not.  A resumed sleep keeps none. */
static const struct resume_case {
	const char *what;
	struct ut_call orig, restart;
	bool entry_known;
	uint8_t kind, outcome;
	bool has_lateness;
	int64_t lateness_ns;
} resume_cases[] = {
	{ "poll timed out", { X64, NR64_poll, { 0x1000, 1, 200 }, { [0] = { true, { 3 } } },
	    UT_ERR(516) },
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(0), .resumes = NR64_poll },
	  true, TT_TIMING_WAIT, TT_WAIT_TIMED_OUT, true, 3000000 },
	{ "poll timed out, its entry unknown",
	  { X64, NR64_poll, { 0x1000, 1, 200 }, { [0] = { true, { 3 } } }, UT_ERR(516) },
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(0), .resumes = NR64_poll },
	  false, TT_TIMING_WAIT, TT_WAIT_TIMED_OUT, false, 0 },
	{ "poll ready", { X64, NR64_poll, { 0x1000, 1, 200 }, { [0] = { true, { 3 } } },
	    UT_ERR(516) },
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(1), .resumes = NR64_poll },
	  true, TT_TIMING_WAIT, TT_WAIT_READY, false, 0 },
	{ "poll interrupted again", { X64, NR64_poll, { 0x1000, 1, 200 },
	    { [0] = { true, { 3 } } }, UT_ERR(516) },
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_ERR(516), .resumes = NR64_poll },
	  true, TT_TIMING_WAIT, TT_WAIT_INTERRUPTED, false, 0 },
	{ "futex timed out", { X64, NR64_futex, { 0x4000, 128, 0, IN },
	    { [3] = UT_TS(0, 200000000) }, UT_ERR(516) },
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_ERR(110), .resumes = NR64_futex },
	  true, TT_TIMING_WAIT, TT_WAIT_TIMED_OUT, true, 3000000 },
	{ "futex woken", { X64, NR64_futex, { 0x4000, 128, 0, IN },
	    { [3] = UT_TS(0, 200000000) }, UT_ERR(516) },
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(0), .resumes = NR64_futex },
	  true, TT_TIMING_WAIT, TT_WAIT_READY, false, 0 },
	{ "sleep", { X64, NR64_clock_nanosleep, { 1, 0, IN, 0 }, { [2] = UT_TS(0, 200000000) },
	    UT_ERR(516) },
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(0),
	    .resumes = NR64_clock_nanosleep },
	  true, TT_TIMING_NONE, TT_WAIT_PENDING, false, 0 },
};

START_TEST(test_timing_resumed)
{
	const struct resume_case *c = &resume_cases[_i];
	struct tcb *tcp = tt_tcb_new(UT_TID, 0);
	/* the deadline: 5 s + 200 ms; the restart returns 3 ms after */
	struct tt_timestamps t0 = { { 100, 0 }, { 5, 0 }, { 0, 0 } };
	struct tt_timestamps now = { { 100, 0 }, { 5, 203000000 }, { 0, 0 } };
	struct tt_event *orig = ut_call_begin(UT_TID, &c->orig), *ev;

	ut_call_entry(orig);
	orig->t_entry = t0;
	ut_call_exit(orig, &c->orig);
	ev = ut_call_begin(UT_TID, &c->restart);
	ev->t_entry.mono = (struct timespec){ 5, 100000000 };
	ut_call_entry(ev);
	tt_timing_resume(ev, orig, c->entry_known ? &orig->t_entry : NULL);
	ut_call_exit(ev, &c->restart);
	tt_lateness_measure(tcp, ev, &now);
	ck_assert_int_eq(ev->timing.kind, c->kind);
	ck_assert_int_eq(ev->timing.outcome, c->outcome);
	ck_assert_int_eq(ev->has_lateness, c->has_lateness);
	if (c->has_lateness)
		ck_assert_int_eq(ev->lateness_ns, c->lateness_ns);
	if (c->kind == TT_TIMING_WAIT) {
		ck_assert(ev->timing.resumed);
		ck_assert_int_eq(ev->timing.value_ns, 200000000);
		ck_assert_int_eq(ev->timing.clock, CLOCK_MONOTONIC);
	}
	tt_tcb_delete(tcp);
}
END_TEST

/* --- the waits on semaphores and AIO contexts --------------------------- */

#define MS 1000000LL
#define IN2 0x3000
#define NO_MEM { { false } }

struct sem_wait_case {
	const char *what;
	struct ut_call call;
	uint8_t kind;		/* TT_TIMING_WAIT, or NONE: no wait */
	bool has_value;
	int64_t value_ns;
	uint8_t outcome;
};

/* semtimedop(3, sops, 1, timeout) and its ipc(SEMTIMEDOP, 3, 1, 0, sops,
 * timeout): the timeout is argument 3, or ipc's fifth */
#define SEMTIMEDOP(tmo, ...) { X64, NR64_semtimedop, { 3, IN, 1, IN2 }, { [3] = tmo }, __VA_ARGS__ }
#define SEMTIMEDOP64(tmo, ...) { I386, NR32_semtimedop_time64, { 3, IN, 1, IN2 }, { [3] = tmo }, __VA_ARGS__ }
#define IPC(call, tmo, ...) { I386, NR32_ipc, { call, 3, 1, 0, IN, IN2 }, { [5] = tmo }, __VA_ARGS__ }
/* io_getevents(ctx, min_nr, 2, events, timeout) */
#define GETEVENTS(min, tmo, ...) { X64, NR64_io_getevents, { 0x7f0000, min, 2, OUT, IN2 }, { [4] = tmo }, __VA_ARGS__ }
#define GETEVENTS32(min, tmo, ...) { I386, NR32_io_getevents, { 0x7f0000, min, 2, OUT, IN2 }, { [4] = tmo }, __VA_ARGS__ }
#define PGETEVENTS(min, tmo, ...) { X64, NR64_io_pgetevents, { 0x7f0000, min, 2, OUT, IN2, 0 }, { [4] = tmo }, __VA_ARGS__ }
#define PGETEVENTS64(min, tmo, ...) { I386, NR32_io_pgetevents_time64, { 0x7f0000, min, 2, OUT, IN2, 0 }, { [4] = tmo }, __VA_ARGS__ }

static const struct sem_wait_case sem_wait_cases[] = {
	{ "semtimedop: EAGAIN is its timeout expiring",
	  SEMTIMEDOP(UT_TS(0, 10 * MS), UT_ERR(11)),
	  TT_TIMING_WAIT, true, 10 * MS, TT_WAIT_TIMED_OUT },
	{ "semtimedop: done", SEMTIMEDOP(UT_TS(1, 0), UT_RET(0)),
	  TT_TIMING_WAIT, true, 1000 * MS, TT_WAIT_READY },
	{ "semtimedop: a signal", SEMTIMEDOP(UT_TS(1, 0), UT_ERR(4)),
	  TT_TIMING_WAIT, true, 1000 * MS, TT_WAIT_INTERRUPTED },
	{ "semtimedop: refused", SEMTIMEDOP(UT_TS(0, -1), UT_ERR(22)),
	  TT_TIMING_WAIT, true, -1, TT_WAIT_FAILED },
	{ "semtimedop without a timeout: EAGAIN is IPC_NOWAIT's",
	  { X64, NR64_semtimedop, { 3, IN, 1, 0 }, NO_MEM, UT_ERR(11) },
	  TT_TIMING_WAIT, false, 0, TT_WAIT_FAILED },
	{ "i386 semtimedop_time64: a __kernel_timespec",
	  SEMTIMEDOP64(UT_TS(0, 10 * MS), UT_ERR(11)),
	  TT_TIMING_WAIT, true, 10 * MS, TT_WAIT_TIMED_OUT },
	{ "i386 ipc(SEMTIMEDOP): an old_timespec32 in its fifth",
	  IPC(4, UT_TS(0, 10 * MS), UT_ERR(11)),
	  TT_TIMING_WAIT, true, 10 * MS, TT_WAIT_TIMED_OUT },
	{ "i386 ipc(SEMTIMEDOP) of a version: the same",
	  IPC(0x10004, UT_TS(2, 0), UT_RET(0)),
	  TT_TIMING_WAIT, true, 2000 * MS, TT_WAIT_READY },
	{ "i386 ipc(SEMOP): no timeout, no timing",
	  IPC(1, UT_TS(0, 10 * MS), UT_RET(0)), TT_TIMING_NONE, false, 0, 0 },
	{ "i386 ipc(SEMGET): no wait",
	  IPC(2, UT_TS(0, 10 * MS), UT_RET(5)), TT_TIMING_NONE, false, 0, 0 },
	{ "io_getevents: fewer than min_nr is its timeout expiring",
	  GETEVENTS(1, UT_TS(0, 10 * MS), UT_RET(0)),
	  TT_TIMING_WAIT, true, 10 * MS, TT_WAIT_TIMED_OUT },
	{ "io_getevents: min_nr events", GETEVENTS(2, UT_TS(0, 0), UT_RET(2)),
	  TT_TIMING_WAIT, true, 0, TT_WAIT_READY },
	{ "io_getevents: min_nr 0, none", GETEVENTS(0, UT_TS(0, 0), UT_RET(0)),
	  TT_TIMING_WAIT, true, 0, TT_WAIT_READY },
	{ "io_getevents without a timeout",
	  { X64, NR64_io_getevents, { 0x7f0000, 1, 2, OUT, 0 }, NO_MEM, UT_RET(1) },
	  TT_TIMING_WAIT, false, 0, TT_WAIT_READY },
	{ "io_getevents: a signal", GETEVENTS(1, UT_TS(1, 0), UT_ERR(4)),
	  TT_TIMING_WAIT, true, 1000 * MS, TT_WAIT_INTERRUPTED },
	{ "io_getevents: refused", GETEVENTS(3, UT_TS(1, 0), UT_ERR(22)),
	  TT_TIMING_WAIT, true, 1000 * MS, TT_WAIT_FAILED },
	{ "i386 io_getevents_time32: an old_timespec32",
	  GETEVENTS32(1, UT_TS(0, 250 * MS), UT_RET(0)),
	  TT_TIMING_WAIT, true, 250 * MS, TT_WAIT_TIMED_OUT },
	{ "io_pgetevents: ERESTARTNOHAND is a signal",
	  PGETEVENTS(1, UT_TS(1, 0), UT_ERR(TT_ERESTARTNOHAND)),
	  TT_TIMING_WAIT, true, 1000 * MS, TT_WAIT_INTERRUPTED },
	{ "i386 io_pgetevents_time64: fewer than min_nr",
	  PGETEVENTS64(2, UT_TS(3, 5), UT_RET(1)),
	  TT_TIMING_WAIT, true, 3000 * MS + 5, TT_WAIT_TIMED_OUT },
};

START_TEST(test_timing_waits)
{
	const struct sem_wait_case *c = &sem_wait_cases[_i];
	struct tt_event *ev = ut_call_begin(UT_TID, &c->call);
	const struct tt_timing *got = &ev->timing;

	ut_call_entry(ev);
	ut_call_exit(ev, &c->call);
	ck_assert_msg(got->kind == c->kind, "%s: kind %d", c->what, got->kind);
	if (c->kind != TT_TIMING_WAIT)
		return;
	ck_assert_msg(got->clock_from == TT_CLOCK_ID &&
		      got->clock == CLOCK_MONOTONIC && !got->absolute,
		      "%s: relative on CLOCK_MONOTONIC", c->what);
	ck_assert_msg(got->has_value == c->has_value, "%s: has_value", c->what);
	if (c->has_value && c->value_ns >= 0)
		ck_assert_msg(got->in_ns && got->valid &&
			      got->value_ns == c->value_ns,
			      "%s: value_ns %lld", c->what, (long long)got->value_ns);
	if (c->value_ns < 0)
		ck_assert_msg(!got->valid, "%s: valid", c->what);
	ck_assert_msg(got->outcome == c->outcome, "%s: outcome %d, want %d",
		      c->what, got->outcome, c->outcome);
}
END_TEST

/* ipc's timed waits (the selection): only SEMTIMEDOP with a timeout. */
START_TEST(test_ipc_timed)
{
	const struct tt_signature *ipc = tt_abi_syscall(I386, NR32_ipc)->sig;
	const struct {
		uint64_t call, fifth;
		bool timed;
	} c[] = {
		{ 4, IN, true }, { 0x10004, IN, true }, { 4, 0, false },
		{ 1, IN, false }, { 2, IN, false }, { 3, IN, false },
		{ 12, IN, false }, { 21, IN, false }, { 0, IN, false },
	};

	for (unsigned k = 0; k < NCASES(c); k++) {
		uint64_t raw[TT_MAX_ARGS] = { c[k].call, 3, 1, 0, IN, c[k].fifth };

		ck_assert_msg(tt_wait_timed(ipc, raw) == c[k].timed,
			      "ipc call %#llx, fifth %#llx",
			      (unsigned long long)c[k].call,
			      (unsigned long long)c[k].fifth);
	}
}
END_TEST

/* ipc's lines: SEMOP and SEMTIMEDOP as strace names them, their
 * arguments in the call's order; any other call with its arguments in
 * hex. */
static const struct ut_case ipc_cases[] = {
	{ "ipc(SEMTIMEDOP)", IPC(4, UT_TS(0, 10 * MS), UT_ERR(11)),
	  UT_P "semtimedop(3, 0x1000, 1, {tv_sec=0, tv_nsec=10000000}) = -1 EAGAIN (Resource temporarily unavailable)\n" },
	{ "ipc(SEMOP)", IPC(1, UT_TS(0, 0), UT_RET(0)),
	  UT_P "semop(3, 0x1000, 1)               = 0\n" },
	{ "ipc(SEMGET)",
	  { I386, NR32_ipc, { 2, 0, 1, 0x380, 0, 0 }, NO_MEM, UT_RET(5) },
	  UT_P "ipc(SEMGET, 0, 0x1, 0x380, 0, 0)  = 5\n" },
	{ "ipc of an unknown call", { I386, NR32_ipc, { 99, 0xffffffff }, NO_MEM, UT_ERR(38) },
	  UT_P "ipc(99, 0xffffffff, 0, 0, 0, 0)   = -1 ENOSYS (Function not implemented)\n" },
};

START_TEST(test_ipc_lines)
{
	ut_case_check(&ipc_cases[_i]);
}
END_TEST

Suite *make_timing_suite(void)
{
	Suite *s = suite_create("timing");

	tcase_add_loop_test(ut_tcase(s, "calls", ut_render_setup, ut_render_teardown),
			    test_timing, 0, NCASES(cases));
	tcase_add_test(ut_tcase(s, "remembered", NULL, NULL), test_timing_remembered);
	tcase_add_loop_test(ut_tcase(s, "waits", ut_render_setup, ut_render_teardown),
			    test_wait, 0, NCASES(wait_cases));
	tcase_add_test(ut_tcase(s, "futex lateness", ut_render_setup, ut_render_teardown),
		       test_futex_lateness);
	tcase_add_loop_test(ut_tcase(s, "resumed", ut_render_setup, ut_render_teardown),
			    test_timing_resumed, 0, NCASES(resume_cases));
	tcase_add_loop_test(ut_tcase(s, "sem and aio waits", ut_render_setup, ut_render_teardown),
			    test_timing_waits, 0, NCASES(sem_wait_cases));
	tcase_add_test(ut_tcase(s, "ipc timed", NULL, NULL), test_ipc_timed);
	tcase_add_loop_test(ut_tcase(s, "ipc lines", ut_render_setup, ut_render_teardown),
			    test_ipc_lines, 0, NCASES(ipc_cases));
	return s;
}
