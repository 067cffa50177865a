/* ttrace - POSIX timers: timer_settime and its i386 twins.
 *
 * The kernel (kernel/time/posix-timers.c) copies new_value in, checks it,
 * looks the timer up, and copies old_value out only when all that
 * succeeded; so old_value is decoded on success only (the default). */
#include "syscall.h"

const struct tt_signature tt_sig_timer_settime = {
	.family = "timer_settime",
	.nargs = 4,
	.args = {
		{ "timer_id", AT_TIMERID, AD_VAL },
		{ "flags", AT_TIMER_FLAGS, AD_VAL },
		{ "new_setting", AT_ITIMERSPEC, AD_IN },
		{ "old_setting", AT_ITIMERSPEC, AD_OUT },
	},
	.arm = &(const struct tt_arm_shape){
		.flags_arg = 1, .setting_arg = 2,
		.abstime = 1,	/* TIMER_ABSTIME */
	},
};
