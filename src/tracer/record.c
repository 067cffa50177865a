/* ttrace - records from the tracer's per-thread state (src/record.h). */
#include "procfs.h"
#include "record.h"
#include "render/render.h"
#include "runtime.h"
#include "syscall.h"
#include "tcb.h"

/* The call restart_syscall resumes, as remembered when it was
 * interrupted; NULL when tcp's call is another, or it is not known. */
static const struct tt_event *resumed_call(const struct tcb *tcp)
{
	const struct tt_event *ev = &tcp->ev;

	if ((ev->sc->flags & SF_RESTART) && ev->resumes &&
	    (tcp->flags & TCB_RESTART) && tcp->restart.sc == ev->resumes)
		return &tcp->restart;
	return NULL;
}

/* The record of what happened to tcp at ts: identity, ABI, the tracee
 * count and, for those who want them, the command names. */
static struct tt_record make(enum tt_record_kind kind, struct tcb *tcp,
			     const struct tt_timestamps *ts)
{
	struct tt_record r = {
		.kind = kind,
		.pid = tcp->pid,
		.tid = tcp->tid,
		.abi = tcp->abi,
		.ts = *ts,
		.ntracees = tt_tcb_count(),
		.runtime = (tcp->flags & TCB_RUNTIME) != 0,
	};

	if (kind != TT_REC_END && kind != TT_REC_GONE &&
	    tt_render_wants(TT_WANT_COMM)) {
		if (!tcp->comm_read) {
			tt_proc_comm(tcp->pid, tcp->proc_comm,
				     sizeof(tcp->proc_comm));
			tt_proc_comm(tcp->tid, tcp->comm, sizeof(tcp->comm));
			tcp->comm_read = true;
		}
		r.comm = tcp->comm;
		r.proc_comm = tcp->proc_comm;
		r.runtime = r.runtime || tt_runtime_jvm_thread(tcp->comm);
	}
	return r;
}

static void call(enum tt_record_kind kind, struct tcb *tcp,
		 const struct tt_timestamps *ts)
{
	struct tt_record r = make(kind, tcp, ts);

	r.ev = &tcp->ev;
	r.resumed = resumed_call(tcp);
	tt_render_record(&r);
}

void tt_record_call_entry(struct tcb *tcp)
{
	call(TT_REC_CALL_ENTRY, tcp, &tcp->ev.t_entry);
}

void tt_record_call_exit(struct tcb *tcp)
{
	call(TT_REC_CALL_EXIT, tcp, &tcp->ev.t_exit);
}

/* A record of a thread leaving the trace (or the trace ending): the
 * traced call in progress never returns. */
static void leaving(struct tt_record *r, struct tcb *tcp)
{
	if (tcp->flags & TCB_TRACED_CALL) {
		r->ev = &tcp->ev;
		r->resumed = resumed_call(tcp);
	}
	tt_render_record(r);
}

void tt_record_signal(struct tcb *tcp, const siginfo_t *si,
		      const struct tt_known_timer *timer,
		      const struct tt_stack *stack,
		      const struct tt_timestamps *ts)
{
	struct tt_record r = make(TT_REC_SIGNAL, tcp, ts);

	r.si = si;
	r.sig_timer = timer;
	r.stack = stack;
	tt_render_record(&r);
}

void tt_record_group_stop(struct tcb *tcp, int sig,
			  const struct tt_timestamps *ts)
{
	struct tt_record r = make(TT_REC_GROUP_STOP, tcp, ts);

	r.sig = sig;
	tt_render_record(&r);
}

void tt_record_exit(struct tcb *tcp, int status,
		    const struct tt_timestamps *ts)
{
	struct tt_record r = make(TT_REC_EXIT, tcp, ts);

	r.status = status;
	leaving(&r, tcp);
}

void tt_record_superseded(struct tcb *tcp, pid_t old_tid,
			  const struct tt_timestamps *ts)
{
	struct tt_record r = make(TT_REC_SUPERSEDED, tcp, ts);

	r.old_tid = old_tid;
	leaving(&r, tcp);
}

void tt_record_new_tracee(struct tcb *tcp, pid_t parent,
			  const struct tt_timestamps *ts)
{
	struct tt_record r = make(TT_REC_NEW_TRACEE, tcp, ts);

	r.parent = parent;
	tt_render_record(&r);
	/* A new thread names itself once it runs (a JVM's do): its name is
	 * read again at its own first record. */
	tcp->comm_read = false;
}

void tt_record_exec(struct tcb *tcp, const struct tt_timestamps *ts)
{
	struct tt_record r;

	tcp->comm_read = false;		/* a new program, a new name */
	r = make(TT_REC_EXEC, tcp, ts);
	tt_render_record(&r);
}

void tt_record_abi(struct tcb *tcp, const struct tt_timestamps *ts)
{
	struct tt_record r = make(TT_REC_ABI, tcp, ts);

	tt_render_record(&r);
}

void tt_record_detached(struct tcb *tcp, const struct tt_timestamps *ts)
{
	struct tt_record r = make(TT_REC_DETACHED, tcp, ts);

	leaving(&r, tcp);
}

void tt_record_gone(struct tcb *tcp)
{
	struct tt_timestamps none = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	struct tt_record r = make(TT_REC_GONE, tcp, &none);

	tt_render_record(&r);
}

static void still_traced(struct tcb *tcp, void *arg)
{
	struct tt_record r = make(TT_REC_END, tcp, arg);

	leaving(&r, tcp);
}

void tt_record_finish(void)
{
	struct tt_timestamps now;

	/* Threads still traced when the trace ends (waitpid failed). */
	tt_now(&now);
	tt_tcb_foreach(still_traced, &now);
	tt_render_finish();
}
