/* ttrace - what a profile says about itself, beside its groups. */
#include "profile/profile.h"

unsigned long tt_profile_requests(const struct tt_profile *p)
{
	unsigned long n = 0;

	for (size_t i = 0; i < p->ng; i++) {
		n += p->g[i].starts;
		for (size_t k = 0; k < p->g[i].nreq; k++)
			n += p->g[i].req[k].count;
	}
	return n;
}
