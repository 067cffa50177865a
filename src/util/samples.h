/* ttrace - a growing list of nanosecond samples (sleep lateness) and its
 * nearest-rank percentiles, for the -c summary and timing profiles. */
#ifndef TTRACE_SAMPLES_H
#define TTRACE_SAMPLES_H

#include <stddef.h>
#include <stdint.h>

struct tt_samples {
	int64_t *v;
	size_t n, cap;
};

void tt_samples_add(struct tt_samples *s, int64_t v);
void tt_samples_sort(struct tt_samples *s);
void tt_samples_free(struct tt_samples *s);

/* The nearest-rank percentile p (1..100) of n sorted samples: the one at
 * rank ceil(p/100 * n); 0 for none. */
int64_t tt_percentile(const int64_t *sorted, size_t n, unsigned p);

#endif
