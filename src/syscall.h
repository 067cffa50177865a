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
	AT_TIMERID,		/* a POSIX timer id (kernel timer_t is int) */
	AT_CLOCKID,		/* clockid_t, including CPU and fd clocks */
	AT_TIMER_FLAGS,		/* TIMER_ABSTIME */
	AT_TFD_SETTIME_FLAGS,	/* TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET */
	AT_TIMESPEC,		/* pointer to a timespec of the row's width */
	AT_ITIMERSPEC,		/* pointer to an itimerspec of the row's width */
};

enum tt_argdir {
	AD_VAL,			/* passed by value */
	AD_IN,			/* pointer the kernel reads */
	AD_OUT,			/* pointer the kernel may write */
};

struct tt_arg {
	const char *name;	/* the kernel's parameter name */
	uint8_t type;		/* enum tt_argtype */
	uint8_t dir;		/* enum tt_argdir */
};

struct tt_event;

/* Where a sleep keeps what the lateness needs; -1: it has no such
 * argument (nanosleep has no clock: CLOCK_MONOTONIC; no flags: relative). */
struct tt_sleep_shape {
	int8_t clock_arg;
	int8_t flags_arg;
	int8_t request_arg;
	uint32_t abstime;	/* the flag bit that makes it absolute */
};

/* Where a call that arms a timer keeps its new setting (an itimerspec)
 * and the flag that makes its value absolute. */
struct tt_arm_shape {
	int8_t flags_arg;
	int8_t setting_arg;
	uint32_t abstime;
};

/* The shape shared by every ABI variant of one call. */
struct tt_signature {
	const char *family;	/* the plain name: what -e selects */
	uint8_t nargs;
	struct tt_arg args[TT_MAX_ARGS];
	/* Did the kernel write output argument i in this completed call?
	 * NULL: outputs are written exactly when the call succeeded. */
	bool (*output_written)(const struct tt_event *ev, unsigned i);
	/* Set for the sleeps: their lateness is measured. */
	const struct tt_sleep_shape *sleep;
	/* Set for the calls that arm a timer: profiles record them. */
	const struct tt_arm_shape *arm;
};

enum tt_time_width {
	TW_NONE = 0,
	TW_32 = 32,		/* old_timespec32: s32 tv_sec, s32 tv_nsec */
	TW_64 = 64,		/* __kernel_timespec: s64 tv_sec, s64 tv_nsec */
};

enum tt_syscall_flags {
	SF_RESTART = 1 << 0,	/* restart_syscall: resumes a remembered call */
};

struct tt_syscall {
	const char *name;	/* ttrace's name: the kernel entry point's */
	const struct tt_signature *sig;
	uint8_t width;		/* enum tt_time_width */
	uint8_t flags;		/* enum tt_syscall_flags */
};

/* Signatures of the families, defined beside their decoders. */
extern const struct tt_signature tt_sig_timer_settime;
extern const struct tt_signature tt_sig_timerfd_settime;
extern const struct tt_signature tt_sig_clock_nanosleep;
extern const struct tt_signature tt_sig_restart_syscall;

/* Size in tracee memory of a pointed-to argument, 0 if not a pointer. */
unsigned tt_arg_size(enum tt_argtype type, enum tt_time_width width);

#endif
