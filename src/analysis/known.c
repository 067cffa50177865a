/* ttrace - what ttrace knows of each process's POSIX timers and timerfds
 * (see known.h).  A few records per process, in a small table found by
 * pid; nothing is allocated per event, only when a timer is learned. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abi.h"
#include "error.h"
#include "known.h"
#include "process.h"
#include "procfs.h"
#include "tcb.h"

/* The timers of one process, owned by its context (src/tracer/process.c). */
struct tt_known_set {
	struct tt_known_timer *t;
	unsigned n, cap;
};

static struct tt_known_set *set_of(struct tcb *tcp)
{
	return tcp->proc->known;
}

static struct tt_known_set *set_get(struct tcb *tcp)
{
	if (!tcp->proc->known)
		tcp->proc->known = tt_xcalloc(1, sizeof(*tcp->proc->known));
	return tcp->proc->known;
}

void tt_known_free(struct tt_known_set *p)
{
	if (!p)
		return;
	free(p->t);
	free(p);
}

static struct tt_known_timer *timer_find(struct tt_known_set *p, uint8_t kind,
					 int32_t id)
{
	for (unsigned i = 0; p && i < p->n; i++)
		if (p->t[i].kind == kind && p->t[i].id == id)
			return &p->t[i];
	return NULL;
}

static void timer_drop(struct tt_known_set *p, unsigned i)
{
	p->t[i] = p->t[--p->n];
}

/* The record of (kind, id) in tcp's process, new or replaced. */
static struct tt_known_timer *timer_put(struct tcb *tcp, uint8_t kind,
					int32_t id)
{
	struct tt_known_set *p = set_get(tcp);
	struct tt_known_timer *t = timer_find(p, kind, id);

	if (!t) {
		if (p->n == p->cap) {
			p->cap = p->cap ? 2 * p->cap : 4;
			p->t = tt_xreallocarray(p->t, p->cap, sizeof(*p->t));
		}
		t = &p->t[p->n++];
	}
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->id = id;
	return t;
}

/* --- /proc ---------------------------------------------------------------- */

/* The blocks of /proc/PID/timers (fs/proc/base.c show_timer):
 *   ID: 0
 *   signal: 14/0000000000001234
 *   notify: signal/pid.1234        (none, thread; tid for THREAD_ID)
 *   ClockID: 1 */
bool tt_parse_proc_timers(const char *text, int32_t id,
			  struct tt_known_timer *out)
{
	bool in = false, found = false;
	int n;

	memset(out, 0, sizeof(*out));
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		int sig;
		unsigned long long val;
		char how[16], whom[8];

		if (sscanf(p, "ID: %d", &n) == 1) {
			if (in)
				break;
			in = n == id;
			continue;
		}
		if (!in)
			continue;
		if (sscanf(p, "signal: %d/%llx", &sig, &val) == 2) {
			out->signo = sig;
			out->sival = val;
		} else if (sscanf(p, "notify: %15[a-z]/%7[a-z]", how, whom) == 2) {
			out->notify_known = true;
			out->notify = !strcmp(how, "none") ? 1 :
				      !strcmp(how, "thread") ? 2 : 0;
			if (!strcmp(whom, "tid"))
				out->notify |= 4;	/* SIGEV_THREAD_ID */
		} else if (sscanf(p, "ClockID: %d", &n) == 1) {
			out->clock = n;
			found = true;
		}
	}
	out->kind = TK_POSIX;
	out->id = id;
	out->from_proc = true;
	return found;
}

/* --- look-ups ------------------------------------------------------------- */

const struct tt_known_timer *tt_known_posix(struct tcb *tcp, int32_t id)
{
	static char text[65536];
	struct tt_known_timer *t = timer_find(set_of(tcp), TK_POSIX, id);
	struct tt_known_timer seen;

	if (t)
		return t;
	if (!tt_proc_read(tcp->pid, "timers", text, sizeof(text)) ||
	    !tt_parse_proc_timers(text, id, &seen))
		return NULL;
	t = timer_put(tcp, TK_POSIX, id);
	*t = seen;
	return t;
}

const struct tt_known_timer *tt_known_timerfd(struct tcb *tcp, int32_t fd,
					      bool verify)
{
	struct tt_known_set *p = set_of(tcp);
	struct tt_known_timer *t = timer_find(p, TK_TIMERFD, fd);
	char text[1024], name[32];
	int clock;

	if (t && !verify)
		return t;
	if (!tt_proc_is_timerfd(tcp->pid, fd)) {
		if (t)		/* closed, its number reused */
			timer_drop(p, (unsigned)(t - p->t));
		return NULL;
	}
	if (t)
		return t;
	snprintf(name, sizeof(name), "fdinfo/%d", (int)fd);
	if (!tt_proc_read(tcp->pid, name, text, sizeof(text)))
		return NULL;
	for (const char *l = text; l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
		if (sscanf(l, "clockid: %d", &clock) == 1) {
			t = timer_put(tcp, TK_TIMERFD, fd);
			t->clock = clock;
			t->from_proc = true;
			return t;
		}
	}
	return NULL;
}

/* --- learning ------------------------------------------------------------- */

/* A successful timer_create or timerfd_create. */
static void learn_create(struct tcb *tcp, const struct tt_timing *tm)
{
	struct tt_known_timer *t;

	if (!tm->has_timer)
		return;
	t = timer_put(tcp, tm->timer_kind == TT_TIMER_FD ? TK_TIMERFD :
		      TK_POSIX, tm->timer);
	t->clock = tm->clock;
	t->cloexec = tm->cloexec;
	t->notify_known = tm->notify_known;
	t->sival = tm->sival;
	t->signo = tm->signo;
	t->notify = tm->notify;
}

/* A successful settime: what the timer was armed with. */
static void learn_settime(struct tcb *tcp, const struct tt_timing *tm)
{
	struct tt_known_timer *t = timer_find(set_of(tcp),
		tm->timer_kind == TT_TIMER_FD ? TK_TIMERFD : TK_POSIX, tm->timer);

	if (!t || !tm->has_value)
		return;
	t->armed_known = true;
	t->settime_flags = tm->flags;
	t->interval_sec = tm->interval.sec;
	t->interval_nsec = tm->interval.frac;
	t->value_sec = tm->value.sec;
	t->value_nsec = tm->value.frac;
}

void tt_known_learn(struct tcb *tcp, const struct tt_event *ev)
{
	const struct tt_timing *tm = &ev->timing;
	struct tt_known_timer *t;
	struct tt_known_set *p;

	if (ev->ret != TR_VALUE)
		return;
	switch (tm->kind) {
	case TT_TIMING_CREATE:
		learn_create(tcp, tm);
		break;
	case TT_TIMING_DELETE:
		p = set_of(tcp);
		t = tm->has_timer ? timer_find(p, TK_POSIX, tm->timer) : NULL;
		if (t)
			timer_drop(p, (unsigned)(t - p->t));
		break;
	case TT_TIMING_ARM:
		/* setitimer and alarm arm no timer ttrace keeps */
		if (tm->has_timer)
			learn_settime(tcp, tm);
		break;
	}
}

void tt_known_exec(struct tcb *tcp)
{
	struct tt_known_set *p = set_of(tcp);

	/* The kernel deletes the POSIX timers (begin_new_exec) and closes
	 * the close-on-exec fds. */
	for (unsigned i = 0; p && i < p->n;) {
		if (p->t[i].kind == TK_POSIX || p->t[i].cloexec)
			timer_drop(p, i);
		else
			i++;
	}
}
