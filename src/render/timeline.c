/* ttrace - the timeline (--timeline=FILE): Chrome Trace Event JSON, which
 * the Perfetto UI (ui.perfetto.dev) and chrome://tracing open.
 *
 * It runs beside the main renderer (text, --json or -c) and writes its own
 * file as the trace goes, in the format's "JSON Array Format": "[", then
 * one event object per line, the second and later ones starting with a
 * comma, then "]".  Every prefix of whole lines is a trace the viewers
 * load (the format allows the missing "]"), and "]" closes the array on
 * every way out ttrace controls.  Lines are written whole: a buffer of
 * whole events goes out when the next would not fit, when it is a second
 * old, and at the end.
 *
 *   track      one per thread: "M" process_name and thread_name events,
 *              "COMM (pid P)" and "COMM (pid P, tid T)", written at the
 *              thread's first event and again after an execve
 *   sleep      an "X" complete event from the call's entry to its exit;
 *              a sleep still running when its thread exits, is killed,
 *              is detached or is superseded ends there (args.unfinished);
 *              a sleep a signal interrupted and restart_syscall resumed is
 *              two spans, the second named restart_syscall
 *   wait       the same, of category "wait" (poll, ppoll ...: ev->timing
 *              a TT_TIMING_WAIT), named with how it ended, "poll (timed
 *              out)", "poll (ready)", "poll (interrupted)", "poll
 *              (failed)", and args.outcome ("timed_out" ... as --json
 *              says it), args.timeout_ns (null: none)
 *   settime    a call that arms a timer (its signature's arm shape): an
 *              "X" span from its entry to its exit, with the new it_value
 *              and it_interval in nanoseconds
 *   timerfd    a read of a timerfd (traced with -e trace=read or all, and
 *   read       only on timerfds): an "X" span from its entry to its exit,
 *              category "timerfd", with args.fd and args.expirations
 *   other call an "i" instant at its exit
 *   signal     an "i" instant on the thread it was delivered to; SI_TIMER
 *              ones carry the timer id and overrun
 *   timer flow a flow (category and name "timer", "ph" "s" then "f" with
 *              "bp":"e", one "id" per arming) from each timer_settime or
 *              timerfd_settime that armed a timer to each of its firings
 *              the trace shows: an SI_TIMER signal naming that timer, a
 *              read of that timerfd that returned expirations.  The start
 *              is at the settime's entry, written just after its span,
 *              the finish at the signal's instant or the read's exit,
 *              written just after them: Perfetto binds each to the slice
 *              open on that thread's track then (ties in "ts" keep the
 *              file's order).  A firing links to the latest arming of its
 *              timer in its process; see "timers" below for what is kept.
 *   process    "i" instants: process scope for a new process, an execve,
 *              -p attaching and a process's exit; thread scope for a new
 *              thread, a thread's exit, detaching, stops
 *
 * Times ("ts", "dur") are microseconds, with nanosecond decimals, since
 * the CLOCK_MONOTONIC time of the first event.  Nothing is kept per event:
 * the span of a sleep is written at its exit from the event itself.  Per
 * thread only whether its track is named, by tid, dropped when it exits,
 * is detached or is forgotten, and at an execve (its new name).  Per
 * process the flow of each armed timer (below, "timers").
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "abi.h"
#include "error.h"
#include "outfile.h"
#include "render/jline.h"
#include "render/render.h"
#include "render/timeline.h"
#include "xlat/xlat.h"

static int fd = -1;
static const char *path;
static bool failed;
static bool any_event;		/* the next event starts with a comma */
static bool have_t0;
static int64_t t0_ns;		/* CLOCK_MONOTONIC of the first event */
static int64_t flushed_ns;	/* when the buffer last went out */
static char buf[1 << 16];
static size_t used;

static void write_out(void)
{
	if (!failed && tt_write_all(fd, buf, used) < 0) {
		failed = true;
		tt_error("cannot write the timeline to '%s': %s", path,
			 strerror(errno));
	}
	used = 0;
}

static void put(const char *s, size_t n)
{
	if (failed || fd < 0)
		return;
	if (n > sizeof(buf) - used)
		write_out();
	if (n > sizeof(buf) - used)
		n = sizeof(buf) - used;	/* a jline is a quarter of buf */
	memcpy(buf + used, s, n);
	used += n;
}

static void close_file(void)
{
	if (fd < 0)
		return;
	put("]\n", 2);
	write_out();
	if (close(fd) < 0 && !failed) {
		failed = true;
		tt_error("cannot write the timeline to '%s': %s", path,
			 strerror(errno));
	}
	fd = -1;
}

int tt_timeline_open(const char *file)
{
	static bool registered;
	struct tt_outfile f;

	if (tt_outfile_open(&f, file, TT_OUT_STREAM) < 0)
		return -1;
	fd = f.fd;
	path = file;
	failed = any_event = have_t0 = false;
	used = 0;
	/* On disk at once: even a ttrace killed before its first event
	 * leaves a loadable (empty) trace. */
	put("[\n", 2);
	write_out();
	/* tt_die and any other exit() still close the array. */
	if (!registered)
		atexit(close_file);
	registered = true;
	tt_render_add(&tt_render_timeline);
	return 0;
}

int tt_timeline_close(void)
{
	close_file();
	return failed ? -1 : 0;
}

/* --- events ------------------------------------------------------------ */

/* A time as microseconds since the first event, nanoseconds exact. */
static void jus(struct jline *l, const char *key, int64_t ns)
{
	uint64_t a = ns < 0 ? -(uint64_t)ns : (uint64_t)ns;

	jprintf(l, ",\"%s\":%s%" PRIu64 ".%03u", key, ns < 0 ? "-" : "",
		a / 1000, (unsigned)(a % 1000));
}

static int64_t since_start(const struct timespec *mono)
{
	int64_t ns = tt_ts_ns(mono);

	if (!have_t0) {
		have_t0 = true;
		t0_ns = ns;
		flushed_ns = ns;
	}
	return ns - t0_ns;
}

/* {"ph":PH,"cat":CAT,"name":NAME,"pid":P,"tid":T,"ts":TS */
static void begin(struct jline *l, const char *ph, const char *cat,
		  const char *name, const struct tt_record *r,
		  const struct timespec *at)
{
	l->n = 0;
	jprintf(l, "%s{\"ph\":\"%s\",\"cat\":\"%s\",\"name\":", any_event ? "," : "",
		ph, cat);
	jstr(l, name);
	jprintf(l, ",\"pid\":%d,\"tid\":%d", (int)r->pid, (int)r->tid);
	jus(l, "ts", since_start(at));
}

static void end(struct jline *l, const struct timespec *now)
{
	jputs(l, "}\n");
	put(l->b, l->n);
	any_event = true;
	/* A second's worth at most is lost if ttrace itself is killed. */
	if (tt_ts_ns(now) - flushed_ns >= 1000000000) {
		write_out();
		flushed_ns = tt_ts_ns(now);
	}
}

/* An instant: scope "t" (thread) or "p" (process). */
static void instant(struct jline *l, const char *cat, const char *name,
		    const struct tt_record *r, char scope,
		    const struct timespec *at)
{
	begin(l, "i", cat, name, r, at);
	jprintf(l, ",\"s\":\"%c\"", scope);
}

/* --- tracks --------------------------------------------------------- */

/* The threads whose tracks are named: a few hundred at most, searched
 * from the newest. */
static pid_t *named;
static size_t nnamed, named_cap;

static bool is_named(pid_t tid)
{
	for (size_t i = nnamed; i-- > 0;)
		if (named[i] == tid)
			return true;
	return false;
}

static void set_named(pid_t tid)
{
	if (nnamed == named_cap) {
		named_cap = named_cap ? 2 * named_cap : 64;
		named = tt_xreallocarray(named, named_cap, sizeof(*named));
	}
	named[nnamed++] = tid;
}

static void drop_named(pid_t tid)
{
	for (size_t i = 0; i < nnamed; i++)
		if (named[i] == tid) {
			named[i] = named[--nnamed];
			return;
		}
}

/* An "M" event naming the track of a process or a thread. */
static void name_track(const struct tt_record *r, const char *what,
		       const char *label, const struct timespec *at)
{
	struct jline l;

	begin(&l, "M", "__metadata", what, r, at);
	jputs(&l, ",\"args\":{\"name\":");
	jstr(&l, label);
	jputs(&l, "}");
	end(&l, at);
}

/* The thread's track names, before its first event: the comm of the
 * process (its leader's) and of the thread, with their ids. */
static void track(const struct tt_record *r, const struct timespec *at)
{
	char label[96];

	if (is_named(r->tid))
		return;
	set_named(r->tid);
	snprintf(label, sizeof(label), "%s (pid %d)",
		 r->proc_comm ? r->proc_comm : "?", (int)r->pid);
	name_track(r, "process_name", label, at);
	snprintf(label, sizeof(label), "%s (pid %d, tid %d)",
		 r->comm ? r->comm : "?", (int)r->pid, (int)r->tid);
	name_track(r, "thread_name", label, at);
}

/* --- timers ------------------------------------------------------------ */

/* The timers that are armed, each with the flow of the settime that
 * armed it last, keyed by what the records say: the process and a POSIX
 * timer's id (an SI_TIMER signal names it) or a timerfd's number (a read
 * names it).  The rule for a number, as the trace shows it:
 *   - a successful settime that armed the timer starts a new flow (a
 *     re-arm replaces the last one); one that disarmed it (it_value 0)
 *     ends the link; one that failed changes nothing (nor the kernel);
 *   - a traced timer_create or timerfd_create that returns the number,
 *     or a timer_delete of it, forgets it: a new timer;
 *   - an execve forgets the POSIX timers (the kernel deletes them), not
 *     the timerfds (the fds may stay open);
 *   - the exit, detach or end of the process's leader thread (tid ==
 *     pid: the kernel reports it last) forgets every timer of it.
 * Its limit: ttrace does not trace close, dup2 or fork, so a timerfd's
 * number closed and reused by another timerfd that no traced create or
 * settime made (dup2, an untraced timerfd_create then a settime through
 * another number) still links to the old arming, and a child's reads of
 * an inherited timerfd do not link (another pid).  setitimer and alarm
 * start no flow: their signals (SI_KERNEL) do not name a timer.  A few
 * per process: searched from the newest. */
struct armed {
	pid_t pid;
	uint8_t kind;		/* enum tt_timing_timer */
	int32_t id;
	uint64_t flow;
};

static struct armed *armed;
static size_t narmed, armed_cap;
static uint64_t last_flow;	/* the id of the last flow started */

static struct armed *armed_find(pid_t pid, uint8_t kind, int32_t id)
{
	for (size_t i = narmed; i-- > 0;)
		if (armed[i].pid == pid && armed[i].kind == kind &&
		    armed[i].id == id)
			return &armed[i];
	return NULL;
}

/* Forgets the timers of pid of kind (TT_TIMER_NONE: every kind) whose id
 * is id (any id when all). */
static void forget(pid_t pid, uint8_t kind, int32_t id, bool all)
{
	for (size_t i = narmed; i-- > 0;)
		if (armed[i].pid == pid &&
		    (kind == TT_TIMER_NONE || armed[i].kind == kind) &&
		    (all || armed[i].id == id))
			armed[i] = armed[--narmed];
}

/* A new flow for the timer, which replaces its last: its id. */
static uint64_t arm(pid_t pid, uint8_t kind, int32_t id)
{
	struct armed *a = armed_find(pid, kind, id);

	if (!a) {
		if (narmed == armed_cap) {
			armed_cap = armed_cap ? 2 * armed_cap : 16;
			armed = tt_xreallocarray(armed, armed_cap,
						 sizeof(*armed));
		}
		a = &armed[narmed++];
		*a = (struct armed){ .pid = pid, .kind = kind, .id = id };
	}
	a->flow = ++last_flow;
	return a->flow;
}

/* A flow event, "s" (start) or "f" (finish, bound to the enclosing
 * slice), on r's thread track at at. */
static void flow(const struct tt_record *r, const char *ph, uint64_t id,
		 const struct timespec *at)
{
	struct jline l;

	begin(&l, ph, "timer", "timer", r, at);
	jprintf(&l, ",\"id\":%" PRIu64 "%s", id,
		ph[0] == 'f' ? ",\"bp\":\"e\"" : "");
	end(&l, at);
}

/* The timer a successful call makes, deletes or sets, by its timing. */
static void timer_call(const struct tt_record *r)
{
	const struct tt_event *ev = r->ev;
	const struct tt_timing *tm = &ev->timing;

	if (!tm->has_timer || ev->ret != TR_VALUE ||
	    (tm->timer_kind != TT_TIMER_POSIX && tm->timer_kind != TT_TIMER_FD))
		return;
	switch (tm->kind) {
	case TT_TIMING_CREATE:
	case TT_TIMING_DELETE:
		forget(r->pid, tm->timer_kind, tm->timer, false);
		break;
	case TT_TIMING_ARM:
		if (ev->rval != 0)
			break;
		if (tm->has_value && tm->in_ns && tm->value_ns == 0)
			forget(r->pid, tm->timer_kind, tm->timer, false);
		else
			flow(r, "s", arm(r->pid, tm->timer_kind, tm->timer),
			     &ev->t_entry.mono);
		break;
	default:
		break;
	}
}

/* A firing of timer id of kind, seen at at: the finish of its flow. */
static void fired(const struct tt_record *r, uint8_t kind, int32_t id,
		  const struct timespec *at)
{
	const struct armed *a = armed_find(r->pid, kind, id);

	if (a)
		flow(r, "f", a->flow, at);
}

/* --- calls ------------------------------------------------------------- */

enum shape { CALL_SPAN, CALL_SETTIME, CALL_READ, CALL_OTHER };

/* The call a span describes, a sleep or a wait: the call itself, or the
 * one a restart_syscall resumes (r->resumed). */
static const struct tt_event *span_call(const struct tt_record *r)
{
	const struct tt_event *ev = r->ev;

	if (ev->sc->flags & SF_RESTART)
		ev = r->resumed;
	if (ev && (ev->timing.kind == TT_TIMING_SLEEP ||
		   ev->timing.kind == TT_TIMING_WAIT))
		return ev;
	return NULL;
}

static enum shape shape_of(const struct tt_record *r)
{
	if (span_call(r))
		return CALL_SPAN;
	if (r->ev->timing.kind == TT_TIMING_ARM)
		return CALL_SETTIME;
	/* read is traced only on timerfds: it blocks until the timer
	 * expires. */
	if (r->ev->sc->sig->only_on_timerfd && r->ev->timing.has_timer &&
	    r->ev->timing.timer_kind == TT_TIMER_FD)
		return CALL_READ;
	/* Any other traced call: an instant when it returned, with its
	 * decoded arguments. */
	return CALL_OTHER;
}

static void jreturn(struct jline *l, const struct tt_event *ev)
{
	if (ev->ret == TR_VALUE) {
		jprintf(l, ",\"return\":%" PRId64, ev->rval);
	} else if (ev->ret == TR_ERROR) {
		const char *name = tt_errno_name(ev->err);

		if (name)
			jprintf(l, ",\"error\":\"%s\"", name);
		else
			jprintf(l, ",\"error\":%d", ev->err);
	}
}

/* args: what every call event carries first. */
static void call_args(struct jline *l, const struct tt_event *ev)
{
	jputs(l, ",\"args\":{\"syscall\":");
	jstr(l, ev->sc->name);
	jprintf(l, ",\"abi\":\"%s\"", ev->abi->name);
	jreturn(l, ev);
}

/* How a wait ended: args.outcome (as --json says it), and in the span's
 * name. */
static const struct outcome {
	const char *arg, *label;
} outcomes[] = {
	[TT_WAIT_TIMED_OUT] = { "timed_out", "timed out" },
	[TT_WAIT_READY] = { "ready", "ready" },
	[TT_WAIT_INTERRUPTED] = { "interrupted", "interrupted" },
	[TT_WAIT_FAILED] = { "failed", "failed" },
};

/* A wait's outcome, when the event says it (a wait that returned, or a
 * restart_syscall that resumed one: its timing is the wait's), or
 * NULL. */
static const struct outcome *outcome_of(const struct tt_event *ev,
					const char *unfinished)
{
	const struct tt_timing *tm = &ev->timing;

	if (unfinished || tm->kind != TT_TIMING_WAIT || !tm->outcome ||
	    tm->outcome >= sizeof(outcomes) / sizeof(outcomes[0]))
		return NULL;
	return &outcomes[tm->outcome];
}

/* A sleep or a wait: a span from its entry to end_at. */
static void span(const struct tt_record *r, const struct timespec *end_at,
		 const char *unfinished)
{
	const struct tt_event *ev = r->ev, *call = span_call(r);
	const struct tt_timing *tm = &call->timing;
	bool wait = tm->kind == TT_TIMING_WAIT;
	const struct outcome *outcome = outcome_of(ev, unfinished);
	char clk[64], name[96];
	struct jline l;

	if (outcome)
		snprintf(name, sizeof(name), "%s (%s)", ev->sc->sig->family,
			 outcome->label);
	else
		snprintf(name, sizeof(name), "%s", ev->sc->sig->family);
	begin(&l, "X", wait ? "wait" : "sleep", name, r, &ev->t_entry.mono);
	jus(&l, "dur", tt_ts_ns(end_at) - tt_ts_ns(&ev->t_entry.mono));
	call_args(&l, ev);
	if (call != ev) {
		jputs(&l, ",\"resumes\":");
		jstr(&l, call->sc->name);
	}
	jputs(&l, ",\"clock\":");
	jstr(&l, tt_clockid_text(tm->clock, clk, sizeof(clk)));
	jprintf(&l, ",\"mode\":\"%s\"", tm->absolute ? "absolute" : "relative");
	if (wait) {
		/* null: no timeout (or one the kernel refuses) */
		jputs(&l, ",\"timeout_ns\":");
		if (tm->has_value && tm->valid)
			jprintf(&l, "%" PRId64, tm->value_ns);
		else
			jputs(&l, "null");
		if (outcome)
			jprintf(&l, ",\"outcome\":\"%s\"", outcome->arg);
	} else if (tm->valid) {
		jprintf(&l, ",\"requested_ns\":%" PRId64, tm->value_ns);
	}
	if (ev->has_lateness)
		jprintf(&l, ",\"lateness_ns\":%" PRId64, ev->lateness_ns);
	if (unfinished)
		jprintf(&l, ",\"unfinished\":\"%s\"", unfinished);
	jputs(&l, "}");
	end(&l, end_at);
}

/* A settime: a span from its entry to its exit, then the start of the
 * flow of the timer it armed. */
static void settime_span(const struct tt_record *r)
{
	const struct tt_event *ev = r->ev;
	const struct tt_timing *tm = &ev->timing;
	struct jline l;

	begin(&l, "X", "settime", ev->sc->sig->family, r, &ev->t_entry.mono);
	jus(&l, "dur", tt_ts_ns(&ev->t_exit.mono) - tt_ts_ns(&ev->t_entry.mono));
	call_args(&l, ev);
	if (tm->in_ns)
		jprintf(&l, ",\"mode\":\"%s\",\"value_ns\":%" PRId64
			",\"interval_ns\":%" PRId64,
			tm->absolute ? "absolute" : "relative", tm->value_ns,
			tm->interval_ns);
	jputs(&l, ",\"call\":");
	tt_json_args(&l, ev);
	jputs(&l, "}");
	end(&l, &ev->t_exit.mono);
	timer_call(r);
}

/* The expiration count a read of a timerfd returned (its u64 buffer, as
 * decoded), or false when it returned none. */
static bool expirations(const struct tt_event *ev, uint64_t *n)
{
	const struct tt_signature *sig = ev->sc->sig;

	if (ev->ret != TR_VALUE || ev->rval != 8)
		return false;
	for (unsigned i = 0; i < sig->nargs && i < ev->nv; i++) {
		const struct tt_value *v = &ev->v[i];

		if (sig->args[i].type != AT_TFD_TICKS || v->kind != TV_ARRAY ||
		    v->child == TT_NO_VALUE || ev->v[v->child].kind != TV_UINT)
			continue;
		*n = ev->v[v->child].u;
		return true;
	}
	return false;
}

/* A read of a timerfd: a span from its entry to end_at, then, when it
 * returned expirations, the finish of the flow of the timerfd's last
 * arming. */
static void read_span(const struct tt_record *r, const struct timespec *end_at,
		      const char *unfinished)
{
	const struct tt_event *ev = r->ev;
	uint64_t n = 0;
	bool got = !unfinished && expirations(ev, &n);
	struct jline l;

	begin(&l, "X", "timerfd", ev->sc->sig->family, r, &ev->t_entry.mono);
	jus(&l, "dur", tt_ts_ns(end_at) - tt_ts_ns(&ev->t_entry.mono));
	call_args(&l, ev);
	jprintf(&l, ",\"fd\":%d", (int)ev->timing.timer);
	if (got)
		jprintf(&l, ",\"expirations\":%" PRIu64, n);
	if (unfinished)
		jprintf(&l, ",\"unfinished\":\"%s\"", unfinished);
	jputs(&l, ",\"call\":");
	tt_json_args(&l, ev);
	jputs(&l, "}");
	end(&l, end_at);
	if (got && n > 0)
		fired(r, TT_TIMER_FD, ev->timing.timer, end_at);
}

static void other_instant(const struct tt_record *r)
{
	const struct tt_event *ev = r->ev;
	struct jline l;

	instant(&l, "call", ev->sc->sig->family, r, 't', &ev->t_exit.mono);
	call_args(&l, ev);
	jputs(&l, ",\"call\":");
	tt_json_args(&l, ev);
	jputs(&l, "}");
	end(&l, &ev->t_exit.mono);
	timer_call(r);	/* a create or a delete */
}

static void tl_syscall_exit(const struct tt_record *r)
{
	switch (shape_of(r)) {
	case CALL_SPAN:
		span(r, &r->ev->t_exit.mono, NULL);
		break;
	case CALL_SETTIME:
		settime_span(r);
		break;
	case CALL_READ:
		read_span(r, &r->ev->t_exit.mono, NULL);
		break;
	case CALL_OTHER:
		other_instant(r);
		break;
	}
}

/* The thread leaves the trace (why: exit, killed, detached, superseded,
 * end) in the middle of a traced call: a sleep, a wait or a read of a
 * timerfd ends here;
 * another call, which never returned, is shown where it started. */
static void unreturned(const struct tt_record *r, const char *why)
{
	const struct timespec *at = &r->ts.mono;
	struct jline l;

	if (!r->ev)
		return;
	if (shape_of(r) == CALL_SPAN) {
		span(r, at, why);
		return;
	}
	if (shape_of(r) == CALL_READ) {
		read_span(r, at, why);
		return;
	}
	instant(&l, "call", r->ev->sc->sig->family, r, 't', &r->ev->t_entry.mono);
	call_args(&l, r->ev);
	jprintf(&l, ",\"unfinished\":\"%s\"}", why);
	end(&l, at);
}

/* --- the rest ---------------------------------------------------------- */

static void tl_signal(const struct tt_record *r, struct jline *l)
{
	const siginfo_t *si = r->si;
	const char *code = tt_sicode_name(si->si_signo, si->si_code);
	char name[32];

	instant(l, si->si_code == SI_TIMER ? "timer_signal" : "signal",
		tt_signal_name(si->si_signo, name, sizeof(name)), r, 't',
		&r->ts.mono);
	jprintf(l, ",\"args\":{\"signo\":%d,\"code\":", si->si_signo);
	if (code)
		jstr(l, code);
	else
		jprintf(l, "%d", si->si_code);
	if (si->si_code == SI_TIMER)
		jprintf(l, ",\"timerid\":%d,\"overrun\":%d,\"int\":%d",
			si->si_timerid, si->si_overrun, si->si_int);
	jputs(l, "}");
}

static void tl_exit(const struct tt_record *r, struct jline *l)
{
	bool leader = r->tid == r->pid;
	int status = r->status;
	char name[32];

	unreturned(r, WIFEXITED(status) ? "exit" : "killed");
	instant(l, leader ? "process" : "thread",
		leader ? "process exit" : "thread exit", r,
		leader ? 'p' : 't', &r->ts.mono);
	if (WIFEXITED(status)) {
		jprintf(l, ",\"args\":{\"exited\":%d}", WEXITSTATUS(status));
	} else {
		jputs(l, ",\"args\":{\"killed\":");
		jstr(l, tt_signal_name(WTERMSIG(status), name, sizeof(name)));
		jputs(l, "}");
	}
}

static void tl_new_tracee(const struct tt_record *r, struct jline *l)
{
	bool process = r->tid == r->pid;
	const struct timespec *at = &r->ts.mono;

	if (!r->parent) {
		instant(l, "process", "attached", r, process ? 'p' : 't', at);
		return;
	}
	instant(l, process ? "process" : "thread",
		process ? "process start" : "thread start", r,
		process ? 'p' : 't', at);
	jprintf(l, ",\"args\":{\"parent_tid\":%d}", (int)r->parent);
}

/* Every record but a call's: the thread's track, then one instant. */
static void tl_event(const struct tt_record *r)
{
	const struct timespec *at = &r->ts.mono;
	char name[32];
	struct jline l;

	/* A new program, a new comm: name the tracks again.  (Its ABI is
	 * known at its first stop: an "abi" instant then if it changed.) */
	if (r->kind == TT_REC_EXEC)
		drop_named(r->tid);
	track(r, at);
	switch (r->kind) {
	case TT_REC_SIGNAL:
		tl_signal(r, &l);
		break;
	case TT_REC_GROUP_STOP:
		instant(&l, "thread", "stopped", r, 't', at);
		jputs(&l, ",\"args\":{\"signal\":");
		jstr(&l, tt_signal_name(r->sig, name, sizeof(name)));
		jputs(&l, "}");
		break;
	case TT_REC_EXIT:
		tl_exit(r, &l);
		break;
	case TT_REC_SUPERSEDED:
		unreturned(r, "superseded");
		instant(&l, "thread", "superseded", r, 't', at);
		jprintf(&l, ",\"args\":{\"by_tid\":%d}", (int)r->old_tid);
		break;
	case TT_REC_NEW_TRACEE:
		tl_new_tracee(r, &l);
		break;
	case TT_REC_EXEC:
		instant(&l, "process", "exec", r, 'p', at);
		break;
	case TT_REC_ABI:
		instant(&l, "thread", "abi", r, 't', at);
		jprintf(&l, ",\"args\":{\"abi\":\"%s\"}", r->abi->name);
		break;
	case TT_REC_DETACHED:
		unreturned(r, "detached");
		instant(&l, "thread", "detached", r, 't', at);
		break;
	default:
		return;
	}
	end(&l, at);
	/* A POSIX timer's signal: its flow ends in the instant. */
	if (r->kind == TT_REC_SIGNAL && r->si->si_code == SI_TIMER)
		fired(r, TT_TIMER_POSIX, r->si->si_timerid, at);
	/* The kernel deletes a process's POSIX timers at an execve. */
	if (r->kind == TT_REC_EXEC)
		forget(r->pid, TT_TIMER_POSIX, 0, true);
}

static void tl_record(const struct tt_record *r)
{
	switch (r->kind) {
	case TT_REC_CALL_ENTRY:
		track(r, &r->ts.mono);
		break;
	case TT_REC_CALL_EXIT:
		track(r, &r->ts.mono);
		tl_syscall_exit(r);
		break;
	case TT_REC_END:
		/* still traced when the trace ends (waitpid failed) */
		unreturned(r, "end");
		break;
	case TT_REC_GONE:
		drop_named(r->tid);
		break;
	default:
		tl_event(r);
		break;
	}
	/* The thread is gone: a new one with its tid gets its own names. */
	if (r->kind == TT_REC_EXIT || r->kind == TT_REC_DETACHED)
		drop_named(r->tid);
	/* The leader, reported last of its process: the process is gone
	 * (or no longer traced), its timers with it. */
	if (r->tid == r->pid &&
	    (r->kind == TT_REC_EXIT || r->kind == TT_REC_DETACHED ||
	     r->kind == TT_REC_GONE))
		forget(r->pid, TT_TIMER_NONE, 0, true);
}

static void tl_finish(void)
{
	close_file();
	free(named);
	named = NULL;
	nnamed = named_cap = 0;
	free(armed);
	armed = NULL;
	narmed = armed_cap = 0;
	last_flow = 0;
}

const struct tt_renderer tt_render_timeline = {
	.record = tl_record,
	.finish = tl_finish,
	.wants = TT_WANT_COMM,
};
