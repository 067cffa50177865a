/* ttrace unit tests: the --timeline renderer (Chrome Trace Event JSON)
 * driven by records: a sleep's span, a wait's span and outcome, a
 * thread's track named once, the names dropped when a thread leaves and
 * at an execve; a timerfd read's span, and the flows from a timer's
 * arming to its firings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abi.h"
#include "render/render.h"
#include "render/timeline.h"
#include "nr-tables.h"
#include "unit.h"

static char path[64];

static void tl_setup(void)
{
	ut_render_setup();
	snprintf(path, sizeof(path), "/tmp/ttrace-unit-%d.timeline", (int)getpid());
	ck_assert_int_eq(tt_timeline_open(path), 0);
}

static void tl_teardown(void)
{
	tt_render_timeline.finish();	/* idempotent: closes the file */
	unlink(path);
	ut_render_teardown();
}

/* Ends the timeline and returns the file's text (free it). */
static char *timeline(void)
{
	FILE *f;
	char *text = calloc(1, 65536);
	size_t n;

	tt_render_timeline.finish();
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(text, 1, 65535, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static unsigned count(const char *text, const char *what)
{
	unsigned n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* A record of tid's process (pid 100) named "prog". */
static struct tt_record rec(enum tt_record_kind kind, pid_t tid,
			    const struct tt_timestamps *ts)
{
	struct tt_record r = ut_record(kind, tid, ts);

	r.pid = UT_TID;
	r.comm = tid == UT_TID ? "prog" : "worker";
	r.proc_comm = "prog";
	return r;
}

static void feed(struct tt_record r, const struct tt_event *ev)
{
	r.ev = ev;
	tt_render_timeline.record(&r);
}

static const struct ut_call sleep_1s = {
	&tt_abi_x86_64, NR64_clock_nanosleep, { 0, 0, 0x1000, 0 },
	{ [2] = UT_TS(1, 0) }, UT_RET(0)
};

#define TRACK(tid, comm) \
	"{\"ph\":\"M\",\"cat\":\"__metadata\",\"name\":\"process_name\"," \
	"\"pid\":100,\"tid\":" #tid ",\"ts\":0.000,\"args\":{\"name\":\"prog (pid 100)\"}}\n" \
	",{\"ph\":\"M\",\"cat\":\"__metadata\",\"name\":\"thread_name\"," \
	"\"pid\":100,\"tid\":" #tid ",\"ts\":0.000,\"args\":{\"name\":\"" comm \
	" (pid 100, tid " #tid ")\"}}\n"

/* clock_nanosleep from 100.5 s to 101.75 s: the track's names at the
 * entry, then one "X" span of 1.25 s at the exit. */
START_TEST(test_sleep_span)
{
	struct tt_event *ev = ut_call_begin(UT_TID, &sleep_1s);
	char *text;

	ev->t_entry = (struct tt_timestamps){ { 7, 0 }, { 100, 500000000 }, { 0, 0 } };
	ev->t_exit = (struct tt_timestamps){ { 8, 0 }, { 101, 750000000 }, { 0, 0 } };
	ut_call_entry(ev);
	feed(rec(TT_REC_CALL_ENTRY, UT_TID, &ev->t_entry), ev);
	ut_call_exit(ev, &sleep_1s);
	feed(rec(TT_REC_CALL_EXIT, UT_TID, &ev->t_exit), ev);
	text = timeline();
	ck_assert_str_eq(text, "[\n" TRACK(100, "prog")
		",{\"ph\":\"X\",\"cat\":\"sleep\",\"name\":\"clock_nanosleep\","
		"\"pid\":100,\"tid\":100,\"ts\":0.000,\"dur\":1250000.000,"
		"\"args\":{\"syscall\":\"clock_nanosleep\",\"abi\":\"x86_64\","
		"\"return\":0,\"clock\":\"CLOCK_REALTIME\",\"mode\":\"relative\","
		"\"requested_ns\":1000000000}}\n]\n");
	free(text);
}
END_TEST

/* A thread's first record names its track; the records after it do
 * not, whatever their kind. */
START_TEST(test_named_once)
{
	struct tt_timestamps ts = { { 0, 0 }, { 5, 0 }, { 0, 0 } };
	struct tt_record stop = rec(TT_REC_GROUP_STOP, 200, &ts);
	struct tt_record abi = rec(TT_REC_ABI, 200, &ts);
	char *text;

	stop.sig = SIGSTOP;
	feed(stop, NULL);
	feed(abi, NULL);
	feed(stop, NULL);
	text = timeline();
	ck_assert_str_eq(text, "[\n" TRACK(200, "worker")
		",{\"ph\":\"i\",\"cat\":\"thread\",\"name\":\"stopped\",\"pid\":100,"
		"\"tid\":200,\"ts\":0.000,\"s\":\"t\",\"args\":{\"signal\":\"SIGSTOP\"}}\n"
		",{\"ph\":\"i\",\"cat\":\"thread\",\"name\":\"abi\",\"pid\":100,"
		"\"tid\":200,\"ts\":0.000,\"s\":\"t\",\"args\":{\"abi\":\"x86_64\"}}\n"
		",{\"ph\":\"i\",\"cat\":\"thread\",\"name\":\"stopped\",\"pid\":100,"
		"\"tid\":200,\"ts\":0.000,\"s\":\"t\",\"args\":{\"signal\":\"SIGSTOP\"}}\n"
		"]\n");
	free(text);
}
END_TEST

/* The names of a thread are dropped with it: a thread that exited, was
 * detached or forgotten, and a later one with its tid, get names anew;
 * an execve names the tracks again (the new program's comm). */
START_TEST(test_state_dropped)
{
	static const enum tt_record_kind leaves[] = {
		TT_REC_EXIT, TT_REC_DETACHED, TT_REC_GONE, TT_REC_EXEC,
	};
	struct tt_timestamps ts = { { 0, 0 }, { 5, 0 }, { 0, 0 } };
	struct tt_record first = rec(TT_REC_NEW_TRACEE, 200, &ts);
	struct tt_record leave = rec(leaves[_i], 200, &ts);
	struct tt_record again = rec(TT_REC_NEW_TRACEE, 200, &ts);
	char *text;

	first.parent = again.parent = UT_TID;
	feed(first, NULL);
	feed(leave, NULL);
	feed(again, NULL);
	text = timeline();
	ck_assert_uint_eq(count(text, "\"thread_name\""), 2);
	ck_assert_uint_eq(count(text, "\"process_name\""), 2);
	free(text);
}
END_TEST

/* A thread killed in the middle of a sleep: the span ends at its exit,
 * marked unfinished, and no call is left behind. */
START_TEST(test_killed_mid_sleep)
{
	struct tt_event *ev = ut_call_begin(UT_TID, &sleep_1s);
	struct tt_timestamps at = { { 0, 0 }, { 3, 0 }, { 0, 0 } };
	struct tt_record killed = rec(TT_REC_EXIT, UT_TID, &at);
	char *text;

	ev->t_entry = (struct tt_timestamps){ { 0, 0 }, { 2, 0 }, { 0, 0 } };
	ut_call_entry(ev);
	feed(rec(TT_REC_CALL_ENTRY, UT_TID, &ev->t_entry), ev);
	killed.status = SIGKILL;
	feed(killed, ev);
	text = timeline();
	ck_assert_msg(strstr(text, "\"dur\":1000000.000,") &&
		      strstr(text, "\"unfinished\":\"killed\"") &&
		      strstr(text, "\"name\":\"process exit\""), "%s", text);
	free(text);
}
END_TEST

/* Waits are spans of category "wait", named with how they ended, from
 * their entry at 100.5 s to their exit at 100.5205 s. */
static const struct {
	const char *what;
	struct ut_call call;
	int64_t late;		/* > 0: measured */
	const char *want;	/* the span */
} wait_cases[] = {
	{ "poll of 20 ms that timed out",
	  { &tt_abi_x86_64, NR64_poll, { 0x1000, 1, 20 }, { [0] = { true, { 3 } } }, UT_RET(0) },
	  500000,
	  ",{\"ph\":\"X\",\"cat\":\"wait\",\"name\":\"poll (timed out)\","
	  "\"pid\":100,\"tid\":100,\"ts\":0.000,\"dur\":20500.000,"
	  "\"args\":{\"syscall\":\"poll\",\"abi\":\"x86_64\",\"return\":0,"
	  "\"clock\":\"CLOCK_MONOTONIC\",\"mode\":\"relative\",\"timeout_ns\":20000000,"
	  "\"outcome\":\"timed_out\",\"lateness_ns\":500000}}\n" },
	{ "poll with no timeout, ready",
	  { &tt_abi_x86_64, NR64_poll, { 0x1000, 1, (uint32_t)-1 }, { [0] = { true, { 3 } } }, UT_RET(1) },
	  0,
	  ",{\"ph\":\"X\",\"cat\":\"wait\",\"name\":\"poll (ready)\","
	  "\"pid\":100,\"tid\":100,\"ts\":0.000,\"dur\":20500.000,"
	  "\"args\":{\"syscall\":\"poll\",\"abi\":\"x86_64\",\"return\":1,"
	  "\"clock\":\"CLOCK_MONOTONIC\",\"mode\":\"relative\",\"timeout_ns\":null,"
	  "\"outcome\":\"ready\"}}\n" },
	{ "ppoll of 1 s interrupted",
	  { &tt_abi_x86_64, NR64_ppoll, { 0x1000, 1, 0x2000, 0, 8 },
	    { [0] = { true, { 3 } }, [2] = UT_TS(1, 0) }, UT_ERR(514) },
	  0,
	  ",{\"ph\":\"X\",\"cat\":\"wait\",\"name\":\"ppoll (interrupted)\","
	  "\"pid\":100,\"tid\":100,\"ts\":0.000,\"dur\":20500.000,"
	  "\"args\":{\"syscall\":\"ppoll\",\"abi\":\"x86_64\",\"error\":\"ERESTARTNOHAND\","
	  "\"clock\":\"CLOCK_MONOTONIC\",\"mode\":\"relative\",\"timeout_ns\":1000000000,"
	  "\"outcome\":\"interrupted\"}}\n" },
	{ "i386 poll on a bad address",
	  { &tt_abi_i386, NR32_poll, { 0x8, 1, 10 }, { [0] = { false } }, UT_ERR(14) },
	  0,
	  ",{\"ph\":\"X\",\"cat\":\"wait\",\"name\":\"poll (failed)\","
	  "\"pid\":100,\"tid\":100,\"ts\":0.000,\"dur\":20500.000,"
	  "\"args\":{\"syscall\":\"poll\",\"abi\":\"i386\",\"error\":\"EFAULT\","
	  "\"clock\":\"CLOCK_MONOTONIC\",\"mode\":\"relative\",\"timeout_ns\":10000000,"
	  "\"outcome\":\"failed\"}}\n" },
};

START_TEST(test_wait_span)
{
	struct tt_event *ev = ut_call_begin(UT_TID, &wait_cases[_i].call);
	char *text, want[1024];

	ev->t_entry = (struct tt_timestamps){ { 7, 0 }, { 100, 500000000 }, { 0, 0 } };
	ev->t_exit = (struct tt_timestamps){ { 7, 20500000 }, { 100, 520500000 }, { 0, 0 } };
	ut_call_entry(ev);
	feed(rec(TT_REC_CALL_ENTRY, UT_TID, &ev->t_entry), ev);
	ut_call_exit(ev, &wait_cases[_i].call);
	ev->has_lateness = wait_cases[_i].late > 0;
	ev->lateness_ns = wait_cases[_i].late;
	feed(rec(TT_REC_CALL_EXIT, UT_TID, &ev->t_exit), ev);
	text = timeline();
	snprintf(want, sizeof(want), "[\n" TRACK(100, "prog") "%s]\n",
		 wait_cases[_i].want);
	ck_assert_msg(strcmp(text, want) == 0, "%s:\n got: %s\nwant: %s",
		      wait_cases[_i].what, text, want);
	free(text);
}
END_TEST

/* A wait its thread never returned from ends with the thread, no
 * outcome; a poll a signal interrupted and restart_syscall resumed is a
 * second span of category wait, named restart_syscall, with the poll's
 * clock and timeout. */
START_TEST(test_wait_unfinished_and_resumed)
{
	static const struct ut_call poll_5s = {
		&tt_abi_x86_64, NR64_poll, { 0x1000, 1, 5000 }, { [0] = { true, { 3 } } },
		UT_ERR(516)
	};
	static const struct ut_call restart = {
		&tt_abi_x86_64, NR64_restart_syscall, { 0 }, { { 0 } }, UT_RET(0),
		.resumes = NR64_poll
	};
	struct tt_event *ev = ut_call_begin(UT_TID, &poll_5s), *again;
	struct tt_timestamps at = { { 0, 0 }, { 3, 0 }, { 0, 0 } };
	struct tt_record killed = rec(TT_REC_EXIT, UT_TID, &at), r;
	char *text;

	ev->t_entry = (struct tt_timestamps){ { 0, 0 }, { 2, 0 }, { 0, 0 } };
	ut_call_entry(ev);
	feed(rec(TT_REC_CALL_ENTRY, UT_TID, &ev->t_entry), ev);
	ut_call_exit(ev, &poll_5s);	/* interrupted: ERESTART_RESTARTBLOCK */
	again = ut_call_begin(UT_TID, &restart);
	again->t_entry = (struct tt_timestamps){ { 0, 0 }, { 2, 500000000 }, { 0, 0 } };
	again->t_exit = again->t_entry;
	ut_call_entry(again);
	ut_call_exit(again, &restart);
	r = rec(TT_REC_CALL_EXIT, UT_TID, &again->t_exit);
	r.resumed = ev;
	feed(r, again);
	ev = ut_call_begin(UT_TID, &poll_5s);
	ev->t_entry = (struct tt_timestamps){ { 0, 0 }, { 2, 750000000 }, { 0, 0 } };
	ut_call_entry(ev);
	killed.status = SIGKILL;
	feed(killed, ev);
	text = timeline();
	ck_assert_msg(strstr(text,
		",{\"ph\":\"X\",\"cat\":\"wait\",\"name\":\"restart_syscall\","
		"\"pid\":100,\"tid\":100,\"ts\":500000.000,\"dur\":0.000,"
		"\"args\":{\"syscall\":\"restart_syscall\",\"abi\":\"x86_64\",\"return\":0,"
		"\"resumes\":\"poll\",\"clock\":\"CLOCK_MONOTONIC\",\"mode\":\"relative\","
		"\"timeout_ns\":5000000000}}\n") &&
		strstr(text,
		",{\"ph\":\"X\",\"cat\":\"wait\",\"name\":\"poll\","
		"\"pid\":100,\"tid\":100,\"ts\":750000.000,\"dur\":250000.000,"
		"\"args\":{\"syscall\":\"poll\",\"abi\":\"x86_64\",\"clock\":\"CLOCK_MONOTONIC\","
		"\"mode\":\"relative\",\"timeout_ns\":5000000000,\"unfinished\":\"killed\"}}\n"),
		"%s", text);
	free(text);
}
END_TEST

/* --- timers followed from arming to firing ---------------------------- */

/* Call c by UT_TID from 100 s + at_ms to 100 s + end_ms (monotonic). */
static void call_at(const struct ut_call *c, unsigned at_ms, unsigned end_ms)
{
	struct tt_event *ev = ut_call_begin(UT_TID, c);

	ev->t_entry = (struct tt_timestamps){ { 0, 0 }, { 100, at_ms * 1000000L }, { 0, 0 } };
	ev->t_exit = (struct tt_timestamps){ { 0, 0 }, { 100, end_ms * 1000000L }, { 0, 0 } };
	ut_call_entry(ev);
	feed(rec(TT_REC_CALL_ENTRY, UT_TID, &ev->t_entry), ev);
	ut_call_exit(ev, c);
	feed(rec(TT_REC_CALL_EXIT, UT_TID, &ev->t_exit), ev);
}

/* A SIGUSR1 of POSIX timer id delivered to UT_TID at 100 s + at_ms. */
static void timer_signal(int32_t id, unsigned at_ms)
{
	struct tt_timestamps ts = { { 0, 0 }, { 100, at_ms * 1000000L }, { 0, 0 } };
	struct tt_record r = rec(TT_REC_SIGNAL, UT_TID, &ts);
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_TIMER;
	si.si_timerid = id;
	r.si = &si;
	feed(r, NULL);
}

/* The flow events of text, one per line, in order: "s1 f1 ...". */
static char *flows_of(const char *text)
{
	static char got[256];
	size_t n = 0;

	got[0] = '\0';
	for (const char *p = text; (p = strstr(p, "{\"ph\":\"")); p++) {
		const char *id = strstr(p, "\"id\":");
		char ph = p[7];

		if ((ph != 's' && ph != 'f') || !id || strchr(p, '\n') < id)
			continue;
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%c%ld",
				      n ? " " : "", ph, strtol(id + 5, NULL, 10));
	}
	return got;
}

static const struct ut_call timer_arm = {	/* timer 9: 1 s, then every 0.5 s */
	&tt_abi_x86_64, NR64_timer_settime, { 9, 0, 0x1000, 0 },
	{ [2] = UT_ITS(0, 500000000, 1, 0) }, UT_RET(0)
};
static const struct ut_call timer_disarm = {
	&tt_abi_x86_64, NR64_timer_settime, { 9, 0, 0x1000, 0 },
	{ [2] = UT_ITS(0, 500000000, 0, 0) }, UT_RET(0)
};
static const struct ut_call timer_arm_fails = {
	&tt_abi_x86_64, NR64_timer_settime, { 9, 0, 0x1000, 0 },
	{ [2] = UT_ITS(0, 0, 1, 0) }, UT_ERR(22)
};
static const struct ut_call timer_del = {
	&tt_abi_x86_64, NR64_timer_delete, { 9 }, { { 0 } }, UT_RET(0)
};
static const struct ut_call tfd_arm = {		/* fd 5: once, 250 ms */
	&tt_abi_x86_64, NR64_timerfd_settime, { 5, 0, 0x1000, 0 },
	{ [2] = UT_ITS(0, 0, 0, 250000000) }, UT_RET(0)
};
static const struct ut_call tfd_read = {	/* fd 5: 3 expirations */
	&tt_abi_x86_64, NR64_read, { 5, 0x2000, 8 }, { [1] = { true, { 3 } } },
	UT_RET(8)
};
static const struct ut_call tfd_read_eagain = {
	&tt_abi_x86_64, NR64_read, { 5, 0x2000, 8 }, { [1] = { false } },
	UT_ERR(11)
};
static const struct ut_call tfd_read6 = {
	&tt_abi_x86_64, NR64_read, { 6, 0x2000, 8 }, { [1] = { true, { 1 } } },
	UT_RET(8)
};
static const struct ut_call tfd_create = {	/* returns fd 5 again */
	&tt_abi_x86_64, NR64_timerfd_create, { 1, 0 }, { { 0 } }, UT_RET(5)
};

/* timer_settime arms timer 9 at 0-1 ms: a span, then a flow start at its
 * entry; its signals at 300 and 800 ms each end that flow in their
 * instant; a signal of timer 7 ends none. */
START_TEST(test_timer_flow_exact)
{
	char *text;

	call_at(&timer_arm, 0, 1);
	timer_signal(9, 300);
	timer_signal(7, 400);
	timer_signal(9, 800);
	text = timeline();
	ck_assert_msg(strstr(text,
		",{\"ph\":\"X\",\"cat\":\"settime\",\"name\":\"timer_settime\","
		"\"pid\":100,\"tid\":100,\"ts\":0.000,\"dur\":1000.000,"
		"\"args\":{\"syscall\":\"timer_settime\",\"abi\":\"x86_64\",\"return\":0,"
		"\"mode\":\"relative\",\"value_ns\":1000000000,\"interval_ns\":500000000,"
		"\"call\":") &&
		strstr(text, "}}}\n"
		",{\"ph\":\"s\",\"cat\":\"timer\",\"name\":\"timer\","
		"\"pid\":100,\"tid\":100,\"ts\":0.000,\"id\":1}\n"
		",{\"ph\":\"i\",\"cat\":\"timer_signal\",\"name\":\"SIGUSR1\","
		"\"pid\":100,\"tid\":100,\"ts\":300000.000,\"s\":\"t\","
		"\"args\":{\"signo\":10,\"code\":\"SI_TIMER\",\"timerid\":9,"
		"\"overrun\":0,\"int\":0}}\n"
		",{\"ph\":\"f\",\"cat\":\"timer\",\"name\":\"timer\","
		"\"pid\":100,\"tid\":100,\"ts\":300000.000,\"id\":1,\"bp\":\"e\"}\n"
		",{\"ph\":\"i\",\"cat\":\"timer_signal\",\"name\":\"SIGUSR1\","
		"\"pid\":100,\"tid\":100,\"ts\":400000.000,\"s\":\"t\","
		"\"args\":{\"signo\":10,\"code\":\"SI_TIMER\",\"timerid\":7,"
		"\"overrun\":0,\"int\":0}}\n"
		",{\"ph\":\"i\",\"cat\":\"timer_signal\",\"name\":\"SIGUSR1\","
		"\"pid\":100,\"tid\":100,\"ts\":800000.000,\"s\":\"t\","
		"\"args\":{\"signo\":10,\"code\":\"SI_TIMER\",\"timerid\":9,"
		"\"overrun\":0,\"int\":0}}\n"
		",{\"ph\":\"f\",\"cat\":\"timer\",\"name\":\"timer\","
		"\"pid\":100,\"tid\":100,\"ts\":800000.000,\"id\":1,\"bp\":\"e\"}\n]\n"),
		"%s", text);
	free(text);
}
END_TEST

/* A read of timerfd 5 from 10 to 260 ms that returned 3 expirations: a
 * span, then the finish of the flow timerfd_settime started, at its
 * exit. */
START_TEST(test_timerfd_read_exact)
{
	char *text;

	call_at(&tfd_arm, 0, 1);
	call_at(&tfd_read, 10, 260);
	text = timeline();
	ck_assert_msg(strstr(text,
		",{\"ph\":\"s\",\"cat\":\"timer\",\"name\":\"timer\","
		"\"pid\":100,\"tid\":100,\"ts\":0.000,\"id\":1}\n"
		",{\"ph\":\"X\",\"cat\":\"timerfd\",\"name\":\"read\","
		"\"pid\":100,\"tid\":100,\"ts\":10000.000,\"dur\":250000.000,"
		"\"args\":{\"syscall\":\"read\",\"abi\":\"x86_64\",\"return\":8,"
		"\"fd\":5,\"expirations\":3,\"call\":{\"fd\":5,"
		"\"buf\":{\"addr\":\"0x2000\",\"value\":[3]},\"count\":8}}}\n"
		",{\"ph\":\"f\",\"cat\":\"timer\",\"name\":\"timer\","
		"\"pid\":100,\"tid\":100,\"ts\":260000.000,\"id\":1,\"bp\":\"e\"}\n]\n"),
		"%s", text);
	free(text);
}
END_TEST

/* Which firings link to which arming: the latest successful arming of
 * the same timer of the same process, none after a disarm, a delete, a
 * create that returns the number again, an execve (POSIX timers only) or
 * the end of the process. */
static const struct {
	const char *what;
	const struct ut_call *calls[4];	/* at 0-1 ms, 2-3 ms ... */
	enum tt_record_kind between;	/* then this record of the leader
					 * (TT_REC_CALL_ENTRY: none) */
	const char *want;		/* the flows, after a signal of
					 * timer 9 and a read of fd 5 */
} flow_cases[] = {
	{ "armed twice: the second flow", { &timer_arm, &tfd_arm, &timer_arm, &tfd_arm },
	  TT_REC_CALL_ENTRY, "s1 s2 s3 s4 f3 f4" },
	{ "a failed settime changes nothing", { &timer_arm, &tfd_arm, &timer_arm_fails },
	  TT_REC_CALL_ENTRY, "s1 s2 f1 f2" },
	{ "disarmed", { &timer_arm, &tfd_arm, &timer_disarm }, TT_REC_CALL_ENTRY, "s1 s2 f2" },
	{ "deleted, created again", { &timer_arm, &tfd_arm, &timer_del, &tfd_create },
	  TT_REC_CALL_ENTRY, "s1 s2" },
	{ "a read that failed, or of another fd", { &timer_arm, &tfd_arm, &tfd_read_eagain, &tfd_read6 },
	  TT_REC_CALL_ENTRY, "s1 s2 f1 f2" },
	{ "execve", { &timer_arm, &tfd_arm }, TT_REC_EXEC, "s1 s2 f2" },
	{ "exit", { &timer_arm, &tfd_arm }, TT_REC_EXIT, "s1 s2" },
	{ "detached", { &timer_arm, &tfd_arm }, TT_REC_DETACHED, "s1 s2" },
	{ "forgotten", { &timer_arm, &tfd_arm }, TT_REC_GONE, "s1 s2" },
};

START_TEST(test_flow_rules)
{
	struct tt_timestamps ts = { { 0, 0 }, { 100, 500000000 }, { 0, 0 } };
	unsigned at = 0;
	char *text;

	for (unsigned i = 0; i < 4 && flow_cases[_i].calls[i]; i++, at += 2)
		call_at(flow_cases[_i].calls[i], at, at + 1);
	if (flow_cases[_i].between != TT_REC_CALL_ENTRY)
		feed(rec(flow_cases[_i].between, UT_TID, &ts), NULL);
	timer_signal(9, 600);
	call_at(&tfd_read, 700, 710);
	text = timeline();
	ck_assert_msg(strcmp(flows_of(text), flow_cases[_i].want) == 0,
		      "%s: flows %s, want %s\n%s", flow_cases[_i].what,
		      flows_of(text), flow_cases[_i].want, text);
	free(text);
}
END_TEST

Suite *make_timeline_suite(void)
{
	Suite *s = suite_create("timeline");
	TCase *tc = ut_tcase(s, "records", tl_setup, tl_teardown);

	tcase_add_test(tc, test_sleep_span);
	tcase_add_test(tc, test_named_once);
	tcase_add_loop_test(tc, test_state_dropped, 0, 4);
	tcase_add_test(tc, test_killed_mid_sleep);
	tcase_add_loop_test(tc, test_wait_span, 0, NCASES(wait_cases));
	tcase_add_test(tc, test_wait_unfinished_and_resumed);
	tcase_add_test(tc, test_timer_flow_exact);
	tcase_add_test(tc, test_timerfd_read_exact);
	tcase_add_loop_test(tc, test_flow_rules, 0, NCASES(flow_cases));
	return s;
}
