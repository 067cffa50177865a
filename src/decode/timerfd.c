/* ttrace - timerfd_create, and timerfd_settime and timerfd_gettime with
 * their i386 twins (fs/timerfd.c); read on a timerfd.
 *
 * timerfd_settime copies utmr before it looks at anything else, and
 * writes otmr only on success; timerfd_gettime writes otmr on success.
 * A read of a timerfd (timerfd_read) needs 8 bytes or fails with EINVAL,
 * and returns 8 with the number of expirations since the last read, as a
 * u64, written; reads of other files are let through unprinted.  read
 * is traced only when named (-e trace=read, or all). */
#include "decode/decode.h"

const struct tt_signature tt_sig_timerfd_settime = {
	.family = "timerfd_settime",
	.classes = TT_CLASS_TIMER,
	.nargs = 4,
	.args = {
		{ "ufd", AT_TIMERFD, AD_VAL },
		{ "flags", AT_TFD_SETTIME_FLAGS, AD_VAL },
		{ "utmr", AT_ITIMERSPEC, AD_IN },
		{ "otmr", AT_ITIMERSPEC, AD_OUT },
	},
	.arm = &(const struct tt_arm_shape){
		.flags_arg = 1, .setting_arg = 2, .which_arg = -1,
		.kind = TK_ITIMERSPEC,
		.abstime = 1,	/* TFD_TIMER_ABSTIME */
	},
	.learns = TL_SETTIME,
};

const struct tt_signature tt_sig_timerfd_create = {
	.family = "timerfd_create",
	.classes = TT_CLASS_TIMER,
	.nargs = 2,
	.args = {
		{ "clockid", AT_CLOCKID, AD_VAL },
		{ "flags", AT_TFD_CREATE_FLAGS, AD_VAL },
	},
	.learns = TL_TIMERFD_CREATE,
	.ret_fd = true,
};

const struct tt_signature tt_sig_timerfd_gettime = {
	.family = "timerfd_gettime",
	.classes = TT_CLASS_TIMER,
	.nargs = 2,
	.args = {
		{ "ufd", AT_TIMERFD, AD_VAL },
		{ "otmr", AT_ITIMERSPEC, AD_OUT },
	},
};

static bool ticks_written(const struct tt_event *ev, unsigned i)
{
	(void)i;
	return ev->ret == TR_VALUE && ev->rval == 8;
}

/* Not in %timer, nor traced by default: a seccomp filter cannot tell a
 * timerfd from another file, so tracing read stops every read. */
const struct tt_signature tt_sig_read = {
	.family = "read",
	.nargs = 3,
	.args = {
		{ "fd", AT_TIMERFD, AD_VAL },
		{ "buf", AT_TFD_TICKS, AD_OUT },
		{ "count", AT_SIZE, AD_VAL },
	},
	.output_written = ticks_written,
	.only_on_timerfd = true,
};
