/* ttrace - durations and percentages as people write them. */
#ifndef TTRACE_UNITS_H
#define TTRACE_UNITS_H

#include <stddef.h>
#include <stdint.h>

/* "250us", "1.5ms", "2s", "100ns": a non-negative decimal number and a
 * unit, exact to the nanosecond.  Returns 0, or -1 when s is not such a
 * duration (a number without a unit is refused: "10" could mean anything). */
int tt_parse_duration(const char *s, int64_t *ns);

/* "10%", "10" or "2.5%": a percentage in [0, 1000], as parts per million
 * of the value (10% is 100000).  Returns 0 or -1. */
int tt_parse_percent(const char *s, int64_t *ppm);

/* ns in the largest unit it reaches (s, ms, us, ns), exact, trailing
 * zeros trimmed: 20000000 -> "20ms", 1500 -> "1.5us", -3000 -> "-3us". */
const char *tt_format_duration(int64_t ns, char *buf, size_t size);

#endif
