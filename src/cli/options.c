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

/* The help: the usage lines, the paragraph of calls (usage_calls), a
 * blank line, an entry per option, then the notes. */
static const char usage_lines[] =
"Usage: ttrace [OPTIONS] [--] COMMAND [ARGS...]\n"
"       ttrace [OPTIONS] -p PID[,PID...]\n"
"       ttrace --diff [OPTIONS] OLD.json NEW.json\n";

static const char *const usage_options[] = {
"  -e trace=NAMES  trace only these calls (comma-separated); a plain name\n"
"                  (clock_nanosleep) selects every ABI variant, an exact\n"
"                  one (clock_nanosleep_time32) just it; %timer: the\n"
"                  timer calls above; %sleep: the sleeps above; %wait:\n"
"                  the waits, with a timeout or not; read: reads of\n"
"                  timerfds, which stops at every read (slow); all:\n"
"                  every call; none: no call.  Default: %timer and the\n"
"                  waits that carry a finite timeout (0 included)\n",
"  -z, --successful-only  print only the calls that returned without\n"
"                  an error; -Z, --failed-only: only those with one\n",
"  -e status=SET, --status=SET  print only the calls that ended so:\n"
"                  successful, failed, unfinished (never returned),\n"
"                  unavailable, detached; all, none, !SET\n",
"  -e signal=SET, --signal=SET  print only these signals (USR1,\n"
"                  SIGALRM, 14; all, none, !SET)\n",
"  --list-calls    list every call ttrace knows, a line per entry point:\n"
"                  ABI, number, name, family, its %classes (or -);\n"
"                  and exit\n",
"  -o FILE         write the trace to FILE (default: standard error);\n"
"                  every line then starts with the thread id;\n"
"                  -o '|CMD' or -o '!CMD': into a pipe read by sh -c CMD\n",
"  --json          write JSON Lines instead of text: one object per event\n"
"                  (schema: doc/ttrace-events.schema.json)\n",
"  -p PID[,PID...] attach to running processes and all their threads;\n"
"                  SIGINT, SIGTERM or SIGHUP detach and leave them running\n",
"  -f              accepted for strace users: ttrace always follows\n",
"  -ff, --output-separately  with -o FILE, a file per thread: FILE.TID,\n"
"                  lines without the thread id\n",
"  -t, -tt, -ttt   prefix each line with the time of day, with\n"
"                  microseconds, or as seconds since the epoch:\n"
"                  --timestamps=time,s, time,us and unix,us\n",
"  --timestamps[=SPEC], --absolute-timestamps[=SPEC]  prefix each line\n"
"                  with a time stamp; SPEC, comma-separated, each word\n"
"                  with its key or alone: format:" TS_FORMATS "\n"
"                  (the time of day, or seconds since the clock's zero;\n"
"                  default time), precision:" TS_PRECISIONS " (default s),\n"
"                  clock:" TS_CLOCKS " (default realtime;\n"
"                  another clock has no time of day: its format is unix,\n"
"                  and format:time an error)\n",
"  -r              prefix each line with the time since the previous one\n"
"                  (after a -t or --timestamps stamp: in parentheses)\n",
"  -T              show the time spent in each call\n",
"  -c, --summary-only  no trace: at the end, a table per call of calls,\n"
"                  errors, time in the call, and how late sleeps woke\n"
"                  (median, p99, max), and a histogram of lateness per\n"
"                  clock; with --json, one JSON object\n",
"  -C, --summary   the trace, then -c's table in the same output (-o FILE\n"
"                  too); with --json, the events, then the summary object\n"
"                  as the last line\n",
"  --profile=FILE  write the run's timing profile to FILE (JSON): per call\n"
"                  family, clock and mode, what the program asked for and\n"
"                  how often: values within the tolerance are one request;\n"
"                  a deadline is the time left to it, or the step from the\n"
"                  last one; lateness for information\n",
"  --check=FILE    compare the run with the profile in FILE: a request\n"
"                  that appears, disappears or moves, or a count that\n"
"                  changes, beyond the tolerance is a regression: a report\n"
"                  on stderr and exit status 1; a profile or a run without\n"
"                  a request compares nothing: exit status 2\n",
"  --diff OLD.json NEW.json  run nothing: compare two profiles as --check\n"
"                  compares a run with one: the same report and exit status,\n"
"                  with --tolerance, --max-lateness (p50, p99 and the max),\n"
"                  --junit and --check-report\n",
"  --tolerance=PCT how far a value may move (default: 10%); the count of a\n"
"                  request asked the same each time too, others' by 50%\n",
"  --floor=DURATION  requests this short or shorter are counted, not\n"
"                  compared (default: 1ms; recorded in the profile)\n",
"  --max-lateness=BUDGET[,BUDGET...]  also a regression: a group of sleeps\n"
"                  or waits whose lateness is over a budget: DURATION for\n"
"                  the max (units ns, us, ms, s: 500us, 2ms), pN:DURATION\n"
"                  for the Nth percentile (N from 1 to 100: p99:2ms)\n",
"  --junit=FILE    also write the check's result as JUnit XML\n",
"  --check-report=FILE  also write the check's result as JSON: every\n"
"                  finding with its group and values (schema:\n"
"                  doc/ttrace-check-report.schema.json)\n",
"  GITHUB_ACTIONS=true  (in the environment) a check's findings are also\n"
"                  ::error annotations on stdout, and a Markdown summary\n"
"                  is appended to $GITHUB_STEP_SUMMARY\n",
"  --timeline=FILE also write FILE as a timeline for the Perfetto UI and\n"
"                  chrome://tracing (Chrome Trace Event JSON): a track per\n"
"                  thread, sleeps as spans, settimes, signals, starts, exits\n",
"  --toctou=on|off read every input struct again at the syscall exit and\n"
"                  report when it changed while the call ran (default: on)\n",
"  --toctou-fail   exit with status 1 if any TOCTOU finding was made\n",
"  --seccomp=on|off  stop the command only at the traced calls, with a\n"
"                  seccomp filter installed before it starts (default: on;\n"
"                  not possible with -p)\n",
"  -k              under each call, the stack of the calling thread at its\n"
"                  entry, innermost frame first (libdw);\n"
"                  -kk: with the source file:line where debug info has it\n",
"  --stack-depth=N at most N frames (1 to 64, default 64)\n",
"  -y              print the path each file descriptor is open on:\n"
"                  3<anon_inode:[timerfd]>; -yy: a device's type and\n"
"                  numbers too, /dev/null<char 1:3>, a socket's details,\n"
"                  UNIX-STREAM:[4387313->4387314]\n",
"  -a COLUMN       align return values at COLUMN (default 40)\n",
"  -s N            show at most N elements of an array (default 32)\n",
"  -v, -x, -xx, -w, -X abbrev, --seccomp-bpf  accepted for strace's\n"
"                  command lines; they change nothing here (man page)\n",
"  -q              do not report attach, detach and ABI changes;\n"
"                  -qq: not process exits either\n",
"  -h, --help      show this help and exit\n",
"  -V, --version   show the version and exit\n",
};

static const char usage_notes[] =
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
"(with -p, after detaching).  See ttrace(1).\n";

void tt_usage(FILE *fp)
{
	const size_t n = sizeof(usage_options) / sizeof(usage_options[0]);

	fputs(usage_lines, fp);
	usage_calls(fp);
	fputc('\n', fp);
	for (size_t i = 0; i < n; i++)
		fputs(usage_options[i], fp);
	fputs(usage_notes, fp);
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

/* What the command line said beside the values tt_opt keeps: read by
 * the checks after the loop (options_together, diff_options), which say
 * which options cannot go together or need another. */
struct given {
	bool selected;		/* -e trace= */
	unsigned follow;	/* -f so many times */
	bool separately;	/* -ff or --output-separately */
	int only;		/* the last of -z and -Z */
	const char *check_only;	/* the last option that needs a check */
	const char *profile_only;	/* ... a profile, a check or --diff */
	bool depth;		/* --stack-depth */
	unsigned short_t;	/* -t given so many times */
	bool ts_spec;		/* --timestamps given */
	bool ts_format;		/* with a format word */
};

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
static int diff_options(int n, const struct given *g)
{
	const struct { bool given; const char *opt; } run[] = {
		{ tt_opt.npids, "-p" }, { tt_opt.check, "--check" },
		{ tt_opt.profile, "--profile" }, { tt_opt.outfile, "-o" },
		{ tt_opt.timeline, "--timeline" }, { tt_opt.summary, "-c" },
		{ tt_opt.summary_too, "-C" }, { tt_opt.json, "--json" }, { tt_opt.stack, "-k" },
		{ g->selected, "-e trace=" }, { g->follow, "-f" },
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
static int output_separately(const struct given *g)
{
	const char *o = tt_opt.outfile;

	if (!g->separately)
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
static int timestamps(const char *arg, struct given *g)
{
	const char *w = arg ? arg : "time";

	g->ts_spec = true;
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
			g->ts_format = true;
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
static int timestamps_done(const struct given *g)
{
	struct tt_tstamp *ts = &tt_opt.tstamp;
	const char *name;
	int n;

	if (g->short_t && g->ts_spec)
		return usage_error("-t and --absolute-timestamps cannot be "
				   "provided simultaneously");
	if (g->short_t) {
		ts->format = g->short_t >= 3 ? TS_UNIX : TS_TIME;
		ts->digits = g->short_t >= 2 ? 6 : 0;
	}
	if (ts->clock == TS_REALTIME || ts->format != TS_TIME)
		return 0;
	if (!g->ts_format) {
		ts->format = TS_UNIX;
		return 0;
	}
	n = word_at(TS_CLOCKS, (int)ts->clock, &name);
	return usage_error("--timestamps: clock:%.*s has no time of day "
			   "(format:time); use format:unix for seconds since "
			   "the clock's zero", n, name);
}

/* Long options without a short one of strace's to share a letter with. */
enum { OPT_TOCTOU = 256, OPT_SEPARATELY, OPT_STATUS, OPT_SIGNAL,
	OPT_CHECK_REPORT, OPT_DIFF, OPT_FLOOR, OPT_TIMESTAMPS, OPT_CHECK };

#define SHORT_OPTS "+:a:cCe:fhkVo:p:qrs:tTvwxX:yzZ"

static const struct option long_opts[] = {
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

/* What an option's function returns for an option of another job. */
#define NOT_MINE (-2)

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

/* A value parse() reads (a duration, a percentage: src/util/units.h), or
 * the usage error that names its forms. */
static int measure(const char *opt, const char *arg,
		   int (*parse)(const char *, int64_t *), int64_t *out,
		   const char *forms)
{
	if (parse(arg, out) < 0)
		return usage_error("invalid %s '%s' (%s)", opt, arg, forms);
	return 0;
}

/* The options that only set a flag of tt_opt or keep their argument
 * there, by job; those of a check name themselves for options_together. */
static const struct plain_option {
	int c;
	bool *flag;		/* set */
	const char **value;	/* the argument */
	const char *check_only;	/* needs --check or --diff */
} plain_options[] = {
	/* output and format */
	{ 'o', NULL, &tt_opt.outfile, NULL },
	{ 'J', &tt_opt.json, NULL, NULL },
	{ 'c', &tt_opt.summary, NULL, NULL },
	{ 'C', &tt_opt.summary_too, NULL, NULL },
	{ 'r', &tt_opt.relative, NULL, NULL },
	{ 'T', &tt_opt.syscall_time, NULL, NULL },
	/* profiles and checks */
	{ 'P', NULL, &tt_opt.profile, NULL },
	{ OPT_CHECK, NULL, &tt_opt.check, NULL },
	{ OPT_DIFF, &tt_opt.diff, NULL, NULL },
	{ 'U', NULL, &tt_opt.junit, "--junit" },
	{ OPT_CHECK_REPORT, NULL, &tt_opt.check_report, "--check-report" },
	/* the tracer */
	{ 'F', &tt_opt.toctou_fail, NULL, NULL },
};

/* The first job.  Each job's function returns 0, the exit status of a
 * usage error, or NOT_MINE. */
static int plain_option(int c, const char *arg, struct given *g)
{
	const size_t n = sizeof(plain_options) / sizeof(plain_options[0]);

	for (const struct plain_option *o = plain_options; o < plain_options + n;
	     o++) {
		if (o->c != c)
			continue;
		if (o->flag)
			*o->flag = true;
		if (o->value)
			*o->value = arg;
		if (o->check_only)
			g->check_only = o->check_only;
		return 0;
	}
	return NOT_MINE;
}

/* The calls traced and the lines printed: -e, -z, -Z, --status,
 * --signal. */
static int select_option(int c, const char *arg, struct given *g)
{
	switch (c) {
	case 'e':
		return add_expr(arg, &g->selected);
	case 'E':
		return select_names(arg, &g->selected);
	case 'z':
	case 'Z':
		if (g->only && g->only != c)
			tt_warning("only the last of -z and -Z takes "
				   "effect; -e status=SET filters more");
		g->only = c;
		return status_set(c == 'z' ? "successful" : "failed");
	case OPT_STATUS:
		return status_set(arg);
	case OPT_SIGNAL:
		return signal_set(arg);
	default:
		return NOT_MINE;
	}
}

/* Where the trace goes and how its lines look (and plain_options). */
static int output_option(int c, const char *arg, struct given *g)
{
	switch (c) {
	case 'f':	/* ttrace always follows; -ff: a file each */
		if (++g->follow >= 2)
			g->separately = true;
		return 0;
	case OPT_SEPARATELY:
		g->separately = true;
		return 0;
	case 'W':
		if (!*arg)
			return usage_error("--timeline needs a file name");
		tt_opt.timeline = arg;
		return 0;
	case 't':
		g->short_t++;
		return 0;
	case OPT_TIMESTAMPS:
		return timestamps(arg, g);
	case 'q':
		tt_opt.quiet++;
		return 0;
	default:
		return NOT_MINE;
	}
}

/* The options of profiles and checks (and plain_options). */
static int check_option(int c, const char *arg, struct given *g)
{
	switch (c) {
	case 'M':
		g->check_only = "--max-lateness";
		return late_budgets(arg);
	case 'L':
		g->profile_only = "--tolerance";
		return measure("--tolerance", arg, tt_parse_percent,
			       &tt_opt.tolerance_ppm, "a percentage: 10%, 2.5%");
	case OPT_FLOOR:
		g->profile_only = "--floor";
		return measure("--floor", arg, tt_parse_duration,
			       &tt_opt.floor_ns, "a duration with a unit: "
			       "1ms, 50us; units ns, us, ms, s");
	default:
		return NOT_MINE;
	}
}

/* The tracer: what it attaches to, its filter, what it reads beside the
 * call: TOCTOU, stacks, fd paths (and plain_options). */
static int tracer_option(int c, const char *arg, struct given *g)
{
	switch (c) {
	case 'p':
		return add_pids(arg);
	case 'S':
		return on_off("--seccomp", arg, &tt_opt.seccomp);
	case OPT_TOCTOU:
		return on_off("--toctou", arg, &tt_opt.toctou);
	case 'k':
		if (tt_opt.stack < 2)
			tt_opt.stack++;
		return 0;
	case 'K':
		g->depth = true;
		return number("--stack-depth", arg, 1, TT_MAX_FRAMES,
			      &tt_opt.stack_depth);
	case 'y':
		if (tt_opt.decode_fds < 2)
			tt_opt.decode_fds++;
		return 0;
	default:
		return NOT_MINE;
	}
}

/* strace's options that ttrace takes as strace does, or accepts because
 * they change nothing for the calls it traces (the man page says why). */
static int strace_option(int c, const char *arg, struct given *g)
{
	(void)g;
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
		return NOT_MINE;
	}
}

/* An option that ends the parse: -h, -V, --list-calls (exit status 0),
 * or getopt's error for c, worded as glibc's. */
static int last_option(int c, char **argv)
{
	const char *arg = argv[optind - 1];
	const char *eq;

	switch (c) {
	case 'h':
		tt_usage(stdout);
		return 0;
	case 'V':
		printf("ttrace %s\n", PACKAGE_VERSION);
		return 0;
	case 'l':
		tt_select_list(stdout);
		return 0;
	case ':':
		if (is_long(arg))
			return usage_error("option '%s' requires an argument",
					   arg);
		return usage_error("option requires an argument -- '%c'",
				   optopt);
	}
	/* For a long option, optopt is its internal code: name the option
	 * as written instead. */
	if (!is_long(arg))
		return usage_error("invalid option -- '%c'", optopt);
	eq = strchr(arg, '=');
	if (optopt && eq)
		return usage_error("option '%.*s' doesn't allow an argument",
				   (int)(eq - arg), arg);
	return usage_error("unrecognized option '%s'", arg);
}

/* The options by job; each function returns NOT_MINE for the others'. */
static int (*const option_jobs[])(int, const char *, struct given *) = {
	plain_option, select_option, output_option, check_option,
	tracer_option, strace_option,
};

/* One option: -1 to go on (as tt_options_parse), or the exit status to
 * leave with. */
static int one_option(int c, char **argv, struct given *g)
{
	const size_t n = sizeof(option_jobs) / sizeof(option_jobs[0]);

	for (size_t i = 0; i < n; i++) {
		int r = option_jobs[i](c, optarg, g);

		if (r != NOT_MINE)
			return r ? r : -1;
	}
	return last_option(c, argv);
}

/* What a command line without options gets. */
static void defaults(void)
{
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
}

/* The options of a run against each other, after the loop: the first
 * error in this order; then what one option takes from another. */
static int options_together(const struct given *g)
{
	int r;

	if (!tt_opt.argv && !tt_opt.npids)
		return usage_error("must have COMMAND [ARGS...] or -p PID");
	if (tt_opt.argv && tt_opt.npids)
		return usage_error("-p and a COMMAND cannot be combined");
	if (g->check_only && !tt_opt.check)
		return usage_error("%s needs --check=FILE or --diff",
				   g->check_only);
	if (g->profile_only && !tt_opt.check && !tt_opt.profile && !tt_opt.diff)
		return usage_error("%s needs --profile=FILE, --check=FILE or "
				   "--diff", g->profile_only);
	if ((r = outputs_apart()) || (r = reports_apart()))
		return r;
	if ((r = timestamps_done(g)))
		return r;
	if (tt_opt.summary && tt_opt.summary_too)
		return usage_error("-c and -C are mutually exclusive (-c: the "
				   "summary only; -C: the trace and the summary)");
	if ((r = output_separately(g)))
		return r;
	if (g->depth && !tt_opt.stack)
		return usage_error("--stack-depth needs -k");
	if (tt_opt.stack && tt_opt.summary) {
		/* strace says the same: the summary has no place for stacks. */
		tt_warning("-k has no effect with -c");
		tt_opt.stack = 0;
	}
	/* -c shows no arguments: no fd is worth a readlink */
	if (tt_opt.summary)
		tt_opt.decode_fds = 0;
	return 0;
}

int tt_options_parse(int argc, char **argv)
{
	struct given g = { 0 };
	int c, r;

	defaults();
	opterr = 0;
	while ((c = getopt_long(argc, argv, SHORT_OPTS, long_opts,
				NULL)) != -1)
		if ((r = one_option(c, argv, &g)) >= 0)
			return r;
	if (optind < argc)
		tt_opt.argv = argv + optind;
	if (tt_opt.diff)
		return diff_options(argc - optind, &g);
	if ((r = options_together(&g)))
		return r;
	if (!g.selected)
		tt_select_default();
	return -1;
}
