/* ttrace - futex (x86_64 futex; i386 futex_time32, futex_time64) and
 * futex_waitv (both ABIs, a __kernel_timespec in both).
 *
 * What futex's arguments are depends on its op (op & 127, as strace
 * dispatches it; the kernel's command is op without FUTEX_PRIVATE_FLAG
 * and FUTEX_CLOCK_REALTIME): the signature decodes the six registers as
 * the waits see them (uaddr, op, val, a timeout, uaddr2, val3) and
 * futex_entry rewrites them as strace 6.1 shows each op, in order:
 *
 *   WAIT                  uaddr, op, val, timeout
 *   WAKE, FD              uaddr, op, val
 *   REQUEUE               uaddr, op, val, val2, uaddr2
 *   CMP_REQUEUE(_PI)      uaddr, op, val, val2, uaddr2, val3
 *   WAKE_OP               uaddr, op, val, val2, uaddr2, val3 as FUTEX_OP
 *   LOCK_PI, LOCK_PI2     uaddr, op, timeout
 *   UNLOCK_PI, TRYLOCK_PI uaddr, op
 *   WAIT_BITSET           uaddr, op, val, timeout, val3 as a bitset
 *   WAKE_BITSET           uaddr, op, val, val3 as a bitset
 *   WAIT_REQUEUE_PI       uaddr, op, val, timeout, uaddr2
 *   any other             uaddr, op, val, the 4th as an address, uaddr2,
 *                         val3 in hex
 *
 * The timeout of WAIT is relative; those of WAIT_BITSET, WAIT_REQUEUE_PI
 * and LOCK_PI2 are deadlines on CLOCK_MONOTONIC, or CLOCK_REALTIME with
 * FUTEX_CLOCK_REALTIME; LOCK_PI's a deadline on CLOCK_REALTIME always
 * (kernel/futex/syscalls.c, futex_init_timeout).  A wait that timed out
 * fails with ETIMEDOUT.  Interrupted, a wait with a timeout returns
 * ERESTART_RESTARTBLOCK and resumes through restart_syscall. */
#include <time.h>

#include "decode/decode.h"
#include "xlat/xlat.h"

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_FD 2
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_LOCK_PI 6
#define FUTEX_UNLOCK_PI 7
#define FUTEX_TRYLOCK_PI 8
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_WAIT_REQUEUE_PI 11
#define FUTEX_CMP_REQUEUE_PI 12
#define FUTEX_LOCK_PI2 13
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_CMD_MASK (~(uint32_t)(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

/* The argument registers as the signature names them. */
enum { A_UADDR, A_OP, A_VAL, A_UTIME, A_UADDR2, A_VAL3 };

/* Argument `to` shows what argument `from` was decoded as. */
static void show_as(struct tt_event *ev, unsigned to, unsigned from)
{
	int16_t next = ev->v[to].next;

	ev->v[to] = ev->v[from];
	ev->v[to].next = next;
}

/* Argument i becomes a number of this kind, from register r. */
static void show_number(struct tt_event *ev, unsigned i, enum tt_vkind kind,
			const char *name, uint64_t r,
			const struct tt_xlat *xlat)
{
	struct tt_value *v = &ev->v[i];

	v->kind = (uint8_t)kind;
	v->name = name;
	v->u = (uint32_t)r;
	v->child = TT_NO_VALUE;
	v->xlat = xlat;
}

/* The 4th argument is no pointer for this op: not read again at the
 * exit (TOCTOU). */
static void not_a_pointer(struct tt_event *ev)
{
	ev->mem[A_UTIME].ok = false;
}

static void futex_entry(struct tt_event *ev)
{
	uint32_t op = (uint32_t)ev->raw[A_OP];
	const uint64_t *raw = ev->raw;

	switch (op & 127) {
	case FUTEX_WAIT:
		ev->v[A_UTIME].name = "timeout";
		ev->nshown = 4;
		break;
	case FUTEX_WAKE:
	case FUTEX_FD:
		not_a_pointer(ev);
		ev->nshown = 3;
		break;
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
	case FUTEX_WAKE_OP:
		not_a_pointer(ev);
		show_number(ev, A_UTIME, TV_UINT, "val2", raw[A_UTIME], NULL);
		ev->nshown = (op & 127) == FUTEX_REQUEUE ? 5 : 6;
		if ((op & 127) == FUTEX_WAKE_OP)
			show_number(ev, A_VAL3, TV_FUTEX_OP, "val3",
				    raw[A_VAL3], NULL);
		break;
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		show_as(ev, A_VAL, A_UTIME);
		ev->v[A_VAL].name = "timeout";
		ev->nshown = 3;
		break;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		not_a_pointer(ev);
		ev->nshown = 2;
		break;
	case FUTEX_WAIT_BITSET:
		ev->v[A_UTIME].name = "timeout";
		show_number(ev, A_UADDR2, TV_XVAL, "val3", raw[A_VAL3],
			    &tt_xlat_futex_bitset);
		ev->nshown = 5;
		break;
	case FUTEX_WAKE_BITSET:
		not_a_pointer(ev);
		show_number(ev, A_UTIME, TV_XVAL, "val3", raw[A_VAL3],
			    &tt_xlat_futex_bitset);
		ev->nshown = 4;
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		ev->v[A_UTIME].name = "timeout";
		ev->nshown = 5;
		break;
	default:
		/* strace shows the 4th as an address, val3 in hex */
		not_a_pointer(ev);
		ev->v[A_UTIME].kind = TV_PTR;
		ev->v[A_UTIME].u = raw[A_UTIME];
		ev->v[A_UTIME].child = TT_NO_VALUE;
		show_number(ev, A_VAL3, TV_HEX, "val3", raw[A_VAL3], NULL);
		break;
	}
}

/* The meaning of the timeout, by op (only the ops that take one get
 * here): FUTEX_WAIT's is relative, the others' absolute. */
static void futex_refine(struct tt_event *ev)
{
	uint32_t op = (uint32_t)ev->raw[A_OP];
	bool realtime = op & FUTEX_CLOCK_REALTIME;
	struct tt_timing *tm = &ev->timing;

	tm->absolute = (op & FUTEX_CMD_MASK) != FUTEX_WAIT;
	tm->clock = realtime || (op & FUTEX_CMD_MASK) == FUTEX_LOCK_PI ?
		CLOCK_REALTIME : CLOCK_MONOTONIC;
}

const struct tt_signature tt_sig_futex = {
	.family = "futex",
	.classes = TT_CLASS_WAIT,
	.nargs = 6,
	.args = {
		{ "uaddr", AT_UADDR, AD_VAL },
		{ "op", AT_FUTEX_OP, AD_VAL },
		{ "val", AT_UINT, AD_VAL },
		{ "utime", AT_TIMESPEC, AD_IN },
		{ "uaddr2", AT_UADDR, AD_VAL },
		{ "val3", AT_UINT, AD_VAL },
	},
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = A_UTIME, .timeout = TT_TMO_TIMESPEC,
		.timed_out = TT_TO_ETIMEDOUT, .clock = CLOCK_MONOTONIC,
		.op_arg = A_OP, .op_mask = FUTEX_CMD_MASK,
		.timed_ops = 1u << FUTEX_WAIT | 1u << FUTEX_LOCK_PI |
			1u << FUTEX_LOCK_PI2 | 1u << FUTEX_WAIT_BITSET |
			1u << FUTEX_WAIT_REQUEUE_PI,
		.refine = futex_refine,
	},
	.decode_entry = futex_entry,
};

/* --- futex_waitv ---------------------------------------------------------- */

#define WAITV_SIZE 24

/* {val=0, uaddr=0x..., flags=FUTEX_32}, with __reserved when not 0 */
static void read_waiter(struct tt_event *ev, int node, const uint8_t *b,
			struct tt_time_layout lay)
{
	int val, uaddr, flags, rsv;
	uint32_t reserved = (uint32_t)tt_get_u(b + 20, 4);

	(void)lay;
	val = tt_value_add(ev, node, "val", TV_HEX);
	uaddr = tt_value_add(ev, node, "uaddr", TV_PTR);
	flags = tt_value_add(ev, node, "flags", TV_FLAGS);
	if (val == TT_NO_VALUE || uaddr == TT_NO_VALUE || flags == TT_NO_VALUE)
		return;
	ev->v[val].u = tt_get_u(b, 8);
	ev->v[uaddr].u = tt_get_u(b + 8, 8);
	ev->v[flags].u = (uint32_t)tt_get_u(b + 16, 4);
	ev->v[flags].xlat = &tt_xlat_futex_waiter_flags;
	if (!reserved)
		return;
	rsv = tt_value_add(ev, node, "__reserved", TV_HEX);
	if (rsv != TT_NO_VALUE)
		ev->v[rsv].u = reserved;
}

void tt_read_futex_waitv(struct tt_event *ev, int node, const uint8_t *b,
			 struct tt_time_layout lay)
{
	tt_read_elems(ev, node, b, lay, WAITV_SIZE, read_waiter);
}

/* A deadline on the clock the last argument names. */
static void waitv_refine(struct tt_event *ev)
{
	ev->timing.absolute = true;
	ev->timing.clock = (int32_t)(uint32_t)ev->raw[4];
}

const struct tt_signature tt_sig_futex_waitv = {
	.family = "futex_waitv",
	.classes = TT_CLASS_WAIT,
	.nargs = 5,
	.args = {
		{ "waiters", AT_FUTEX_WAITV, AD_IN, TT_COUNT_ARG(1) },
		{ "nr_futexes", AT_UINT, AD_VAL },
		{ "flags", AT_HEX, AD_VAL },
		{ "timeout", AT_TIMESPEC, AD_IN },
		{ "clockid", AT_CLOCKID, AD_VAL },
	},
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 3, .timeout = TT_TMO_TIMESPEC,
		.timed_out = TT_TO_ETIMEDOUT, .clock = CLOCK_MONOTONIC,
		.op_arg = -1, .refine = waitv_refine,
	},
};
