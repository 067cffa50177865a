/* ttrace - sleep lateness.
 *
 * The exit stop comes after the kernel woke the thread, so what ttrace
 * measures includes the wake-up latency the program sees, plus the stop
 * itself.  An absolute sleep's deadline is on its own clock: ttrace reads
 * that clock at the exit stop.  A process's or thread's own CPU clock
 * (pid or tid 0 in the id) is read as the tracee's; fd clocks are not
 * measured.  A tracee in another time namespace sees MONOTONIC and
 * BOOTTIME shifted: its absolute lateness would be off by the offset.
 * A restart_syscall that resumed a wait (poll, futex) measures it
 * against the wait's own deadline, which the kernel kept: a relative one
 * from the resumed call's entry (tt_timing.since_ns), when known. */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "abi.h"
#include "lateness.h"
#include "render/render.h"
#include "tcb.h"
#include "xlat/xlat.h"

/* The clock id ttrace can read for the tracee's clock id, or 1 when it
 * cannot be read from here. */
static int clock_for(const struct tcb *tcp, int32_t id, clockid_t *out)
{
	struct tt_clockid c;

	if (id >= 0) {
		*out = id;
		return 0;
	}
	c = tt_clockid_split(id);
	if (c.kind != TC_CPU)
		return 1;	/* an fd clock, or not a clock */
	if (c.who == 0)		/* "my own": the tracee's */
		c.who = c.per_thread ? tcp->tid : tcp->pid;
	*out = tt_cpuclock_of(id, c.who);
	return 0;
}

void tt_lateness_measure(const struct tcb *tcp, struct tt_event *ev,
			 const struct tt_timestamps *now)
{
	const struct tt_timing *tm = &ev->timing;
	clockid_t clk;
	struct timespec t;
	/* A sleep that returned 0 (a wait that timed out) asked for a
	 * valid time (the kernel rejects others) no longer than it could
	 * have slept: beyond 2^33 s the entry copy was not what the kernel
	 * used (TOCTOU). */
	bool slept = tm->kind == TT_TIMING_SLEEP && ev->ret == TR_VALUE &&
		ev->rval == 0;
	bool timed_out = tm->kind == TT_TIMING_WAIT &&
		tm->outcome == TT_WAIT_TIMED_OUT;

	ev->has_lateness = false;
	if (!(slept || timed_out) || !tm->valid ||
	    tm->value.sec >= (int64_t)1 << 33)
		return;
	if (!tm->absolute) {
		if (tm->resumed && !tm->since_known)
			return;
		ev->lateness_ns = tt_ts_ns(&now->mono) - (tm->resumed ?
			tm->since_ns : tt_ts_ns(&ev->t_entry.mono)) -
			tm->value_ns;
		ev->has_lateness = true;
		return;
	}
	if (clock_for(tcp, tm->clock, &clk) || clock_gettime(clk, &t) < 0)
		return;
	ev->lateness_ns = tt_ts_ns(&t) - tm->value_ns;
	ev->has_lateness = true;
}

void tt_lateness_left(const struct tcb *tcp, struct tt_event *ev)
{
	const struct tt_timing *tm = &ev->timing;
	clockid_t clk;
	struct timespec t;
	bool arms = tm->kind == TT_TIMING_ARM;

	ev->has_left = false;
	if ((tm->kind != TT_TIMING_SLEEP && tm->kind != TT_TIMING_WAIT &&
	     !arms) || !tm->absolute || !tm->in_ns || (arms && !tm->value_ns))
		return;
	if (arms) {
		/* a timer's clock: the one it was made with, when known */
		if (!ev->has_timer_clock)
			return;
		clk = ev->timer_clock;
	} else {
		clk = tm->clock;
	}
	if (clk == CLOCK_MONOTONIC) {
		t = ev->t_entry.mono;
	} else if (clk == CLOCK_REALTIME) {
		t = ev->t_entry.real;
	} else if (clock_for(tcp, (int32_t)clk, &clk) ||
		   clock_gettime(clk, &t) < 0) {
		return;
	}
	ev->left_ns = tm->value_ns - tt_ts_ns(&t);
	ev->has_left = true;
}
