/* ttrace - poll and ppoll (i386: poll, ppoll, ppoll_time64).
 *
 * Both wait on CLOCK_MONOTONIC: poll for an int of milliseconds (< 0:
 * forever), ppoll for a timespec (NULL: forever).  The kernel writes each
 * pollfd's revents back, and ppoll the time left into *tmo_p, on success
 * and when a signal interrupts (fs/select.c, do_sys_poll and
 * poll_select_finish); strace shows the revents that are not 0, and the
 * time left, after the return value: "= 1 ([{fd=3, revents=POLLIN}],
 * left {...})", and "= 0 (Timeout)".  Interrupted with no handler run,
 * poll returns ERESTART_RESTARTBLOCK (even without a timeout) and resumes
 * through restart_syscall, its deadline kept; ppoll returns
 * ERESTARTNOHAND and is run again with the time left.  ppoll's sigmask is
 * shown as strace shows it, only for a sigsetsize the kernel could take
 * (tt_sigset_sized): ppoll([...], 1, NULL, 0x7ffe1191cba8, 7). */
#include <time.h>

#include "decode/decode.h"
#include "xlat/xlat.h"

#define POLLFD_SIZE 8	/* int fd; short events; short revents */

/* One pollfd at entry: strace leaves out the events of a negative fd,
 * which the kernel skips. */
static void read_pollfd(struct tt_event *ev, int node, const uint8_t *b,
			struct tt_time_layout lay)
{
	int fd, events;

	(void)lay;
	if (node == TT_NO_VALUE)
		return;
	fd = tt_value_add(ev, node, "fd", TV_FD);
	if (fd == TT_NO_VALUE)
		return;
	ev->v[fd].s = tt_get_s(b, 4);
	if (ev->v[fd].s < 0)
		return;
	events = tt_value_add(ev, node, "events", TV_FLAGS);
	if (events == TT_NO_VALUE)
		return;
	ev->v[events].u = (uint16_t)tt_get_u(b + 4, 4);
	ev->v[events].xlat = &tt_xlat_poll_events;
}

void tt_read_pollfds(struct tt_event *ev, int node, const uint8_t *b,
		     struct tt_time_layout lay)
{
	tt_read_elems(ev, node, b, lay, POLLFD_SIZE, read_pollfd);
}

/* The kernel writes revents and the time left back even when a signal
 * interrupts the wait. */
bool tt_wait_written_back(const struct tt_event *ev, unsigned i)
{
	(void)i;
	return ev->ret == TR_VALUE ||
	       (ev->ret == TR_ERROR &&
		(ev->err == 4 /* EINTR */ || tt_errno_is_restart(ev->err)));
}

/* "[{fd=3, revents=POLLIN}], left {...}": the pollfds with revents, from
 * what the kernel wrote back. */
static void poll_result(struct tt_event *ev)
{
	const struct tt_mem *m = &ev->back[0];
	unsigned shown = 0;
	int arr;

	if (ev->rval == 0)
		return;		/* "(Timeout)" */
	if (ev->raw[0] && m->ok && m->len) {
		arr = tt_result_item(ev, "revents", TV_ARRAY, false);
		if (arr == TT_NO_VALUE)
			return;
		tt_array_begin(ev, arr, ev->raw[0]);
		for (unsigned k = 0; k + POLLFD_SIZE <= m->len; k += POLLFD_SIZE) {
			uint16_t revents = (uint16_t)(tt_get_u(m->bytes + k + 4, 4) >> 16);
			int el, fd, re;

			if (!revents)
				continue;
			if (!tt_array_room(ev, arr, shown++, 0))
				break;
			el = tt_value_add(ev, arr, NULL, TV_STRUCT);
			fd = tt_value_add(ev, el, "fd", TV_INT);
			re = tt_value_add(ev, el, "revents", TV_FLAGS);
			if (fd == TT_NO_VALUE || re == TT_NO_VALUE)
				return;
			ev->v[fd].s = tt_get_s(m->bytes + k, 4);
			ev->v[re].u = revents;
			ev->v[re].xlat = &tt_xlat_poll_events;
		}
		if (!shown)	/* nothing to show: no "[]" */
			ev->v[ev->result].child = TT_NO_VALUE;
	}
	if (ev->sc->sig->args[2].dir == AD_INWB)	/* ppoll's tsp */
		tt_result_left(ev, 2);
}

const struct tt_signature tt_sig_poll = {
	.family = "poll",
	.classes = TT_CLASS_WAIT,
	.nargs = 3,
	.args = {
		{ "ufds", AT_POLLFDS, AD_INWB, TT_COUNT_ARG(1) },
		{ "nfds", AT_UINT, AD_VAL },
		{ "timeout_msecs", AT_INT, AD_VAL },
	},
	.output_written = tt_wait_written_back,
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 2, .timeout = TT_TMO_MS, .timed_out = TT_TO_ZERO,
		.clock = CLOCK_MONOTONIC, .op_arg = -1,
	},
	.ret_names = &tt_xlat_timeout_ret,
	.result = poll_result,
};

/* ppoll's sigmask, sized by sigsetsize. */
static void ppoll_entry(struct tt_event *ev)
{
	tt_sigset_sized(ev, 3, 4);
}

const struct tt_signature tt_sig_ppoll = {
	.family = "ppoll",
	.classes = TT_CLASS_WAIT,
	.nargs = 5,
	.args = {
		{ "ufds", AT_POLLFDS, AD_INWB, TT_COUNT_ARG(1) },
		{ "nfds", AT_UINT, AD_VAL },
		{ "tsp", AT_TIMESPEC, AD_INWB },
		{ "sigmask", AT_SIGSET, AD_IN },
		{ "sigsetsize", AT_SIZE, AD_VAL },
	},
	.output_written = tt_wait_written_back,
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 2, .timeout = TT_TMO_TIMESPEC,
		.timed_out = TT_TO_ZERO, .clock = CLOCK_MONOTONIC, .op_arg = -1,
	},
	.decode_entry = ppoll_entry,
	.ret_names = &tt_xlat_timeout_ret,
	.result = poll_result,
};
