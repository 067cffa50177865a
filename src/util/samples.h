/* ttrace - nanosecond samples (sleep lateness) in a bounded log-bucket
 * histogram, and their nearest-rank percentiles, for the -c summary and
 * timing profiles. */
#ifndef TTRACE_SAMPLES_H
#define TTRACE_SAMPLES_H

#include <stddef.h>
#include <stdint.h>

/* The first TT_SAMPLES_FEW samples are kept as they are, and their
 * percentiles are exact.  Past that they all go into a histogram: values
 * of magnitude below TT_SAMPLES_EXACT are counted exactly; above, each
 * power of two is cut into TT_SAMPLES_EXACT buckets of equal width, at
 * most 1/TT_SAMPLES_EXACT of their lower bound, and a bucket stands for
 * its midpoint: a percentile is within TT_SAMPLES_ERROR (relative) of the
 * sample an exact nearest-rank percentile would give.  The count, the
 * least and the greatest sample stay exact.  At most 2 * 4096 counters
 * (negative values have buckets of their own), whatever the number of
 * samples. */
#define TT_SAMPLES_FEW 64
#define TT_SAMPLES_EXACT 64
#define TT_SAMPLES_ERROR (1.0 / (2 * TT_SAMPLES_EXACT))

struct tt_samples {
	int64_t *few;		/* the first samples, sorted */
	uint64_t *pos, *neg;	/* then: counts by bucket of v >= 0, of -v */
	size_t nfew, npos, nneg;	/* few kept; counters allocated */
	size_t n;		/* samples */
	int64_t min, max;	/* exact, when n > 0 */
};

void tt_samples_add(struct tt_samples *s, int64_t v);
void tt_samples_free(struct tt_samples *s);

/* The nearest-rank percentile p (1..100) of the samples: the one at rank
 * ceil(p/100 * n) (exact for rank 1 and n, and up to TT_SAMPLES_FEW
 * samples; else within TT_SAMPLES_ERROR and never outside [min, max]);
 * 0 for none. */
int64_t tt_samples_percentile(const struct tt_samples *s, unsigned p);

#endif
