/* ttrace - the seccomp prefilter: only the selected calls stop. */
#ifndef TTRACE_SECCOMP_H
#define TTRACE_SECCOMP_H

/* In the child, before it is traced: installs a filter that returns
 * SECCOMP_RET_TRACE for the selected calls of every ABI (plus the ones the
 * tracer always needs) and lets every other call run without a stop.
 * Returns 0, or -1 with errno set. */
int tt_seccomp_install(void);

#endif
