/* ttrace - nanosecond samples and their percentiles. */
#include <stdlib.h>

#include "error.h"
#include "samples.h"

void tt_samples_add(struct tt_samples *s, int64_t v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = tt_xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	s->v[s->n++] = v;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

void tt_samples_sort(struct tt_samples *s)
{
	/* qsort's base must not be NULL, even for no element */
	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), cmp_i64);
}

void tt_samples_free(struct tt_samples *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

int64_t tt_percentile(const int64_t *sorted, size_t n, unsigned p)
{
	size_t rank = (n * p + 99) / 100;

	return n ? sorted[rank ? rank - 1 : 0] : 0;
}
