/* ttrace - the command line, parsed and validated into one struct. */
#ifndef TTRACE_OPTIONS_H
#define TTRACE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "sets.h"

/* --timestamps=format:F,precision:P,clock:C (strace's, and ttrace's
 * clock:); -t is time,s; -tt time,us; -ttt unix,us. */
enum tt_ts_format {
	TS_NONE,	/* no stamp */
	TS_TIME,	/* the time of day: 23:56:31 */
	TS_UNIX,	/* seconds since the clock's zero: 1795391791 */
};

enum tt_ts_clock {
	TS_REALTIME,
	TS_MONOTONIC,
	TS_BOOTTIME,	/* read at every stop only when chosen */
};

struct tt_tstamp {
	enum tt_ts_format format;
	unsigned digits;	/* of the fraction: 0 (s), 3, 6 or 9 (ns) */
	enum tt_ts_clock clock;
};

struct tt_options {
	const char *outfile;	/* -o; NULL: stderr; "|CMD", "!CMD": a pipe */
	bool per_tid;		/* -ff with -o: FILE.TID per thread */
	struct tt_tstamp tstamp;	/* -t, --timestamps */
	bool relative;		/* -r */
	bool syscall_time;	/* -T */
	int quiet;		/* -q: attach/detach/personality; -qq: +exits */
	/* -z, -Z, -e status=: the calls not printed, by how they ended
	 * (enum tt_status bits; 0: every call printed) */
	unsigned status_hidden;
	/* -e signal=: the signals whose "--- SIG ---" is not printed */
	struct tt_sigset_opt signals_hidden;
	bool json;		/* --json: JSON Lines instead of text */
	bool summary;		/* -c: only a summary at the end */
	bool summary_too;	/* -C: the trace, then the summary */
	const char *timeline;	/* --timeline=FILE: Chrome trace events */
	bool seccomp;		/* --seccomp=on (default) */
	bool toctou;		/* --toctou=on (default) */
	bool toctou_fail;	/* --toctou-fail: exit 1 after a finding */
	const char *profile;	/* --profile=FILE */
	const char *check;	/* --check=FILE */
	bool diff;		/* --diff OLD NEW: argv holds the two */
	const char *junit;	/* --junit=FILE */
	const char *check_report;	/* --check-report=FILE: JSON */
	int64_t tolerance_ppm;	/* --tolerance (default 10%) */
	/* --max-lateness: a budget in ns per percentile of a group's
	 * lateness, [1] to [100] ([100] the max: a plain DURATION); -1 for
	 * none */
	int64_t late_budget_ns[101];
	bool late_budget;	/* any of them */
	int64_t floor_ns;	/* --floor (default 1 ms) */
	int stack;		/* -k: 1 the caller's stack, 2 (-kk) with lines */
	int decode_fds;		/* -y: 1 fd paths, 2 (-yy) devices too */
	unsigned stack_depth;	/* --stack-depth: frames at most */
	unsigned ret_column;	/* -a: the column of " = ", 40 */
	pid_t *pids;		/* -p */
	size_t npids;
	char **argv;		/* the command, or NULL with -p */
};

extern struct tt_options tt_opt;

/* Parses argv into tt_opt (and the syscall selection).  Returns 0, or the
 * exit status to leave with after a message (2 on a usage error; 0 after
 * --help or --version). */
int tt_options_parse(int argc, char **argv);

void tt_usage(FILE *fp);

#endif
