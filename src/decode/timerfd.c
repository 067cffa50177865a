/* ttrace - timerfd_create, and timerfd_settime and timerfd_gettime with
 * their i386 twins (fs/timerfd.c).
 *
 * timerfd_settime copies utmr before it looks at anything else, and
 * writes otmr only on success; timerfd_gettime writes otmr on success. */
#include "syscall.h"

const struct tt_signature tt_sig_timerfd_settime = {
	.family = "timerfd_settime",
	.classes = TT_CLASS_TIMER,
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

const struct tt_signature tt_sig_timerfd_create = {
	.family = "timerfd_create",
	.classes = TT_CLASS_TIMER,
	.nargs = 2,
	.args = {
		{ "clockid", AT_CLOCKID, AD_VAL },
		{ "flags", AT_TFD_CREATE_FLAGS, AD_VAL },
	},
};

const struct tt_signature tt_sig_timerfd_gettime = {
	.family = "timerfd_gettime",
	.classes = TT_CLASS_TIMER,
	.nargs = 2,
	.args = {
		{ "ufd", AT_FD, AD_VAL },
		{ "otmr", AT_ITIMERSPEC, AD_OUT },
	},
};
