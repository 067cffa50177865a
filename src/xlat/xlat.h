/* ttrace - constant tables: number <-> name, as data. */
#ifndef TTRACE_XLAT_H
#define TTRACE_XLAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tt_xlat_entry {
	uint64_t val;
	const char *name;
};

struct tt_xlat {
	const struct tt_xlat_entry *e;
	size_t n;
	const char *unknown;	/* what strace prints for unknown bits: "TIMER_???" */
};

#define TT_XLAT(var, unk, ...)						\
	static const struct tt_xlat_entry var##_entries[] = { __VA_ARGS__ }; \
	const struct tt_xlat var = { var##_entries,			\
		sizeof(var##_entries) / sizeof(var##_entries[0]), unk }

const char *tt_xlat_name(const struct tt_xlat *x, uint64_t val);

/* Walks the flags of a bit set in table order: returns the next name
 * whose bits are all in *left and clears them there; NULL at the end,
 * *left then holding the unknown bits.  *pos starts at 0. */
const char *tt_xlat_next_flag(const struct tt_xlat *x, uint64_t *left,
			      size_t *pos);

/* What a clockid_t names.  Negative ids encode a CPU clock of a process
 * or thread, or a dynamic (fd) clock (include/linux/posix-timers_types.h):
 * who = ~(id >> 3), bit 2: per-thread, id & 3: PROF, VIRT, SCHED or FD. */
enum tt_clock_kind {
	TC_NAMED,	/* .name: CLOCK_REALTIME ... */
	TC_CPU,		/* .name: CPUCLOCK_*; .who: pid or tid, 0 the caller */
	TC_FD,		/* .who: the fd */
	TC_UNKNOWN,
};

struct tt_clockid {
	enum tt_clock_kind kind;
	const char *name;
	int32_t who;
	int per_thread;
};

struct tt_clockid tt_clockid_split(int32_t id);
/* The clock id as strace writes it into buf (CLOCK_MONOTONIC,
 * MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED), FD_TO_CLOCKID(3), or the
 * number in hex with a CLOCK_??? comment); returns buf. */
char *tt_clockid_text(int32_t id, char *buf, size_t size);
/* The same CPU clock of another process or thread. */
int32_t tt_cpuclock_of(int32_t id, int32_t who);

extern const struct tt_xlat tt_xlat_timer_flags;
extern const struct tt_xlat tt_xlat_tfd_settime_flags;
extern const struct tt_xlat tt_xlat_clocks;
extern const struct tt_xlat tt_xlat_cpuclocks;
extern const struct tt_xlat tt_xlat_tfd_create_flags;
extern const struct tt_xlat tt_xlat_itimer_which;
extern const struct tt_xlat tt_xlat_sigev_notify;
extern const struct tt_xlat tt_xlat_adjtimex_modes;
extern const struct tt_xlat tt_xlat_adjtimex_status;
extern const struct tt_xlat tt_xlat_adjtimex_state;
extern const struct tt_xlat tt_xlat_poll_events;
extern const struct tt_xlat tt_xlat_timeout_ret;
extern const struct tt_xlat tt_xlat_epoll_events;
extern const struct tt_xlat tt_xlat_futex_ops;
extern const struct tt_xlat tt_xlat_futex_bitset;
extern const struct tt_xlat tt_xlat_futex_wake_ops;
extern const struct tt_xlat tt_xlat_futex_wake_cmps;
extern const struct tt_xlat tt_xlat_futex_waiter_flags;
/* The fields of FUTEX_WAKE_OP's val3 (FUTEX_OP() in linux/futex.h):
 * op, FUTEX_OP_OPARG_SHIFT, cmp, oparg, cmparg. */
struct tt_futex_wake_op {
	bool oparg_shift;
	uint8_t op, cmp;
	uint16_t oparg, cmparg;
};
struct tt_futex_wake_op tt_futex_wake_op_split(uint32_t val3);
extern const struct tt_xlat tt_xlat_semop_flags;
extern const struct tt_xlat tt_xlat_ipc_calls;

/* errno: name ("EINVAL") and message, including the kernel-internal
 * ERESTART* codes a tracer sees at syscall exit. */
const char *tt_errno_name(int err);
const char *tt_errno_text(int err);
/* The kernel-internal codes that mean the call will be restarted or was
 * interrupted: strace prints them as "= ? NAME (text)". */
int tt_errno_is_restart(int err);

#define TT_ERESTARTSYS 512
#define TT_ERESTARTNOINTR 513
#define TT_ERESTARTNOHAND 514
#define TT_ENOIOCTLCMD 515
#define TT_ERESTART_RESTARTBLOCK 516

const char *tt_signal_name(int sig, char *buf, size_t size);
/* si_code name for a signal, or NULL. */
const char *tt_sicode_name(int sig, int code);
/* The table that names a signal's si_code (look a negative code up
 * sign-extended), or NULL: the generic codes, or the signal's own. */
const struct tt_xlat *tt_sicode_xlat(int sig, int code);

#endif
