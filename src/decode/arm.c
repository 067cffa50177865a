/* ttrace - what a call that arms a timer asked for, in nanoseconds, for
 * the profiles and the timeline (its signature's tt_arm_shape).
 *
 * An itimerspec is it_interval then it_value, each a timespec of the
 * row's width; an itimerval the same with timevals (microseconds, and
 * the kernel keeps a timeval's fields whole: no tv_nsec padding rule);
 * alarm's seconds are an unsigned int by value and arm ITIMER_REAL with
 * no interval (kernel/time/itimer.c, alarm_setitimer). */
#include "decode/decode.h"

bool tt_time_ns(const uint8_t *b, struct tt_time_layout lay, int64_t unit,
		int64_t *ns)
{
	int64_t sec, frac_ns;
	uint64_t frac;
	uint32_t pad;

	tt_timespec_values(b, lay, &sec, &frac, &pad);
	return frac <= INT64_MAX / unit &&
		!__builtin_mul_overflow(sec, 1000000000, ns) &&
		!__builtin_mul_overflow((int64_t)frac, unit, &frac_ns) &&
		!__builtin_add_overflow(*ns, frac_ns, ns);
}

/* The pair at bytes: interval first, then value. */
/* The pair at bytes: interval first, then value. */
static bool pair(const uint8_t *bytes, struct tt_time_layout lay,
		 int64_t unit, int64_t *value, int64_t *interval)
{
	unsigned half = tt_arg_size(AT_TIMESPEC, lay.width, lay.ptr_size);

	return tt_time_ns(bytes, lay, unit, interval) &&
		tt_time_ns(bytes + half, lay, unit, value);
}

bool tt_arm_request(const struct tt_event *ev, int64_t *value,
		    int64_t *interval, bool *absolute)
{
	const struct tt_arm_shape *arm = ev->sc->sig->arm;
	struct tt_time_layout lay = tt_layout_of(ev);

	if (!arm)
		return false;
	*absolute = arm->flags_arg >= 0 &&
		((uint32_t)ev->raw[arm->flags_arg] & arm->abstime);
	switch (arm->kind) {
	case TK_SECONDS:
		*interval = 0;
		*value = (int64_t)(uint32_t)ev->raw[arm->setting_arg] * 1000000000;
		return true;
	case TK_ITIMERVAL:
		lay.compat_nsec = false;
		return ev->mem[arm->setting_arg].ok &&
			pair(ev->mem[arm->setting_arg].bytes, lay, 1000, value,
			     interval);
	default:
		return ev->mem[arm->setting_arg].ok &&
			pair(ev->mem[arm->setting_arg].bytes, lay, 1, value,
			     interval);
	}
}
