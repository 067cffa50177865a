/* ttrace - -k: the stack of a thread stopped at a syscall entry or at a
 * signal's delivery (libdw).
 *
 * One unwinding context per traced process, shared by its threads: a
 * libdwfl session that knows the process's modules, and a cache from pc
 * to symbol.  The modules are read from /proc/PID/maps once, and again
 * only after a call that changed the maps succeeded, or after an execve.
 */
#ifndef TTRACE_UNWIND_H
#define TTRACE_UNWIND_H

struct tcb;
struct tt_event;

struct tt_stack;

/* Walks tcp's stack (tcp is ptrace-stopped) into ev->stack, at most
 * tt_opt.stack_depth frames, symbolized.  A walk that fails says why on
 * stderr, once; ev->stack.captured is then false and the trace goes on. */
void tt_unwind_capture(struct tcb *tcp, struct tt_event *ev);
/* The same into stack, at what the thread is stopped for (a call's
 * name, "SIGUSR1") for the error. */
void tt_unwind_capture_at(struct tcb *tcp, struct tt_stack *stack,
			  const char *what);

/* tcp's process changed its maps (a map call succeeded). */
void tt_unwind_maps_changed(struct tcb *tcp);

/* tcp's process runs a new program: every module is gone. */
void tt_unwind_exec(struct tcb *tcp);

/* The context of a process whose last thread is gone (NULL: none). */
struct tt_unwind_proc;
void tt_unwind_free(struct tt_unwind_proc *p);

#endif
