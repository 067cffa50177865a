/* The JSON Lines renderer: whole events, exactly. */
#include <string.h>

#include "abi.h"
#include "options.h"
#include "render/render.h"
#include "tcb.h"
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
	  "\"message\":\"Invalid argument\",\"restart\":false}},\"findings\":[]}\n" },
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
	  "\"message\":\"Interrupted by signal\",\"restart\":true}},\"findings\":"
	  "[{\"kind\":\"nsec_padding\",\"field\":\"rqtp.tv_nsec\",\"padding\":1}]}\n" },
	{ "time32 sleep on an fd clock, unreadable request, old value not written",
	  { I386, NR32_clock_nanosleep, { (uint32_t)-29, 1, 0xdead, 0x4000 }, { [2] = { false, { 0 } } },
	    UT_RET(0) },
	  "{\"type\":\"call\",\"pid\":100,\"tid\":100,\"name\":\"clock_nanosleep_time32\","
	  "\"family\":\"clock_nanosleep\",\"nr\":267,\"abi\":\"i386\",\"time_width\":32,"
	  "\"args\":{\"which_clock\":{\"value\":-29,\"fd\":3},\"flags\":{\"value\":1,"
	  "\"names\":[\"TIMER_ABSTIME\"],\"unknown\":0},\"rqtp\":{\"addr\":\"0xdead\","
	  "\"unread\":\"unreadable\"},\"rmtp\":{\"addr\":\"0x4000\",\"unread\":"
	  "\"not_written\"}}," T0 ",\"return\":{\"value\":0},\"findings\":[]}\n" },
	{ "restart_syscall names the call it resumes",
	  { X64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(0), .resumes = NR64_clock_nanosleep },
	  "{\"type\":\"call\",\"pid\":100,\"tid\":100,\"name\":\"restart_syscall\","
	  "\"family\":\"restart_syscall\",\"nr\":219,\"abi\":\"x86_64\",\"time_width\":0,"
	  "\"resumes\":\"clock_nanosleep\",\"args\":{}," T0 ",\"return\":{\"value\":0},"
	  "\"findings\":[]}\n" },
};

/* The text renderer writes the call too (ut_call_exit): the JSON event is
 * the last line of the stream. */
START_TEST(test_call)
{
	const struct ut_case *c = &json_cases[_i];
	struct tcb *tcp = ut_call_begin(UT_TID, &c->call);
	const char *out, *last;

	ut_call_entry(tcp);
	ut_call_exit(tcp, &c->call);
	tt_render_json.syscall_exit(tcp);
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
	struct tcb *tcp = ut_call_begin(UT_TID, &call);
	const char *out;

	tcp->ev.stack = (struct tt_stack){ .captured = true, .n = 2, .f = {
		{ .pc = 0x7f00000011f7, .file_off = 0x11f7, .sym_off = 62,
		  .module = "/t/chain", .symbol = "f3", .file = "/t/chain.c",
		  .line = 32 },
		{ .pc = 0x1002 },
	} };
	ut_call_entry(tcp);
	ut_call_exit(tcp, &call);
	tt_opt.stack = _i + 1;
	tt_render_json.syscall_exit(tcp);
	tt_opt.stack = 0;
	out = ut_output();
	ck_assert_msg(strlen(out) > strlen(want[_i]) &&
		      strcmp(out + strlen(out) - strlen(want[_i]), want[_i]) == 0,
		      "-k%s: the event ends\n%s\nnot\n%s", _i ? "k" : "",
		      strrchr(out, ',') ? out : "", want[_i]);
}
END_TEST

Suite *make_json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = ut_tcase(s, "call", ut_render_setup, ut_render_teardown);

	tcase_add_loop_test(tc, test_call, 0, NCASES(json_cases));
	tcase_add_loop_test(tc, test_stack, 0, 2);
	return s;
}
