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
