/* ttrace - nanosecond samples in log buckets, and their percentiles. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "samples.h"

#define SUB_BITS 6		/* TT_SAMPLES_EXACT == 1 << SUB_BITS */
_Static_assert(TT_SAMPLES_EXACT == 1 << SUB_BITS, "buckets per octave");

/* Bucket of magnitude u: u itself below 64; else, with e the index of
 * u's highest bit, octave e - 5 (1 ..) and the 6 bits below the highest
 * as the bucket within it. */
static size_t bucket_of(uint64_t u)
{
	unsigned e;

	if (u < TT_SAMPLES_EXACT)
		return (size_t)u;
	e = 63u - (unsigned)__builtin_clzll(u);
	return (size_t)(e - SUB_BITS + 1) * TT_SAMPLES_EXACT +
	       (size_t)((u >> (e - SUB_BITS)) & (TT_SAMPLES_EXACT - 1));
}

/* The magnitude a bucket stands for: its midpoint (rounded down). */
static uint64_t bucket_value(size_t b)
{
	size_t octave = b / TT_SAMPLES_EXACT, sub = b % TT_SAMPLES_EXACT;
	unsigned shift;

	if (!octave)
		return (uint64_t)b;
	shift = (unsigned)octave - 1;
	return ((uint64_t)(TT_SAMPLES_EXACT + sub) << shift) +
	       (shift ? (uint64_t)1 << (shift - 1) : 0);
}

static void count(uint64_t **c, size_t *nc, uint64_t u)
{
	size_t b = bucket_of(u);

	if (b >= *nc) {
		size_t n = *nc ? *nc : TT_SAMPLES_EXACT;

		while (n <= b)
			n *= 2;
		*c = tt_xreallocarray(*c, n, sizeof(**c));
		memset(*c + *nc, 0, (n - *nc) * sizeof(**c));
		*nc = n;
	}
	(*c)[b]++;
}

static void count_value(struct tt_samples *s, int64_t v)
{
	if (v >= 0)
		count(&s->pos, &s->npos, (uint64_t)v);
	else
		count(&s->neg, &s->nneg, -(uint64_t)v);
}

void tt_samples_add(struct tt_samples *s, int64_t v)
{
	if (s->n < TT_SAMPLES_FEW) {
		if (!s->few)
			s->few = tt_xreallocarray(NULL, TT_SAMPLES_FEW,
						  sizeof(*s->few));
		/* kept sorted: at most TT_SAMPLES_FEW moves, the first
		 * TT_SAMPLES_FEW times */
		size_t k = s->nfew++;

		for (; k > 0 && s->few[k - 1] > v; k--)
			s->few[k] = s->few[k - 1];
		s->few[k] = v;
	} else {
		/* past the few: they go into the histogram too */
		for (size_t k = 0; k < s->nfew; k++)
			count_value(s, s->few[k]);
		s->nfew = 0;
		count_value(s, v);
	}
	if (!s->n || v < s->min)
		s->min = v;
	if (!s->n || v > s->max)
		s->max = v;
	s->n++;
}

void tt_samples_free(struct tt_samples *s)
{
	free(s->few);
	free(s->pos);
	free(s->neg);
	memset(s, 0, sizeof(*s));
}

static int64_t clamp(const struct tt_samples *s, int64_t v)
{
	return v < s->min ? s->min : v > s->max ? s->max : v;
}

int64_t tt_samples_percentile(const struct tt_samples *s, unsigned p)
{
	size_t rank = (s->n * p + 99) / 100, seen = 0;

	if (!s->n)
		return 0;
	if (rank <= 1)
		return s->min;
	if (rank >= s->n)
		return s->max;
	if (s->nfew == s->n)
		return s->few[rank - 1];
	/* the most negative first */
	for (size_t b = s->nneg; b-- > 0;) {
		seen += s->neg[b];
		if (seen >= rank)
			return clamp(s, -(int64_t)bucket_value(b));
	}
	for (size_t b = 0; b < s->npos; b++) {
		seen += s->pos[b];
		if (seen >= rank)
			return clamp(s, (int64_t)bucket_value(b));
	}
	return s->max;
}
