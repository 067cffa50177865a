/* ttrace - the per-thread context, passed first to everything. */
#ifndef TTRACE_TCB_H
#define TTRACE_TCB_H

#include <stdbool.h>
#include <sys/types.h>

#include "event.h"
#include "known.h"

enum tcb_flags {
	TCB_STARTUP = 1 << 0,	/* attached, first stop not seen yet */
	TCB_ATTACHED = 1 << 1,	/* attached with -p (not started by us) */
	TCB_IN_SYSCALL = 1 << 2,/* between a syscall entry and its exit */
	TCB_TRACED_CALL = 1 << 3,/* ... and that call is printed: ev is live */
	TCB_HIDDEN = 1 << 4,	/* the command before its first execve */
	TCB_RESTART = 1 << 5,	/* .restart holds an interrupted call */
	TCB_LISTENING = 1 << 6,	/* in group-stop, resumed with PTRACE_LISTEN */
	TCB_ATTACH_STOP = 1 << 7,/* first stop is -p's: keep the native ABI so
				  * an i386 thread's first call says so */
	TCB_MAPS_CALL = 1 << 8,	/* -k: the call in progress changes the maps */
	TCB_RESTART_SEEN = 1 << 9,/* .restart was traced from its entry:
				   * its t_entry is when it entered */
	TCB_RUNTIME = 1 << 10,	/* a language runtime's own thread (Go's
				 * sysmon): tt_record.runtime */
};

struct tt_process;

struct tcb {
	pid_t tid;
	pid_t pid;			/* its process (thread group): proc->pid */
	/* What its process owns (known timers, -k's context), shared with
	 * its other threads; set with tt_tcb_set_pid. */
	struct tt_process *proc;
	unsigned flags;
	const struct tt_abi *abi;	/* ABI of the last stop */
	const struct tt_abi *entry_abi;	/* ABI of the current call's entry */
	struct tt_event ev;		/* the traced call in progress */
	const struct tt_syscall *cur_sc;/* the table row of any call in progress */
	const struct tt_abi *cur_args_abi;	/* an untraced one's ABI, */
	uint64_t cur_args[TT_MAX_ARGS];		/* and arguments */
	struct tt_event restart;	/* the call restart_syscall resumes */
	/* -p: the call /proc showed the thread blocked in before we
	 * interrupted it; its ABI is known only at the first stop. */
	bool has_blocked;
	long blocked_nr;
	uint64_t blocked_args[TT_MAX_ARGS];
	/* The command names the records carry (src/tracer/record.c): the
	 * thread's and its leader's, read at its first record and again at
	 * an execve when a renderer wants them. */
	bool comm_read;
	char comm[32], proc_comm[32];
	struct tcb *hash_next;
};

struct tcb *tt_tcb_find(pid_t tid);
struct tcb *tt_tcb_new(pid_t tid, unsigned flags);
/* The thread belongs to process pid (a tcb starts in its own tid's). */
void tt_tcb_set_pid(struct tcb *tcp, pid_t pid);
void tt_tcb_delete(struct tcb *tcp);
/* Called with each tcb about to be freed (renderers drop what they keep
 * of it). */
void tt_tcb_set_delete_hook(void (*fn)(struct tcb *tcp));
unsigned tt_tcb_count(void);
/* Calls fn for every tcb; fn may delete the tcb it is given. */
void tt_tcb_foreach(void (*fn)(struct tcb *tcp, void *arg), void *arg);

#endif
