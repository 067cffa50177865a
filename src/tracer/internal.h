/* ttrace - what the parts of the tracer share (src/tracer/).
 *
 *   loop.c     the wait loop in rounds, stop classification, signals to
 *              ttrace (on_interrupt)
 *   sysinfo.c  the syscall stops: PTRACE_GET_SYSCALL_INFO or the register
 *              set, and seccomp stops (ttrace's own or the tracee's)
 *   spawn.c    starting a command under the filter
 *   attach.c   -p: seizing every thread; detaching every tracee
 *
 * Every tracee is seized (PTRACE_SEIZE), so group-stops are told apart
 * from signal-delivery stops (PTRACE_EVENT_STOP) and can be kept stopped
 * with PTRACE_LISTEN.  Forks, vforks, clones and execs are followed with
 * the PTRACE_O_TRACE* options; the command ttrace starts also gets
 * PTRACE_O_EXITKILL, so it cannot outlive a killed ttrace while stopped.
 * Threads attached with -p do not: killing ttrace must not kill them.
 *
 * Nothing here knows about timers: syscall stops go to syscall_trace.c,
 * everything printed goes through the renderers, /proc is read through
 * procfs.c. */
#ifndef TTRACE_TRACER_INTERNAL_H
#define TTRACE_TRACER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/types.h>

struct tcb;
struct tt_abi;

/* No PTRACE_O_TRACESECCOMP: only a command started under ttrace's own
 * filter gets it.  With it, a SECCOMP_RET_TRACE of a filter the tracee
 * installed itself would stop instead of failing with ENOSYS, as it does
 * untraced (see seccomp_stop). */
#define TRACE_OPTIONS (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC |	\
		       PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |	\
		       PTRACE_O_TRACEVFORK)


struct tt_tracer_state {
	pid_t cmd_pid;		/* the command we started, or 0 */
	int cmd_status;		/* its wait status once it is gone, or -1 */
	bool have_syscall_info;	/* PTRACE_GET_SYSCALL_INFO works */
	/* The command runs under ttrace's seccomp filter: tracees stop only
	 * at the selected calls, and should not be detached (see
	 * seccomp.c). */
	bool use_seccomp;
};
extern struct tt_tracer_state tt_tracer;

/* loop.c */
void tt_trace_loop(void);
/* Resumes a stopped tracee (PTRACE_SYSCALL becomes PTRACE_CONT between
 * calls under the filter).  ESRCH means it died meanwhile: its exit will
 * be reported by waitpid, which is normal. */
void tt_resume(struct tcb *tcp, int request, int sig);
bool tt_is_stop_signal(int sig);
/* A fork, vfork or clone event of parent: the new tracee's tcb. */
void tt_new_child(struct tcb *parent, unsigned event);
/* tcp exited or was killed (status): printed, then forgotten. */
void tt_gone(struct tcb *tcp, int status);

/* sysinfo.c */
const struct tt_abi *tt_abi_from_regset(pid_t tid, void *buf, size_t size,
					size_t *got);
/* A syscall stop; returns the number of a call entered (its ABI in
 * tcp->entry_abi), else -1. */
long tt_syscall_stop(struct tcb *tcp);
void tt_seccomp_stop(struct tcb *tcp);

/* attach.c */
/* Stops every tracee and detaches each at its next stop. */
void tt_detach_all(void);

#endif
