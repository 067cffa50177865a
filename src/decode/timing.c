/* ttrace - what a call means for time (struct tt_timing), decoded once.
 *
 * Lateness, profiles, the timeline, what ttrace knows of each timer and
 * the timerfd check all reason about the same few facts: is this a sleep,
 * a timer armed, a timer created or deleted; on which clock; relative or
 * absolute; for how long and how often; about which timer or fd.  They
 * are worked out here, from the signature's shapes and the bytes read at
 * entry, and nowhere else.
 *
 * The settings, as the kernel reads them:
 *   a timespec (sleeps, itimerspec halves): tv_sec, tv_nsec of the row's
 *     width; a compat task's time64 tv_nsec is its low half only;
 *   an itimerspec: it_interval then it_value;
 *   an itimerval (setitimer): the same with timevals, whose microseconds
 *     the kernel keeps whole (no padding rule);
 *   alarm: seconds by value, ITIMER_REAL, no interval
 *     (kernel/time/itimer.c, alarm_setitimer).
 */
#include <time.h>

#include "decode/decode.h"
#include "xlat/xlat.h"

/* The ITIMER_REAL that alarm arms. */
#define ITIMER_REAL 0
#define TFD_CLOEXEC 02000000

/* Seconds and a fraction in unit ns (1: tv_nsec; 1000: tv_usec) to ns;
 * false when it does not fit in 64-bit nanoseconds. */
static bool tt_time_ns(const uint8_t *b, struct tt_time_layout lay, int64_t unit,
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

static int arg_of(const struct tt_signature *sig, enum tt_argtype type)
{
	for (unsigned i = 0; i < sig->nargs; i++)
		if (sig->args[i].type == type)
			return (int)i;
	return -1;
}

static int32_t int_arg(const struct tt_event *ev, int i)
{
	return i >= 0 ? (int32_t)(uint32_t)ev->raw[i] : 0;
}

/* One time at b (unit: 1 for a timespec, 1000 for a timeval) into kt
 * and ns; *in_ns false when it does not fit. */
static void one_time(const uint8_t *b, struct tt_time_layout lay,
		     int64_t unit, struct tt_ktime *kt, int64_t *ns,
		     bool *in_ns)
{
	uint32_t pad;

	tt_timespec_values(b, lay, &kt->sec, &kt->frac, &pad);
	if (!tt_time_ns(b, lay, unit, ns))
		*in_ns = false;
}

static void sleep_request(struct tt_event *ev, const struct tt_sleep_shape *sh)
{
	struct tt_timing *tm = &ev->timing;
	const uint8_t *b = ev->mem[sh->request_arg].bytes;

	tm->kind = TT_TIMING_SLEEP;
	/* nanosleep has no clock argument: CLOCK_MONOTONIC; no flags:
	 * relative */
	tm->clock_from = TT_CLOCK_ID;
	tm->clock = sh->clock_arg >= 0 ? int_arg(ev, sh->clock_arg) :
		CLOCK_MONOTONIC;
	tm->flags = sh->flags_arg >= 0 ? (uint32_t)ev->raw[sh->flags_arg] : 0;
	tm->absolute = (tm->flags & sh->abstime) != 0;
	if (!ev->mem[sh->request_arg].ok)
		return;
	tm->has_value = tm->in_ns = true;
	one_time(b, tt_layout_of(ev), 1, &tm->value, &tm->value_ns, &tm->in_ns);
	/* What the kernel takes: no negative time, tv_nsec below a second */
	tm->valid = tm->in_ns && tm->value.sec >= 0 &&
		tm->value.frac < 1000000000;
}

static void arm_request(struct tt_event *ev, const struct tt_arm_shape *arm)
{
	struct tt_timing *tm = &ev->timing;
	struct tt_time_layout lay = tt_layout_of(ev);
	int64_t unit = 1;
	unsigned half;
	const uint8_t *b;

	tm->kind = TT_TIMING_ARM;
	tm->flags = arm->flags_arg >= 0 ? (uint32_t)ev->raw[arm->flags_arg] : 0;
	tm->absolute = (tm->flags & arm->abstime) != 0;
	if (arm->which_arg >= 0) {
		tm->clock_from = TT_CLOCK_ITIMER;
		tm->clock = int_arg(ev, arm->which_arg);
	} else if (arm->kind == TK_SECONDS) {
		tm->clock_from = TT_CLOCK_ITIMER;
		tm->clock = ITIMER_REAL;
	} else {
		tm->clock_from = TT_CLOCK_OF_TIMER;
	}
	switch (arm->kind) {
	case TK_SECONDS:
		tm->has_value = tm->in_ns = tm->valid = true;
		tm->value.sec = (uint32_t)ev->raw[arm->setting_arg];
		tm->value_ns = tm->value.sec * 1000000000;
		return;
	case TK_ITIMERVAL:
		lay.compat_nsec = false;
		unit = 1000;
		break;
	default:
		break;
	}
	if (!ev->mem[arm->setting_arg].ok)
		return;
	b = ev->mem[arm->setting_arg].bytes;
	half = tt_arg_size(AT_TIMESPEC, lay.width, lay.ptr_size);
	tm->has_value = tm->in_ns = true;
	one_time(b, lay, unit, &tm->interval, &tm->interval_ns, &tm->in_ns);
	one_time(b + half, lay, unit, &tm->value, &tm->value_ns, &tm->in_ns);
	tm->valid = tm->in_ns && tm->value.sec >= 0 && tm->interval.sec >= 0 &&
		tm->value.frac < 1000000000 / (uint64_t)unit &&
		tm->interval.frac < 1000000000 / (uint64_t)unit;
}

/* A wait's timeout, when it has one: its op (futex) takes one and the
 * register is not "none" (NULL, a negative number of ms). */
static bool op_waits(const struct tt_wait_shape *w, const uint64_t *raw)
{
	uint32_t op;

	if (w->op_arg < 0)
		return true;
	op = (uint32_t)raw[w->op_arg] & w->op_mask;
	return op < 32 && (w->timed_ops >> op & 1);
}

bool tt_wait_op(const struct tt_signature *sig, const uint64_t *raw)
{
	return sig->wait && sig->wait->op_arg >= 0 && op_waits(sig->wait, raw);
}

bool tt_wait_timed(const struct tt_signature *sig, const uint64_t *raw)
{
	const struct tt_wait_shape *w = sig->wait;
	uint64_t tmo;

	if (!w || !op_waits(w, raw))
		return false;
	tmo = raw[w->timeout_arg];
	if (w->timeout == TT_TMO_MS)
		return (int32_t)(uint32_t)tmo >= 0;
	return tmo != 0;
}

static void wait_request(struct tt_event *ev, const struct tt_wait_shape *w)
{
	struct tt_timing *tm = &ev->timing;
	const struct tt_mem *m = &ev->mem[w->timeout_arg];
	struct tt_time_layout lay = tt_layout_of(ev);
	int64_t unit = 1;

	if (!op_waits(w, ev->raw))
		return;			/* an op that does not wait */
	tm->kind = TT_TIMING_WAIT;
	tm->clock_from = TT_CLOCK_ID;
	tm->clock = w->clock;
	if (!tt_wait_timed(ev->sc->sig, ev->raw))
		return;			/* waits as long as it takes */
	if (w->timeout == TT_TMO_MS) {
		int32_t ms = (int32_t)(uint32_t)ev->raw[w->timeout_arg];

		tm->has_value = tm->in_ns = tm->valid = true;
		tm->value.sec = ms / 1000;
		tm->value.frac = (uint64_t)(ms % 1000) * 1000000;
		tm->value_ns = (int64_t)ms * 1000000;
	} else if (m->ok) {
		if (w->timeout == TT_TMO_TIMEVAL) {
			lay.compat_nsec = false;
			unit = 1000;
		}
		tm->has_value = tm->in_ns = true;
		one_time(m->bytes, lay, unit, &tm->value, &tm->value_ns,
			 &tm->in_ns);
		tm->valid = tm->in_ns && tm->value.sec >= 0 &&
			tm->value.frac < 1000000000 / (uint64_t)unit;
	}
	if (w->refine)
		w->refine(ev);
}

/* How a wait ended, by its shape's rule. */
static void wait_outcome(struct tt_event *ev, const struct tt_wait_shape *w)
{
	struct tt_timing *tm = &ev->timing;
	bool timed_out;

	switch (ev->ret) {
	case TR_ERROR:
		if (ev->err == 4 /* EINTR */ || tt_errno_is_restart(ev->err))
			tm->outcome = TT_WAIT_INTERRUPTED;
		/* without a timeout, a semtimedop's EAGAIN is IPC_NOWAIT's */
		else if (tm->has_value &&
			 ((w->timed_out == TT_TO_ETIMEDOUT && ev->err == 110) ||
			  (w->timed_out == TT_TO_EAGAIN && ev->err == 11)))
			tm->outcome = TT_WAIT_TIMED_OUT;
		else
			tm->outcome = TT_WAIT_FAILED;
		return;
	case TR_VALUE:
		timed_out = (w->timed_out == TT_TO_ZERO && ev->rval == 0) ||
			(w->timed_out == TT_TO_BELOW_MIN &&
			 ev->rval < (int64_t)int_arg(ev, w->min_arg));
		tm->outcome = timed_out && tm->has_value ? TT_WAIT_TIMED_OUT :
			TT_WAIT_READY;
		return;
	default:
		return;
	}
}

/* The POSIX timer or timerfd a call names by value. */
static void timer_named(struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;
	struct tt_timing *tm = &ev->timing;
	int a;

	if ((a = arg_of(sig, AT_TIMERID)) >= 0)
		tm->timer_kind = TT_TIMER_POSIX;
	else if ((a = arg_of(sig, AT_TIMERFD)) >= 0)
		tm->timer_kind = TT_TIMER_FD;
	else
		return;
	tm->has_timer = true;
	tm->timer_arg = (int8_t)a;
	tm->timer = int_arg(ev, a);
}

static void create_request(struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;
	struct tt_timing *tm = &ev->timing;
	int sev = arg_of(sig, AT_SIGEVENT);

	tm->kind = TT_TIMING_CREATE;
	tm->clock_from = TT_CLOCK_ID;
	tm->clock = int_arg(ev, arg_of(sig, AT_CLOCKID));
	if (sig->learns == TL_TIMERFD_CREATE) {
		tm->timer_kind = TT_TIMER_FD;
		tm->flags = (uint32_t)int_arg(ev, arg_of(sig, AT_TFD_CREATE_FLAGS));
		tm->cloexec = (tm->flags & TFD_CLOEXEC) != 0;
		return;
	}
	tm->timer_kind = TT_TIMER_POSIX;
	if (sev < 0)
		return;
	tm->notify_known = true;
	if (!ev->raw[sev]) {
		/* NULL: SIGEV_SIGNAL, SIGALRM, the id as value (at exit) */
		tm->signo = 14;
		tm->default_sigevent = true;
	} else if (ev->mem[sev].ok) {
		struct tt_sigevent_head h =
			tt_sigevent_head(ev->mem[sev].bytes,
					 tt_layout_of(ev).ptr_size);

		tm->sival = h.sival;
		tm->signo = h.signo;
		tm->notify = h.notify;
	} else {
		tm->notify_known = false;
	}
}

void tt_timing_entry(struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;

	ev->timing = (struct tt_timing){ .kind = TT_TIMING_NONE,
					 .timer_arg = -1 };
	timer_named(ev);
	if (sig->sleep)
		sleep_request(ev, sig->sleep);
	else if (sig->arm)
		arm_request(ev, sig->arm);
	else if (sig->wait)
		wait_request(ev, sig->wait);
	else if (sig->learns == TL_TIMER_CREATE ||
		 sig->learns == TL_TIMERFD_CREATE)
		create_request(ev);
	else if (sig->learns == TL_TIMER_DELETE)
		ev->timing.kind = TT_TIMING_DELETE;
}

void tt_timing_resume(struct tt_event *ev, const struct tt_event *orig,
		      const struct tt_timestamps *orig_entry)
{
	struct tt_timing *tm = &ev->timing;

	if (orig->timing.kind != TT_TIMING_WAIT || !orig->sc->sig->wait)
		return;
	*tm = orig->timing;
	tm->outcome = TT_WAIT_PENDING;
	tm->resumed = true;
	tm->since_known = orig_entry != NULL;
	tm->since_ns = orig_entry ? tt_ts_ns(&orig_entry->mono) : 0;
}

void tt_timing_exit(struct tt_event *ev)
{
	struct tt_timing *tm = &ev->timing;
	/* A restart_syscall ends the wait it resumes, by that wait's rule
	 * (poll's and futex's need none of its arguments). */
	const struct tt_syscall *sc = tm->resumed ? ev->resumes : ev->sc;
	int out;

	if (tm->kind == TT_TIMING_WAIT && sc && sc->sig->wait)
		wait_outcome(ev, sc->sig->wait);
	if (tm->kind != TT_TIMING_CREATE || ev->ret != TR_VALUE)
		return;
	if (tm->timer_kind == TT_TIMER_FD) {
		tm->has_timer = true;
		tm->timer = (int32_t)ev->rval;
		return;
	}
	out = arg_of(ev->sc->sig, AT_TIMERID_PTR);
	if (out < 0 || !ev->mem[out].ok)
		return;
	tm->has_timer = true;
	tm->timer = (int32_t)tt_get_s(ev->mem[out].bytes, 4);
	if (tm->default_sigevent)
		tm->sival = (uint64_t)tm->timer;
}
