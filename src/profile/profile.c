/* ttrace - recording, writing and reading timing profiles. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "abi.h"
#include "error.h"
#include "jsonstr.h"
#include "profile/jsonread.h"
#include "profile/profile.h"
#include "render/render.h"
#include "select.h"
#include "xlat/xlat.h"

static void val_free(struct tt_prof_vals *t);

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void tt_profile_init(struct tt_profile *p)
{
	memset(p, 0, sizeof(*p));
	p->tol_ppm = TT_PROFILE_TOLERANCE;
	p->floor_ns = TT_PROFILE_FLOOR;
	for (unsigned a = 0; tt_abis[a]; a++)
		for (long nr = 0; nr < tt_abis[a]->nsyscalls; nr++) {
			const struct tt_syscall *sc = &tt_abis[a]->table[nr];

			if (!sc->name || !tt_selected(tt_abis[a], nr))
				continue;
			p->selection = tt_xreallocarray(p->selection, p->nsel + 1,
							sizeof(char *));
			p->selection[p->nsel++] = tt_xstrdup(sc->name);
		}
	if (p->nsel)
		qsort(p->selection, p->nsel, sizeof(char *), cmp_str);
	/* the same name in two ABIs (timerfd_create) once */
	for (size_t i = 1; i < p->nsel; i++)
		if (strcmp(p->selection[i], p->selection[i - 1]) == 0) {
			free(p->selection[i]);
			memmove(&p->selection[i], &p->selection[i + 1],
				(p->nsel - i - 1) * sizeof(char *));
			p->nsel--;
			i--;
		}
}

void tt_profile_free(struct tt_profile *p)
{
	for (size_t i = 0; i < p->nsel; i++)
		free(p->selection[i]);
	for (size_t i = 0; i < p->ng; i++) {
		free(p->g[i].family);
		free(p->g[i].clock);
		free(p->g[i].req);
		val_free(&p->g[i].left);
		val_free(&p->g[i].step);
		tt_samples_free(&p->g[i].samples);
	}
	free(p->selection);
	free(p->g);
	tt_profile_free_origin(p);
	memset(p, 0, sizeof(*p));
}

/* A clock as a profile names it: without the pid or tid a CPU clock
 * names, which differ from run to run. */
static void clock_name(int32_t id, char *buf, size_t size)
{
	struct tt_clockid c = tt_clockid_split(id);

	switch (c.kind) {
	case TC_NAMED:
		snprintf(buf, size, "%s", c.name);
		break;
	case TC_CPU:
		snprintf(buf, size, "%s(%s %s)", c.name,
			 c.who ? "another" : "own",
			 c.per_thread ? "thread" : "process");
		break;
	case TC_FD:
		snprintf(buf, size, "FD");
		break;
	default:
		snprintf(buf, size, "unknown(%" PRId32 ")", id);
		break;
	}
}

struct tt_prof_group *tt_profile_find(const struct tt_profile *p,
				      const char *family, const char *clock,
				      bool absolute)
{
	for (size_t i = 0; i < p->ng; i++)
		if (strcmp(p->g[i].family, family) == 0 &&
		    strcmp(p->g[i].clock, clock) == 0 &&
		    p->g[i].absolute == absolute)
			return &p->g[i];
	return NULL;
}

static struct tt_prof_group *group_of(struct tt_profile *p, const char *family,
				      const char *clock, bool absolute,
				      bool arms)
{
	struct tt_prof_group *g = tt_profile_find(p, family, clock, absolute);

	if (g)
		return g;
	p->g = tt_xreallocarray(p->g, p->ng + 1, sizeof(*p->g));
	g = &p->g[p->ng++];
	memset(g, 0, sizeof(*g));
	g->family = tt_xstrdup(family);
	g->clock = tt_xstrdup(clock);
	g->absolute = absolute;
	g->arms = arms;
	return g;
}

bool tt_prof_near(int64_t a, int64_t b, int64_t tol_ppm)
{
	__int128 d = (__int128)b - a, m = a < 0 ? -(__int128)a : a;

	if (d < 0)
		d = -d;
	return d * 1000000 <= m * tol_ppm;
}

/* The first slot to look at for (value, interval): a 64-bit mix (the
 * finalizer of MurmurHash3) of both. */
static size_t req_hash(int64_t value, int64_t interval, size_t nslot)
{
	uint64_t h = (uint64_t)value * 0x9e3779b97f4a7c15ULL ^ (uint64_t)interval;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (size_t)h & (nslot - 1);
}

/* The slot that holds (value, interval), or the empty one where it would
 * go (linear probing: the table is never more than half full). */
static size_t *val_slot(const struct tt_prof_vals *t, int64_t value,
			int64_t interval)
{
	size_t i = req_hash(value, interval, t->nslot);

	while (t->slot[i]) {
		const struct tt_prof_req *r = &t->v[t->slot[i] - 1];

		if (r->value == value && r->interval == interval)
			break;
		i = (i + 1) & (t->nslot - 1);
	}
	return &t->slot[i];
}

/* A table for twice as many values as there will be. */
static void val_rehash(struct tt_prof_vals *t, size_t want)
{
	free(t->slot);
	t->nslot = 16;
	while (t->nslot < 2 * want)
		t->nslot *= 2;
	t->slot = tt_xcalloc(t->nslot, sizeof(*t->slot));
	for (size_t i = 0; i < t->n; i++)
		*val_slot(t, t->v[i].value, t->v[i].interval) = i + 1;
}

/* count more of (value, interval): found in O(1) on average, so a run
 * with many distinct values is not quadratic. */
static void val_add(struct tt_prof_vals *t, int64_t value, int64_t interval,
		    unsigned long count)
{
	size_t *slot;

	if (!t->slot || 2 * (t->n + 1) > t->nslot)
		val_rehash(t, t->n + 1);
	slot = val_slot(t, value, interval);
	if (*slot) {
		t->v[*slot - 1].count += count;
		return;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 8;
		t->v = tt_xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	t->v[t->n++] = (struct tt_prof_req){ value, interval, count, value };
	*slot = t->n;
}

static void val_free(struct tt_prof_vals *t)
{
	free(t->v);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

/* What each thread last asked in each group: its last deadline, or when
 * its last relative request was to end (on CLOCK_MONOTONIC, from the
 * entry stop); and whether a signal cut that request short. */
static struct thread_state {
	pid_t tid;
	size_t group;
	bool has_deadline, interrupted;
	int64_t deadline;	/* absolute */
	int64_t end, value;	/* relative */
} *states;
static size_t nstates;

static struct thread_state *state_of(pid_t tid, size_t g)
{
	for (size_t i = 0; i < nstates; i++)
		if (states[i].tid == tid && states[i].group == g)
			return &states[i];
	states = tt_xreallocarray(states, nstates + 1, sizeof(*states));
	states[nstates] = (struct thread_state){ .tid = tid, .group = g };
	return &states[nstates++];
}

void tt_profile_forget(pid_t tid)
{
	for (size_t i = 0; i < nstates; i++)
		if (states[i].tid == tid)
			states[i--] = states[--nstates];
	if (!nstates) {
		free(states);
		states = NULL;
	}
}

/* The clock of the timer a call arms: setitimer names it (ITIMER_REAL
 * ...), alarm arms ITIMER_REAL; the other calls name a timer whose clock
 * ttrace may know (src/analysis/known.c). */
static void arm_clock(const struct tt_event *ev, char *buf, size_t size)
{
	const struct tt_timing *tm = &ev->timing;
	const char *name;

	if (tm->clock_from == TT_CLOCK_ITIMER) {
		name = tt_xlat_name(&tt_xlat_itimer_which, (uint32_t)tm->clock);
		snprintf(buf, size, "%s", name ? name : "ITIMER_???");
	} else if (ev->has_timer_clock) {
		clock_name(ev->timer_clock, buf, size);
	} else {
		snprintf(buf, size, "unknown");
	}
}

/* A signal cut the request short: EINTR (a handler ran), or one of the
 * ERESTART codes by which the kernel calls it again, or resumes it
 * through restart_syscall. */
static bool cut_short(const struct tt_event *ev)
{
	if (ev->timing.kind == TT_TIMING_WAIT)
		return ev->timing.outcome == TT_WAIT_INTERRUPTED;
	return ev->ret == TR_ERROR &&
		(ev->err == EINTR || (ev->err >= TT_ERESTARTSYS &&
				      ev->err <= TT_ERESTART_RESTARTBLOCK));
}

void tt_profile_record(struct tt_profile *p, const struct tt_record *r)
{
	const struct tt_event *ev = r->ev;
	const struct tt_timing *tm = &ev->timing;
	bool arms = tm->kind == TT_TIMING_ARM;
	bool waits = tm->kind == TT_TIMING_WAIT;
	int64_t interval = arms ? tm->interval_ns : 0;
	struct thread_state *st;
	struct tt_prof_group *g;
	char clock[64];

	/* A request that does not fit in ns was refused anyway; one that
	 * could not be read asked nothing ttrace could see; a wait without
	 * a timeout (no value) asks for none; a restart_syscall's is the
	 * wait it resumes, already recorded. */
	if ((tm->kind != TT_TIMING_SLEEP && !arms && !waits) ||
	    !tm->has_value || !tm->in_ns || tm->resumed)
		return;
	if (arms)
		arm_clock(ev, clock, sizeof(clock));
	else
		clock_name(tm->clock, clock, sizeof(clock));
	g = group_of(p, ev->sc->sig->family, clock, tm->absolute, arms);
	g->waits = waits;
	if (r->runtime) {
		g->runtime++;
		return;
	}
	if (ev->has_lateness)
		tt_samples_add(&g->samples, ev->lateness_ns);
	st = state_of(r->tid, (size_t)(g - p->g));
	if (tm->absolute && !(arms && tm->value_ns == 0)) {
		/* the same deadline again, after a signal: the same request */
		if (!(st->interrupted && st->has_deadline &&
		      st->deadline == tm->value_ns)) {
			if (ev->has_left)
				val_add(&g->left, ev->left_ns, interval, 1);
			if (st->has_deadline)
				val_add(&g->step, tm->value_ns - st->deadline,
					interval, 1);
			else
				g->starts++;
		}
		st->has_deadline = true;
		st->deadline = tm->value_ns;
	} else {
		/* An absolute value of 0 disarms a timer: no deadline.  What
		 * is left of a request a signal cut short, asked again, ends
		 * when it would have (within the tolerance). */
		int64_t end = tt_ts_ns(&ev->t_entry.mono) + tm->value_ns;

		if (!(st->interrupted && !arms && (__int128)(end - st->end) *
		      1000000 <= (__int128)st->value * p->tol_ppm))
			val_add(&g->left, tm->value_ns, interval, 1);
		st->end = end;
		st->value = tm->value_ns;
	}
	st->interrupted = cut_short(ev);
}

static int cmp_req(const void *a, const void *b)
{
	const struct tt_prof_req *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return (x->interval > y->interval) - (x->interval < y->interval);
}

/* By interval, then from the largest value down: the order spans grow. */
static int cmp_span_order(const void *a, const void *b)
{
	const struct tt_prof_req *x = a, *y = b;

	if (x->interval != y->interval)
		return x->interval < y->interval ? -1 : 1;
	return (x->value < y->value) - (x->value > y->value);
}

static int cmp_group(const void *a, const void *b)
{
	const struct tt_prof_group *x = a, *y = b;
	int c = strcmp(x->family, y->family);

	if (!c)
		c = strcmp(x->clock, y->clock);
	return c ? c : (int)x->absolute - (int)y->absolute;
}

bool tt_prof_spread(const struct tt_prof_group *g)
{
	return g->waits || g->as == TT_AS_LEFT;
}

/* The requests of the values in t: from the largest value down, a value
 * within the tolerance of the span above it (of the span's smallest
 * value, so that a spread of values below a period is one request)
 * joins it; in a group whose values spread below what was asked (a
 * wait's timeouts, a time left), any value down to three quarters of
 * the span's largest; a timer's spans keep one interval.  Sleeps and waits at or
 * below the floor are counted apart; a timer is armed deliberately, at
 * any value. */
static void make_spans(const struct tt_profile *p, struct tt_prof_group *g,
		       struct tt_prof_vals *t)
{
	struct tt_prof_req *cur = NULL;

	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), cmp_span_order);
	g->req = tt_xreallocarray(g->req, t->n + 1, sizeof(*g->req));
	g->nreq = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct tt_prof_req *v = &t->v[i];

		if (!g->arms && p->floor_ns >= 0 && v->value <= p->floor_ns) {
			g->below += v->count;
			continue;
		}
		if (cur && cur->interval == v->interval &&
		    (tt_prof_spread(g) ? v->value >= cur->value / 4 * 3 :
		     tt_prof_near(cur->min, v->value, p->tol_ppm))) {
			cur->min = v->value;
			cur->count += v->count;
			continue;
		}
		cur = &g->req[g->nreq++];
		*cur = *v;
		cur->min = v->value;
	}
}

/* An absolute group as steps: most steps are one exact value. */
static bool steps_exact(const struct tt_prof_vals *t)
{
	unsigned long total = 0, most = 0;

	for (size_t i = 0; i < t->n; i++) {
		total += t->v[i].count;
		if (t->v[i].count > most)
			most = t->v[i].count;
	}
	return total >= 2 && 2 * most >= total;
}

void tt_profile_finish(struct tt_profile *p, const struct tt_profile *like)
{
	for (size_t i = 0; i < p->ng; i++) {
		struct tt_prof_group *g = &p->g[i];
		const struct tt_prof_group *l = like ?
			tt_profile_find(like, g->family, g->clock, g->absolute) :
			NULL;

		if (!g->absolute)
			g->as = TT_AS_VALUE;
		else if (l)
			g->as = l->as;
		else if (g->left.n || g->step.n)
			g->as = steps_exact(&g->step) || !g->left.n ?
				TT_AS_STEP : TT_AS_LEFT;
		if (g->left.n || g->step.n)
			make_spans(p, g, g->as == TT_AS_STEP ? &g->step : &g->left);
		val_free(&g->left);
		val_free(&g->step);
		if (g->nreq)
			qsort(g->req, g->nreq, sizeof(*g->req), cmp_req);
		if (!g->samples.n)
			continue;
		g->late.count = g->samples.n;
		g->late.median = tt_samples_percentile(&g->samples, 50);
		g->late.p99 = tt_samples_percentile(&g->samples, 99);
		g->late.max = g->samples.max;
	}
	/* the states index groups in recording order: done with them */
	free(states);
	states = NULL;
	nstates = 0;
	if (p->ng)
		qsort(p->g, p->ng, sizeof(*p->g), cmp_group);
}

/* A string as JSON: names ttrace writes need no escape, but a profile
 * read back from a file may carry anything. */
static void put_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	tt_json_escape(s, tt_put_file, fp);
	fputc('"', fp);
}

int tt_profile_write(const struct tt_profile *p, FILE *fp)
{
	fprintf(fp, "{\n  \"ttrace_profile\": %d,\n", TT_PROFILE_VERSION);
	tt_profile_write_origin(p, fp);
	if (p->floor_ns >= 0)
		fprintf(fp, "  \"floor_ns\": %" PRId64 ",\n", p->floor_ns);
	fputs("  \"selection\": [", fp);
	for (size_t i = 0; i < p->nsel; i++) {
		fputs(i ? ", " : "", fp);
		put_string(fp, p->selection[i]);
	}
	fputs("],\n  \"groups\": [", fp);
	for (size_t i = 0; i < p->ng; i++) {
		const struct tt_prof_group *g = &p->g[i];

		fprintf(fp, "%s\n    {\n      \"family\": ", i ? "," : "");
		put_string(fp, g->family);
		fputs(",\n      \"clock\": ", fp);
		put_string(fp, g->clock);
		fprintf(fp, ",\n      \"mode\": \"%s\",\n",
			g->absolute ? "absolute" : "relative");
		if (g->waits)
			fputs("      \"kind\": \"wait\",\n", fp);
		if (g->as == TT_AS_STEP)
			fprintf(fp, "      \"as\": \"step\",\n"
				"      \"starts\": %lu,\n", g->starts);
		else if (g->as == TT_AS_LEFT)
			fputs("      \"as\": \"left\",\n", fp);
		if (g->below)
			fprintf(fp, "      \"below_floor\": %lu,\n", g->below);
		if (g->runtime)
			fprintf(fp, "      \"runtime\": %lu,\n", g->runtime);
		fputs("      \"requests\": [", fp);
		for (size_t r = 0; r < g->nreq; r++) {
			fprintf(fp, "%s\n        {\"value_ns\": %" PRId64,
				r ? "," : "", g->req[r].value);
			if (g->req[r].min != g->req[r].value)
				fprintf(fp, ", \"min_ns\": %" PRId64,
					g->req[r].min);
			if (g->arms)
				fprintf(fp, ", \"interval_ns\": %" PRId64,
					g->req[r].interval);
			fprintf(fp, ", \"count\": %lu}", g->req[r].count);
		}
		fputs(g->nreq ? "\n      ]" : "]", fp);
		if (g->late.count)
			fprintf(fp, ",\n      \"lateness\": {\"count\": %lu, "
				"\"median_ns\": %" PRId64 ", \"p99_ns\": %" PRId64
				", \"max_ns\": %" PRId64 "}",
				g->late.count, g->late.median, g->late.p99,
				g->late.max);
		fputs("\n    }", fp);
	}
	fputs(p->ng ? "\n  ]\n}\n" : "]\n}\n", fp);
	fflush(fp);
	return ferror(fp) ? -1 : 0;
}

/* Reading a profile back.  Every problem is named with where it is. */
struct loader {
	char *msg;
	size_t size;
};

static bool bad(struct loader *l, const char *fmt, ...) TT_PRINTF(2, 3);
static bool bad(struct loader *l, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(l->msg, l->size, "not a valid profile: ");

	va_start(ap, fmt);
	vsnprintf(l->msg + n, l->size - (size_t)n, fmt, ap);
	va_end(ap);
	return false;
}

static bool get_int(struct loader *l, const struct tt_json *obj,
		    const char *where, const char *key, bool required,
		    int64_t min, int64_t *out)
{
	const struct tt_json *v = tt_json_get(obj, key);

	if (!v) {
		if (required)
			return bad(l, "%s has no \"%s\" (line %u)", where, key,
				   obj->line);
		return true;
	}
	if (v->type != TJ_INT)
		return bad(l, "%s \"%s\" is not an integer (line %u)", where,
			   key, v->line);
	if (v->i < min)
		return bad(l, "%s \"%s\" is %" PRId64 ", less than %" PRId64
			   " (line %u)", where, key, v->i, min, v->line);
	*out = v->i;
	return true;
}

static bool get_str(struct loader *l, const struct tt_json *obj,
		    const char *where, const char *key, const char **out)
{
	const struct tt_json *v = tt_json_get(obj, key);

	if (!v || v->type != TJ_STRING)
		return bad(l, "%s has no \"%s\" string (line %u)", where, key,
			   obj->line);
	*out = v->s;
	return true;
}

/* How an absolute group is written: "as" since version 2; without it
 * (version 1, or a profile written by hand), as steps. */
static bool get_as(struct loader *l, const struct tt_json *jg,
		   const char *where, uint8_t *as)
{
	const struct tt_json *v = tt_json_get(jg, "as");

	*as = TT_AS_STEP;
	if (!v)
		return true;
	if (v->type != TJ_STRING || (strcmp(v->s, "step") && strcmp(v->s, "left")))
		return bad(l, "%s \"as\" is not \"step\" or \"left\" (line %u)",
			   where, v->line);
	if (v->s[0] == 'l')
		*as = TT_AS_LEFT;
	return true;
}

/* A group's mode: relative (durations) or absolute (deadlines). */
static bool get_mode(struct loader *l, const struct tt_json *jg,
		     const char *where, bool *absolute)
{
	const char *mode = NULL;

	if (!get_str(l, jg, where, "mode", &mode))
		return false;
	if (strcmp(mode, "relative") && strcmp(mode, "absolute"))
		return bad(l, "%s \"mode\" is \"%s\", not relative or absolute "
			   "(line %u)", where, mode, jg->line);
	*absolute = mode[0] == 'a';
	return true;
}

/* Whether a group's requests are the timeouts of waits ("kind": "wait"),
 * not sleeps or timers (no "kind"). */
static bool get_waits(struct loader *l, const struct tt_json *jg,
		      const char *where, bool *waits)
{
	const struct tt_json *kind = tt_json_get(jg, "kind");

	if (kind && (kind->type != TJ_STRING || strcmp(kind->s, "wait")))
		return bad(l, "%s \"kind\" is not \"wait\", the only kind a "
			   "group names (line %u)", where, kind->line);
	*waits = kind != NULL;
	return true;
}

/* A count of a group's calls not among its requests (starts, below the
 * floor, a runtime's own); 0 when not written. */
static bool get_count(struct loader *l, const struct tt_json *jg,
		      const char *where, const char *key, unsigned long *out)
{
	int64_t v = 0;

	if (!get_int(l, jg, where, key, false, 0, &v))
		return false;
	*out = (unsigned long)v;
	return true;
}

/* One request: the value (and a timer's interval) asked, how many times,
 * and a span's smallest value. */
static bool load_request(struct loader *l, const struct tt_json *jr,
			 const char *where, struct tt_prof_group *g)
{
	int64_t value, min, interval = 0, count;

	if (jr->type != TJ_OBJECT)
		return bad(l, "%s is not an object (line %u)", where, jr->line);
	if (!get_int(l, jr, where, "value_ns", true, INT64_MIN, &value) ||
	    !get_int(l, jr, where, "interval_ns", false, INT64_MIN,
		     &interval) ||
	    !get_int(l, jr, where, "count", true, 1, &count))
		return false;
	min = value;
	if (!get_int(l, jr, where, "min_ns", false, INT64_MIN, &min))
		return false;
	if (min > value)
		return bad(l, "%s \"min_ns\" is more than its "
			   "\"value_ns\" (line %u)", where, jr->line);
	if (tt_json_get(jr, "interval_ns"))
		g->arms = true;
	g->req[g->nreq++] = (struct tt_prof_req){
		value, interval, (unsigned long)count, min };
	return true;
}

/* The requests of group i, what a run is checked against. */
static bool load_requests(struct loader *l, const struct tt_json *reqs,
			  size_t i, struct tt_prof_group *g)
{
	char where[64];

	g->req = tt_xcalloc(reqs->n + 1, sizeof(*g->req));
	for (size_t r = 0; r < reqs->n; r++) {
		snprintf(where, sizeof(where), "groups[%zu].requests[%zu]", i, r);
		if (!load_request(l, &reqs->kid[r], where, g))
			return false;
	}
	return true;
}

/* How late group i's sleeps and waits woke, if it says: information, held
 * to --max-lateness's budget but not compared between profiles. */
static bool load_lateness(struct loader *l, const struct tt_json *jg,
			  size_t i, struct tt_prof_group *g)
{
	const struct tt_json *late = tt_json_get(jg, "lateness");
	char where[64];
	int64_t n;

	if (!late)
		return true;
	snprintf(where, sizeof(where), "groups[%zu].lateness", i);
	if (late->type != TJ_OBJECT)
		return bad(l, "%s is not an object (line %u)", where,
			   late->line);
	if (!get_int(l, late, where, "count", true, 0, &n) ||
	    !get_int(l, late, where, "median_ns", true, INT64_MIN,
		     &g->late.median) ||
	    !get_int(l, late, where, "p99_ns", true, INT64_MIN,
		     &g->late.p99) ||
	    !get_int(l, late, where, "max_ns", true, INT64_MIN,
		     &g->late.max))
		return false;
	g->late.count = (unsigned long)n;
	return true;
}

/* Group i of a profile: once each family, clock and mode. */
static bool load_group(struct loader *l, const struct tt_json *jg, size_t i,
		       struct tt_profile *p)
{
	const struct tt_json *reqs;
	const char *family = NULL, *clock = NULL;
	struct tt_prof_group *g;
	bool absolute = false, waits = false;
	char where[64];

	snprintf(where, sizeof(where), "groups[%zu]", i);
	if (jg->type != TJ_OBJECT)
		return bad(l, "%s is not an object (line %u)", where, jg->line);
	if (!get_str(l, jg, where, "family", &family) ||
	    !get_str(l, jg, where, "clock", &clock) ||
	    !get_mode(l, jg, where, &absolute))
		return false;
	if (tt_profile_find(p, family, clock, absolute))
		return bad(l, "%s repeats %s %s %s (line %u)", where, family,
			   clock, absolute ? "absolute" : "relative", jg->line);
	reqs = tt_json_get(jg, "requests");
	if (!reqs || reqs->type != TJ_ARRAY)
		return bad(l, "%s has no \"requests\" list (line %u)", where,
			   jg->line);
	if (!get_waits(l, jg, where, &waits))
		return false;
	g = group_of(p, family, clock, absolute, false);
	g->waits = waits;
	if (g->absolute && !get_as(l, jg, where, &g->as))
		return false;
	if (!get_count(l, jg, where, "starts", &g->starts) ||
	    !get_count(l, jg, where, "below_floor", &g->below) ||
	    !get_count(l, jg, where, "runtime", &g->runtime))
		return false;
	return load_requests(l, reqs, i, g) && load_lateness(l, jg, i, g);
}

static bool load_tree(struct loader *l, const struct tt_json *j,
		      struct tt_profile *p)
{
	const struct tt_json *ver, *sel, *groups;
	char origin[128];

	if (j->type != TJ_OBJECT ||
	    !(ver = tt_json_get(j, "ttrace_profile"))) {
		snprintf(l->msg, l->size, "not a ttrace profile (it has no "
			 "\"ttrace_profile\" version)");
		return false;
	}
	if (ver->type != TJ_INT || ver->i < TT_PROFILE_OLDEST ||
	    ver->i > TT_PROFILE_VERSION) {
		if (ver->type == TJ_INT)
			snprintf(l->msg, l->size, "a version %" PRId64 " profile; "
				 "this ttrace reads versions %d %s %d", ver->i,
				 TT_PROFILE_OLDEST, TT_PROFILE_OLDEST + 1 ==
				 TT_PROFILE_VERSION ? "and" : "to",
				 TT_PROFILE_VERSION);
		else
			snprintf(l->msg, l->size, "its \"ttrace_profile\" version "
				 "is not a number");
		return false;
	}
	/* a profile read back keeps its floor: a run is checked with it */
	p->floor_ns = -1;
	if (!get_int(l, j, "the profile", "floor_ns", false, -1, &p->floor_ns))
		return false;
	if (!tt_profile_load_origin(j, p, origin, sizeof(origin)))
		return bad(l, "%s", origin);
	sel = tt_json_get(j, "selection");
	if (!sel || sel->type != TJ_ARRAY)
		return bad(l, "no \"selection\" list");
	for (size_t i = 0; i < sel->n; i++) {
		if (sel->kid[i].type != TJ_STRING)
			return bad(l, "selection[%zu] is not a string (line %u)",
				   i, sel->kid[i].line);
		p->selection = tt_xreallocarray(p->selection, p->nsel + 1,
						sizeof(char *));
		p->selection[p->nsel++] = tt_xstrdup(sel->kid[i].s);
	}
	if (p->nsel)
		qsort(p->selection, p->nsel, sizeof(char *), cmp_str);
	groups = tt_json_get(j, "groups");
	if (!groups || groups->type != TJ_ARRAY)
		return bad(l, "no \"groups\" list");
	for (size_t i = 0; i < groups->n; i++)
		if (!load_group(l, &groups->kid[i], i, p))
			return false;
	return true;
}

#define MAX_PROFILE_SIZE (64 << 20)

int tt_profile_load(const char *path, struct tt_profile *p, char *msg,
		    size_t size)
{
	struct stat st;
	char *text;
	size_t len = 0;
	FILE *fp;
	bool ok;

	memset(p, 0, sizeof(*p));
	if (!(fp = fopen(path, "r")) || fstat(fileno(fp), &st) < 0) {
		snprintf(msg, size, "cannot read it: %s", strerror(errno));
		if (fp)
			fclose(fp);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > MAX_PROFILE_SIZE) {
		snprintf(msg, size, S_ISREG(st.st_mode) ?
			 "larger than any profile (%d MiB)" :
			 "not a regular file", MAX_PROFILE_SIZE >> 20);
		fclose(fp);
		return -1;
	}
	text = tt_xmalloc((size_t)st.st_size + 2);
	len = fread(text, 1, (size_t)st.st_size + 1, fp);
	if (ferror(fp)) {
		snprintf(msg, size, "cannot read it: %s", strerror(errno));
		fclose(fp);
		free(text);
		return -1;
	}
	fclose(fp);
	text[len] = '\0';
	if (strspn(text, " \t\r\n") == len) {
		snprintf(msg, size, "empty: not a profile");
		free(text);
		return -1;
	}
	ok = tt_profile_parse(text, len, p, msg, size);
	free(text);
	return ok ? 0 : -1;
}

bool tt_profile_parse(const char *text, size_t len, struct tt_profile *p,
		      char *msg, size_t size)
{
	struct loader l = { msg, size };
	struct tt_json_error err;
	struct tt_json *j;
	bool ok;

	memset(p, 0, sizeof(*p));
	j = tt_json_parse(text, len, &err);
	if (!j) {
		snprintf(msg, size, err.truncated ?
			 "truncated: %s (line %u, column %u)" :
			 "not JSON: %s (line %u, column %u)",
			 err.msg, err.line, err.col);
		return false;
	}
	ok = load_tree(&l, j, p);
	tt_json_free(j);
	if (!ok) {
		tt_profile_free(p);
		return false;
	}
	tt_profile_finish(p, NULL);
	return true;
}

int tt_profile_same_selection(const struct tt_profile *a,
			      const struct tt_profile *b, char *msg,
			      size_t size)
{
	bool in_a;
	const char *name = tt_profile_selection_differs(a, b, &in_a);

	if (name && in_a)
		snprintf(msg, size, "recorded for other options: it traces "
			 "%s, this run does not (see -e trace=)", name);
	else if (name)
		snprintf(msg, size, "recorded for other options: this run "
			 "traces %s, it does not (see -e trace=)", name);
	return name ? -1 : 0;
}
