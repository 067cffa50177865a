/* ttrace - renderers turn events into output.  The tracer calls these;
 * each active renderer (the main one: text, JSON or the -c summary; then
 * those of other files: profiles, the --timeline file) gets every event.
 * Renderers read the event and the tcb's identity, never the tracee. */
#ifndef TTRACE_RENDER_H
#define TTRACE_RENDER_H

#include <signal.h>

#include "event.h"

struct tcb;

struct tt_renderer {
	/* A traced call entered (tcp->ev holds its inputs). */
	void (*syscall_entry)(struct tcb *tcp);
	/* It returned (tcp->ev complete). */
	void (*syscall_exit)(struct tcb *tcp);
	void (*signal)(struct tcb *tcp, const siginfo_t *si,
		       const struct tt_timestamps *ts);
	void (*group_stop)(struct tcb *tcp, int sig,
			   const struct tt_timestamps *ts);
	/* The thread is gone: wait status of its exit or death.  A traced
	 * call still in progress never returned. */
	void (*exit)(struct tcb *tcp, int status, const struct tt_timestamps *ts);
	/* Another thread's execve replaced this one (it had tid old_tid). */
	void (*superseded)(struct tcb *tcp, pid_t old_tid,
			   const struct tt_timestamps *ts);
	/* A tracee appeared: attached with -p (parent 0), or followed
	 * into a new thread or process of parent. */
	void (*new_tracee)(struct tcb *tcp, pid_t parent,
			   const struct tt_timestamps *ts);
	/* execve succeeded: a new program in tcp's process. */
	void (*exec)(struct tcb *tcp, const struct tt_timestamps *ts);
	/* tcp->abi changed. */
	void (*personality)(struct tcb *tcp, const struct tt_timestamps *ts);
	/* Detached (a traced call in progress is left to run untraced). */
	void (*detached)(struct tcb *tcp, const struct tt_timestamps *ts);
	/* The tcb is about to be freed. */
	void (*forget)(struct tcb *tcp);
	/* A diagnostic is about to go to the same stream. */
	void (*break_line)(void);
	void (*finish)(void);
};

extern const struct tt_renderer tt_render_text;
extern const struct tt_renderer tt_render_json;
extern const struct tt_renderer tt_render_summary;
extern const struct tt_renderer tt_render_timeline;

/* The output format: strace's text (the default) or JSON Lines; or, with
 * -c, only the summary at the end. */
void tt_render_use_json(void);
void tt_render_use_summary(void);
/* Adds a renderer that writes elsewhere (a profile recorder, the
 * --timeline file), once however often it is asked. */
void tt_render_add(const struct tt_renderer *r);

/* Dispatch to the active renderers. */
void tt_render_syscall_entry(struct tcb *tcp);
void tt_render_syscall_exit(struct tcb *tcp);
void tt_render_signal(struct tcb *tcp, const siginfo_t *si,
		      const struct tt_timestamps *ts);
void tt_render_group_stop(struct tcb *tcp, int sig,
			  const struct tt_timestamps *ts);
void tt_render_exit(struct tcb *tcp, int status, const struct tt_timestamps *ts);
void tt_render_superseded(struct tcb *tcp, pid_t old_tid,
			  const struct tt_timestamps *ts);
void tt_render_personality(struct tcb *tcp, const struct tt_timestamps *ts);
void tt_render_new_tracee(struct tcb *tcp, pid_t parent,
			  const struct tt_timestamps *ts);
void tt_render_exec(struct tcb *tcp, const struct tt_timestamps *ts);
void tt_render_detached(struct tcb *tcp, const struct tt_timestamps *ts);
void tt_render_finish(void);
void tt_render_break_line(void);
void tt_render_forget(struct tcb *tcp);

/* Reads both clocks now. */
void tt_now(struct tt_timestamps *ts);

#endif
