/* ttrace unit tests: errno, signal and si_code names. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "unit.h"
#include "xlat/xlat.h"

static const struct errno_case {
	int err;
	const char *name;	/* NULL: none */
	const char *text;
	bool restart;
} errno_cases[] = {
	{ EPERM, "EPERM", "Operation not permitted", false },
	{ EINTR, "EINTR", "Interrupted system call", false },
	{ EAGAIN, "EAGAIN", "Resource temporarily unavailable", false },
	{ EFAULT, "EFAULT", "Bad address", false },
	{ EINVAL, "EINVAL", "Invalid argument", false },
	{ EDEADLK, "EDEADLK", "Resource deadlock avoided", false },
	{ 95, "EOPNOTSUPP", "Operation not supported", false },
	{ EHWPOISON, "EHWPOISON", "Memory page has hardware error", false },
	{ 512, "ERESTARTSYS", "To be restarted if SA_RESTART is set", true },
	{ 513, "ERESTARTNOINTR", "To be restarted", true },
	{ 514, "ERESTARTNOHAND", "To be restarted if no handler", true },
	{ 515, "ENOIOCTLCMD", "Inappropriate ioctl for device", false },
	{ 516, "ERESTART_RESTARTBLOCK", "Interrupted by signal", true },
	{ 517, "EPROBE_DEFER", "Unknown error 517", false },
	{ 531, "ENOGRACE", "Unknown error 531", false },
	{ 41, NULL, "Unknown error 41", false },
	{ 0, NULL, "Success", false },
	{ 532, NULL, "Unknown error 532", false },
	{ -22, NULL, "Unknown error -22", false },
};

START_TEST(test_errno)
{
	const struct errno_case *c = &errno_cases[_i];

	ck_assert_pstr_eq(tt_errno_name(c->err), c->name);
	ck_assert_str_eq(tt_errno_text(c->err), c->text);
	ck_assert_int_eq(!!tt_errno_is_restart(c->err), c->restart);
}
END_TEST

/* Every errno the C library names has the same name here (the kernel's
 * primary one where there are aliases). */
START_TEST(test_errno_libc)
{
	for (int e = 1; e < 512; e++) {
		const char *libc = strerrorname_np(e);

		if (libc)
			ck_assert_msg(tt_errno_name(e) && strcmp(tt_errno_name(e), libc) == 0,
				      "%d: %s, libc %s", e, tt_errno_name(e), libc);
		else
			ck_assert_msg(tt_errno_name(e) == NULL, "%d: %s", e, tt_errno_name(e));
	}
}
END_TEST

static const struct signal_name_case {
	int sig;
	const char *name;
} signal_name_cases[] = {
	{ 0, "0" },
	{ SIGHUP, "SIGHUP" },
	{ SIGKILL, "SIGKILL" },
	{ SIGCHLD, "SIGCHLD" },
	{ SIGSYS, "SIGSYS" },
	{ 32, "SIGRTMIN" },
	{ 33, "SIGRT_1" },
	{ 34, "SIGRT_2" },
	{ 64, "SIGRT_32" },
	{ 65, "65" },
	{ -1, "-1" },
};

START_TEST(test_signal_name)
{
	const struct signal_name_case *c = &signal_name_cases[_i];
	char buf[32];

	ck_assert_str_eq(tt_signal_name(c->sig, buf, sizeof(buf)), c->name);
}
END_TEST

/* Signals 1..31 are named as the C library abbreviates them, but for 29,
 * which the kernel (and strace) calls SIGIO, not SIGPOLL. */
START_TEST(test_signal_libc)
{
	char buf[32], want[32];

	for (int sig = 1; sig < 32; sig++) {
		snprintf(want, sizeof(want), "SIG%s", sig == SIGIO ? "IO" : sigabbrev_np(sig));
		ck_assert_str_eq(tt_signal_name(sig, buf, sizeof(buf)), want);
	}
}
END_TEST

static const struct sicode_case {
	int sig, code;
	const char *name;	/* NULL: none */
} sicode_cases[] = {
	{ SIGUSR1, SI_USER, "SI_USER" },
	{ SIGSEGV, SI_KERNEL, "SI_KERNEL" },
	{ SIGCHLD, SI_KERNEL, "SI_KERNEL" },
	{ 34, SI_QUEUE, "SI_QUEUE" },
	{ SIGALRM, SI_TIMER, "SI_TIMER" },
	{ SIGIO, SI_MESGQ, "SI_MESGQ" },
	{ SIGIO, SI_ASYNCIO, "SI_ASYNCIO" },
	{ SIGIO, SI_SIGIO, "SI_SIGIO" },
	{ SIGUSR2, SI_TKILL, "SI_TKILL" },
	{ SIGKILL, -7, "SI_DETHREAD" },
	{ SIGCHLD, CLD_EXITED, "CLD_EXITED" },
	{ SIGCHLD, CLD_KILLED, "CLD_KILLED" },
	{ SIGCHLD, CLD_DUMPED, "CLD_DUMPED" },
	{ SIGCHLD, CLD_CONTINUED, "CLD_CONTINUED" },
	{ SIGSEGV, SEGV_MAPERR, "SEGV_MAPERR" },
	{ SIGSEGV, SEGV_ACCERR, "SEGV_ACCERR" },
	{ SIGBUS, BUS_ADRERR, "BUS_ADRERR" },
	{ SIGFPE, FPE_INTDIV, "FPE_INTDIV" },
	{ SIGILL, ILL_ILLOPC, "ILL_ILLOPC" },
	{ SIGTRAP, TRAP_BRKPT, "TRAP_BRKPT" },
	{ SIGPOLL, POLL_IN, "POLL_IN" },
	{ SIGSYS, 1, "SYS_SECCOMP" },
	{ SIGUSR1, 1, NULL },
	{ SIGCHLD, 7, NULL },
	{ SIGUSR1, -8, NULL },
};

START_TEST(test_sicode)
{
	const struct sicode_case *c = &sicode_cases[_i];

	ck_assert_pstr_eq(tt_sicode_name(c->sig, c->code), c->name);
}
END_TEST

START_TEST(test_xlat_name)
{
	ck_assert_str_eq(tt_xlat_name(&tt_xlat_clocks, 0), "CLOCK_REALTIME");
	ck_assert_str_eq(tt_xlat_name(&tt_xlat_clocks, 11), "CLOCK_TAI");
	ck_assert_ptr_null(tt_xlat_name(&tt_xlat_clocks, 12));
	ck_assert_str_eq(tt_xlat_name(&tt_xlat_timer_flags, 1), "TIMER_ABSTIME");
	ck_assert_ptr_null(tt_xlat_name(&tt_xlat_timer_flags, 2));
	ck_assert_str_eq(tt_xlat_name(&tt_xlat_tfd_settime_flags, 2), "TFD_TIMER_CANCEL_ON_SET");
	ck_assert_str_eq(tt_xlat_name(&tt_xlat_cpuclocks, 2), "CPUCLOCK_SCHED");
	ck_assert_ptr_null(tt_xlat_name(&tt_xlat_cpuclocks, 3));
	ck_assert_str_eq(tt_xlat_timer_flags.unknown, "TIMER_???");
	ck_assert_str_eq(tt_xlat_tfd_settime_flags.unknown, "TFD_???");
}
END_TEST

Suite *make_xlat_suite(void)
{
	Suite *s = suite_create("xlat");
	TCase *tc = ut_tcase(s, "xlat", NULL, NULL);

	tcase_add_loop_test(tc, test_errno, 0, NCASES(errno_cases));
	tcase_add_test(tc, test_errno_libc);
	tcase_add_loop_test(tc, test_signal_name, 0, NCASES(signal_name_cases));
	tcase_add_test(tc, test_signal_libc);
	tcase_add_loop_test(tc, test_sicode, 0, NCASES(sicode_cases));
	tcase_add_test(tc, test_xlat_name);
	return s;
}
