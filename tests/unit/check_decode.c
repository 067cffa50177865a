/* ttrace unit tests: the decoders, on byte buffers, through the text
 * renderer: every call of both ABIs and both time widths, NULL and
 * unreadable pointers, out-of-range fields, the i386 time64 padding note,
 * outputs decoded only when the kernel wrote them, restart_syscall. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/timerfd.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

#include "abi.h"
#include "decode/decode.h"
#include "fdpath.h"
#include "layouts.h"
#include "toctou.h"
#include "umove.h"
#include "nr-tables.h"
#include "unit.h"
#include "xlat/xlat.h"

#define X64 (&tt_abi_x86_64)
#define I386 (&tt_abi_i386)
#define IN 0x1000
#define OUT 0x2000

/* Struct contents and how they print. */
#define ITS_1_5 UT_ITS(0, 0, 1, 500000000)
#define S_ITS_1_5 "{it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=500000000}}"
#define ITS_2_5 UT_ITS(0, 0, 2, 5)
#define S_ITS_2_5 "{it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=2, tv_nsec=5}}"
#define TS_1 UT_TS(1, 0)
#define S_TS_1 "{tv_sec=1, tv_nsec=0}"
#define TS_LEFT UT_TS(0, 999)
#define S_TS_LEFT "{tv_sec=0, tv_nsec=999}"

#define S_EINVAL "= -1 EINVAL (Invalid argument)\n"
#define S_EFAULT "= -1 EFAULT (Bad address)\n"
#define S_EINTR "= -1 EINTR (Interrupted system call)\n"
#define S_RESTARTBLOCK "= ? ERESTART_RESTARTBLOCK (Interrupted by signal)\n"
#define S_RESTARTNOHAND "= ? ERESTARTNOHAND (To be restarted if no handler)\n"

#define PADDING(call, path, pad) UT_P "  ^ " call ": " path \
	" has non-zero padding " pad " in its upper 32 bits; the kernel ignores it\n"

static const struct ut_case decode_cases[] = {
	/* AD_INOUT: clock_adjtime's timex, read at entry, shown as the kernel
	 * left it at the exit (here unchanged), with the state's name. */
	{ "x86_64 clock_adjtime",
	  { X64, NR64_clock_adjtime, { 0, IN }, { [1] = { true, { 0, 5, 7, 9 } } }, UT_RET(0) },
	  UT_P "clock_adjtime(CLOCK_REALTIME, {modes=0, offset=5, freq=7, "
	  "maxerror=9, esterror=0, status=0, constant=0, precision=0, "
	  "tolerance=0, time={tv_sec=0, tv_usec=0}, tick=0, ppsfreq=0, "
	  "jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, "
	  "stbcnt=0, tai=0}) = 0 (TIME_OK)\n" },
	/* Each call in each width; the old value is decoded on success. */
	{ "x86_64 timer_settime",
	  { X64, NR64_timer_settime, { 3, 0, IN, OUT }, { [2] = ITS_1_5, [3] = ITS_2_5 }, UT_RET(0) },
	  UT_P "timer_settime(3, 0, " S_ITS_1_5 ", " S_ITS_2_5 ") = 0\n" },
	{ "i386 timer_settime32",
	  { I386, NR32_timer_settime, { 3, 0, IN, OUT }, { [2] = ITS_1_5, [3] = ITS_2_5 }, UT_RET(0) },
	  UT_P "timer_settime32(3, 0, " S_ITS_1_5 ", " S_ITS_2_5 ") = 0\n" },
	{ "i386 timer_settime64",
	  { I386, NR32_timer_settime64, { 3, 0, IN, OUT }, { [2] = ITS_1_5, [3] = ITS_2_5 }, UT_RET(0) },
	  UT_P "timer_settime64(3, 0, " S_ITS_1_5 ", " S_ITS_2_5 ") = 0\n" },
	{ "x86_64 timerfd_settime",
	  { X64, NR64_timerfd_settime, { 5, 3, IN, OUT }, { [2] = ITS_1_5, [3] = ITS_2_5 }, UT_RET(0) },
	  UT_P "timerfd_settime(5, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET, "
	  S_ITS_1_5 ", " S_ITS_2_5 ") = 0\n" },
	{ "i386 timerfd_settime32",
	  { I386, NR32_timerfd_settime, { 5, 1, IN, OUT }, { [2] = ITS_1_5, [3] = ITS_2_5 }, UT_RET(0) },
	  UT_P "timerfd_settime32(5, TFD_TIMER_ABSTIME, " S_ITS_1_5 ", " S_ITS_2_5 ") = 0\n" },
	{ "i386 timerfd_settime64",
	  { I386, NR32_timerfd_settime64, { 5, 0, IN, OUT }, { [2] = ITS_1_5, [3] = ITS_2_5 }, UT_RET(0) },
	  UT_P "timerfd_settime64(5, 0, " S_ITS_1_5 ", " S_ITS_2_5 ") = 0\n" },
	{ "x86_64 clock_nanosleep",
	  { X64, NR64_clock_nanosleep, { 1, 0, IN, OUT }, { [2] = TS_1 }, UT_RET(0) },
	  UT_P "clock_nanosleep(CLOCK_MONOTONIC, 0, " S_TS_1 ", 0x2000) = 0\n" },
	{ "i386 clock_nanosleep_time32",
	  { I386, NR32_clock_nanosleep, { 1, 0, IN, OUT }, { [2] = TS_1 }, UT_RET(0) },
	  UT_P "clock_nanosleep_time32(CLOCK_MONOTONIC, 0, " S_TS_1 ", 0x2000) = 0\n" },
	{ "i386 clock_nanosleep_time64",
	  { I386, NR32_clock_nanosleep_time64, { 1, 0, IN, OUT }, { [2] = TS_1 }, UT_RET(0) },
	  UT_P "clock_nanosleep_time64(CLOCK_MONOTONIC, 0, " S_TS_1 ", 0x2000) = 0\n" },

	/* The old value is not decoded when the call failed. */
	{ "x86_64 timer_settime failed",
	  { X64, NR64_timer_settime, { 3, 0, IN, OUT }, { [2] = ITS_1_5, [3] = ITS_2_5 }, UT_ERR(EINVAL) },
	  UT_P "timer_settime(3, 0, " S_ITS_1_5 ", 0x2000) " S_EINVAL },
	{ "i386 timerfd_settime32 failed",
	  { I386, NR32_timerfd_settime, { 5, 0, IN, OUT }, { [2] = ITS_1_5, [3] = ITS_2_5 }, UT_ERR(EINVAL) },
	  UT_P "timerfd_settime32(5, 0, " S_ITS_1_5 ", 0x2000) " S_EINVAL },
	{ "i386 timer_settime64 failed",
	  { I386, NR32_timer_settime64, { 3, 0, IN, OUT }, { [2] = ITS_1_5, [3] = ITS_2_5 }, UT_ERR(EINVAL) },
	  UT_P "timer_settime64(3, 0, " S_ITS_1_5 ", 0x2000) " S_EINVAL },

	/* NULL and unreadable pointers. */
	{ "NULL pointers",
	  { X64, NR64_timer_settime, { 3, 0, 0, 0 }, { { 0 } }, UT_ERR(EFAULT) },
	  UT_P "timer_settime(3, 0, NULL, NULL)   " S_EFAULT },
	{ "unreadable input",
	  { X64, NR64_timer_settime, { 3, 0, IN, 0 }, { [2] = { false, { 0 } } }, UT_ERR(EFAULT) },
	  UT_P "timer_settime(3, 0, 0x1000, NULL) " S_EFAULT },
	{ "unreadable output of a success",
	  { I386, NR32_timer_settime, { 3, 0, IN, OUT }, { [2] = ITS_1_5, [3] = { false, { 0 } } }, UT_RET(0) },
	  UT_P "timer_settime32(3, 0, " S_ITS_1_5 ", 0x2000) = 0\n" },
	{ "unreadable output of a failure",
	  { I386, NR32_timerfd_settime64, { 3, 0, IN, OUT }, { [2] = ITS_1_5 }, UT_ERR(EINVAL) },
	  UT_P "timerfd_settime64(3, 0, " S_ITS_1_5 ", 0x2000) " S_EINVAL },

	/* int arguments: the kernel reads the low 32 bits, signed. */
	{ "x86_64 timer id with upper bits",
	  { X64, NR64_timer_settime, { 0xffffffff00000003, 0x100000000, 0, 0 }, { { 0 } }, UT_ERR(EINVAL) },
	  UT_P "timer_settime(3, 0, NULL, NULL)   " S_EINVAL },
	{ "i386 timer id -1",
	  { I386, NR32_timer_settime, { 0xffffffff, 0, 0, 0 }, { { 0 } }, UT_ERR(EINVAL) },
	  UT_P "timer_settime32(-1, 0, NULL, NULL) " S_EINVAL },

	/* Out-of-range and negative fields. */
	{ "x86_64 tv_nsec 1000000000",
	  { X64, NR64_clock_nanosleep, { 1, 0, IN, 0 }, { [2] = UT_TS(0, 1000000000) }, UT_ERR(EINVAL) },
	  UT_P "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000000000}, NULL) " S_EINVAL },
	{ "time32 tv_nsec 1000000000",
	  { I386, NR32_clock_nanosleep, { 1, 0, IN, 0 }, { [2] = UT_TS(0, 1000000000) }, UT_ERR(EINVAL) },
	  UT_P "clock_nanosleep_time32(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000000000}, NULL) " S_EINVAL },
	{ "time32 tv_nsec -1",
	  { I386, NR32_clock_nanosleep, { 1, 0, IN, 0 }, { [2] = UT_TS(0, -1) }, UT_ERR(EINVAL) },
	  UT_P "clock_nanosleep_time32(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=4294967295}, NULL) " S_EINVAL },
	{ "x86_64 tv_nsec -1",
	  { X64, NR64_clock_nanosleep, { 1, 0, IN, 0 }, { [2] = UT_TS(0, -1) }, UT_ERR(EINVAL) },
	  UT_P "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=18446744073709551615}, NULL) " S_EINVAL },
	{ "x86_64 tv_nsec upper bits are not padding",
	  { X64, NR64_clock_nanosleep, { 1, 0, IN, 0 }, { [2] = UT_TS(0, 0xdeadbeef00000005) }, UT_ERR(EINVAL) },
	  UT_P "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=16045690981097406469}, NULL) " S_EINVAL },
	{ "i386 time64 tv_nsec -1",
	  { I386, NR32_clock_nanosleep_time64, { 1, 0, IN, 0 }, { [2] = UT_TS(0, -1) }, UT_ERR(EINVAL) },
	  UT_P "clock_nanosleep_time64(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=4294967295}, NULL) " S_EINVAL
	  PADDING("clock_nanosleep_time64", "rqtp.tv_nsec", "0xffffffff") },
	{ "i386 time64 tv_nsec padding",
	  { I386, NR32_timer_settime64, { 3, 0, IN, 0 }, { [2] = UT_ITS(0, 0, 1, 0xdeadbeef00000005) }, UT_RET(0) },
	  UT_P "timer_settime64(3, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=5}}, NULL) = 0\n"
	  PADDING("timer_settime64", "new_setting.it_value.tv_nsec", "0xdeadbeef") },
	{ "i386 time64 padding in both halves",
	  { I386, NR32_timerfd_settime64, { 3, 0, IN, 0 }, { [2] = UT_ITS(0, 1ULL << 32, 0, 2ULL << 32) }, UT_RET(0) },
	  UT_P "timerfd_settime64(3, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}, NULL) = 0\n"
	  PADDING("timerfd_settime64", "utmr.it_interval.tv_nsec", "0x1")
	  PADDING("timerfd_settime64", "utmr.it_value.tv_nsec", "0x2") },
	{ "time32 negative tv_sec",
	  { I386, NR32_clock_nanosleep, { 0, 0, IN, 0 }, { [2] = UT_TS(-1, 0) }, UT_ERR(EINVAL) },
	  UT_P "clock_nanosleep_time32(CLOCK_REALTIME, 0, {tv_sec=-1, tv_nsec=0}, NULL) " S_EINVAL },
	{ "x86_64 negative tv_sec",
	  { X64, NR64_clock_nanosleep, { 0, 0, IN, 0 }, { [2] = UT_TS(-5, 0) }, UT_ERR(EINVAL) },
	  UT_P "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=-5, tv_nsec=0}, NULL) " S_EINVAL },
	{ "i386 time64 tv_sec past 2038",
	  { I386, NR32_clock_nanosleep_time64, { 0, 1, IN, 0 }, { [2] = UT_TS(1ULL << 32, 0) }, UT_RET(0) },
	  UT_P "clock_nanosleep_time64(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=4294967296, tv_nsec=0}, NULL) = 0\n" },

	/* clock_nanosleep: the time left is written only by an interrupted
	 * relative sleep. */
	{ "remain, flags 0, ERESTART_RESTARTBLOCK",
	  { X64, NR64_clock_nanosleep, { 0, 0, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_ERR(TT_ERESTART_RESTARTBLOCK) },
	  UT_P "clock_nanosleep(CLOCK_REALTIME, 0, " S_TS_1 ", " S_TS_LEFT ") " S_RESTARTBLOCK },
	{ "remain, flags 2, EINTR",
	  { X64, NR64_clock_nanosleep, { 0, 2, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_ERR(EINTR) },
	  UT_P "clock_nanosleep(CLOCK_REALTIME, 0x2 /* TIMER_??? */, " S_TS_1 ", " S_TS_LEFT ") " S_EINTR },
	{ "remain, time32",
	  { I386, NR32_clock_nanosleep, { 0, 0, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_ERR(TT_ERESTART_RESTARTBLOCK) },
	  UT_P "clock_nanosleep_time32(CLOCK_REALTIME, 0, " S_TS_1 ", " S_TS_LEFT ") " S_RESTARTBLOCK },
	{ "remain, i386 time64",
	  { I386, NR32_clock_nanosleep_time64, { 0, 0, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_ERR(EINTR) },
	  UT_P "clock_nanosleep_time64(CLOCK_REALTIME, 0, " S_TS_1 ", " S_TS_LEFT ") " S_EINTR },
	{ "no remain: absolute, ERESTARTNOHAND",
	  { X64, NR64_clock_nanosleep, { 0, 1, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_ERR(TT_ERESTARTNOHAND) },
	  UT_P "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, " S_TS_1 ", 0x2000) " S_RESTARTNOHAND },
	{ "no remain: absolute, EINTR",
	  { X64, NR64_clock_nanosleep, { 0, 3, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_ERR(EINTR) },
	  UT_P "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME|0x2, " S_TS_1 ", 0x2000) " S_EINTR },
	{ "no remain: absolute, ERESTART_RESTARTBLOCK",
	  { I386, NR32_clock_nanosleep, { 0, 1, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_ERR(TT_ERESTART_RESTARTBLOCK) },
	  UT_P "clock_nanosleep_time32(CLOCK_REALTIME, TIMER_ABSTIME, " S_TS_1 ", 0x2000) " S_RESTARTBLOCK },
	{ "no remain: relative, ERESTARTNOHAND",
	  { X64, NR64_clock_nanosleep, { 0, 0, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_ERR(TT_ERESTARTNOHAND) },
	  UT_P "clock_nanosleep(CLOCK_REALTIME, 0, " S_TS_1 ", 0x2000) " S_RESTARTNOHAND },
	{ "no remain: relative, EINVAL",
	  { I386, NR32_clock_nanosleep_time64, { 0, 0, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_ERR(EINVAL) },
	  UT_P "clock_nanosleep_time64(CLOCK_REALTIME, 0, " S_TS_1 ", 0x2000) " S_EINVAL },
	{ "no remain: relative, success",
	  { X64, NR64_clock_nanosleep, { 0, 0, IN, OUT }, { [2] = TS_1, [3] = TS_LEFT }, UT_RET(0) },
	  UT_P "clock_nanosleep(CLOCK_REALTIME, 0, " S_TS_1 ", 0x2000) = 0\n" },
	{ "remain unreadable",
	  { X64, NR64_clock_nanosleep, { 0, 0, IN, OUT }, { [2] = TS_1 }, UT_ERR(EINTR) },
	  UT_P "clock_nanosleep(CLOCK_REALTIME, 0, " S_TS_1 ", 0x2000) " S_EINTR },

	/* restart_syscall names the call it resumes. */
	{ "x86_64 restart_syscall resuming clock_nanosleep",
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(0), .resumes = NR64_clock_nanosleep },
	  UT_P "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0\n" },
	{ "x86_64 restart_syscall resuming an unknown call",
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(0) },
	  UT_P "restart_syscall(<... resuming interrupted system call ...>) = 0\n" },
	{ "i386 restart_syscall resuming clock_nanosleep_time64",
	  { I386, NR32_restart_syscall, { 0 }, { { 0 } }, UT_ERR(TT_ERESTART_RESTARTBLOCK), .resumes = NR32_clock_nanosleep_time64 },
	  UT_P "restart_syscall(<... resuming interrupted clock_nanosleep_time64 ...>) " S_RESTARTBLOCK },

	/* ppoll's sigmask, as strace 6.1 shows it: the set only for a
	 * sigsetsize of a whole number of the ABI's longs up to 8 bytes,
	 * else its address (the kernel refuses any size but 8). */
	{ "x86_64 ppoll, sigsetsize 8",
	  { X64, NR64_ppoll, { IN, 1, 0x3000, 0x4000, 8 },
	    { [0] = { true, { 3 | 1ULL << 32 } }, [2] = UT_TS(0, 1000), [3] = { true, { 1 << 9 } } },
	    UT_RET(0) },
	  UT_P "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=1000}, [USR1], 8) = 0 (Timeout)\n" },
	{ "x86_64 ppoll, sigsetsize 7: the address",
	  { X64, NR64_ppoll, { IN, 1, 0x3000, 0x4000, 7 },
	    { [0] = { true, { 3 | 1ULL << 32 } }, [2] = UT_TS(0, 1000), [3] = { true, { 1 << 9 } } },
	    UT_ERR(EINVAL) },
	  UT_P "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=1000}, 0x4000, 7) " S_EINVAL },
	{ "x86_64 ppoll, sigsetsize 4 (below a long): the address",
	  { X64, NR64_ppoll, { IN, 1, 0x3000, 0x4000, 4 },
	    { [0] = { true, { 3 | 1ULL << 32 } }, [2] = UT_TS(0, 1000), [3] = { true, { 1 << 9 } } },
	    UT_ERR(EINVAL) },
	  UT_P "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=1000}, 0x4000, 4) " S_EINVAL },
	{ "i386 ppoll_time32, sigsetsize 4: the first long's signals",
	  { I386, NR32_ppoll, { IN, 1, 0x3000, 0x4000, 4 },
	    { [0] = { true, { 3, 1 } }, [2] = UT_TS(0, 1000), [3] = { true, { 1 << 9, 1 << 1 } } },
	    UT_ERR(EINVAL) },
	  UT_P "ppoll_time32([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=1000}, [USR1], 4) " S_EINVAL },
	{ "i386 ppoll_time64, sigsetsize 16: the address",
	  { I386, NR32_ppoll_time64, { IN, 1, 0x3000, 0x4000, 16 },
	    { [0] = { true, { 3 | 1ULL << 32 } }, [2] = UT_TS(0, 1000), [3] = { true, { 1 << 9 } } },
	    UT_ERR(EINVAL) },
	  UT_P "ppoll_time64([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=1000}, 0x4000, 16) " S_EINVAL },
};

START_TEST(test_decode_render)
{
	ut_case_check(&decode_cases[_i]);
}
END_TEST

/* i386's old select (82): its argument points to struct sel_arg_struct
 * {u32 n, inp, outp, exp, tvp}; once the core read it the call is the
 * select it holds, whose fd set (at inp) and old_timeval32 (at tvp) are
 * read as select's, and written back as select's: strace 6.1's lines. */
static const struct old_select_case {
	const char *what;
	uint32_t arg;			/* the register */
	bool struct_ok;			/* readable */
	uint32_t words[5];		/* n, inp, outp, exp, tvp */
	bool tv_ok;
	uint32_t in, tv[2];		/* at inp and tvp, at entry */
	uint32_t in_back, tv_back[2];	/* written back by the kernel */
	struct ut_call ret;		/* its ret, rval, err */
	const char *want;
	uint8_t outcome;		/* enum tt_wait_outcome */
	int64_t timeout_ns;		/* -1: no timeout known */
} old_select_cases[] = {
	{ "ready", 0x5000, true, { 4, IN, 0, 0, OUT }, true, 1u << 3, { 1, 0 },
	  1u << 3, { 0, 999 }, { UT_RET(1) },
	  UT_P "select(4, [3], NULL, NULL, {tv_sec=1, tv_usec=0}) = 1 (in [3], "
	  "left {tv_sec=0, tv_usec=999})\n", TT_WAIT_READY, 1000000000 },
	{ "timed out", 0x5000, true, { 4, IN, 0, 0, OUT }, true, 1u << 3,
	  { 0, 5000 }, 0, { 0, 0 }, { UT_RET(0) },
	  UT_P "select(4, [3], NULL, NULL, {tv_sec=0, tv_usec=5000}) = 0 (Timeout)\n",
	  TT_WAIT_TIMED_OUT, 5000000 },
	{ "interrupted", 0x5000, true, { 4, IN, 0, 0, OUT }, true, 1u << 3,
	  { 1, 0 }, 1u << 3, { 0, 500 }, { UT_ERR(TT_ERESTARTNOHAND) },
	  UT_P "select(4, [3], NULL, NULL, {tv_sec=1, tv_usec=0}) " S_RESTARTNOHAND,
	  TT_WAIT_INTERRUPTED, 1000000000 },
	{ "no sets, n 0", 0x5000, true, { 0, 0, 0, 0, OUT }, true, 0, { 0, 5 },
	  0, { 0, 0 }, { UT_RET(0) },
	  UT_P "select(0, NULL, NULL, NULL, {tv_sec=0, tv_usec=5}) = 0 (Timeout)\n",
	  TT_WAIT_TIMED_OUT, 5000 },
	{ "no timeout", 0x5000, true, { 4, 0, IN, 0, 0 }, false, 1u << 3,
	  { 0, 0 }, 1u << 3, { 0, 0 }, { UT_RET(1) },
	  UT_P "select(4, NULL, [3], NULL, NULL)  = 1 (out [3])\n", TT_WAIT_READY, -1 },
	{ "timeout unreadable", 0x5000, true, { 4, IN, 0, 0, 0xdead }, false,
	  1u << 3, { 0, 0 }, 0, { 0, 0 }, { UT_ERR(EFAULT) },
	  UT_P "select(4, [3], NULL, NULL, 0xdead) " S_EFAULT, TT_WAIT_FAILED, -1 },
	/* strace shows the struct's address when it cannot read it */
	{ "struct unreadable", 0xdeadbeef, false, { 4, IN, 0, 0, OUT }, true,
	  1u << 3, { 1, 0 }, 0, { 0, 0 }, { UT_ERR(EFAULT) },
	  UT_P "select(0xdeadbeef)                " S_EFAULT, TT_WAIT_FAILED, -1 },
	{ "struct NULL", 0, false, { 0 }, false, 0, { 0, 0 }, 0, { 0, 0 },
	  { UT_ERR(EFAULT) }, UT_P "select(NULL)                      " S_EFAULT, TT_WAIT_FAILED, -1 },
};

START_TEST(test_old_select)
{
	const struct old_select_case *c = &old_select_cases[_i];
	struct ut_call call = c->ret;
	struct tt_event *ev;

	call.abi = I386;
	call.nr = NR32_select;
	call.raw[0] = c->arg;
	ev = ut_call_begin(UT_TID, &call);
	/* what the core read at the register's address */
	ev->mem[0].ok = c->struct_ok;
	memcpy(ev->mem[0].bytes, c->words, sizeof(c->words));
	ck_assert_uint_eq(ev->mem[0].len, sizeof(c->words));
	ck_assert_int_eq(tt_decode_indirect(ev), c->struct_ok);
	if (c->struct_ok) {
		/* then at the struct's pointers, as select's arguments */
		ck_assert_str_eq(ev->sc->name, "select");
		ck_assert_ptr_eq(ev->sc->sig, &tt_sig_select);
		ck_assert_int_eq(ev->nr, NR32_select);
		for (unsigned i = 1; i < 4; i++) {
			ev->mem[i].ok = c->words[i] != 0;
			ev->mem[i].len = (uint16_t)tt_arg_bytes(ev, i);
			memcpy(ev->mem[i].bytes, &c->in, sizeof(c->in));
		}
		ev->mem[4].ok = c->tv_ok;
		ev->mem[4].len = (uint16_t)tt_arg_bytes(ev, 4);
		ck_assert_uint_eq(ev->mem[4].len, sizeof(c->tv));
		memcpy(ev->mem[4].bytes, c->tv, sizeof(c->tv));
	}
	ut_call_entry(ev);
	ev->ret = call.ret;
	ev->rval = call.rval;
	ev->err = call.err;
	for (unsigned i = 1; c->struct_ok && i < 5; i++) {
		if (!tt_output_wanted(ev, i))
			continue;
		ev->back[i].ok = true;
		ev->back[i].len = (uint16_t)tt_arg_bytes(ev, i);
		if (i == 4)
			memcpy(ev->back[i].bytes, c->tv_back, sizeof(c->tv_back));
		else
			memcpy(ev->back[i].bytes, &c->in_back, sizeof(c->in_back));
	}
	ut_call_exit(ev, &call);
	ut_expect_output(c->what, c->want);
	ck_assert_int_eq(ev->timing.kind, TT_TIMING_WAIT);
	ck_assert_int_eq(ev->timing.outcome, c->outcome);
	ck_assert_int_eq(ev->timing.clock, CLOCK_MONOTONIC);
	ck_assert_int_eq(ev->timing.has_value && ev->timing.valid,
			 c->timeout_ns >= 0);
	if (c->timeout_ns >= 0)
		ck_assert_int_eq(ev->timing.value_ns, c->timeout_ns);
}
END_TEST

/* tt_output_wanted: does the core read output argument 3 at exit? */
struct wanted_case {
	const char *what;
	const struct tt_abi *abi;
	long nr;
	uint64_t flags, out;
	uint8_t ret;
	int err;
	bool want;
};

static const struct wanted_case wanted_cases[] = {
	{ "timer_settime success", X64, NR64_timer_settime, 0, OUT, TR_VALUE, 0, true },
	{ "timer_settime error", X64, NR64_timer_settime, 0, OUT, TR_ERROR, EINVAL, false },
	{ "timer_settime NULL", X64, NR64_timer_settime, 0, 0, TR_VALUE, 0, false },
	{ "timerfd_settime64 success", I386, NR32_timerfd_settime64, 0, OUT, TR_VALUE, 0, true },
	{ "sleep success", X64, NR64_clock_nanosleep, 0, OUT, TR_VALUE, 0, false },
	{ "sleep relative EINTR", X64, NR64_clock_nanosleep, 0, OUT, TR_ERROR, EINTR, true },
	{ "sleep relative restart", I386, NR32_clock_nanosleep, 2, OUT, TR_ERROR, TT_ERESTART_RESTARTBLOCK, true },
	{ "sleep relative NULL", I386, NR32_clock_nanosleep_time64, 0, 0, TR_ERROR, EINTR, false },
	{ "sleep absolute EINTR", X64, NR64_clock_nanosleep, 1, OUT, TR_ERROR, EINTR, false },
	{ "sleep relative EFAULT", X64, NR64_clock_nanosleep, 0, OUT, TR_ERROR, EFAULT, false },
};

START_TEST(test_output_wanted)
{
	const struct wanted_case *c = &wanted_cases[_i];
	uint64_t raw[TT_MAX_ARGS] = { 0, c->flags, IN, c->out };
	struct tt_event ev;

	tt_event_init(&ev, tt_abi_syscall(c->abi, c->nr), c->abi, UT_TID, c->nr, raw);
	ev.ret = c->ret;
	ev.err = c->err;
	ck_assert_msg(tt_output_wanted(&ev, 3) == c->want, "%s", c->what);
	ck_assert_msg(!tt_output_wanted(&ev, 2), "%s: input wanted at exit", c->what);
}
END_TEST

/* The TOCTOU check of the new input structs comes from the rows alone:
 * a sigevent (both layouts), an i386 itimerval, and a timex, which the
 * kernel writes back (compared only when it did not). */
static const struct toctou_case {
	const char *what;
	const struct tt_abi *abi;
	long nr;
	unsigned arg;		/* the input */
	unsigned off;		/* the byte another thread changes */
	bool failed;		/* the call returned an error */
	bool finding;		/* a TN_TOCTOU_CHANGED is expected */
	const char *field;	/* a field of the trees whose value changed */
} toctou_cases[] = {
	{ "x86_64 sigevent signo", &tt_abi_x86_64, NR64_timer_create, 1, 8, false, true, "sigev_signo" },
	{ "i386 sigevent signo", &tt_abi_i386, NR32_timer_create, 1, 4, false, true, "sigev_signo" },
	{ "i386 sigevent tid", &tt_abi_i386, NR32_timer_create, 1, 12, true, true,
	  "sigev_notify_thread_id" },
	{ "x86_64 itimerval", &tt_abi_x86_64, NR64_setitimer, 1, 16, false, true, "tv_sec" },
	{ "i386 itimerval", &tt_abi_i386, NR32_setitimer, 1, 8, true, true, "tv_sec" },
	{ "x86_64 clock_settime", &tt_abi_x86_64, NR64_clock_settime, 1, 0, true, true, "tv_sec" },
	{ "i386 timex, failed", &tt_abi_i386, NR32_clock_adjtime, 1, 4, true, true, "offset" },
	{ "x86_64 timex, failed", &tt_abi_x86_64, NR64_clock_adjtime, 1, 8, true, true, "offset" },
	{ "timex written back", &tt_abi_x86_64, NR64_clock_adjtime, 1, 8, false, false, NULL },
};

START_TEST(test_toctou_rows)
{
	const struct toctou_case *c = &toctou_cases[_i];
	const struct tt_syscall *sc = tt_abi_syscall(c->abi, c->nr);
	static struct tt_event ev;
	static struct tt_reread again[TT_MAX_ARGS];
	uint64_t raw[TT_MAX_ARGS] = { 1, 0x10000, 0x20000 };
	unsigned size = tt_arg_size(sc->sig->args[c->arg].type, sc->width,
				    c->abi->ptr_size);
	struct tt_umove_req req[TT_MAX_ARGS];
	int seen = 0;

	ck_assert_ptr_nonnull(sc);
	ck_assert_msg(tt_dir_input(sc->sig->args[c->arg].dir), "%s: not an input",
		      c->what);
	tt_event_init(&ev, sc, c->abi, UT_TID, c->nr, raw);
	memset(ev.mem, 0, sizeof(ev.mem));
	ev.mem[c->arg].ok = true;
	ev.mem[c->arg].len = (uint16_t)size;
	/* sigev_notify: SIGEV_THREAD_ID for the tid case */
	if (c->nr == 259 && c->off == 12)
		ev.mem[c->arg].bytes[8] = 4;
	tt_decode_entry(&ev);
	ev.ret = c->failed ? TR_ERROR : TR_VALUE;
	ev.err = c->failed ? EINVAL : 0;
	memset(again, 0, sizeof(again));
	ck_assert_uint_eq(tt_toctou_requests(&ev, again, req), 1);
	ck_assert(again[c->arg].wanted);
	ck_assert_uint_eq(req[0].len, size);
	again[c->arg].ok = true;
	memcpy(again[c->arg].bytes, ev.mem[c->arg].bytes, size);
	again[c->arg].bytes[c->off] ^= 7;
	tt_decode_exit(&ev);
	tt_toctou_check(NULL, &ev, &ev, again);
	if (!c->finding) {
		ck_assert_msg(ev.nnotes == 0, "%s: %u findings", c->what, ev.nnotes);
		return;
	}
	ck_assert_msg(ev.nnotes == 1 && ev.notes[0].kind == TN_TOCTOU_CHANGED,
		      "%s: %u findings", c->what, ev.nnotes);
	ck_assert_int_eq(ev.notes[0].arg, (int)c->arg);
	/* The field that changed is 0 in the entry tree, 7 in the exit one. */
	for (int k = TT_MAX_ARGS; k < ev.nv; k++)
		if (ev.v[k].name && strcmp(ev.v[k].name, c->field) == 0 &&
		    ev.v[k].u == (seen ? 7u : 0u))
			seen++;
	ck_assert_msg(seen >= 2, "%s: %s did not change from 0 to 7", c->what,
		      c->field);
}
END_TEST

/* The bytes the kernel's layout (layouts.h) says a pointer argument of
 * type has in a row of width, for an ABI with pointers of ptr_size, up to
 * the last field ttrace shows; 0: not a pointer to a struct. */
static unsigned kernel_read_size(enum tt_argtype type, enum tt_time_width w,
				 unsigned ptr_size)
{
	bool w32 = w == TW_32;

	switch (type) {
	case AT_TIMESPEC:
		return w32 ? K_OLD_TIMESPEC32 : K_KERNEL_TIMESPEC;
	case AT_ITIMERSPEC:
		return w32 ? K_OLD_ITIMERSPEC32 : K_KERNEL_ITIMERSPEC;
	case AT_ITIMERVAL:
		return w32 ? K_OLD_ITIMERVAL32 : K_ITIMERVAL64;
	case AT_TIMEX:
		return w32 ? K_OLD_TIMEX32 : K_KERNEL_TIMEX;
	case AT_SIGEVENT:	/* up to the end of _attribute */
		return ptr_size == 4 ? K_COMPAT_SIGEV_ATTRIBUTE + 4
				     : K_NATIVE_SIGEV_ATTRIBUTE + 8;
	case AT_TIMERID_PTR:	/* timer_t, an int in both ABIs */
		return 4;
	case AT_TFD_TICKS:	/* u64 */
		return 8;
	case AT_POLLFDS:	/* one element of the array */
		return K_POLLFD;
	case AT_SIGSET:
		return K_SIGSET;
	case AT_TIMEVAL:
		return w32 ? K_OLD_TIMEVAL32 : K_TIMEVAL64;
	case AT_SIGMASK_ARG:	/* a pointer and a size_t */
		return 2 * ptr_size;
	case AT_EPOLL_EVENTS:	/* one element */
		return K_EPOLL_EVENT;
	case AT_SIGINFO:
		return K_SIGINFO;
	case AT_FDSET:		/* one element: a long of bits */
		return ptr_size;
	case AT_FUTEX_WAITV:	/* an element */
		return K_FUTEX_WAITV;
	case AT_SEMBUFS:	/* one element of the array */
		return K_SEMBUF;
	case AT_IO_EVENTS:	/* one element, the same in both ABIs */
		return K_IO_EVENT;
	case AT_SEL_ARG_STRUCT:	/* n, inp, outp, exp, tvp: longs */
		return 5 * ptr_size;
	default:
		return 0;
	}
}

/* Every struct argument of every row of both ABIs is read at its size in
 * the kernel's layout. */
START_TEST(test_read_sizes)
{
	const struct tt_abi *abi = tt_abis[_i];
	unsigned n = 0;

	for (long nr = 0; nr < (long)abi->nsyscalls; nr++) {
		const struct tt_syscall *sc = tt_abi_syscall(abi, nr);

		for (unsigned i = 0; sc && sc->sig && i < sc->sig->nargs; i++) {
			enum tt_argtype t = sc->sig->args[i].type;
			unsigned want = kernel_read_size(t, sc->width, abi->ptr_size);

			ck_assert_msg(tt_arg_size(t, sc->width, abi->ptr_size) == want,
				      "%s %s argument %u: ttrace reads %u bytes, "
				      "the kernel's layout has %u", abi->name,
				      sc->name, i,
				      tt_arg_size(t, sc->width, abi->ptr_size), want);
			n += want > 0;
		}
	}
	ck_assert_uint_gt(n, 10);
	ck_assert_uint_le(K_SIGEVENT_SIZE, TT_MAX_STRUCT);
	ck_assert_uint_le(K_KERNEL_TIMEX, TT_MAX_STRUCT);
}
END_TEST

/* Every row of the type table: named; a by-value type without a reader
 * or a size, a pointed-to one with both, every size (each width, each
 * pointer size) within TT_MAX_STRUCT, padding inside the struct. */
START_TEST(test_type_rows)
{
	static const uint8_t widths[] = { TW_NONE, TW_32, TW_64 };

	for (unsigned type = 0; type < AT_NTYPES; type++) {
		const struct tt_type *t = &tt_types[type];

		ck_assert_msg(t->name != NULL, "type %u has no row", type);
		ck_assert_msg((t->size_by == TT_SIZE_NONE) == (t->read == NULL),
			      "%s: a reader exactly when pointed to", t->name);
		for (unsigned w = 0; w < sizeof(widths); w++)
			for (unsigned ps = 4; ps <= 8; ps += 4) {
				unsigned size = tt_arg_size(type, widths[w], ps);

				ck_assert_msg(size <= TT_MAX_STRUCT,
					      "%s: %u bytes, TT_MAX_STRUCT %u",
					      t->name, size, TT_MAX_STRUCT);
				ck_assert_msg((size > 0) == (t->read != NULL),
					      "%s: size %u", t->name, size);
				/* padding: only of a time64 layout */
				if (t->pad_every && widths[w] == TW_64)
					ck_assert_uint_eq(size % t->pad_every, 0);
			}
		ck_assert(!t->pad_every || t->pad_at + 4u <= t->pad_every);
	}
}
END_TEST

static void put32(uint8_t *b, unsigned off, uint32_t v)
{
	memcpy(b + off, &v, 4);
}

/* An i386 timer_create with SIGEV_THREAD: a 64-byte compat_sigevent,
 * of which ttrace has what the core reads (tt_arg_size), prints as strace
 * does, the attributes pointer included. */
START_TEST(test_compat_sigevent_thread)
{
	struct ut_call c = { I386, NR32_timer_create, { 1, IN, OUT }, { [2] = { true, { 7 } } },
			     UT_RET(0) };
	uint8_t sev[K_SIGEVENT_SIZE];
	struct tt_event *call_ev;
	unsigned size;

	memset(sev, 0xa5, sizeof(sev));	/* the union's padding */
	put32(sev, 0, 0x1234);
	put32(sev, K_COMPAT_SIGEV_SIGNO, 32);	/* the kernel's SIGRTMIN */
	put32(sev, K_COMPAT_SIGEV_NOTIFY, 2);	/* SIGEV_THREAD */
	put32(sev, K_COMPAT_SIGEV_FUNCTION, 0x8049a10);
	put32(sev, K_COMPAT_SIGEV_ATTRIBUTE, 0xffd0e2c4);
	call_ev = ut_call_begin(UT_TID, &c);
	size = tt_arg_size(AT_SIGEVENT, call_ev->sc->width, I386->ptr_size);
	ck_assert_uint_le(size, sizeof(sev));
	memset(call_ev->mem[1].bytes, 0, sizeof(call_ev->mem[1].bytes));
	memcpy(call_ev->mem[1].bytes, sev, size);
	call_ev->mem[1].ok = true;
	ut_call_entry(call_ev);
	ut_call_exit(call_ev, &c);
	ut_expect_output("i386 SIGEV_THREAD",
			 UT_P "timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=4660, "
			 "sival_ptr=0x1234}, sigev_signo=SIGRTMIN, "
			 "sigev_notify=SIGEV_THREAD, sigev_notify_function=0x8049a10, "
			 "sigev_notify_attributes=0xffd0e2c4}, [7]) = 0\n");
}
END_TEST

/* -y and -yy (src/tracer/fdpath.c): the fds of this test's own process,
 * read from /proc as the tracer reads a tracee's, shown as strace 6.1
 * shows them: a timerfd, a file whose name needs escaping (a newline, a
 * byte not UTF-8, '"', '\', '<', '>', an octal digit after an escaped
 * byte), /dev/null with its numbers under -yy; a negative fd and one
 * not open plain.  The entry and the exit as the tracer runs them. */
static void fd_call(const struct ut_call *c, const uint32_t *pollfds,
		    unsigned n, int level, bool json)
{
	struct tt_event *ev = ut_call_begin(UT_TID, c);
	struct tt_record r;

	if (pollfds) {	/* an array: ut_call_begin lays out one element */
		memcpy(ev->mem[0].bytes, pollfds, n * 8);
		ev->mem[0].len = (uint16_t)(n * 8);
		ev->mem[0].ok = true;
	}
	tt_decode_entry(ev);
	tt_fdpath_entry(ev, getpid(), level);
	r = ut_call_record(TT_REC_CALL_ENTRY, ev);
	tt_render_text.record(&r);
	ev->ret = c->ret;
	ev->rval = c->rval;
	ev->err = c->err;
	tt_decode_exit(ev);
	tt_fdpath_exit(ev, getpid(), level);
	r = ut_call_record(TT_REC_CALL_EXIT, ev);
	(json ? &tt_render_json : &tt_render_text)->record(&r);
}

START_TEST(test_fd_paths)
{
	char dir[] = "/tmp/tt-fdpath.XXXXXX", name[128], want[2048], esc[128];
	int tfd, ffd, nfd;
	const char *out, *json;
	uint32_t pfds[10];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(name, sizeof(name), "%s/a\nb\377\"\\<x>\0017", dir);
	snprintf(esc, sizeof(esc), "%s/a\\nb\\377\\\"\\\\\\74x\\76\\0017", dir);
	tfd = timerfd_create(CLOCK_MONOTONIC, 0);
	ffd = open(name, O_RDONLY | O_CREAT, 0600);
	nfd = open("/dev/null", O_RDONLY);
	ck_assert(tfd >= 0 && ffd >= 0 && nfd >= 0);
	/* {fd, events | revents << 16} each */
	memcpy(pfds, (uint32_t[]){ (uint32_t)tfd, 1, (uint32_t)ffd, 1,
				   0xffffffff, 1, (uint32_t)nfd, 4, 999, 1 },
	       sizeof(pfds));

	/* poll: the pollfds as passed; the result's fds stay plain */
	fd_call(&(struct ut_call){ X64, NR64_poll, { IN, 4, 0 }, { { 0 } },
		UT_RET(0) }, pfds, 4, 2, false);
	/* timerfd_create: the fd it returned (the path is read at the exit) */
	fd_call(&(struct ut_call){ X64, NR64_timerfd_create, { 1, 0 }, { { 0 } },
		UT_RET(tfd) }, NULL, 0, 1, false);
	/* -y without the devices; an fd clock; an fd not open */
	fd_call(&(struct ut_call){ X64, NR64_clock_gettime,
		{ (uint32_t)((~(uint32_t)nfd << 3) | 3), 0 }, { { 0 } },
		UT_ERR(EINVAL) }, NULL, 0, 1, false);
	fd_call(&(struct ut_call){ X64, NR64_poll, { IN, 1, 0 }, { { 0 } },
		UT_RET(0) }, pfds + 8, 1, 1, false);
	/* the same pollfds, then their exit as JSON */
	fd_call(&(struct ut_call){ X64, NR64_poll, { IN, 4, 0 }, { { 0 } },
		UT_RET(0) }, pfds, 4, 2, true);
	snprintf(want, sizeof(want),
		 UT_P "poll([{fd=%d<anon_inode:[timerfd]>, events=POLLIN}, "
		 "{fd=%d<%s>, events=POLLIN}, {fd=-1}, "
		 "{fd=%d</dev/null<char 1:3>>, events=POLLOUT}], 4, 0) = 0 (Timeout)\n"
		 UT_P "timerfd_create(CLOCK_MONOTONIC, 0) = %d<anon_inode:[timerfd]>\n"
		 UT_P "clock_gettime(FD_TO_CLOCKID(%d</dev/null>), NULL) " S_EINVAL
		 UT_P "poll([{fd=999, events=POLLIN}], 1, 0) = 0 (Timeout)\n"
		 UT_P "poll([{fd=%d<anon_inode:[timerfd]>, events=POLLIN}, "
		 "{fd=%d<%s>, events=POLLIN}, {fd=-1}, "
		 "{fd=%d</dev/null<char 1:3>>, events=POLLOUT}], 4, 0",
		 tfd, ffd, esc, nfd, tfd, nfd, tfd, ffd, esc, nfd);
	out = ut_output();
	json = strstr(out, "{\"type\":\"call\"");
	ck_assert_msg(strncmp(out, want, strlen(want)) == 0 && json,
		      "got:\n%s\nwant:\n%s", out, want);
	/* JSON: the path as its bytes (a byte not UTF-8 as \u00XX), the
	 * device apart; the result's fds plain */
	snprintf(want, sizeof(want), "\"fd\":{\"value\":%d,\"path\":\"%s/a\\u000ab\\u00ff\\\"\\\\<x>\\u00017\"}",
		 ffd, dir);
	ck_assert_msg(strstr(json, want), "%s not in %s", want, json);
	snprintf(want, sizeof(want), "\"fd\":{\"value\":%d,\"path\":\"/dev/null\",\"device\":\"char 1:3\"}", nfd);
	ck_assert_msg(strstr(json, want), "%s not in %s", want, json);
	close(tfd);
	close(ffd);
	close(nfd);
	unlink(name);
	rmdir(dir);
}
END_TEST

Suite *make_decode_suite(void)
{
	Suite *s = suite_create("decode");

	tcase_add_loop_test(ut_tcase(s, "render", ut_render_setup, ut_render_teardown),
			    test_decode_render, 0, NCASES(decode_cases));
	tcase_add_loop_test(ut_tcase(s, "old_select", ut_render_setup,
				     ut_render_teardown),
			    test_old_select, 0, NCASES(old_select_cases));
	tcase_add_loop_test(ut_tcase(s, "toctou_rows", NULL, NULL),
			    test_toctou_rows, 0, NCASES(toctou_cases));
	tcase_add_loop_test(ut_tcase(s, "output_wanted", NULL, NULL),
			    test_output_wanted, 0, NCASES(wanted_cases));
	tcase_add_loop_test(ut_tcase(s, "read_sizes", NULL, NULL),
			    test_read_sizes, 0, 2);
	tcase_add_test(ut_tcase(s, "type_rows", NULL, NULL), test_type_rows);
	tcase_add_test(ut_tcase(s, "compat_sigevent", ut_render_setup,
				ut_render_teardown),
		       test_compat_sigevent_thread);
	tcase_add_test(ut_tcase(s, "fd_paths", ut_render_setup,
				ut_render_teardown), test_fd_paths);
	return s;
}
