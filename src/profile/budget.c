/* ttrace - --max-lateness: budgets for percentiles of each group's
 * lateness.  The median, p99 and max are in every profile; another
 * percentile needs the run's samples, which only a recorded run has. */
#include <string.h>

#include "error.h"
#include "profile/profile.h"

bool tt_group_lateness(const struct tt_prof_group *g, unsigned pct,
		       int64_t *ns)
{
	if (!g->late.count || pct < 1 || pct > 100)
		return false;
	if (pct == 50)
		*ns = g->late.median;
	else if (pct == 99)
		*ns = g->late.p99;
	else if (pct == 100)
		*ns = g->late.max;
	else if (g->samples.n == g->late.count)	/* a recorded run's */
		*ns = tt_samples_percentile(&g->samples, pct);
	else
		return false;
	return true;
}

void tt_check_lateness(const struct tt_profile *now, const int64_t *budget_ns,
		       struct tt_check *c)
{
	for (size_t i = 0; i < now->ng; i++)
		for (unsigned pct = 1; pct <= 100; pct++) {
			const struct tt_prof_group *g = &now->g[i];
			int64_t late;

			if (budget_ns[pct] < 0 ||
			    !tt_group_lateness(g, pct, &late) ||
			    late <= budget_ns[pct])
				continue;
			c->f = tt_xreallocarray(c->f, c->n + 1, sizeof(*c->f));
			c->f[c->n++] = (struct tt_finding){
				.kind = TF_LATE, .group = g, .late = late,
				.budget = budget_ns[pct], .pct = pct };
		}
}
