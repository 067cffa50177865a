/* ttrace - epoll_wait, epoll_pwait and epoll_pwait2 (one entry point each
 * in both ABIs).
 *
 * All three wait on CLOCK_MONOTONIC: epoll_wait and epoll_pwait for an
 * int of milliseconds (< 0: forever), epoll_pwait2 for a timespec (NULL:
 * forever; a __kernel_timespec in both ABIs).  They return how many
 * events the kernel wrote (0: timed out), and a signal makes them fail
 * with EINTR: no restart_syscall.  strace prints the events at the exit,
 * then the other arguments as it reads them there: the sigmask and
 * epoll_pwait2's timeout are addresses when the call failed. */
#include <time.h>

#include "decode/decode.h"
#include "xlat/xlat.h"

#define EPOLL_EVENT_SIZE 12	/* u32 events; u64 data (packed) */

/* One event: "{events=EPOLLIN, data={u32=3, u64=3}}". */
static void read_epoll_event(struct tt_event *ev, int node, const uint8_t *b,
			     struct tt_time_layout lay)
{
	int events, data, u32, u64;

	(void)lay;
	if (node == TT_NO_VALUE)
		return;
	events = tt_value_add(ev, node, "events", TV_FLAGS);
	data = tt_value_add(ev, node, "data", TV_STRUCT);
	if (events == TT_NO_VALUE || data == TT_NO_VALUE)
		return;
	ev->v[events].u = tt_get_u(b, 4);
	ev->v[events].xlat = &tt_xlat_epoll_events;
	u32 = tt_value_add(ev, data, "u32", TV_UINT);
	u64 = tt_value_add(ev, data, "u64", TV_UINT);
	if (u32 == TT_NO_VALUE || u64 == TT_NO_VALUE)
		return;
	ev->v[u32].u = tt_get_u(b + 4, 4);
	ev->v[u64].u = tt_get_u(b + 4, 8);
}

void tt_read_epoll_events(struct tt_event *ev, int node, const uint8_t *b,
			  struct tt_time_layout lay)
{
	tt_read_elems(ev, node, b, lay, EPOLL_EVENT_SIZE, read_epoll_event);
}

/* epoll_pwait's and epoll_pwait2's sigmask, sized by sigsetsize. */
static void pwait_entry(struct tt_event *ev)
{
	tt_sigset_sized(ev, 4, 5);
}

/* epoll_wait's and epoll_pwait's timeout */
static const struct tt_wait_shape wait_ms = {
	.timeout_arg = 3, .timeout = TT_TMO_MS, .timed_out = TT_TO_ZERO,
	.clock = CLOCK_MONOTONIC, .op_arg = -1,
};

#define EPOLL_ARGS							\
	{ "epfd", AT_FD, AD_VAL },					\
	{ "events", AT_EPOLL_EVENTS, AD_OUT, TT_COUNT_RET },		\
	{ "maxevents", AT_INT, AD_VAL }

const struct tt_signature tt_sig_epoll_wait = {
	.family = "epoll_wait",
	.classes = TT_CLASS_WAIT,
	.nargs = 4,
	.args = {
		EPOLL_ARGS,
		{ "timeout", AT_INT, AD_VAL },
	},
	.wait = &wait_ms,
};

const struct tt_signature tt_sig_epoll_pwait = {
	.family = "epoll_pwait",
	.classes = TT_CLASS_WAIT,
	.nargs = 6,
	.args = {
		EPOLL_ARGS,
		{ "timeout", AT_INT, AD_VAL },
		{ "sigmask", AT_SIGSET, AD_IN_EXIT },
		{ "sigsetsize", AT_SIZE, AD_VAL },
	},
	.wait = &wait_ms,
	.decode_entry = pwait_entry,
};

const struct tt_signature tt_sig_epoll_pwait2 = {
	.family = "epoll_pwait2",
	.classes = TT_CLASS_WAIT,
	.nargs = 6,
	.args = {
		EPOLL_ARGS,
		{ "timeout", AT_TIMESPEC, AD_IN_EXIT },
		{ "sigmask", AT_SIGSET, AD_IN_EXIT },
		{ "sigsetsize", AT_SIZE, AD_VAL },
	},
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 3, .timeout = TT_TMO_TIMESPEC,
		.timed_out = TT_TO_ZERO, .clock = CLOCK_MONOTONIC, .op_arg = -1,
	},
	.decode_entry = pwait_entry,
};
