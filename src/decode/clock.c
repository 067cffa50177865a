/* ttrace - the clock calls (kernel/time/posix-timers.c): clock_gettime,
 * clock_settime, clock_getres and clock_adjtime, with their i386 twins.
 *
 * clock_gettime and clock_getres write tp last, on success (clock_getres
 * accepts a NULL tp).  clock_adjtime copies the whole timex in, adjusts
 * (or only reads) the clock, and copies it back when the result is not
 * an error: it returns the clock's state (TIME_OK ...), which strace
 * names.  strace shows the timex only as written back, so it is an
 * in-out argument: read at entry for the TOCTOU check, shown at exit. */
#include "syscall.h"
#include "xlat/xlat.h"

const struct tt_signature tt_sig_clock_gettime = {
	.family = "clock_gettime",
	.classes = TT_CLASS_TIMER | TT_CLASS_CLOCK,
	.nargs = 2,
	.args = {
		{ "which_clock", AT_CLOCKID, AD_VAL },
		{ "tp", AT_TIMESPEC, AD_OUT },
	},
};

const struct tt_signature tt_sig_clock_settime = {
	.family = "clock_settime",
	.classes = TT_CLASS_TIMER | TT_CLASS_CLOCK,
	.nargs = 2,
	.args = {
		{ "which_clock", AT_CLOCKID, AD_VAL },
		{ "tp", AT_TIMESPEC, AD_IN },
	},
};

const struct tt_signature tt_sig_clock_getres = {
	.family = "clock_getres",
	.classes = TT_CLASS_TIMER | TT_CLASS_CLOCK,
	.nargs = 2,
	.args = {
		{ "which_clock", AT_CLOCKID, AD_VAL },
		{ "tp", AT_TIMESPEC, AD_OUT },
	},
};

const struct tt_signature tt_sig_clock_adjtime = {
	.family = "clock_adjtime",
	.classes = TT_CLASS_TIMER | TT_CLASS_CLOCK,
	.nargs = 2,
	.args = {
		{ "which_clock", AT_CLOCKID, AD_VAL },
		{ "utx", AT_TIMEX, AD_INOUT },
	},
	.ret_names = &tt_xlat_adjtimex_state,
};

/* clock_adjtime of CLOCK_REALTIME, the older entry point that NTP and
 * chrony daemons call at every clock update. */
const struct tt_signature tt_sig_adjtimex = {
	.family = "adjtimex",
	.classes = TT_CLASS_TIMER | TT_CLASS_CLOCK,
	.nargs = 1,
	.args = {
		{ "txc_p", AT_TIMEX, AD_INOUT },
	},
	.ret_names = &tt_xlat_adjtimex_state,
};
