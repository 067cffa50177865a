/* Profiles: durations and percentages, the JSON reader, writing and
 * reading a profile back, and --check's comparison, exactly. */
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abi.h"
#include "profile/jsonread.h"
#include "profile/profile.h"
#include "units.h"
#include "decode/decode.h"
#include "nr-tables.h"
#include "unit.h"

static const struct {
	const char *s;
	int ok;
	int64_t ns;
} dur_cases[] = {
	{ "100ns", 1, 100 }, { "250us", 1, 250000 }, { "1.5ms", 1, 1500000 },
	{ "2s", 1, 2000000000 }, { "0.000000001s", 1, 1 }, { "0ns", 1, 0 },
	{ "9223372036s", 1, 9223372036000000000 },
	{ "9223372037s", 0, 0 },	/* beyond int64 ns */
	{ "1.5ns", 0, 0 },		/* finer than a ns */
	{ "10", 0, 0 }, { "ms", 0, 0 }, { "-1ms", 0, 0 }, { "1 ms", 0, 0 },
	{ "1.2.3ms", 0, 0 }, { "5m", 0, 0 }, { "", 0, 0 }, { "1e3us", 0, 0 },
};

START_TEST(test_parse_duration)
{
	int64_t ns = -7;
	int r = tt_parse_duration(dur_cases[_i].s, &ns);

	ck_assert_msg(r == (dur_cases[_i].ok ? 0 : -1), "'%s': %d",
		      dur_cases[_i].s, r);
	if (dur_cases[_i].ok)
		ck_assert_int_eq(ns, dur_cases[_i].ns);
	else
		ck_assert_int_eq(ns, -7);
}
END_TEST

START_TEST(test_parse_percent)
{
	int64_t ppm;

	ck_assert_int_eq(tt_parse_percent("10%", &ppm), 0);
	ck_assert_int_eq(ppm, 100000);
	ck_assert_int_eq(tt_parse_percent("2.5", &ppm), 0);
	ck_assert_int_eq(ppm, 25000);
	ck_assert_int_eq(tt_parse_percent("0%", &ppm), 0);
	ck_assert_int_eq(ppm, 0);
	ck_assert_int_eq(tt_parse_percent("0.0001%", &ppm), 0);
	ck_assert_int_eq(ppm, 1);
	ck_assert_int_eq(tt_parse_percent("1000%", &ppm), 0);
	ck_assert_int_eq(ppm, 10000000);
	ck_assert_int_eq(tt_parse_percent("1001%", &ppm), -1);
	ck_assert_int_eq(tt_parse_percent("0.00001%", &ppm), -1);
	ck_assert_int_eq(tt_parse_percent("-5%", &ppm), -1);
	ck_assert_int_eq(tt_parse_percent("5%%", &ppm), -1);
	ck_assert_int_eq(tt_parse_percent("%", &ppm), -1);
}
END_TEST

static const struct {
	int64_t ns;
	const char *want;
} fmt_cases[] = {
	{ 0, "0ns" }, { 999, "999ns" }, { 1000, "1us" }, { 1500, "1.5us" },
	{ 20000000, "20ms" }, { 2100000, "2.1ms" }, { 1000000001, "1.000000001s" },
	{ 3600000000000, "3600s" }, { -3000, "-3us" },
	{ INT64_MIN, "-9223372036.854775808s" },
};

START_TEST(test_format_duration)
{
	char buf[40];

	ck_assert_str_eq(tt_format_duration(fmt_cases[_i].ns, buf, sizeof(buf)),
			 fmt_cases[_i].want);
}
END_TEST

START_TEST(test_json_values)
{
	static const char text[] =
		"{ \"a\": [1, -2, 3.5, 1e2, true, false, null],\n"
		"  \"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\",\n"
		"  \"big\": 9223372036854775807, \"huge\": 9223372036854775808,\n"
		"  \"o\": {} }";
	struct tt_json_error err;
	struct tt_json *j = tt_json_parse(text, strlen(text), &err);
	const struct tt_json *a, *v;

	ck_assert_msg(j != NULL, "%s", err.msg);
	ck_assert_int_eq(j->type, TJ_OBJECT);
	ck_assert_uint_eq(j->n, 5);
	a = tt_json_get(j, "a");
	ck_assert_uint_eq(a->n, 7);
	ck_assert_int_eq(a->kid[0].type, TJ_INT);
	ck_assert_int_eq(a->kid[0].i, 1);
	ck_assert_int_eq(a->kid[1].i, -2);
	ck_assert_int_eq(a->kid[2].type, TJ_NUMBER);
	ck_assert(a->kid[2].d == 3.5);
	ck_assert_int_eq(a->kid[3].type, TJ_NUMBER);
	ck_assert(a->kid[3].d == 100);
	ck_assert(a->kid[4].type == TJ_BOOL && a->kid[4].b);
	ck_assert(a->kid[5].type == TJ_BOOL && !a->kid[5].b);
	ck_assert_int_eq(a->kid[6].type, TJ_NULL);
	ck_assert_str_eq(tt_json_get(j, "s")->s,
			 "q\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80");
	ck_assert_uint_eq(tt_json_get(j, "s")->line, 2);
	v = tt_json_get(j, "big");
	ck_assert(v->type == TJ_INT && v->i == INT64_MAX);
	ck_assert_int_eq(tt_json_get(j, "huge")->type, TJ_NUMBER);
	ck_assert_int_eq(tt_json_get(j, "o")->type, TJ_OBJECT);
	ck_assert_ptr_null(tt_json_get(j, "none"));
	tt_json_free(j);
}
END_TEST

static const struct {
	const char *text;
	const char *msg;
	unsigned line, col;
	bool truncated;
} bad_json[] = {
	{ "", "the text ends where a value was expected", 1, 1, true },
	{ "{\"a\": 1", "the text ends inside an object", 1, 8, true },
	{ "[1, 2", "the text ends inside an array", 1, 6, true },
	{ "{\"a\": \"x", "the text ends inside a string", 1, 9, true },
	{ "{\"a\": tr", "the text ends inside 'true'", 1, 9, true },
	{ "[1,\n  -", "the text ends inside a number", 2, 4, true },
	{ "{\"a\": 1,}", "expected a member name in quotes", 1, 9, false },
	{ "[1,]", "unexpected character ']'", 1, 4, false },
	{ "{\"a\" 1}", "expected ':' after a member name", 1, 6, false },
	{ "[1 2]", "expected ',' or ']'", 1, 4, false },
	{ "{} x", "more text after the value", 1, 4, false },
	{ "hello", "unexpected character 'h'", 1, 1, false },
	{ "01", "more text after the value", 1, 2, false },
	{ "1.", "the text ends inside a number", 1, 3, true },
	{ "1.x", "a bad number", 1, 3, false },
	{ "\"\\x\"", "a bad escape in a string", 1, 3, false },
	{ "\"\\ud800\"", "a lone UTF-16 surrogate", 1, 7, false },
	{ "\"\\u0000\"", "a NUL character in a string", 1, 7, false },
	{ "\"a\tb\"", "a control character in a string", 1, 3, false },
	{ "\"a\xff" "b\"", "a string that is not UTF-8", 1, 3, false },
	{ "\"\xc3\"", "a string that is not UTF-8", 1, 2, false },
	{ "\"\xed\xa0\x80\"", "a string that is not UTF-8", 1, 2, false },
	{ "[\"\xc3\xa9\", \"\xc0\xa9\"]", "a string that is not UTF-8", 1, 9, false },
	{ "[\n\n  trux]", "unexpected character 't'", 3, 3, false },
};

START_TEST(test_json_errors)
{
	struct tt_json_error err;

	ck_assert_ptr_null(tt_json_parse(bad_json[_i].text,
					 strlen(bad_json[_i].text), &err));
	ck_assert_str_eq(err.msg, bad_json[_i].msg);
	ck_assert_msg(err.line == bad_json[_i].line && err.col == bad_json[_i].col,
		      "'%s': line %u column %u", bad_json[_i].text, err.line,
		      err.col);
	ck_assert_int_eq(err.truncated, bad_json[_i].truncated);
}
END_TEST

START_TEST(test_json_depth_and_nul)
{
	struct tt_json_error err;
	char deep[200];

	memset(deep, '[', sizeof(deep));
	ck_assert_ptr_null(tt_json_parse(deep, sizeof(deep), &err));
	ck_assert_str_eq(err.msg, "nested deeper than 64");
	ck_assert_ptr_null(tt_json_parse("[1]\0", 4, &err));
	ck_assert_str_eq(err.msg, "a NUL byte in the text");
}
END_TEST

/* A profile of one group built by hand. */
static void group(struct tt_profile *p, const char *family, bool absolute,
		  bool arms, const int64_t (*req)[3], size_t n)
{
	struct tt_prof_group *g;

	p->g = realloc(p->g, (p->ng + 1) * sizeof(*p->g));
	g = &p->g[p->ng++];
	memset(g, 0, sizeof(*g));
	g->family = strdup(family);
	g->clock = strdup("CLOCK_MONOTONIC");
	g->absolute = absolute;
	g->arms = arms;
	g->as = absolute ? TT_AS_STEP : TT_AS_VALUE;
	g->req = calloc(n + 1, sizeof(*g->req));
	for (size_t i = 0; i < n; i++)
		g->req[i] = (struct tt_prof_req){ req[i][0], req[i][1],
						  (unsigned long)req[i][2],
						  req[i][0] };
	g->nreq = n;
}

static void findings(const struct tt_profile *was, const struct tt_profile *now,
		     int64_t tol, int64_t budget, const char *want)
{
	struct tt_check c;
	char all[2048] = "", line[512];

	tt_profile_compare(was, now, tol, budget, &c);
	for (size_t i = 0; i < c.n; i++) {
		tt_finding_text(&c.f[i], line, sizeof(line));
		strcat(all, line);
		strcat(all, "\n");
	}
	ck_assert_str_eq(all, want);
	tt_check_free(&c);
}

START_TEST(test_compare_sleeps)
{
	static const int64_t a[][3] = { { 1000000, 0, 5 }, { 20000000, 0, 3 },
					{ 100000000, 0, 1 } };
	static const int64_t same[][3] = { { 1000000, 0, 5 }, { 20000000, 0, 3 },
					   { 100000000, 0, 1 } };
	static const int64_t moved[][3] = { { 7000, 0, 1 }, { 1050000, 0, 5 },
					    { 40000000, 0, 3 }, { 100000000, 0, 2 } };
	static const int64_t fewer[][3] = { { 1000000, 0, 5 } };
	struct tt_profile was = { 0 }, now = { 0 }, now2 = { 0 }, now3 = { 0 };

	group(&was, "clock_nanosleep", false, false, a, 3);
	group(&now, "clock_nanosleep", false, false, same, 3);
	group(&now2, "clock_nanosleep", false, false, moved, 4);
	group(&now3, "clock_nanosleep", false, false, fewer, 1);
	findings(&was, &now, 100000, -1, "");
	/* 1ms -> 1.05ms is within 10%, not within 1%; 20ms doubled (the
	 * nearest new value, not 7us); the 100ms count doubled; 7us, 1 of
	 * 11 requests, is noise (a tenth of the group is compared) */
	findings(&was, &now2, 100000, -1,
		 "clock_nanosleep CLOCK_MONOTONIC relative: 20ms (3 times) is now 40ms (3 times)\n"
		 "clock_nanosleep CLOCK_MONOTONIC relative: 100ms (1 time) is now requested 2 times\n");
	findings(&was, &now2, 10000, -1,
		 "clock_nanosleep CLOCK_MONOTONIC relative: 1ms (5 times) is now 1.05ms (5 times)\n"
		 "clock_nanosleep CLOCK_MONOTONIC relative: 20ms (3 times) is now 40ms (3 times)\n"
		 "clock_nanosleep CLOCK_MONOTONIC relative: 100ms (1 time) is now requested 2 times\n");
	findings(&was, &now3, 100000, -1,
		 "clock_nanosleep CLOCK_MONOTONIC relative: 20ms (3 times) is no longer requested\n"
		 "clock_nanosleep CLOCK_MONOTONIC relative: 100ms (1 time) is no longer requested\n");
	tt_profile_free(&was);
	tt_profile_free(&now);
	tt_profile_free(&now2);
	tt_profile_free(&now3);
}
END_TEST

START_TEST(test_compare_timers_and_groups)
{
	static const int64_t t[][3] = { { 100000000, 100000000, 1 }, { 0, 0, 1 } };
	static const int64_t t2[][3] = { { 1000000, 100000000, 1 }, { 0, 0, 1 } };
	static const int64_t s[][3] = { { 3000000, 0, 9 } };
	struct tt_profile was = { 0 }, now = { 0 };

	group(&was, "timer_settime", false, true, t, 2);
	group(&now, "timer_settime", false, true, t2, 2);
	group(&now, "clock_nanosleep", true, false, s, 1);
	now.g[1].starts = 1;
	now.g[1].late = (struct tt_prof_lateness){ 10, 1000, 2000, 2500 };
	findings(&was, &now, 100000, 2000,
		 "timer_settime CLOCK_MONOTONIC relative: value 100ms interval 100ms (1 time) is now value 1ms interval 100ms (1 time)\n"
		 "clock_nanosleep CLOCK_MONOTONIC absolute: +3ms (9 times) is new\n"
		 "clock_nanosleep CLOCK_MONOTONIC absolute: 0 first deadlines of a thread, now 1\n"
		 "clock_nanosleep CLOCK_MONOTONIC absolute: woke 2.5us late, more than --max-lateness=2us\n");
	findings(&now, &now, 0, 2500, "");
	tt_profile_free(&was);
	tt_profile_free(&now);
}
END_TEST

/* What --check says of spans: 50 -> 75 ms and 20 -> 30 ms are two
 * changes (paired in order of value, not 20 -> 75); a period moved on a
 * loaded machine, where two deadlines' time left is still near the old
 * period, is one change, not a count; noise below the main request of
 * a wait is not compared. */
START_TEST(test_compare_spans)
{
	static const int64_t two[][3] = { { 20000000, 0, 5 }, { 50000000, 0, 5 } };
	static const int64_t two_moved[][3] = { { 30000000, 0, 5 }, { 75000000, 0, 5 } };
	static const int64_t left[][3] = { { 20000000, 0, 14 } };
	static const int64_t left_moved[][3] = { { 19000000, 0, 2 }, { 25000000, 0, 12 } };
	static const int64_t wait[][3] = { { 19000000, 0, 15 } };
	static const int64_t wait_early[][3] = { { 11000000, 0, 2 }, { 19000000, 0, 15 } };
	struct tt_profile a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 }, e = { 0 }, f = { 0 };

	group(&a, "clock_nanosleep", false, false, two, 2);
	group(&b, "clock_nanosleep", false, false, two_moved, 2);
	findings(&a, &b, 100000, -1,
		 "clock_nanosleep CLOCK_MONOTONIC relative: 20ms (5 times) is now 30ms (5 times)\n"
		 "clock_nanosleep CLOCK_MONOTONIC relative: 50ms (5 times) is now 75ms (5 times)\n");
	group(&c, "clock_nanosleep", true, false, left, 1);
	group(&d, "clock_nanosleep", true, false, left_moved, 2);
	c.g[0].as = d.g[0].as = TT_AS_LEFT;
	c.g[0].req[0].min = 18500000;	/* spans: spread by the program's time */
	d.g[0].req[1].min = 23000000;
	findings(&c, &d, 100000, -1,
		 "clock_nanosleep CLOCK_MONOTONIC absolute: 20ms left (14 times) is now 25ms left (12 times)\n");
	/* a busy loop alone: requests at or below the floor still count */
	{
		struct tt_profile busy = { 0 };

		group(&busy, "poll", false, false, wait, 0);
		busy.g[0].below = 500;
		ck_assert_uint_eq(tt_profile_requests(&busy), 500);
		tt_profile_free(&busy);
	}
	group(&e, "epoll_wait", false, false, wait, 1);
	group(&f, "epoll_wait", false, false, wait_early, 2);
	e.g[0].waits = f.g[0].waits = true;
	findings(&e, &f, 100000, -1, "");
	tt_profile_free(&a);
	tt_profile_free(&b);
	tt_profile_free(&c);
	tt_profile_free(&d);
	tt_profile_free(&e);
	tt_profile_free(&f);
}
END_TEST

/* Many distinct values, each asked 4 times in a scattered order: every
 * one is counted in its own request, and the profile lists them in order
 * of value (the look-up is a hash table, the written order the sort's). */
START_TEST(test_record_many_values)
{
	enum { NVAL = 5000, TIMES = 4 };
	struct tt_profile p = { 0 };
	const struct tt_prof_group *g;
	char *text = NULL, line[96];
	size_t len = 0;
	FILE *mem;

	/* no tolerance, no floor: every value a request of its own */
	p.tol_ppm = 0;
	p.floor_ns = -1;
	for (long i = 0; i < NVAL * TIMES; i++) {
		long v = (i * 7919) % NVAL + 1;	/* 7919 is prime: a permutation */
		struct ut_call c = {
			.abi = &tt_abi_x86_64, .nr = NR64_clock_nanosleep,
			.raw = { CLOCK_MONOTONIC, 0, 0x1000, 0 },
			.mem = { [2] = UT_TS(0, v) },
			UT_RET(0),
		};
		struct tt_event *ev = ut_call_begin(UT_TID, &c);

		struct tt_record r = ut_call_record(TT_REC_CALL_EXIT, ev);

		tt_decode_entry(ev);	/* the request, into ev->timing */
		tt_profile_record(&p, &r);
	}
	tt_profile_finish(&p, NULL);
	ck_assert_uint_eq(p.ng, 1);
	g = tt_profile_find(&p, "clock_nanosleep", "CLOCK_MONOTONIC", false);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->nreq, NVAL);
	for (size_t k = 0; k < NVAL; k++) {
		ck_assert_int_eq(g->req[k].value, (int64_t)k + 1);
		ck_assert_uint_eq(g->req[k].count, TIMES);
	}
	mem = open_memstream(&text, &len);
	ck_assert_int_eq(tt_profile_write(&p, mem), 0);
	fclose(mem);
	for (long v = 1; v <= NVAL; v++) {
		snprintf(line, sizeof(line), "%s\n        {\"value_ns\": %ld, "
			 "\"count\": %d}%s", v == 1 ? "[" : ",", v, TIMES,
			 v == NVAL ? "\n      ]" : "");
		ck_assert_msg(strstr(text, line), "no '%s'", line);
	}
	free(text);
	tt_profile_free(&p);
}
END_TEST

/* Waits with a timeout are requests, keyed as sleeps are (family,
 * clock, mode); a wait without one is not; a wait group is written with
 * its kind and read back the same; its findings name timeouts. */
START_TEST(test_record_waits)
{
	static const struct ut_call calls[] = {
		{ &tt_abi_x86_64, NR64_poll, { 0x1000, 1, 20 }, { [0] = { true, { 3 } } }, UT_RET(0) },
		{ &tt_abi_x86_64, NR64_poll, { 0x1000, 1, 20 }, { [0] = { true, { 3 } } }, UT_RET(1) },
		{ &tt_abi_x86_64, NR64_poll, { 0x1000, 1, 0 }, { [0] = { true, { 3 } } }, UT_RET(0) },
		{ &tt_abi_x86_64, NR64_poll, { 0x1000, 1, (uint32_t)-1 }, { [0] = { true, { 3 } } }, UT_RET(1) },
		{ &tt_abi_i386, NR32_ppoll_time64, { 0x1000, 1, 0x2000, 0, 8 },
		  { [0] = { true, { 3 } }, [2] = UT_TS(0, 500000000) }, UT_ERR(4) },
		{ &tt_abi_x86_64, NR64_ppoll, { 0x1000, 1, 0, 0, 8 }, { [0] = { true, { 3 } } }, UT_RET(1) },
	};
	static const char want[] =
		"{\n  \"ttrace_profile\": 2,\n  \"floor_ns\": 1000000,\n"
		"  \"selection\": [],\n  \"groups\": [\n"
		"    {\n      \"family\": \"poll\",\n      \"clock\": \"CLOCK_MONOTONIC\",\n"
		"      \"mode\": \"relative\",\n      \"kind\": \"wait\",\n"
		"      \"below_floor\": 1,\n"
		"      \"requests\": [\n"
		"        {\"value_ns\": 20000000, \"count\": 2}\n      ],\n"
		"      \"lateness\": {\"count\": 1, \"median_ns\": 300000, "
		"\"p99_ns\": 300000, \"max_ns\": 300000}\n    },\n"
		"    {\n      \"family\": \"ppoll\",\n      \"clock\": \"CLOCK_MONOTONIC\",\n"
		"      \"mode\": \"relative\",\n      \"kind\": \"wait\",\n"
		"      \"requests\": [\n        {\"value_ns\": 500000000, \"count\": 1}\n"
		"      ]\n    }\n  ]\n}\n";
	static const int64_t moved[][3] = { { 2000000, 0, 2 } };
	static const int64_t busy[][3] = { { 20000000, 0, 2 } };
	struct tt_profile p = { 0 }, q, now = { 0 }, now2 = { 0 };
	char *text = NULL, *again = NULL, msg[256];
	size_t len = 0;
	FILE *mem;

	p.tol_ppm = TT_PROFILE_TOLERANCE;
	p.floor_ns = TT_PROFILE_FLOOR;
	for (int i = 0; i < NCASES(calls); i++) {
		struct tt_event *ev = ut_call_begin(UT_TID, &calls[i]);
		struct tt_record r;

		tt_decode_entry(ev);
		ev->ret = calls[i].ret;
		ev->rval = calls[i].rval;
		ev->err = calls[i].err;
		tt_decode_exit(ev);
		/* the first poll timed out 0.3 ms late */
		ev->has_lateness = i == 0;
		ev->lateness_ns = 300000;
		r = ut_call_record(TT_REC_CALL_EXIT, ev);
		tt_profile_record(&p, &r);
	}
	tt_profile_finish(&p, NULL);
	mem = open_memstream(&text, &len);
	ck_assert_int_eq(tt_profile_write(&p, mem), 0);
	fclose(mem);
	ck_assert_str_eq(text, want);
	ck_assert(tt_profile_parse(text, len, &q, msg, sizeof(msg)));
	ck_assert(q.g[0].waits && q.g[1].waits);
	mem = open_memstream(&again, &len);
	tt_profile_write(&q, mem);
	fclose(mem);
	ck_assert_str_eq(again, want);
	/* the poll interval moved from 20 ms to 2 ms; a busy loop of polls
	 * that only look */
	group(&now, "poll", false, false, moved, 1);
	group(&now2, "poll", false, false, busy, 1);
	now.g[0].waits = now2.g[0].waits = true;
	now2.g[0].below = 201;	/* polls of timeout 0 */
	findings(&now, &q, 100000, -1,
		 "poll CLOCK_MONOTONIC relative: timeout 2ms (2 times) is now timeout 20ms (2 times)\n"
		 "ppoll CLOCK_MONOTONIC relative: timeout 500ms (1 time) is new\n");
	findings(&q, &now2, 100000, -1,
		 "poll CLOCK_MONOTONIC relative: 1 request at or below the floor, now 201 (a busy loop?)\n"
		 "ppoll CLOCK_MONOTONIC relative: timeout 500ms (1 time) is no longer requested\n");
	/* with a lateness budget, a wait that timed out late is one too */
	findings(&q, &q, 0, 200000,
		 "poll CLOCK_MONOTONIC relative: woke 300us late, more than --max-lateness=200us\n");
	free(text);
	free(again);
	tt_profile_free(&p);
	tt_profile_free(&q);
	tt_profile_free(&now);
	tt_profile_free(&now2);
}
END_TEST

/* A sleep a signal cut short and called again for the rest is one
 * request: a relative one that ends no later than the first would have
 * (the remainder nanosleep wrote back), an absolute one with the same
 * deadline.  A new request after it is one more. */
static void record_at(struct tt_profile *p, const struct ut_call *c,
		      int64_t entry_ms)
{
	struct tt_event *ev = ut_call_begin(UT_TID, c);
	struct tt_record r;

	tt_decode_entry(ev);
	ev->ret = c->ret;
	ev->rval = c->rval;
	ev->err = c->err;
	ev->t_entry.mono.tv_sec = entry_ms / 1000;
	ev->t_entry.mono.tv_nsec = entry_ms % 1000 * 1000000;
	ev->has_left = true;	/* the clock read at the entry: */
	ev->left_ns = ev->timing.value_ns - entry_ms * 1000000;
	r = ut_call_record(TT_REC_CALL_EXIT, ev);
	tt_profile_record(p, &r);
}

START_TEST(test_record_resumed_rest)
{
	static const struct ut_call cut = {
		&tt_abi_x86_64, NR64_nanosleep, { 0x1000, 0x1000 },
		{ [0] = UT_TS(0, 20000000) }, UT_ERR(4) };
	static const struct ut_call rest = {
		&tt_abi_x86_64, NR64_nanosleep, { 0x1000, 0x1000 },
		{ [0] = UT_TS(0, 12000000) }, UT_RET(0) };
	static const struct ut_call next = {
		&tt_abi_x86_64, NR64_nanosleep, { 0x1000, 0x1000 },
		{ [0] = UT_TS(0, 20000000) }, UT_RET(0) };
	/* clock_nanosleep(MONOTONIC, TIMER_ABSTIME, {1 s}) twice, cut once */
	static const struct ut_call abs_cut = {
		&tt_abi_x86_64, NR64_clock_nanosleep, { CLOCK_MONOTONIC, 1, 0x1000, 0 },
		{ [2] = UT_TS(1, 0) }, UT_ERR(4) };
	static const struct ut_call abs_again = {
		&tt_abi_x86_64, NR64_clock_nanosleep, { CLOCK_MONOTONIC, 1, 0x1000, 0 },
		{ [2] = UT_TS(1, 0) }, UT_RET(0) };
	struct tt_profile p = { 0 };
	const struct tt_prof_group *g;

	p.tol_ppm = TT_PROFILE_TOLERANCE;
	p.floor_ns = TT_PROFILE_FLOOR;
	record_at(&p, &cut, 0);		/* to end at 20 ms; cut at 8 ms */
	record_at(&p, &rest, 8);	/* the 12 ms left: ends at 20 ms */
	record_at(&p, &next, 21);	/* the loop's next sleep */
	record_at(&p, &abs_cut, 980);	/* 20 ms left, cut short */
	record_at(&p, &abs_again, 990);	/* the same deadline again */
	tt_profile_finish(&p, NULL);
	g = tt_profile_find(&p, "nanosleep", "CLOCK_MONOTONIC", false);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->nreq, 1);
	ck_assert_int_eq(g->req[0].value, 20000000);
	ck_assert_uint_eq(g->req[0].count, 2);
	g = tt_profile_find(&p, "clock_nanosleep", "CLOCK_MONOTONIC", true);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->as, TT_AS_LEFT);
	ck_assert_uint_eq(g->nreq, 1);
	ck_assert_int_eq(g->req[0].value, 20000000);
	ck_assert_uint_eq(g->req[0].count, 1);
	tt_profile_free(&p);
}
END_TEST

/* Requests of a runtime's own thread (Go's sysmon) are counted apart,
 * written as "runtime", read back, and not compared. */
START_TEST(test_record_runtime)
{
	static const struct ut_call sleep = {
		.abi = &tt_abi_x86_64, .nr = NR64_clock_nanosleep,
		.raw = { CLOCK_MONOTONIC, 0, 0x1000, 0 },
		.mem = { [2] = UT_TS(0, 20000000) }, UT_RET(0),
	};
	struct tt_profile p = { 0 }, q;
	char *text = NULL, msg[256];
	size_t len = 0;
	FILE *mem;

	p.tol_ppm = TT_PROFILE_TOLERANCE;
	p.floor_ns = TT_PROFILE_FLOOR;
	for (int i = 0; i < 3; i++) {
		struct tt_event *ev = ut_call_begin(UT_TID, &sleep);
		struct tt_record r;

		tt_decode_entry(ev);
		r = ut_call_record(TT_REC_CALL_EXIT, ev);
		r.runtime = i > 0;
		tt_profile_record(&p, &r);
	}
	tt_profile_finish(&p, NULL);
	ck_assert_uint_eq(p.ng, 1);
	ck_assert_uint_eq(p.g[0].nreq, 1);
	ck_assert_uint_eq(p.g[0].req[0].count, 1);
	ck_assert_uint_eq(p.g[0].runtime, 2);
	mem = open_memstream(&text, &len);
	ck_assert_int_eq(tt_profile_write(&p, mem), 0);
	fclose(mem);
	ck_assert_ptr_nonnull(strstr(text, "\"runtime\": 2,\n"));
	ck_assert(tt_profile_parse(text, len, &q, msg, sizeof(msg)));
	ck_assert_uint_eq(q.g[0].runtime, 2);
	free(text);
	tt_profile_free(&p);
	tt_profile_free(&q);
}
END_TEST

/* What tt_profile_write writes, tt_profile_load reads back the same. */
START_TEST(test_write_load_round_trip)
{
	static const int64_t t[][3] = { { 0, 0, 2 }, { 5000000, 5000000, 1 } };
	static const int64_t s[][3] = { { -1, 0, 1 }, { 3000000, 0, 9 } };
	struct tt_profile p = { 0 }, q;
	char path[] = "/tmp/ttrace-unit-profile.XXXXXX", msg[256];
	char *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;
	FILE *fp, *mem;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	p.selection = malloc(2 * sizeof(char *));
	p.selection[0] = strdup("clock_nanosleep");
	p.selection[1] = strdup("timer_settime");
	p.nsel = 2;
	group(&p, "clock_nanosleep", true, false, s, 2);
	p.g[0].starts = 4;
	p.g[0].late = (struct tt_prof_lateness){ 3, -5, 7, 9 };
	group(&p, "timerfd_settime", false, true, t, 2);
	fp = fdopen(fd, "w");
	ck_assert_int_eq(tt_profile_write(&p, fp), 0);
	fclose(fp);
	ck_assert_msg(tt_profile_load(path, &q, msg, sizeof(msg)) == 0, "%s", msg);
	ck_assert_int_eq(tt_profile_same_selection(&p, &q, msg, sizeof(msg)), 0);
	mem = open_memstream(&a, &na);
	tt_profile_write(&p, mem);
	fclose(mem);
	mem = open_memstream(&b, &nb);
	tt_profile_write(&q, mem);
	fclose(mem);
	ck_assert_str_eq(a, b);
	findings(&p, &q, 0, -1, "");
	free(a);
	free(b);
	tt_profile_free(&q);
	q.selection = malloc(sizeof(char *));
	q.selection[0] = strdup("clock_nanosleep");
	q.nsel = 1;
	ck_assert_int_eq(tt_profile_same_selection(&p, &q, msg, sizeof(msg)), -1);
	ck_assert_str_eq(msg, "recorded for other options: it traces "
			 "timer_settime, this run does not (see -e trace=)");
	ck_assert_int_eq(tt_profile_same_selection(&q, &p, msg, sizeof(msg)), -1);
	ck_assert_str_eq(msg, "recorded for other options: this run traces "
			 "timer_settime, it does not (see -e trace=)");
	tt_profile_free(&p);
	tt_profile_free(&q);
	unlink(path);
}
END_TEST

static const struct {
	const char *text;
	const char *msg;
} bad_profiles[] = {
	{ "[]", "not a ttrace profile (it has no \"ttrace_profile\" version)" },
	{ "{\"ttrace_profile\": \"1\"}", "its \"ttrace_profile\" version is not a number" },
	{ "{\"ttrace_profile\": 1}", "not a valid profile: no \"selection\" list" },
	{ "{\"ttrace_profile\": 1, \"selection\": [1]}",
	  "not a valid profile: selection[0] is not a string (line 1)" },
	{ "{\"ttrace_profile\": 1, \"selection\": []}",
	  "not a valid profile: no \"groups\" list" },
	{ "{\"ttrace_profile\": 1, \"selection\": [], \"groups\": [3]}",
	  "not a valid profile: groups[0] is not an object (line 1)" },
	{ "{\"ttrace_profile\": 1, \"selection\": [], \"groups\": [\n"
	  "{\"family\": \"x\", \"clock\": \"c\", \"mode\": \"later\"}]}",
	  "not a valid profile: groups[0] \"mode\" is \"later\", not relative or absolute (line 2)" },
	{ "{\"ttrace_profile\": 1, \"selection\": [], \"groups\": [\n"
	  "{\"family\": \"x\", \"mode\": \"relative\"}]}",
	  "not a valid profile: groups[0] has no \"clock\" string (line 2)" },
	{ "{\"ttrace_profile\": 1, \"selection\": [], \"groups\": [\n"
	  "{\"family\": \"x\", \"clock\": \"c\", \"mode\": \"relative\"}]}",
	  "not a valid profile: groups[0] has no \"requests\" list (line 2)" },
	{ "{\"ttrace_profile\": 1, \"selection\": [], \"groups\": [\n"
	  "{\"family\": \"x\", \"clock\": \"c\", \"mode\": \"relative\", \"requests\": [\n"
	  "{\"value_ns\": 1, \"count\": 0}]}]}",
	  "not a valid profile: groups[0].requests[0] \"count\" is 0, less than 1 (line 3)" },
	{ "{\"ttrace_profile\": 1, \"selection\": [], \"groups\": [\n"
	  "{\"family\": \"x\", \"clock\": \"c\", \"mode\": \"relative\", \"requests\": []},\n"
	  "{\"family\": \"x\", \"clock\": \"c\", \"mode\": \"relative\", \"requests\": []}]}",
	  "not a valid profile: groups[1] repeats x c relative (line 3)" },
	{ "{\"ttrace_profile\": 1, \"selection\": [], \"groups\": [\n"
	  "{\"family\": \"x\", \"clock\": \"c\", \"mode\": \"relative\", \"requests\": [],\n"
	  "\"lateness\": {\"count\": 1}}]}",
	  "not a valid profile: groups[0].lateness has no \"median_ns\" (line 3)" },
	{ "{\"ttrace_profile\": 1, \"selection\": [], \"groups\": [\n"
	  "{\"family\": \"x\", \"clock\": \"c\", \"mode\": \"relative\", \"kind\": \"sleep\",\n"
	  "\"requests\": []}]}",
	  "not a valid profile: groups[0] \"kind\" is not \"wait\", the only kind a group names (line 2)" },
	{ "{\"ttrace_profile\": 1, \"selection\": [], \"groups\": [\n"
	  "{\"family\": \"x\", \"clock\": \"c\", \"mode\": \"absolute\", \"as\": \"later\",\n"
	  "\"requests\": []}]}",
	  "not a valid profile: groups[0] \"as\" is not \"step\" or \"left\" (line 2)" },
	{ "{\"ttrace_profile\": 2, \"selection\": [], \"groups\": [\n"
	  "{\"family\": \"x\", \"clock\": \"c\", \"mode\": \"relative\", \"requests\": [\n"
	  "{\"value_ns\": 5, \"min_ns\": 6, \"count\": 1}]}]}",
	  "not a valid profile: groups[0].requests[0] \"min_ns\" is more than its \"value_ns\" (line 3)" },
	{ "{\"ttrace_profile\": 2, \"floor_ns\": -2, \"selection\": [], \"groups\": []}",
	  "not a valid profile: the profile \"floor_ns\" is -2, less than -1 (line 1)" },
	{ "{\"ttrace_profile\": 7}", "a version 7 profile; this ttrace reads versions 1 and 2" },
	{ "  \n", "empty: not a profile" },
	{ "{\"ttrace_profile\": 1,", "truncated: the text ends inside an object (line 1, column 22)" },
};

START_TEST(test_load_errors)
{
	char path[] = "/tmp/ttrace-unit-profile.XXXXXX", msg[256];
	int fd = mkstemp(path);
	struct tt_profile p;
	size_t len = strlen(bad_profiles[_i].text);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, bad_profiles[_i].text, len), (ssize_t)len);
	close(fd);
	ck_assert_int_eq(tt_profile_load(path, &p, msg, sizeof(msg)), -1);
	ck_assert_str_eq(msg, bad_profiles[_i].msg);
	unlink(path);
}
END_TEST

Suite *make_profile_suite(void)
{
	Suite *s = suite_create("profile");
	TCase *tc = tcase_create("units");

	tcase_add_loop_test(tc, test_parse_duration, 0,
			    sizeof(dur_cases) / sizeof(dur_cases[0]));
	tcase_add_test(tc, test_parse_percent);
	tcase_add_loop_test(tc, test_format_duration, 0,
			    sizeof(fmt_cases) / sizeof(fmt_cases[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("json");
	tcase_add_test(tc, test_json_values);
	tcase_add_loop_test(tc, test_json_errors, 0,
			    sizeof(bad_json) / sizeof(bad_json[0]));
	tcase_add_test(tc, test_json_depth_and_nul);
	suite_add_tcase(s, tc);
	tc = tcase_create("check");
	tcase_add_test(tc, test_compare_sleeps);
	tcase_add_test(tc, test_compare_timers_and_groups);
	tcase_add_test(tc, test_compare_spans);
	tcase_add_test(tc, test_write_load_round_trip);
	tcase_add_test(tc, test_record_many_values);
	tcase_add_test(tc, test_record_waits);
	tcase_add_test(tc, test_record_runtime);
	tcase_add_test(tc, test_record_resumed_rest);
	tcase_add_loop_test(tc, test_load_errors, 0,
			    sizeof(bad_profiles) / sizeof(bad_profiles[0]));
	suite_add_tcase(s, tc);
	return s;
}
