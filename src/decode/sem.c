/* ttrace - semtimedop (i386: semtimedop_time64, and ipc's SEMTIMEDOP).
 *
 * semtimedop waits on CLOCK_MONOTONIC for at most a relative timeout
 * (NULL: forever) until every operation of its sembuf array can be done;
 * it says its timeout expired with EAGAIN (ipc/sem.c, do_semtimedop), the
 * error IPC_NOWAIT gives too.  strace prints it all at the entry:
 * "semtimedop(0, [{sem_num=0, sem_op=-1, sem_flg=0}], 1, {tv_sec=0,
 * tv_nsec=10000000})".
 *
 * i386 also reaches semop and semtimedop through ipc(call, first, second,
 * third, ptr, fifth), whose SEMTIMEDOP is semtimedop(first, ptr, second,
 * fifth) with an old_timespec32 (ipc/syscall.c, compat_ksys_ipc).  strace
 * 6.1 shows such a call as the one it makes ("semtimedop(...)",
 * "semop(...)"), and so does ttrace; ipc's other calls (semget, msgsnd,
 * shmat...) it shows as strace shows an ipc call it does not split:
 * "ipc(SEMGET, 0, 0x1, 0x380, 0, 0)" (strace decodes those further). */
#include <string.h>
#include <time.h>

#include "decode/decode.h"
#include "xlat/xlat.h"

#define SEMBUF_SIZE 6	/* u16 sem_num; s16 sem_op; s16 sem_flg */

/* ipc's calls that are semop and semtimedop (include/uapi/linux/ipc.h) */
#define IPC_SEMOP 1
#define IPC_SEMTIMEDOP 4
#define IPC_CALL_MASK 0xffff	/* above: a version the sem calls ignore */

/* The 16-bit field at b (tt_get_u reads 4 or 8 bytes). */
static uint16_t get_u16(const uint8_t *b)
{
	uint16_t v;

	memcpy(&v, b, 2);
	return v;
}

static void read_sembuf(struct tt_event *ev, int node, const uint8_t *b,
			struct tt_time_layout lay)
{
	int num, op, flg;

	(void)lay;
	if (node == TT_NO_VALUE)
		return;
	num = tt_value_add(ev, node, "sem_num", TV_UINT);
	op = tt_value_add(ev, node, "sem_op", TV_INT);
	flg = tt_value_add(ev, node, "sem_flg", TV_FLAGS);
	if (num == TT_NO_VALUE || op == TT_NO_VALUE || flg == TT_NO_VALUE)
		return;
	ev->v[num].u = get_u16(b);
	ev->v[op].s = (int16_t)get_u16(b + 2);
	ev->v[flg].u = get_u16(b + 4);
	ev->v[flg].xlat = &tt_xlat_semop_flags;
}

void tt_read_sembufs(struct tt_event *ev, int node, const uint8_t *b,
		     struct tt_time_layout lay)
{
	tt_read_elems(ev, node, b, lay, SEMBUF_SIZE, read_sembuf);
}

const struct tt_signature tt_sig_semtimedop = {
	.family = "semtimedop",
	.classes = TT_CLASS_WAIT,
	.nargs = 4,
	.args = {
		{ "semid", AT_INT, AD_VAL },
		{ "tsops", AT_SEMBUFS, AD_IN, TT_COUNT_ARG(2) },
		{ "nsops", AT_UINT, AD_VAL },
		{ "timeout", AT_TIMESPEC, AD_IN },
	},
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 3, .timeout = TT_TMO_TIMESPEC,
		.timed_out = TT_TO_EAGAIN, .clock = CLOCK_MONOTONIC,
		.op_arg = -1,
	},
};

/* ipc's SEMOP: semop(first, ptr, second), which waits without a
 * timeout. */
static const struct tt_signature sig_semop = {
	.family = "semop",
	.classes = TT_CLASS_WAIT,
	.nargs = 3,
	.args = {
		{ "semid", AT_INT, AD_VAL },
		{ "tsops", AT_SEMBUFS, AD_IN, TT_COUNT_ARG(2) },
		{ "nsops", AT_UINT, AD_VAL },
	},
};

/* The calls i386 ipc makes, named as strace names them; their time
 * structs are ipc's, old_timespec32. */
static const struct tt_syscall ipc_semop = {
	"semop", &sig_semop, TW_32, 0
};
static const struct tt_syscall ipc_semtimedop = {
	"semtimedop", &tt_sig_semtimedop, TW_32, 0
};

static void ipc_entry(struct tt_event *ev)
{
	/* semtimedop(first, ptr, second, fifth) */
	static const uint8_t sem_args[] = { 1, 4, 2, 5 };
	uint32_t call = (uint32_t)ev->raw[0];

	switch (call & IPC_CALL_MASK) {
	case IPC_SEMOP:
		tt_decode_subcall(ev, &ipc_semop, sem_args);
		return;
	case IPC_SEMTIMEDOP:
		tt_decode_subcall(ev, &ipc_semtimedop, sem_args);
		return;
	}
	/* Any other call: its number, then every argument in hex, none
	 * of them followed (nor read again at the exit). */
	if (!tt_xlat_name(&tt_xlat_ipc_calls, call))
		ev->v[0].kind = TV_UINT;
	for (unsigned i = 1; i < TT_MAX_ARGS; i++) {
		ev->v[i].kind = TV_HEX;
		ev->v[i].u = ev->raw[i];
		ev->v[i].child = TT_NO_VALUE;
		ev->mem[i].ok = false;
	}
}

const struct tt_signature tt_sig_ipc = {
	.family = "ipc",
	.classes = TT_CLASS_WAIT,
	.nargs = 6,
	.args = {
		{ "call", AT_IPC_CALL, AD_VAL },
		{ "first", AT_INT, AD_VAL },
		{ "second", AT_UINT, AD_VAL },
		{ "third", AT_XLONG, AD_VAL },
		/* SEMOP's and SEMTIMEDOP's sembufs */
		{ "ptr", AT_SEMBUFS, AD_IN, TT_COUNT_ARG(2) },
		/* SEMTIMEDOP's timeout */
		{ "fifth", AT_TIMESPEC, AD_IN },
	},
	/* Only SEMTIMEDOP takes a timeout.  Its timing comes from
	 * semtimedop's shape once ipc_entry made the event semtimedop's;
	 * this one says which ipc calls are timed (the selection). */
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 5, .timeout = TT_TMO_TIMESPEC,
		.timed_out = TT_TO_EAGAIN, .clock = CLOCK_MONOTONIC,
		.op_arg = 0, .op_mask = IPC_CALL_MASK,
		.timed_ops = 1u << IPC_SEMTIMEDOP,
		/* -e trace=semtimedop selects ipc(SEMTIMEDOP, ...) */
		.op_call = &ipc_semtimedop,
	},
	.decode_entry = ipc_entry,
};
