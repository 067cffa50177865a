/* ttrace unit tests: what a call means for time (src/decode/timing.c),
 * decoded once at entry and completed at exit, for every kind of call
 * that has a meaning and in both widths. */
#include <time.h>

#include "abi.h"
#include "decode/decode.h"
#include "nr-tables.h"
#include "unit.h"

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

Suite *make_timing_suite(void)
{
	Suite *s = suite_create("timing");

	tcase_add_loop_test(ut_tcase(s, "calls", ut_render_setup, ut_render_teardown),
			    test_timing, 0, NCASES(cases));
	tcase_add_test(ut_tcase(s, "remembered", NULL, NULL), test_timing_remembered);
	return s;
}
