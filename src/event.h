/* ttrace - a decoded syscall as values.
 *
 * Decoders turn the registers and the bytes read from the tracee into a
 * small tree of typed values; renderers (strace text, later JSON, summaries)
 * turn the tree into output and never look at the tracee.  Everything lives
 * inside the event: no allocation per call.
 */
#ifndef TTRACE_EVENT_H
#define TTRACE_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "syscall.h"

struct tt_abi;
struct tt_xlat;

enum tt_vkind {
	TV_PENDING,	/* an output not known before the exit */
	TV_INT,		/* .s */
	TV_UINT,	/* .u */
	TV_FLAGS,	/* .u, names in .xlat */
	TV_CLOCKID,	/* .s: a clockid_t */
	TV_NULL,	/* a NULL pointer */
	TV_ADDR,	/* .u: a pointer not decoded, .why says why */
	TV_STRUCT,	/* .child: first field; .u: where it was read */
	TV_XVAL,	/* .u: one of the names in .xlat (not a bit set) */
	TV_SIGNAL,	/* .s: a signal number */
	TV_PTR,		/* .u: a pointer value in a struct, not followed */
	TV_ARRAY,	/* .child: first element (unnamed); .u: where read */
	TV_LIST,	/* what strace prints after a return value, in
			 * parentheses: .child: first item, each "NAME VALUE"
			 * or, unnamed, just its value ("in [3], left {..}") */
	TV_MORE,	/* an array's elements beyond those shown ("..."):
			 * .u of them */
	TV_FDSET,	/* .child: the fds set, in order (TV_FD each at
			 * entry, TV_INT in a result) */
	TV_SIGSET,	/* .u: a set of signals, bit n-1 for signal n */
	TV_HEX,		/* .u, a number strace prints in hex ("%#llx":
			 * 0 is "0"): an io_event's data, ipc's arguments */
	TV_FUTEX_OP,	/* .u: FUTEX_WAKE_OP's val3, an operation and a
			 * comparison (tt_futex_wake_op_split) */
	TV_FD,		/* .s: a file descriptor (an argument, a pollfd's
			 * fd, a member of an fd set at entry); with -y
			 * .path names what it was open on then */
};

enum tt_addr_why {
	TA_NOT_WRITTEN,	/* an output the kernel did not write */
	TA_UNREADABLE,	/* not readable whole (fault, unmapped, gone) */
	TA_NOT_SHOWN,	/* strace does not decode it: an input it reads at
			 * a failed exit (AD_IN_EXIT), a sigset whose size
			 * argument is no sigset's */
};

#define TT_NO_VALUE (-1)

struct tt_value {
	uint8_t kind;		/* enum tt_vkind */
	uint8_t why;		/* enum tt_addr_why, for TV_ADDR */
	bool label;		/* an item of a TV_LIST the text shows after
				 * its name ("left {...}") */
	uint8_t path;		/* -y: TV_FD, or a TV_CLOCKID of an fd: 1 +
				 * its index in ev->fds, 0 none */
	int16_t child;		/* TV_STRUCT, TV_ARRAY, TV_LIST: first
				 * member, or TT_NO_VALUE */
	int16_t next;		/* next member of the parent, or TT_NO_VALUE */
	const char *name;	/* argument or field name */
	union {
		int64_t s;
		uint64_t u;
	};
	const struct tt_xlat *xlat;	/* TV_FLAGS, TV_XVAL */
};

/* What ttrace found beyond what strace shows, printed after the call. */
enum tt_note_kind {
	/* An i386 time64 tv_nsec whose upper (padding) half is not zero; the
	 * kernel ignores it.  .node: the tv_nsec value; .a: the padding. */
	TN_NSEC_PADDING,
	/* TOCTOU: input .arg changed between the entry and the exit stop.
	 * .node: its value at entry, .node2: at exit (detached trees). */
	TN_TOCTOU_CHANGED,
	/* TOCTOU: only the padding half of a compat time64 tv_nsec changed.
	 * .node: that tv_nsec in the entry tree .node2; .a: padding at entry,
	 * .b: at exit. */
	TN_TOCTOU_PADDING,
	/* TOCTOU: input .arg could not be read again at the exit. */
	TN_TOCTOU_UNREADABLE,
	/* What /proc/PID/fdinfo shows the kernel armed differs from the utmr
	 * read at entry.  .node: a detached {it_interval, settime_flags}. */
	TN_TIMERFD_ARMED,
};

struct tt_note {
	uint8_t kind;		/* enum tt_note_kind */
	int8_t arg;		/* the argument it is about, or -1 */
	int16_t node, node2;	/* values it is about, or TT_NO_VALUE */
	uint64_t a, b;
};

enum tt_ret_kind {
	TR_NONE,	/* no exit seen (yet): prints as "= ?" */
	TR_VALUE,	/* .rval */
	TR_ERROR,	/* .err: a positive errno, maybe an ERESTART* one */
};

#define TT_MAX_VALUES 480	/* indices are int16_t */
#define TT_MAX_NOTES 8
#define TT_MAX_STRUCT 208	/* largest struct read from the tracee:
				 * __kernel_timex */
#define TT_MAX_MEM 1024		/* bytes read of one argument: a struct, or
				 * the first elements of an array (128
				 * pollfds, an fd_set of 8192 fds) */
#define TT_MAX_SUB 8		/* what a struct argument points to: a sigset */
#define TT_MAX_SHOWN 32		/* elements of an array shown, then "...":
				 * strace's default -s 32 */
/* The elements shown (-s), at most what ttrace reads. */
extern unsigned tt_max_shown;

/* -k: one frame of the calling thread's stack, as found at the entry.
 * The strings belong to the process's unwinding context (src/analysis/unwind.c)
 * and live as long as any of its threads. */
struct tt_frame {
	uint64_t pc;		/* the return address; the pc itself innermost */
	uint64_t file_off;	/* pc as an offset in the module's file */
	uint64_t sym_off;	/* pc - the symbol's start */
	const char *module;	/* its path, "[vdso]", or NULL: in no module */
	const char *symbol;	/* NULL: no symbol covers pc */
	const char *file;	/* -kk: the source file, or NULL */
	int32_t line;		/* -kk: the line in it */
};

#define TT_MAX_FRAMES 64

struct tt_stack {
	bool captured;		/* -k walked it (false: off, or it failed) */
	uint8_t n;
	struct tt_frame f[TT_MAX_FRAMES];
};

struct tt_timestamps {
	struct timespec real;	/* CLOCK_REALTIME */
	struct timespec mono;	/* CLOCK_MONOTONIC */
	/* CLOCK_BOOTTIME: read only with --timestamps=clock:boottime (else
	 * zero), the one clock no other part needs */
	struct timespec boot;
};

static inline int64_t tt_ts_ns(const struct timespec *t)
{
	return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec;
}

/* What a call means for time, decoded once by decode/ (src/decode/
 * timing.c) from the registers and the bytes read at entry, completed at
 * exit with the id of a timer it created.  Everything that reasons about
 * time (lateness, profiles, the timeline, what ttrace knows of timers, the
 * timerfd check) reads this, never argument positions or raw bytes. */
enum tt_timing_kind {
	TT_TIMING_NONE,		/* nothing to know (a gettime, a read) */
	TT_TIMING_SLEEP,	/* sleeps for .value, or until deadline .value */
	TT_TIMING_ARM,		/* arms a timer: first expiry .value (0:
				 * disarms), then every .interval (0: once) */
	TT_TIMING_CREATE,	/* creates .timer (known at exit) on .clock */
	TT_TIMING_DELETE,	/* deletes POSIX timer .timer */
	TT_TIMING_WAIT,		/* waits for an event, at most .value (when
				 * .has_value; none: forever), or until
				 * deadline .value; .outcome at exit */
};

/* How a wait ended. */
enum tt_wait_outcome {
	TT_WAIT_PENDING,	/* not ended (yet) */
	TT_WAIT_TIMED_OUT,	/* its timeout expired */
	TT_WAIT_READY,		/* an event came first (woken, fd ready) */
	TT_WAIT_INTERRUPTED,	/* a signal came first (EINTR, ERESTART*) */
	TT_WAIT_FAILED,		/* any other error */
};

enum tt_timing_clock {
	TT_CLOCK_NONE,
	TT_CLOCK_ID,		/* .clock is a clockid_t */
	TT_CLOCK_ITIMER,	/* .clock is ITIMER_REAL, _VIRTUAL or _PROF */
	TT_CLOCK_OF_TIMER,	/* the clock of .timer (ev->timer_clock, when
				 * ttrace knows it) */
};

enum tt_timing_timer {
	TT_TIMER_NONE,
	TT_TIMER_POSIX,		/* .timer is a POSIX timer id */
	TT_TIMER_FD,		/* .timer is a timerfd */
};

/* A time as the kernel takes it: seconds and the fraction of a second in
 * the struct's unit (tv_nsec; a timeval's tv_usec), a compat time64
 * tv_nsec without its padding half. */
struct tt_ktime {
	int64_t sec;
	uint64_t frac;
};

struct tt_timing {
	uint8_t kind;		/* enum tt_timing_kind */
	uint8_t clock_from;	/* enum tt_timing_clock */
	uint8_t timer_kind;	/* enum tt_timing_timer */
	bool has_timer;		/* .timer is set */
	bool absolute;		/* .value is a deadline on .clock */
	bool has_value;		/* .value and .interval were read */
	bool in_ns;		/* ... and fit in 64-bit ns: .value_ns and
				 * .interval_ns hold them */
	bool valid;		/* ... and are times the kernel takes (not
				 * negative, the fraction below a second) */
	int8_t timer_arg;	/* the argument that names .timer, or -1 (a
				 * note about the timer is about it) */
	int32_t clock;
	int32_t timer;
	uint32_t flags;		/* the call's flags, as passed */
	uint8_t outcome;	/* WAIT: enum tt_wait_outcome */
	/* A restart_syscall's: the timing of the wait it resumes (not a
	 * request of its own), its outcome the resumed wait's end.  A
	 * relative timeout counts from since_ns (CLOCK_MONOTONIC), the
	 * resumed call's entry, when since_known (tt_timing_resume). */
	bool resumed;
	bool since_known;
	int64_t since_ns;
	struct tt_ktime value, interval;
	int64_t value_ns, interval_ns;
	/* CREATE: a timerfd made close-on-exec; a POSIX timer's sigevent
	 * (a NULL one is the default: SIGEV_SIGNAL, SIGALRM, the id). */
	bool cloexec;
	bool notify_known;
	bool default_sigevent;
	int32_t notify, signo;
	uint64_t sival;
};

/* -y: what the fds a call names were open on at the stop that decoded
 * them (src/tracer/fdpath.c): /proc/TID/fd/N as read, raw bytes (the
 * renderers escape them), and with -yy a device's type and numbers or a
 * socket's details in place of "socket:[INODE]". */
#define TT_MAX_FDS 48		/* distinct fds of one call with a path */
#define TT_FD_POOL 6144		/* bytes of their paths together */

struct tt_fd_path {
	int32_t fd;
	uint16_t off, len;	/* the path in pool, NUL-terminated there */
	char dev;		/* -yy: 'c' char or 'b' block device, else 0 */
	bool socket;		/* -yy: a socket's details follow its path
				 * in pool, as strace prints them */
	uint32_t major, minor;
};

struct tt_fd_paths {
	uint8_t n;
	uint16_t used;
	struct tt_fd_path e[TT_MAX_FDS];
	char pool[TT_FD_POOL];
};

struct tt_event {
	const struct tt_syscall *sc;	/* the table row (a multiplexer's
					 * subcall's: tt_decode_subcall) */
	const struct tt_abi *abi;	/* the ABI of the entry */
	pid_t tid;
	long nr;
	uint64_t raw[TT_MAX_ARGS];	/* argument registers at entry */

	/* Bytes of each pointer argument: inputs read at entry, outputs at
	 * exit; .ok says whether all .len bytes could be read (a struct
	 * whole, an array's first TT_MAX_MEM bytes). */
	struct tt_mem {
		bool ok;
		uint16_t len;
		uint8_t bytes[TT_MAX_MEM];
	} mem[TT_MAX_ARGS];
	/* AD_INWB inputs as the kernel wrote them back, read at the exit
	 * when it did (a poll's revents, a select's fd sets and time left). */
	struct tt_mem back[TT_MAX_ARGS];
	/* What the first field of a struct argument points to, when its
	 * type says the kernel reads it too (a pselect6's sigset). */
	struct {
		bool ok;
		uint8_t bytes[TT_MAX_SUB];
	} sub[TT_MAX_ARGS];

	/* v[0 .. nargs-1] are the arguments; fields follow. */
	struct tt_value v[TT_MAX_VALUES];
	uint16_t nv;
	/* The arguments shown: the signature's, or fewer when the call's
	 * op uses fewer (a futex FUTEX_WAKE shows 3 of 6). */
	uint8_t nshown;
	/* A TV_LIST printed after the return value ("= 1 (in [3])"), made
	 * at exit by the signature's result hook, or TT_NO_VALUE. */
	int16_t result;
	struct tt_note notes[TT_MAX_NOTES];
	uint8_t nnotes;

	uint8_t ret;		/* enum tt_ret_kind */
	int64_t rval;
	int err;
	/* -y: a returned fd's path (the signature's ret_fd), as .path */
	uint8_t ret_path;
	struct tt_fd_paths fds;

	struct tt_timestamps t_entry, t_exit;

	/* The TOCTOU re-read: the input bytes last seen at an exit, so that a
	 * change already reported is not reported again when restart_syscall
	 * resumes the call (seen_state: 0 not yet, 1 bytes, 2 unreadable). */
	uint8_t seen_state[TT_MAX_ARGS];
	uint8_t seen[TT_MAX_ARGS][TT_MAX_MEM];

	/* restart_syscall: the interrupted call it resumes (its row, or NULL
	 * when unknown). */
	const struct tt_syscall *resumes;

	/* The clock of the POSIX timer or timerfd the call is about, when
	 * ttrace knows it (src/analysis/known.c), looked up at entry. */
	bool has_timer_clock;
	int32_t timer_clock;

	/* What the call means for time. */
	struct tt_timing timing;
	/* A sleep that returned 0, or a wait that timed out: how late it
	 * woke (src/analysis/lateness.c); has_lateness false otherwise. */
	bool has_lateness;
	int64_t lateness_ns;
	/* An absolute request (a deadline, a timer's expiry): how far off
	 * it was, its clock read at the entry stop.  This is what a program
	 * that sleeps until now+x asked for: x, less its own time between
	 * reading the clock and the call (src/analysis/lateness.c). */
	bool has_left;
	int64_t left_ns;

	/* -k: the caller's stack at the entry, innermost first. */
	struct tt_stack stack;
};

/* Building values.  All return the new value's index or TT_NO_VALUE when
 * the event is full (the tree then just ends early). */
void tt_event_init(struct tt_event *ev, const struct tt_syscall *sc,
		   const struct tt_abi *abi, pid_t tid, long nr,
		   const uint64_t raw[TT_MAX_ARGS]);
int tt_value_add(struct tt_event *ev, int parent, const char *name,
		 enum tt_vkind kind);
/* A value outside the argument list (a struct as re-read at the exit). */
int tt_value_new(struct tt_event *ev, const char *name, enum tt_vkind kind);
/* Returns the note, or NULL when the event has no room left. */
struct tt_note *tt_note_add(struct tt_event *ev, enum tt_note_kind kind,
			    int node, uint64_t a);

/* The dotted path of a value from the argument (or detached tree root)
 * that holds it ("new_setting.it_value.tv_nsec") into buf; returns buf. */
char *tt_value_path(const struct tt_event *ev, int node, char *buf,
		    size_t size);

/* The field called name of the struct value node, or TT_NO_VALUE. */
int tt_value_field(const struct tt_event *ev, int node, const char *name);

/* A decoded timespec (node: a struct with tv_sec and tv_nsec) in
 * nanoseconds; false when it is not one or not a time the kernel takes
 * (negative, tv_nsec out of range, beyond int64 nanoseconds). */
bool tt_value_timespec_ns(const struct tt_event *ev, int node, int64_t *ns);

/* The path of value v with -y, or NULL. */
static inline const struct tt_fd_path *
tt_fd_path_of(const struct tt_event *ev, uint8_t path)
{
	return path && path <= ev->fds.n ? &ev->fds.e[path - 1] : NULL;
}

static inline const char *tt_fd_path_str(const struct tt_event *ev,
					 const struct tt_fd_path *p)
{
	return ev->fds.pool + p->off;
}

/* -yy: a socket's details ("UNIX-STREAM:[4387313->4387314]"), already
 * as strace prints them, when p->socket. */
static inline const char *tt_fd_socket_str(const struct tt_event *ev,
					   const struct tt_fd_path *p)
{
	return ev->fds.pool + p->off + p->len + 1;
}

static inline const struct tt_value *
tt_arg_value(const struct tt_event *ev, unsigned i)
{
	return &ev->v[i];
}

#endif
