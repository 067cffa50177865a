/* ttrace - clock ids and timer flags (include/uapi/linux/time.h,
 * include/uapi/linux/timerfd.h, include/linux/posix-timers_types.h). */
#include "xlat/xlat.h"

TT_XLAT(tt_xlat_timer_flags, "TIMER_???",
	{ 1, "TIMER_ABSTIME" },
);

TT_XLAT(tt_xlat_tfd_settime_flags, "TFD_???",
	{ 1, "TFD_TIMER_ABSTIME" },
	{ 2, "TFD_TIMER_CANCEL_ON_SET" },
	/* not valid here, but strace names them as for timerfd_create */
	{ 02000000, "TFD_CLOEXEC" },
	{ 04000, "TFD_NONBLOCK" },
);

TT_XLAT(tt_xlat_clocks, "CLOCK_???",
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
);

/* The low two bits of a CPU clock id (kernel: CPUCLOCK_WHICH). */
TT_XLAT(tt_xlat_cpuclocks, "CPUCLOCK_???",
	{ 0, "CPUCLOCK_PROF" },
	{ 1, "CPUCLOCK_VIRT" },
	{ 2, "CPUCLOCK_SCHED" },
);

/* timerfd_create's flags (include/uapi/linux/timerfd.h: O_CLOEXEC,
 * O_NONBLOCK on x86). */
TT_XLAT(tt_xlat_tfd_create_flags, "TFD_???",
	{ 02000000, "TFD_CLOEXEC" },
	{ 04000, "TFD_NONBLOCK" },
);

/* setitimer/getitimer's which (include/uapi/linux/time.h). */
TT_XLAT(tt_xlat_itimer_which, "ITIMER_???",
	{ 0, "ITIMER_REAL" },
	{ 1, "ITIMER_VIRTUAL" },
	{ 2, "ITIMER_PROF" },
);

/* struct sigevent's sigev_notify (include/uapi/asm-generic/siginfo.h). */
TT_XLAT(tt_xlat_sigev_notify, "SIGEV_???",
	{ 0, "SIGEV_SIGNAL" },
	{ 1, "SIGEV_NONE" },
	{ 2, "SIGEV_THREAD" },
	{ 4, "SIGEV_THREAD_ID" },
);

/* struct timex's modes (include/uapi/linux/timex.h).  The multi-bit
 * single-shot modes come first, so that they name their bits before
 * ADJ_OFFSET does (strace's order). */
TT_XLAT(tt_xlat_adjtimex_modes, "ADJ_???",
	{ 0xa001, "ADJ_OFFSET_SS_READ" },
	{ 0x8001, "ADJ_OFFSET_SINGLESHOT" },
	{ 0x0001, "ADJ_OFFSET" },
	{ 0x0002, "ADJ_FREQUENCY" },
	{ 0x0004, "ADJ_MAXERROR" },
	{ 0x0008, "ADJ_ESTERROR" },
	{ 0x0010, "ADJ_STATUS" },
	{ 0x0020, "ADJ_TIMECONST" },
	{ 0x0080, "ADJ_TAI" },
	{ 0x0100, "ADJ_SETOFFSET" },
	{ 0x1000, "ADJ_MICRO" },
	{ 0x2000, "ADJ_NANO" },
	{ 0x4000, "ADJ_TICK" },
);

/* struct timex's status. */
TT_XLAT(tt_xlat_adjtimex_status, "STA_???",
	{ 0x0001, "STA_PLL" },
	{ 0x0002, "STA_PPSFREQ" },
	{ 0x0004, "STA_PPSTIME" },
	{ 0x0008, "STA_FLL" },
	{ 0x0010, "STA_INS" },
	{ 0x0020, "STA_DEL" },
	{ 0x0040, "STA_UNSYNC" },
	{ 0x0080, "STA_FREQHOLD" },
	{ 0x0100, "STA_PPSSIGNAL" },
	{ 0x0200, "STA_PPSJITTER" },
	{ 0x0400, "STA_PPSWANDER" },
	{ 0x0800, "STA_PPSERROR" },
	{ 0x1000, "STA_CLOCKERR" },
	{ 0x2000, "STA_NANO" },
	{ 0x4000, "STA_MODE" },
	{ 0x8000, "STA_CLK" },
);

/* What clock_adjtime returns: the clock's synchronisation state. */
TT_XLAT(tt_xlat_adjtimex_state, "TIME_???",
	{ 0, "TIME_OK" },
	{ 1, "TIME_INS" },
	{ 2, "TIME_DEL" },
	{ 3, "TIME_OOP" },
	{ 4, "TIME_WAIT" },
	{ 5, "TIME_ERROR" },
);
