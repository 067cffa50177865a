/* ttrace unit tests: the suites and the helpers they share.
 *
 * Every test starts from a known state: the render fixture clears tt_opt,
 * sends the trace into memory and, at the end, removes every tcb and
 * closes any half-printed line.  With memory output every line starts
 * with the tid as "%-5d ", so tid 100 prints as "100   " (UT_P). */
#ifndef TTRACE_UNIT_H
#define TTRACE_UNIT_H

#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "event.h"
#include "render/render.h"

struct tt_abi;

Suite *make_decode_suite(void);
Suite *make_text_suite(void);
Suite *make_tables_suite(void);
Suite *make_select_suite(void);
Suite *make_options_suite(void);
Suite *make_xlat_suite(void);
Suite *make_umove_suite(void);
Suite *make_core_suite(void);
Suite *make_json_suite(void);
Suite *make_summary_suite(void);
Suite *make_profile_suite(void);
Suite *make_profile_ci_suite(void);
Suite *make_elfinfo_suite(void);
Suite *make_timing_suite(void);
Suite *make_timeline_suite(void);
Suite *make_seccomp_suite(void);

/* The bound of a loop test over a table of cases. */
#define NCASES(a) (int)(sizeof(a) / sizeof((a)[0]))

#define UT_TID 100
#define UT_P "100   "	/* the line prefix of UT_TID */

/* A test case named name in s, with the checked fixture setup/teardown
 * when setup is not NULL. */
TCase *ut_tcase(Suite *s, const char *name, SFun setup, SFun teardown);

/* --- the trace, captured in memory ------------------------------------ */

/* Checked fixture of every rendering test. */
void ut_render_setup(void);
void ut_render_teardown(void);
/* Closes the stream and returns all that was written (owned by the
 * fixture); later writes are dropped. */
const char *ut_output(void);
/* Fails the test, naming it, unless the trace is exactly want. */
void ut_expect_output(const char *what, const char *want);

/* --- calls ------------------------------------------------------------ */

/* The bytes the core would have read for one pointer argument: the fields
 * of a timespec (sec, nsec) or itimerspec (interval sec, nsec, value sec,
 * nsec), laid out in the row's width; !ok: not readable. */
struct ut_mem {
	bool ok;
	uint64_t f[4];
};

#define UT_TS(s, ns) { true, { (uint64_t)(s), (uint64_t)(ns) } }
#define UT_ITS(is, ins, vs, vns) \
	{ true, { (uint64_t)(is), (uint64_t)(ins), (uint64_t)(vs), (uint64_t)(vns) } }

/* One traced call of one ABI, from entry to exit. */
struct ut_call {
	const struct tt_abi *abi;
	long nr;
	uint64_t raw[TT_MAX_ARGS];
	struct ut_mem mem[TT_MAX_ARGS];
	uint8_t ret;		/* enum tt_ret_kind */
	int64_t rval;
	int err;
	long resumes;		/* restart_syscall: the nr it resumes; 0: none
				 * (no ABI resumes its restart_syscall) */
};

#define UT_RET(v) .ret = TR_VALUE, .rval = (v)
#define UT_ERR(e) .ret = TR_ERROR, .rval = -(e), .err = (e)

/* The event of call c by tid (initialised, memory set, nothing decoded
 * yet); the last four stay valid. */
struct tt_event *ut_call_begin(pid_t tid, const struct ut_call *c);
/* Decode the entry and give the text renderer its record, then the
 * exit's, as the tracer does. */
void ut_call_entry(struct tt_event *ev);
void ut_call_exit(struct tt_event *ev, const struct ut_call *c);

/* A record of kind for tid (its own process, x86_64, the only tracee)
 * at ts; the fields of its kind are left for the test to set. */
struct tt_record ut_record(enum tt_record_kind kind, pid_t tid,
			   const struct tt_timestamps *ts);
/* The record of call ev: its entry's (at t_entry) or another kind's (at
 * t_exit). */
struct tt_record ut_call_record(enum tt_record_kind kind,
				const struct tt_event *ev);
/* Both, for tid. */
void ut_call_run(pid_t tid, const struct ut_call *c);

/* A call and the trace it must give, exactly. */
struct ut_case {
	const char *what;
	struct ut_call call;
	const char *want;
};

/* Runs c as tid UT_TID and checks the trace. */
void ut_case_check(const struct ut_case *c);

/* --- other streams ---------------------------------------------------- */

/* Redirects fd (1 or 2) into a temporary file until ut_capture_end, which
 * returns what was written there (free it). */
struct ut_capture {
	int fd, saved;
	FILE *tmp;
};
void ut_capture_begin(struct ut_capture *cap, int fd);
char *ut_capture_end(struct ut_capture *cap);

/* What ttrace traces, as the help and the -e trace= error list it (made
 * from the tables by src/cli/select.c).  The lists in it are markers,
 * made again from the tables by ut_expand: the expected texts need no
 * edit when a row is added. */
#define UT_CALLS "ttrace traces %timer (@TIMER@), %sleep (@SLEEP@), " \
	"%wait (@WAITS@) and read (of timerfds only); a family name " \
	"selects every ABI variant, a variant's name just it (ttrace " \
	"--list-calls)\n"
#define UT_WAITS "@WAITS@"
/* The i386 variants whose name is not their family's, sorted. */
#define UT_I386_VARIANTS "@I386@"

/* want with its markers replaced: @TIMER@, @SLEEP@, @WAITS@ (the
 * families of the rows of %timer, %sleep and %wait, sorted, ", "
 * between) and @I386@ (the i386 rows named other than their family).
 * Free it. */
char *ut_expand(const char *want);

#endif
