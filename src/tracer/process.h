/* ttrace - the per-process context.
 *
 * What belongs to a process (a thread group) rather than to one of its
 * threads: the timers ttrace knows of (src/analysis/known.c) and the
 * unwinding context of -k (src/analysis/unwind.c).  Each tcb holds its
 * process's context; the last one to let go frees it, so a thread's exit
 * costs nothing per other thread. */
#ifndef TTRACE_PROCESS_H
#define TTRACE_PROCESS_H

#include <sys/types.h>

struct tt_known_set;
struct tt_unwind_proc;

struct tt_process {
	pid_t pid;
	unsigned threads;		/* tcbs holding it */
	struct tt_known_set *known;	/* NULL until a timer is learned */
	struct tt_unwind_proc *unwind;	/* NULL until -k walks a stack */
	/* A Go program (its last execve, as ttrace saw it): the first
	 * thread it starts is the runtime's sysmon, whose sleeps and waits
	 * are the runtime's housekeeping, not the program's requests. */
	bool go;
	unsigned threads_started;	/* since that execve */
	/* It was said that its calls of an ABI ttrace does not trace (x32)
	 * are not shown: once a program. */
	bool untraced_abi_said;
	struct tt_process *hash_next;
};

/* pid's context, made if need be, held once more. */
struct tt_process *tt_process_hold(pid_t pid);
/* Lets go of p; the last holder frees it and what it owns. */
void tt_process_release(struct tt_process *p);
/* How many processes are held (for the tests). */
unsigned tt_process_count(void);

#endif
