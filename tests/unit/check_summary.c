/* The -c summary: nearest-rank percentiles, the table and the lateness
 * histograms, exactly. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "abi.h"
#include "decode/decode.h"
#include "options.h"
#include "lateness.h"
#include "render/summary.h"
#include "samples.h"
#include "tcb.h"
#include "nr-tables.h"
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
	struct tt_samples s = { 0 };

	for (size_t k = 0; k < pct_cases[_i].n; k++)
		tt_samples_add(&s, pct_cases[_i].v[k]);
	ck_assert_int_eq(tt_samples_percentile(&s, pct_cases[_i].p),
			 pct_cases[_i].want);
	tt_samples_free(&s);
}
END_TEST

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Percentiles of many samples from the histogram, against the exact
 * nearest-rank ones of the same samples sorted: within TT_SAMPLES_ERROR
 * of the exact value (exact below TT_SAMPLES_EXACT), the count, min and
 * max exact, and the counters bounded. */
START_TEST(test_percentile_error)
{
	enum { N = 200000 };
	static int64_t v[N];
	static const unsigned ps[] = { 1, 10, 25, 50, 75, 90, 99, 100 };
	struct tt_samples s = { 0 };
	uint64_t x = 88172645463325252ull + (uint64_t)_i;

	for (size_t k = 0; k < N; k++) {
		/* xorshift64; magnitudes spread over 0 .. 2^40 ns, a tenth
		 * negative (a wake-up before the deadline) */
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		v[k] = (int64_t)(x >> (24 + x % 40 % 24 + (_i ? 0 : 16)));
		if (x % 10 == 0)
			v[k] = -v[k];
		tt_samples_add(&s, v[k]);
	}
	qsort(v, N, sizeof(v[0]), cmp_i64);
	ck_assert_uint_eq(s.n, N);
	ck_assert_int_eq(s.min, v[0]);
	ck_assert_int_eq(s.max, v[N - 1]);
	ck_assert_uint_le(s.npos, 4096);
	ck_assert_uint_le(s.nneg, 4096);
	for (size_t k = 0; k < NCASES(ps); k++) {
		size_t rank = ((size_t)N * ps[k] + 99) / 100;
		int64_t want = v[rank - 1], got = tt_samples_percentile(&s, ps[k]);
		double err = (double)(got > want ? got - want : want - got);
		double mag = (double)(want < 0 ? -want : want);

		if (mag < TT_SAMPLES_EXACT)
			ck_assert_int_eq(got, want);
		else
			ck_assert_msg(err <= TT_SAMPLES_ERROR * mag,
				      "p%u: %lld, exact %lld", ps[k],
				      (long long)got, (long long)want);
	}
	ck_assert_int_eq(tt_samples_percentile(&s, 100), v[N - 1]);
	tt_samples_free(&s);
	ck_assert_int_eq(tt_samples_percentile(&s, 50), 0);
}
END_TEST

#define NO_LATENESS INT64_MIN

/* A sleep on clock that woke late_ns late (NO_LATENESS: not measured). */
static void add_on(int32_t clock, int64_t late_ns)
{
	static struct tt_event ev;
	uint64_t raw[TT_MAX_ARGS] = { 0 };

	tt_event_init(&ev, tt_abi_syscall(&tt_abi_x86_64, NR64_clock_nanosleep), &tt_abi_x86_64,
		      UT_TID, NR64_clock_nanosleep, raw);
	ev.t_entry.mono = ev.t_exit.mono = (struct timespec){ 100, 0 };
	ev.ret = TR_VALUE;
	ev.has_lateness = late_ns != NO_LATENESS;
	ev.timing.clock = clock;
	ev.lateness_ns = late_ns;
	tt_summary_add(&ev);
}

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
	ev.timing.clock = CLOCK_MONOTONIC;
	ev.lateness_ns = late_ns;
	tt_summary_add(&ev);
}

static void add_calls(void)
{
	/* three sleeps of 10 ms, woken 100, 300 and 200 us late */
	add(&tt_abi_x86_64, NR64_clock_nanosleep, 10100000, 0, 100000);
	add(&tt_abi_x86_64, NR64_clock_nanosleep, 10300000, 0, 300000);
	add(&tt_abi_x86_64, NR64_clock_nanosleep, 10200000, 0, 200000);
	/* an EINVAL sleep: no lateness */
	add(&tt_abi_x86_64, NR64_clock_nanosleep, 2000, 22, -1);
	/* two i386 timer_settime32, one failing */
	add(&tt_abi_i386, NR32_timer_settime, 4000, 0, -1);
	add(&tt_abi_i386, NR32_timer_settime, 6000, 22, -1);
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
"total                           6        2     0.030612\n"
"\n"
"lateness histogram, CLOCK_MONOTONIC, 3 sleeps:\n"
"  [100us, 200us)         1 |#########################                         |\n"
"  [200us, 500us)         2 |##################################################|\n");
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
"\"calls\":2,\"errors\":1,\"total_ns\":10000,\"avg_ns\":5000,\"max_ns\":6000}],"
"\"lateness_histograms\":[{\"clock\":\"CLOCK_MONOTONIC\",\"clock_id\":1,\"count\":3,\"waits\":0,"
"\"buckets\":[{\"from_ns\":100000,\"to_ns\":200000,\"count\":1},"
"{\"from_ns\":200000,\"to_ns\":500000,\"count\":2}]}]}\n");
}
END_TEST

/* Each edge of the buckets, the open ends, a negative lateness, several
 * clocks (a CPU clock included) and a sleep not measured. */
START_TEST(test_histogram_edges)
{
	static const int64_t mono[] = {
		-1, 0, 999, 1000, 1999, 2000, 4999, 999999999, 1000000000,
		5000000000,
	};

	for (unsigned i = 0; i < NCASES(mono); i++)
		add_on(CLOCK_MONOTONIC, mono[i]);
	add_on(CLOCK_REALTIME, 50000);
	add_on(CLOCK_REALTIME, NO_LATENESS);
	add_on(-6, 300);	/* the caller's own process CPU clock */
	tt_summary_print();
	tt_summary_reset();
	ut_expect_output("histogram",
"syscall                     calls   errors      total s      avg us      max us  late p50 us  late p99 us  late max us\n"
"------------------------ -------- -------- ------------ ----------- ----------- ------------ ------------ ------------\n"
"clock_nanosleep                13        0     0.000000         0.0         0.0          2.0    5000000.0    5000000.0\n"
"------------------------ -------- -------- ------------\n"
"total                          13        0     0.000000\n"
"\n"
"lateness histogram, CLOCK_MONOTONIC, 10 sleeps:\n"
"  < 0                    1 |#########################                         |\n"
"  [0ns, 1us)             2 |##################################################|\n"
"  [1us, 2us)             2 |##################################################|\n"
"  [2us, 5us)             2 |##################################################|\n"
"  [5us, 10us)            0 |                                                  |\n"
"  [10us, 20us)           0 |                                                  |\n"
"  [20us, 50us)           0 |                                                  |\n"
"  [50us, 100us)          0 |                                                  |\n"
"  [100us, 200us)         0 |                                                  |\n"
"  [200us, 500us)         0 |                                                  |\n"
"  [500us, 1ms)           0 |                                                  |\n"
"  [1ms, 2ms)             0 |                                                  |\n"
"  [2ms, 5ms)             0 |                                                  |\n"
"  [5ms, 10ms)            0 |                                                  |\n"
"  [10ms, 20ms)           0 |                                                  |\n"
"  [20ms, 50ms)           0 |                                                  |\n"
"  [50ms, 100ms)          0 |                                                  |\n"
"  [100ms, 200ms)         0 |                                                  |\n"
"  [200ms, 500ms)         0 |                                                  |\n"
"  [500ms, 1s)            1 |#########################                         |\n"
"  >= 1s                  2 |##################################################|\n"
"\n"
"lateness histogram, CLOCK_REALTIME, 1 sleep:\n"
"  [50us, 100us)          1 |##################################################|\n"
"\n"
"lateness histogram, MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED), 1 sleep:\n"
"  [0ns, 1us)             1 |##################################################|\n");
}
END_TEST

/* More clocks than histograms: the last one takes the rest, by name. */
START_TEST(test_histogram_other_clocks)
{
	tt_opt.json = true;
	for (int32_t c = 0; c < 10; c++)
		add_on(c, 1000 * (c + 1));
	tt_summary_print();
	tt_summary_reset();
	tt_opt.json = false;
	ut_expect_output("other clocks",
"{\"type\":\"summary\",\"schema_version\":1,\"calls\":["
"{\"name\":\"clock_nanosleep\",\"family\":\"clock_nanosleep\",\"abi\":\"x86_64\","
"\"calls\":10,\"errors\":0,\"total_ns\":0,\"avg_ns\":0,\"max_ns\":0,"
"\"lateness\":{\"count\":10,\"median_ns\":5000,\"p99_ns\":10000,\"max_ns\":10000}}],"
"\"lateness_histograms\":["
"{\"clock\":\"CLOCK_REALTIME\",\"clock_id\":0,\"count\":1,\"waits\":0,\"buckets\":[{\"from_ns\":1000,\"to_ns\":2000,\"count\":1}]},"
"{\"clock\":\"CLOCK_MONOTONIC\",\"clock_id\":1,\"count\":1,\"waits\":0,\"buckets\":[{\"from_ns\":2000,\"to_ns\":5000,\"count\":1}]},"
"{\"clock\":\"CLOCK_PROCESS_CPUTIME_ID\",\"clock_id\":2,\"count\":1,\"waits\":0,\"buckets\":[{\"from_ns\":2000,\"to_ns\":5000,\"count\":1}]},"
"{\"clock\":\"CLOCK_THREAD_CPUTIME_ID\",\"clock_id\":3,\"count\":1,\"waits\":0,\"buckets\":[{\"from_ns\":2000,\"to_ns\":5000,\"count\":1}]},"
"{\"clock\":\"CLOCK_MONOTONIC_RAW\",\"clock_id\":4,\"count\":1,\"waits\":0,\"buckets\":[{\"from_ns\":5000,\"to_ns\":10000,\"count\":1}]},"
"{\"clock\":\"CLOCK_REALTIME_COARSE\",\"clock_id\":5,\"count\":1,\"waits\":0,\"buckets\":[{\"from_ns\":5000,\"to_ns\":10000,\"count\":1}]},"
"{\"clock\":\"CLOCK_MONOTONIC_COARSE\",\"clock_id\":6,\"count\":1,\"waits\":0,\"buckets\":[{\"from_ns\":5000,\"to_ns\":10000,\"count\":1}]},"
"{\"clock\":\"other clocks\",\"count\":3,\"waits\":0,\"buckets\":[{\"from_ns\":5000,\"to_ns\":10000,\"count\":2},"
"{\"from_ns\":10000,\"to_ns\":20000,\"count\":1}]}]}\n");
}
END_TEST

/* Found by fuzz_decode_render: a sleep "returning 0" with tv_sec near
 * INT64_MAX (the entry copy raced, or a fuzzer made it) overflowed the
 * request in nanoseconds.  Such a request is not measured. */
START_TEST(test_impossible_request)
{
	static const struct ut_call c = {
		&tt_abi_x86_64, NR64_clock_nanosleep, { 1, 0, 0x1000, 0 },
		{ [2] = UT_TS(INT64_MAX, 999999999) }, UT_RET(0),
	};
	struct tt_event *ev = ut_call_begin(UT_TID, &c);
	struct tcb *tcp = tt_tcb_new(UT_TID, 0);	/* lateness is the tracer's */
	struct tt_timestamps now = { { 5, 0 }, { 5, 0 }, { 0, 0 } };

	ev->ret = TR_VALUE;
	tt_lateness_measure(tcp, ev, &now);
	ck_assert(!ev->has_lateness);
	ev->mem[2].bytes[7] = 0;	/* tv_sec now 2^56 - 1: still too long */
	tt_timing_entry(ev);	/* decoded again from the new bytes */
	tt_lateness_measure(tcp, ev, &now);
	ck_assert(!ev->has_lateness);
	memset(ev->mem[2].bytes, 0, 8);	/* 0 s + 999999999 ns: measured */
	tt_timing_entry(ev);
	tt_lateness_measure(tcp, ev, &now);
	ck_assert(ev->has_lateness);
	ck_assert_int_eq(ev->timing.value_ns, 999999999);
}
END_TEST

/* A wait of row nr (decoded from its registers and bytes as the tracer
 * does: its timing and outcome) that took dur_ns and, late_ns >= 0, woke
 * that late. */
static void add_wait(const struct ut_call *c, int64_t dur_ns, int64_t late_ns)
{
	struct tt_event *ev = ut_call_begin(UT_TID, c);

	tt_decode_entry(ev);
	ev->ret = c->ret;
	ev->rval = c->rval;
	ev->err = c->err;
	tt_decode_exit(ev);
	ev->t_entry.mono = (struct timespec){ 100, 0 };
	ev->t_exit.mono = (struct timespec){ 100, dur_ns };
	ev->has_lateness = late_ns >= 0;
	ev->lateness_ns = late_ns;
	tt_summary_add(ev);
}

#define POLL(ms, ...) { &tt_abi_x86_64, NR64_poll, { 0x1000, 1, (uint32_t)(ms) }, \
			{ [0] = { true, { 3 } } }, __VA_ARGS__ }
#define PPOLL(ts, ...) { &tt_abi_x86_64, NR64_ppoll, { 0x1000, 1, 0x2000, 0, 8 }, \
			 { [0] = { true, { 3 } }, [2] = ts }, __VA_ARGS__ }

/* Waits of poll and ppoll that end every way: the table of how they
 * ended, their lateness in the table and in the histogram beside a
 * sleep's. */
static void add_waits(void)
{
	static const struct ut_call tick = POLL(10, UT_RET(0));
	static const struct ut_call look = POLL(0, UT_RET(0));
	static const struct ut_call ready = POLL(1000, UT_RET(1));
	static const struct ut_call forever = POLL(-1, UT_RET(1));
	static const struct ut_call bad = POLL(10, UT_ERR(14));
	static const struct ut_call ptick = PPOLL(UT_TS(0, 20000000), UT_RET(0));
	static const struct ut_call pintr = PPOLL(UT_TS(1, 0), UT_ERR(514));
	static const struct ut_call pnull = PPOLL({ false }, UT_RET(1));

	/* a poll(..., 10) that timed out after 10.2 ms is 0.2 ms late */
	add_wait(&tick, 10200000, 200000);
	add_wait(&tick, 10400000, 400000);
	add_wait(&look, 50000, 50000);
	add_wait(&ready, 3000, -1);
	add_wait(&forever, 7000, -1);
	add_wait(&bad, 1000, -1);
	add_wait(&ptick, 20100000, 100000);
	add_wait(&pintr, 5000, -1);
	add_wait(&pnull, 4000, -1);
	/* a sleep on the same clock */
	add(&tt_abi_x86_64, NR64_clock_nanosleep, 1300000, 0, 300000);
}

START_TEST(test_waits_table)
{
	add_waits();
	tt_summary_print();
	tt_summary_reset();
	ut_expect_output("waits",
"syscall                     calls   errors      total s      avg us      max us  late p50 us  late p99 us  late max us\n"
"------------------------ -------- -------- ------------ ----------- ----------- ------------ ------------ ------------\n"
"poll                            6        1     0.020661      3443.5     10400.0        200.0        400.0        400.0\n"
"ppoll                           3        1     0.020109      6703.0     20100.0        100.0        100.0        100.0\n"
"clock_nanosleep                 1        0     0.001300      1300.0      1300.0        300.0        300.0        300.0\n"
"------------------------ -------- -------- ------------\n"
"total                          10        2     0.042070\n"
"\n"
"waits, how they ended:\n"
"syscall                     waits timed out    ready interrupted   failed  timeout 0 no timeout\n"
"------------------------ -------- --------- -------- ----------- -------- ---------- ----------\n"
"poll                            6         3        2           0        1          1          1\n"
"ppoll                           3         1        1           1        0          0          1\n"
"\n"
"lateness histogram, CLOCK_MONOTONIC, 1 sleep, 4 waits that timed out:\n"
"  [50us, 100us)          1 |#################                                 |\n"
"  [100us, 200us)         1 |#################                                 |\n"
"  [200us, 500us)         3 |##################################################|\n");
}
END_TEST

START_TEST(test_waits_json)
{
	tt_opt.json = true;
	add_waits();
	tt_summary_print();
	tt_summary_reset();
	tt_opt.json = false;
	ut_expect_output("waits json",
"{\"type\":\"summary\",\"schema_version\":1,\"calls\":["
"{\"name\":\"poll\",\"family\":\"poll\",\"abi\":\"x86_64\","
"\"calls\":6,\"errors\":1,\"total_ns\":20661000,\"avg_ns\":3443500,\"max_ns\":10400000,"
"\"lateness\":{\"count\":3,\"median_ns\":200000,\"p99_ns\":400000,\"max_ns\":400000},"
"\"waits\":{\"count\":6,\"timed_out\":3,\"ready\":2,\"interrupted\":0,\"failed\":1,"
"\"zero_timeout\":1,\"no_timeout\":1}},"
"{\"name\":\"ppoll\",\"family\":\"ppoll\",\"abi\":\"x86_64\","
"\"calls\":3,\"errors\":1,\"total_ns\":20109000,\"avg_ns\":6703000,\"max_ns\":20100000,"
"\"lateness\":{\"count\":1,\"median_ns\":100000,\"p99_ns\":100000,\"max_ns\":100000},"
"\"waits\":{\"count\":3,\"timed_out\":1,\"ready\":1,\"interrupted\":1,\"failed\":0,"
"\"zero_timeout\":0,\"no_timeout\":1}},"
"{\"name\":\"clock_nanosleep\",\"family\":\"clock_nanosleep\",\"abi\":\"x86_64\","
"\"calls\":1,\"errors\":0,\"total_ns\":1300000,\"avg_ns\":1300000,\"max_ns\":1300000,"
"\"lateness\":{\"count\":1,\"median_ns\":300000,\"p99_ns\":300000,\"max_ns\":300000}}],"
"\"lateness_histograms\":[{\"clock\":\"CLOCK_MONOTONIC\",\"clock_id\":1,\"count\":5,"
"\"waits\":4,\"buckets\":[{\"from_ns\":50000,\"to_ns\":100000,\"count\":1},"
"{\"from_ns\":100000,\"to_ns\":200000,\"count\":1},"
"{\"from_ns\":200000,\"to_ns\":500000,\"count\":3}]}]}\n");
}
END_TEST

Suite *make_summary_suite(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = ut_tcase(s, "percentile", NULL, NULL);

	tcase_add_loop_test(tc, test_percentile, 0, NCASES(pct_cases));
	tcase_add_loop_test(tc, test_percentile_error, 0, 2);
	tc = ut_tcase(s, "table", ut_render_setup, ut_render_teardown);
	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_histogram_edges);
	tcase_add_test(tc, test_histogram_other_clocks);
	tcase_add_test(tc, test_impossible_request);
	tcase_add_test(tc, test_waits_table);
	tcase_add_test(tc, test_waits_json);
	return s;
}
