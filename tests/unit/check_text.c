/* ttrace unit tests: the strace-format text renderer: the return column,
 * return values and errors, flags, clock ids, calls interleaved between
 * threads, exits, signals and timestamps. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "abi.h"
#include "options.h"
#include "output.h"
#include "render/render.h"
#include "nr-tables.h"
#include "unit.h"
#include "xlat/xlat.h"

#define X64 (&tt_abi_x86_64)
#define B_P "200   "	/* the prefix of a second thread, tid 200 */

/* --- return values, the column, flags --------------------------------- */

/* timer_settime(0, 0, NULL, NULL) is short: "= " goes to column 40. */
#define SHORT(...) { X64, NR64_timer_settime, { 0 }, { { 0 } }, __VA_ARGS__ }
#define S_SHORT UT_P "timer_settime(0, 0, NULL, NULL)   "

static const struct ut_case return_cases[] = {
	{ "success", SHORT(UT_RET(0)), S_SHORT "= 0\n" },
	{ "EINVAL", SHORT(UT_ERR(EINVAL)), S_SHORT "= -1 EINVAL (Invalid argument)\n" },
	{ "EOPNOTSUPP", SHORT(UT_ERR(EOPNOTSUPP)),
	  S_SHORT "= -1 EOPNOTSUPP (Operation not supported)\n" },
	{ "ERESTART_RESTARTBLOCK", SHORT(UT_ERR(TT_ERESTART_RESTARTBLOCK)),
	  S_SHORT "= ? ERESTART_RESTARTBLOCK (Interrupted by signal)\n" },
	{ "ERESTARTNOHAND", SHORT(UT_ERR(TT_ERESTARTNOHAND)),
	  S_SHORT "= ? ERESTARTNOHAND (To be restarted if no handler)\n" },
	{ "ERESTARTSYS", SHORT(UT_ERR(TT_ERESTARTSYS)),
	  S_SHORT "= ? ERESTARTSYS (To be restarted if SA_RESTART is set)\n" },
	{ "ERESTARTNOINTR", SHORT(UT_ERR(TT_ERESTARTNOINTR)),
	  S_SHORT "= ? ERESTARTNOINTR (To be restarted)\n" },
	/* strace: "= -1 ERRNO_%lu (%s)" for a number it has no name for. */
	{ "errno without a name", SHORT(UT_ERR(41)),
	  S_SHORT "= -1 ERRNO_41 (Unknown error 41)\n" },
	{ "no exit seen", SHORT(.ret = TR_NONE), S_SHORT "= ?\n" },
	/* 40 characters before "= ": no padding. */
	{ "exactly at the column", { X64, NR64_timerfd_settime, { 4 }, { { 0 } }, UT_RET(0) },
	  UT_P "timerfd_settime(4, 0, NULL, NULL) = 0\n" },
};

#define TIMER_FLAGS(f) { X64, NR64_timer_settime, { 0, f }, { { 0 } }, UT_RET(0) }
#define TFD_FLAGS(f) { X64, NR64_timerfd_settime, { 4, f }, { { 0 } }, UT_RET(0) }

static const struct ut_case flag_cases[] = {
	{ "no flags", TIMER_FLAGS(0), S_SHORT "= 0\n" },
	{ "TIMER_ABSTIME", TIMER_FLAGS(1),
	  UT_P "timer_settime(0, TIMER_ABSTIME, NULL, NULL) = 0\n" },
	{ "unknown timer flags", TIMER_FLAGS(0x12),
	  UT_P "timer_settime(0, 0x12 /* TIMER_??? */, NULL, NULL) = 0\n" },
	{ "known and unknown timer flags", TIMER_FLAGS(0x13),
	  UT_P "timer_settime(0, TIMER_ABSTIME|0x12, NULL, NULL) = 0\n" },
	{ "every timer flag bit", TIMER_FLAGS(0xffffffff),
	  UT_P "timer_settime(0, TIMER_ABSTIME|0xfffffffe, NULL, NULL) = 0\n" },
	{ "every timer flag bit of a 64-bit register", TIMER_FLAGS(0xffffffffffffffff),
	  UT_P "timer_settime(0, TIMER_ABSTIME|0xfffffffe, NULL, NULL) = 0\n" },
	{ "no timerfd flags", TFD_FLAGS(0),
	  UT_P "timerfd_settime(4, 0, NULL, NULL) = 0\n" },
	{ "both timerfd flags", TFD_FLAGS(3),
	  UT_P "timerfd_settime(4, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET, NULL, NULL) = 0\n" },
	{ "TFD_TIMER_CANCEL_ON_SET", TFD_FLAGS(2),
	  UT_P "timerfd_settime(4, TFD_TIMER_CANCEL_ON_SET, NULL, NULL) = 0\n" },
	{ "known and unknown timerfd flags", TFD_FLAGS(0x11),
	  UT_P "timerfd_settime(4, TFD_TIMER_ABSTIME|0x10, NULL, NULL) = 0\n" },
	{ "unknown timerfd flags", TFD_FLAGS(0x10),
	  UT_P "timerfd_settime(4, 0x10 /* TFD_??? */, NULL, NULL) = 0\n" },
};

START_TEST(test_return)
{
	ut_case_check(&return_cases[_i]);
}
END_TEST

START_TEST(test_flags)
{
	ut_case_check(&flag_cases[_i]);
}
END_TEST

/* --- clock ids ---------------------------------------------------------- */

/* include/linux/posix-timers_types.h: a CPU clock of pid (0: the caller)
 * is ~pid << 3 | per-thread << 2 | which; an fd clock ~fd << 3 | 3. */
#define CPUCLOCK(pid, thread, which) ((int32_t)(~(pid) * 8 + (thread) * 4 + (which)))

static const struct clock_case {
	int32_t id;
	const char *name;
} clock_cases[] = {
	{ 0, "CLOCK_REALTIME" },
	{ 1, "CLOCK_MONOTONIC" },
	{ 2, "CLOCK_PROCESS_CPUTIME_ID" },
	{ 3, "CLOCK_THREAD_CPUTIME_ID" },
	{ 4, "CLOCK_MONOTONIC_RAW" },
	{ 5, "CLOCK_REALTIME_COARSE" },
	{ 6, "CLOCK_MONOTONIC_COARSE" },
	{ 7, "CLOCK_BOOTTIME" },
	{ 8, "CLOCK_REALTIME_ALARM" },
	{ 9, "CLOCK_BOOTTIME_ALARM" },
	{ 10, "CLOCK_SGI_CYCLE" },
	{ 11, "CLOCK_TAI" },
	{ 12, "0xc /* CLOCK_??? */" },
	{ 42, "0x2a /* CLOCK_??? */" },
	/* the kernel reads it as a CPU clock, so ttrace decodes it too */
	{ (int32_t)0x80000000, "MAKE_PROCESS_CPUCLOCK(268435455, CPUCLOCK_PROF)" },
	{ -6, "MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED)" },
	{ -14, "MAKE_PROCESS_CPUCLOCK(1, CPUCLOCK_SCHED)" },
	{ -2, "MAKE_THREAD_CPUCLOCK(0, CPUCLOCK_SCHED)" },
	{ CPUCLOCK(0, 0, 0), "MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_PROF)" },
	{ CPUCLOCK(0, 0, 1), "MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_VIRT)" },
	{ CPUCLOCK(1234, 1, 0), "MAKE_THREAD_CPUCLOCK(1234, CPUCLOCK_PROF)" },
	{ CPUCLOCK(1234, 1, 1), "MAKE_THREAD_CPUCLOCK(1234, CPUCLOCK_VIRT)" },
	{ CPUCLOCK(4194303, 1, 2), "MAKE_THREAD_CPUCLOCK(4194303, CPUCLOCK_SCHED)" },
	{ -29, "FD_TO_CLOCKID(3)" },
	{ CPUCLOCK(0, 0, 3), "FD_TO_CLOCKID(0)" },
	{ -41, "0xffffffd7 /* CLOCK_??? */" },	/* (id & 7) == 7 */
};

START_TEST(test_clock)
{
	const struct clock_case *c = &clock_cases[_i];
	const struct ut_call call = {
		X64, NR64_clock_nanosleep, { (uint32_t)c->id }, { { 0 } }, UT_RET(0)
	};
	char want[160];

	/* At least 40 characters before "= " whatever the name. */
	snprintf(want, sizeof(want), UT_P "clock_nanosleep(%s, 0, NULL, NULL) = 0\n",
		 c->name);
	ut_call_run(UT_TID, &call);
	ut_expect_output(c->name, want);
}
END_TEST

/* --- threads: calls cut by other output, threads that go ----------------- */

static const struct ut_call sleep_a = {
	X64, NR64_clock_nanosleep, { 0, 0, 0x1000, 0 }, { [2] = UT_TS(1, 0) }, UT_RET(0)
};
static const struct ut_call settime_b = {
	X64, NR64_timer_settime, { 1, 0, 0x1000, 0 }, { [2] = UT_ITS(0, 0, 0, 0) }, UT_RET(0)
};

#define A_ENTRY UT_P "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0}, "
#define B_ENTRY B_P "timer_settime(1, 0, {it_interval={tv_sec=0, tv_nsec=0}, " \
	"it_value={tv_sec=0, tv_nsec=0}}, "
#define UNFINISHED " <unfinished ...>\n"

START_TEST(test_interleaved)
{
	struct tt_event *a = ut_call_begin(UT_TID, &sleep_a);
	struct tt_event *b = ut_call_begin(200, &settime_b);

	ut_call_entry(a);
	ut_call_entry(b);
	ut_call_exit(a, &sleep_a);
	ut_call_exit(b, &settime_b);
	ut_expect_output("A, B, A, B",
		A_ENTRY UNFINISHED
		B_ENTRY UNFINISHED
		UT_P "<... clock_nanosleep resumed>NULL) = 0\n"
		B_P "<... timer_settime resumed>NULL)  = 0\n");
}
END_TEST

START_TEST(test_interleaved_signal)
{
	struct tt_event *a = ut_call_begin(UT_TID, &sleep_a);
	struct tt_timestamps ts = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	struct tt_record b = ut_record(TT_REC_SIGNAL, 200, &ts);
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGURG;
	si.si_code = SI_KERNEL;
	b.si = &si;
	ut_call_entry(a);
	tt_render_text.record(&b);
	ut_call_exit(a, &sleep_a);
	ut_expect_output("a signal of another thread",
		A_ENTRY UNFINISHED
		B_P "--- SIGURG {si_signo=SIGURG, si_code=SI_KERNEL} ---\n"
		UT_P "<... clock_nanosleep resumed>NULL) = 0\n");
}
END_TEST

START_TEST(test_gone_resumed)
{
	struct tt_event *a = ut_call_begin(UT_TID, &sleep_a);
	struct tt_event *b = ut_call_begin(200, &settime_b);
	struct tt_timestamps ts = { { 0, 0 }, { 0, 0 }, { 0, 0 } };

	struct tt_record gone = ut_record(TT_REC_EXIT, UT_TID, &ts);

	gone.status = SIGKILL;
	gone.ev = a;
	ut_call_entry(a);
	ut_call_entry(b);
	tt_render_text.record(&gone);
	ut_call_exit(b, &settime_b);
	ut_expect_output("A killed while B's line is open",
		A_ENTRY UNFINISHED
		B_ENTRY UNFINISHED
		UT_P "<... clock_nanosleep resumed> <unfinished ...>) = ?\n"
		UT_P "+++ killed by SIGKILL +++\n"
		B_P "<... timer_settime resumed>NULL)  = 0\n");
}
END_TEST

/* -z, -Z, -e status=: a call printed whole at its exit or not at all,
 * never cut; one that never returns (killed) or that ttrace detaches from
 * as strace prints it then: whole up to " <unfinished ...>) = ?" or
 * " <detached ...>". */
static const struct ut_call fail_b = {
	X64, NR64_timer_settime, { 1, 0, 0x1000, 0 }, { [2] = UT_ITS(0, 0, 0, 0) },
	UT_ERR(22)
};

static void run_filtered(void)
{
	struct tt_event *a = ut_call_begin(UT_TID, &sleep_a);
	struct tt_event *b = ut_call_begin(200, &settime_b);
	struct tt_event *c = ut_call_begin(300, &fail_b);
	struct tt_timestamps ts = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	struct tt_record killed = ut_record(TT_REC_EXIT, 300, &ts);
	struct tt_record det = ut_record(TT_REC_DETACHED, UT_TID, &ts);

	ut_call_entry(a);
	ut_call_entry(b);
	ut_call_entry(c);
	ut_call_exit(b, &settime_b);
	ut_call_exit(c, &fail_b);
	c = ut_call_begin(300, &sleep_a);
	ut_call_entry(c);
	killed.status = SIGKILL;
	killed.ev = c;
	tt_render_text.record(&killed);
	det.ev = a;
	tt_render_text.record(&det);
}

#define C_P "300   "
static const struct filter_case {
	unsigned shown;
	const char *want;
} filter_cases[] = {
	{ TT_STATUS_SUCCESSFUL,
	  B_ENTRY "NULL) = 0\n"
	  C_P "+++ killed by SIGKILL +++\n" },
	{ TT_STATUS_FAILED,
	  C_P "timer_settime(1, 0, {it_interval={tv_sec=0, tv_nsec=0}, "
	  "it_value={tv_sec=0, tv_nsec=0}}, NULL) = -1 EINVAL (Invalid argument)\n"
	  C_P "+++ killed by SIGKILL +++\n" },
	{ TT_STATUS_UNFINISHED | TT_STATUS_DETACHED,
	  C_P "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0},  <unfinished ...>) = ?\n"
	  C_P "+++ killed by SIGKILL +++\n"
	  A_ENTRY " <detached ...>\n" },
	{ 0, C_P "+++ killed by SIGKILL +++\n" },
};

START_TEST(test_status_filter)
{
	const struct filter_case *c = &filter_cases[_i];

	tt_opt.status_hidden = TT_STATUS_ALL & ~c->shown;
	run_filtered();
	ut_expect_output("a status filter", c->want);
}
END_TEST

/* -e signal=: the signals not in the set print nothing. */
START_TEST(test_signal_filter)
{
	struct tt_timestamps ts = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	struct tt_record r = ut_record(TT_REC_SIGNAL, UT_TID, &ts);
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_code = SI_KERNEL;
	r.si = &si;
	ck_assert_int_eq(tt_parse_signal_set("!URG", &tt_opt.signals_hidden), 0);
	for (unsigned i = 0; i < 4; i++)
		tt_opt.signals_hidden.bits[i] = ~tt_opt.signals_hidden.bits[i];
	si.si_signo = SIGURG;
	tt_render_text.record(&r);
	si.si_signo = SIGUSR1;
	tt_render_text.record(&r);
	ut_expect_output("SIGURG hidden",
		UT_P "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---\n");
}
END_TEST

/* A line left open ends " <unfinished ...>" and a newline however the
 * trace stops: silenced (a second signal under the seccomp filter), the
 * end of the trace, the stream closed (exit). */
START_TEST(test_open_line_ends)
{
	struct tt_event *a = ut_call_begin(UT_TID, &sleep_a);

	ut_call_entry(a);
	switch (_i) {
	case 0:
		tt_out_silence();
		ut_call_exit(a, &sleep_a);	/* written nowhere */
		break;
	case 1:
		tt_render_text.finish();
		break;
	}
	ut_expect_output("an open line", A_ENTRY UNFINISHED);
}
END_TEST

/* One thread's end, superseding or detaching; in_call: in the middle of
 * sleep_a, its line open. */
enum life_kind { L_EXIT, L_SUPERSEDED, L_DETACHED, L_GROUP_STOP };

static const struct life_case {
	const char *what;
	bool in_call;
	enum life_kind kind;
	int arg;		/* wait status, old tid or signal */
	int quiet;
	const char *want;
} life_cases[] = {
	{ "exited", false, L_EXIT, 3 << 8, 0, UT_P "+++ exited with 3 +++\n" },
	{ "exited 0", false, L_EXIT, 0, 1, UT_P "+++ exited with 0 +++\n" },
	{ "killed", false, L_EXIT, SIGKILL, 0, UT_P "+++ killed by SIGKILL +++\n" },
	{ "core dumped", false, L_EXIT, SIGSEGV | 0x80, 0,
	  UT_P "+++ killed by SIGSEGV (core dumped) +++\n" },
	{ "killed by a real-time signal", false, L_EXIT, 34, 0,
	  UT_P "+++ killed by SIGRT_2 +++\n" },
	{ "exit with -qq", false, L_EXIT, 3 << 8, 2, "" },
	{ "killed in a call", true, L_EXIT, SIGKILL, 0,
	  A_ENTRY " <unfinished ...>) = ?\n" UT_P "+++ killed by SIGKILL +++\n" },
	{ "exited in a call, -qq", true, L_EXIT, 0, 2,
	  A_ENTRY " <unfinished ...>) = ?\n" },
	{ "superseded", false, L_SUPERSEDED, 42, 0,
	  UT_P "+++ superseded by execve in pid 42 +++\n" },
	{ "superseded in a call", true, L_SUPERSEDED, 42, 0,
	  A_ENTRY " <unfinished ...>) = ?\n" UT_P "+++ superseded by execve in pid 42 +++\n" },
	{ "detached in a call", true, L_DETACHED, 0, 0, A_ENTRY " <detached ...>\n" },
	{ "detached", false, L_DETACHED, 0, 0, "" },
	{ "group stop", false, L_GROUP_STOP, SIGTSTP, 0, UT_P "--- stopped by SIGTSTP ---\n" },
};

START_TEST(test_life)
{
	const struct life_case *c = &life_cases[_i];
	static const enum tt_record_kind kinds[] = {
		[L_EXIT] = TT_REC_EXIT, [L_SUPERSEDED] = TT_REC_SUPERSEDED,
		[L_DETACHED] = TT_REC_DETACHED, [L_GROUP_STOP] = TT_REC_GROUP_STOP,
	};
	struct tt_timestamps ts = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	struct tt_record r = ut_record(kinds[c->kind], UT_TID, &ts);

	tt_opt.quiet = c->quiet;
	if (c->in_call) {
		struct tt_event *ev = ut_call_begin(UT_TID, &sleep_a);

		ut_call_entry(ev);
		r.ev = ev;
	}
	r.status = r.sig = c->arg;
	r.old_tid = c->arg;
	tt_render_text.record(&r);
	ut_expect_output(c->what, c->want);
}
END_TEST

/* --- signals ------------------------------------------------------------ */

/* The fields of siginfo overlap: pid and uid are also a fault's address
 * and a POSIX timer's id and overrun; value is also SIGCHLD's status. */
static const struct signal_case {
	const char *what;
	int signo, code;
	int pid, uid;
	uintptr_t value;
	const char *want;
} signal_cases[] = {
	{ "SI_KERNEL", SIGSEGV, SI_KERNEL, 0, 0, 0,
	  UT_P "--- SIGSEGV {si_signo=SIGSEGV, si_code=SI_KERNEL, si_addr=NULL} ---\n" },
	{ "SI_KERNEL, no fields", SIGTRAP, SI_KERNEL, 0, 0, 0,
	  UT_P "--- SIGTRAP {si_signo=SIGTRAP, si_code=SI_KERNEL} ---\n" },
	{ "SEGV_MAPERR", SIGSEGV, SEGV_MAPERR, 0, 0, 0,
	  UT_P "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---\n" },
	{ "SI_USER", SIGUSR1, SI_USER, 42, 1000, 0,
	  UT_P "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=42, si_uid=1000} ---\n" },
	{ "SI_TKILL", SIGUSR2, SI_TKILL, 42, 0, 0,
	  UT_P "--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=42, si_uid=0} ---\n" },
	{ "SI_QUEUE", 34, SI_QUEUE, 42, 1000, 0x1234,
	  UT_P "--- SIGRT_2 {si_signo=SIGRT_2, si_code=SI_QUEUE, si_pid=42, si_uid=1000, "
	  "si_int=4660, si_ptr=0x1234} ---\n" },
	{ "SI_QUEUE, NULL value", 64, SI_QUEUE, 42, 1000, 0,
	  UT_P "--- SIGRT_32 {si_signo=SIGRT_32, si_code=SI_QUEUE, si_pid=42, si_uid=1000, "
	  "si_int=0, si_ptr=NULL} ---\n" },
	{ "SI_TIMER", SIGALRM, SI_TIMER, 0, 0, 0x1234,
	  UT_P "--- SIGALRM {si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, si_overrun=0, "
	  "si_int=4660, si_ptr=0x1234} ---\n" },
	{ "SI_TIMER, overrun", 32, SI_TIMER, 3, 2, 0,
	  UT_P "--- SIGRTMIN {si_signo=SIGRTMIN, si_code=SI_TIMER, si_timerid=0x3, si_overrun=2, "
	  "si_int=0, si_ptr=NULL} ---\n" },
	{ "CLD_EXITED", SIGCHLD, CLD_EXITED, 42, 1000, 3,
	  UT_P "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=1000, "
	  "si_status=3, si_utime=0, si_stime=0} ---\n" },
	{ "CLD_KILLED", SIGCHLD, CLD_KILLED, 42, 1000, SIGKILL,
	  UT_P "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=42, si_uid=1000, "
	  "si_status=SIGKILL, si_utime=0, si_stime=0} ---\n" },

	{ "unknown si_code", SIGUSR1, 99, 0, 0, 0,
	  UT_P "--- SIGUSR1 {si_signo=SIGUSR1, si_code=99} ---\n" },
};

START_TEST(test_signal)
{
	const struct signal_case *c = &signal_cases[_i];
	struct tt_timestamps ts = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	struct tt_record r = ut_record(TT_REC_SIGNAL, UT_TID, &ts);
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = c->signo;
	si.si_code = c->code;
	si.si_pid = c->pid;
	si.si_uid = (uid_t)c->uid;
	if (c->signo == SIGCHLD)
		si.si_status = (int)c->value;
	else
		si.si_value.sival_ptr = (void *)c->value;
	r.si = &si;
	tt_render_text.record(&r);
	ut_expect_output(c->what, c->want);
}
END_TEST

/* A child's CPU times not 0 have their seconds in a comment, as strace
 * 6.1 prints them (clock ticks, 100 a second). */
START_TEST(test_sigchld_times)
{
	struct tt_timestamps ts = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	struct tt_record r = ut_record(TT_REC_SIGNAL, UT_TID, &ts);
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGCHLD;
	si.si_code = CLD_EXITED;
	si.si_pid = 42;
	si.si_uid = 1000;
	si.si_utime = 37;
	si.si_stime = 250;
	r.si = &si;
	tt_render_text.record(&r);
	ut_expect_output("CPU times", UT_P "--- SIGCHLD {si_signo=SIGCHLD, "
			 "si_code=CLD_EXITED, si_pid=42, si_uid=1000, si_status=0, "
			 "si_utime=37 /* 0.37 s */, si_stime=250 /* 2.50 s */} ---\n");
}
END_TEST

/* --- timestamps --------------------------------------------------------- */

/* Entry at 1970-01-02 01:01:01.123456789 UTC, monotonic 100.5, boottime
 * 3600.987654321; the exit 0.50075 s later. */
static const struct tt_timestamps t_entry = { { 90061, 123456789 }, { 100, 500000000 },
					      { 3600, 987654321 } };
static const struct tt_timestamps t_exit = { { 90061, 624206789 }, { 101, 750000 },
					     { 3601, 488404321 } };

static const struct time_case {
	const char *what;
	const char *tz;
	struct tt_tstamp tstamp;
	bool syscall_time;
	const char *want;
} time_cases[] = {
	{ "-t", "UTC", { TS_TIME, 0, TS_REALTIME }, false,
	  UT_P "01:01:01 timer_settime(0, 0, NULL, NULL) = 0\n" },
	{ "-t, another zone", "EST5", { TS_TIME, 0, TS_REALTIME }, false,
	  UT_P "20:01:01 timer_settime(0, 0, NULL, NULL) = 0\n" },
	{ "-tt", "UTC", { TS_TIME, 6, TS_REALTIME }, false,
	  UT_P "01:01:01.123456 timer_settime(0, 0, NULL, NULL) = 0\n" },
	{ "-ttt", "EST5", { TS_UNIX, 6, TS_REALTIME }, false,
	  UT_P "90061.123456 timer_settime(0, 0, NULL, NULL) = 0\n" },
	{ "-T", "UTC", { TS_NONE, 0, TS_REALTIME }, true,
	  S_SHORT "= 0 <0.500750>\n" },
	{ "-tt -T", "UTC", { TS_TIME, 6, TS_REALTIME }, true,
	  UT_P "01:01:01.123456 timer_settime(0, 0, NULL, NULL) = 0 <0.500750>\n" },
	/* --timestamps: every precision, each clock */
	{ "--timestamps=ms", "UTC", { TS_TIME, 3, TS_REALTIME }, false,
	  UT_P "01:01:01.123 timer_settime(0, 0, NULL, NULL) = 0\n" },
	{ "--timestamps=unix,ns", "UTC", { TS_UNIX, 9, TS_REALTIME }, false,
	  UT_P "90061.123456789 timer_settime(0, 0, NULL, NULL) = 0\n" },
	{ "--timestamps=unix", "UTC", { TS_UNIX, 0, TS_REALTIME }, false,
	  UT_P "90061 timer_settime(0, 0, NULL, NULL) = 0\n" },
	{ "--timestamps=clock:monotonic,ns", "UTC", { TS_UNIX, 9, TS_MONOTONIC }, false,
	  UT_P "100.500000000 timer_settime(0, 0, NULL, NULL) = 0\n" },
	{ "--timestamps=clock:monotonic", "EST5", { TS_UNIX, 0, TS_MONOTONIC }, false,
	  UT_P "100 timer_settime(0, 0, NULL, NULL) = 0\n" },
	{ "--timestamps=clock:boottime,us", "UTC", { TS_UNIX, 6, TS_BOOTTIME }, true,
	  UT_P "3600.987654 timer_settime(0, 0, NULL, NULL) = 0 <0.500750>\n" },
	{ "--timestamps=none,ns", "UTC", { TS_NONE, 9, TS_MONOTONIC }, false,
	  S_SHORT "= 0\n" },
};

static void timed_call(const struct ut_call *call, const struct tt_timestamps *entry,
		       const struct tt_timestamps *exit)
{
	struct tt_event *ev = ut_call_begin(UT_TID, call);

	ev->t_entry = *entry;
	ev->t_exit = *exit;
	ut_call_entry(ev);
	ut_call_exit(ev, call);
}

static const struct ut_call short_call = SHORT(UT_RET(0));

START_TEST(test_time)
{
	const struct time_case *c = &time_cases[_i];

	setenv("TZ", c->tz, 1);
	tzset();
	tt_opt.tstamp = c->tstamp;
	tt_opt.syscall_time = c->syscall_time;
	timed_call(&short_call, &t_entry, &t_exit);
	ut_expect_output(c->what, c->want);
}
END_TEST

/* A TOCTOU note whose values did not fit in the event's pool (a call of
 * very many values: found by fuzzing) shows them as "?". */
START_TEST(test_note_no_value)
{
	struct tt_event *ev = ut_call_begin(UT_TID, &short_call);

	ut_call_entry(ev);
	ev->notes[ev->nnotes++] = (struct tt_note){
		.kind = TN_TOCTOU_CHANGED, .arg = 2,
		.node = TT_NO_VALUE, .node2 = TT_NO_VALUE,
	};
	ut_call_exit(ev, &short_call);
	ut_expect_output("no value", S_SHORT "= 0\n"
		UT_P "  ^ TOCTOU: new_setting changed while timer_settime ran: "
		"? at entry, ? at exit\n");
}
END_TEST

/* -r: the time since the previous line, alone or after an absolute
 * stamp as strace prints it ("STAMP (+REL) ").  The renderer keeps the
 * previous line's time and has no way to forget it, so a first line sets
 * it and only what follows is compared. */
static const struct relative_case {
	struct tt_tstamp tstamp;
	const char *want;
} relative_cases[] = {
	{ { TS_NONE, 0, TS_REALTIME },
	  UT_P "    50.500000 timer_settime(0, 0, NULL, NULL) = 0\n"
	  B_P "     0.500750 --- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---\n" },
	{ { TS_UNIX, 6, TS_REALTIME },
	  UT_P "90061.123456 (+    50.500000) timer_settime(0, 0, NULL, NULL) = 0\n"
	  B_P "7.000000 (+     0.500750) --- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---\n" },
	{ { TS_UNIX, 3, TS_MONOTONIC },
	  UT_P "100.500 (+    50.500000) timer_settime(0, 0, NULL, NULL) = 0\n"
	  B_P "101.000 (+     0.500750) --- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---\n" },
};

START_TEST(test_relative)
{
	const struct tt_timestamps t_first = { { 0, 0 }, { 50, 0 }, { 0, 0 } };
	const struct tt_timestamps t_signal = { { 7, 0 }, { 101, 750000 }, { 0, 0 } };
	struct tt_record stop = ut_record(TT_REC_GROUP_STOP, 200, &t_first);
	struct tt_record sig = ut_record(TT_REC_SIGNAL, 200, &t_signal);
	siginfo_t si;
	const char *out;

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGALRM;
	si.si_code = SI_KERNEL;
	stop.sig = SIGSTOP;
	sig.si = &si;
	tt_opt.relative = true;
	tt_opt.tstamp = relative_cases[_i].tstamp;
	tt_render_text.record(&stop);
	timed_call(&short_call, &t_entry, &t_exit);
	tt_render_text.record(&sig);
	out = strchr(ut_output(), '\n');
	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(out + 1, relative_cases[_i].want);
}
END_TEST

/* -k: the frames of a call go right under the line that ends it (the
 * resumed half of an interleaved call; the "= ?" of one that never
 * returned), unprefixed, as strace -k prints them. */
static void put_frames(struct tt_event *ev)
{
	static const struct tt_frame frames[] = {
		{ .pc = 0xf7fc1579, .file_off = 0x579, .sym_off = 9,
		  .module = "[vdso]", .symbol = "__kernel_vsyscall" },
		{ .pc = 0x56555233, .file_off = 0x1233, .sym_off = 0x3e,
		  .module = "/t/chain", .symbol = "f3", .file = "/t/chain.c", .line = 32 },
		{ .pc = 0x56556000, .file_off = 0x2000, .module = "/t/chain" },
		{ .pc = 0x7f0000001002 },
	};

	memcpy(ev->stack.f, frames, sizeof(frames));
	ev->stack.n = 4;
	ev->stack.captured = true;
}

#define FRAMES \
	" > [vdso](__kernel_vsyscall+0x9) [0x579]\n" \
	" > /t/chain(f3+0x3e) [0x1233] /t/chain.c:32\n" \
	" > /t/chain() [0x2000]\n" \
	" > unexpected_backtracing_error [0x7f0000001002]\n"

START_TEST(test_stack)
{
	struct tt_event *a = ut_call_begin(UT_TID, &sleep_a);
	struct tt_event *b = ut_call_begin(200, &settime_b);
	struct tt_timestamps ts = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	struct tt_record killed = ut_record(TT_REC_EXIT, 200, &ts);

	killed.status = SIGKILL;
	killed.ev = b;
	put_frames(a);
	put_frames(b);
	ut_call_entry(a);
	ut_call_entry(b);
	ut_call_exit(a, &sleep_a);
	tt_render_text.record(&killed);
	ut_expect_output("stacks under a resumed call and an unreturned one",
		A_ENTRY UNFINISHED
		B_ENTRY UNFINISHED
		UT_P "<... clock_nanosleep resumed>NULL) = 0\n"
		FRAMES
		B_P "<... timer_settime resumed> <unfinished ...>) = ?\n"
		FRAMES
		B_P "+++ killed by SIGKILL +++\n");
}
END_TEST

Suite *make_text_suite(void)
{
	const struct {
		const char *name;
		const TTest *test;
		int n;
	} loops[] = {
		{ "return", test_return, NCASES(return_cases) },
		{ "flags", test_flags, NCASES(flag_cases) },
		{ "clock", test_clock, NCASES(clock_cases) },
		{ "life", test_life, NCASES(life_cases) },
		{ "signal", test_signal, NCASES(signal_cases) },
		{ "time", test_time, NCASES(time_cases) },
	};
	Suite *s = suite_create("text");
	TCase *tc;

	for (unsigned i = 0; i < sizeof(loops) / sizeof(loops[0]); i++)
		tcase_add_loop_test(ut_tcase(s, loops[i].name, ut_render_setup,
					     ut_render_teardown),
				    loops[i].test, 0, loops[i].n);
	tc = ut_tcase(s, "threads", ut_render_setup, ut_render_teardown);
	tcase_add_test(tc, test_interleaved);
	tcase_add_test(tc, test_interleaved_signal);
	tcase_add_test(tc, test_gone_resumed);
	tcase_add_test(tc, test_stack);
	tcase_add_loop_test(tc, test_relative, 0, NCASES(relative_cases));
	tcase_add_test(tc, test_note_no_value);
	tcase_add_test(tc, test_sigchld_times);
	tcase_add_loop_test(tc, test_open_line_ends, 0, 3);
	tcase_add_loop_test(tc, test_status_filter, 0, NCASES(filter_cases));
	tcase_add_test(tc, test_signal_filter);
	return s;
}
