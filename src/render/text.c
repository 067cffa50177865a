/* ttrace - the strace-format text renderer.
 *
 * Lines look exactly like strace 6.1's (see doc/ttrace.1, OUTPUT): the
 * return value starts at column 40, a call that another thread's output
 * interrupts is split into "NAME(args <unfinished ...>" and
 * "<... NAME resumed>rest) = ret", and with -o (or several tracees on a
 * terminal) every line starts with the thread id.  What strace has no
 * notion of goes on annotation lines of its own after the call.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"
#include "known.h"
#include "options.h"
#include "output.h"
#include "render/render.h"
#include "strescape.h"
#include "xlat/xlat.h"


struct tline {
	char b[8192];
	size_t n;
	size_t col0;	/* column of b[0]: a continued line starts mid-way */
};

/* The thread whose call's first half is on the output, line not ended
 * (0: none).  With -ff each thread has a file of its own, whose stream
 * says whether its line is open: other threads never cut it. */
static pid_t open_tid;
static struct timespec last_mono;	/* -r: the previous line's time */
static bool have_last;

static void lputs(struct tline *l, const char *s)
{
	size_t len = strlen(s);

	if (len > sizeof(l->b) - 1 - l->n)
		len = sizeof(l->b) - 1 - l->n;
	memcpy(l->b + l->n, s, len);
	l->n += len;
	l->b[l->n] = '\0';
}

static void lprintf(struct tline *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void lprintf(struct tline *l, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(l->b + l->n, sizeof(l->b) - l->n, fmt, ap);
	va_end(ap);
	if (r < 0)
		return;
	l->n += (size_t)r;
	if (l->n > sizeof(l->b) - 1)
		l->n = sizeof(l->b) - 1;
}

static void lpad_to(struct tline *l, size_t col)
{
	while (l->col0 + l->n < col && l->n < sizeof(l->b) - 1)
		l->b[l->n++] = ' ';
	l->b[l->n] = '\0';
}

static void emit(struct tline *l)
{
	tt_out_write(l->b, l->n);
}

/* A thread whose half line is open, when someone else must print. */
static void close_open_line(void)
{
	if (!open_tid)
		return;
	tt_out_end_line();
	open_tid = 0;
}

/* Is tid's call line open?  Its stream is the one written next. */
static bool line_open(pid_t tid)
{
	tt_out_select(tid);
	if (tt_out_per_tid())
		return tt_out_mid_line();
	return open_tid == tid;
}

static struct timespec ts_sub(struct timespec a, struct timespec b)
{
	struct timespec d = { a.tv_sec - b.tv_sec, a.tv_nsec - b.tv_nsec };

	if (d.tv_nsec < 0) {
		d.tv_sec--;
		d.tv_nsec += 1000000000L;
	}
	return d;
}

/* -t, --timestamps: the stamp of the clock chosen, as strace prints
 * its realtime ones: "%T" or seconds, then the fraction's digits. */
static void put_stamp(struct tline *l, const struct tt_timestamps *ts)
{
	static const long scale[] = { 1000000000, 1000000, 1000, 1 };
	const struct tt_tstamp *o = &tt_opt.tstamp;
	const struct timespec *t = o->clock == TS_MONOTONIC ? &ts->mono :
				   o->clock == TS_BOOTTIME ? &ts->boot : &ts->real;

	if (o->format == TS_NONE)
		return;
	if (o->format == TS_TIME) {
		struct tm tm;
		char buf[32];

		localtime_r(&t->tv_sec, &tm);
		strftime(buf, sizeof(buf), "%T", &tm);
		lputs(l, buf);
	} else {
		lprintf(l, "%lld", (long long)t->tv_sec);
	}
	if (o->digits)
		lprintf(l, ".%0*ld", (int)o->digits,
			t->tv_nsec / scale[o->digits / 3]);
	lputs(l, " ");
}

static void put_prefix(struct tline *l, const struct tt_record *r,
		       const struct tt_timestamps *ts)
{
	if (tt_out_per_tid())
		;	/* the file says whose lines they are */
	else if (tt_out_is_file())
		lprintf(l, "%-5d ", (int)r->tid);
	else if (r->ntracees > 1)
		lprintf(l, "[pid %5d] ", (int)r->tid);

	put_stamp(l, ts);
	if (tt_opt.relative) {
		struct timespec d = have_last ? ts_sub(ts->mono, last_mono)
					      : (struct timespec){ 0, 0 };

		last_mono = ts->mono;
		have_last = true;
		/* strace: "STAMP (+REL) " after an absolute stamp */
		lprintf(l, tt_opt.tstamp.format != TS_NONE ? "(+%6ld.%06ld) "
			: "%6ld.%06ld ", (long)d.tv_sec, d.tv_nsec / 1000);
	}
}

static void begin_line(struct tline *l, const struct tt_record *r,
		       const struct tt_timestamps *ts)
{
	tt_out_select(r->tid);
	if (tt_out_per_tid())
		tt_out_end_line();	/* only its own line cuts it */
	else
		close_open_line();
	l->n = 0;
	l->col0 = 0;
	l->b[0] = '\0';
	put_prefix(l, r, ts);
}

/* --- values ------------------------------------------------------------ */

static void put_flags(struct tline *l, const struct tt_value *v)
{
	uint64_t left = v->u;
	size_t pos = 0;
	const char *name;
	bool any = false;

	if (!left) {
		lputs(l, "0");
		return;
	}
	while ((name = tt_xlat_next_flag(v->xlat, &left, &pos))) {
		lprintf(l, "%s%s", any ? "|" : "", name);
		any = true;
	}
	if (!left)
		return;
	if (any)
		lprintf(l, "|%#" PRIx64, left);
	else
		lprintf(l, "%#" PRIx64 " /* %s */", left, v->xlat->unknown);
}

static void put_clockid(struct tline *l, int32_t id)
{
	char buf[64];

	lputs(l, tt_clockid_text(id, buf, sizeof(buf)));
}

/* One of a set of values: its name, or the number in hex followed by
 * what strace calls an unknown one (ITIMER_???) in a comment. */
static void put_xval(struct tline *l, const struct tt_value *v)
{
	const char *name = tt_xlat_name(v->xlat, v->u);

	if (name)
		lputs(l, name);
	else if (!v->xlat->unknown)	/* a table without a default */
		lprintf(l, "%#" PRIx64, v->u);
	else
		lprintf(l, "%#" PRIx64 " /* %s */", v->u, v->xlat->unknown);
}

/* A field of FUTEX_WAKE_OP's val3 as strace writes it: its name, or
 * the number and what an unknown one is in a comment, shifted. */
static void put_shifted(struct tline *l, const struct tt_xlat *x,
			unsigned val, unsigned shift)
{
	const char *name = tt_xlat_name(x, val);

	if (name)
		lprintf(l, "%s<<%u", name, shift);
	else
		lprintf(l, "%#x<<%u /* %s */", val, shift, x->unknown);
}

/* "FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1" */
static void put_futex_op(struct tline *l, uint32_t val3)
{
	struct tt_futex_wake_op o = tt_futex_wake_op_split(val3);

	if (o.oparg_shift)
		lputs(l, "FUTEX_OP_OPARG_SHIFT<<28|");
	put_shifted(l, &tt_xlat_futex_wake_ops, o.op, 28);
	lprintf(l, "|%#x<<12|", o.oparg);
	put_shifted(l, &tt_xlat_futex_wake_cmps, o.cmp, 24);
	lprintf(l, "|%#x", o.cmparg);
}

/* strace's sigset: the signals without their SIG, or, when more than
 * half of the 64 are set, "~" and those not set. */
static void put_sigset(struct tline *l, uint64_t set)
{
	char buf[32];
	bool first = true;

	if (__builtin_popcountll(set) > 32) {
		lputs(l, "~");
		set = ~set;
	}
	lputs(l, "[");
	for (int sig = 1; sig <= 64; sig++) {
		const char *name;

		if (!(set >> (sig - 1) & 1))
			continue;
		name = tt_signal_name(sig, buf, sizeof(buf));
		if (strncmp(name, "SIG", 3) == 0)
			name += 3;
		lprintf(l, "%s%s", first ? "" : " ", name);
		first = false;
	}
	lputs(l, "]");
}

static void put_value(struct tline *l, const struct tt_event *ev, int idx);

/* -y: "<PATH>" after an fd, escaped as strace 6.1 escapes it there
 * (tt_strace_escape); -yy: a device's type and numbers, or a socket's
 * details in place of its "socket:[INODE]". */
static void put_fd_path(struct tline *l, const struct tt_event *ev,
			uint8_t path)
{
	const struct tt_fd_path *p = tt_fd_path_of(ev, path);
	char buf[4 * TT_FD_POOL];

	if (!p)
		return;
	lputs(l, "<");
	if (p->socket) {
		lputs(l, tt_fd_socket_str(ev, p));
		lputs(l, ">");
		return;
	}
	tt_strace_escape(tt_fd_path_str(ev, p), p->len, true, buf,
			 sizeof(buf));
	lputs(l, buf);
	if (p->dev)
		lprintf(l, "<%s %u:%u>", p->dev == 'c' ? "char" : "block",
			p->major, p->minor);
	lputs(l, ">");
}

/* The members of an array, fd set or result list, a labelled one after
 * its name ("left {...}"). */
static void put_members(struct tline *l, const struct tt_event *ev,
			const struct tt_value *v, const char *open,
			const char *sep, const char *close)
{
	lputs(l, open);
	for (int c = v->child; c != TT_NO_VALUE; c = ev->v[c].next) {
		if (c != v->child)
			lputs(l, sep);
		if (ev->v[c].label)
			lprintf(l, "%s ", ev->v[c].name);
		put_value(l, ev, c);
	}
	lputs(l, close);
}

/* A struct's fields by name, as strace writes one it read from the
 * tracee: "{tv_sec=1, tv_nsec=0}". */
static void put_struct(struct tline *l, const struct tt_event *ev,
		       const struct tt_value *v)
{
	lputs(l, "{");
	for (int c = v->child; c != TT_NO_VALUE; c = ev->v[c].next) {
		lprintf(l, "%s%s=", c == v->child ? "" : ", ", ev->v[c].name);
		put_value(l, ev, c);
	}
	lputs(l, "}");
}

/* A clockid_t.  A dynamic clock is made from an fd open on a clock
 * device (a PTP one): with -y strace names the fd's file inside the
 * macro, "FD_TO_CLOCKID(3</dev/ptp0>)". */
static void put_clockid_value(struct tline *l, const struct tt_event *ev,
			      const struct tt_value *v)
{
	if (!v->path) {
		put_clockid(l, (int32_t)v->s);
		return;
	}
	lprintf(l, "FD_TO_CLOCKID(%d", tt_clockid_split((int32_t)v->s).who);
	put_fd_path(l, ev, v->path);
	lputs(l, ")");
}

/* One decoded value, ev->v[idx], each kind as strace writes it: "..."
 * for an array's elements beyond those printed, "?" for an output not
 * known before the call's exit. */
static void put_value(struct tline *l, const struct tt_event *ev, int idx)
{
	const struct tt_value *v;
	char buf[32];

	/* a note's value that did not fit in the event's pool */
	if (idx == TT_NO_VALUE) {
		lputs(l, "?");
		return;
	}
	v = &ev->v[idx];
	switch (v->kind) {
	case TV_INT:
		lprintf(l, "%" PRId64, v->s);
		break;
	case TV_UINT:
		lprintf(l, "%" PRIu64, v->u);
		break;
	case TV_ADDR:
	case TV_HEX:
		lprintf(l, "%#" PRIx64, v->u);
		break;
	case TV_PTR:
		if (v->u)
			lprintf(l, "%#" PRIx64, v->u);
		else
			lputs(l, "NULL");
		break;
	case TV_NULL:
		lputs(l, "NULL");
		break;
	case TV_MORE:
		lputs(l, "...");
		break;
	case TV_PENDING:
		lputs(l, "?");
		break;
	case TV_FLAGS:
		put_flags(l, v);
		break;
	case TV_XVAL:
		put_xval(l, v);
		break;
	case TV_SIGNAL:
		lputs(l, tt_signal_name((int)v->s, buf, sizeof(buf)));
		break;
	case TV_SIGSET:
		put_sigset(l, v->u);
		break;
	case TV_FUTEX_OP:
		put_futex_op(l, (uint32_t)v->u);
		break;
	case TV_FD:
		lprintf(l, "%" PRId64, v->s);
		put_fd_path(l, ev, v->path);
		break;
	case TV_CLOCKID:
		put_clockid_value(l, ev, v);
		break;
	case TV_STRUCT:
		put_struct(l, ev, v);
		break;
	case TV_ARRAY:
		put_members(l, ev, v, "[", ", ", "]");
		break;
	case TV_LIST:
		put_members(l, ev, v, "", ", ", "");
		break;
	case TV_FDSET:
		put_members(l, ev, v, "[", " ", "]");
		break;
	}
}

/* --- calls ------------------------------------------------------------- */

/* Arguments before the first output are printed at entry. */
static unsigned entry_args(const struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;
	unsigned i;

	for (i = 0; i < ev->nshown; i++)
		if (tt_dir_output(sig->args[i].dir))
			break;
	return i;
}

static void put_return(struct tline *l, const struct tt_event *ev)
{
	lputs(l, ") ");
	lpad_to(l, tt_opt.ret_column);
	switch (ev->ret) {
	case TR_NONE:
		lputs(l, "= ?");
		return;
	case TR_VALUE: {
		const struct tt_xlat *names = ev->sc->sig->ret_names;
		const char *name = names ? tt_xlat_name(names, (uint64_t)ev->rval)
					 : NULL;

		lprintf(l, "= %" PRId64, ev->rval);
		put_fd_path(l, ev, ev->ret_path);
		if (name) {
			lprintf(l, " (%s)", name);
		} else if (ev->result != TT_NO_VALUE &&
			   ev->v[ev->result].child != TT_NO_VALUE) {
			lputs(l, " (");
			put_value(l, ev, ev->result);
			lputs(l, ")");
		}
		break;
	}
	case TR_ERROR: {
		const char *name = tt_errno_name(ev->err);

		lputs(l, tt_errno_is_restart(ev->err) ? "= ? " : "= -1 ");
		if (name)
			lprintf(l, "%s (%s)", name, tt_errno_text(ev->err));
		else
			lprintf(l, "ERRNO_%d (%s)", ev->err, tt_errno_text(ev->err));
		break;
	}
	}
	if (tt_opt.syscall_time) {
		struct timespec d = ts_sub(ev->t_exit.mono, ev->t_entry.mono);

		lprintf(l, " <%ld.%06ld>", (long)d.tv_sec, d.tv_nsec / 1000);
	}
}

/* Annotation lines: what ttrace knows beyond strace, one per line after
 * the call, never inside it. */
static void put_notes(const struct tt_record *r, const struct tt_event *ev)
{
	/* TOCTOU notes of restart_syscall are about the call it resumed. */
	const struct tt_syscall *call =
		(ev->sc->flags & SF_RESTART) && ev->resumes ? ev->resumes : ev->sc;
	struct tline l;
	char path[96];

	for (unsigned i = 0; i < ev->nnotes; i++) {
		const struct tt_note *n = &ev->notes[i];
		const char *arg = n->arg >= 0 && n->arg < call->sig->nargs ?
			call->sig->args[n->arg].name : "?";

		begin_line(&l, r, &ev->t_exit);
		switch (n->kind) {
		case TN_NSEC_PADDING:
			lprintf(&l, "  ^ %s: %s has non-zero padding %#" PRIx64
				" in its upper 32 bits; the kernel ignores it",
				ev->sc->name,
				tt_value_path(ev, n->node, path, sizeof(path)),
				n->a);
			break;
		case TN_TOCTOU_CHANGED:
			lprintf(&l, "  ^ TOCTOU: %s changed while %s ran: ", arg,
				call->name);
			put_value(&l, ev, n->node);
			lputs(&l, " at entry, ");
			put_value(&l, ev, n->node2);
			lputs(&l, " at exit");
			break;
		case TN_TOCTOU_PADDING:
			lprintf(&l, "  ^ TOCTOU: the padding of %s changed while %s "
				"ran: %#" PRIx64 " at entry, %#" PRIx64 " at exit; "
				"the kernel ignores it",
				tt_value_path(ev, n->node, path, sizeof(path)),
				call->name, n->a, n->b);
			break;
		case TN_TOCTOU_UNREADABLE:
			lprintf(&l, "  ^ TOCTOU: %s could not be read again when "
				"%s returned (unmapped meanwhile)", arg, call->name);
			break;
		case TN_TIMERFD_ARMED:
			lprintf(&l, "  ^ TOCTOU: the kernel armed %s %" PRId64
				" with ", arg, (int64_t)(int32_t)ev->raw[n->arg]);
			put_value(&l, ev, n->node);
			lprintf(&l, " (/proc fdinfo), not what %s read at entry",
				call->name);
			break;
		}
		lputs(&l, "\n");
		emit(&l);
	}
}

/* -k: the caller's stack as strace -k prints it, right under the line
 * that ends the call and without a prefix: "MODULE(SYMBOL+0xOFF)
 * [0xFILE_OFFSET]", "MODULE() [..]" without a symbol, and a pc in no
 * module as strace's unwinder says it. */
static void put_stack(const struct tt_stack *stack)
{
	struct tline l;

	for (unsigned i = 0; stack && i < stack->n; i++) {
		const struct tt_frame *f = &stack->f[i];

		l.n = 0;
		l.col0 = 0;
		if (!f->module)
			lprintf(&l, " > unexpected_backtracing_error [%#" PRIx64 "]",
				f->pc);
		else if (f->symbol)
			lprintf(&l, " > %s(%s+%#" PRIx64 ") [%#" PRIx64 "]",
				f->module, f->symbol, f->sym_off, f->file_off);
		else
			lprintf(&l, " > %s() [%#" PRIx64 "]", f->module,
				f->file_off);
		if (f->file)
			lprintf(&l, " %s:%d", f->file, (int)f->line);
		lputs(&l, "\n");
		emit(&l);
	}
}

/* With -z, -Z or -e status=, a call is printed whole once it is known
 * how it ended (strace 6.1 keeps its first half aside too): no
 * "<unfinished ...>" half at the entry, no other thread cuts it. */
static bool by_status(void)
{
	return tt_opt.status_hidden != 0;
}

static bool status_shown(unsigned status)
{
	return !(tt_opt.status_hidden & status);
}

/* The call's name and the arguments known at its entry. */
static void put_entry(struct tline *l, const struct tt_event *ev)
{
	unsigned k = entry_args(ev);

	lprintf(l, "%s(", ev->sc->name);
	if (ev->sc->flags & SF_RESTART)
		lprintf(l, "<... resuming interrupted %s ...>",
			ev->resumes ? ev->resumes->name : "system call");
	for (unsigned i = 0; i < k; i++) {
		put_value(l, ev, (int)i);
		if (i + 1 < ev->nshown)
			lputs(l, ", ");
	}
}

static void text_syscall_entry(const struct tt_record *r)
{
	const struct tt_event *ev = r->ev;
	struct tline l;

	if (by_status())
		return;		/* printed whole at the exit, or not */
	begin_line(&l, r, &ev->t_entry);
	put_entry(&l, ev);
	emit(&l);
	if (!tt_out_per_tid())
		open_tid = r->tid;
	tt_out_flush_if_interactive();
}

/* The second half of r's call: on its own open line, or on a new one
 * that says which call it resumes. */
static void continue_line(struct tline *l, const struct tt_record *r,
			  const struct tt_timestamps *ts)
{
	if (line_open(r->tid)) {
		l->n = 0;
		l->b[0] = '\0';
		l->col0 = tt_out_column();
		open_tid = 0;
	} else {
		begin_line(l, r, ts);
		lprintf(l, "<... %s resumed>", r->ev->sc->name);
	}
}

static void text_syscall_exit(const struct tt_record *r)
{
	const struct tt_event *ev = r->ev;
	unsigned k = entry_args(ev);
	struct tline l;

	if (by_status()) {
		unsigned status = ev->ret == TR_VALUE ? TT_STATUS_SUCCESSFUL :
				  ev->ret == TR_ERROR ? TT_STATUS_FAILED :
				  TT_STATUS_UNAVAILABLE;

		if (!status_shown(status))
			return;
		/* the line as it would have begun at the entry */
		begin_line(&l, r, &ev->t_entry);
		put_entry(&l, ev);
	} else {
		continue_line(&l, r, &ev->t_exit);
	}
	for (unsigned i = k; i < ev->nshown; i++) {
		if (i > k)
			lputs(&l, ", ");
		put_value(&l, ev, (int)i);
	}
	put_return(&l, ev);
	lputs(&l, "\n");
	emit(&l);
	put_stack(&ev->stack);
	put_notes(r, ev);
	tt_out_flush_if_interactive();
}

/* A traced call that will never return: its thread died, was replaced by
 * another thread's execve, or we detach. */
static void finish_unreturned(const struct tt_record *r)
{
	struct tline l;

	if (!r->ev)
		return;
	if (by_status()) {
		if (!status_shown(TT_STATUS_UNFINISHED))
			return;
		begin_line(&l, r, &r->ev->t_entry);
		put_entry(&l, r->ev);
	} else {
		continue_line(&l, r, &r->ts);
	}
	lputs(&l, " <unfinished ...>) ");
	lpad_to(&l, tt_opt.ret_column);
	lputs(&l, "= ?\n");
	emit(&l);
	put_stack(&r->ev->stack);
}

/* A child or thread followed from its creator: strace says so when its
 * trace goes to standard error (not with -o, not with -q), on a line of
 * its own here (strace's may cut into an open line). */
static void text_new_tracee(const struct tt_record *r)
{
	char line[64];
	int n;

	if (!r->parent || tt_opt.outfile || tt_opt.quiet)
		return;
	close_open_line();
	n = snprintf(line, sizeof(line), "ttrace: Process %d attached\n",
		     (int)r->tid);
	tt_out_write(line, (size_t)n);
}

/* A thread forgotten with its line still open (it vanished without an
 * exit to print): end the line, so that a new thread with its tid never
 * continues it.  With -ff its file is closed. */
static void text_gone(const struct tt_record *r)
{
	if (tt_out_per_tid())
		tt_out_forget(r->tid);
	else if (open_tid == r->tid)
		close_open_line();
}

/* --- signals, stops, exits --------------------------------------------- */

static void put_sigval(struct tline *l, const siginfo_t *si)
{
	lprintf(l, ", si_int=%d, si_ptr=", si->si_int);
	if (si->si_ptr)
		lprintf(l, "%p", si->si_ptr);
	else
		lputs(l, "NULL");
}

/* A clock_t of a SIGCHLD (the child's CPU time in clock ticks) and, when
 * not 0, its seconds in a C comment after it, as strace 6.1 prints them
 * (37 ticks: "37", then the comment " 0.37 s "). */
static void put_clock_t(struct tline *l, long ticks)
{
	static long hz;
	int width = 0;

	lprintf(l, "%ld", ticks);
	if (!ticks)
		return;
	if (!hz && (hz = sysconf(_SC_CLK_TCK)) <= 0)
		hz = 100;
	for (long d = hz - 1; d > 0; d /= 10)
		width++;
	lprintf(l, " /* %ld.%0*ld s */", ticks / hz, width, ticks % hz);
}

static void put_siginfo(struct tline *l, const siginfo_t *si)
{
	char buf[32], sbuf[32];
	const char *code = tt_sicode_name(si->si_signo, si->si_code);

	lprintf(l, "{si_signo=%s, si_code=",
		tt_signal_name(si->si_signo, sbuf, sizeof(sbuf)));
	if (code)
		lputs(l, code);
	else
		lprintf(l, "%d", si->si_code);
	if (si->si_errno) {
		const char *e = tt_errno_name(si->si_errno);

		if (e)
			lprintf(l, ", si_errno=%s", e);
		else
			lprintf(l, ", si_errno=%d", si->si_errno);
	}

	if (si->si_code <= 0) {		/* sent from user space */
		switch (si->si_code) {
		case SI_TIMER:
			lprintf(l, ", si_timerid=%#x, si_overrun=%d",
				(unsigned)si->si_timerid, si->si_overrun);
			put_sigval(l, si);
			break;
		case SI_QUEUE:
		case SI_MESGQ:
			lprintf(l, ", si_pid=%d, si_uid=%u", (int)si->si_pid,
				(unsigned)si->si_uid);
			put_sigval(l, si);
			break;
		default:
			lprintf(l, ", si_pid=%d, si_uid=%u", (int)si->si_pid,
				(unsigned)si->si_uid);
			break;
		}
	} else {
		switch (si->si_signo) {
		case SIGCHLD:
			lprintf(l, ", si_pid=%d, si_uid=%u, si_status=",
				(int)si->si_pid, (unsigned)si->si_uid);
			if (si->si_code == CLD_EXITED)
				lprintf(l, "%d", si->si_status);
			else
				lputs(l, tt_signal_name(si->si_status, buf,
							sizeof(buf)));
			lputs(l, ", si_utime=");
			put_clock_t(l, (long)si->si_utime);
			lputs(l, ", si_stime=");
			put_clock_t(l, (long)si->si_stime);
			break;
		case SIGILL:
		case SIGFPE:
		case SIGSEGV:
		case SIGBUS:
			lputs(l, ", si_addr=");
			if (si->si_addr)
				lprintf(l, "%p", si->si_addr);
			else
				lputs(l, "NULL");
			break;
		case SIGPOLL:
			lprintf(l, ", si_band=%ld, si_fd=%d", si->si_band,
				si->si_fd);
			break;
		default:
			if (si->si_pid || si->si_uid)
				lprintf(l, ", si_pid=%d, si_uid=%u",
					(int)si->si_pid, (unsigned)si->si_uid);
			break;
		}
	}
	lputs(l, "}");
}

static void text_signal(const struct tt_record *r)
{
	const siginfo_t *si = r->si;
	struct tline l;
	char buf[32];

	if (tt_sigset_opt_has(&tt_opt.signals_hidden, si->si_signo))
		return;		/* -e signal= */
	begin_line(&l, r, &r->ts);
	lprintf(&l, "--- %s ", tt_signal_name(si->si_signo, buf, sizeof(buf)));
	put_siginfo(&l, si);
	lputs(&l, " ---\n");
	emit(&l);
	if (r->sig_timer) {
		/* which timer sent it: an annotation, the strace line intact */
		begin_line(&l, r, &r->ts);
		lprintf(&l, "  ^ timer %#x: ", (unsigned)r->sig_timer->id);
		put_clockid(&l, r->sig_timer->clock);
		lputs(&l, "\n");
		emit(&l);
	}
	put_stack(r->stack);
	tt_out_flush_if_interactive();
}

static void text_group_stop(const struct tt_record *r)
{
	struct tline l;
	char buf[32];

	begin_line(&l, r, &r->ts);
	lprintf(&l, "--- stopped by %s ---\n",
		tt_signal_name(r->sig, buf, sizeof(buf)));
	emit(&l);
	tt_out_flush_if_interactive();
}

static void text_exit(const struct tt_record *r)
{
	int status = r->status;
	struct tline l;
	char buf[32];

	finish_unreturned(r);
	if (tt_opt.quiet >= 2)
		return;
	begin_line(&l, r, &r->ts);
	if (WIFEXITED(status))
		lprintf(&l, "+++ exited with %d +++\n", WEXITSTATUS(status));
	else
		lprintf(&l, "+++ killed by %s%s +++\n",
			tt_signal_name(WTERMSIG(status), buf, sizeof(buf)),
			WCOREDUMP(status) ? " (core dumped)" : "");
	emit(&l);
	tt_out_flush_if_interactive();
}

static void text_superseded(const struct tt_record *r)
{
	struct tline l;

	finish_unreturned(r);
	if (tt_opt.quiet >= 2)
		return;
	begin_line(&l, r, &r->ts);
	lprintf(&l, "+++ superseded by execve in pid %d +++\n", (int)r->old_tid);
	emit(&l);
}

/* strace implies -q for these when it writes to a file (-o) for a command
 * it started; so does ttrace. */
static void text_personality(const struct tt_record *r)
{
	struct tline l;

	if (tt_opt.quiet || (tt_out_is_file() && !tt_opt.npids))
		return;
	begin_line(&l, r, &r->ts);
	lprintf(&l, "[ Process PID=%d runs in %u bit mode. ]\n", (int)r->tid,
		r->abi->bits);
	emit(&l);
}

/* Only a line still open is finished; strace prints no return value. */
static void text_detached(const struct tt_record *r)
{
	static const char detached[] = " <detached ...>\n";

	if (by_status() && r->ev) {
		struct tline l;

		if (!status_shown(TT_STATUS_DETACHED))
			return;
		begin_line(&l, r, &r->ev->t_entry);
		put_entry(&l, r->ev);
		lputs(&l, detached);
		emit(&l);
		return;
	}
	if (!line_open(r->tid))
		return;
	tt_out_write(detached, sizeof(detached) - 1);
	open_tid = 0;
}

static void text_record(const struct tt_record *r)
{
	switch (r->kind) {
	case TT_REC_CALL_ENTRY:
		text_syscall_entry(r);
		break;
	case TT_REC_CALL_EXIT:
		text_syscall_exit(r);
		break;
	case TT_REC_SIGNAL:
		text_signal(r);
		break;
	case TT_REC_GROUP_STOP:
		text_group_stop(r);
		break;
	case TT_REC_EXIT:
		text_exit(r);
		break;
	case TT_REC_SUPERSEDED:
		text_superseded(r);
		break;
	case TT_REC_ABI:
		text_personality(r);
		break;
	case TT_REC_DETACHED:
		text_detached(r);
		break;
	case TT_REC_GONE:
		text_gone(r);
		break;
	case TT_REC_NEW_TRACEE:
		text_new_tracee(r);
		break;
	case TT_REC_EXEC:
	case TT_REC_END:
		break;		/* strace prints nothing */
	}
}


const struct tt_renderer tt_render_text = {
	.record = text_record,
	.break_line = close_open_line,
	.finish = close_open_line,
};
