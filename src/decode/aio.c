/* ttrace - io_getevents and io_pgetevents (i386: io_getevents_time32,
 * io_pgetevents_time32, io_pgetevents_time64).
 *
 * Both wait on CLOCK_MONOTONIC, for at most a relative timeout (NULL:
 * forever), until min_nr of an AIO context's events completed, and write
 * up to nr of them; they return how many they wrote, fewer than min_nr
 * when the timeout expired (fs/aio.c, do_io_getevents).  strace prints
 * the events at the exit, the number returned of them, and then the
 * timeout and io_pgetevents' usig as read at the entry:
 * "io_getevents(0x7f..., 1, 2, [{data=0, obj=0x..., res=4, res2=0}],
 * {tv_sec=0, tv_nsec=0}) = 1"; failed, the events' address. */
#include <time.h>

#include "decode/decode.h"

#define IO_EVENT_SIZE 32	/* u64 data, obj; s64 res, res2 */

static void read_io_event(struct tt_event *ev, int node, const uint8_t *b,
			  struct tt_time_layout lay)
{
	static const struct {
		const char *name;
		uint8_t kind;
	} field[] = {
		{ "data", TV_HEX }, { "obj", TV_HEX },
		{ "res", TV_INT }, { "res2", TV_INT },
	};

	(void)lay;
	if (node == TT_NO_VALUE)
		return;
	for (unsigned k = 0; k < sizeof(field) / sizeof(field[0]); k++) {
		int f = tt_value_add(ev, node, field[k].name, field[k].kind);

		if (f == TT_NO_VALUE)
			return;
		ev->v[f].u = tt_get_u(b + 8 * k, 8);
	}
}

void tt_read_io_events(struct tt_event *ev, int node, const uint8_t *b,
		       struct tt_time_layout lay)
{
	tt_read_elems(ev, node, b, lay, IO_EVENT_SIZE, read_io_event);
}

static const struct tt_wait_shape getevents_wait = {
	.timeout_arg = 4, .timeout = TT_TMO_TIMESPEC,
	.timed_out = TT_TO_BELOW_MIN, .min_arg = 1,
	.clock = CLOCK_MONOTONIC, .op_arg = -1,
};

/* The arguments both calls have, first */
#define GETEVENTS_ARGS							\
	{ "ctx_id", AT_AIO_CTX, AD_VAL },				\
	{ "min_nr", AT_LONG, AD_VAL },					\
	{ "nr", AT_LONG, AD_VAL },					\
	{ "events", AT_IO_EVENTS, AD_OUT, TT_COUNT_RET },		\
	{ "timeout", AT_TIMESPEC, AD_IN }

const struct tt_signature tt_sig_io_getevents = {
	.family = "io_getevents",
	.classes = TT_CLASS_WAIT,
	.nargs = 5,
	.args = {
		GETEVENTS_ARGS,
	},
	.wait = &getevents_wait,
};

const struct tt_signature tt_sig_io_pgetevents = {
	.family = "io_pgetevents",
	.classes = TT_CLASS_WAIT,
	.nargs = 6,
	.args = {
		GETEVENTS_ARGS,
		/* struct __aio_sigset: the mask while it waits */
		{ "usig", AT_SIGMASK_ARG, AD_IN },
	},
	.wait = &getevents_wait,
};
