/* ttrace - the interval timers of a process (kernel/time/itimer.c):
 * setitimer, getitimer, alarm.
 *
 * setitimer reads value (NULL disarms, since Linux 4.x without a
 * warning), then writes ovalue on success; getitimer writes value on
 * success.  An i386 program passes old_itimerval32 (there is no time64
 * twin): their i386 rows are TW_32.  alarm takes and returns unsigned
 * seconds. */
#include "syscall.h"

const struct tt_signature tt_sig_setitimer = {
	.family = "setitimer",
	.classes = TT_CLASS_TIMER,
	.nargs = 3,
	.args = {
		{ "which", AT_ITIMER_WHICH, AD_VAL },
		{ "value", AT_ITIMERVAL, AD_IN },
		{ "ovalue", AT_ITIMERVAL, AD_OUT },
	},
	.arm = &(const struct tt_arm_shape){
		.flags_arg = -1, .setting_arg = 1, .which_arg = 0,
		.kind = TK_ITIMERVAL,
	},
};

const struct tt_signature tt_sig_getitimer = {
	.family = "getitimer",
	.classes = TT_CLASS_TIMER,
	.nargs = 2,
	.args = {
		{ "which", AT_ITIMER_WHICH, AD_VAL },
		{ "value", AT_ITIMERVAL, AD_OUT },
	},
};

const struct tt_signature tt_sig_alarm = {
	.family = "alarm",
	.classes = TT_CLASS_TIMER,
	.nargs = 1,
	.args = {
		{ "seconds", AT_UINT, AD_VAL },
	},
	.arm = &(const struct tt_arm_shape){
		.flags_arg = -1, .setting_arg = 0, .which_arg = -1,
		.kind = TK_SECONDS,
	},
};
