/* The -c summary: nearest-rank percentiles, and the table, exactly. */
#include <string.h>

#include "abi.h"
#include "options.h"
#include "lateness.h"
#include "render/summary.h"
#include "samples.h"
#include "tcb.h"
#include "unit.h"

static const struct {
	int64_t v[10];
	size_t n;
	unsigned p;
	int64_t want;
} pct_cases[] = {
	{ { 7 }, 1, 50, 7 },
	{ { 7 }, 1, 99, 7 },
	{ { 1, 2 }, 2, 50, 1 },
	{ { 1, 2 }, 2, 99, 2 },
	{ { 1, 2, 3 }, 3, 50, 2 },
	{ { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 10, 50, 5 },
	{ { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 10, 99, 10 },
	{ { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 10, 90, 9 },
};

START_TEST(test_percentile)
{
	ck_assert_int_eq(tt_percentile(pct_cases[_i].v, pct_cases[_i].n,
					       pct_cases[_i].p),
			 pct_cases[_i].want);
}
END_TEST

/* A call of row nr that took dur_ns; late_ns < 0: no lateness. */
static void add(const struct tt_abi *abi, long nr, int64_t dur_ns, int err,
		int64_t late_ns)
{
	static struct tt_event ev;
	uint64_t raw[TT_MAX_ARGS] = { 0 };

	tt_event_init(&ev, tt_abi_syscall(abi, nr), abi, UT_TID, nr, raw);
	ev.t_entry.mono = (struct timespec){ 100, 0 };
	ev.t_exit.mono = (struct timespec){ 100 + dur_ns / 1000000000,
					    dur_ns % 1000000000 };
	ev.ret = err ? TR_ERROR : TR_VALUE;
	ev.err = err;
	ev.has_lateness = late_ns >= 0;
	ev.lateness_ns = late_ns;
	tt_summary_add(&ev);
}

static void add_calls(void)
{
	/* three sleeps of 10 ms, woken 100, 300 and 200 us late */
	add(&tt_abi_x86_64, 230, 10100000, 0, 100000);
	add(&tt_abi_x86_64, 230, 10300000, 0, 300000);
	add(&tt_abi_x86_64, 230, 10200000, 0, 200000);
	/* an EINVAL sleep: no lateness */
	add(&tt_abi_x86_64, 230, 2000, 22, -1);
	/* two i386 timer_settime32, one failing */
	add(&tt_abi_i386, 260, 4000, 0, -1);
	add(&tt_abi_i386, 260, 6000, 22, -1);
}

START_TEST(test_table)
{
	add_calls();
	tt_summary_print();
	tt_summary_reset();
	ut_expect_output("table",
"syscall                     calls   errors      total s      avg us      max us  late p50 us  late p99 us  late max us\n"
"------------------------ -------- -------- ------------ ----------- ----------- ------------ ------------ ------------\n"
"clock_nanosleep                 4        1     0.030602      7650.5     10300.0        200.0        300.0        300.0\n"
"timer_settime32                 2        1     0.000010         5.0         6.0            -            -            -\n"
"------------------------ -------- -------- ------------\n"
"total                           6        2     0.030612\n");
}
END_TEST

START_TEST(test_json)
{
	tt_opt.json = true;
	add_calls();
	tt_summary_print();
	tt_summary_reset();
	tt_opt.json = false;
	ut_expect_output("json",
"{\"type\":\"summary\",\"schema_version\":1,\"calls\":["
"{\"name\":\"clock_nanosleep\",\"family\":\"clock_nanosleep\",\"abi\":\"x86_64\","
"\"calls\":4,\"errors\":1,\"total_ns\":30602000,\"avg_ns\":7650500,\"max_ns\":10300000,"
"\"lateness\":{\"count\":3,\"median_ns\":200000,\"p99_ns\":300000,\"max_ns\":300000}},"
"{\"name\":\"timer_settime32\",\"family\":\"timer_settime\",\"abi\":\"i386\","
"\"calls\":2,\"errors\":1,\"total_ns\":10000,\"avg_ns\":5000,\"max_ns\":6000}]}\n");
}
END_TEST

/* Found by fuzz_decode_render: a sleep "returning 0" with tv_sec near
 * INT64_MAX (the entry copy raced, or a fuzzer made it) overflowed the
 * request in nanoseconds.  Such a request is not measured. */
START_TEST(test_impossible_request)
{
	static const struct ut_call c = {
		&tt_abi_x86_64, 230, { 1, 0, 0x1000, 0 },
		{ [2] = UT_TS(INT64_MAX, 999999999) }, UT_RET(0),
	};
	struct tcb *tcp = ut_call_begin(UT_TID, &c);
	struct tt_timestamps now = { { 5, 0 }, { 5, 0 } };

	tcp->ev.ret = TR_VALUE;
	tt_lateness_measure(tcp, &tcp->ev, &now);
	ck_assert(!tcp->ev.has_lateness);
	tcp->ev.mem[2].bytes[7] = 0;	/* tv_sec now 2^56 - 1: still too long */
	tt_lateness_measure(tcp, &tcp->ev, &now);
	ck_assert(!tcp->ev.has_lateness);
	memset(tcp->ev.mem[2].bytes, 0, 8);	/* 0 s + 999999999 ns: measured */
	tt_lateness_measure(tcp, &tcp->ev, &now);
	ck_assert(tcp->ev.has_lateness);
	ck_assert_int_eq(tcp->ev.requested_ns, 999999999);
}
END_TEST

Suite *make_summary_suite(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = ut_tcase(s, "percentile", NULL, NULL);

	tcase_add_loop_test(tc, test_percentile, 0, NCASES(pct_cases));
	tc = ut_tcase(s, "table", ut_render_setup, ut_render_teardown);
	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_impossible_request);
	return s;
}
