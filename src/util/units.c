/* ttrace - durations and percentages as people write them. */
#include <ctype.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "units.h"

/* The digits of s as a fixed-point number with `scale` decimals: "1.5"
 * with scale 6 is 1500000.  Digits beyond the scale must be zeros (the
 * value would not be exact otherwise).  Sets *end after the number. */
static int fixed_point(const char *s, unsigned scale, int64_t limit,
		       int64_t *out, const char **end)
{
	int64_t v = 0;
	unsigned decimals = 0;
	bool dot = false, digits = false;

	for (; *s; s++) {
		if (*s == '.' && !dot) {
			dot = true;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			break;
		digits = true;
		if (dot && decimals == scale) {
			if (*s != '0')
				return -1;	/* finer than the unit allows */
			continue;
		}
		if (v > (limit - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
		if (dot)
			decimals++;
	}
	if (!digits)
		return -1;
	for (; decimals < scale; decimals++) {
		if (v > limit / 10)
			return -1;
		v *= 10;
	}
	*out = v;
	*end = s;
	return 0;
}

static const struct unit {
	const char *name;
	unsigned decimals;	/* log10 of the unit in ns */
} units[] = {
	{ "ns", 0 }, { "us", 3 }, { "ms", 6 }, { "s", 9 },
};

int tt_parse_duration(const char *s, int64_t *ns)
{
	const char *unit = s + strspn(s, "0123456789."), *end;
	int64_t v;

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(unit, units[i].name))
			continue;
		if (fixed_point(s, units[i].decimals, INT64_MAX, &v, &end) < 0 ||
		    end != unit)
			return -1;
		*ns = v;
		return 0;
	}
	return -1;
}

int tt_parse_percent(const char *s, int64_t *ppm)
{
	const char *end;
	int64_t v;

	if (fixed_point(s, 4, 1000 * 10000, &v, &end) < 0)
		return -1;
	if (*end == '%')
		end++;
	if (*end)
		return -1;
	*ppm = v;	/* 4 decimals of a percent are ppm */
	return 0;
}

const char *tt_format_duration(int64_t ns, char *buf, size_t size)
{
	uint64_t mag = ns < 0 ? -(uint64_t)ns : (uint64_t)ns;
	size_t u;
	uint64_t div = 1, frac;
	unsigned width;
	char digits[16];

	/* the largest unit the magnitude reaches */
	for (u = sizeof(units) / sizeof(units[0]) - 1; u > 0; u--) {
		div = 1;
		for (unsigned d = 0; d < units[u].decimals; d++)
			div *= 10;
		if (mag >= div)
			break;
	}
	if (u == 0)
		div = 1;
	width = units[u].decimals;
	frac = mag % div;
	if (!frac) {
		snprintf(buf, size, "%s%" PRIu64 "%s", ns < 0 ? "-" : "",
			 mag / div, units[u].name);
		return buf;
	}
	snprintf(digits, sizeof(digits), "%0*" PRIu64, (int)width, frac);
	for (size_t n = strlen(digits); n && digits[n - 1] == '0'; n--)
		digits[n - 1] = '\0';
	snprintf(buf, size, "%s%" PRIu64 ".%s%s", ns < 0 ? "-" : "",
		 mag / div, digits, units[u].name);
	return buf;
}
