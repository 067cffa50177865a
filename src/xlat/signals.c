/* ttrace - signal names and si_code names (include/uapi/asm-generic/
 * signal.h and siginfo.h, x86 numbering).  Data and look-ups only. */
#include <signal.h>
#include <stdio.h>

#include "xlat/xlat.h"

static const char *const signal_names[] = {
	[0] = "0",
	[1] = "SIGHUP", [2] = "SIGINT", [3] = "SIGQUIT", [4] = "SIGILL",
	[5] = "SIGTRAP", [6] = "SIGABRT", [7] = "SIGBUS", [8] = "SIGFPE",
	[9] = "SIGKILL", [10] = "SIGUSR1", [11] = "SIGSEGV", [12] = "SIGUSR2",
	[13] = "SIGPIPE", [14] = "SIGALRM", [15] = "SIGTERM",
	[16] = "SIGSTKFLT", [17] = "SIGCHLD", [18] = "SIGCONT",
	[19] = "SIGSTOP", [20] = "SIGTSTP", [21] = "SIGTTIN",
	[22] = "SIGTTOU", [23] = "SIGURG", [24] = "SIGXCPU",
	[25] = "SIGXFSZ", [26] = "SIGVTALRM", [27] = "SIGPROF",
	[28] = "SIGWINCH", [29] = "SIGIO", [30] = "SIGPWR", [31] = "SIGSYS",
	[32] = "SIGRTMIN",
};

/* The kernel's first real-time signal; glibc reserves two more, so its
 * SIGRTMIN is 34, which strace (and ttrace) print as SIGRT_2. */
#define KERNEL_SIGRTMIN 32
#define KERNEL_SIGRTMAX 64

const char *tt_signal_name(int sig, char *buf, size_t size)
{
	if (sig >= 0 && sig < (int)(sizeof(signal_names) / sizeof(signal_names[0])))
		return signal_names[sig];
	if (sig > KERNEL_SIGRTMIN && sig <= KERNEL_SIGRTMAX)
		snprintf(buf, size, "SIGRT_%d", sig - KERNEL_SIGRTMIN);
	else
		snprintf(buf, size, "%d", sig);
	return buf;
}

/* Codes any signal may carry; zero and below come from user space.
 * Negative codes are stored sign-extended (tt_sicode_xlat's callers look
 * them up as (uint64_t)(int64_t)code). */
TT_XLAT(tt_xlat_sicode_generic, "SI_???",
	{ 0, "SI_USER" }, { 0x80, "SI_KERNEL" }, { -1, "SI_QUEUE" },
	{ -2, "SI_TIMER" }, { -3, "SI_MESGQ" }, { -4, "SI_ASYNCIO" },
	{ -5, "SI_SIGIO" }, { -6, "SI_TKILL" }, { -7, "SI_DETHREAD" },
	{ -60, "SI_ASYNCNL" },
);
TT_XLAT(tt_xlat_sicode_ill, "ILL_???",
	{ 1, "ILL_ILLOPC" }, { 2, "ILL_ILLOPN" }, { 3, "ILL_ILLADR" },
	{ 4, "ILL_ILLTRP" }, { 5, "ILL_PRVOPC" }, { 6, "ILL_PRVREG" },
	{ 7, "ILL_COPROC" }, { 8, "ILL_BADSTK" }, { 9, "ILL_BADIADDR" },
);
TT_XLAT(tt_xlat_sicode_fpe, "FPE_???",
	{ 1, "FPE_INTDIV" }, { 2, "FPE_INTOVF" }, { 3, "FPE_FLTDIV" },
	{ 4, "FPE_FLTOVF" }, { 5, "FPE_FLTUND" }, { 6, "FPE_FLTRES" },
	{ 7, "FPE_FLTINV" }, { 8, "FPE_FLTSUB" }, { 14, "FPE_FLTUNK" },
	{ 15, "FPE_CONDTRAP" },
);
TT_XLAT(tt_xlat_sicode_segv, "SEGV_???",
	{ 1, "SEGV_MAPERR" }, { 2, "SEGV_ACCERR" }, { 3, "SEGV_BNDERR" },
	{ 4, "SEGV_PKUERR" }, { 5, "SEGV_ACCADI" }, { 6, "SEGV_ADIDERR" },
	{ 7, "SEGV_ADIPERR" }, { 8, "SEGV_MTEAERR" }, { 9, "SEGV_MTESERR" },
	{ 10, "SEGV_CPERR" },
);
TT_XLAT(tt_xlat_sicode_bus, "BUS_???",
	{ 1, "BUS_ADRALN" }, { 2, "BUS_ADRERR" }, { 3, "BUS_OBJERR" },
	{ 4, "BUS_MCEERR_AR" }, { 5, "BUS_MCEERR_AO" },
);
TT_XLAT(tt_xlat_sicode_trap, "TRAP_???",
	{ 1, "TRAP_BRKPT" }, { 2, "TRAP_TRACE" }, { 3, "TRAP_BRANCH" },
	{ 4, "TRAP_HWBKPT" }, { 5, "TRAP_UNK" }, { 6, "TRAP_PERF" },
);
TT_XLAT(tt_xlat_sicode_chld, "CLD_???",
	{ 1, "CLD_EXITED" }, { 2, "CLD_KILLED" }, { 3, "CLD_DUMPED" },
	{ 4, "CLD_TRAPPED" }, { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" },
);
TT_XLAT(tt_xlat_sicode_poll, "POLL_???",
	{ 1, "POLL_IN" }, { 2, "POLL_OUT" }, { 3, "POLL_MSG" },
	{ 4, "POLL_ERR" }, { 5, "POLL_PRI" }, { 6, "POLL_HUP" },
);
TT_XLAT(tt_xlat_sicode_sys, "SYS_???",
	{ 1, "SYS_SECCOMP" }, { 2, "SYS_USER_DISPATCH" },
);

const struct tt_xlat *tt_sicode_xlat(int sig, int code)
{
	/* Kernel-generated codes (> 0, but not SI_KERNEL) mean something
	 * per signal; the rest mean the same for every signal. */
	if (code <= 0 || code == 0x80)
		return &tt_xlat_sicode_generic;
	switch (sig) {
	case SIGILL: return &tt_xlat_sicode_ill;
	case SIGFPE: return &tt_xlat_sicode_fpe;
	case SIGSEGV: return &tt_xlat_sicode_segv;
	case SIGBUS: return &tt_xlat_sicode_bus;
	case SIGTRAP: return &tt_xlat_sicode_trap;
	case SIGCHLD: return &tt_xlat_sicode_chld;
	case SIGPOLL: return &tt_xlat_sicode_poll;
	case SIGSYS: return &tt_xlat_sicode_sys;
	}
	return NULL;
}

const char *tt_sicode_name(int sig, int code)
{
	const struct tt_xlat *x = tt_sicode_xlat(sig, code);

	return x ? tt_xlat_name(x, (uint64_t)(int64_t)code) : NULL;
}
