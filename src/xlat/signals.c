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

struct sicode {
	int code;
	const char *name;
};

/* Codes any signal may carry; zero and below come from user space. */
static const struct sicode generic_codes[] = {
	{ 0, "SI_USER" }, { 0x80, "SI_KERNEL" }, { -1, "SI_QUEUE" },
	{ -2, "SI_TIMER" }, { -3, "SI_MESGQ" }, { -4, "SI_ASYNCIO" },
	{ -5, "SI_SIGIO" }, { -6, "SI_TKILL" }, { -7, "SI_DETHREAD" },
	{ -60, "SI_ASYNCNL" },
};
static const struct sicode ill_codes[] = {
	{ 1, "ILL_ILLOPC" }, { 2, "ILL_ILLOPN" }, { 3, "ILL_ILLADR" },
	{ 4, "ILL_ILLTRP" }, { 5, "ILL_PRVOPC" }, { 6, "ILL_PRVREG" },
	{ 7, "ILL_COPROC" }, { 8, "ILL_BADSTK" }, { 9, "ILL_BADIADDR" },
};
static const struct sicode fpe_codes[] = {
	{ 1, "FPE_INTDIV" }, { 2, "FPE_INTOVF" }, { 3, "FPE_FLTDIV" },
	{ 4, "FPE_FLTOVF" }, { 5, "FPE_FLTUND" }, { 6, "FPE_FLTRES" },
	{ 7, "FPE_FLTINV" }, { 8, "FPE_FLTSUB" }, { 14, "FPE_FLTUNK" },
	{ 15, "FPE_CONDTRAP" },
};
static const struct sicode segv_codes[] = {
	{ 1, "SEGV_MAPERR" }, { 2, "SEGV_ACCERR" }, { 3, "SEGV_BNDERR" },
	{ 4, "SEGV_PKUERR" }, { 5, "SEGV_ACCADI" }, { 6, "SEGV_ADIDERR" },
	{ 7, "SEGV_ADIPERR" }, { 8, "SEGV_MTEAERR" }, { 9, "SEGV_MTESERR" },
	{ 10, "SEGV_CPERR" },
};
static const struct sicode bus_codes[] = {
	{ 1, "BUS_ADRALN" }, { 2, "BUS_ADRERR" }, { 3, "BUS_OBJERR" },
	{ 4, "BUS_MCEERR_AR" }, { 5, "BUS_MCEERR_AO" },
};
static const struct sicode trap_codes[] = {
	{ 1, "TRAP_BRKPT" }, { 2, "TRAP_TRACE" }, { 3, "TRAP_BRANCH" },
	{ 4, "TRAP_HWBKPT" }, { 5, "TRAP_UNK" }, { 6, "TRAP_PERF" },
};
static const struct sicode chld_codes[] = {
	{ 1, "CLD_EXITED" }, { 2, "CLD_KILLED" }, { 3, "CLD_DUMPED" },
	{ 4, "CLD_TRAPPED" }, { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" },
};
static const struct sicode poll_codes[] = {
	{ 1, "POLL_IN" }, { 2, "POLL_OUT" }, { 3, "POLL_MSG" },
	{ 4, "POLL_ERR" }, { 5, "POLL_PRI" }, { 6, "POLL_HUP" },
};
static const struct sicode sys_codes[] = {
	{ 1, "SYS_SECCOMP" }, { 2, "SYS_USER_DISPATCH" },
};

#define FIND(tab, c)							\
	do {								\
		for (size_t i_ = 0; i_ < sizeof(tab) / sizeof(tab[0]); i_++) \
			if ((tab)[i_].code == (c))			\
				return (tab)[i_].name;			\
	} while (0)

const char *tt_sicode_name(int sig, int code)
{
	/* Kernel-generated codes (> 0, but not SI_KERNEL) mean something
	 * per signal; the rest mean the same for every signal. */
	if (code > 0 && code != 0x80) {
		switch (sig) {
		case SIGILL: FIND(ill_codes, code); break;
		case SIGFPE: FIND(fpe_codes, code); break;
		case SIGSEGV: FIND(segv_codes, code); break;
		case SIGBUS: FIND(bus_codes, code); break;
		case SIGTRAP: FIND(trap_codes, code); break;
		case SIGCHLD: FIND(chld_codes, code); break;
		case SIGPOLL: FIND(poll_codes, code); break;
		case SIGSYS: FIND(sys_codes, code); break;
		}
		return NULL;
	}
	FIND(generic_codes, code);
	return NULL;
}
