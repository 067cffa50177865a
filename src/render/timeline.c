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
 *   settime    a call that arms a timer (its signature's arm shape): an
 *              "i" instant (thread scope) at the entry, with the new
 *              it_value and it_interval in nanoseconds
 *   other call an "i" instant at its exit (a blocking read of a timerfd
 *              returns when the timer expired)
 *   signal     an "i" instant on the thread it was delivered to; SI_TIMER
 *              ones carry the timer id and overrun
 *   process    "i" instants: process scope for a new process, an execve,
 *              -p attaching and a process's exit; thread scope for a new
 *              thread, a thread's exit, detaching, stops
 *
 * Times ("ts", "dur") are microseconds, with nanosecond decimals, since
 * the CLOCK_MONOTONIC time of the first event.  Nothing is kept per event:
 * the span of a sleep is written at its exit from the event itself.
 */
#include <errno.h>
#include <fcntl.h>
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
#include "tcb.h"
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
	size_t done = 0;

	while (!failed && done < used) {
		ssize_t r = write(fd, buf + done, used - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			failed = true;
			tt_error("cannot write the timeline to '%s': %s", path,
				 strerror(r < 0 ? errno : EIO));
			break;
		}
		done += (size_t)r;
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
		  const char *name, const struct tcb *tcp,
		  const struct timespec *at)
{
	l->n = 0;
	jprintf(l, "%s{\"ph\":\"%s\",\"cat\":\"%s\",\"name\":", any_event ? "," : "",
		ph, cat);
	jstr(l, name);
	jprintf(l, ",\"pid\":%d,\"tid\":%d", (int)tcp->pid, (int)tcp->tid);
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
		    const struct tcb *tcp, char scope,
		    const struct timespec *at)
{
	begin(l, "i", cat, name, tcp, at);
	jprintf(l, ",\"s\":\"%c\"", scope);
}

/* /proc/TID/comm without its newline, or "?" for a thread gone. */
static void read_comm(pid_t tid, char *out, size_t size)
{
	char p[64];
	ssize_t n = -1;
	int cfd;

	snprintf(p, sizeof(p), "/proc/%d/comm", (int)tid);
	cfd = open(p, O_RDONLY | O_CLOEXEC);
	if (cfd >= 0) {
		n = read(cfd, out, size - 1);
		close(cfd);
	}
	if (n <= 0) {
		snprintf(out, size, "?");
		return;
	}
	out[n] = '\0';
	out[strcspn(out, "\n")] = '\0';
}

/* An "M" event naming the track of a process or a thread. */
static void name_track(const struct tcb *tcp, const char *what,
		       const char *label, const struct timespec *at)
{
	struct jline l;

	begin(&l, "M", "__metadata", what, tcp, at);
	jputs(&l, ",\"args\":{\"name\":");
	jstr(&l, label);
	jputs(&l, "}");
	end(&l, at);
}

/* The thread's track names, before its first event: the comm of the
 * process (its leader's) and of the thread, with their ids. */
static void track(struct tcb *tcp, const struct timespec *at)
{
	char comm[32], label[96];

	if (tcp->flags & TCB_TL_NAMED)
		return;
	tcp->flags |= TCB_TL_NAMED;
	read_comm(tcp->pid, comm, sizeof(comm));
	snprintf(label, sizeof(label), "%s (pid %d)", comm, (int)tcp->pid);
	name_track(tcp, "process_name", label, at);
	read_comm(tcp->tid, comm, sizeof(comm));
	snprintf(label, sizeof(label), "%s (pid %d, tid %d)", comm,
		 (int)tcp->pid, (int)tcp->tid);
	name_track(tcp, "thread_name", label, at);
}

/* --- calls ------------------------------------------------------------- */

enum shape { CALL_SLEEP, CALL_SETTIME, CALL_OTHER };

/* The call a sleep span describes: the sleep itself, or the one a
 * restart_syscall resumes (its arguments are in tcp->restart). */
static const struct tt_event *sleep_call(const struct tcb *tcp)
{
	const struct tt_event *ev = &tcp->ev;

	if (!(ev->sc->flags & SF_RESTART))
		return ev->timing.kind == TT_TIMING_SLEEP ? ev : NULL;
	if (ev->resumes && (tcp->flags & TCB_RESTART) &&
	    tcp->restart.sc == ev->resumes &&
	    tcp->restart.timing.kind == TT_TIMING_SLEEP)
		return &tcp->restart;
	return NULL;
}

static enum shape shape_of(const struct tcb *tcp)
{
	if (sleep_call(tcp))
		return CALL_SLEEP;
	if (tcp->ev.timing.kind == TT_TIMING_ARM)
		return CALL_SETTIME;
	/* Any other traced call, such as a read of a timerfd (issue #8):
	 * an instant when it returned, with its decoded arguments. */
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

static void sleep_span(const struct tcb *tcp, const struct timespec *end_at,
		       const char *unfinished)
{
	const struct tt_event *ev = &tcp->ev, *call = sleep_call(tcp);
	const struct tt_timing *tm = &call->timing;
	char clk[64];
	struct jline l;

	begin(&l, "X", "sleep", ev->sc->sig->family, tcp, &ev->t_entry.mono);
	jus(&l, "dur", tt_ts_ns(end_at) - tt_ts_ns(&ev->t_entry.mono));
	call_args(&l, ev);
	if (call != ev) {
		jputs(&l, ",\"resumes\":");
		jstr(&l, call->sc->name);
	}
	jputs(&l, ",\"clock\":");
	jstr(&l, tt_clockid_text(tm->clock, clk, sizeof(clk)));
	jprintf(&l, ",\"mode\":\"%s\"", tm->absolute ? "absolute" : "relative");
	if (tm->valid)
		jprintf(&l, ",\"requested_ns\":%" PRId64, tm->value_ns);
	if (ev->has_lateness)
		jprintf(&l, ",\"lateness_ns\":%" PRId64, ev->lateness_ns);
	if (unfinished)
		jprintf(&l, ",\"unfinished\":\"%s\"", unfinished);
	jputs(&l, "}");
	end(&l, end_at);
}

static void settime_instant(const struct tcb *tcp)
{
	const struct tt_event *ev = &tcp->ev;
	const struct tt_timing *tm = &ev->timing;
	struct jline l;

	instant(&l, "settime", ev->sc->sig->family, tcp, 't', &ev->t_entry.mono);
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
}

static void other_instant(const struct tcb *tcp)
{
	const struct tt_event *ev = &tcp->ev;
	struct jline l;

	instant(&l, "call", ev->sc->sig->family, tcp, 't', &ev->t_exit.mono);
	call_args(&l, ev);
	jputs(&l, ",\"call\":");
	tt_json_args(&l, ev);
	jputs(&l, "}");
	end(&l, &ev->t_exit.mono);
}

static void tl_syscall_entry(struct tcb *tcp)
{
	track(tcp, &tcp->ev.t_entry.mono);
}

static void tl_syscall_exit(struct tcb *tcp)
{
	track(tcp, &tcp->ev.t_exit.mono);
	switch (shape_of(tcp)) {
	case CALL_SLEEP:
		sleep_span(tcp, &tcp->ev.t_exit.mono, NULL);
		break;
	case CALL_SETTIME:
		settime_instant(tcp);
		break;
	case CALL_OTHER:
		other_instant(tcp);
		break;
	}
}

/* The thread leaves the trace (why: exit, killed, detached, superseded)
 * in the middle of a traced call: a sleep ends here; another call, which
 * never returned, is shown where it started. */
static void unreturned(struct tcb *tcp, const struct timespec *at,
		       const char *why)
{
	if (!(tcp->flags & TCB_TRACED_CALL))
		return;
	if (shape_of(tcp) == CALL_SLEEP) {
		sleep_span(tcp, at, why);
	} else {
		struct jline l;

		instant(&l, "call", tcp->ev.sc->sig->family, tcp, 't',
			&tcp->ev.t_entry.mono);
		call_args(&l, &tcp->ev);
		jprintf(&l, ",\"unfinished\":\"%s\"}", why);
		end(&l, at);
	}
}

/* --- the rest ---------------------------------------------------------- */

static void tl_signal(struct tcb *tcp, const siginfo_t *si,
		      const struct tt_timestamps *ts)
{
	const char *code = tt_sicode_name(si->si_signo, si->si_code);
	char name[32];
	struct jline l;

	track(tcp, &ts->mono);
	instant(&l, si->si_code == SI_TIMER ? "timer_signal" : "signal",
		tt_signal_name(si->si_signo, name, sizeof(name)), tcp, 't',
		&ts->mono);
	jprintf(&l, ",\"args\":{\"signo\":%d,\"code\":", si->si_signo);
	if (code)
		jstr(&l, code);
	else
		jprintf(&l, "%d", si->si_code);
	if (si->si_code == SI_TIMER)
		jprintf(&l, ",\"timerid\":%d,\"overrun\":%d,\"int\":%d",
			si->si_timerid, si->si_overrun, si->si_int);
	jputs(&l, "}");
	end(&l, &ts->mono);
}

static void tl_group_stop(struct tcb *tcp, int sig,
			  const struct tt_timestamps *ts)
{
	char name[32];
	struct jline l;

	track(tcp, &ts->mono);
	instant(&l, "thread", "stopped", tcp, 't', &ts->mono);
	jputs(&l, ",\"args\":{\"signal\":");
	jstr(&l, tt_signal_name(sig, name, sizeof(name)));
	jputs(&l, "}");
	end(&l, &ts->mono);
}

static void tl_exit(struct tcb *tcp, int status, const struct tt_timestamps *ts)
{
	bool leader = tcp->tid == tcp->pid;
	char name[32];
	struct jline l;

	track(tcp, &ts->mono);
	unreturned(tcp, &ts->mono, WIFEXITED(status) ? "exit" : "killed");
	instant(&l, leader ? "process" : "thread",
		leader ? "process exit" : "thread exit", tcp,
		leader ? 'p' : 't', &ts->mono);
	if (WIFEXITED(status)) {
		jprintf(&l, ",\"args\":{\"exited\":%d}", WEXITSTATUS(status));
	} else {
		jputs(&l, ",\"args\":{\"killed\":");
		jstr(&l, tt_signal_name(WTERMSIG(status), name, sizeof(name)));
		jputs(&l, "}");
	}
	end(&l, &ts->mono);
}

static void tl_superseded(struct tcb *tcp, pid_t old_tid,
			  const struct tt_timestamps *ts)
{
	struct jline l;

	track(tcp, &ts->mono);
	unreturned(tcp, &ts->mono, "superseded");
	instant(&l, "thread", "superseded", tcp, 't', &ts->mono);
	jprintf(&l, ",\"args\":{\"by_tid\":%d}", (int)old_tid);
	end(&l, &ts->mono);
}

static void tl_new_tracee(struct tcb *tcp, pid_t parent,
			  const struct tt_timestamps *ts)
{
	bool process = tcp->tid == tcp->pid;
	struct jline l;

	track(tcp, &ts->mono);
	if (!parent) {
		instant(&l, "process", "attached", tcp, process ? 'p' : 't',
			&ts->mono);
	} else {
		instant(&l, process ? "process" : "thread",
			process ? "process start" : "thread start", tcp,
			process ? 'p' : 't', &ts->mono);
		jprintf(&l, ",\"args\":{\"parent_tid\":%d}", (int)parent);
	}
	end(&l, &ts->mono);
}

static void tl_exec(struct tcb *tcp, const struct tt_timestamps *ts)
{
	struct jline l;

	/* A new program, a new comm: name the tracks again.  (Its ABI is
	 * known at its first stop: an "abi" instant then if it changed.) */
	tcp->flags &= ~TCB_TL_NAMED;
	track(tcp, &ts->mono);
	instant(&l, "process", "exec", tcp, 'p', &ts->mono);
	end(&l, &ts->mono);
}

static void tl_personality(struct tcb *tcp, const struct tt_timestamps *ts)
{
	struct jline l;

	track(tcp, &ts->mono);
	instant(&l, "thread", "abi", tcp, 't', &ts->mono);
	jprintf(&l, ",\"args\":{\"abi\":\"%s\"}", tcp->abi->name);
	end(&l, &ts->mono);
}

static void tl_detached(struct tcb *tcp, const struct tt_timestamps *ts)
{
	struct jline l;

	track(tcp, &ts->mono);
	unreturned(tcp, &ts->mono, "detached");
	instant(&l, "thread", "detached", tcp, 't', &ts->mono);
	end(&l, &ts->mono);
}

static void still_open(struct tcb *tcp, void *arg)
{
	unreturned(tcp, arg, "end");
}

static void tl_finish(void)
{
	struct tt_timestamps now;

	/* Threads still traced when the trace ends (waitpid failed). */
	tt_now(&now);
	tt_tcb_foreach(still_open, &now.mono);
	close_file();
}

const struct tt_renderer tt_render_timeline = {
	.syscall_entry = tl_syscall_entry,
	.syscall_exit = tl_syscall_exit,
	.signal = tl_signal,
	.group_stop = tl_group_stop,
	.exit = tl_exit,
	.superseded = tl_superseded,
	.new_tracee = tl_new_tracee,
	.exec = tl_exec,
	.personality = tl_personality,
	.detached = tl_detached,
	.finish = tl_finish,
};
