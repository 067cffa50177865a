/* ttrace - the command line.  Every usage error is reported here, named,
 * with exit status 2, before anything is started. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "error.h"
#include "event.h"
#include "options.h"
#include "outfile.h"
#include "profile/profile.h"
#include "select.h"
#include "syscall.h"
#include "units.h"

struct tt_options tt_opt = { .ret_column = 40 };

#define TRY_HELP "Try 'ttrace --help' for more information.\n"

#define HELP_WIDTH 76

/* --timestamps's words, in their enums' order: the parser, the help and
 * the errors read these. */
#define TS_FORMATS "none|time|unix"
#define TS_PRECISIONS "s|ms|us|ns"
#define TS_CLOCKS "realtime|monotonic|boottime"
#define TS_SPEC "format:" TS_FORMATS ", precision:" TS_PRECISIONS \
	", clock:" TS_CLOCKS

/* Prints text as lines of at most HELP_WIDTH columns, broken at spaces
 * (two after a sentence's full stop). */
static void wrapped(FILE *fp, const char *text)
{
	size_t col = 0, gap = 1;

	while (*text) {
		size_t len = strcspn(text, " ");

		if (col && col + gap + len > HELP_WIDTH) {
			fputc('\n', fp);
			col = 0;
		} else if (col) {
			fputs(gap == 2 ? "  " : " ", fp);
			col += gap;
		}
		fwrite(text, 1, len, fp);
		col += len;
		gap = text[len - 1] == '.' ? 2 : 1;
		text += len;
		text += strspn(text, " ");
	}
	fputc('\n', fp);
}

/* The calls, from the syscall tables: a new row shows without an edit. */
static void usage_calls(FILE *fp)
{
	char *timer = tt_select_families(TT_CLASS_TIMER);
	char *sleep = tt_select_families(TT_CLASS_SLEEP);
	char *wait = tt_select_families(TT_CLASS_WAIT);
	size_t len = strlen(timer) + strlen(sleep) + strlen(wait) + 512;
	char *text;

	for (unsigned a = 1; tt_abis[a]; a++) {
		char *v = tt_select_variants(tt_abis[a]);

		len += strlen(v) + 64;
		free(v);
	}
	text = tt_xcalloc(len, 1);
	snprintf(text, len, "Trace the timer system calls of a command, or of "
		 "running processes, in strace's format: %s.  The sleeps, "
		 "%%sleep: %s.  The waits, %%wait: %s; by default only those "
		 "with a finite timeout.", timer, sleep, wait);
	for (unsigned a = 1; tt_abis[a]; a++) {
		char *v = tt_select_variants(tt_abis[a]);
		size_t at = strlen(text);

		snprintf(text + at, len - at, "  Their %s variants: %s.",
			 tt_abis[a]->name, v);
		free(v);
	}
	strcat(text, "  Threads, forks, vforks and execs are followed.  x32 "
	       "programs are not traced: refused as a command or -p.");
	wrapped(fp, text);
	free(text);
	free(timer);
	free(sleep);
	free(wait);
}

void tt_usage(FILE *fp)
{
	fputs(
"Usage: ttrace [OPTIONS] [--] COMMAND [ARGS...]\n"
"       ttrace [OPTIONS] -p PID[,PID...]\n"
"       ttrace --diff [OPTIONS] OLD.json NEW.json\n", fp);
	usage_calls(fp);
	fputs(
"\n"
"  -e trace=NAMES  trace only these calls (comma-separated); a plain name\n"
"                  (clock_nanosleep) selects every ABI variant, an exact\n"
"                  one (clock_nanosleep_time32) just it; %timer: the\n"
"                  timer calls above; %sleep: the sleeps above; %wait:\n"
"                  the waits, with a timeout or not; read: reads of\n"
"                  timerfds, which stops at every read (slow); all:\n"
"                  every call; none: no call.  Default: %timer and the\n"
"                  waits that carry a finite timeout (0 included)\n"
"  -z, --successful-only  print only the calls that returned without\n"
"                  an error; -Z, --failed-only: only those with one\n"
"  -e status=SET, --status=SET  print only the calls that ended so:\n"
"                  successful, failed, unfinished (never returned),\n"
"                  unavailable, detached; all, none, !SET\n"
"  -e signal=SET, --signal=SET  print only these signals (USR1,\n"
"                  SIGALRM, 14; all, none, !SET)\n"
"  --list-calls    list every call ttrace knows, a line per entry point:\n"
"                  ABI, number, name, family, its %classes (or -);\n"
"                  and exit\n"
"  -o FILE         write the trace to FILE (default: standard error);\n"
"                  every line then starts with the thread id;\n"
"                  -o '|CMD' or -o '!CMD': into a pipe read by sh -c CMD\n"
"  --json          write JSON Lines instead of text: one object per event\n"
"                  (schema: doc/ttrace-events.schema.json)\n"
"  -p PID[,PID...] attach to running processes and all their threads;\n"
"                  SIGINT, SIGTERM or SIGHUP detach and leave them running\n"
"  -f              accepted for strace users: ttrace always follows\n"
"  -ff, --output-separately  with -o FILE, a file per thread: FILE.TID,\n"
"                  lines without the thread id\n"
"  -t, -tt, -ttt   prefix each line with the time of day, with\n"
"                  microseconds, or as seconds since the epoch:\n"
"                  --timestamps=time,s, time,us and unix,us\n"
"  --timestamps[=SPEC], --absolute-timestamps[=SPEC]  prefix each line\n"
"                  with a time stamp; SPEC, comma-separated, each word\n"
"                  with its key or alone: format:" TS_FORMATS "\n"
"                  (the time of day, or seconds since the clock's zero;\n"
"                  default time), precision:" TS_PRECISIONS " (default s),\n"
"                  clock:" TS_CLOCKS " (default realtime;\n"
"                  another clock has no time of day: its format is unix,\n"
"                  and format:time an error)\n"
"  -r              prefix each line with the time since the previous one\n"
"                  (after a -t or --timestamps stamp: in parentheses)\n"
"  -T              show the time spent in each call\n"
"  -c, --summary-only  no trace: at the end, a table per call of calls,\n"
"                  errors, time in the call, and how late sleeps woke\n"
"                  (median, p99, max), and a histogram of lateness per\n"
"                  clock; with --json, one JSON object\n"
"  -C, --summary   the trace, then -c's table in the same output (-o FILE\n"
"                  too); with --json, the events, then the summary object\n"
"                  as the last line\n"
"  --profile=FILE  write the run's timing profile to FILE (JSON): per call\n"
"                  family, clock and mode, what the program asked for and\n"
"                  how often: values within the tolerance are one request;\n"
"                  a deadline is the time left to it, or the step from the\n"
"                  last one; lateness for information\n"
"  --check=FILE    compare the run with the profile in FILE: a request\n"
"                  that appears, disappears or moves, or a count that\n"
"                  changes, beyond the tolerance is a regression: a report\n"
"                  on stderr and exit status 1; a profile or a run without\n"
"                  a request compares nothing: exit status 2\n"
"  --diff OLD.json NEW.json  run nothing: compare two profiles as --check\n"
"                  compares a run with one: the same report and exit status,\n"
"                  with --tolerance, --max-lateness (p50, p99 and the max),\n"
"                  --junit and --check-report\n"
"  --tolerance=PCT how far a value may move (default: 10%); the count of a\n"
"                  request asked the same each time too, others' by 50%\n"
"  --floor=DURATION  requests this short or shorter are counted, not\n"
"                  compared (default: 1ms; recorded in the profile)\n"
"  --max-lateness=BUDGET[,BUDGET...]  also a regression: a group of sleeps\n"
"                  or waits whose lateness is over a budget: DURATION for\n"
"                  the max (units ns, us, ms, s: 500us, 2ms), pN:DURATION\n"
"                  for the Nth percentile (N from 1 to 100: p99:2ms)\n"
"  --junit=FILE    also write the check's result as JUnit XML\n"
"  --check-report=FILE  also write the check's result as JSON: every\n"
"                  finding with its group and values (schema:\n"
"                  doc/ttrace-check-report.schema.json)\n"
"  GITHUB_ACTIONS=true  (in the environment) a check's findings are also\n"
"                  ::error annotations on stdout, and a Markdown summary\n"
"                  is appended to $GITHUB_STEP_SUMMARY\n"
"  --timeline=FILE also write FILE as a timeline for the Perfetto UI and\n"
"                  chrome://tracing (Chrome Trace Event JSON): a track per\n"
"                  thread, sleeps as spans, settimes, signals, starts, exits\n"
"  --toctou=on|off read every input struct again at the syscall exit and\n"
"                  report when it changed while the call ran (default: on)\n"
"  --toctou-fail   exit with status 1 if any TOCTOU finding was made\n"
"  --seccomp=on|off  stop the command only at the traced calls, with a\n"
"                  seccomp filter installed before it starts (default: on;\n"
"                  not possible with -p)\n"
"  -k              under each call, the stack of the calling thread at its\n"
"                  entry, innermost frame first (libdw);\n"
"                  -kk: with the source file:line where debug info has it\n"
"  --stack-depth=N at most N frames (1 to 64, default 64)\n"
"  -y              print the path each file descriptor is open on:\n"
"                  3<anon_inode:[timerfd]>; -yy: a device's type and\n"
"                  numbers too, /dev/null<char 1:3>, a socket's details,\n"
"                  UNIX-STREAM:[4387313->4387314]\n"
"  -a COLUMN       align return values at COLUMN (default 40)\n"
"  -s N            show at most N elements of an array (default 32)\n"
"  -v, -x, -xx, -w, -X abbrev, --seccomp-bpf  accepted for strace's\n"
"                  command lines; they change nothing here (man page)\n"
"  -q              do not report attach, detach and ABI changes;\n"
"                  -qq: not process exits either\n"
"  -h, --help      show this help and exit\n"
"  -V, --version   show the version and exit\n"
"\n"
"Not seen: clock reads the vDSO serves (clock_gettime, gettimeofday, time\n"
"of the common clocks) never enter the kernel; nor do busy waits on the\n"
"clock; io_uring timeouts, mq_timedsend/receive, recvmmsg and socket\n"
"SO_RCVTIMEO timeouts are not decoded.\n"
"\n"
"Exit status, the first that applies: 2 for a usage error or a profile\n"
"--check or --diff cannot use (nothing is run); 1 for a runtime error (an\n"
"output that cannot be written); the command's own status when it failed\n"
"(128+N if signal N killed it; 126 or 127 if it could not be run); 2 when\n"
"--check compared nothing (no request in the run); 1 for a regression\n"
"found by --check or --diff or, with --toctou-fail, a finding; else 0\n"
"(with -p, after detaching).  See ttrace(1).\n", fp);
}

static int usage_error(const char *fmt, ...) TT_PRINTF(1, 2);
static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("ttrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(TRY_HELP, stderr);
	return 2;
}

static bool is_long(const char *arg)
{
	return strncmp(arg, "--", 2) == 0 && arg[2];
}

static int on_off(const char *opt, const char *arg, bool *out)
{
	if (strcmp(arg, "on") == 0)
		*out = true;
	else if (strcmp(arg, "off") == 0)
		*out = false;
	else
		return usage_error("invalid %s value '%s' (on or off)", opt, arg);
	return 0;
}

/* "-p 12,34" or "-p '12 34'" */
static int add_pids(const char *spec)
{
	char *copy = tt_xstrdup(spec), *save = NULL, *tok;
	int ret = 0;

	for (tok = strtok_r(copy, ", \t", &save); tok;
	     tok = strtok_r(NULL, ", \t", &save)) {
		char *end;
		long v;

		errno = 0;
		v = strtol(tok, &end, 10);
		if (errno || *end || v <= 0 || v > INT_MAX) {
			ret = usage_error("invalid process id: '%s'", tok);
			break;
		}
		tt_opt.pids = tt_xreallocarray(tt_opt.pids, tt_opt.npids + 1,
					       sizeof(pid_t));
		tt_opt.pids[tt_opt.npids++] = (pid_t)v;
	}
	if (!ret && tt_opt.npids == 0)
		ret = usage_error("invalid process id: '%s'", spec);
	free(copy);
	return ret;
}

static int select_names(const char *names, bool *selected)
{
	if (tt_select_parse(names) < 0) {
		fputs(TRY_HELP, stderr);
		return 2;
	}
	*selected = true;
	return 0;
}

/* -z, -Z, -e status=SET: the statuses printed. */
static int status_set(const char *spec)
{
	unsigned shown;

	if (tt_parse_status_set(spec, &shown) < 0) {
		fputs(TRY_HELP, stderr);
		return 2;
	}
	tt_opt.status_hidden = TT_STATUS_ALL & ~shown;
	return 0;
}

static int signal_set(const char *spec)
{
	struct tt_sigset_opt shown;

	if (tt_parse_signal_set(spec, &shown) < 0) {
		fputs(TRY_HELP, stderr);
		return 2;
	}
	for (size_t i = 0; i < sizeof(shown.bits) / sizeof(shown.bits[0]); i++)
		tt_opt.signals_hidden.bits[i] = ~shown.bits[i];
	return 0;
}

static int add_expr(const char *expr, bool *selected)
{
	const char *names = expr;

	if (strncmp(expr, "trace=", 6) == 0)
		names = expr + 6;
	else if (strncmp(expr, "status=", 7) == 0)
		return status_set(expr + 7);
	else if (strncmp(expr, "signal=", 7) == 0)
		return signal_set(expr + 7);
	else if (strncmp(expr, "signals=", 8) == 0)
		return signal_set(expr + 8);
	else if (strncmp(expr, "quiet=", 6) == 0 ||
		 strncmp(expr, "silent=", 7) == 0 ||
		 strncmp(expr, "silence=", 8) == 0)
		return usage_error("-e %s: ttrace has no quiet= sets (-q: no "
				   "attach, detach or ABI messages; -qq: no "
				   "exits either)", expr);
	else if (strchr(expr, '='))
		return usage_error("unsupported -e expression '%s' (ttrace "
				   "knows trace=, status= and signal=)", expr);
	return select_names(names, selected);
}

/* -o '|COMMAND' or -o '!COMMAND': the trace into a command. */
static bool is_pipe(const char *path)
{
	return path[0] == '|' || path[0] == '!';
}

/* Two outputs on one file would clobber each other: a usage error.  A
 * character device (/dev/null) takes any number. */
static int outputs_apart(void)
{
	const struct { const char *opt, *path; } o[] = {
		{ "-o", tt_opt.outfile },
		{ "--timeline", tt_opt.timeline },
		{ "--profile", tt_opt.profile },
		{ "--junit", tt_opt.junit },
		{ "--check-report", tt_opt.check_report },
	};
	const size_t n = sizeof(o) / sizeof(o[0]);

	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			if (o[i].path && o[k].path && !is_pipe(o[i].path) &&
			    !is_pipe(o[k].path) &&
			    tt_outfile_same(o[i].path, o[k].path))
				return usage_error("%s '%s' and %s '%s' are the "
						   "same file", o[i].opt,
						   o[i].path, o[k].opt,
						   o[k].path);
	return 0;
}

/* A report written over a profile it reads would lose the profile. */
static int reports_apart(void)
{
	const struct { const char *opt, *path; } out[] = {
		{ "--junit", tt_opt.junit },
		{ "--check-report", tt_opt.check_report },
	}, in[] = {
		{ "--check", tt_opt.check },
		{ "--diff", tt_opt.diff ? tt_opt.argv[0] : NULL },
		{ "--diff", tt_opt.diff ? tt_opt.argv[1] : NULL },
	};

	for (size_t i = 0; i < sizeof(out) / sizeof(out[0]); i++)
		for (size_t k = 0; k < sizeof(in) / sizeof(in[0]); k++)
			if (out[i].path && in[k].path &&
			    tt_outfile_same(out[i].path, in[k].path))
				return usage_error("%s '%s' would overwrite the "
						   "profile %s reads, '%s'",
						   out[i].opt, out[i].path,
						   in[k].opt, in[k].path);
	return 0;
}

/* --diff OLD NEW runs nothing: two profiles, the options of --check, and
 * none of those of a run.  n: the words after the options. */
static int diff_options(int n, bool selected, unsigned follow)
{
	const struct { bool given; const char *opt; } run[] = {
		{ tt_opt.npids, "-p" }, { tt_opt.check, "--check" },
		{ tt_opt.profile, "--profile" }, { tt_opt.outfile, "-o" },
		{ tt_opt.timeline, "--timeline" }, { tt_opt.summary, "-c" },
		{ tt_opt.summary_too, "-C" }, { tt_opt.json, "--json" }, { tt_opt.stack, "-k" },
		{ selected, "-e trace=" }, { follow, "-f" },
	};
	int r;

	if (n != 2)
		return usage_error("--diff needs two profiles: --diff [OPTIONS] "
				   "OLD.json NEW.json");
	for (size_t i = 0; i < sizeof(run) / sizeof(run[0]); i++)
		if (run[i].given)
			return usage_error("--diff runs nothing: %s cannot be "
					   "used with it", run[i].opt);
	/* a profile keeps the median, p99 and max of lateness, no other */
	for (unsigned pct = 1; pct < 100; pct++)
		if (tt_opt.late_budget_ns[pct] >= 0 && pct != 50 && pct != 99)
			return usage_error("--max-lateness=p%u: with --diff, only "
					   "p50, p99 and the max can be checked "
					   "(a profile keeps no other "
					   "percentile)", pct);
	if ((r = outputs_apart()) || (r = reports_apart()))
		return r;
	return -1;
}

/* -ff: one file per thread, as strace: FILE.TID.  Without -o it changes
 * nothing (strace's -ff alone is -f). */
static int output_separately(bool separately)
{
	const char *o = tt_opt.outfile;

	if (!separately)
		return 0;
	if (tt_opt.summary || tt_opt.summary_too)
		return usage_error("%s and -ff are mutually exclusive",
				   tt_opt.summary ? "-c" : "-C");
	if (!o)
		return 0;
	if (is_pipe(o))
		return usage_error("piping the output and -ff are mutually "
				   "exclusive");
	if (tt_opt.json)
		return usage_error("--json and -ff are mutually exclusive (a "
				   "JSON line names its thread)");
	tt_opt.per_tid = true;
	return 0;
}

#define LATENESS_FORMS "(a duration with a unit: 500us, 2ms, 1s; units ns, " \
	"us, ms, s; or pN:DURATION, a budget for the Nth percentile, N from " \
	"1 to 100: p99:2ms)"

/* --max-lateness=SPEC[,SPEC...]: SPEC is a DURATION (the max) or
 * pN:DURATION (the Nth percentile); a later budget for a percentile
 * replaces an earlier one. */
static int late_budgets(const char *arg)
{
	char *copy = tt_xstrdup(arg), *save = NULL, *spec;
	size_t n = 0;
	int ret = 0;

	for (spec = strtok_r(copy, ",", &save); spec && !ret;
	     spec = strtok_r(NULL, ",", &save), n++) {
		const char *dur = spec;
		unsigned long pct = 100;
		char *end = spec;

		if (spec[0] == 'p' && spec[1] >= '1' && spec[1] <= '9')
			pct = strtoul(spec + 1, &end, 10);
		if (end != spec) {
			if (*end != ':' || pct > 100)
				break;
			dur = end + 1;
		}
		if (tt_parse_duration(dur, &tt_opt.late_budget_ns[pct]) < 0)
			break;
	}
	if (spec || !n)
		ret = usage_error("invalid --max-lateness '%s' " LATENESS_FORMS,
				  spec ? spec : arg);
	tt_opt.late_budget = true;
	free(copy);
	return ret;
}

/* The index of the word w (len bytes) in the list "a|b|c", or -1. */
static int word_in(const char *list, const char *w, size_t len)
{
	for (int i = 0; *list; i++) {
		size_t n = strcspn(list, "|");

		if (n == len && strncmp(list, w, len) == 0)
			return i;
		list += n + (list[n] == '|');
	}
	return -1;
}

/* The i-th word of the list "a|b|c": its length, *at its start. */
static int word_at(const char *list, int i, const char **at)
{
	while (i-- > 0)
		list += strcspn(list, "|") + 1;
	*at = list;
	return (int)strcspn(list, "|");
}

/* What --timestamps and -t set, checked against each other at the end. */
static struct {
	unsigned short_t;	/* -t given so many times */
	bool spec;		/* --timestamps given */
	bool format;		/* with a format word */
} ts_given;

/* "key:" at the start of the len bytes at w, or a word without a key. */
static bool ts_key(const char *w, size_t len, const char *key)
{
	const char *colon = memchr(w, ':', len);
	size_t k = strlen(key);

	return !colon || ((size_t)(colon - w) == k && !strncmp(w, key, k));
}

/* --timestamps[=SPEC]: comma-separated format:F, precision:P, clock:C,
 * or the words alone; empty words are skipped and a later word replaces
 * an earlier one, as strace does: the format stays from an earlier
 * --timestamps unless it was none (then time), and no SPEC is "time"
 * (the precision and the clock stay). */
static int timestamps(const char *arg)
{
	const char *w = arg ? arg : "time";

	ts_given.spec = true;
	if (tt_opt.tstamp.format == TS_NONE)
		tt_opt.tstamp.format = TS_TIME;
	for (;;) {
		size_t len = strcspn(w, ",");
		const char *colon = memchr(w, ':', len);
		const char *v = colon ? colon + 1 : w;
		size_t vlen = len - (size_t)(v - w);
		int f = -1, p = -1, c = -1;

		if (ts_key(w, len, "format"))
			f = word_in(TS_FORMATS, v, vlen);
		if (ts_key(w, len, "precision"))
			p = word_in(TS_PRECISIONS, v, vlen);
		if (ts_key(w, len, "clock"))
			c = word_in(TS_CLOCKS, v, vlen);
		if (f >= 0) {
			tt_opt.tstamp.format = (enum tt_ts_format)f;
			ts_given.format = true;
		} else if (p >= 0) {
			tt_opt.tstamp.digits = 3 * (unsigned)p;
		} else if (c >= 0) {
			tt_opt.tstamp.clock = (enum tt_ts_clock)c;
		} else if (len) {
			return usage_error("invalid --timestamps argument "
					   "'%.*s' (" TS_SPEC ")", (int)len, w);
		}
		if (!w[len])
			return 0;
		w += len + 1;
	}
}

/* -t, -tt, -ttt as strace: time,s; time,us; unix,us.  Not with
 * --timestamps (strace: the same).  A clock without a time of day
 * prints seconds since its zero: format:time with it is an error. */
static int timestamps_done(void)
{
	struct tt_tstamp *ts = &tt_opt.tstamp;
	const char *name;
	int n;

	if (ts_given.short_t && ts_given.spec)
		return usage_error("-t and --absolute-timestamps cannot be "
				   "provided simultaneously");
	if (ts_given.short_t) {
		ts->format = ts_given.short_t >= 3 ? TS_UNIX : TS_TIME;
		ts->digits = ts_given.short_t >= 2 ? 6 : 0;
	}
	if (ts->clock == TS_REALTIME || ts->format != TS_TIME)
		return 0;
	if (!ts_given.format) {
		ts->format = TS_UNIX;
		return 0;
	}
	n = word_at(TS_CLOCKS, (int)ts->clock, &name);
	return usage_error("--timestamps: clock:%.*s has no time of day "
			   "(format:time); use format:unix for seconds since "
			   "the clock's zero", n, name);
}

static bool depth_given;

/* Long options without a short one of strace's to share a letter with. */
enum { OPT_TOCTOU = 256, OPT_SEPARATELY, OPT_STATUS, OPT_SIGNAL,
	OPT_CHECK_REPORT, OPT_DIFF, OPT_FLOOR, OPT_TIMESTAMPS, OPT_CHECK };

/* A number option within [min, max]. */
static int number(const char *opt, const char *arg, long min, long max,
		  unsigned *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < min || v > max)
		return usage_error("invalid %s value '%s' (%ld to %ld)", opt,
				   arg, min, max);
	*out = (unsigned)v;
	return 0;
}

static int stack_depth(const char *arg)
{
	depth_given = true;
	return number("--stack-depth", arg, 1, TT_MAX_FRAMES,
		      &tt_opt.stack_depth);
}

/* strace's options that ttrace takes as strace does, or accepts because
 * they change nothing for the calls it traces (the man page says why).
 * Returns -1 when c is none of them. */
static int strace_option(int c, const char *arg)
{
	switch (c) {
	case 'a':	/* the column of the return value */
		return number("-a", arg, 0, 1000, &tt_opt.ret_column);
	case 's':	/* strings: none here; arrays: elements shown */
		return number("-s", arg, 0, TT_MAX_MEM, &tt_max_shown);
	case 'v':	/* every struct is shown whole already */
	case 'x':	/* no strings to show in hex */
	case 'w':	/* -c's times are wall-clock already */
		return 0;
	case 'X':
		if (strcmp(arg, "abbrev") == 0)
			return 0;
		return usage_error("-X %s: ttrace shows constants by name "
				   "(-X abbrev) only", arg);
	case 'B':	/* --seccomp-bpf: ttrace's default */
		tt_opt.seccomp = true;
		return 0;
	default:
		return -1;
	}
}


int tt_options_parse(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "output", required_argument, NULL, 'o' },
		{ "trace", required_argument, NULL, 'E' },
		{ "toctou", required_argument, NULL, OPT_TOCTOU },
		{ "seccomp", required_argument, NULL, 'S' },
		{ "json", no_argument, NULL, 'J' },
		{ "toctou-fail", no_argument, NULL, 'F' },
		{ "profile", required_argument, NULL, 'P' },
		{ "check", required_argument, NULL, OPT_CHECK },
		{ "summary-only", no_argument, NULL, 'c' },
		{ "summary", no_argument, NULL, 'C' },
		{ "junit", required_argument, NULL, 'U' },
		{ "check-report", required_argument, NULL, OPT_CHECK_REPORT },
		{ "diff", no_argument, NULL, OPT_DIFF },
		{ "tolerance", required_argument, NULL, 'L' },
		{ "max-lateness", required_argument, NULL, 'M' },
		{ "floor", required_argument, NULL, OPT_FLOOR },
		{ "timeline", required_argument, NULL, 'W' },
		{ "stack-depth", required_argument, NULL, 'K' },
		{ "list-calls", no_argument, NULL, 'l' },
		{ "seccomp-bpf", no_argument, NULL, 'B' },
		{ "follow-forks", no_argument, NULL, 'f' },
		{ "output-separately", no_argument, NULL, OPT_SEPARATELY },
		{ "successful-only", no_argument, NULL, 'z' },
		{ "failed-only", no_argument, NULL, 'Z' },
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "signal", required_argument, NULL, OPT_SIGNAL },
		{ "timestamps", optional_argument, NULL, OPT_TIMESTAMPS },
		{ "absolute-timestamps", optional_argument, NULL, OPT_TIMESTAMPS },
		{ NULL, 0, NULL, 0 },
	};
	const char *check_only = NULL, *profile_only = NULL;
	bool selected = false, separately = false;
	unsigned follow = 0;
	int only = 0;		/* the last of -z and -Z */
	int c, r;

	tt_opt.toctou = true;
	tt_opt.seccomp = true;
	tt_opt.tolerance_ppm = TT_PROFILE_TOLERANCE;
	tt_opt.floor_ns = TT_PROFILE_FLOOR;
	for (size_t i = 0; i <= 100; i++)
		tt_opt.late_budget_ns[i] = -1;
	tt_opt.late_budget = false;
	tt_opt.stack_depth = TT_MAX_FRAMES;
	tt_opt.decode_fds = 0;
	tt_opt.ret_column = 40;
	tt_max_shown = TT_MAX_SHOWN;
	depth_given = false;
	memset(&ts_given, 0, sizeof(ts_given));
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:a:cCe:fhkVo:p:qrs:tTvwxX:yzZ", longopts,
				NULL)) != -1) {
		if ((r = strace_option(c, optarg)) >= 0) {
			if (r)
				return r;
			continue;
		}
		switch (c) {
		case 'e':
			if ((r = add_expr(optarg, &selected)))
				return r;
			break;
		case 'E':
			if ((r = select_names(optarg, &selected)))
				return r;
			break;
		case 'c':
			tt_opt.summary = true;
			break;
		case 'C':
			tt_opt.summary_too = true;
			break;
		case 'f':	/* ttrace always follows; -ff: a file each */
			if (++follow >= 2)
				separately = true;
			break;
		case OPT_SEPARATELY:
			separately = true;
			break;
		case 'z':
		case 'Z':
			if (only && only != c)
				tt_warning("only the last of -z and -Z takes "
					 "effect; -e status=SET filters more");
			only = c;
			status_set(c == 'z' ? "successful" : "failed");
			break;
		case OPT_STATUS:
			if ((r = status_set(optarg)))
				return r;
			break;
		case OPT_SIGNAL:
			if ((r = signal_set(optarg)))
				return r;
			break;
		case OPT_TOCTOU:
			if ((r = on_off("--toctou", optarg, &tt_opt.toctou)))
				return r;
			break;
		case 'S':
			if ((r = on_off("--seccomp", optarg, &tt_opt.seccomp)))
				return r;
			break;
		case 'F':
			tt_opt.toctou_fail = true;
			break;
		case 'J':
			tt_opt.json = true;
			break;
		case 'P':
			tt_opt.profile = optarg;
			break;
		case OPT_CHECK:
			tt_opt.check = optarg;
			break;
		case 'U':
			tt_opt.junit = optarg;
			check_only = "--junit";
			break;
		case OPT_CHECK_REPORT:
			tt_opt.check_report = optarg;
			check_only = "--check-report";
			break;
		case OPT_DIFF:
			tt_opt.diff = true;
			break;
		case 'L':
			if (tt_parse_percent(optarg, &tt_opt.tolerance_ppm) < 0)
				return usage_error("invalid --tolerance '%s' (a "
						   "percentage: 10%%, 2.5%%)",
						   optarg);
			profile_only = "--tolerance";
			break;
		case OPT_FLOOR:
			if (tt_parse_duration(optarg, &tt_opt.floor_ns) < 0)
				return usage_error("invalid --floor '%s' (a "
						   "duration with a unit: 1ms, "
						   "50us; units ns, us, ms, s)",
						   optarg);
			profile_only = "--floor";
			break;
		case 'M':
			if ((r = late_budgets(optarg)))
				return r;
			check_only = "--max-lateness";
			break;
		case 'W':
			if (!*optarg)
				return usage_error("--timeline needs a file name");
			tt_opt.timeline = optarg;
			break;
		case 'k':
			if (tt_opt.stack < 2)
				tt_opt.stack++;
			break;
		case 'y':
			if (tt_opt.decode_fds < 2)
				tt_opt.decode_fds++;
			break;
		case 'K':
			if ((r = stack_depth(optarg)))
				return r;
			break;
		case 'h':
			tt_usage(stdout);
			return 0;
		case 'V':
			printf("ttrace %s\n", PACKAGE_VERSION);
			return 0;
		case 'l':
			tt_select_list(stdout);
			return 0;
		case 'o':
			tt_opt.outfile = optarg;
			break;
		case 'p':
			if ((r = add_pids(optarg)))
				return r;
			break;
		case 'q':
			tt_opt.quiet++;
			break;
		case 'r':
			tt_opt.relative = true;
			break;
		case 't':
			ts_given.short_t++;
			break;
		case OPT_TIMESTAMPS:
			if ((r = timestamps(optarg)))
				return r;
			break;
		case 'T':
			tt_opt.syscall_time = true;
			break;
		case ':':
			if (is_long(argv[optind - 1]))
				return usage_error("option '%s' requires an argument",
						   argv[optind - 1]);
			return usage_error("option requires an argument -- '%c'",
					   optopt);
		default:
			/* For a long option, optopt is its internal code:
			 * name the option as written instead. */
			if (is_long(argv[optind - 1])) {
				const char *arg = argv[optind - 1];
				const char *eq = strchr(arg, '=');

				if (optopt && eq)
					return usage_error("option '%.*s' doesn't "
							   "allow an argument",
							   (int)(eq - arg), arg);
				return usage_error("unrecognized option '%s'", arg);
			}
			return usage_error("invalid option -- '%c'", optopt);
		}
	}
	if (optind < argc)
		tt_opt.argv = argv + optind;
	if (tt_opt.diff)
		return diff_options(argc - optind, selected, follow);
	if (!tt_opt.argv && !tt_opt.npids)
		return usage_error("must have COMMAND [ARGS...] or -p PID");
	if (tt_opt.argv && tt_opt.npids)
		return usage_error("-p and a COMMAND cannot be combined");
	if (check_only && !tt_opt.check)
		return usage_error("%s needs --check=FILE or --diff", check_only);
	if (profile_only && !tt_opt.check && !tt_opt.profile && !tt_opt.diff)
		return usage_error("%s needs --profile=FILE, --check=FILE or "
				   "--diff", profile_only);
	if ((r = outputs_apart()) || (r = reports_apart()))
		return r;
	if ((r = timestamps_done()))
		return r;
	if (tt_opt.summary && tt_opt.summary_too)
		return usage_error("-c and -C are mutually exclusive (-c: the "
				   "summary only; -C: the trace and the summary)");
	if ((r = output_separately(separately)))
		return r;
	if (depth_given && !tt_opt.stack)
		return usage_error("--stack-depth needs -k");
	if (tt_opt.stack && tt_opt.summary) {
		/* strace says the same: the summary has no place for stacks. */
		tt_warning("-k has no effect with -c");
		tt_opt.stack = 0;
	}
	/* -c shows no arguments: no fd is worth a readlink */
	if (tt_opt.summary)
		tt_opt.decode_fds = 0;
	if (!selected)
		tt_select_default();
	return -1;
}
