/* ttrace fuzz target: a profile file as --check reads it (the JSON reader
 * and the profile loader).  A profile that loads is written back, read
 * again and must compare equal to itself; the comparison and its reports
 * (the lines, JUnit, JSON) run against the empty profile too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile/profile.h"
#include "fuzz.h"

static void report(const struct tt_profile *a, const struct tt_profile *b)
{
	/* a budget of 0 for every percentile: each one a profile knows */
	static const int64_t budget[101];
	struct tt_check_info in = {
		.profile = "a", .new_profile = "b", .was = a, .now = b,
		.tol_ppm = 100000, .budget_ns = budget, .budget = true,
	};
	struct tt_check c;
	char line[512];
	FILE *devnull = fopen("/dev/null", "w");

	tt_profile_compare(a, b, 100000, 0, &c);
	tt_check_lateness(b, budget, &c);
	for (size_t i = 0; i < c.n; i++)
		tt_finding_text(&c.f[i], line, sizeof(line));
	/* every form of the report, whatever the profiles hold */
	if (devnull) {
		tt_check_junit(&in, &c, devnull);
		tt_check_json(&in, &c, devnull);
		fclose(devnull);
	}
	tt_check_free(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tt_profile p, q, empty = { 0 };
	char msg[256], *text = NULL;
	size_t len = 0;
	struct tt_check c;
	FILE *mem;

	if (!tt_profile_parse((const char *)data, size, &p, msg, sizeof(msg)))
		return 0;
	mem = open_memstream(&text, &len);
	if (!mem || tt_profile_write(&p, mem) < 0)
		abort();
	fclose(mem);
	if (!tt_profile_parse(text, len, &q, msg, sizeof(msg))) {
		fprintf(stderr, "a written profile does not load: %s\n%s", msg, text);
		abort();
	}
	tt_profile_compare(&p, &q, 0, -1, &c);
	if (c.n)
		abort();	/* what was written is what was read */
	tt_check_free(&c);
	report(&p, &empty);
	report(&empty, &p);
	free(text);
	tt_profile_free(&p);
	tt_profile_free(&q);
	return 0;
}
