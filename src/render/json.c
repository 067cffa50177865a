/* ttrace - the JSON Lines renderer (--json).
 *
 * One object per line, one line per event, never mixed with text.  The
 * schema is doc/ttrace-events.schema.json (readable: doc/JSON.md); the
 * first line says its version.  Principles (OUTPUT.md): numbers are JSON
 * numbers; times and durations are integer nanoseconds; 64-bit addresses
 * are strings; arguments carry the kernel's parameter names; symbolic
 * values keep their number; every call says its ABI and time width.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "abi.h"
#include "config.h"
#include "error.h"
#include "known.h"
#include "options.h"
#include "output.h"
#include "render/jline.h"
#include "render/render.h"
#include "xlat/xlat.h"

#define SCHEMA_VERSION 1

static void jaddr(struct jline *l, uint64_t a)
{
	jprintf(l, "\"%#" PRIx64 "\"", a);
}

static void jtime(struct jline *l, const char *key, const struct tt_timestamps *ts)
{
	jprintf(l, ",\"%s\":{\"realtime_ns\":%" PRId64 ",\"monotonic_ns\":%" PRId64 "}",
		key, tt_ts_ns(&ts->real), tt_ts_ns(&ts->mono));
}

static void begin(struct jline *l, const char *type, const struct tt_record *r)
{
	l->n = 0;
	jprintf(l, "{\"type\":\"%s\",\"pid\":%d,\"tid\":%d", type, (int)r->pid,
		(int)r->tid);
}

static void end(struct jline *l)
{
	jputs(l, "}\n");
	tt_out_write(l->b, l->n);
	tt_out_flush_if_interactive();
}

static void jsignal_value(struct jline *l, int sig)
{
	char buf[32];

	jputs(l, "{\"name\":");
	jstr(l, tt_signal_name(sig, buf, sizeof(buf)));
	jprintf(l, ",\"number\":%d}", sig);
}

static void jsignal(struct jline *l, const char *key, int sig)
{
	jprintf(l, ",\"%s\":", key);
	jsignal_value(l, sig);
}

/* --- values ------------------------------------------------------------ */

static void jflags(struct jline *l, const struct tt_value *v)
{
	uint64_t left = v->u;
	size_t pos = 0;
	const char *name;
	bool any = false;

	jprintf(l, "{\"value\":%" PRIu64 ",\"names\":[", v->u);
	while ((name = tt_xlat_next_flag(v->xlat, &left, &pos))) {
		if (any)
			jputs(l, ",");
		jstr(l, name);
		any = true;
	}
	jprintf(l, "],\"unknown\":%" PRIu64 "}", left);
}

/* Clock ids: named, a CPU clock of a process or thread, an fd clock, or
 * unknown (just the value). */
/* -y: ,"path":"...", and with -yy a device's ,"device":"char 1:3" or a
 * socket's ,"socket":"UNIX-STREAM:[4387313->4387314]" (as strace
 * prints it). */
static void jfd_path(struct jline *l, const struct tt_event *ev, uint8_t path)
{
	const struct tt_fd_path *p = tt_fd_path_of(ev, path);

	if (!p)
		return;
	jputs(l, ",\"path\":");
	jstr(l, tt_fd_path_str(ev, p));
	if (p->dev)
		jprintf(l, ",\"device\":\"%s %u:%u\"",
			p->dev == 'c' ? "char" : "block", p->major, p->minor);
	if (p->socket) {
		jputs(l, ",\"socket\":");
		jstr(l, tt_fd_socket_str(ev, p));
	}
}

/* A clock id; an fd's with -y has its path (path 0: none, ev unused). */
static void jclockid_path(struct jline *l, int32_t id,
			  const struct tt_event *ev, uint8_t path)
{
	struct tt_clockid c = tt_clockid_split(id);

	jprintf(l, "{\"value\":%d", id);
	switch (c.kind) {
	case TC_NAMED:
		jputs(l, ",\"name\":");
		jstr(l, c.name);
		break;
	case TC_FD:
		jprintf(l, ",\"fd\":%d", c.who);
		if (path)
			jfd_path(l, ev, path);
		break;
	case TC_CPU:
		jprintf(l, ",\"cpu\":{\"%s\":%d,\"clock\":",
			c.per_thread ? "tid" : "pid", c.who);
		jstr(l, c.name);
		jputs(l, "}");
		break;
	case TC_UNKNOWN:
		break;
	}
	jputs(l, "}");
}

static void jclockid(struct jline *l, int32_t id)
{
	jclockid_path(l, id, NULL, 0);
}

static void jvalue(struct jline *l, const struct tt_event *ev, int idx);

static void jname_or_null(struct jline *l, const struct tt_xlat *x,
			  uint64_t val)
{
	const char *name = tt_xlat_name(x, val);

	if (name)
		jstr(l, name);
	else
		jputs(l, "null");
}

/* FUTEX_WAKE_OP's val3: the number and its fields */
static void jfutex_op(struct jline *l, uint32_t val3)
{
	struct tt_futex_wake_op o = tt_futex_wake_op_split(val3);

	jprintf(l, "{\"value\":%u,\"op\":", val3);
	jname_or_null(l, &tt_xlat_futex_wake_ops, o.op);
	jprintf(l, ",\"oparg_shift\":%s,\"oparg\":%u,\"cmp\":",
		o.oparg_shift ? "true" : "false", o.oparg);
	jname_or_null(l, &tt_xlat_futex_wake_cmps, o.cmp);
	jprintf(l, ",\"cmparg\":%u}", o.cmparg);
}

static void jfields(struct jline *l, const struct tt_event *ev, int idx)
{
	/* a note's value that did not fit in the event's pool */
	if (idx == TT_NO_VALUE) {
		jputs(l, "null");
		return;
	}
	jputs(l, "{");
	for (int c = ev->v[idx].child; c != TT_NO_VALUE; c = ev->v[c].next) {
		if (c != ev->v[idx].child)
			jputs(l, ",");
		jstr(l, ev->v[c].name);
		jputs(l, ":");
		jvalue(l, ev, c);
	}
	jputs(l, "}");
}

/* A signal set: its bits and the names of the signals in it. */
static void jsigset(struct jline *l, uint64_t set)
{
	bool any = false;

	jprintf(l, "{\"value\":%" PRIu64 ",\"names\":[", set);
	for (int sig = 1; sig <= 64; sig++) {
		char buf[32];

		if (!(set >> (sig - 1) & 1))
			continue;
		if (any)
			jputs(l, ",");
		jstr(l, tt_signal_name(sig, buf, sizeof(buf)));
		any = true;
	}
	jputs(l, "]}");
}

/* An array's or fd set's elements. */
static void jelements(struct jline *l, const struct tt_event *ev, int idx)
{
	const struct tt_value *v = &ev->v[idx];

	jputs(l, "[");
	for (int c = v->child; c != TT_NO_VALUE; c = ev->v[c].next) {
		if (c != v->child)
			jputs(l, ",");
		jvalue(l, ev, c);
	}
	jputs(l, "]");
}

/* An fd: a number, or with -y its path beside it. */
static void jfd(struct jline *l, const struct tt_event *ev,
		const struct tt_value *v)
{
	if (!v->path) {
		jprintf(l, "%" PRId64, v->s);
		return;
	}
	jprintf(l, "{\"value\":%" PRId64, v->s);
	jfd_path(l, ev, v->path);
	jputs(l, "}");
}

/* A pointer whose target is not shown, and why. */
static void jaddr_unread(struct jline *l, uint64_t addr, const char *why)
{
	jputs(l, "{\"addr\":");
	jaddr(l, addr);
	jprintf(l, ",\"unread\":\"%s\"}", why);
}

static void jvalue(struct jline *l, const struct tt_event *ev, int idx)
{
	const struct tt_value *v = &ev->v[idx];

	switch (v->kind) {
	case TV_INT:
		jprintf(l, "%" PRId64, v->s);
		break;
	case TV_UINT:
		jprintf(l, "%" PRIu64, v->u);
		break;
	case TV_FLAGS:
		jflags(l, v);
		break;
	case TV_CLOCKID:
		jclockid_path(l, (int32_t)v->s, ev, v->path);
		break;
	case TV_FD:
		jfd(l, ev, v);
		break;
	case TV_NULL:
		jputs(l, "null");
		break;
	case TV_ADDR:
		jaddr_unread(l, v->u, v->why == TA_NOT_WRITTEN ? "not_written" :
				      v->why == TA_NOT_SHOWN ? "not_shown" :
				      "unreadable");
		break;
	case TV_STRUCT:
		jfields(l, ev, idx);
		break;
	case TV_XVAL:
		/* one of a set: the number, and its name (null: none) */
		/* signed: a negative si_code is stored sign-extended */
		jprintf(l, "{\"value\":%" PRId64 ",\"name\":", v->s);
		jname_or_null(l, v->xlat, v->u);
		jputs(l, "}");
		break;
	case TV_SIGNAL:
		jsignal_value(l, (int)v->s);
		break;
	case TV_PTR:
		if (v->u)
			jaddr(l, v->u);
		else
			jputs(l, "null");
		break;
	case TV_HEX:		/* as strace shows it: "0x1234", "0" */
		jaddr(l, v->u);
		break;
	case TV_ARRAY:
	case TV_FDSET:		/* the fds set */
		jelements(l, ev, idx);
		break;
	case TV_LIST:
		jfields(l, ev, idx);
		break;
	case TV_MORE:
		/* the elements of an array not shown; 0: some, not counted
		 * (a poll's revents beyond those shown) */
		if (v->u)
			jprintf(l, "{\"more\":%" PRIu64 "}", v->u);
		else
			jputs(l, "{\"more\":null}");
		break;
	case TV_SIGSET:
		jsigset(l, v->u);
		break;
	case TV_FUTEX_OP:
		jfutex_op(l, (uint32_t)v->u);
		break;
	case TV_PENDING:
		/* an output of a call that never returned */
		jaddr_unread(l, ev->raw[idx], "no_exit");
		break;
	}
}

/* An argument: a pointer to what was decoded (a struct, an array, an fd
 * set, a signal set) carries its address (the value's, but a sigset's,
 * whose .u is the set: futex shows its timeout in another argument's
 * place for some ops). */
static void jarg(struct jline *l, const struct tt_event *ev, unsigned i)
{
	uint8_t k = ev->v[i].kind;

	if ((k == TV_STRUCT || k == TV_ARRAY || k == TV_FDSET ||
	     (k == TV_SIGSET && ev->sc->sig->args[i].dir != AD_VAL)) &&
	    i < ev->sc->sig->nargs) {
		jputs(l, "{\"addr\":");
		jaddr(l, k == TV_SIGSET ? ev->raw[i] : ev->v[i].u);
		jputs(l, ",\"value\":");
		jvalue(l, ev, (int)i);
		jputs(l, "}");
	} else {
		jvalue(l, ev, (int)i);
	}
}

void tt_json_args(struct jline *l, const struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;

	jputs(l, "{");
	for (unsigned i = 0; i < ev->nshown; i++) {
		if (i)
			jputs(l, ",");
		/* the name the decoder gave it (futex: by op) */
		jstr(l, ev->v[i].name ? ev->v[i].name : sig->args[i].name);
		jputs(l, ":");
		jarg(l, ev, i);
	}
	jputs(l, "}");
}

static void jnotes(struct jline *l, const struct tt_event *ev)
{
	const struct tt_syscall *call =
		(ev->sc->flags & SF_RESTART) && ev->resumes ? ev->resumes : ev->sc;
	char path[96];

	jputs(l, ",\"findings\":[");
	for (unsigned i = 0; i < ev->nnotes; i++) {
		const struct tt_note *n = &ev->notes[i];
		const char *arg = n->arg >= 0 && n->arg < call->sig->nargs ?
			call->sig->args[n->arg].name : NULL;

		if (i)
			jputs(l, ",");
		switch (n->kind) {
		case TN_NSEC_PADDING:
			jputs(l, "{\"kind\":\"nsec_padding\",\"field\":");
			jstr(l, tt_value_path(ev, n->node, path, sizeof(path)));
			jprintf(l, ",\"padding\":%" PRIu64 "}", n->a);
			break;
		case TN_TOCTOU_CHANGED:
			jputs(l, "{\"kind\":\"toctou_changed\",\"arg\":");
			jstr(l, arg);
			jputs(l, ",\"entry\":");
			jfields(l, ev, n->node);
			jputs(l, ",\"exit\":");
			jfields(l, ev, n->node2);
			jputs(l, "}");
			break;
		case TN_TOCTOU_PADDING:
			jputs(l, "{\"kind\":\"toctou_padding\",\"arg\":");
			jstr(l, arg);
			jputs(l, ",\"field\":");
			jstr(l, tt_value_path(ev, n->node, path, sizeof(path)));
			jprintf(l, ",\"entry\":%" PRIu64 ",\"exit\":%" PRIu64 "}",
				n->a, n->b);
			break;
		case TN_TOCTOU_UNREADABLE:
			jputs(l, "{\"kind\":\"toctou_unreadable\",\"arg\":");
			jstr(l, arg);
			jputs(l, "}");
			break;
		case TN_TIMERFD_ARMED:
			jprintf(l, "{\"kind\":\"timerfd_armed\",\"fd\":%d,\"armed\":",
				(int)(int32_t)ev->raw[n->arg]);
			jfields(l, ev, n->node);
			jputs(l, "}");
			break;
		}
	}
	jputs(l, "]");
}

/* -k: the caller's stack at the entry, innermost frame first; -kk adds
 * the source line of each frame (null where no debug info has it). */
static void jstack(struct jline *l, const struct tt_stack *stack)
{
	jputs(l, ",\"stack\":[");
	for (unsigned i = 0; i < stack->n; i++) {
		const struct tt_frame *f = &stack->f[i];

		jputs(l, i ? ",{\"pc\":" : "{\"pc\":");
		jaddr(l, f->pc);
		jputs(l, ",\"module\":");
		if (f->module)
			jstr(l, f->module);
		else
			jputs(l, "null");
		jputs(l, ",\"symbol\":");
		if (f->symbol) {
			jstr(l, f->symbol);
			jprintf(l, ",\"offset\":%" PRIu64, f->sym_off);
		} else {
			jputs(l, "null,\"offset\":null");
		}
		jputs(l, ",\"file_offset\":");
		if (f->module)
			jaddr(l, f->file_off);
		else
			jputs(l, "null");
		if (tt_opt.stack >= 2) {
			jputs(l, ",\"file\":");
			if (f->file) {
				jstr(l, f->file);
				jprintf(l, ",\"line\":%d", (int)f->line);
			} else {
				jputs(l, "null,\"line\":null");
			}
		}
		jputs(l, "}");
	}
	jputs(l, "]");
}

/* --- timing ------------------------------------------------------------ */

static const char *const wait_outcomes[] = {
	[TT_WAIT_TIMED_OUT] = "timed_out",
	[TT_WAIT_READY] = "ready",
	[TT_WAIT_INTERRUPTED] = "interrupted",
	[TT_WAIT_FAILED] = "failed",
};

/* What a sleep, a timer's arming or a wait means for time (ev->timing):
 * its clock (null: an itimer's, or a timer's that ttrace does not know),
 * its mode, what it asks for in ns (null: a wait without a timeout, or a
 * value the kernel would refuse or ttrace could not read), for an
 * absolute request the time left to it at the entry, a wait's outcome
 * (null: it did not return) and, when measured, how late it woke. */
static void jtiming(struct jline *l, const struct tt_event *ev, bool returned)
{
	const struct tt_timing *tm = &ev->timing;
	bool known = tm->has_value && tm->valid;
	const char *kind;

	switch (tm->kind) {
	case TT_TIMING_SLEEP:
		kind = "sleep";
		break;
	case TT_TIMING_ARM:
		kind = "arm";
		break;
	case TT_TIMING_WAIT:
		kind = "wait";
		break;
	default:
		return;
	}
	jprintf(l, ",\"timing\":{\"kind\":\"%s\",\"clock\":", kind);
	if (tm->clock_from == TT_CLOCK_ID)
		jclockid(l, tm->clock);
	else if (tm->clock_from == TT_CLOCK_OF_TIMER && ev->has_timer_clock)
		jclockid(l, ev->timer_clock);
	else
		jputs(l, "null");
	jprintf(l, ",\"mode\":\"%s\",\"%s\":",
		tm->absolute ? "absolute" : "relative",
		tm->kind == TT_TIMING_SLEEP ? "requested_ns" :
		tm->kind == TT_TIMING_ARM ? "value_ns" : "timeout_ns");
	if (known)
		jprintf(l, "%" PRId64, tm->value_ns);
	else
		jputs(l, "null");
	if (tm->kind == TT_TIMING_ARM) {
		jputs(l, ",\"interval_ns\":");
		if (known)
			jprintf(l, "%" PRId64, tm->interval_ns);
		else
			jputs(l, "null");
	}
	if (ev->has_left)
		jprintf(l, ",\"left_ns\":%" PRId64, ev->left_ns);
	if (tm->kind == TT_TIMING_WAIT) {
		jputs(l, ",\"outcome\":");
		if (returned && ev->ret != TR_NONE && tm->outcome &&
		    tm->outcome < sizeof(wait_outcomes) / sizeof(wait_outcomes[0]))
			jprintf(l, "\"%s\"", wait_outcomes[tm->outcome]);
		else
			jputs(l, "null");
	}
	if (ev->has_lateness)
		jprintf(l, ",\"lateness_ns\":%" PRId64, ev->lateness_ns);
	jputs(l, "}");
}

/* --- events ------------------------------------------------------------ */

static void call_event(const struct tt_record *r, bool returned)
{
	const struct tt_event *ev = r->ev;
	const struct tt_signature *sig = ev->sc->sig;
	struct jline l;

	begin(&l, "call", r);
	jputs(&l, ",\"name\":");
	jstr(&l, ev->sc->name);
	jputs(&l, ",\"family\":");
	jstr(&l, sig->family);
	jprintf(&l, ",\"nr\":%ld,\"abi\":\"%s\",\"time_width\":%u", ev->nr,
		ev->abi->name, (unsigned)ev->sc->width);
	if (ev->sc->flags & SF_RESTART) {
		jputs(&l, ",\"resumes\":");
		if (ev->resumes)
			jstr(&l, ev->resumes->name);
		else
			jputs(&l, "null");
	}
	if (ev->has_timer_clock) {
		/* the clock of the timer or timerfd the call is about */
		jputs(&l, ",\"clock\":");
		jclockid(&l, ev->timer_clock);
	}
	jputs(&l, ",\"args\":");
	tt_json_args(&l, ev);
	jtime(&l, "entry", &ev->t_entry);
	if (returned && ev->ret != TR_NONE) {
		jtime(&l, "exit", &ev->t_exit);
		jprintf(&l, ",\"duration_ns\":%" PRId64,
			tt_ts_ns(&ev->t_exit.mono) - tt_ts_ns(&ev->t_entry.mono));
	}
	jputs(&l, ",\"return\":");
	if (!returned || ev->ret == TR_NONE) {
		jputs(&l, "null");
	} else if (ev->ret == TR_VALUE) {
		const char *rname = sig->ret_names ?
			tt_xlat_name(sig->ret_names, (uint64_t)ev->rval) : NULL;

		jprintf(&l, "{\"value\":%" PRId64, ev->rval);
		jfd_path(&l, ev, ev->ret_path);
		if (rname) {
			jputs(&l, ",\"name\":");
			jstr(&l, rname);
		}
		if (ev->result != TT_NO_VALUE) {
			/* what the kernel wrote back: ready fds, time left */
			jputs(&l, ",\"result\":");
			jfields(&l, ev, ev->result);
		}
		jputs(&l, "}");
	} else {
		const char *name = tt_errno_name(ev->err);

		jprintf(&l, "{\"error\":{\"number\":%d,\"name\":", ev->err);
		if (name)
			jstr(&l, name);
		else
			jputs(&l, "null");
		jputs(&l, ",\"message\":");
		jstr(&l, tt_errno_text(ev->err));
		jprintf(&l, ",\"restart\":%s}}",
			tt_errno_is_restart(ev->err) ? "true" : "false");
	}
	jtiming(&l, ev, returned);
	jnotes(&l, ev);
	if (ev->stack.captured)
		jstack(&l, &ev->stack);
	end(&l);
}

static void json_signal(const struct tt_record *r)
{
	const siginfo_t *si = r->si;
	const char *code = tt_sicode_name(si->si_signo, si->si_code);
	struct jline l;

	begin(&l, "signal", r);
	jtime(&l, "time", &r->ts);
	jsignal(&l, "signal", si->si_signo);
	jprintf(&l, ",\"code\":{\"value\":%d,\"name\":", si->si_code);
	if (code)
		jstr(&l, code);
	else
		jputs(&l, "null");
	jputs(&l, "},\"siginfo\":{");
	if (si->si_code == SI_TIMER)
		jprintf(&l, "\"timerid\":%d,\"overrun\":%d,\"int\":%d,\"ptr\":\"%#"
			PRIxPTR "\"", si->si_timerid, si->si_overrun, si->si_int,
			(uintptr_t)si->si_ptr);
	else if (si->si_signo == SIGCHLD && si->si_code > 0)
		jprintf(&l, "\"pid\":%d,\"uid\":%u,\"status\":%d,\"utime\":%ld,"
			"\"stime\":%ld", (int)si->si_pid, (unsigned)si->si_uid,
			si->si_status, (long)si->si_utime, (long)si->si_stime);
	else if (si->si_code > 0 && (si->si_signo == SIGSEGV ||
				     si->si_signo == SIGBUS ||
				     si->si_signo == SIGILL ||
				     si->si_signo == SIGFPE))
		jprintf(&l, "\"addr\":\"%#" PRIxPTR "\"", (uintptr_t)si->si_addr);
	else if (si->si_code <= 0 || si->si_pid || si->si_uid)
		jprintf(&l, "\"pid\":%d,\"uid\":%u", (int)si->si_pid,
			(unsigned)si->si_uid);
	jputs(&l, "}");
	if (r->sig_timer) {
		jprintf(&l, ",\"timer\":{\"id\":%d,\"clock\":",
			(int)r->sig_timer->id);
		jclockid(&l, r->sig_timer->clock);
		jputs(&l, "}");
	}
	if (r->stack)
		jstack(&l, r->stack);
	end(&l);
}

/* An event of type with its time, the first of the line's fields. */
static void begin_at(struct jline *l, const char *type,
		     const struct tt_record *r)
{
	begin(l, type, r);
	jtime(l, "time", &r->ts);
}

static void json_exit(const struct tt_record *r, struct jline *l)
{
	int status = r->status;

	begin_at(l, "exit", r);
	if (WIFEXITED(status)) {
		jprintf(l, ",\"exited\":%d", WEXITSTATUS(status));
	} else {
		jsignal(l, "killed", WTERMSIG(status));
		jprintf(l, ",\"core_dumped\":%s", WCOREDUMP(status) ? "true" : "false");
	}
}

/* Every other record: one line of its own, after the call a thread
 * leaving the trace never returned from. */
static void json_event(const struct tt_record *r)
{
	struct jline l;

	if (r->ev)
		call_event(r, false);
	switch (r->kind) {
	case TT_REC_GROUP_STOP:
		begin_at(&l, "stopped", r);
		jsignal(&l, "signal", r->sig);
		break;
	case TT_REC_EXIT:
		json_exit(r, &l);
		break;
	case TT_REC_SUPERSEDED:
		begin_at(&l, "superseded", r);
		jprintf(&l, ",\"by_tid\":%d", (int)r->old_tid);
		break;
	case TT_REC_ABI:
		begin_at(&l, "abi", r);
		jprintf(&l, ",\"abi\":\"%s\"", r->abi->name);
		break;
	case TT_REC_NEW_TRACEE:
		begin_at(&l, r->parent ? "new_tracee" : "attached", r);
		if (r->parent)
			jprintf(&l, ",\"parent_tid\":%d,\"thread\":%s",
				(int)r->parent, r->pid == r->tid ? "false" : "true");
		break;
	case TT_REC_EXEC:
		begin_at(&l, "exec", r);
		break;
	case TT_REC_DETACHED:
		begin_at(&l, "detached", r);
		break;
	default:
		return;
	}
	end(&l);
}

/* The first line: what the stream is. */
static void json_header(void)
{
	static bool done;
	struct jline l;

	if (done)
		return;
	done = true;
	l.n = 0;
	jprintf(&l, "{\"type\":\"header\",\"schema_version\":%d,"
		"\"ttrace_version\":\"%s\",\"mode\":\"%s\"", SCHEMA_VERSION,
		PACKAGE_VERSION, tt_opt.npids ? "attach" : "command");
	end(&l);
}

/* The header comes before any event; a call is one event, written at
 * its exit. */
static void json_record(const struct tt_record *r)
{
	if (r->kind == TT_REC_END || r->kind == TT_REC_GONE)
		return;
	json_header();
	switch (r->kind) {
	case TT_REC_CALL_ENTRY:
		break;
	case TT_REC_CALL_EXIT:
		call_event(r, true);
		break;
	case TT_REC_SIGNAL:
		json_signal(r);
		break;
	default:
		json_event(r);
		break;
	}
}

static void json_finish(void)
{
	json_header();
}

void tt_json_begin(void)
{
	json_header();
}

bool tt_json_diagnostic(enum tt_level level, const char *msg)
{
	struct tt_timestamps ts;
	struct jline l;

	/* -c --json: the stream is the summary object, no header */
	if (!tt_opt.summary)
		json_header();
	tt_now(&ts);
	l.n = 0;
	jprintf(&l, "{\"type\":\"diagnostic\",\"level\":\"%s\"",
		tt_level_name(level));
	jtime(&l, "time", &ts);
	jputs(&l, ",\"message\":");
	jstr(&l, msg);
	jputs(&l, "}\n");
	return tt_out_write_message(l.b, l.n);
}

const struct tt_renderer tt_render_json = {
	.record = json_record,
	.finish = json_finish,
};
