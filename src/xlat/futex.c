/* ttrace - constants of futex and futex_waitv (include/uapi/linux/futex.h).
 *
 * futex's op is one of a set, as strace 6.1 names it: each command, its
 * _PRIVATE variant, and FUTEX_CLOCK_REALTIME with the three waits that
 * took it when strace's table was written; any other op (FUTEX_LOCK_PI2
 * with FUTEX_CLOCK_REALTIME included) is a number with FUTEX_??? in a
 * comment.  The names made of two constants are checked in
 * tests/unit/xlat-headers.c. */
#include "xlat/xlat.h"

TT_XLAT(tt_xlat_futex_ops, "FUTEX_???",
	{ 0, "FUTEX_WAIT" },
	{ 1, "FUTEX_WAKE" },
	{ 2, "FUTEX_FD" },
	{ 3, "FUTEX_REQUEUE" },
	{ 4, "FUTEX_CMP_REQUEUE" },
	{ 5, "FUTEX_WAKE_OP" },
	{ 6, "FUTEX_LOCK_PI" },
	{ 7, "FUTEX_UNLOCK_PI" },
	{ 8, "FUTEX_TRYLOCK_PI" },
	{ 9, "FUTEX_WAIT_BITSET" },
	{ 10, "FUTEX_WAKE_BITSET" },
	{ 11, "FUTEX_WAIT_REQUEUE_PI" },
	{ 12, "FUTEX_CMP_REQUEUE_PI" },
	{ 13, "FUTEX_LOCK_PI2" },
	{ 128, "FUTEX_WAIT_PRIVATE" },
	{ 129, "FUTEX_WAKE_PRIVATE" },
	{ 130, "FUTEX_FD|FUTEX_PRIVATE_FLAG" },
	{ 131, "FUTEX_REQUEUE_PRIVATE" },
	{ 132, "FUTEX_CMP_REQUEUE_PRIVATE" },
	{ 133, "FUTEX_WAKE_OP_PRIVATE" },
	{ 134, "FUTEX_LOCK_PI_PRIVATE" },
	{ 135, "FUTEX_UNLOCK_PI_PRIVATE" },
	{ 136, "FUTEX_TRYLOCK_PI_PRIVATE" },
	{ 137, "FUTEX_WAIT_BITSET_PRIVATE" },
	{ 138, "FUTEX_WAKE_BITSET_PRIVATE" },
	{ 139, "FUTEX_WAIT_REQUEUE_PI_PRIVATE" },
	{ 140, "FUTEX_CMP_REQUEUE_PI_PRIVATE" },
	{ 141, "FUTEX_LOCK_PI2_PRIVATE" },
	{ 256, "FUTEX_WAIT|FUTEX_CLOCK_REALTIME" },
	{ 265, "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME" },
	{ 267, "FUTEX_WAIT_REQUEUE_PI|FUTEX_CLOCK_REALTIME" },
	{ 384, "FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME" },
	{ 393, "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME" },
	{ 395, "FUTEX_WAIT_REQUEUE_PI_PRIVATE|FUTEX_CLOCK_REALTIME" },
);

/* val3 of the _BITSET ops: any other set is a plain number */
TT_XLAT(tt_xlat_futex_bitset, NULL,
	{ 0xffffffff, "FUTEX_BITSET_MATCH_ANY" },
);

/* FUTEX_WAKE_OP's val3: the operation on *uaddr2 (bits 28-30) */
TT_XLAT(tt_xlat_futex_wake_ops, "FUTEX_OP_???",
	{ 0, "FUTEX_OP_SET" },
	{ 1, "FUTEX_OP_ADD" },
	{ 2, "FUTEX_OP_OR" },
	{ 3, "FUTEX_OP_ANDN" },
	{ 4, "FUTEX_OP_XOR" },
);

/* ... and the comparison of its old value (bits 24-27) */
TT_XLAT(tt_xlat_futex_wake_cmps, "FUTEX_OP_CMP_???",
	{ 0, "FUTEX_OP_CMP_EQ" },
	{ 1, "FUTEX_OP_CMP_NE" },
	{ 2, "FUTEX_OP_CMP_LT" },
	{ 3, "FUTEX_OP_CMP_LE" },
	{ 4, "FUTEX_OP_CMP_GT" },
	{ 5, "FUTEX_OP_CMP_GE" },
);

/* A futex_waitv waiter's flags */
TT_XLAT(tt_xlat_futex_waiter_flags, "FUTEX_???",
	{ 2, "FUTEX_32" },
	{ 128, "FUTEX_PRIVATE_FLAG" },
);

struct tt_futex_wake_op tt_futex_wake_op_split(uint32_t val3)
{
	return (struct tt_futex_wake_op){
		.oparg_shift = val3 >> 31 & 1,
		.op = val3 >> 28 & 7,
		.cmp = val3 >> 24 & 0xf,
		.oparg = val3 >> 12 & 0xfff,
		.cmparg = val3 & 0xfff,
	};
}
