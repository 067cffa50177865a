/* ttrace - the seccomp prefilter: only the selected calls stop. */
#ifndef TTRACE_SECCOMP_H
#define TTRACE_SECCOMP_H

#include <stdbool.h>

struct tt_abi;

/* The SECCOMP_RET_DATA of ttrace's own SECCOMP_RET_TRACE, which a seccomp
 * stop's PTRACE_GETEVENTMSG (and PTRACE_GET_SYSCALL_INFO's
 * seccomp.ret_data) returns: "tt". */
#define TT_SECCOMP_DATA 0x7474

/* In the child, before it is traced: installs a filter that returns
 * SECCOMP_RET_TRACE for the selected calls of every ABI (plus the ones the
 * tracer always needs) and lets every other call run without a stop.
 * Returns 0, or -1 with errno set. */
int tt_seccomp_install(void);

/* Is a seccomp stop at call nr of abi (NULL: an ABI ttrace does not know)
 * with SECCOMP_RET_DATA data one that ttrace's own filter asked for?  When
 * the tracee has a filter of its own that returns SECCOMP_RET_TRACE for
 * the call, the kernel reports only one stop, with that filter's data (of
 * equal actions the newest filter's wins); untraced, such a call fails
 * with ENOSYS, and it must fail so under ttrace too.  A stop is ttrace's
 * own when it has ttrace's data and ttrace's filter traps the call; a
 * tracee's filter that returns ttrace's data for one of those calls is
 * taken for ttrace's. */
bool tt_seccomp_own_stop(const struct tt_abi *abi, long nr, unsigned long data);

#endif
