/* ttrace - --check: a run's profile against a recorded one.
 *
 * Within a group (family, clock, mode), each request (a span of values
 * within the tolerance, src/profile/profile.h) is matched to the run's
 * request whose largest value is within the tolerance of its own, the
 * most asked first.  What is left of the recorded requests and of the
 * run's is paired in order of value (20 -> 30 ms and 50 -> 75 ms stay two
 * changes, not 20 -> 75), and what is still left appeared or
 * disappeared.  A request that is less than a tenth of its group's (and
 * not the group's only one) is noise when left unmatched: a runtime's
 * housekeeping; so is a wait's timeout (or a time left) below its most
 * asked one, under a quarter of the group: an event loop woken early.
 * A request that matters is matched only to one that matters.  The count of a matched
 * request moves too far when it leaves the tolerance (a sleep or timer
 * asked the same each time: deterministic code) or half its count (a
 * span, a wait, a time left: the count depends on the scheduling).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "jsonstr.h"
#include "profile/profile.h"
#include "units.h"

/* The band of a span's count: half of it. */
#define SPREAD_COUNT_PPM 500000

static const struct tt_prof_group *find_group(const struct tt_profile *p,
					      const struct tt_prof_group *like)
{
	return tt_profile_find(p, like->family, like->clock, like->absolute);
}

/* How far apart two requests are: by the ratio of their values (and
 * intervals), so that 20 -> 22 ms is as near as 200 -> 220 ms. */
static double ratio_distance(int64_t a, int64_t b)
{
	double x = fabs((double)a) + 1, y = fabs((double)b) + 1;

	return x > y ? x / y - 1 : y / x - 1;
}

static double distance(const struct tt_prof_req *a, const struct tt_prof_req *b)
{
	return ratio_distance(a->value, b->value) +
		ratio_distance(a->interval, b->interval);
}

static bool close_enough(const struct tt_prof_req *a,
			 const struct tt_prof_req *b, int64_t tol)
{
	return tt_prof_near(a->value, b->value, tol) &&
		tt_prof_near(a->interval, b->interval, tol);
}

static unsigned long group_total(const struct tt_prof_group *g)
{
	unsigned long n = 0;

	for (size_t i = 0; g && i < g->nreq; i++)
		n += g->req[i].count;
	return n;
}

/* Which requests of g are compared even when left unmatched: a tenth of
 * the group's requests; a wait's timeout or a time left below its most
 * asked one, a quarter (an event loop woken early computes what is left
 * of its period; the time left to a deadline is less by the program's
 * own time, and by ttrace's on a loaded machine).  The group's only
 * request always. */
static bool *significance(const struct tt_prof_group *g)
{
	size_t n = g ? g->nreq : 0;
	bool *sig = tt_xcalloc(n + 1, sizeof(*sig));
	unsigned long total = group_total(g);
	const struct tt_prof_req *most = NULL;

	for (size_t i = 0; i < n; i++)
		if (!most || g->req[i].count > most->count)
			most = &g->req[i];
	for (size_t i = 0; i < n; i++) {
		const struct tt_prof_req *r = &g->req[i];

		if (n == 1)
			sig[i] = true;
		else if ((g->waits || g->as == TT_AS_LEFT) &&
			 r->value < most->value)
			sig[i] = r->count * 4 >= total;
		else
			sig[i] = r->count * 10 >= total;
	}
	return sig;
}

static void add(struct tt_check *c, struct tt_finding f)
{
	c->f = tt_xreallocarray(c->f, c->n + 1, sizeof(*c->f));
	c->f[c->n++] = f;
}

static bool count_moved(unsigned long a, unsigned long b, int64_t tol_ppm)
{
	return !tt_prof_near((int64_t)a, (int64_t)b, tol_ppm);
}

/* The requests of g by count, most asked first (ties: by value). */
static size_t *by_count(const struct tt_prof_group *g)
{
	size_t n = g ? g->nreq : 0, *o = tt_xcalloc(n + 1, sizeof(*o));

	for (size_t i = 0; i < n; i++) {
		size_t k = i;

		for (; k > 0 && g->req[o[k - 1]].count < g->req[i].count; k--)
			o[k] = o[k - 1];
		o[k] = i;
	}
	return o;
}

/* Pairs the unmatched significant requests a[0..na) and b[0..nb)
 * (indexes, each list in order of value) keeping their order: the
 * pairing of min(na, nb) pairs with the least total distance (a small
 * dynamic programme).  pair[i] is the b index of a[i], or -1. */
static void pair_in_order(const struct tt_prof_group *ga, const size_t *a,
			  size_t na, const struct tt_prof_group *gb,
			  const size_t *b, size_t nb, int *pair)
{
	/* cost[i][k]: a[i..) with b[k..), pairing as many as can be */
	size_t w = nb + 1;
	double *cost = tt_xcalloc((na + 1) * w, sizeof(*cost));
	size_t i, k;

	for (i = na + 1; i-- > 0;)
		for (k = nb + 1; k-- > 0;) {
			double best;

			if (i == na || k == nb) {
				cost[i * w + k] = 0;
				continue;
			}
			best = distance(&ga->req[a[i]], &gb->req[b[k]]) +
				cost[(i + 1) * w + k + 1];
			/* skip one of the longer list only */
			if (na - i > nb - k && cost[(i + 1) * w + k] < best)
				best = cost[(i + 1) * w + k];
			if (nb - k > na - i && cost[i * w + k + 1] < best)
				best = cost[i * w + k + 1];
			cost[i * w + k] = best;
		}
	for (i = 0, k = 0; i < na && k < nb;) {
		double here = distance(&ga->req[a[i]], &gb->req[b[k]]) +
			cost[(i + 1) * w + k + 1];

		if (na - i > nb - k && cost[(i + 1) * w + k] < here) {
			pair[i++] = -1;
		} else if (nb - k > na - i && cost[i * w + k + 1] < here) {
			k++;
		} else {
			pair[i++] = (int)b[k++];
		}
	}
	for (; i < na; i++)
		pair[i] = -1;
	free(cost);
}

/* One group's comparison: its requests as recorded (was) and as run
 * (now), and how they pair. */
struct match {
	const struct tt_prof_group *was, *now;
	const struct tt_prof_group *g;	/* the group findings name */
	size_t nw, nn;		/* how many requests each has */
	int64_t tol;
	bool *sig_was, *sig_now;	/* significance() of each */
	int *pair_of_was;	/* the run's request near each recorded one,
				 * or -1 */
	bool *taken;		/* the run's requests matched */
	/* what is left and matters, in order of value; pair[k] is the
	 * run's request lw[k] changed to, or -1 */
	size_t *lw, *ln, nlw, nln;
	int *pair;
};

/* Nothing paired yet; which requests of each side matter. */
static void match_init(struct match *m, const struct tt_prof_group *was,
		       const struct tt_prof_group *now, int64_t tol)
{
	memset(m, 0, sizeof(*m));
	m->was = was;
	m->now = now;
	m->g = now ? now : was;
	m->nw = was ? was->nreq : 0;
	m->nn = now ? now->nreq : 0;
	m->tol = tol;
	m->sig_was = significance(was);
	m->sig_now = significance(now);
	m->pair_of_was = tt_xcalloc(m->nw + 1, sizeof(int));
	m->taken = tt_xcalloc(m->nn + 1, sizeof(bool));
	m->lw = tt_xcalloc(m->nw + 1, sizeof(size_t));
	m->ln = tt_xcalloc(m->nn + 1, sizeof(size_t));
	m->pair = tt_xcalloc(m->nw + 1, sizeof(int));
}

/* The comparison done (its findings hold copies of the requests). */
static void match_free(struct match *m)
{
	free(m->sig_was);
	free(m->sig_now);
	free(m->pair_of_was);
	free(m->taken);
	free(m->lw);
	free(m->ln);
	free(m->pair);
}

/* The same request in both, the most asked first, to its nearest within
 * the tolerance; one that matters not to noise (the noise of a run whose
 * period moved must not stand for the period). */
static void match_near(struct match *m)
{
	size_t *order = by_count(m->was);

	for (size_t i = 0; i < m->nw; i++) {
		const struct tt_prof_req *r = &m->was->req[order[i]];
		bool matters = m->sig_was[order[i]];
		int best = -1;

		m->pair_of_was[order[i]] = -1;
		for (size_t k = 0; k < m->nn; k++)
			if (!m->taken[k] &&
			    (!matters || m->sig_now[k]) &&
			    close_enough(r, &m->now->req[k], m->tol) &&
			    (best < 0 || distance(r, &m->now->req[k]) <
			     distance(r, &m->now->req[best])))
				best = (int)k;
		if (best >= 0) {
			m->pair_of_was[order[i]] = best;
			m->taken[best] = true;
		}
	}
	free(order);
}

/* Requests that moved beyond the tolerance: what is left and matters,
 * paired in order of value. */
static void match_in_order(struct match *m)
{
	for (size_t i = 0; i < m->nw; i++)
		if (m->pair_of_was[i] < 0 && m->sig_was[i])
			m->lw[m->nlw++] = i;
	for (size_t k = 0; k < m->nn; k++)
		if (!m->taken[k] && m->sig_now[k])
			m->ln[m->nln++] = k;
	pair_in_order(m->was, m->lw, m->nlw, m->now, m->ln, m->nln, m->pair);
}

/* A request of both, asked a number of times that moved too far: by the
 * tolerance where each asked one value, by half where they spread. */
static void report_count(const struct match *m, size_t i, struct tt_check *c)
{
	const struct tt_prof_req *o = &m->was->req[i];
	const struct tt_prof_req *n = &m->now->req[m->pair_of_was[i]];
	bool exact = o->min == o->value && n->min == n->value &&
		!tt_prof_spread(m->was);

	if (m->sig_was[i] &&
	    count_moved(o->count, n->count, exact ? m->tol : SPREAD_COUNT_PPM))
		add(c, (struct tt_finding){ .kind = TF_COUNT, .group = m->g,
					    .old = *o, .new = *n });
}

/* A recorded request that matters and has none near it in the run: it
 * changed to the request paired with it in order, or, with none, is gone. */
static void report_unmatched(struct match *m, size_t k, struct tt_check *c)
{
	struct tt_finding f = { .kind = TF_GONE, .group = m->g,
				.old = m->was->req[m->lw[k]] };

	if (m->pair[k] >= 0) {
		f.kind = TF_CHANGED;
		f.new = m->now->req[m->pair[k]];
		m->taken[m->pair[k]] = true;
	}
	add(c, f);
}

/* In order of the recorded value: counts, changes, what is gone (the
 * noise left unmatched says nothing). */
static void report_recorded(struct match *m, struct tt_check *c)
{
	size_t k = 0;

	for (size_t i = 0; i < m->nw; i++)
		if (m->pair_of_was[i] >= 0)
			report_count(m, i, c);
		else if (k < m->nlw && m->lw[k] == i)
			report_unmatched(m, k++, c);
}

/* The run's requests that matter and stand for none recorded: new. */
static void report_new(const struct match *m, struct tt_check *c)
{
	for (size_t k = 0; k < m->nln; k++)
		if (!m->taken[m->ln[k]])
			add(c, (struct tt_finding){
				.kind = TF_NEW, .group = m->g,
				.new = m->now->req[m->ln[k]] });
}

/* A busy loop: many more requests at or below the floor (polls that only
 * look, spins). */
static void report_below(const struct match *m, struct tt_check *c)
{
	unsigned long was = m->was ? m->was->below : 0;
	unsigned long now = m->now ? m->now->below : 0;

	if (now > 10 * was + 100)
		add(c, (struct tt_finding){ .kind = TF_BELOW, .group = m->g,
					    .old_starts = was,
					    .new_starts = now });
}

/* Steps: the threads' first deadlines (the loops started) moved beyond
 * the tolerance. */
static void report_starts(const struct match *m, struct tt_check *c)
{
	unsigned long was = m->was ? m->was->starts : 0;
	unsigned long now = m->now ? m->now->starts : 0;

	if (m->g->as == TT_AS_STEP && count_moved(was, now, m->tol))
		add(c, (struct tt_finding){ .kind = TF_STARTS, .group = m->g,
					    .old_starts = was,
					    .new_starts = now });
}

/* The findings of a group, recorded (was) and run (now): either NULL when
 * the other profile has no such group. */
static void compare_group(const struct tt_prof_group *was,
			  const struct tt_prof_group *now, int64_t tol,
			  struct tt_check *c)
{
	struct match m;

	match_init(&m, was, now, tol);
	match_near(&m);
	match_in_order(&m);
	report_recorded(&m, c);
	report_new(&m, c);
	report_below(&m, c);
	report_starts(&m, c);
	match_free(&m);
}

static void add_group(struct tt_check *c, const struct tt_prof_group *g)
{
	c->groups = tt_xreallocarray(c->groups, c->ngroups + 1,
				     sizeof(*c->groups));
	c->groups[c->ngroups++] = g;
}

void tt_profile_compare(const struct tt_profile *was,
			const struct tt_profile *now, int64_t tol_ppm,
			int64_t budget, struct tt_check *out)
{
	memset(out, 0, sizeof(*out));
	/* in the order of the recorded profile, then the new groups */
	for (size_t i = 0; i < was->ng; i++) {
		const struct tt_prof_group *n = find_group(now, &was->g[i]);

		add_group(out, n ? n : &was->g[i]);
		compare_group(&was->g[i], n, tol_ppm, out);
	}
	for (size_t i = 0; i < now->ng; i++)
		if (!find_group(was, &now->g[i])) {
			add_group(out, &now->g[i]);
			compare_group(NULL, &now->g[i], tol_ppm, out);
		}
	if (budget < 0)
		return;
	for (size_t i = 0; i < now->ng; i++)
		if (now->g[i].late.count && now->g[i].late.max > budget)
			add(out, (struct tt_finding){
				.kind = TF_LATE, .group = &now->g[i],
				.late = now->g[i].late.max, .budget = budget });
}

void tt_check_free(struct tt_check *c)
{
	free(c->f);
	free(c->groups);
	memset(c, 0, sizeof(*c));
}

void tt_group_name(const struct tt_prof_group *g, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s %s", g->family, g->clock,
		 g->absolute ? "absolute" : "relative");
}

/* A span's value, to three significant digits: what the program asked
 * for, not the microseconds by which its own time shifted it. */
static int64_t shown(const struct tt_prof_req *r)
{
	int64_t v = r->value, unit = 1;

	if (r->min == r->value)
		return v;
	while (unit <= INT64_MAX / 10 && (v < 0 ? -v : v) / unit >= 1000)
		unit *= 10;
	return (v + (v < 0 ? -unit : unit) / 2) / unit * unit;
}

/* "20ms (3 times)"; a timer "value 1ms interval 1ms (1 time)"; a wait
 * "timeout 100ms (5 times)"; an absolute request, the step from the
 * previous deadline, "+20ms", or the time left to it, "20ms left". */
static void request_text(const struct tt_prof_group *g,
			 const struct tt_prof_req *r, char *buf, size_t size)
{
	char v[32], iv[32];
	bool step = g->as == TT_AS_STEP && !(g->arms && r->value == 0);
	const char *plus = step ? "+" : "";
	const char *left = g->as == TT_AS_LEFT ? " left" : "";

	tt_format_duration(shown(r), v, sizeof(v));
	if (g->arms)
		snprintf(buf, size, "value %s%s%s interval %s (%lu time%s)",
			 plus, v, left,
			 tt_format_duration(r->interval, iv, sizeof(iv)),
			 r->count, r->count == 1 ? "" : "s");
	else
		snprintf(buf, size, "%s%s%s%s (%lu time%s)",
			 g->waits ? "timeout " : "", plus, v, left, r->count,
			 r->count == 1 ? "" : "s");
}

void tt_finding_text(const struct tt_finding *f, char *buf, size_t size)
{
	char name[160], a[96], b[96];

	tt_group_name(f->group, name, sizeof(name));
	switch (f->kind) {
	case TF_CHANGED:
		request_text(f->group, &f->old, a, sizeof(a));
		request_text(f->group, &f->new, b, sizeof(b));
		snprintf(buf, size, "%s: %s is now %s", name, a, b);
		break;
	case TF_GONE:
		request_text(f->group, &f->old, a, sizeof(a));
		snprintf(buf, size, "%s: %s is no longer requested", name, a);
		break;
	case TF_NEW:
		request_text(f->group, &f->new, b, sizeof(b));
		snprintf(buf, size, "%s: %s is new", name, b);
		break;
	case TF_COUNT:
		request_text(f->group, &f->old, a, sizeof(a));
		snprintf(buf, size, "%s: %s is now requested %lu time%s", name,
			 a, f->new.count, f->new.count == 1 ? "" : "s");
		break;
	case TF_STARTS:
		snprintf(buf, size, "%s: %lu first deadline%s of a thread, "
			 "now %lu", name, f->old_starts,
			 f->old_starts == 1 ? "" : "s", f->new_starts);
		break;
	case TF_BELOW:
		snprintf(buf, size, "%s: %lu request%s at or below the floor, "
			 "now %lu (a busy loop?)", name, f->old_starts,
			 f->old_starts == 1 ? "" : "s", f->new_starts);
		break;
	case TF_LATE:
		if (f->pct && f->pct < 100) {
			snprintf(buf, size, "%s: p%u woke %s late, more than "
				 "--max-lateness=p%u:%s", name, f->pct,
				 tt_format_duration(f->late, a, sizeof(a)),
				 f->pct,
				 tt_format_duration(f->budget, b, sizeof(b)));
			break;
		}
		snprintf(buf, size, "%s: woke %s late, more than "
			 "--max-lateness=%s", name,
			 tt_format_duration(f->late, a, sizeof(a)),
			 tt_format_duration(f->budget, b, sizeof(b)));
		break;
	}
}
