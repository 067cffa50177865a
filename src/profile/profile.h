/* ttrace - timing profiles (--profile, --check).
 *
 * A profile is what a run asked the kernel for: per call family, clock and
 * mode (relative or absolute), the requests with how often each was made,
 * plus lateness statistics for information.  The requests are sleeps,
 * timer settings and the timeouts of waits (poll, ppoll ...: a wait
 * without one asks for none).  Keys are ABI-independent (families, not
 * entry points), so a profile recorded from an x86_64 build checks an
 * i386 build.
 *
 * What a program asked for is not always the value it passed:
 * - an absolute request is a deadline.  A program that sleeps until
 *   now+x asked for x: the deadline less its clock at the entry ("left").
 *   A periodic loop (deadline += period) asked for the period: the step
 *   from the thread's previous deadline ("step"), exact where "left"
 *   carries the loop's own time.  Both are recorded; a group is written
 *   as steps when most steps are one exact value, as time left otherwise,
 *   and --check reads a run the way its profile was written.
 * - a sleep or wait cut short by a signal and called again for the rest
 *   (the same deadline, or a relative one that ends no later) is one
 *   request, not two.
 * - values within the tolerance of each other are one request, a "span"
 *   written as its largest value and its smallest: event loops compute
 *   their timeouts as the next deadline minus now, which spreads below
 *   the period, and time left spreads by the program's own time.
 * - requests at or below the floor (runtime spins and yields of a few
 *   microseconds, polls that only look) are counted, not compared; so
 *   are those of a language runtime's own thread (Go's sysmon: its
 *   sleeps and waits follow the program's timers, differently each run).
 */
#ifndef TTRACE_PROFILE_H
#define TTRACE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "event.h"
#include "samples.h"

/* The version ttrace writes, and the oldest it reads.  Version 2 added
 * the command line and ttrace's version, the floor, spans and how an
 * absolute group is written. */
#define TT_PROFILE_VERSION 2
#define TT_PROFILE_OLDEST 1
/* The defaults of --tolerance (10%) and --floor (1 ms). */
#define TT_PROFILE_TOLERANCE 100000
#define TT_PROFILE_FLOOR 1000000

struct tt_record;

struct tt_prof_req {
	int64_t value;		/* ns: the duration, timer value, timeout,
				 * time left or step; of a span, its largest */
	int64_t interval;	/* ns: a timer's interval; 0 for sleeps */
	unsigned long count;
	int64_t min;		/* ns: a span's smallest value (value: the
				 * same each time) */
};

struct tt_prof_lateness {
	unsigned long count;
	int64_t median, p99, max;
};

/* While recording: the distinct (value, interval) pairs and how often
 * each came, found through an open-addressed hash table of indexes into
 * v, + 1 (0: an empty slot). */
struct tt_prof_vals {
	struct tt_prof_req *v;
	size_t n, cap;
	size_t *slot;
	size_t nslot;		/* a power of two, at least 2 * n */
};

/* How an absolute group's requests are written and compared. */
enum tt_prof_as {
	TT_AS_VALUE,		/* relative: the value passed */
	TT_AS_LEFT,		/* the deadline less the clock at the entry */
	TT_AS_STEP,		/* the step from the thread's last deadline */
};

struct tt_prof_group {
	char *family;		/* "clock_nanosleep" */
	char *clock;		/* "CLOCK_MONOTONIC", or "unknown" */
	bool absolute;
	bool arms;		/* a timer: requests have an interval */
	bool waits;		/* a wait: requests are its timeouts */
	uint8_t as;		/* enum tt_prof_as */
	struct tt_prof_req *req;	/* the requests (spans), by value */
	size_t nreq;
	/* while recording: relative values, or an absolute request's time
	 * left; and its step from the thread's last deadline */
	struct tt_prof_vals left, step;
	unsigned long starts;	/* steps: first deadlines of a thread */
	unsigned long below;	/* requests at or below the floor */
	unsigned long runtime;	/* requests of a runtime's own thread */
	struct tt_prof_lateness late;
	struct tt_samples samples;	/* while recording */
};

struct tt_profile {
	char **selection;	/* the traced calls: sorted entry point names */
	size_t nsel;
	struct tt_prof_group *g;
	size_t ng;
	/* Recording: values within tol_ppm of each other are one request;
	 * those at or below floor_ns (-1: none) are counted, not compared.
	 * A profile read back has the floor it was recorded with. */
	int64_t tol_ppm;
	int64_t floor_ns;
	/* where it came from (meta.c): the command line it was recorded
	 * from (none with -p) and the ttrace that recorded it (NULL: not
	 * said, a version 1 profile) */
	char **command;
	size_t ncommand;
	char *version;
};

/* Do g's values spread below what the program asked for: a wait's
 * timeouts (an event loop's time to its next deadline, less whatever
 * woke it early or late), a time left (less the program's time and, on
 * a loaded machine, ttrace's)?  Such a request is a span down to three
 * quarters of its largest value, and its count depends on the
 * scheduling. */
bool tt_prof_spread(const struct tt_prof_group *g);

/* |b - a| within tol_ppm of |a| (0 stays 0 exactly). */
bool tt_prof_near(int64_t a, int64_t b, int64_t tol_ppm);

/* The selection now in force (tt_selected), as a profile records it. */
void tt_profile_init(struct tt_profile *p);
void tt_profile_free(struct tt_profile *p);

/* The group of family, clock and mode in p, or NULL. */
struct tt_prof_group *tt_profile_find(const struct tt_profile *p,
				      const char *family, const char *clock,
				      bool absolute);

/* Adds the call of a CALL_EXIT record (sleeps, timer arming, waits with a
 * timeout; others are ignored). */
void tt_profile_record(struct tt_profile *p, const struct tt_record *r);
/* The thread is gone: forget its last deadlines. */
void tt_profile_forget(pid_t tid);
/* Makes the requests (spans) of what was recorded, an absolute group's
 * as the same group of like is written (like NULL, or without that
 * group: as its own steps say), sorts groups and requests and computes
 * the lateness statistics. */
void tt_profile_finish(struct tt_profile *p, const struct tt_profile *like);

/* Writes p as JSON.  Returns 0, or -1 if a write failed. */
int tt_profile_write(const struct tt_profile *p, FILE *fp);

/* Reads a profile from path.  Returns 0, or -1 with a message (naming
 * nothing but the problem) in msg. */
int tt_profile_load(const char *path, struct tt_profile *p, char *msg,
		    size_t size);

/* The same from text[0..len) (the fuzz target's way in). */
bool tt_profile_parse(const char *text, size_t len, struct tt_profile *p,
		      char *msg, size_t size);

/* How many requests p holds: every count, every absolute group's starts
 * and the requests at or below the floor (compared for a busy loop).  A
 * check against a profile of none compares nothing. */
unsigned long tt_profile_requests(const struct tt_profile *p);
/* The same for one group. */
unsigned long tt_group_requests(const struct tt_prof_group *g);

/* Where p comes from: argv (NULL-terminated; NULL: no command, -p) and
 * version, copied. */
void tt_profile_set_origin(struct tt_profile *p, char *const *argv,
			   const char *version);
void tt_profile_free_origin(struct tt_profile *p);
/* The "ttrace_version" and "command" lines of a profile, those it has. */
void tt_profile_write_origin(const struct tt_profile *p, FILE *fp);
struct tt_json;
/* Reads them from the profile's object j, either or both absent.
 * Returns false with the problem in msg. */
bool tt_profile_load_origin(const struct tt_json *j, struct tt_profile *p,
			    char *msg, size_t size);
/* p's command line as a shell would read it back; allocated. */
char *tt_profile_command_line(const struct tt_profile *p);
/* Warns on stderr ("ttrace: LABEL: warning: ...") when the ttrace
 * versions or the command lines of was and now, both known, differ;
 * was_name and now_name say which is which ("recorded", "this run").
 * Returns how many warnings it gave. */
unsigned tt_profile_origin_warn(const struct tt_profile *was,
				const struct tt_profile *now, const char *label,
				const char *was_name, const char *now_name);

/* The first call (in the order of names) that one of a and b traces and
 * the other does not, with *in_a saying which; NULL when they trace the
 * same calls. */
const char *tt_profile_selection_differs(const struct tt_profile *a,
					 const struct tt_profile *b, bool *in_a);

/* Both profiles are for the same calls: 0, or -1 with the difference in
 * msg. */
int tt_profile_same_selection(const struct tt_profile *a,
			      const struct tt_profile *b, char *msg,
			      size_t size);

/* What --check found. */
enum tt_finding_kind {
	TF_CHANGED,	/* old -> new */
	TF_GONE,	/* old only */
	TF_NEW,		/* new only */
	TF_COUNT,	/* same value, count beyond the tolerance */
	TF_STARTS,	/* absolute: number of starts beyond the tolerance */
	TF_LATE,	/* max lateness over the budget */
	TF_BELOW,	/* requests at or below the floor: ten times more
			 * and 100 more (a busy loop) */
};

struct tt_finding {
	enum tt_finding_kind kind;
	const struct tt_prof_group *group;	/* in new, or old if gone */
	struct tt_prof_req old, new;
	unsigned long old_starts, new_starts;	/* TF_STARTS, TF_BELOW */
	int64_t late, budget;
	unsigned pct;	/* TF_LATE: the percentile over its budget; 0 or
			 * 100: the max */
};

struct tt_check {
	struct tt_finding *f;
	size_t n;
	/* The groups compared, for the JUnit cases: group i of the union. */
	const struct tt_prof_group **groups;
	size_t ngroups;
};

/* Compares a run (now) with a recorded profile (was): requested values
 * that appeared, disappeared, moved by more than tol_ppm parts per
 * million, or whose count changed by more than that; with budget >= 0,
 * sleeps that woke later than budget ns. */
void tt_profile_compare(const struct tt_profile *was,
			const struct tt_profile *now, int64_t tol_ppm,
			int64_t budget, struct tt_check *out);
void tt_check_free(struct tt_check *c);

/* The lateness of group g at percentile pct (1..100, 100 the max): the
 * median, p99 or max a profile keeps, or another percentile of the run's
 * samples (a profile read from a file keeps none).  false when unknown. */
bool tt_group_lateness(const struct tt_prof_group *g, unsigned pct,
		       int64_t *ns);

/* --max-lateness: a TF_LATE finding for each group of now and each
 * percentile pct with a budget (budget_ns[pct] >= 0, pct 1..100) that the
 * group's lateness exceeds; in the order of now's groups, then of pct. */
void tt_check_lateness(const struct tt_profile *now, const int64_t *budget_ns,
		       struct tt_check *c);

/* One finding as a line of text (no newline). */
void tt_finding_text(const struct tt_finding *f, char *buf, size_t size);
/* The group's name: "clock_nanosleep CLOCK_MONOTONIC relative". */
void tt_group_name(const struct tt_prof_group *g, char *buf, size_t size);

/* A check as its reports tell it (report.c): what was compared with
 * what and how, and what came of it besides the findings. */
struct tt_check_info {
	const char *profile;	/* the recorded profile: --check=FILE, or
				 * --diff's OLD */
	const char *new_profile;	/* --diff's NEW; NULL for a run */
	const struct tt_profile *was, *now;
	int64_t tol_ppm;
	const int64_t *budget_ns;	/* --max-lateness: [1..100], -1 none */
	bool budget;		/* any of them */
	int64_t wall_ns;	/* the run's wall time (--diff: the check's) */
	const char *error;	/* nothing was compared: why; NULL when
				 * something was */
	bool has_status;	/* a command ran: its exit status */
	int status;
};

/* "--check=FILE" or "--diff OLD NEW", as messages name the check;
 * allocated. */
char *tt_check_label(const struct tt_check_info *in);

/* The report on stderr: "ttrace: LABEL: N regressions" and a line per
 * finding, or the error. */
void tt_check_print(const struct tt_check_info *in, const struct tt_check *c);

/* The result as JUnit XML: a case per group (and a lateness case per
 * group of sleeps or waits with a budget); the suite's time is the run's
 * wall time, a case's 0.  Returns 0, or -1 if a write failed. */
int tt_check_junit(const struct tt_check_info *in, const struct tt_check *c,
		   FILE *fp);

/* The result as JSON (--check-report; doc/ttrace-check-report.schema.json).
 * Returns 0, or -1 if a write failed. */
int tt_check_json(const struct tt_check_info *in, const struct tt_check *c,
		  FILE *fp);

/* GitHub Actions: a workflow command a finding (or the error),
 * "::error title=ttrace --check::TEXT", for fp (standard output). */
void tt_check_annotate(const struct tt_check_info *in, const struct tt_check *c,
		       FILE *fp);
/* GitHub Actions: the result as Markdown for the step summary: a heading
 * as on stderr, the command, a table of the groups and one of the
 * findings. */
void tt_check_summary(const struct tt_check_info *in, const struct tt_check *c,
		      FILE *fp);

#endif
