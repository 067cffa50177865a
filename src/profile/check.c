/* ttrace - --check: a run's profile against a recorded one.
 *
 * Within a group (family, clock, mode), a requested value that is in both
 * is matched exactly first; what is left is matched to the nearest value
 * within the tolerance (a timer's value and interval both); what is still
 * left was changed (paired in order of value), or appeared or disappeared.
 * Matched values whose counts differ by more than the tolerance are a
 * regression too.
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

static const struct tt_prof_group *find_group(const struct tt_profile *p,
					      const struct tt_prof_group *like)
{
	return tt_profile_find(p, like->family, like->clock, like->absolute);
}

/* |b - a| within tol_ppm of |a| (0 stays 0 exactly). */
static bool near(int64_t a, int64_t b, int64_t tol_ppm)
{
	__int128 d = (__int128)b - a, m = a < 0 ? -(__int128)a : a;

	if (d < 0)
		d = -d;
	return d * 1000000 <= m * tol_ppm;
}

static int64_t distance(const struct tt_prof_req *a, const struct tt_prof_req *b)
{
	uint64_t dv = a->value > b->value ? (uint64_t)a->value - (uint64_t)b->value :
		(uint64_t)b->value - (uint64_t)a->value;
	uint64_t di = a->interval > b->interval ?
		(uint64_t)a->interval - (uint64_t)b->interval :
		(uint64_t)b->interval - (uint64_t)a->interval;

	return dv + di > INT64_MAX ? INT64_MAX : (int64_t)(dv + di);
}

static bool same(const struct tt_prof_req *a, const struct tt_prof_req *b)
{
	return a->value == b->value && a->interval == b->interval;
}

/* How far apart two values are, relative to the larger: 0 .. 2. */
static double relative_distance(int64_t a, int64_t b)
{
	double x = (double)a, y = (double)b;
	double m = fabs(x) > fabs(y) ? fabs(x) : fabs(y);

	return m < 1 ? 0 : fabs(x - y) / m;
}

static double request_distance(const struct tt_prof_req *a,
			       const struct tt_prof_req *b)
{
	return relative_distance(a->value, b->value) +
		relative_distance(a->interval, b->interval);
}

static void add(struct tt_check *c, struct tt_finding f)
{
	c->f = tt_xreallocarray(c->f, c->n + 1, sizeof(*c->f));
	c->f[c->n++] = f;
}

static bool count_moved(unsigned long a, unsigned long b, int64_t tol_ppm)
{
	return !near((int64_t)a, (int64_t)b, tol_ppm);
}

static void compare_group(const struct tt_prof_group *was,
			  const struct tt_prof_group *now, int64_t tol,
			  struct tt_check *c)
{
	static const struct tt_prof_req none;
	size_t nw = was ? was->nreq : 0, nn = now ? now->nreq : 0;
	const struct tt_prof_group *g = now ? now : was;
	int *pair_of_was = tt_xcalloc(nw + 1, sizeof(int));
	bool *taken = tt_xcalloc(nn + 1, sizeof(bool));
	size_t i, k;

	for (i = 0; i < nw; i++)
		pair_of_was[i] = -1;
	/* exact matches, then the nearest within the tolerance */
	for (i = 0; i < nw; i++)
		for (k = 0; k < nn; k++)
			if (!taken[k] && same(&was->req[i], &now->req[k])) {
				pair_of_was[i] = (int)k;
				taken[k] = true;
				break;
			}
	for (i = 0; i < nw; i++) {
		int best = -1;

		if (pair_of_was[i] >= 0)
			continue;
		for (k = 0; k < nn; k++)
			if (!taken[k] &&
			    near(was->req[i].value, now->req[k].value, tol) &&
			    near(was->req[i].interval, now->req[k].interval, tol) &&
			    (best < 0 || distance(&was->req[i], &now->req[k]) <
			     distance(&was->req[i], &now->req[best])))
				best = (int)k;
		if (best >= 0) {
			pair_of_was[i] = best;
			taken[best] = true;
		}
	}
	/* what is left: changed to the nearest new value, or gone; then new */
	for (i = 0; i < nw; i++) {
		struct tt_finding f = { .group = g, .old = was->req[i] };
		int best = -1;

		if (pair_of_was[i] >= 0) {
			f.new = now->req[pair_of_was[i]];
			if (count_moved(f.old.count, f.new.count, tol)) {
				f.kind = TF_COUNT;
				add(c, f);
			}
			continue;
		}
		for (k = 0; k < nn; k++)
			if (!taken[k] && (best < 0 ||
			    request_distance(&f.old, &now->req[k]) <
			    request_distance(&f.old, &now->req[best])))
				best = (int)k;
		if (best >= 0) {
			f.kind = TF_CHANGED;
			f.new = now->req[best];
			taken[best] = true;
		} else {
			f.kind = TF_GONE;
			f.new = none;
		}
		add(c, f);
	}
	for (k = 0; k < nn; k++)
		if (!taken[k])
			add(c, (struct tt_finding){ .kind = TF_NEW, .group = g,
						    .new = now->req[k] });
	if (g->absolute && count_moved(was ? was->starts : 0,
				       now ? now->starts : 0, tol))
		add(c, (struct tt_finding){
			.kind = TF_STARTS, .group = g,
			.old_starts = was ? was->starts : 0,
			.new_starts = now ? now->starts : 0 });
	free(pair_of_was);
	free(taken);
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

/* "20ms (3 times)"; a timer "value 1ms interval 1ms (1 time)"; a wait
 * "timeout 100ms (5 times)"; an absolute value is the step from the
 * previous deadline: "+20ms". */
static void request_text(const struct tt_prof_group *g,
			 const struct tt_prof_req *r, char *buf, size_t size)
{
	char v[32], iv[32];
	const char *plus = g->absolute && !(g->arms && r->value == 0) ? "+" : "";

	tt_format_duration(r->value, v, sizeof(v));
	if (g->arms)
		snprintf(buf, size, "value %s%s interval %s (%lu time%s)", plus,
			 v, tt_format_duration(r->interval, iv, sizeof(iv)),
			 r->count, r->count == 1 ? "" : "s");
	else
		snprintf(buf, size, "%s%s%s (%lu time%s)",
			 g->waits ? "timeout " : "", plus, v, r->count,
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
