/* ttrace - select and pselect6 (i386: _newselect, pselect6_time32,
 * pselect6_time64, and the old one-argument select).
 *
 * Both wait on CLOCK_MONOTONIC for a relative time, select's a timeval,
 * pselect6's a timespec (NULL: forever), on three fd sets of n bits the
 * kernel writes back with the fds that are ready, on success only
 * (fs/select.c, core_sys_select).  It writes the time left back on
 * success and when a signal interrupts the wait (poll_select_finish),
 * but not over a zero timeout.  Interrupted, both return ERESTARTNOHAND
 * (EINTR to a program with a handler), never ERESTART_RESTARTBLOCK.
 *
 * strace shows the sets as "[3 4]" when n > 0 (n <= 0: the address),
 * and after a return value above 0 the fds the kernel left set, counted
 * down from the return value, and the time left: "= 2 (in [3], out [4],
 * left {tv_sec=0, tv_usec=999}"; "= 0 (Timeout)".
 *
 * The i386 select (82) takes one pointer to struct sel_arg_struct {u32
 * n, inp, outp, exp, tvp} (fs/select.c, compat_sys_old_select), then
 * does what _newselect does with them.  strace 6.1 reads the struct and shows the select it holds, as
 * select's line, "select(4, [3], NULL, NULL, {tv_sec=1, tv_usec=0}) = 1
 * (in [3], left {...})", or its address when it cannot read it
 * ("select(0xdeadbeef) = -1 EFAULT (Bad address)").  So does ttrace: the
 * core reads the struct, the event becomes a select of the longs read
 * (tt_decode_indirect: fd sets of 32-bit longs, an old_timeval32), and
 * its sets and timeout are read as select's.  The struct itself is not
 * read again at the exit, by the TOCTOU check or for the sets and the
 * time left the kernel wrote back, which are read where it said at the
 * entry. */
#include <time.h>

#include "decode/decode.h"
#include "xlat/xlat.h"

#define SEL_N 0		/* the arguments of select and pselect6 */
#define SEL_SETS 1	/* inp, outp, exp: 1, 2, 3 */
#define SEL_TIMEOUT 4

/* A set shows as "[...]" only when n > 0: for n <= 0 strace shows the
 * pointer, and the kernel reads none of it. */
static void select_entry(struct tt_event *ev)
{
	if ((int32_t)(uint32_t)ev->raw[SEL_N] > 0)
		return;
	for (unsigned i = SEL_SETS; i < SEL_SETS + 3; i++) {
		if (!ev->raw[i])
			continue;
		ev->v[i].kind = TV_PTR;
		ev->v[i].u = ev->raw[i];
		ev->v[i].child = TT_NO_VALUE;
		ev->mem[i].ok = false;
	}
}

/* The sets are written on success only, the time left also when a
 * signal interrupts the wait. */
static bool select_written(const struct tt_event *ev, unsigned i)
{
	if (i == SEL_TIMEOUT)
		return tt_wait_written_back(ev, i);
	return ev->ret == TR_VALUE;
}

/* "in [3], out [4], left {...}": the ready fds of each set, as many as
 * the return value counts, then the time left. */
static void select_result(struct tt_event *ev)
{
	static const char *const names[] = { "in", "out", "except" };
	int64_t ready = ev->rval;

	if (ev->rval == 0)
		return;		/* "(Timeout)" */
	for (unsigned s = 0; s < 3 && ready > 0; s++) {
		unsigned i = SEL_SETS + s;
		const struct tt_mem *m = &ev->back[i];
		struct tt_time_layout lay;
		int set = TT_NO_VALUE;

		if (!ev->raw[i] || !m->ok || !m->len)
			continue;
		lay = tt_layout_of_arg(ev, i, m->len);
		for (unsigned fd = 0; fd < lay.count && ready > 0; fd++) {
			int v;

			if (!tt_bit_set(m->bytes, fd))
				continue;
			if (set == TT_NO_VALUE)
				set = tt_result_item(ev, names[s], TV_FDSET, true);
			v = set == TT_NO_VALUE ? TT_NO_VALUE :
				tt_value_add(ev, set, NULL, TV_INT);
			if (v == TT_NO_VALUE)
				return;
			ev->v[v].s = fd;
			ready--;
		}
	}
	tt_result_left(ev, SEL_TIMEOUT);
}

#define SELECT_SETS							\
	{ "n", AT_INT, AD_VAL },					\
	{ "inp", AT_FDSET, AD_INWB, TT_COUNT_ARG(SEL_N) },		\
	{ "outp", AT_FDSET, AD_INWB, TT_COUNT_ARG(SEL_N) },		\
	{ "exp", AT_FDSET, AD_INWB, TT_COUNT_ARG(SEL_N) }

const struct tt_signature tt_sig_select = {
	.family = "select",
	.classes = TT_CLASS_WAIT,
	.nargs = 5,
	.args = {
		SELECT_SETS,
		{ "tvp", AT_TIMEVAL, AD_INWB },
	},
	.output_written = select_written,
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = SEL_TIMEOUT, .timeout = TT_TMO_TIMEVAL,
		.timed_out = TT_TO_ZERO, .clock = CLOCK_MONOTONIC, .op_arg = -1,
	},
	.decode_entry = select_entry,
	.ret_names = &tt_xlat_timeout_ret,
	.result = select_result,
};

const struct tt_signature tt_sig_pselect6 = {
	.family = "pselect6",
	.classes = TT_CLASS_WAIT,
	.nargs = 6,
	.args = {
		SELECT_SETS,
		{ "tsp", AT_TIMESPEC, AD_INWB },
		{ "sig", AT_SIGMASK_ARG, AD_IN },
	},
	.output_written = select_written,
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = SEL_TIMEOUT, .timeout = TT_TMO_TIMESPEC,
		.timed_out = TT_TO_ZERO, .clock = CLOCK_MONOTONIC, .op_arg = -1,
	},
	.decode_entry = select_entry,
	.ret_names = &tt_xlat_timeout_ret,
	.result = select_result,
};

void tt_read_sel_args(struct tt_event *ev, int node, const uint8_t *b,
		      struct tt_time_layout lay)
{
	(void)b;
	(void)lay;
	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_ADDR;
	ev->v[node].why = TA_NOT_SHOWN;
	ev->v[node].child = TT_NO_VALUE;
}

/* The select the old one makes: i386's, with 32-bit longs and an
 * old_timeval32, named as strace names it. */
static const struct tt_syscall old_select_args = {
	"select", &tt_sig_select, TW_32, 0
};

/* Its timeout is in the struct its argument points to, which the
 * registers do not show: for the seccomp filter and the default
 * selection the wait counts as timed whenever that pointer is not NULL.
 * Once the struct is read the event is select's, and a select without a
 * timeout is left out of the default trace at the entry. */
const struct tt_signature tt_sig_old_select = {
	.family = "select",
	.classes = TT_CLASS_WAIT,
	.nargs = 1,
	.args = {
		{ "arg", AT_SEL_ARG_STRUCT, AD_IN },
	},
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 0, .timeout = TT_TMO_TIMEVAL,
		.timed_out = TT_TO_ZERO, .clock = CLOCK_MONOTONIC, .op_arg = -1,
	},
	.indirect = &old_select_args,
};
