/* ttrace unit tests: the command line.
 *
 * getopt keeps its place in globals: optind = 0 makes glibc start over.
 * tt_opt is cleared (and its pids freed) around every test.  Parsing
 * without -e selects every call (src/cli/select.c), which only grows; the
 * selection itself is tested in check_select.c. */
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "options.h"
#include "unit.h"

#define MAX_ARGV 12
#define TRY "Try 'ttrace --help' for more information.\n"
#define LATE_FORMS "(a duration with a unit: 500us, 2ms, 1s; units ns, us, " \
	"ms, s; or pN:DURATION, a budget for the Nth percentile, N from 1 to " \
	"100: p99:2ms)"

static char *argv_copy[MAX_ARGV + 1];	/* tt_opt.argv points in here */
static char *out_text, *err_text;	/* stdout and stderr of the parse */

static void options_setup(void)
{
	memset(&tt_opt, 0, sizeof(tt_opt));
	optind = 0;
	out_text = err_text = NULL;
}

static void options_teardown(void)
{
	free(tt_opt.pids);
	free(out_text);
	free(err_text);
	options_setup();
}

/* args: NULL-terminated, from "ttrace". */
static int parse(const char *const *args)
{
	struct ut_capture out, err;
	int argc = 0, ret;

	while (args[argc]) {
		ck_assert_int_lt(argc, MAX_ARGV);
		argv_copy[argc] = (char *)args[argc];
		argc++;
	}
	argv_copy[argc] = NULL;
	ut_capture_begin(&out, 1);
	ut_capture_begin(&err, 2);
	ret = tt_options_parse(argc, argv_copy);
	err_text = ut_capture_end(&err);
	out_text = ut_capture_end(&out);
	return ret;
}

/* --- usage errors: exit status 2, named --------------------------------- */

static const struct error_case {
	const char *args[8];
	const char *err;
} error_cases[] = {
	{ { "ttrace" }, "ttrace: must have COMMAND [ARGS...] or -p PID\n" TRY },
	{ { "ttrace", "-t" }, "ttrace: must have COMMAND [ARGS...] or -p PID\n" TRY },
	{ { "ttrace", "--" }, "ttrace: must have COMMAND [ARGS...] or -p PID\n" TRY },
	{ { "ttrace", "-j", "true" }, "ttrace: invalid option -- 'j'\n" TRY },
	{ { "ttrace", "-tj", "true" }, "ttrace: invalid option -- 'j'\n" TRY },
	{ { "ttrace", "-a", "x", "true" }, "ttrace: invalid -a value 'x' (0 to 1000)\n" TRY },
	{ { "ttrace", "-s", "-1", "true" }, "ttrace: invalid -s value '-1' (0 to 1024)\n" TRY },
	{ { "ttrace", "-X", "raw", "true" },
	  "ttrace: -X raw: ttrace shows constants by name (-X abbrev) only\n" TRY },
	{ { "ttrace", "-e", "trace=/[", "true" },
	  "ttrace: invalid regular expression '[': Invalid regular expression\n" TRY },
	{ { "ttrace", "--bogus", "true" }, "ttrace: unrecognized option '--bogus'\n" TRY },
	{ { "ttrace", "--toctou=maybe", "true" },
	  "ttrace: invalid --toctou value 'maybe' (on or off)\n" TRY },
	{ { "ttrace", "--seccomp=1", "true" },
	  "ttrace: invalid --seccomp value '1' (on or off)\n" TRY },
	{ { "ttrace", "--json=yes", "true" },
	  "ttrace: option '--json' doesn't allow an argument\n" TRY },
	{ { "ttrace", "--output" }, "ttrace: option '--output' requires an argument\n" TRY },
	{ { "ttrace", "-p", "notapid" }, "ttrace: invalid process id: 'notapid'\n" TRY },
	{ { "ttrace", "-p", "12,x" }, "ttrace: invalid process id: 'x'\n" TRY },
	{ { "ttrace", "-p", "0" }, "ttrace: invalid process id: '0'\n" TRY },
	{ { "ttrace", "-p", "-5" }, "ttrace: invalid process id: '-5'\n" TRY },
	{ { "ttrace", "-p", "12x" }, "ttrace: invalid process id: '12x'\n" TRY },
	{ { "ttrace", "-p", "2147483648" }, "ttrace: invalid process id: '2147483648'\n" TRY },
	{ { "ttrace", "-p", "," }, "ttrace: invalid process id: ','\n" TRY },
	{ { "ttrace", "-p", "12", "true" }, "ttrace: -p and a COMMAND cannot be combined\n" TRY },
	{ { "ttrace", "-p", "12", "--", "true" }, "ttrace: -p and a COMMAND cannot be combined\n" TRY },
	{ { "ttrace", "-o" }, "ttrace: option requires an argument -- 'o'\n" TRY },
	{ { "ttrace", "-p" }, "ttrace: option requires an argument -- 'p'\n" TRY },
	{ { "ttrace", "-k", "--stack-depth=0", "true" },
	  "ttrace: invalid --stack-depth value '0' (1 to 64)\n" TRY },
	{ { "ttrace", "-k", "--stack-depth=65", "true" },
	  "ttrace: invalid --stack-depth value '65' (1 to 64)\n" TRY },
	{ { "ttrace", "-k", "--stack-depth=3x", "true" },
	  "ttrace: invalid --stack-depth value '3x' (1 to 64)\n" TRY },
	{ { "ttrace", "-k", "--stack-depth=", "true" },
	  "ttrace: invalid --stack-depth value '' (1 to 64)\n" TRY },
	{ { "ttrace", "--stack-depth=3", "true" }, "ttrace: --stack-depth needs -k\n" TRY },
	{ { "ttrace", "-e", "abbrev=none", "true" },
	  "ttrace: unsupported -e expression 'abbrev=none' (ttrace knows "
	  "trace=, status= and signal=)\n" TRY },
	{ { "ttrace", "-e", "quiet=attach", "true" },
	  "ttrace: -e quiet=attach: ttrace has no quiet= sets (-q: no attach, "
	  "detach or ABI messages; -qq: no exits either)\n" TRY },
	/* strace's sets: a bad name, an empty set, "all" inside a list */
	{ { "ttrace", "-e", "status=bogus", "true" }, "ttrace: invalid status 'bogus'\n" TRY },
	{ { "ttrace", "-e", "status=", "true" }, "ttrace: invalid status ''\n" TRY },
	{ { "ttrace", "--status=all,failed", "true" }, "ttrace: invalid status 'all'\n" TRY },
	{ { "ttrace", "-e", "signal=bogus", "true" }, "ttrace: invalid signal 'bogus'\n" TRY },
	{ { "ttrace", "-e", "signal=", "true" }, "ttrace: invalid signal ''\n" TRY },
	{ { "ttrace", "--signal=all,!USR1", "true" }, "ttrace: invalid signal 'all'\n" TRY },
	{ { "ttrace", "--signal=256", "true" }, "ttrace: invalid signal '256'\n" TRY },
	{ { "ttrace", "--signal=-1", "true" }, "ttrace: invalid signal '-1'\n" TRY },
	{ { "ttrace", "--signal=SIG", "true" }, "ttrace: invalid signal 'SIG'\n" TRY },
	{ { "ttrace", "-e", "trace=", "true" }, "ttrace: -e trace= needs at least one name\n" TRY },
	/* -ff: a file per thread, not with -c, a pipe or JSON */
	{ { "ttrace", "-ff", "-c", "-o", "F", "true" },
	  "ttrace: -c and -ff are mutually exclusive\n" TRY },
	{ { "ttrace", "-c", "--output-separately", "true" },
	  "ttrace: -c and -ff are mutually exclusive\n" TRY },
	{ { "ttrace", "-C", "-ff", "-o", "F", "true" },
	  "ttrace: -C and -ff are mutually exclusive\n" TRY },
	/* -c is the summary alone, -C the trace and the summary */
#define C_AND_C "ttrace: -c and -C are mutually exclusive (-c: the summary " \
	"only; -C: the trace and the summary)\n" TRY
	{ { "ttrace", "-c", "-C", "true" }, C_AND_C },
	{ { "ttrace", "--summary", "--summary-only", "true" }, C_AND_C },
	{ { "ttrace", "--diff", "-C", "A", "B" },
	  "ttrace: --diff runs nothing: -C cannot be used with it\n" TRY },
	{ { "ttrace", "-ff", "-o", "|cat", "true" },
	  "ttrace: piping the output and -ff are mutually exclusive\n" TRY },
	{ { "ttrace", "-f", "-o", "!cat", "-f", "true" },
	  "ttrace: piping the output and -ff are mutually exclusive\n" TRY },
	{ { "ttrace", "--json", "-ff", "-o", "F", "true" },
	  "ttrace: --json and -ff are mutually exclusive (a JSON line names "
	  "its thread)\n" TRY },
	{ { "ttrace", "--output-separately=1", "true" },
	  "ttrace: option '--output-separately' doesn't allow an argument\n" TRY },
	{ { "ttrace", "-e", "trace=bogus", "true" },
	  "ttrace: invalid system call 'bogus': " UT_CALLS TRY },
	{ { "ttrace", "--trace=gettimeofday", "true" },
	  "ttrace: invalid system call 'gettimeofday': " UT_CALLS TRY },
	/* --max-lateness: DURATION or pN:DURATION, N from 1 to 100 */
	{ { "ttrace", "--check=P", "--max-lateness=p0:1ms", "true" },
	  "ttrace: invalid --max-lateness 'p0:1ms' " LATE_FORMS "\n" TRY },
	{ { "ttrace", "--check=P", "--max-lateness=p101:1ms", "true" },
	  "ttrace: invalid --max-lateness 'p101:1ms' " LATE_FORMS "\n" TRY },
	{ { "ttrace", "--check=P", "--max-lateness=1ms,p99", "true" },
	  "ttrace: invalid --max-lateness 'p99' " LATE_FORMS "\n" TRY },
	{ { "ttrace", "--check=P", "--max-lateness=p99:5", "true" },
	  "ttrace: invalid --max-lateness 'p99:5' " LATE_FORMS "\n" TRY },
	{ { "ttrace", "--check=P", "--max-lateness=p 9:5ms", "true" },
	  "ttrace: invalid --max-lateness 'p 9:5ms' " LATE_FORMS "\n" TRY },
	{ { "ttrace", "--check=P", "--max-lateness=p09:5ms", "true" },
	  "ttrace: invalid --max-lateness 'p09:5ms' " LATE_FORMS "\n" TRY },
	{ { "ttrace", "--check=P", "--max-lateness=,", "true" },
	  "ttrace: invalid --max-lateness ',' " LATE_FORMS "\n" TRY },
	/* --timestamps: a bad word, a key without its word, -t beside it,
	 * a clock without a time of day asked for one */
#define TS_BAD(word) "ttrace: invalid --timestamps argument '" word "' " \
	"(format:none|time|unix, precision:s|ms|us|ns, " \
	"clock:realtime|monotonic|boottime)\n" TRY
	{ { "ttrace", "--timestamps=precision:ps", "true" }, TS_BAD("precision:ps") },
	{ { "ttrace", "--timestamps=ms,format:foo", "true" }, TS_BAD("format:foo") },
	{ { "ttrace", "--timestamps=clock:tai", "true" }, TS_BAD("clock:tai") },
	{ { "ttrace", "--timestamps=format:ms", "true" }, TS_BAD("format:ms") },
	{ { "ttrace", "--timestamps=format:", "true" }, TS_BAD("format:") },
	{ { "ttrace", "--timestamps=unix,,ps", "true" }, TS_BAD("ps") },
	{ { "ttrace", "--absolute-timestamps=UNIX", "true" }, TS_BAD("UNIX") },
	{ { "ttrace", "-t", "--timestamps=ms", "true" },
	  "ttrace: -t and --absolute-timestamps cannot be provided simultaneously\n" TRY },
	{ { "ttrace", "--timestamps=none", "-ttt", "true" },
	  "ttrace: -t and --absolute-timestamps cannot be provided simultaneously\n" TRY },
	{ { "ttrace", "--timestamps=time,clock:boottime", "true" },
	  "ttrace: --timestamps: clock:boottime has no time of day (format:time); "
	  "use format:unix for seconds since the clock's zero\n" TRY },
	{ { "ttrace", "--timestamps=clock:monotonic", "--timestamps", "true" },
	  "ttrace: --timestamps: clock:monotonic has no time of day (format:time); "
	  "use format:unix for seconds since the clock's zero\n" TRY },
	{ { "ttrace", "--max-lateness=p99:1ms", "true" },
	  "ttrace: --max-lateness needs --check=FILE or --diff\n" TRY },
	/* the options of a check without one, their values refused */
	{ { "ttrace", "--junit=J", "true" },
	  "ttrace: --junit needs --check=FILE or --diff\n" TRY },
	{ { "ttrace", "--check-report=R", "--profile=P", "true" },
	  "ttrace: --check-report needs --check=FILE or --diff\n" TRY },
	{ { "ttrace", "--tolerance=5%", "true" },
	  "ttrace: --tolerance needs --profile=FILE, --check=FILE or --diff\n" TRY },
	{ { "ttrace", "--floor=2ms", "-C", "true" },
	  "ttrace: --floor needs --profile=FILE, --check=FILE or --diff\n" TRY },
	{ { "ttrace", "--check=P", "--tolerance=x", "true" },
	  "ttrace: invalid --tolerance 'x' (a percentage: 10%, 2.5%)\n" TRY },
	{ { "ttrace", "--check=P", "--floor=5", "true" },
	  "ttrace: invalid --floor '5' (a duration with a unit: 1ms, 50us; "
	  "units ns, us, ms, s)\n" TRY },
	{ { "ttrace", "--timeline=", "true" }, "ttrace: --timeline needs a file name\n" TRY },
	{ { "ttrace", "--stack-depth" },
	  "ttrace: option '--stack-depth' requires an argument\n" TRY },
	{ { "ttrace", "--sum", "true" }, "ttrace: unrecognized option '--sum'\n" TRY },
	/* --diff: two profiles, none of a run's options */
	{ { "ttrace", "--diff", "A" },
	  "ttrace: --diff needs two profiles: --diff [OPTIONS] OLD.json NEW.json\n" TRY },
	{ { "ttrace", "--diff", "-p", "1", "-c", "A", "B" },
	  "ttrace: --diff runs nothing: -p cannot be used with it\n" TRY },
	{ { "ttrace", "--diff", "-e", "trace=all", "A", "B" },
	  "ttrace: --diff runs nothing: -e trace= cannot be used with it\n" TRY },
	{ { "ttrace", "--diff", "-ff", "A", "B" },
	  "ttrace: --diff runs nothing: -f cannot be used with it\n" TRY },
	{ { "ttrace", "--diff", "--max-lateness=p90:1ms", "A", "B" },
	  "ttrace: --max-lateness=p90: with --diff, only p50, p99 and the max "
	  "can be checked (a profile keeps no other percentile)\n" TRY },
	{ { "ttrace", "--diff", "--junit=A", "A", "B" },
	  "ttrace: --junit 'A' would overwrite the profile --diff reads, 'A'\n" TRY },
	{ { "ttrace", "--diff", "--junit=J", "--check-report=J", "A", "B" },
	  "ttrace: --junit 'J' and --check-report 'J' are the same file\n" TRY },
	/* the first of several errors: the order of the checks */
	{ { "ttrace", "-c", "-C", "-p", "1", "true" },
	  "ttrace: -p and a COMMAND cannot be combined\n" TRY },
	{ { "ttrace", "--tolerance=5%", "--junit=J", "true" },
	  "ttrace: --junit needs --check=FILE or --diff\n" TRY },
	{ { "ttrace", "--tolerance=5%", "-o", "F", "--timeline=F", "true" },
	  "ttrace: --tolerance needs --profile=FILE, --check=FILE or --diff\n" TRY },
	{ { "ttrace", "-t", "--timestamps", "-o", "F", "--timeline=F", "true" },
	  "ttrace: -o 'F' and --timeline 'F' are the same file\n" TRY },
	{ { "ttrace", "-c", "-C", "-t", "--timestamps", "true" },
	  "ttrace: -t and --absolute-timestamps cannot be provided simultaneously\n" TRY },
	{ { "ttrace", "-ff", "-c", "-C", "true" }, C_AND_C },
	{ { "ttrace", "--stack-depth=3", "-c", "-ff", "true" },
	  "ttrace: -c and -ff are mutually exclusive\n" TRY },
	/* an error in the loop comes before any check after it */
	{ { "ttrace", "-c", "-C", "-X", "raw", "-h", "true" },
	  "ttrace: -X raw: ttrace shows constants by name (-X abbrev) only\n" TRY },
};

START_TEST(test_error)
{
	const struct error_case *c = &error_cases[_i];

	ck_assert_int_eq(parse(c->args), 2);
	{
		char *want = ut_expand(c->err);

		ck_assert_str_eq(err_text, want);
		free(want);
	}
	ck_assert_str_eq(out_text, "");
}
END_TEST

/* An empty list of names traces nothing at all: that must be refused as
 * -e trace= is, whichever way it is spelt. */
static const struct error_case empty_cases[] = {
	{ { "ttrace", "-e", "trace=,", "true" }, NULL },
	{ { "ttrace", "--trace=", "true" }, NULL },
	{ { "ttrace", "-e", ",", "true" }, NULL },
};

START_TEST(test_empty_names)
{
	const struct error_case *c = &empty_cases[_i];

	ck_assert_msg(parse(c->args) == 2, "%s %s: accepted", c->args[1], c->args[2]);
	ck_assert_msg(strncmp(err_text, "ttrace: ", 8) == 0, "%s", err_text);
}
END_TEST

/* --- what a valid command line sets ------------------------------------- */

static const struct ok_case {
	const char *args[10];
	const char *command;	/* tt_opt.argv joined by spaces; NULL: none */
	pid_t pids[4];		/* up to a 0 */
	const char *outfile;
	struct tt_tstamp tstamp;
	bool relative, syscall_time;
	int quiet;
	unsigned column, shown;	/* -a, -s; 0: the defaults, 40 and 32 */
	bool zeros;		/* -a0 -s0 */
	bool per_tid;		/* -ff with -o */
	bool summary, summary_too;	/* -c, -C */
} ok_cases[] = {
	{ .args = { "ttrace", "-c", "true" }, .command = "true", .summary = true },
	{ .args = { "ttrace", "--summary-only", "true" }, .command = "true", .summary = true },
	{ .args = { "ttrace", "-C", "-o", "F", "true" }, .command = "true",
	  .outfile = "F", .summary_too = true },
	{ .args = { "ttrace", "--summary", "-ttt", "true" }, .command = "true",
	  .summary_too = true, .tstamp = { TS_UNIX, 6, TS_REALTIME } },
	{ .args = { "ttrace", "-ff", "-o", "F", "true" }, .command = "true",
	  .outfile = "F", .per_tid = true },
	{ .args = { "ttrace", "-f", "-o", "F", "--follow-forks", "true" },
	  .command = "true", .outfile = "F", .per_tid = true },
	{ .args = { "ttrace", "--output-separately", "-o", "F", "true" },
	  .command = "true", .outfile = "F", .per_tid = true },
	/* strace's -ff without -o is -f */
	{ .args = { "ttrace", "-ff", "true" }, .command = "true" },
	{ .args = { "ttrace", "-o", "|cat >x", "true" }, .command = "true",
	  .outfile = "|cat >x" },
	{ .args = { "ttrace", "-o!cat", "-f", "true" }, .command = "true",
	  .outfile = "!cat" },
	{ .args = { "ttrace", "-p", "12,34" }, .pids = { 12, 34 } },
	{ .args = { "ttrace", "-p", "12 34", "-p", "56" }, .pids = { 12, 34, 56 } },
	{ .args = { "ttrace", "-p2147483647" }, .pids = { 2147483647 } },
	{ .args = { "ttrace", "true" }, .command = "true" },
	{ .args = { "ttrace", "-t", "true" }, .command = "true", .tstamp = { TS_TIME, 0, TS_REALTIME } },
	{ .args = { "ttrace", "-tt", "true" }, .command = "true", .tstamp = { TS_TIME, 6, TS_REALTIME } },
	{ .args = { "ttrace", "-t", "-t", "-t", "true" }, .command = "true", .tstamp = { TS_UNIX, 6, TS_REALTIME } },
	{ .args = { "ttrace", "-tttt", "true" }, .command = "true", .tstamp = { TS_UNIX, 6, TS_REALTIME } },
	/* --timestamps: strace's words, with keys or alone, and ttrace's
	 * clock:, whose default format is unix */
#define TS_OK(spec, f, d, c) \
	{ .args = { "ttrace", spec, "true" }, .command = "true", \
	  .tstamp = { f, d, c } }
	TS_OK("--timestamps", TS_TIME, 0, TS_REALTIME),
	TS_OK("--timestamps=", TS_TIME, 0, TS_REALTIME),
	TS_OK("--timestamps=none", TS_NONE, 0, TS_REALTIME),
	TS_OK("--timestamps=unix", TS_UNIX, 0, TS_REALTIME),
	TS_OK("--timestamps=ms", TS_TIME, 3, TS_REALTIME),
	TS_OK("--absolute-timestamps=format:unix,precision:ns", TS_UNIX, 9, TS_REALTIME),
	TS_OK("--timestamps=ns,unix,", TS_UNIX, 9, TS_REALTIME),
	TS_OK("--timestamps=,precision:us,precision:s", TS_TIME, 0, TS_REALTIME),
	TS_OK("--timestamps=clock:monotonic", TS_UNIX, 0, TS_MONOTONIC),
	TS_OK("--timestamps=boottime,ns", TS_UNIX, 9, TS_BOOTTIME),
	TS_OK("--timestamps=unix,clock:monotonic,us", TS_UNIX, 6, TS_MONOTONIC),
	TS_OK("--timestamps=monotonic,realtime", TS_TIME, 0, TS_REALTIME),
	TS_OK("--timestamps=none,clock:boottime", TS_NONE, 0, TS_BOOTTIME),
	/* a later --timestamps keeps the earlier's format, but none */
	{ .args = { "ttrace", "--timestamps=unix", "--timestamps=ms", "true" },
	  .command = "true", .tstamp = { TS_UNIX, 3, TS_REALTIME } },
	{ .args = { "ttrace", "--timestamps=none", "--timestamps=ms", "true" },
	  .command = "true", .tstamp = { TS_TIME, 3, TS_REALTIME } },
	{ .args = { "ttrace", "--timestamps=unix,ns", "--timestamps", "true" },
	  .command = "true", .tstamp = { TS_TIME, 9, TS_REALTIME } },
	{ .args = { "ttrace", "-tt", "-r", "true" }, .command = "true",
	  .tstamp = { TS_TIME, 6, TS_REALTIME }, .relative = true },
	{ .args = { "ttrace", "-o", "FILE", "true" }, .command = "true", .outfile = "FILE" },
	{ .args = { "ttrace", "-oFILE", "true" }, .command = "true", .outfile = "FILE" },
	{ .args = { "ttrace", "--output=FILE", "true" }, .command = "true", .outfile = "FILE" },
	{ .args = { "ttrace", "--output", "FILE", "true" }, .command = "true", .outfile = "FILE" },
	{ .args = { "ttrace", "--", "-p", "1" }, .command = "-p 1" },
	{ .args = { "ttrace", "-t", "--", "sleep", "--", "1" }, .command = "sleep -- 1", .tstamp = { TS_TIME, 0, TS_REALTIME } },
	{ .args = { "ttrace", "sleep", "-t", "1" }, .command = "sleep -t 1" },
	{ .args = { "ttrace", "-qq", "-r", "-T", "-f", "true" }, .command = "true",
	  .relative = true, .syscall_time = true, .quiet = 2 },
	{ .args = { "ttrace", "-e", "trace=clock_nanosleep", "-e", "timer_settime", "true" }, .command = "true" },
	{ .args = { "ttrace", "--trace=all", "-p", "7" }, .pids = { 7 } },
	/* strace's: -a and -s as strace; the others change nothing here */
	{ .args = { "ttrace", "-a", "30", "-s", "4", "true" }, .command = "true",
	  .column = 30, .shown = 4 },
	{ .args = { "ttrace", "-a0", "-s0", "true" }, .command = "true",
	  .zeros = true },
	{ .args = { "ttrace", "-v", "-x", "-xx", "-w", "-X", "abbrev",
		    "--seccomp-bpf", "true" }, .command = "true" },
};

static char *joined(char **argv)
{
	size_t len = 1;
	char *s;

	for (char **a = argv; *a; a++)
		len += strlen(*a) + 1;
	s = calloc(1, len);
	ck_assert_ptr_nonnull(s);
	for (char **a = argv; *a; a++)
		strcat(strcat(s, a == argv ? "" : " "), *a);
	return s;
}

START_TEST(test_ok)
{
	const struct ok_case *c = &ok_cases[_i];
	size_t npids = 0;

	ck_assert_int_eq(parse(c->args), -1);
	ck_assert_str_eq(err_text, "");
	ck_assert_str_eq(out_text, "");
	if (c->command) {
		char *cmd;

		ck_assert_ptr_nonnull(tt_opt.argv);
		cmd = joined(tt_opt.argv);
		ck_assert_str_eq(cmd, c->command);
		free(cmd);
	} else {
		ck_assert_ptr_null(tt_opt.argv);
	}
	while (npids < 4 && c->pids[npids])
		npids++;
	ck_assert_uint_eq(tt_opt.npids, npids);
	for (size_t i = 0; i < npids; i++)
		ck_assert_int_eq(tt_opt.pids[i], c->pids[i]);
	ck_assert_pstr_eq(tt_opt.outfile, c->outfile);
	ck_assert_int_eq(tt_opt.per_tid, c->per_tid);
	ck_assert_int_eq(tt_opt.summary, c->summary);
	ck_assert_int_eq(tt_opt.summary_too, c->summary_too);
	ck_assert_int_eq(tt_opt.tstamp.format, c->tstamp.format);
	ck_assert_uint_eq(tt_opt.tstamp.digits, c->tstamp.digits);
	ck_assert_int_eq(tt_opt.tstamp.clock, c->tstamp.clock);
	ck_assert_int_eq(tt_opt.relative, c->relative);
	ck_assert_int_eq(tt_opt.syscall_time, c->syscall_time);
	ck_assert_int_eq(tt_opt.quiet, c->quiet);
	ck_assert_uint_eq(tt_opt.ret_column,
			  c->zeros ? 0 : c->column ? c->column : 40);
	ck_assert_uint_eq(tt_max_shown, c->zeros ? 0 : c->shown ? c->shown : 32);
}
END_TEST

/* The options of checks, outputs and the tracer: what they set. */
static const struct value_case {
	const char *args[8];
	bool toctou_off, seccomp_off, toctou_fail, json, diff;
	const char *profile, *check, *junit, *check_report, *timeline;
	int64_t tolerance_ppm, floor_ns;	/* 0: the defaults, 10% and 1ms */
	int decode_fds;
} value_cases[] = {
	{ .args = { "ttrace", "true" } },
	{ .args = { "ttrace", "--toctou=off", "--seccomp=off", "--toctou-fail",
		    "--json", "true" }, .toctou_off = true, .seccomp_off = true,
	  .toctou_fail = true, .json = true },
	/* --seccomp-bpf is --seccomp=on */
	{ .args = { "ttrace", "--seccomp=off", "--seccomp-bpf", "--toctou=on",
		    "true" } },
	{ .args = { "ttrace", "--seccomp-bpf", "--seccomp=off", "true" },
	  .seccomp_off = true },
	{ .args = { "ttrace", "--profile=P", "--floor=50us", "--tolerance=2.5%",
		    "--timeline=W", "true" }, .profile = "P", .floor_ns = 50000,
	  .tolerance_ppm = 25000, .timeline = "W" },
	{ .args = { "ttrace", "--check=P", "--junit=J", "--check-report=R",
		    "true" },
	  .check = "P", .junit = "J", .check_report = "R" },
	{ .args = { "ttrace", "--diff", "--tolerance=1", "--junit=J", "A", "B" },
	  .diff = true, .junit = "J", .tolerance_ppm = 10000 },
	{ .args = { "ttrace", "-y", "true" }, .decode_fds = 1 },
	{ .args = { "ttrace", "-yyy", "true" }, .decode_fds = 2 },
	/* -c shows no arguments: no path to read */
	{ .args = { "ttrace", "-yy", "-c", "true" } },
	{ .args = { "ttrace", "-yy", "-C", "true" }, .decode_fds = 2 },
};

START_TEST(test_values)
{
	const struct value_case *c = &value_cases[_i];

	ck_assert_int_eq(parse(c->args), -1);
	ck_assert_str_eq(err_text, "");
	ck_assert_int_eq(tt_opt.toctou, !c->toctou_off);
	ck_assert_int_eq(tt_opt.seccomp, !c->seccomp_off);
	ck_assert_int_eq(tt_opt.toctou_fail, c->toctou_fail);
	ck_assert_int_eq(tt_opt.json, c->json);
	ck_assert_int_eq(tt_opt.diff, c->diff);
	ck_assert_pstr_eq(tt_opt.profile, c->profile);
	ck_assert_pstr_eq(tt_opt.check, c->check);
	ck_assert_pstr_eq(tt_opt.junit, c->junit);
	ck_assert_pstr_eq(tt_opt.check_report, c->check_report);
	ck_assert_pstr_eq(tt_opt.timeline, c->timeline);
	ck_assert_int_eq(tt_opt.tolerance_ppm,
			 c->tolerance_ppm ? c->tolerance_ppm : 100000);
	ck_assert_int_eq(tt_opt.floor_ns, c->floor_ns ? c->floor_ns : 1000000);
	ck_assert_int_eq(tt_opt.decode_fds, c->decode_fds);
}
END_TEST

/* -k, -kk, --stack-depth; -c has no place for stacks. */
static const struct stack_case {
	const char *args[6];
	int stack;
	unsigned depth;
	const char *err;
} stack_cases[] = {
	{ { "ttrace", "true" }, 0, 64, "" },
	{ { "ttrace", "-k", "true" }, 1, 64, "" },
	{ { "ttrace", "-kk", "true" }, 2, 64, "" },
	{ { "ttrace", "-k", "-k", "-k", "true" }, 2, 64, "" },
	{ { "ttrace", "--stack-depth=5", "-k", "true" }, 1, 5, "" },
	{ { "ttrace", "-kk", "--stack-depth", "64", "true" }, 2, 64, "" },
	{ { "ttrace", "-c", "-k", "true" }, 0, 64, "ttrace: -k has no effect with -c\n" },
	/* -C prints the trace: stacks under its calls */
	{ { "ttrace", "-C", "-k", "true" }, 1, 64, "" },
};

START_TEST(test_stack)
{
	const struct stack_case *c = &stack_cases[_i];

	ck_assert_int_eq(parse(c->args), -1);
	ck_assert_int_eq(tt_opt.stack, c->stack);
	ck_assert_uint_eq(tt_opt.stack_depth, c->depth);
	{
		char *want = ut_expand(c->err);

		ck_assert_str_eq(err_text, want);
		free(want);
	}
}
END_TEST

/* text with every run of spaces and newlines as one space, allocated */
static char *one_spaced(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;

	for (; *text; text++)
		if (!(*text == ' ' || *text == '\n') ||
		    (o > out && o[-1] != ' '))
			*o++ = *text == '\n' ? ' ' : *text;
	*o = '\0';
	return out;
}

/* The help's paragraph of calls, whatever its line breaks: the families
 * of each class and the i386 variants; and no line over 76 columns. */
static void help_has_calls(const char *help)
{
	static const char *const want[] = {
		"in strace's format: @TIMER@. The sleeps, "
		"%sleep: @SLEEP@. The waits, "
		"%wait: " UT_WAITS "; by default only those with a finite "
		"timeout. Their i386 variants: " UT_I386_VARIANTS ". Threads, "
		"forks, vforks and execs are followed. x32 programs are not "
		"traced: refused as a command or -p. -e",
	};
	char *flat = one_spaced(help);
	const char *line = help;

	for (const char *p = help; *p; p++)
		if (*p == '\n') {
			ck_assert_msg(p - line <= 76, "a help line of %d columns",
				      (int)(p - line));
			line = p + 1;
		}
	char *expanded = ut_expand(want[0]);

	ck_assert_msg(strstr(flat, expanded), "the help lacks \"%s\":\n%s",
		      expanded, flat);
	free(expanded);
	free(flat);
}

/* The CI options and the exit status rule, whatever the line breaks. */
static void help_has_ci(const char *help)
{
	static const char *const want[] = {
		"ttrace --diff [OPTIONS] OLD.json NEW.json",
		"--check=FILE compare the run with the profile in FILE",
		"a profile or a run without a request compares nothing: exit status 2",
		"--diff OLD.json NEW.json run nothing: compare two profiles",
		"--max-lateness=BUDGET[,BUDGET...] also a regression",
		"pN:DURATION for the Nth percentile (N from 1 to 100: p99:2ms)",
		"--check-report=FILE also write the check's result as JSON",
		"GITHUB_ACTIONS=true (in the environment) a check's findings are "
		"also ::error annotations on stdout, and a Markdown summary is "
		"appended to $GITHUB_STEP_SUMMARY",
		"Exit status, the first that applies: 2 for a usage error or a "
		"profile --check or --diff cannot use (nothing is run); 1 for a "
		"runtime error (an output that cannot be written); the command's "
		"own status when it failed (128+N if signal N killed it; 126 or "
		"127 if it could not be run); 2 when --check compared nothing (no "
		"request in the run); 1 for a regression found by --check or "
		"--diff or, with --toctou-fail, a finding; else 0 (with -p, after "
		"detaching). See ttrace(1).",
	};
	char *flat = one_spaced(help);

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_msg(strstr(flat, want[i]), "the help lacks \"%s\"",
			      want[i]);
	free(flat);
}

/* --help and --version: status 0, on stdout. */
START_TEST(test_help)
{
	static const char *const help[] = { "ttrace", "-h", "true", NULL };
	static const char *const version[] = { "ttrace", "--version", NULL };

	static const char *const list[] = { "ttrace", "--list-calls", NULL };

	ck_assert_int_eq(parse(help), 0);
	ck_assert_msg(strncmp(out_text, "Usage: ttrace [OPTIONS] [--] COMMAND [ARGS...]\n", 47) == 0,
		      "%s", out_text);
	/* the calls, from the tables, in lines of at most 76 columns */
	help_has_calls(out_text);
	help_has_ci(out_text);
	ck_assert_str_eq(err_text, "");
	options_teardown();
	/* every row of both tables, a line each */
	ck_assert_int_eq(parse(list), 0);
	ck_assert_msg(strncmp(out_text, "x86_64 0 read read -\n", 21) == 0,
		      "%s", out_text);
	ck_assert_ptr_nonnull(strstr(out_text, "\nx86_64 35 nanosleep nanosleep %timer,%sleep\n"));
	ck_assert_ptr_nonnull(strstr(out_text, "\ni386 0 restart_syscall restart_syscall %timer,%sleep\n"));
	ck_assert_ptr_nonnull(strstr(out_text, "\ni386 411 timerfd_settime64 timerfd_settime %timer\n"));
	ck_assert_str_eq(err_text, "");
	options_teardown();
	ck_assert_int_eq(parse(version), 0);
	ck_assert_str_eq(out_text, "ttrace " PACKAGE_VERSION "\n");
	ck_assert_str_eq(err_text, "");
}
END_TEST

/* -z, -Z, -e status=, -e signal=: what is hidden. */
#define ST_ALL TT_STATUS_ALL
static const struct set_case {
	const char *args[8];
	unsigned status_hidden;
	int shown[4], hidden[4];	/* signals, up to a 0 */
	const char *err;
} set_cases[] = {
	{ { "ttrace", "true" }, 0, { SIGUSR1, 64, 255 }, { 0 }, "" },
	{ { "ttrace", "-z", "true" }, ST_ALL & ~TT_STATUS_SUCCESSFUL, { 0 }, { 0 }, "" },
	{ { "ttrace", "--failed-only", "true" }, ST_ALL & ~TT_STATUS_FAILED, { 0 }, { 0 }, "" },
	{ { "ttrace", "-z", "-Z", "true" }, ST_ALL & ~TT_STATUS_FAILED, { 0 }, { 0 },
	  "ttrace: only the last of -z and -Z takes effect; -e status=SET filters more\n" },
	{ { "ttrace", "-z", "-z", "true" }, ST_ALL & ~TT_STATUS_SUCCESSFUL, { 0 }, { 0 }, "" },
	{ { "ttrace", "-z", "-e", "status=all", "true" }, 0, { 0 }, { 0 }, "" },
	{ { "ttrace", "-e", "status=none", "true" }, ST_ALL, { 0 }, { 0 }, "" },
	{ { "ttrace", "-e", "status=!none", "true" }, 0, { 0 }, { 0 }, "" },
	{ { "ttrace", "--status=unfinished,detached", "true" },
	  TT_STATUS_SUCCESSFUL | TT_STATUS_FAILED | TT_STATUS_UNAVAILABLE, { 0 }, { 0 }, "" },
	{ { "ttrace", "--status=!unavailable", "true" }, TT_STATUS_UNAVAILABLE, { 0 }, { 0 }, "" },
	{ { "ttrace", "-e", "signal=usr1,SIGalrm,12", "true" }, 0,
	  { SIGUSR1, SIGALRM, SIGUSR2 }, { SIGCHLD, SIGINT }, "" },
	{ { "ttrace", "-e", "signal=!CHLD", "true" }, 0, { SIGUSR1, 200 }, { SIGCHLD }, "" },
	{ { "ttrace", "-e", "signal=none", "true" }, 0, { 0 }, { SIGCHLD, 1, 64 }, "" },
	{ { "ttrace", "-e", "signal=none", "-e", "signal=all", "true" }, 0,
	  { SIGCHLD, 1, 255 }, { 0 }, "" },
	{ { "ttrace", "--signal=rt_1,0", "true" }, 0, { 33 }, { 32, 34 }, "" },
	{ { "ttrace", "--signal=SIGRTMIN,rtmax", "true" }, 0, { 32, 64 }, { 33 }, "" },
	/* empty names are skipped, as strace does */
	{ { "ttrace", "--status=failed,", "true" }, ST_ALL & ~TT_STATUS_FAILED, { 0 }, { 0 }, "" },
	{ { "ttrace", "-e", "signal=,usr1", "true" }, 0, { SIGUSR1 }, { SIGUSR2 }, "" },
};

START_TEST(test_sets)
{
	const struct set_case *c = &set_cases[_i];

	ck_assert_int_eq(parse(c->args), -1);
	{
		char *want = ut_expand(c->err);

		ck_assert_str_eq(err_text, want);
		free(want);
	}
	ck_assert_uint_eq(tt_opt.status_hidden, c->status_hidden);
	for (int i = 0; i < 4 && c->shown[i]; i++)
		ck_assert_msg(!tt_sigset_opt_has(&tt_opt.signals_hidden,
						 c->shown[i]),
			      "signal %d hidden", c->shown[i]);
	for (int i = 0; i < 4 && c->hidden[i]; i++)
		ck_assert_msg(tt_sigset_opt_has(&tt_opt.signals_hidden,
						c->hidden[i]),
			      "signal %d shown", c->hidden[i]);
}
END_TEST

/* --max-lateness: a budget per percentile, 100 the max; a later one
 * for the same percentile replaces the earlier. */
static const struct budget_case {
	const char *args[6];
	int64_t p50, p90, p99, max;	/* -1: none */
} budget_cases[] = {
	{ { "ttrace", "--check=P", "true" }, -1, -1, -1, -1 },
	{ { "ttrace", "--check=P", "--max-lateness=2ms", "true" }, -1, -1, -1, 2000000 },
	{ { "ttrace", "--check=P", "--max-lateness=p99:500us", "true" }, -1, -1, 500000, -1 },
	{ { "ttrace", "--check=P", "--max-lateness=p50:1us,p90:20us,5ms", "true" },
	  1000, 20000, -1, 5000000 },
	{ { "ttrace", "--check=P", "--max-lateness=p100:1s", "--max-lateness=p99:0ns", "true" },
	  -1, -1, 0, 1000000000 },
	{ { "ttrace", "--check=P", "--max-lateness=1ms,2ms", "--max-lateness=p99:1us,p99:2us", "true" },
	  -1, -1, 2000, 2000000 },
};

START_TEST(test_budgets)
{
	const struct budget_case *c = &budget_cases[_i];

	ck_assert_int_eq(parse(c->args), -1);
	ck_assert_str_eq(err_text, "");
	ck_assert_int_eq(tt_opt.late_budget_ns[50], c->p50);
	ck_assert_int_eq(tt_opt.late_budget_ns[90], c->p90);
	ck_assert_int_eq(tt_opt.late_budget_ns[99], c->p99);
	ck_assert_int_eq(tt_opt.late_budget_ns[100], c->max);
	ck_assert_int_eq(tt_opt.late_budget_ns[1], -1);
	ck_assert_int_eq(tt_opt.late_budget, c->p50 >= 0 || c->p99 >= 0 || c->max >= 0);
}
END_TEST

/* getopt must start over: a second parse sees its own arguments. */
START_TEST(test_parse_twice)
{
	static const char *const first[] = { "ttrace", "-t", "-o", "A", "true", NULL };
	static const char *const second[] = { "ttrace", "-T", "false", NULL };

	ck_assert_int_eq(parse(first), -1);
	options_teardown();
	ck_assert_int_eq(parse(second), -1);
	ck_assert_str_eq(tt_opt.argv[0], "false");
	ck_assert_int_eq(tt_opt.tstamp.format, TS_NONE);
	ck_assert(tt_opt.syscall_time);
	ck_assert_ptr_null(tt_opt.outfile);
}
END_TEST

Suite *make_options_suite(void)
{
	Suite *s = suite_create("options");
	TCase *tc = ut_tcase(s, "options", options_setup, options_teardown);

	tcase_add_loop_test(tc, test_error, 0, NCASES(error_cases));
	tcase_add_loop_test(tc, test_empty_names, 0, NCASES(empty_cases));
	tcase_add_loop_test(tc, test_ok, 0, NCASES(ok_cases));
	tcase_add_loop_test(tc, test_values, 0, NCASES(value_cases));
	tcase_add_loop_test(tc, test_stack, 0, NCASES(stack_cases));
	tcase_add_loop_test(tc, test_sets, 0, NCASES(set_cases));
	tcase_add_loop_test(tc, test_budgets, 0, NCASES(budget_cases));
	tcase_add_test(tc, test_help);
	tcase_add_test(tc, test_parse_twice);
	return s;
}
