/* ttrace - POSIX timers (kernel/time/posix-timers.c): timer_create,
 * timer_settime and timer_gettime with their i386 twins,
 * timer_getoverrun, timer_delete.
 *
 * timer_settime copies new_value in, checks it, looks the timer up, and
 * copies old_value out only when all that succeeded; timer_gettime and
 * timer_create write their output last, on success (a fault there is the
 * call's EFAULT): outputs are decoded on success only (the default).
 * timer_create copies the whole sigevent (64 bytes) before it looks at
 * the clock. */
#include "syscall.h"

const struct tt_signature tt_sig_timer_settime = {
	.family = "timer_settime",
	.classes = TT_CLASS_TIMER,
	.nargs = 4,
	.args = {
		{ "timer_id", AT_TIMERID, AD_VAL },
		{ "flags", AT_TIMER_FLAGS, AD_VAL },
		{ "new_setting", AT_ITIMERSPEC, AD_IN },
		{ "old_setting", AT_ITIMERSPEC, AD_OUT },
	},
	.arm = &(const struct tt_arm_shape){
		.flags_arg = 1, .setting_arg = 2, .which_arg = -1,
		.kind = TK_ITIMERSPEC,
		.abstime = 1,	/* TIMER_ABSTIME */
	},
	.learns = TL_SETTIME,
};

const struct tt_signature tt_sig_timer_create = {
	.family = "timer_create",
	.classes = TT_CLASS_TIMER,
	.nargs = 3,
	.args = {
		{ "which_clock", AT_CLOCKID, AD_VAL },
		{ "timer_event_spec", AT_SIGEVENT, AD_IN },
		{ "created_timer_id", AT_TIMERID_PTR, AD_OUT },
	},
	.learns = TL_TIMER_CREATE,
};

const struct tt_signature tt_sig_timer_gettime = {
	.family = "timer_gettime",
	.classes = TT_CLASS_TIMER,
	.nargs = 2,
	.args = {
		{ "timer_id", AT_TIMERID, AD_VAL },
		{ "setting", AT_ITIMERSPEC, AD_OUT },
	},
};

const struct tt_signature tt_sig_timer_getoverrun = {
	.family = "timer_getoverrun",
	.classes = TT_CLASS_TIMER,
	.nargs = 1,
	.args = {
		{ "timer_id", AT_TIMERID, AD_VAL },
	},
};

const struct tt_signature tt_sig_timer_delete = {
	.family = "timer_delete",
	.classes = TT_CLASS_TIMER,
	.nargs = 1,
	.args = {
		{ "timer_id", AT_TIMERID, AD_VAL },
	},
	.learns = TL_TIMER_DELETE,
};
