/* The JSON Lines renderer: whole events, exactly. */
#include <stdbool.h>
#include <string.h>

#include "abi.h"
#include "jsonstr.h"
#include "options.h"
#include "render/render.h"
#include "nr-tables.h"
#include "unit.h"

#define X64 (&tt_abi_x86_64)
#define I386 (&tt_abi_i386)
#define T0 "\"entry\":{\"realtime_ns\":0,\"monotonic_ns\":0}," \
	   "\"exit\":{\"realtime_ns\":0,\"monotonic_ns\":0},\"duration_ns\":0"

static const struct ut_case json_cases[] = {
	{ "timerfd_settime, flags known and unknown, EINVAL",
	  { X64, NR64_timerfd_settime, { 3, 0x11, 0x1000, 0 }, { [2] = UT_ITS(1, 2, 3, 4) },
	    UT_ERR(22) },
	  "{\"type\":\"call\",\"pid\":100,\"tid\":100,\"name\":\"timerfd_settime\","
	  "\"family\":\"timerfd_settime\",\"nr\":286,\"abi\":\"x86_64\",\"time_width\":64,"
	  "\"args\":{\"ufd\":3,\"flags\":{\"value\":17,\"names\":[\"TFD_TIMER_ABSTIME\"],"
	  "\"unknown\":16},\"utmr\":{\"addr\":\"0x1000\",\"value\":{\"it_interval\":"
	  "{\"tv_sec\":1,\"tv_nsec\":2},\"it_value\":{\"tv_sec\":3,\"tv_nsec\":4}}},"
	  "\"otmr\":null}," T0 ",\"return\":{\"error\":{\"number\":22,\"name\":\"EINVAL\","
	  "\"message\":\"Invalid argument\",\"restart\":false}},\"timing\":"
	  "{\"kind\":\"arm\",\"clock\":null,\"mode\":\"absolute\",\"value_ns\":"
	  "3000000004,\"interval_ns\":1000000002},\"findings\":[]}\n" },
	{ "i386 time64 sleep: CPU clock, padding, interrupted with remain",
	  { I386, NR32_clock_nanosleep_time64, { (uint32_t)-6, 0, 0x2000, 0x3000 },
	    { [2] = UT_TS(0, 0x100000005ULL), [3] = UT_TS(1, 7) },
	    UT_ERR(516) },
	  "{\"type\":\"call\",\"pid\":100,\"tid\":100,\"name\":\"clock_nanosleep_time64\","
	  "\"family\":\"clock_nanosleep\",\"nr\":407,\"abi\":\"i386\",\"time_width\":64,"
	  "\"args\":{\"which_clock\":{\"value\":-6,\"cpu\":{\"pid\":0,\"clock\":"
	  "\"CPUCLOCK_SCHED\"}},\"flags\":{\"value\":0,\"names\":[],\"unknown\":0},"
	  "\"rqtp\":{\"addr\":\"0x2000\",\"value\":{\"tv_sec\":0,\"tv_nsec\":5}},"
	  "\"rmtp\":{\"addr\":\"0x3000\",\"value\":{\"tv_sec\":1,\"tv_nsec\":7}}}," T0
	  ",\"return\":{\"error\":{\"number\":516,\"name\":\"ERESTART_RESTARTBLOCK\","
	  "\"message\":\"Interrupted by signal\",\"restart\":true}},\"timing\":"
	  "{\"kind\":\"sleep\",\"clock\":{\"value\":-6,\"cpu\":{\"pid\":0,\"clock\":"
	  "\"CPUCLOCK_SCHED\"}},\"mode\":\"relative\",\"requested_ns\":5},\"findings\":"
	  "[{\"kind\":\"nsec_padding\",\"field\":\"rqtp.tv_nsec\",\"padding\":1}]}\n" },
	{ "time32 sleep on an fd clock, unreadable request, old value not written",
	  { I386, NR32_clock_nanosleep, { (uint32_t)-29, 1, 0xdead, 0x4000 }, { [2] = { false, { 0 } } },
	    UT_RET(0) },
	  "{\"type\":\"call\",\"pid\":100,\"tid\":100,\"name\":\"clock_nanosleep_time32\","
	  "\"family\":\"clock_nanosleep\",\"nr\":267,\"abi\":\"i386\",\"time_width\":32,"
	  "\"args\":{\"which_clock\":{\"value\":-29,\"fd\":3},\"flags\":{\"value\":1,"
	  "\"names\":[\"TIMER_ABSTIME\"],\"unknown\":0},\"rqtp\":{\"addr\":\"0xdead\","
	  "\"unread\":\"unreadable\"},\"rmtp\":{\"addr\":\"0x4000\",\"unread\":"
	  "\"not_written\"}}," T0 ",\"return\":{\"value\":0},\"timing\":{\"kind\":"
	  "\"sleep\",\"clock\":{\"value\":-29,\"fd\":3},\"mode\":\"absolute\","
	  "\"requested_ns\":null},\"findings\":[]}\n" },
	{ "restart_syscall names the call it resumes",
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(0), .resumes = NR64_clock_nanosleep },
	  "{\"type\":\"call\",\"pid\":100,\"tid\":100,\"name\":\"restart_syscall\","
	  "\"family\":\"restart_syscall\",\"nr\":219,\"abi\":\"x86_64\",\"time_width\":0,"
	  "\"resumes\":\"clock_nanosleep\",\"args\":{}," T0 ",\"return\":{\"value\":0},"
	  "\"findings\":[]}\n" },
	{ "ppoll that timed out: its sigmask behind its address, its timing",
	  { X64, NR64_ppoll, { 0x1000, 1, 0x2000, 0x3000, 8 },
	    { [0] = { true, { 3 | 1ULL << 32 } }, [2] = UT_TS(0, 10000000),
	      [3] = { true, { 1 << 9 } } }, UT_RET(0) },
	  "{\"type\":\"call\",\"pid\":100,\"tid\":100,\"name\":\"ppoll\","
	  "\"family\":\"ppoll\",\"nr\":271,\"abi\":\"x86_64\",\"time_width\":64,"
	  "\"args\":{\"ufds\":{\"addr\":\"0x1000\",\"value\":[{\"fd\":3,\"events\":"
	  "{\"value\":1,\"names\":[\"POLLIN\"],\"unknown\":0}}]},\"nfds\":1,"
	  "\"tsp\":{\"addr\":\"0x2000\",\"value\":{\"tv_sec\":0,\"tv_nsec\":10000000}},"
	  "\"sigmask\":{\"addr\":\"0x3000\",\"value\":{\"value\":512,\"names\":"
	  "[\"SIGUSR1\"]}},\"sigsetsize\":8}," T0 ",\"return\":{\"value\":0,"
	  "\"name\":\"Timeout\"},\"timing\":{\"kind\":\"wait\",\"clock\":{\"value\":1,"
	  "\"name\":\"CLOCK_MONOTONIC\"},\"mode\":\"relative\",\"timeout_ns\":10000000,"
	  "\"outcome\":\"timed_out\"},\"findings\":[]}\n" },
};

/* The text renderer writes the call too (ut_call_exit): the JSON event is
 * the last line of the stream. */
START_TEST(test_call)
{
	const struct ut_case *c = &json_cases[_i];
	struct tt_event *call_ev = ut_call_begin(UT_TID, &c->call);
	struct tt_record r;
	const char *out, *last;

	ut_call_entry(call_ev);
	ut_call_exit(call_ev, &c->call);
	r = ut_call_record(TT_REC_CALL_EXIT, call_ev);
	tt_render_json.record(&r);
	out = ut_output();
	last = out + strlen(out) - 1;
	while (last > out && last[-1] != '\n')
		last--;
	ck_assert_msg(strcmp(last, c->want) == 0, "%s:\n got: %s\nwant: %s",
		      c->what, last, c->want);
}
END_TEST

/* -k and -kk: "stack", innermost first; a frame in no module has no
 * module, symbol or offsets; -kk adds file and line, null when unknown. */
START_TEST(test_stack)
{
	static const struct ut_call call = {
		X64, NR64_clock_nanosleep, { 0, 0, 0x1000, 0 }, { [2] = UT_TS(1, 0) }, UT_RET(0)
	};
	static const char *const want[] = {
		",\"stack\":[{\"pc\":\"0x7f00000011f7\",\"module\":\"/t/chain\","
		"\"symbol\":\"f3\",\"offset\":62,\"file_offset\":\"0x11f7\"},"
		"{\"pc\":\"0x1002\",\"module\":null,\"symbol\":null,\"offset\":null,"
		"\"file_offset\":null}]}\n",
		",\"stack\":[{\"pc\":\"0x7f00000011f7\",\"module\":\"/t/chain\","
		"\"symbol\":\"f3\",\"offset\":62,\"file_offset\":\"0x11f7\","
		"\"file\":\"/t/chain.c\",\"line\":32},"
		"{\"pc\":\"0x1002\",\"module\":null,\"symbol\":null,\"offset\":null,"
		"\"file_offset\":null,\"file\":null,\"line\":null}]}\n",
	};
	struct tt_event *call_ev = ut_call_begin(UT_TID, &call);
	struct tt_record r;
	const char *out;

	call_ev->stack = (struct tt_stack){ .captured = true, .n = 2, .f = {
		{ .pc = 0x7f00000011f7, .file_off = 0x11f7, .sym_off = 62,
		  .module = "/t/chain", .symbol = "f3", .file = "/t/chain.c",
		  .line = 32 },
		{ .pc = 0x1002 },
	} };
	ut_call_entry(call_ev);
	ut_call_exit(call_ev, &call);
	tt_opt.stack = _i + 1;
	r = ut_call_record(TT_REC_CALL_EXIT, call_ev);
	tt_render_json.record(&r);
	tt_opt.stack = 0;
	out = ut_output();
	ck_assert_msg(strlen(out) > strlen(want[_i]) &&
		      strcmp(out + strlen(out) - strlen(want[_i]), want[_i]) == 0,
		      "-k%s: the event ends\n%s\nnot\n%s", _i ? "k" : "",
		      strrchr(out, ',') ? out : "", want[_i]);
}
END_TEST

/* --- string escapes (src/util/jsonstr.c) ---------------------------------- */

struct sbuf {
	char b[256];
	size_t n;
};

static void sput(void *ctx, const char *p, size_t n)
{
	struct sbuf *sb = ctx;

	ck_assert_uint_lt(sb->n + n, sizeof(sb->b));
	memcpy(sb->b + sb->n, p, n);
	sb->n += n;
	sb->b[sb->n] = '\0';
}

static const struct esc_case {
	const char *what, *in, *json, *xml;
} esc_cases[] = {
	{ "empty", "", "", "" },
	{ "plain ASCII", "clock_nanosleep 42 ~", "clock_nanosleep 42 ~",
	  "clock_nanosleep 42 ~" },
	{ "quotes and backslash", "a\"b\\c", "a\\\"b\\\\c", "a&quot;b\\c" },
	{ "XML specials", "<a&b>", "<a&b>", "&lt;a&amp;b&gt;" },
	{ "control characters", "\t\n\r\x01\x1f\x7f",
	  "\\u0009\\u000a\\u000d\\u0001\\u001f\x7f",
	  "&#9;&#10;&#13;\xef\xbf\xbd\xef\xbf\xbd\x7f" },
	{ "2-byte UTF-8", "caf\xc3\xa9 \xc2\x80 \xdf\xbf", "caf\xc3\xa9 \xc2\x80 \xdf\xbf",
	  "caf\xc3\xa9 \xc2\x80 \xdf\xbf" },
	{ "3-byte UTF-8", "\xe2\x82\xac \xe0\xa0\x80 \xed\x9f\xbf \xee\x80\x80",
	  "\xe2\x82\xac \xe0\xa0\x80 \xed\x9f\xbf \xee\x80\x80",
	  "\xe2\x82\xac \xe0\xa0\x80 \xed\x9f\xbf \xee\x80\x80" },
	{ "4-byte UTF-8", "\xf0\x9f\x98\x80 \xf0\x90\x80\x80 \xf4\x8f\xbf\xbf",
	  "\xf0\x9f\x98\x80 \xf0\x90\x80\x80 \xf4\x8f\xbf\xbf",
	  "\xf0\x9f\x98\x80 \xf0\x90\x80\x80 \xf4\x8f\xbf\xbf" },
	{ "overlong 2-byte", "\xc0\xaf\xc1\xbf", "\\u00c0\\u00af\\u00c1\\u00bf",
	  "&#xC0;&#xAF;&#xC1;&#xBF;" },
	{ "overlong 3-byte", "\xe0\x80\xaf", "\\u00e0\\u0080\\u00af",
	  "&#xE0;&#x80;&#xAF;" },
	{ "overlong 4-byte", "\xf0\x80\x80\xaf", "\\u00f0\\u0080\\u0080\\u00af",
	  "&#xF0;&#x80;&#x80;&#xAF;" },
	{ "surrogate", "a\xed\xa0\x80" "b\xed\xbf\xbf", "a\\u00ed\\u00a0\\u0080b\\u00ed\\u00bf\\u00bf",
	  "a&#xED;&#xA0;&#x80;b&#xED;&#xBF;&#xBF;" },
	{ "past U+10FFFF", "\xf4\x90\x80\x80", "\\u00f4\\u0090\\u0080\\u0080",
	  "&#xF4;&#x90;&#x80;&#x80;" },
	{ "truncated 2-byte at the end", "x\xc3", "x\\u00c3", "x&#xC3;" },
	{ "truncated 3-byte at the end", "x\xe2\x82", "x\\u00e2\\u0082", "x&#xE2;&#x82;" },
	{ "truncated 4-byte at the end", "x\xf0\x9f\x98", "x\\u00f0\\u009f\\u0098",
	  "x&#xF0;&#x9F;&#x98;" },
	{ "truncated in the middle", "\xe2\x82x", "\\u00e2\\u0082x", "&#xE2;&#x82;x" },
	{ "lone continuation bytes", "\x80" "a\xbf", "\\u0080a\\u00bf", "&#x80;a&#xBF;" },
	{ "0xff and 0xfe", "\xff\xfe/sleeper", "\\u00ff\\u00fe/sleeper",
	  "&#xFF;&#xFE;/sleeper" },
	{ "F5 and above", "\xf5\x80\x80\x80", "\\u00f5\\u0080\\u0080\\u0080",
	  "&#xF5;&#x80;&#x80;&#x80;" },
	{ "valid then invalid", "\xc3\xa9\xff\xc3\xa9", "\xc3\xa9\\u00ff\xc3\xa9",
	  "\xc3\xa9&#xFF;\xc3\xa9" },
	{ "U+FFFE and U+FFFF", "\xef\xbf\xbe\xef\xbf\xbf", "\xef\xbf\xbe\xef\xbf\xbf",
	  "\xef\xbf\xbd\xef\xbf\xbd" },
};

START_TEST(test_escape)
{
	const struct esc_case *c = &esc_cases[_i];
	struct sbuf j = { .n = 0 }, x = { .n = 0 };

	tt_json_escape(c->in, sput, &j);
	tt_xml_escape(c->in, sput, &x);
	ck_assert_msg(strcmp(j.b, c->json) == 0, "%s: JSON \"%s\", want \"%s\"",
		      c->what, j.b, c->json);
	ck_assert_msg(strcmp(x.b, c->xml) == 0, "%s: XML \"%s\", want \"%s\"",
		      c->what, x.b, c->xml);
}
END_TEST

/* Every byte alone (ASCII is whole, any other byte is not), and after each
 * kind of lead byte every second byte: exactly those in the range
 * Unicode's Table 3-7 gives for it start a whole character. */
START_TEST(test_utf8_len)
{
	static const struct { unsigned char lead, lo, hi; size_t n; } t[] = {
		{ 0xc2, 0x80, 0xbf, 2 }, { 0xdf, 0x80, 0xbf, 2 },
		{ 0xe0, 0xa0, 0xbf, 3 }, { 0xe1, 0x80, 0xbf, 3 },
		{ 0xed, 0x80, 0x9f, 3 }, { 0xef, 0x80, 0xbf, 3 },
		{ 0xf0, 0x90, 0xbf, 4 }, { 0xf3, 0x80, 0xbf, 4 },
		{ 0xf4, 0x80, 0x8f, 4 },
	};
	char s[5] = { 0 };

	for (unsigned b = 1; b < 0x80; b++) {
		s[0] = (char)b;
		ck_assert_uint_eq(tt_utf8_len(s), 1);
	}
	for (unsigned b = 0x80; b < 0x100; b++) {
		s[0] = (char)b;
		s[1] = '\0';
		ck_assert_uint_eq(tt_utf8_len(s), 0);	/* alone: never whole */
	}
	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		for (unsigned b = 0x80; b < 0x100; b++) {
			bool ok = b >= t[i].lo && b <= t[i].hi;

			s[0] = (char)t[i].lead;
			s[1] = (char)b;
			s[2] = s[3] = (char)0x80;
			s[t[i].n] = '\0';
			ck_assert_msg(tt_utf8_len(s) == (ok ? t[i].n : 0),
				      "%02x %02x", t[i].lead, b);
		}
}
END_TEST

/* A wait's "timing": every outcome, no timeout, the lateness when it was
 * measured, a call that never returned; a sleep has none. */
static const struct {
	const char *what;
	struct ut_call call;
	bool returned;
	int64_t late;		/* > 0: measured */
	const char *want;	/* the event from its "timing", or NULL */
} timing_cases[] = {
	{ "poll of 20 ms that timed out 0.15 ms late",
	  { X64, NR64_poll, { 0x1000, 1, 20 }, { [0] = { true, { 3 } } }, UT_RET(0) },
	  true, 150000,
	  "\"timing\":{\"kind\":\"wait\",\"clock\":{\"value\":1,\"name\":"
	  "\"CLOCK_MONOTONIC\"},\"mode\":\"relative\",\"timeout_ns\":20000000,"
	  "\"outcome\":\"timed_out\",\"lateness_ns\":150000}" },
	{ "poll of 0 ms",
	  { X64, NR64_poll, { 0x1000, 1, 0 }, { [0] = { true, { 3 } } }, UT_RET(0) },
	  true, 0,
	  "\"timing\":{\"kind\":\"wait\",\"clock\":{\"value\":1,\"name\":"
	  "\"CLOCK_MONOTONIC\"},\"mode\":\"relative\",\"timeout_ns\":0,"
	  "\"outcome\":\"timed_out\"}" },
	{ "poll of -1 ms: no timeout, ready",
	  { X64, NR64_poll, { 0x1000, 1, (uint32_t)-1 }, { [0] = { true, { 3 } } }, UT_RET(1) },
	  true, 0,
	  "\"timing\":{\"kind\":\"wait\",\"clock\":{\"value\":1,\"name\":"
	  "\"CLOCK_MONOTONIC\"},\"mode\":\"relative\",\"timeout_ns\":null,"
	  "\"outcome\":\"ready\"}" },
	{ "i386 ppoll_time64 of 1 s interrupted",
	  { I386, NR32_ppoll_time64, { 0x1000, 1, 0x2000, 0, 8 },
	    { [0] = { true, { 3 } }, [2] = UT_TS(1, 0) }, UT_ERR(514) },
	  true, 0,
	  "\"timing\":{\"kind\":\"wait\",\"clock\":{\"value\":1,\"name\":"
	  "\"CLOCK_MONOTONIC\"},\"mode\":\"relative\",\"timeout_ns\":1000000000,"
	  "\"outcome\":\"interrupted\"}" },
	{ "ppoll with no timeout on a bad address",
	  { X64, NR64_ppoll, { 0x8, 1, 0, 0, 8 }, { [0] = { false } }, UT_ERR(14) },
	  true, 0,
	  "\"timing\":{\"kind\":\"wait\",\"clock\":{\"value\":1,\"name\":"
	  "\"CLOCK_MONOTONIC\"},\"mode\":\"relative\",\"timeout_ns\":null,"
	  "\"outcome\":\"failed\"}" },
	{ "ppoll whose timeout the kernel refuses",
	  { X64, NR64_ppoll, { 0x1000, 1, 0x2000, 0, 8 },
	    { [0] = { true, { 3 } }, [2] = UT_TS(0, 1000000000) }, UT_ERR(22) },
	  true, 0,
	  "\"timing\":{\"kind\":\"wait\",\"clock\":{\"value\":1,\"name\":"
	  "\"CLOCK_MONOTONIC\"},\"mode\":\"relative\",\"timeout_ns\":null,"
	  "\"outcome\":\"failed\"}" },
	{ "poll that never returned: no outcome",
	  { X64, NR64_poll, { 0x1000, 1, 5000 }, { [0] = { true, { 3 } } }, .ret = TR_NONE },
	  false, 0,
	  "\"timing\":{\"kind\":\"wait\",\"clock\":{\"value\":1,\"name\":"
	  "\"CLOCK_MONOTONIC\"},\"mode\":\"relative\",\"timeout_ns\":5000000000,"
	  "\"outcome\":null}" },
	{ "a sleep of 1 s, 5 ns late",
	  { X64, NR64_nanosleep, { 0x1000, 0 }, { [0] = UT_TS(1, 0) }, UT_RET(0) },
	  true, 5,
	  "\"timing\":{\"kind\":\"sleep\",\"clock\":{\"value\":1,\"name\":"
	  "\"CLOCK_MONOTONIC\"},\"mode\":\"relative\",\"requested_ns\":1000000000,"
	  "\"lateness_ns\":5}" },
	{ "timer_settime: a timer armed, its clock unknown",
	  { X64, NR64_timer_settime, { 1, 0, 0x1000, 0 },
	    { [2] = UT_ITS(0, 5000000, 1, 0) }, UT_RET(0) },
	  true, 0,
	  "\"timing\":{\"kind\":\"arm\",\"clock\":null,\"mode\":\"relative\","
	  "\"value_ns\":1000000000,\"interval_ns\":5000000}" },
	{ "clock_gettime: no timing",
	  { X64, NR64_clock_gettime, { 1, 0x1000 }, { [1] = UT_TS(5, 0) }, UT_RET(0) },
	  true, 0, NULL },
};

START_TEST(test_wait_timing)
{
	const typeof(timing_cases[0]) *c = &timing_cases[_i];
	struct tt_event *ev = ut_call_begin(UT_TID, &c->call);
	struct tt_record r;
	const char *out, *at;
	char want[512];

	ut_call_entry(ev);
	if (c->returned) {
		ut_call_exit(ev, &c->call);
		ev->has_lateness = c->late > 0;
		ev->lateness_ns = c->late;
		r = ut_call_record(TT_REC_CALL_EXIT, ev);
	} else {
		/* the thread exits in the middle of the call */
		r = ut_call_record(TT_REC_EXIT, ev);
	}
	tt_render_json.record(&r);
	out = ut_output();
	at = strstr(out, "\"type\":\"call\"");
	ck_assert_msg(at != NULL, "%s: no call event: %s", c->what, out);
	if (!c->want) {
		ck_assert_msg(!strstr(at, "\"timing\""), "%s: %s", c->what, at);
		return;
	}
	/* the timing comes after the return, before the findings */
	snprintf(want, sizeof(want), ",%s,\"findings\":[]}\n", c->want);
	ck_assert_msg(strstr(at, want) != NULL, "%s:\n got: %s\nwant: ...%s",
		      c->what, at, want);
}
END_TEST

Suite *make_json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = ut_tcase(s, "call", ut_render_setup, ut_render_teardown);

	tcase_add_loop_test(tc, test_call, 0, NCASES(json_cases));
	tcase_add_loop_test(tc, test_stack, 0, 2);
	tcase_add_loop_test(tc, test_wait_timing, 0, NCASES(timing_cases));
	tc = ut_tcase(s, "escape", NULL, NULL);
	tcase_add_loop_test(tc, test_escape, 0, NCASES(esc_cases));
	tcase_add_test(tc, test_utf8_len);
	return s;
}
