/* ttrace - timerfd_settime and its i386 twins (fs/timerfd.c).
 *
 * The kernel copies utmr before it looks at anything else, and writes otmr
 * only on success. */
#include "syscall.h"

const struct tt_signature tt_sig_timerfd_settime = {
	.family = "timerfd_settime",
	.nargs = 4,
	.args = {
		{ "ufd", AT_FD, AD_VAL },
		{ "flags", AT_TFD_SETTIME_FLAGS, AD_VAL },
		{ "utmr", AT_ITIMERSPEC, AD_IN },
		{ "otmr", AT_ITIMERSPEC, AD_OUT },
	},
	.arm = &(const struct tt_arm_shape){
		.flags_arg = 1, .setting_arg = 2,
		.abstime = 1,	/* TFD_TIMER_ABSTIME */
	},
};
