/* ttrace - the seccomp prefilter: only the selected calls stop. */
#ifndef TTRACE_SECCOMP_H
#define TTRACE_SECCOMP_H

#include <stdbool.h>

struct sock_fprog;
struct tt_abi;
struct tt_wait_shape;

/* The SECCOMP_RET_DATA of ttrace's own SECCOMP_RET_TRACE, which a seccomp
 * stop's PTRACE_GETEVENTMSG (and PTRACE_GET_SYSCALL_INFO's
 * seccomp.ret_data) returns: "tt". */
#define TT_SECCOMP_DATA 0x7474

/* How the filter takes a call. */
enum tt_seccomp_take {
	TT_TAKE_NONE,		/* it runs without a stop */
	TT_TAKE_ALWAYS,		/* it stops, whatever its arguments */
	TT_TAKE_IF_TIMED,	/* it stops when it carries a finite timeout,
				 * by its wait shape (tt_wait_timed) */
	TT_TAKE_IF_OP,		/* it stops when its op is one of its wait
				 * shape's timed ops (tt_wait_op): ipc's
				 * SEMTIMEDOP under -e trace=semtimedop */
};

/* How call nr of abi is taken; for TT_TAKE_IF_TIMED and TT_TAKE_IF_OP,
 * sets *w to its wait shape (without a shape, or IF_OP with a shape of no
 * op, it is taken always). */
typedef enum tt_seccomp_take (*tt_seccomp_rule)(const struct tt_abi *abi,
						long nr,
						const struct tt_wait_shape **w);

/* ttrace's rule: the calls the tracer needs (restart_syscall, the execs,
 * -k's map calls) and the selected rows always, but the rows selected
 * only when timed (tt_selected_if_timed), which are taken when timed, and
 * those selected for an op (tt_selected_if_op), taken for that op. */
enum tt_seccomp_take tt_seccomp_take(const struct tt_abi *abi, long nr,
				     const struct tt_wait_shape **w);

/* Builds the filter of rule over every ABI's calls (numbers below the
 * table's end, and abi->always): *out points at a static program, valid
 * until the next call.  Returns 0, or -1 with errno E2BIG when the program
 * does not fit BPF's limits (a jump of more than 255 instructions, more
 * than BPF_MAXINSNS of them). */
int tt_seccomp_build(tt_seccomp_rule rule, struct sock_fprog *out);

/* In the child, before it is traced: installs a filter that returns
 * SECCOMP_RET_TRACE for the selected calls of every ABI (plus the ones the
 * tracer always needs; a wait selected only when timed, when it is) and
 * lets every other call run without a stop (tt_seccomp_take).
 * Returns 0, or -1 with errno set. */
int tt_seccomp_install(void);

/* Is a seccomp stop at call nr of abi (NULL: an ABI ttrace does not know)
 * with SECCOMP_RET_DATA data one that ttrace's own filter asked for?  When
 * the tracee has a filter of its own that returns SECCOMP_RET_TRACE for
 * the call, the kernel reports only one stop, with that filter's data (of
 * equal actions the newest filter's wins); untraced, such a call fails
 * with ENOSYS, and it must fail so under ttrace too.  A stop is ttrace's
 * own when it has ttrace's data and ttrace's filter traps the call (a
 * wait taken when timed, whatever its arguments); a tracee's filter that
 * returns ttrace's data for one of those calls is taken for ttrace's. */
bool tt_seccomp_own_stop(const struct tt_abi *abi, long nr, unsigned long data);

#endif
