/* ttrace - the tracer side of the renderer contract: one struct
 * tt_record (render/render.h) built from a thread's state and handed to
 * the active renderers.  Each of these says what just happened to tcp. */
#ifndef TTRACE_RECORD_H
#define TTRACE_RECORD_H

#include <signal.h>
#include <sys/types.h>

#include "event.h"

struct tcb;
struct tt_known_timer;

/* A traced call entered (tcp->ev holds its inputs), or returned. */
void tt_record_call_entry(struct tcb *tcp);
void tt_record_call_exit(struct tcb *tcp);
/* timer: the POSIX timer a SI_TIMER signal came from, or NULL. */
void tt_record_signal(struct tcb *tcp, const siginfo_t *si,
		      const struct tt_known_timer *timer,
		      const struct tt_stack *stack,
		      const struct tt_timestamps *ts);
void tt_record_group_stop(struct tcb *tcp, int sig,
			  const struct tt_timestamps *ts);
void tt_record_exit(struct tcb *tcp, int status,
		    const struct tt_timestamps *ts);
void tt_record_superseded(struct tcb *tcp, pid_t old_tid,
			  const struct tt_timestamps *ts);
void tt_record_new_tracee(struct tcb *tcp, pid_t parent,
			  const struct tt_timestamps *ts);
/* execve succeeded: the command names are read again. */
void tt_record_exec(struct tcb *tcp, const struct tt_timestamps *ts);
/* tcp->abi changed. */
void tt_record_abi(struct tcb *tcp, const struct tt_timestamps *ts);
void tt_record_detached(struct tcb *tcp, const struct tt_timestamps *ts);
/* The tcb is about to be freed. */
void tt_record_gone(struct tcb *tcp);
/* The trace is over: an END record for every thread still traced, then
 * the renderers' finish. */
void tt_record_finish(void);

#endif
