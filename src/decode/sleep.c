/* ttrace - clock_nanosleep and nanosleep with their i386 twins;
 * restart_syscall.
 *
 * A relative sleep (TIMER_ABSTIME clear; nanosleep always) interrupted by
 * a signal writes the time left to rmtp and returns
 * -ERESTART_RESTARTBLOCK (-EINTR once a handler runs); the kernel writes
 * rmtp whenever the flag is clear, so ttrace decodes it then (strace only
 * when flags is exactly 0).  An absolute sleep never writes rmtp.
 * nanosleep sleeps on CLOCK_MONOTONIC (kernel/time/hrtimer.c). */
#include "decode/decode.h"
#include "xlat/xlat.h"

#define TIMER_ABSTIME 1

static bool sleep_remain_written(const struct tt_event *ev, unsigned i)
{
	const struct tt_sleep_shape *sh = ev->sc->sig->sleep;

	(void)i;
	if (ev->ret != TR_ERROR)
		return false;
	if (ev->err != TT_ERESTART_RESTARTBLOCK && ev->err != 4 /* EINTR */)
		return false;
	return sh->flags_arg < 0 ||
	       !((uint32_t)ev->raw[sh->flags_arg] & sh->abstime);
}

const struct tt_signature tt_sig_clock_nanosleep = {
	.family = "clock_nanosleep",
	.classes = TT_CLASS_TIMER | TT_CLASS_SLEEP,
	.nargs = 4,
	.args = {
		{ "which_clock", AT_CLOCKID, AD_VAL },
		{ "flags", AT_TIMER_FLAGS, AD_VAL },
		{ "rqtp", AT_TIMESPEC, AD_IN },
		{ "rmtp", AT_TIMESPEC, AD_OUT },
	},
	.output_written = sleep_remain_written,
	.sleep = &(const struct tt_sleep_shape){
		.clock_arg = 0, .flags_arg = 1, .request_arg = 2,
		.abstime = TIMER_ABSTIME,
	},
};

const struct tt_signature tt_sig_nanosleep = {
	.family = "nanosleep",
	.classes = TT_CLASS_TIMER | TT_CLASS_SLEEP,
	.nargs = 2,
	.args = {
		{ "rqtp", AT_TIMESPEC, AD_IN },
		{ "rmtp", AT_TIMESPEC, AD_OUT },
	},
	.output_written = sleep_remain_written,
	.sleep = &(const struct tt_sleep_shape){
		.clock_arg = -1, .flags_arg = -1, .request_arg = 0,
	},
};

/* restart_syscall takes no arguments: the kernel resumes the call saved in
 * the thread's restart_block.  ttrace remembers, per thread, which call was
 * interrupted and shows it as "<... resuming interrupted NAME ...>".  It
 * resumes sleeps above all, so %sleep selects it too. */
const struct tt_signature tt_sig_restart_syscall = {
	.family = "restart_syscall",
	.classes = TT_CLASS_TIMER | TT_CLASS_SLEEP,
	.nargs = 0,
};
