/* ttrace - sleep lateness.
 *
 * The exit stop comes after the kernel woke the thread, so what ttrace
 * measures includes the wake-up latency the program sees, plus the stop
 * itself.  An absolute sleep's deadline is on its own clock: ttrace reads
 * that clock at the exit stop.  A process's or thread's own CPU clock
 * (pid or tid 0 in the id) is read as the tracee's; fd clocks are not
 * measured.  A tracee in another time namespace sees MONOTONIC and
 * BOOTTIME shifted: its absolute lateness would be off by the offset. */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "abi.h"
#include "decode/decode.h"
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
	const struct tt_sleep_shape *sh = ev->sc->sig->sleep;
	int64_t sec;
	uint64_t nsec;
	uint32_t pad;
	clockid_t clk;
	struct timespec t;

	ev->has_lateness = false;
	if (!sh || ev->ret != TR_VALUE || ev->rval != 0 ||
	    !ev->mem[sh->request_arg].ok)
		return;
	tt_timespec_values(ev->mem[sh->request_arg].bytes, tt_layout_of(ev),
			   &sec, &nsec, &pad);
	/* A sleep that returned 0 asked for a valid time (the kernel
	 * rejects others) no longer than it could have slept: beyond 2^33 s
	 * the entry copy was not what the kernel used (TOCTOU). */
	if (sec < 0 || sec >= (int64_t)1 << 33 || nsec >= 1000000000)
		return;
	ev->requested_ns = sec * 1000000000 + (int64_t)nsec;
	ev->sleep_clock = sh->clock_arg >= 0 ?
		(int32_t)(uint32_t)ev->raw[sh->clock_arg] : CLOCK_MONOTONIC;
	ev->absolute = sh->flags_arg >= 0 &&
		((uint32_t)ev->raw[sh->flags_arg] & sh->abstime);
	if (!ev->absolute) {
		ev->lateness_ns = tt_ts_ns(&now->mono) - tt_ts_ns(&ev->t_entry.mono) -
				  ev->requested_ns;
		ev->has_lateness = true;
		return;
	}
	if (clock_for(tcp, ev->sleep_clock, &clk) || clock_gettime(clk, &t) < 0)
		return;
	ev->lateness_ns = tt_ts_ns(&t) - ev->requested_ns;
	ev->has_lateness = true;
}
