/* Profiles in CI: --max-lateness's percentile budgets, exactly.  The
 * profiles are read from JSON text, as a CI job's are. */
#include <stdlib.h>
#include <string.h>

#include "profile/profile.h"
#include "unit.h"

/* p from text, or the test fails. */
static void parse_profile(const char *text, struct tt_profile *p)
{
	char msg[256];

	ck_assert_msg(tt_profile_parse(text, strlen(text), p, msg, sizeof(msg)),
		      "%s", msg);
}

/* The findings of c, a line each. */
static char *finding_lines(const struct tt_check *c)
{
	char *all = calloc(c->n + 1, 512), line[512];

	ck_assert_ptr_nonnull(all);
	for (size_t i = 0; i < c->n; i++) {
		tt_finding_text(&c->f[i], line, sizeof(line));
		strcat(strcat(all, line), "\n");
	}
	return all;
}

#define GROUP(family, mode, late) \
	"{\"family\": \"" family "\", \"clock\": \"CLOCK_MONOTONIC\", " \
	"\"mode\": \"" mode "\", \"requests\": [{\"value_ns\": 1000000, " \
	"\"count\": 10}]" late "}"

/* A run's group keeps its samples: any percentile; a profile read back
 * keeps the median, p99 and max only. */
START_TEST(test_lateness_budgets)
{
	static const char text[] =
		"{\"ttrace_profile\": 1, \"selection\": [], \"groups\": ["
		GROUP("clock_nanosleep", "relative", "") ", "
		GROUP("nanosleep", "relative", ", \"lateness\": {\"count\": 4, "
		      "\"median_ns\": 3000, \"p99_ns\": 7000, \"max_ns\": 9000}")
		"]}";
	struct tt_profile p;
	struct tt_check c = { 0 };
	int64_t budget[101], ns;
	char *lines;

	parse_profile(text, &p);
	/* ten sleeps of the first group woke 1us to 10us late */
	for (int64_t v = 10; v >= 1; v--)
		tt_samples_add(&p.g[0].samples, v * 1000);
	tt_profile_finish(&p, NULL);
	ck_assert(tt_group_lateness(&p.g[0], 90, &ns));
	ck_assert_int_eq(ns, 9000);
	ck_assert(tt_group_lateness(&p.g[0], 1, &ns));
	ck_assert_int_eq(ns, 1000);
	ck_assert(!tt_group_lateness(&p.g[1], 90, &ns));
	ck_assert(tt_group_lateness(&p.g[1], 50, &ns));
	ck_assert_int_eq(ns, 3000);
	for (int i = 0; i <= 100; i++)
		budget[i] = -1;
	budget[50] = 5000;	/* met by the first group, not the second */
	budget[90] = 8000;	/* the first group's p90 is 9us */
	budget[99] = 7000;	/* met by the second group (7us) */
	budget[100] = 9500;	/* the first group's max is 10us */
	tt_check_lateness(&p, budget, &c);
	lines = finding_lines(&c);
	ck_assert_str_eq(lines,
		"clock_nanosleep CLOCK_MONOTONIC relative: p90 woke 9us late, more than --max-lateness=p90:8us\n"
		"clock_nanosleep CLOCK_MONOTONIC relative: p99 woke 10us late, more than --max-lateness=p99:7us\n"
		"clock_nanosleep CLOCK_MONOTONIC relative: woke 10us late, more than --max-lateness=9.5us\n");
	ck_assert_uint_eq(c.f[0].pct, 90);
	ck_assert_uint_eq(c.f[2].pct, 100);
	free(lines);
	tt_check_free(&c);
	tt_profile_free(&p);
}
END_TEST

/* Version 2: the command line and ttrace's version, written back as
 * read; version 1 has neither and reads as before. */
START_TEST(test_origin_round_trip)
{
	static const char text[] =
		"{\n  \"ttrace_profile\": 2,\n  \"ttrace_version\": \"9.8.7\",\n"
		"  \"command\": [\"./prog\", \"a b\", \"it's\", \"\", \"-x=1,2\"],\n"
		"  \"selection\": [],\n  \"groups\": []\n}\n";
	char prog[] = "./prog", ab[] = "a b", *argv[] = { prog, ab, NULL };
	char sleeper[] = "sl\xff" "eeper";
	struct tt_profile p, q;
	char *out = NULL, *line;
	struct ut_capture err;
	size_t len = 0;
	FILE *mem;

	parse_profile(text, &p);
	ck_assert_str_eq(p.version, "9.8.7");
	ck_assert_uint_eq(p.ncommand, 5);
	mem = open_memstream(&out, &len);
	ck_assert_int_eq(tt_profile_write(&p, mem), 0);
	fclose(mem);
	ck_assert_str_eq(out, text);
	line = tt_profile_command_line(&p);
	ck_assert_str_eq(line, "./prog 'a b' 'it'\\''s' '' -x=1,2");
	free(line);
	free(out);
	parse_profile("{\"ttrace_profile\": 1, \"selection\": [], \"groups\": []}", &q);
	ck_assert_ptr_null(q.version);
	ck_assert_uint_eq(q.ncommand, 0);
	ut_capture_begin(&err, 2);
	/* nothing to compare against a version 1 profile: no warning */
	ck_assert_uint_eq(tt_profile_origin_warn(&q, &p, "L", "a", "b"), 0);
	tt_profile_set_origin(&q, argv, "9.8.7");
	ck_assert_uint_eq(tt_profile_origin_warn(&q, &p, "L", "a", "b"), 1);
	tt_profile_set_origin(&q, NULL, "1.0");
	ck_assert_uint_eq(tt_profile_origin_warn(&q, &p, "L", "old", "new"), 1);
	out = ut_capture_end(&err);
	ck_assert_str_eq(out,
		"ttrace: L: warning: the command line differs: a ./prog 'a b', "
		"b ./prog 'a b' 'it'\\''s' '' -x=1,2\n"
		"ttrace: L: warning: the ttrace version differs: old 1.0, new 9.8.7\n");
	free(out);
	tt_profile_free(&p);
	/* a byte that is not UTF-8 as a profile keeps it: U+00FF for 0xff,
	 * the same as the recorded "\u00ff" */
	parse_profile("{\"ttrace_profile\": 2, \"ttrace_version\": \"1.0\", "
		      "\"command\": [\"sl\\u00ffeeper\"], \"selection\": [], "
		      "\"groups\": []}", &p);
	argv[0] = sleeper;
	argv[1] = NULL;
	tt_profile_set_origin(&q, argv, "1.0");
	ck_assert_str_eq(q.command[0], "sl\xc3\xbf" "eeper");
	ck_assert_uint_eq(tt_profile_origin_warn(&p, &q, "L", "a", "b"), 0);
	tt_profile_free(&p);
	tt_profile_free(&q);
}
END_TEST

static const struct {
	const char *text;
	const char *msg;
} bad_origins[] = {
	{ "{\"ttrace_profile\": 2, \"ttrace_version\": 2, \"selection\": [], \"groups\": []}",
	  "not a valid profile: \"ttrace_version\" is not a string (line 1)" },
	{ "{\"ttrace_profile\": 2,\n\"command\": [], \"selection\": [], \"groups\": []}",
	  "not a valid profile: \"command\" is not a list of one or more strings (line 2)" },
	{ "{\"ttrace_profile\": 2, \"command\": \"ls -l\", \"selection\": [], \"groups\": []}",
	  "not a valid profile: \"command\" is not a list of one or more strings (line 1)" },
	{ "{\"ttrace_profile\": 2, \"command\": [\"ls\",\n null], \"selection\": [], \"groups\": []}",
	  "not a valid profile: command[1] is not a string (line 2)" },
	{ "{\"ttrace_profile\": 0}", "a version 0 profile; this ttrace reads versions 1 and 2" },
	{ "{\"ttrace_profile\": 3}", "a version 3 profile; this ttrace reads versions 1 and 2" },
};

START_TEST(test_origin_errors)
{
	struct tt_profile p;
	char msg[256];

	ck_assert(!tt_profile_parse(bad_origins[_i].text,
				    strlen(bad_origins[_i].text), &p, msg,
				    sizeof(msg)));
	ck_assert_str_eq(msg, bad_origins[_i].msg);
}
END_TEST

Suite *make_profile_ci_suite(void)
{
	Suite *s = suite_create("profile_ci");
	TCase *tc = tcase_create("budgets");

	tcase_add_test(tc, test_lateness_budgets);
	suite_add_tcase(s, tc);
	tc = tcase_create("origin");
	tcase_add_test(tc, test_origin_round_trip);
	tcase_add_loop_test(tc, test_origin_errors, 0, NCASES(bad_origins));
	suite_add_tcase(s, tc);
	return s;
}
