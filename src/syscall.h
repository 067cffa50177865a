/* ttrace - what a syscall table row says.
 *
 * A row names one kernel entry point of one ABI.  The variants of a call
 * (x86_64 timer_settime, i386 timer_settime32 and timer_settime64) share one
 * signature, which says each argument's name, type and direction; the row
 * adds the width of the time structures that entry point uses.  The core
 * reads every pointer argument the signature marks as input at entry (and,
 * for the TOCTOU check, again at exit) and every output it marks as written;
 * decoders work on those bytes only.
 */
#ifndef TTRACE_SYSCALL_H
#define TTRACE_SYSCALL_H

#include <stdbool.h>
#include <stdint.h>

#define TT_MAX_ARGS 6

enum tt_argtype {
	AT_INT,			/* an int argument, printed in decimal */
	AT_FD,			/* a file descriptor */
	AT_TIMERFD,		/* a file descriptor of a timerfd */
	AT_SIZE,		/* a size_t, printed in decimal */
	AT_TIMERID,		/* a POSIX timer id (kernel timer_t is int) */
	AT_CLOCKID,		/* clockid_t, including CPU and fd clocks */
	AT_TIMER_FLAGS,		/* TIMER_ABSTIME */
	AT_TFD_SETTIME_FLAGS,	/* TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET */
	AT_TFD_CREATE_FLAGS,	/* TFD_CLOEXEC | TFD_NONBLOCK */
	AT_ITIMER_WHICH,	/* ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF */
	AT_UINT,		/* an unsigned int, printed in decimal */
	AT_TIMESPEC,		/* pointer to a timespec of the row's width */
	AT_ITIMERSPEC,		/* pointer to an itimerspec of the row's width */
	AT_ITIMERVAL,		/* pointer to an itimerval of the row's width */
	AT_TIMEX,		/* pointer to a timex of the row's width */
	AT_SIGEVENT,		/* pointer to a sigevent of the ABI's layout */
	AT_TIMERID_PTR,		/* pointer to the int timer id the kernel writes */
	AT_TFD_TICKS,		/* a timerfd read's u64 expiration count */
	AT_POLLFDS,		/* an array of struct pollfd */
	AT_SIGSET,		/* pointer to a sigset_t of 64 signals */
	AT_TIMEVAL,		/* pointer to a timeval of the row's width */
	AT_SIGMASK_ARG,		/* pointer to {const sigset_t *, size_t} */
	AT_EPOLL_EVENTS,	/* an array of (packed) struct epoll_event */
	AT_SIGINFO,		/* pointer to a siginfo_t of the ABI's layout */
	AT_FDSET,		/* an fd_set of as many bits as its count */
	AT_SEL_ARG_STRUCT,	/* i386 select's struct sel_arg_struct *: the
				 * arguments of a select, in the ABI's longs
				 * (tt_signature.indirect) */
	AT_UADDR,		/* an address passed by value, not followed */
	AT_FUTEX_OP,		/* futex's op: FUTEX_WAIT_PRIVATE ... */
	AT_HEX,			/* an unsigned int, printed in hex */
	AT_FUTEX_WAITV,		/* an array of struct futex_waitv */
	/* semtimedop, io_getevents, io_pgetevents, i386 ipc: */
	AT_SEMBUFS,		/* an array of struct sembuf */
	AT_IO_EVENTS,		/* an array of struct io_event */
	AT_AIO_CTX,		/* an aio_context_t: an address, NULL for 0 */
	AT_LONG,		/* a long of the ABI, printed in decimal */
	AT_IPC_CALL,		/* i386 ipc's call: SEMOP, SEMTIMEDOP... */
	AT_XLONG,		/* a long of the ABI, printed in hex */
	AT_NTYPES		/* rows of tt_types (src/decode/types.c) */
};

enum tt_argdir {
	AD_VAL,			/* passed by value */
	AD_IN,			/* pointer the kernel reads */
	AD_OUT,			/* pointer the kernel may write */
	AD_INOUT,		/* pointer the kernel reads, then may write back:
				 * read at entry (for the TOCTOU check), shown as
				 * written at the exit, like an output */
	AD_INWB,		/* an input the kernel writes back (a poll's
				 * revents, a select's sets and time left):
				 * shown as read at entry; what the kernel
				 * wrote is read at the exit into ev->back for
				 * the signature's result hook, and is no
				 * TOCTOU finding */
	AD_IN_EXIT,		/* an input strace reads only at the exit
				 * (epoll_pwait's sigmask): read at entry like
				 * AD_IN, shown at the exit, and as its address
				 * (TA_NOT_SHOWN) when the call failed */
};

/* An array's length: TT_COUNT_ARG(k), the value of argument k (nfds);
 * TT_COUNT_RET, the return value (the events an epoll_wait wrote); for a
 * bit set (fd_set), the number of bits. */
#define TT_COUNT_ARG(k) ((k) + 1)
#define TT_COUNT_RET 0xff

struct tt_arg {
	const char *name;	/* the kernel's parameter name */
	uint8_t type;		/* enum tt_argtype */
	uint8_t dir;		/* enum tt_argdir */
	uint8_t count;		/* an array's: TT_COUNT_*; 0 for a struct */
};

/* Read from the tracee at entry (and again at exit for the TOCTOU check). */
static inline bool tt_dir_input(uint8_t dir)
{
	return dir == AD_IN || dir == AD_INOUT || dir == AD_INWB ||
	       dir == AD_IN_EXIT;
}

/* Shown as the kernel left it at the exit. */
static inline bool tt_dir_output(uint8_t dir)
{
	return dir == AD_OUT || dir == AD_INOUT;
}

struct tt_event;
struct tt_syscall;

/* Where a sleep keeps what the lateness needs; -1: it has no such
 * argument (nanosleep has no clock: CLOCK_MONOTONIC; no flags: relative). */
struct tt_sleep_shape {
	int8_t clock_arg;
	int8_t flags_arg;
	int8_t request_arg;
	uint32_t abstime;	/* the flag bit that makes it absolute */
};

/* Where a call that arms a timer keeps its new setting, and the flag that
 * makes its value absolute (flags_arg -1: always relative).  The setting
 * is an itimerspec, an itimerval (setitimer: microseconds; which_arg
 * names the timer), or a number of seconds by value (alarm). */
enum tt_arm_kind {
	TK_ITIMERSPEC,
	TK_ITIMERVAL,
	TK_SECONDS,
};

struct tt_arm_shape {
	int8_t flags_arg;
	int8_t setting_arg;
	int8_t which_arg;	/* -1: the timer's clock comes from src/analysis/known.c */
	uint8_t kind;		/* enum tt_arm_kind */
	uint32_t abstime;
};

/* A wait with a timeout (poll, select, epoll, futex...): where its
 * timeout is, how it is given, and how the call says it timed out.  A
 * wait is a timing request only when its timeout is finite: by default
 * ttrace stops at it only then (the seccomp filter tests the registers
 * the shape names, src/tracer/seccomp.c), and tt_wait_timed() says so. */
enum tt_timeout_kind {
	TT_TMO_MS,		/* an int of milliseconds by value; < 0: none */
	TT_TMO_TIMESPEC,	/* a pointer to a timespec; NULL: none */
	TT_TMO_TIMEVAL,		/* a pointer to a timeval; NULL: none */
};

enum tt_timed_out_rule {
	TT_TO_ZERO,		/* returned 0 (poll, select, epoll) */
	TT_TO_ETIMEDOUT,	/* failed with ETIMEDOUT (futex) */
	TT_TO_EAGAIN,		/* failed with EAGAIN (rt_sigtimedwait,
				 * semtimedop: ipc/sem.c) */
	TT_TO_BELOW_MIN,	/* returned fewer than argument min_arg
				 * (io_getevents' min_nr) */
};

struct tt_wait_shape {
	int8_t timeout_arg;
	uint8_t timeout;	/* enum tt_timeout_kind */
	uint8_t timed_out;	/* enum tt_timed_out_rule */
	int8_t min_arg;		/* TT_TO_BELOW_MIN's argument */
	int32_t clock;		/* the clock it waits on (CLOCK_MONOTONIC) */
	/* futex: which ops take a timeout (bit n: op n), in argument op_arg
	 * masked with op_mask; the timeout is a request only for those.
	 * op_arg -1: every call takes it. */
	int8_t op_arg;
	uint32_t op_mask;
	uint32_t timed_ops;
	/* A multiplexer (i386 ipc): the call its timed_ops make, not in any
	 * table (ipc's SEMTIMEDOP: semtimedop).  -e trace= of its name or
	 * family selects the multiplexer's calls of those ops (and only
	 * those); NULL: none. */
	const struct tt_syscall *op_call;
	/* Set when the op decides more (futex: relative or absolute, the
	 * clock): called by tt_timing_entry after the common part. */
	void (*refine)(struct tt_event *ev);
};

/* The classes of -e trace=%NAME a call belongs to. */
enum tt_class {
	TT_CLASS_TIMER = 1 << 0,	/* %timer: the timer family */
	TT_CLASS_SLEEP = 1 << 1,	/* %sleep: the sleeps and their restart */
	TT_CLASS_WAIT = 1 << 2,		/* %wait: the waits with a timeout */
	TT_CLASS_CLOCK = 1 << 3,	/* %clock, strace's class: the calls
					 * that read or set a clock */
};

struct tt_xlat;

/* What ttrace learns from a call that succeeded about the process's
 * timers (src/analysis/known.c); the arguments are found by their types. */
enum tt_learn {
	TL_NONE,
	TL_TIMER_CREATE,	/* AT_CLOCKID, AT_SIGEVENT -> AT_TIMERID_PTR */
	TL_TIMER_DELETE,	/* AT_TIMERID */
	TL_TIMERFD_CREATE,	/* AT_CLOCKID, AT_TFD_CREATE_FLAGS -> the fd */
	TL_SETTIME,		/* AT_TIMERID or AT_TIMERFD, flags, AT_ITIMERSPEC */
};

/* The shape shared by every ABI variant of one call. */
struct tt_signature {
	const char *family;	/* the plain name: what -e selects */
	uint8_t classes;	/* enum tt_class: %timer, %sleep, %wait, %clock */
	uint8_t nargs;
	struct tt_arg args[TT_MAX_ARGS];
	/* Did the kernel write output argument i in this completed call?
	 * NULL: outputs are written exactly when the call succeeded. */
	bool (*output_written)(const struct tt_event *ev, unsigned i);
	/* Set for the sleeps: their lateness is measured. */
	const struct tt_sleep_shape *sleep;
	/* Set for the calls that arm a timer: profiles record them. */
	const struct tt_arm_shape *arm;
	/* Set for the waits with a timeout. */
	const struct tt_wait_shape *wait;
	/* Set when the generic decoding by argument type is not the whole
	 * story (futex: what its arguments are depends on the op): called
	 * at entry after each argument was decoded by its type, before the
	 * call's timing; it may rewrite values, set ev->nshown, and clear
	 * ev->mem[i].ok of an argument that is no pointer for this op (it
	 * is then not read again for the TOCTOU check). */
	void (*decode_entry)(struct tt_event *ev);
	/* What strace prints after a successful return in parentheses (a
	 * poll's revents, a select's ready sets and time left): builds
	 * ev->result at the exit from ev->back and ev->mem.  NULL: none. */
	void (*result)(struct tt_event *ev);
	/* Names of the return values, printed after a successful return
	 * ("= 5 (TIME_ERROR)"); NULL: a plain number. */
	const struct tt_xlat *ret_names;
	uint8_t learns;		/* enum tt_learn */
	/* It returns a new fd (timerfd_create): -y shows its path. */
	bool ret_fd;
	/* Traced only when its first argument is a timerfd (read): others
	 * are let through unprinted. */
	bool only_on_timerfd;
	/* Its one argument points to the arguments of this call, as the
	 * ABI's longs (i386 select 82: struct sel_arg_struct).  The core
	 * reads them, the event becomes that call's (tt_decode_indirect),
	 * and its own pointer arguments are read then.  NULL: none. */
	const struct tt_syscall *indirect;
};

enum tt_time_width {
	TW_NONE = 0,
	TW_32 = 32,		/* old_timespec32: s32 tv_sec, s32 tv_nsec */
	TW_64 = 64,		/* __kernel_timespec: s64 tv_sec, s64 tv_nsec */
};
/* The same width names the other time structures of an entry point:
 * TW_32 old_itimerval32 and old_timex32 (i386), TW_64 the 64-bit
 * itimerval and __kernel_timex.  A call without time structures (alarm,
 * timer_create) has TW_NONE. */

enum tt_syscall_flags {
	SF_RESTART = 1 << 0,	/* restart_syscall: resumes a remembered call */
};

struct tt_syscall {
	const char *name;	/* ttrace's name: the kernel entry point's */
	const struct tt_signature *sig;
	uint8_t width;		/* enum tt_time_width */
	uint8_t flags;		/* enum tt_syscall_flags */
};

/* Signatures of the families, defined beside their decoders; declared by
 * src/signatures.h, which make writes from the rows of arch/ABI/syscalls.h
 * (a new family is declared by the row that names it). */
#include "signatures.h"

/* Size in tracee memory of a pointed-to argument, 0 if not a pointer;
 * ptr_size: the ABI's (a sigevent's layout follows it).  From the type's
 * row in tt_types (src/decode/types.c).  For an array, one element's. */
unsigned tt_arg_size(enum tt_argtype type, enum tt_time_width width,
		     unsigned ptr_size);

/* Bytes of argument i of ev to read: a struct's size, or an array's
 * (its count, from an argument or the return value, times its
 * element's size), at most TT_MAX_MEM. */
unsigned tt_arg_bytes(const struct tt_event *ev, unsigned i);

/* Does this call, with these argument registers, carry a finite timeout
 * (a wait that is a timing request)?  False for a call that is no wait. */
bool tt_wait_timed(const struct tt_signature *sig, const uint64_t *raw);

/* Is this call's op one its wait shape says takes a timeout (futex's
 * FUTEX_WAIT, ipc's SEMTIMEDOP), whatever the timeout?  False for a call
 * whose shape has no op, or that is no wait. */
bool tt_wait_op(const struct tt_signature *sig, const uint64_t *raw);

#endif
