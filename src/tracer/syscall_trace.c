/* ttrace - the syscall entry and exit path.
 *
 * At entry the core reads every input struct the signature names (one
 * process_vm_readv each) and the decoder turns registers and bytes into
 * values; at exit it reads the outputs the kernel wrote and decodes them.
 * Per thread it remembers a call interrupted with ERESTART_RESTARTBLOCK:
 * the kernel resumes it through restart_syscall, whose entry carries none
 * of the original arguments. */
#include <string.h>

#include "abi.h"
#include "decode/decode.h"
#include "error.h"
#include "process.h"
#include "record.h"
#include "render/render.h"
#include "select.h"
#include "syscall_trace.h"
#include "fdpath.h"
#include "known.h"
#include "lateness.h"
#include "options.h"
#include "tcb.h"
#include "toctou.h"
#include "umove.h"
#include "unwind.h"
#include "xlat/xlat.h"

/* What the first field of struct argument i points to, when its type
 * says the kernel reads that too. */
static void fetch_sub(struct tcb *tcp, struct tt_event *ev, unsigned i)
{
	struct tt_time_layout lay = tt_layout_of(ev);
	unsigned size = tt_sub_size(ev->sc->sig->args[i].type, &lay);
	uint64_t p;

	if (!size || !ev->mem[i].ok)
		return;
	p = tt_get_u(ev->mem[i].bytes, ev->abi->ptr_size);
	ev->sub[i].ok = p && tt_umove(tcp->tid, p, ev->sub[i].bytes, size,
				      tt_abi_addr_limit(ev->abi)) == 0;
}

static void fetch(struct tcb *tcp, struct tt_event *ev, unsigned i)
{
	unsigned size = tt_arg_bytes(ev, i);

	ev->mem[i].len = (uint16_t)size;
	/* an empty array is there whatever its address */
	ev->mem[i].ok = ev->sc->sig->args[i].count && !size ? true :
		size && ev->raw[i] &&
		tt_umove(tcp->tid, ev->raw[i], ev->mem[i].bytes, size,
			 tt_abi_addr_limit(ev->abi)) == 0;
	fetch_sub(tcp, ev, i);
}

/* An untraced call's arguments, kept only for the restart memory. */
static void keep_untraced(struct tcb *tcp, const struct tt_abi *abi,
			  const uint64_t args[TT_MAX_ARGS])
{
	tcp->cur_args_abi = abi;
	memcpy(tcp->cur_args, args, sizeof(tcp->cur_args));
}

/* Every input argument of the call ev is. */
static void fetch_inputs(struct tcb *tcp, struct tt_event *ev)
{
	for (unsigned i = 0; i < ev->sc->sig->nargs; i++)
		if (tt_dir_input(ev->sc->sig->args[i].dir))
			fetch(tcp, ev, i);
}

/* The clock of the timer the call is about (a POSIX timer id or a
 * timerfd argument), when ttrace knows it; tfd: already looked up. */
static void timer_clock(struct tcb *tcp, struct tt_event *ev,
			const struct tt_known_timer *tfd)
{
	const struct tt_timing *tm = &ev->timing;
	const struct tt_known_timer *t = tfd;

	if (!t && tm->has_timer)
		t = tm->timer_kind == TT_TIMER_POSIX ?
			tt_known_posix(tcp, tm->timer) :
			tt_known_timerfd(tcp, tm->timer, false);
	if (t) {
		ev->has_timer_clock = true;
		ev->timer_clock = t->clock;
	}
}

/* A call of an ABI ttrace does not trace (x32): said once a program. */
static void say_untraced_abi(struct tcb *tcp, const struct tt_abi *abi,
			     long nr)
{
	const char *other = tt_abi_other(abi, nr);

	if (!other || !tcp->proc || tcp->proc->untraced_abi_said)
		return;
	tcp->proc->untraced_abi_said = true;
	tt_warning("process %d made an %s system call (%#lx), and ttrace does "
		   "not trace %s: its %s calls are not shown", (int)tcp->tid,
		   other, nr, other, other);
}

void tt_syscall_enter(struct tcb *tcp, const struct tt_abi *abi, long nr,
		      const uint64_t args[TT_MAX_ARGS],
		      const struct tt_timestamps *ts)
{
	const struct tt_syscall *sc = tt_abi_syscall(abi, nr);
	const struct tt_known_timer *tfd = NULL;
	struct tt_event *ev = &tcp->ev;

	tcp->flags |= TCB_IN_SYSCALL;
	tcp->flags &= ~(TCB_TRACED_CALL | TCB_MAPS_CALL);
	tcp->entry_abi = abi;
	if (tt_opt.stack && tt_abi_changes_maps(abi, nr))
		tcp->flags |= TCB_MAPS_CALL;

	tcp->cur_sc = sc;
	if (!sc) {
		/* Not a call of ours, so not restart_syscall: whatever was
		 * interrupted before was not resumed. */
		tcp->flags &= ~TCB_RESTART;
		say_untraced_abi(tcp, abi, nr);
		return;
	}
	if (sc->flags & SF_RESTART) {
		if (!tt_selected(abi, nr))
			return;
		tt_event_init(ev, sc, abi, tcp->tid, nr, args);
		ev->resumes = (tcp->flags & TCB_RESTART) ? tcp->restart.sc : NULL;
		/* a wait it resumes ends here, against its own deadline */
		if (ev->resumes)
			tt_timing_resume(ev, &tcp->restart,
					 (tcp->flags & TCB_RESTART_SEEN) ?
					 &tcp->restart.t_entry : NULL);
	} else {
		/* Any other call means the interrupted one was not resumed
		 * (a handler ran and the program saw EINTR). */
		tcp->flags &= ~TCB_RESTART;
		/* read is traced on timerfds only: a /proc look-up per read */
		if (tt_selected(abi, nr) && sc->sig->only_on_timerfd)
			tfd = tt_known_timerfd(tcp, (int32_t)(uint32_t)args[0],
					       true);
		if (!tt_selected_call(abi, nr, args) ||
		    (sc->sig->only_on_timerfd && !tfd)) {
			keep_untraced(tcp, abi, args);
			return;
		}
		tt_event_init(ev, sc, abi, tcp->tid, nr, args);
		fetch_inputs(tcp, ev);
		/* i386's old select: its arguments were in memory; without a
		 * timeout there, it is no wait the default traces */
		if (tt_decode_indirect(ev)) {
			if (tt_selected_if_timed(abi, nr) &&
			    !tt_wait_timed(ev->sc->sig, ev->raw)) {
				keep_untraced(tcp, abi, args);
				return;
			}
			fetch_inputs(tcp, ev);
		}
		tt_decode_entry(ev);
		timer_clock(tcp, ev, tfd);
		if (tt_opt.decode_fds)
			tt_fdpath_entry(ev, tcp->tid, tt_opt.decode_fds);
	}
	/* The stack now: by the exit another thread may have unmapped
	 * what it runs through. */
	if (tt_opt.stack)
		tt_unwind_capture(tcp, ev);
	ev->t_entry = *ts;
	tt_lateness_left(tcp, ev);
	tcp->flags |= TCB_TRACED_CALL;
	tt_record_call_entry(tcp);
}

/* The outputs the kernel wrote and the TOCTOU re-reads of the inputs (of
 * the call itself, or of the one restart_syscall resumed), in one read.
 * Returns the event whose inputs were read again (NULL: none), their
 * bytes in again. */
static struct tt_event *read_at_exit(struct tcb *tcp,
				     struct tt_reread again[TT_MAX_ARGS])
{
	struct tt_event *ev = &tcp->ev, *orig = NULL;
	struct tt_umove_req req[2 * TT_MAX_ARGS];
	int8_t out_of[TT_MAX_ARGS];
	unsigned n = 0, nout;

	for (unsigned i = 0; i < ev->sc->sig->nargs; i++) {
		struct tt_mem *m = ev->sc->sig->args[i].dir == AD_INWB ?
			&ev->back[i] : &ev->mem[i];

		if (!tt_output_wanted(ev, i))
			continue;
		m->len = (uint16_t)tt_arg_bytes(ev, i);
		if (!m->len) {	/* an empty array: nothing to read */
			m->ok = true;
			continue;
		}
		out_of[n] = (int8_t)i;
		req[n++] = (struct tt_umove_req){
			.addr = ev->raw[i],
			.buf = m->bytes,
			.len = m->len,
			.addr_limit = tt_abi_addr_limit(ev->abi),
		};
	}
	nout = n;
	if (tt_opt.toctou) {
		if (!(ev->sc->flags & SF_RESTART))
			orig = ev;
		else if (ev->resumes && (tcp->flags & TCB_RESTART))
			orig = &tcp->restart;
		if (orig)
			n += tt_toctou_requests(orig, again, req + n);
	}
	tt_umove_many(tcp->tid, req, n);
	for (unsigned k = 0; k < nout; k++) {
		unsigned i = (unsigned)out_of[k];

		if (ev->sc->sig->args[i].dir == AD_INWB)
			ev->back[i].ok = req[k].ok;
		else
			ev->mem[i].ok = req[k].ok;
	}
	for (unsigned k = nout, i = 0; orig && k < n; k++) {
		while (!again[i].wanted)
			i++;
		again[i].gone = req[k].gone;
		again[i++].ok = req[k].ok;
	}
	return orig;
}

void tt_syscall_exit(struct tcb *tcp, int64_t rval,
		     const struct tt_timestamps *ts)
{
	struct tt_event *ev = &tcp->ev, *orig;
	struct tt_reread again[TT_MAX_ARGS];
	bool restart;

	if (!(tcp->flags & TCB_IN_SYSCALL))
		return;		/* attached in the middle of a call */
	tcp->flags &= ~TCB_IN_SYSCALL;
	/* -k: the modules are read again at the next stack.  brk returns
	 * the break, never an error. */
	if ((tcp->flags & TCB_MAPS_CALL) && !(rval < 0 && rval >= -4095))
		tt_unwind_maps_changed(tcp);
	if (!(tcp->flags & TCB_TRACED_CALL)) {
		/* An untraced call of ours can still be resumed by a traced
		 * restart_syscall, which must name it. */
		if (tcp->cur_sc && !(tcp->cur_sc->flags & SF_RESTART) &&
		    rval == -TT_ERESTART_RESTARTBLOCK) {
			tt_event_init(&tcp->restart, tcp->cur_sc,
				      tcp->cur_args_abi, tcp->tid, 0,
				      tcp->cur_args);
			tt_timing_entry(&tcp->restart);
			tcp->flags |= TCB_RESTART;
			tcp->flags &= ~TCB_RESTART_SEEN;
		}
		return;
	}

	if (rval < 0 && rval >= -4095) {
		ev->ret = TR_ERROR;
		ev->err = (int)-rval;
	} else {
		ev->ret = TR_VALUE;
		ev->rval = rval;
	}
	orig = read_at_exit(tcp, again);
	tt_decode_exit(ev);
	if (tt_opt.decode_fds)
		tt_fdpath_exit(ev, tcp->tid, tt_opt.decode_fds);
	tt_known_learn(tcp, ev);
	ev->t_exit = *ts;
	tt_lateness_measure(tcp, ev, ts);
	if (orig)
		tt_toctou_check(tcp, ev, orig, again);
	tt_record_call_exit(tcp);
	tcp->flags &= ~TCB_TRACED_CALL;

	restart = ev->ret == TR_ERROR && ev->err == TT_ERESTART_RESTARTBLOCK;
	if (ev->sc->flags & SF_RESTART) {
		if (!restart)
			tcp->flags &= ~TCB_RESTART;
	} else if (restart) {
		tcp->restart = *ev;
		tcp->flags |= TCB_RESTART | TCB_RESTART_SEEN;
	}
}

void tt_syscall_remember_blocked(struct tcb *tcp, const struct tt_abi *abi,
				 long nr, const uint64_t args[TT_MAX_ARGS])
{
	const struct tt_syscall *sc = tt_abi_syscall(abi, nr);

	if (!sc || (sc->flags & SF_RESTART))
		return;
	tt_event_init(&tcp->restart, sc, abi, tcp->tid, nr, args);
	tt_timing_entry(&tcp->restart);
	tcp->flags |= TCB_RESTART;
	tcp->flags &= ~TCB_RESTART_SEEN;
}
