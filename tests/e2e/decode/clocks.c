/* Every clock id of clock_nanosleep, with TIMER_ABSTIME {0, 0} so a sleep
 * that the kernel accepts returns at once: the named ones, unknown ones,
 * CPU clocks of processes and threads, fd clocks.  Which ones the kernel
 * accepts varies (alarm clocks need an RTC): the result is what it says. */
#include "e2e.h"

/* include/linux/posix-timers_types.h */
#define CPUCLOCK(pid, thread, which) \
	((int)((~(unsigned)(pid) << 3) | ((thread) ? 4u : 0u) | (which)))

int main(void)
{
	e2e_init();
	int pid = getpid();

	FOR_EACH_VARIANT(v) {
		e2e_buf z;
		static const struct {
			int id;
			const char *text;
		} ids[] = {
			{ F(CLOCK_REALTIME) },
			{ F(CLOCK_MONOTONIC) },
			{ F(CLOCK_PROCESS_CPUTIME_ID) },
			{ F(CLOCK_THREAD_CPUTIME_ID) },
			{ F(CLOCK_MONOTONIC_RAW) },
			{ F(CLOCK_REALTIME_COARSE) },
			{ F(CLOCK_MONOTONIC_COARSE) },
			{ F(CLOCK_BOOTTIME) },
			{ F(CLOCK_REALTIME_ALARM) },
			{ F(CLOCK_BOOTTIME_ALARM) },
			{ 10, "CLOCK_SGI_CYCLE" },
			{ F(CLOCK_TAI) },
			{ 12, "0xc /* CLOCK_??? */" },
			{ 42, "0x2a /* CLOCK_??? */" },
			{ 0x7fffffff, "0x7fffffff /* CLOCK_??? */" },
			/* Negative: the kernel reads a CPU clock of pid
			 * 0x0fffffff into it, as ttrace does. */
			{ INT32_MIN,
			  "MAKE_PROCESS_CPUCLOCK(268435455, CPUCLOCK_PROF)" },
			{ CPUCLOCK(0, 0, 2), "MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED)" },
			{ CPUCLOCK(0, 0, 0), "MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_PROF)" },
			{ CPUCLOCK(0, 0, 1), "MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_VIRT)" },
			{ CPUCLOCK(0, 1, 2), "MAKE_THREAD_CPUCLOCK(0, CPUCLOCK_SCHED)" },
			{ CPUCLOCK(3, 0, 3), "FD_TO_CLOCKID(3)" },
			{ CPUCLOCK(5, 0, 3), "FD_TO_CLOCKID(5)" },
			{ CPUCLOCK(5, 1, 3), "0xffffffd7 /* CLOCK_??? */" },
			{ -1, "0xffffffff /* CLOCK_??? */" },
		};

		e2e_put_ts(v, &z, 0, 0);
		for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
			e2e_sleep(v, ids[i].id, ids[i].text, F(TIMER_ABSTIME), &z,
				  NULL);
		/* The CPU clocks of this process and thread, by id. */
		for (int k = 0; k < 4; k++) {
			static const struct {
				bool thread;
				int which;
				const char *name;
			} mine[] = {
				{ false, 2, "SCHED" },
				{ false, 1, "VIRT" },
				{ true, 0, "PROF" },
				{ true, 2, "SCHED" },
			};

			e2e_sleep(v, CPUCLOCK(pid, mine[k].thread, mine[k].which),
				  e2e_fmt("MAKE_%s_CPUCLOCK(%d, CPUCLOCK_%s)",
					  mine[k].thread ? "THREAD" : "PROCESS",
					  pid, mine[k].name),
				  F(TIMER_ABSTIME), &z, NULL);
		}
	}
	e2e_exit();
}
