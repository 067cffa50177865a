/* ttrace - renderers turn records into output.
 *
 * The tracer side (src/record.c) makes one struct tt_record per thing
 * that happened to a tracee and hands it to every active renderer: the
 * main one (text, JSON or the -c summary), then those of other files
 * (profiles, the --timeline file).  A renderer reads the record only:
 * never the tracee, /proc or the tracer's per-thread state (it does not
 * include tcb.h).  What it must remember across records it keeps itself,
 * by tid, and drops at the record that says the thread is gone. */
#ifndef TTRACE_RENDER_H
#define TTRACE_RENDER_H

#include <signal.h>
#include <sys/types.h>

#include "error.h"
#include "event.h"

struct tt_abi;
struct tt_known_timer;

enum tt_record_kind {
	TT_REC_CALL_ENTRY,	/* a traced call entered: ev holds its inputs */
	TT_REC_CALL_EXIT,	/* it returned: ev is complete */
	TT_REC_SIGNAL,		/* a signal is delivered: si, sig_timer */
	TT_REC_GROUP_STOP,	/* stopped by sig */
	TT_REC_EXIT,		/* the thread exited or was killed: status */
	TT_REC_SUPERSEDED,	/* another thread's execve (old_tid) replaced it */
	TT_REC_NEW_TRACEE,	/* attached with -p (parent 0), or followed into
				 * a new thread or process of parent */
	TT_REC_EXEC,		/* execve succeeded: a new program */
	TT_REC_ABI,		/* the thread's ABI changed to abi */
	TT_REC_DETACHED,	/* ttrace lets it go */
	TT_REC_END,		/* the trace ends with the thread still traced */
	TT_REC_GONE,		/* the tracer forgets the thread: nothing more
				 * comes for this tid until a NEW_TRACEE */
};

struct tt_record {
	enum tt_record_kind kind;
	pid_t pid;			/* the thread group */
	pid_t tid;
	const struct tt_abi *abi;	/* the thread's ABI at the last stop */
	struct tt_timestamps ts;	/* when (a call: its entry or exit) */
	/* Tracees ttrace follows now (the text prefix says the tid when
	 * there are several). */
	unsigned ntracees;
	/* The command names (/proc/TID/comm and the leader's), read by the
	 * tracer at the thread's first record and again at an execve, when
	 * a renderer asks for them (TT_WANT_COMM); "?" for a thread already
	 * gone, NULL when no renderer asked.  Not set for END and GONE. */
	const char *comm;
	const char *proc_comm;
	/* The thread is a language runtime's own (Go's sysmon; a JVM's own
	 * threads, known by name, when comm is read): what it asks for is
	 * the runtime's housekeeping (src/analysis/runtime.h; profiles
	 * count it apart). */
	bool runtime;
	/* CALL_ENTRY, CALL_EXIT: the call.  EXIT, SUPERSEDED, DETACHED and
	 * END: a traced call in progress that will never return, or NULL. */
	const struct tt_event *ev;
	/* With ev a restart_syscall: the call it resumes, as remembered
	 * when it was interrupted (its timing); NULL when unknown. */
	const struct tt_event *resumed;
	const siginfo_t *si;		/* SIGNAL */
	/* SIGNAL of code SI_TIMER: the timer, when ttrace knows it. */
	const struct tt_known_timer *sig_timer;
	/* SIGNAL with -k: the thread's stack where the signal is delivered
	 * (NULL: no -k, or the walk failed). */
	const struct tt_stack *stack;
	int sig;			/* GROUP_STOP */
	int status;			/* EXIT: the wait status */
	pid_t parent;			/* NEW_TRACEE */
	pid_t old_tid;			/* SUPERSEDED */
};

struct tt_renderer {
	void (*record)(const struct tt_record *r);
	/* A diagnostic is about to go to the same stream. */
	void (*break_line)(void);
	/* After the last record. */
	void (*finish)(void);
	/* What the records must carry that costs the tracer work: enum
	 * tt_render_want. */
	unsigned wants;
};

enum tt_render_want {
	/* comm and proc_comm (the tracer reads /proc) */
	TT_WANT_COMM = 1 << 0,
	/* runtime: whether a thread is a language runtime's own (the tracer
	 * reads each new program's ELF headers at its exec) */
	TT_WANT_RUNTIME = 1 << 1,
};

extern const struct tt_renderer tt_render_text;
extern const struct tt_renderer tt_render_json;
extern const struct tt_renderer tt_render_summary;
extern const struct tt_renderer tt_render_timeline;

/* The output format: strace's text (the default) or JSON Lines; or, with
 * -c, only the summary at the end. */
void tt_render_use_json(void);
void tt_render_use_summary(void);
/* --json: the header line, at once (a diagnostic may come before any
 * event: it must not come before the header). */
void tt_json_begin(void);
/* --json with the stream on standard error: one of ttrace's messages as
 * a "diagnostic" object of the stream (tt_error_set_sink). */
bool tt_json_diagnostic(enum tt_level level, const char *msg);
/* Adds a renderer that writes elsewhere (a profile recorder, the
 * --timeline file), once however often it is asked. */
void tt_render_add(const struct tt_renderer *r);

/* Dispatch to the active renderers. */
void tt_render_record(const struct tt_record *r);
void tt_render_finish(void);
void tt_render_break_line(void);
/* Does an active renderer want this (enum tt_render_want) in its records? */
bool tt_render_wants(unsigned want);

/* Reads the clocks now: realtime, monotonic, and boottime when
 * --timestamps shows it. */
void tt_now(struct tt_timestamps *ts);

#endif
