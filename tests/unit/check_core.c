/* ttrace unit tests: the syscall entry and exit path (src/tracer/syscall_trace.c)
 * without ptrace: the "tracee" is this process (its tid is ours, so the
 * core reads our memory), the stops are replayed as a list of steps, and
 * the trace is compared whole (every line long enough that the width of
 * our pid does not move the return column).  Every call is selected (tt_select_default,
 * which only adds). */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"
#include "known.h"
#include "process.h"
#include "runtime.h"
#include "elfinfo.h"
#include "select.h"
#include "spin.h"
#include "syscall_trace.h"
#include "tcb.h"
#include "nr-tables.h"
#include "unit.h"
#include "xlat/xlat.h"

#define X64 (&tt_abi_x86_64)
#define I386 (&tt_abi_i386)

/* A syscall stop, or -p's finding that the thread was blocked in a call. */
enum step_kind { S_END, S_ENTER, S_EXIT, S_BLOCKED };

struct step {
	enum step_kind kind;
	const struct tt_abi *abi;
	long nr;
	uint64_t args[TT_MAX_ARGS];
	int64_t rval;
};

#define ENTER(abi, nr, ...) { S_ENTER, abi, nr, { __VA_ARGS__ }, 0 }
#define EXIT(rval) { S_EXIT, NULL, 0, { 0 }, rval }
#define BLOCKED(abi, nr) { S_BLOCKED, abi, nr, { 0 }, 0 }

/* Replays steps up to S_END on a new tcb for our tid. */
static void replay(const struct step *steps)
{
	struct tt_timestamps ts = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	struct tcb *tcp = tt_tcb_new(getpid(), 0);

	for (const struct step *s = steps; s->kind != S_END; s++) {
		switch (s->kind) {
		case S_ENTER:
			tt_syscall_enter(tcp, s->abi, s->nr, s->args, &ts);
			break;
		case S_EXIT:
			tt_syscall_exit(tcp, s->rval, &ts);
			break;
		case S_BLOCKED:
			tt_syscall_remember_blocked(tcp, s->abi, s->nr, s->args);
			break;
		case S_END:
			break;
		}
	}
}

/* want: lines without the prefix, each ending in '\n'; the prefix of our
 * tid is put before each. */
static void expect_lines(const char *what, const char *want)
{
	char prefixed[2048], prefix[16];
	size_t n = 0;

	snprintf(prefix, sizeof(prefix), "%-5d ", (int)getpid());
	for (const char *line = want; *line; ) {
		const char *end = strchr(line, '\n');

		ck_assert_ptr_nonnull(end);
		n += (size_t)snprintf(prefixed + n, sizeof(prefixed) - n, "%s%.*s",
				      prefix, (int)(end - line + 1), line);
		ck_assert_uint_lt(n, sizeof(prefixed));
		line = end + 1;
	}
	prefixed[n] = '\0';
	ut_expect_output(what, prefixed);
}

static void core_setup(void)
{
	ut_render_setup();
	tt_select_default();
}

/* Structs in our memory, and in memory an i386 task could name. */
static struct timespec req = { 1, 0 }, rem = { 0, 999 };
static int32_t *low;	/* req32 at low[0..1], rem32 at low[2..3] */

#define SLEEP_RESTARTED "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0}, " \
	"{tv_sec=0, tv_nsec=999}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)\n"
#define SLEEP ENTER(X64, NR64_clock_nanosleep, 0, 0, (uintptr_t)&req, (uintptr_t)&rem)
#define RESTART ENTER(X64, NR64_restart_syscall)

/* Which call restart_syscall says it resumes. */
START_TEST(test_restart)
{
	/* Not static: the addresses of req and rem are not constants. */
	const struct {
		const char *what;
		struct step steps[10];
		const char *want;
	} cases[] = {
		{ "sleep restarted",
		  { SLEEP, EXIT(-TT_ERESTART_RESTARTBLOCK), RESTART, EXIT(0) },
		  SLEEP_RESTARTED
		  "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0\n" },
		/* A handler ran (rt_sigreturn gave EINTR back) and the program
		 * went on with other calls; the restart_syscall that comes
		 * later resumes one of those (a poll), not the sleep. */
		{ "restart of another call",
		  { SLEEP, EXIT(-TT_ERESTART_RESTARTBLOCK), ENTER(X64, NR64_rt_sigreturn), EXIT(-4),
		    ENTER(X64, NR64_poll, 0, 0, 1000), EXIT(-TT_ERESTART_RESTARTBLOCK),
		    RESTART, EXIT(0) },
		  SLEEP_RESTARTED
		  "poll(NULL, 0, 1000)               = ? ERESTART_RESTARTBLOCK (Interrupted by signal)\n"
		  "restart_syscall(<... resuming interrupted poll ...>) = 0\n" },
		{ "restart after another traced call",
		  { SLEEP, EXIT(-TT_ERESTART_RESTARTBLOCK), ENTER(X64, NR64_timer_settime, 1, 1, 0, 0),
		    EXIT(-14), RESTART, EXIT(0) },
		  SLEEP_RESTARTED
		  "timer_settime(1, TIMER_ABSTIME, NULL, NULL) = -1 EFAULT (Bad address)\n"
		  "restart_syscall(<... resuming interrupted system call ...>) = 0\n" },
		{ "restarted twice",
		  { SLEEP, EXIT(-TT_ERESTART_RESTARTBLOCK), RESTART,
		    EXIT(-TT_ERESTART_RESTARTBLOCK), RESTART, EXIT(0) },
		  SLEEP_RESTARTED
		  "restart_syscall(<... resuming interrupted clock_nanosleep ...>) "
		  "= ? ERESTART_RESTARTBLOCK (Interrupted by signal)\n"
		  "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0\n" },
		/* -p: the thread was found blocked in an i386 sleep. */
		{ "blocked before attach",
		  { BLOCKED(I386, NR32_clock_nanosleep_time64), ENTER(I386, NR32_restart_syscall), EXIT(0) },
		  "restart_syscall(<... resuming interrupted clock_nanosleep_time64 ...>) = 0\n" },
	};

	ck_assert_int_lt(_i, NCASES(cases));
	replay(cases[_i].steps);
	expect_lines(cases[_i].what, cases[_i].want);
}
END_TEST

/* i386: structs are read in 32-bit layout from below 4 GiB; an address
 * above is refused (the register cannot hold it anyway). */
START_TEST(test_i386_fetch)
{
	const struct step steps[] = {
		ENTER(I386, NR32_clock_nanosleep, 1, 0, (uintptr_t)low, (uintptr_t)(low + 2)),
		EXIT(-4),
		ENTER(I386, NR32_clock_nanosleep, 1, 0, 1ULL << 32, 0),
		EXIT(-14),
		{ S_END },
	};

	replay(steps);
	expect_lines("i386 reads",
		     "clock_nanosleep_time32(CLOCK_MONOTONIC, 0, {tv_sec=1, tv_nsec=0}, "
		     "{tv_sec=0, tv_nsec=999}) = -1 EINTR (Interrupted system call)\n"
		     "clock_nanosleep_time32(CLOCK_MONOTONIC, 0, 0x100000000, NULL) "
		     "= -1 EFAULT (Bad address)\n");
}
END_TEST

static void low_setup(void)
{
	core_setup();
	low = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	ck_assert_ptr_ne(low, MAP_FAILED);
	low[0] = 1;
	low[1] = 0;
	low[2] = 0;
	low[3] = 999;
}

static void low_teardown(void)
{
	munmap(low, 4096);
	ut_render_teardown();
}

/* /proc/PID/timers, as fs/proc/base.c writes it. */
static const char proc_timers[] =
	"ID: 0\n"
	"signal: 14/0000000000000000\n"
	"notify: signal/pid.4242\n"
	"ClockID: 1\n"
	"ID: 3\n"
	"signal: 12/0000000000001234\n"
	"notify: signal/tid.4243\n"
	"ClockID: 7\n"
	"ID: 30\n"
	"signal: 0/00000000deadbeef\n"
	"notify: none/pid.4242\n"
	"ClockID: -6\n";

static const struct proc_timers_case {
	int32_t id;
	bool found;
	int32_t clock, signo, notify;
	uint64_t sival;
} proc_timers_cases[] = {
	{ 0, true, 1, 14, 0, 0 },
	{ 3, true, 7, 12, 4, 0x1234 },		/* SIGEV_THREAD_ID */
	{ 30, true, -6, 0, 1, 0xdeadbeef },	/* SIGEV_NONE, a CPU clock */
	{ 1, false, 0, 0, 0, 0 },
	{ -1, false, 0, 0, 0, 0 },
};

START_TEST(test_proc_timers)
{
	const struct proc_timers_case *c = &proc_timers_cases[_i];
	struct tt_known_timer t;

	ck_assert_int_eq(tt_parse_proc_timers(proc_timers, c->id, &t), c->found);
	if (!c->found)
		return;
	ck_assert_int_eq(t.id, c->id);
	ck_assert_int_eq(t.clock, c->clock);
	ck_assert_int_eq(t.signo, c->signo);
	ck_assert_int_eq(t.notify, c->notify);
	ck_assert(t.notify_known);
	ck_assert_uint_eq(t.sival, c->sival);
	ck_assert(t.from_proc);
	/* A file cut short before the clock is not a timer. */
	ck_assert(!tt_parse_proc_timers("ID: 0\nsignal: 14/0\n", 0, &t));
}
END_TEST

/* What known.c learns from the calls it sees: a timer created (its clock
 * and default sigevent), armed, deleted; a timerfd created close-on-exec
 * and dropped by an execve.  The thread does not exist, so /proc knows
 * nothing more. */
#define GHOST 0x7ffffff0

/* One call of thread GHOST, learned from. */
static struct tcb *learn(const struct ut_call *c)
{
	struct tcb *tcp = tt_tcb_find(GHOST);
	struct tt_event *ev = ut_call_begin(GHOST, c);

	if (!tcp)
		tcp = tt_tcb_new(GHOST, 0);
	ut_call_entry(ev);
	ut_call_exit(ev, c);
	tt_known_learn(tcp, ev);
	return tcp;
}

START_TEST(test_known_learns)
{
	struct ut_call create = { X64, NR64_timer_create,
		{ CLOCK_BOOTTIME, 0, 0x2000 }, { [2] = { true, { 9 } } }, UT_RET(0) };
	struct ut_call arm = { X64, NR64_timer_settime, { 9, 0, 0x1000, 0 },
		{ [2] = UT_ITS(0, 500000000, 2, 0) }, UT_RET(0) };
	struct ut_call del = { X64, NR64_timer_delete, { 9 }, { { 0 } }, UT_RET(0) };
	struct ut_call tfd = { X64, NR64_timerfd_create,
		{ CLOCK_MONOTONIC, 02000000 }, { { 0 } }, UT_RET(4) };
	const struct tt_known_timer *t;
	struct tcb *tcp = learn(&create);

	t = tt_known_posix(tcp, 9);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->clock, CLOCK_BOOTTIME);
	ck_assert(t->notify_known && !t->from_proc && !t->armed_known);
	ck_assert_int_eq(t->signo, 14);	/* SIGALRM, the id as value */
	ck_assert_uint_eq(t->sival, 9);
	tcp = learn(&arm);
	t = tt_known_posix(tcp, 9);
	ck_assert(t->armed_known);
	ck_assert_int_eq(t->value_sec, 2);
	ck_assert_uint_eq(t->interval_nsec, 500000000);
	tcp = learn(&del);
	ck_assert_ptr_null(tt_known_posix(tcp, 9));
	tcp = learn(&tfd);
	t = tt_known_timerfd(tcp, 4, false);
	ck_assert_ptr_nonnull(t);
	ck_assert(t->cloexec);
	ck_assert_int_eq(t->clock, CLOCK_MONOTONIC);
	tcp = learn(&create);
	tt_known_exec(tcp);
	ck_assert_ptr_null(tt_known_posix(tcp, 9));
	ck_assert_ptr_null(tt_known_timerfd(tcp, 4, false));
}
END_TEST

/* Threads of one process share its context; it goes with the last of
 * them, and a thread moved to another process (its Tgid learned late)
 * lets go of the one it started in. */
START_TEST(test_process_context)
{
	unsigned n0 = tt_process_count();
	struct tcb *a = tt_tcb_new(1000, 0), *b = tt_tcb_new(1001, 0);

	ck_assert_uint_eq(tt_process_count(), n0 + 2);
	tt_tcb_set_pid(b, 1000);
	ck_assert_ptr_eq(a->proc, b->proc);
	ck_assert_int_eq(b->pid, 1000);
	ck_assert_uint_eq(a->proc->threads, 2);
	ck_assert_uint_eq(tt_process_count(), n0 + 1);
	tt_tcb_delete(a);
	ck_assert_uint_eq(tt_process_count(), n0 + 1);
	ck_assert_uint_eq(b->proc->threads, 1);
	tt_tcb_delete(b);
	ck_assert_uint_eq(tt_process_count(), n0);
}
END_TEST

/* A runtime's own threads: HotSpot's by name (as comm holds them, 15
 * bytes), numbered ones by prefix; a program's threads are not; and a Go
 * program is known by its ELF note, this C test program is not one. */
START_TEST(test_runtime_threads)
{
	static const char *const jvm[] = { "VM Periodic Tas", "C2 CompilerThre",
					   "GC Thread#0", "G1 Refine#12",
					   "G1 Service", "Common-Cleaner" };
	static const char *const program[] = { "java", "main", "pool-1-thread-1",
					       "Thread-0", "GC Thread", "VM Thread2",
					       "G1 Conc", "" };

	for (size_t i = 0; i < sizeof(jvm) / sizeof(jvm[0]); i++)
		ck_assert_msg(tt_runtime_jvm_thread(jvm[i]), "%s", jvm[i]);
	for (size_t i = 0; i < sizeof(program) / sizeof(program[0]); i++)
		ck_assert_msg(!tt_runtime_jvm_thread(program[i]), "%s", program[i]);
	ck_assert(!tt_elf_is_go("/proc/self/exe"));
	ck_assert(!tt_elf_is_go("/nonexistent"));
}
END_TEST

/* The spin's decisions: how many CPUs ttrace and its tracee have between
 * them, whether that leaves one for ttrace beside each tracee (never a
 * spin on one CPU, nor with as many threads as CPUs), and whether recent
 * rounds were fast enough for a spin to pay. */
static cpu_set_t cpus(unsigned mask)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	for (int c = 0; c < 32; c++)
		if (mask >> c & 1)
			CPU_SET(c, &set);
	return set;
}

START_TEST(test_spin_policy)
{
	static const struct {
		unsigned own, its, cpus;
	} aff[] = {
		{ 0x1, 0x1, 1 },	/* one CPU, shared */
		{ 0x2, 0x2, 1 },
		{ 0x1, 0x3, 2 },	/* the tracee may run beside */
		{ 0x1, 0x2, 2 },
		{ 0x3, 0x1, 2 },	/* ttrace may run beside */
		{ 0x3, 0x3, 2 },
		{ 0xf0, 0x0f, 8 },
	};

	for (int i = 0; i < NCASES(aff); i++) {
		cpu_set_t own = cpus(aff[i].own), its = cpus(aff[i].its);

		ck_assert_msg(tt_spin_cpus(&own, &its) == aff[i].cpus,
			      "own %#x tracee %#x", aff[i].own, aff[i].its);
	}
	ck_assert(!tt_spin_room(0, 1));		/* affinity not known */
	ck_assert(!tt_spin_room(1, 1));
	ck_assert(tt_spin_room(2, 1));
	ck_assert(!tt_spin_room(2, 2));		/* two threads on 2 CPUs */
	ck_assert(tt_spin_room(8, 7));
	ck_assert(!tt_spin_room(8, 8));
	ck_assert(tt_spin_pays(0xf));
	ck_assert(tt_spin_pays(0xe));
	ck_assert(tt_spin_pays(0xfffffff7));
	ck_assert(!tt_spin_pays(0x0));
	ck_assert(!tt_spin_pays(0xa));	/* fast and slow in turn */
	ck_assert(!tt_spin_pays(0xfffffff0));	/* the last 4 slow */
}
END_TEST

Suite *make_core_suite(void)
{
	Suite *s = suite_create("core");
	tcase_add_loop_test(ut_tcase(s, "restart", core_setup, ut_render_teardown),
			    test_restart, 0, 5);
	tcase_add_test(ut_tcase(s, "fetch", low_setup, low_teardown), test_i386_fetch);
	tcase_add_loop_test(ut_tcase(s, "proc_timers", NULL, NULL), test_proc_timers,
			    0, NCASES(proc_timers_cases));
	tcase_add_test(ut_tcase(s, "process", NULL, NULL), test_process_context);
	tcase_add_test(ut_tcase(s, "runtime", NULL, NULL), test_runtime_threads);
	tcase_add_test(ut_tcase(s, "known", ut_render_setup, ut_render_teardown),
		       test_known_learns);
	tcase_add_test(ut_tcase(s, "spin", NULL, NULL), test_spin_policy);
	return s;
}
