/* ttrace - spin, then block.  A tracer asleep in waitpid must be woken
 * for each stop, and on an idle machine that wake-up (the scheduler, an
 * IPI, the CPU leaving its idle state) costs more than the rest of a
 * stop.  So before blocking for a round's first stop the loop polls
 * waitpid with WNOHANG for at most TT_SPIN_NS, but only while that pays:
 * a round whose first stop came within TT_SPIN_NS is fast, whether it was
 * found spinning or blocking (the clock is read around the wait either
 * way), and the loop spins only when 3 of the last 4 rounds were fast.  A
 * command that sleeps, or a machine too busy to run the tracee at once,
 * makes rounds slow and the loop blocks, having spent at most one
 * TT_SPIN_NS for each change of pattern.  Only while there is a CPU for
 * ttrace beside one for each thread it traces: ttrace's and the first
 * tracee's affinities (read once, at its first stop) give the CPUs, so a
 * single CPU never spins, and neither does a 2-CPU machine tracing two
 * threads, which may both want to run.  Between two polls it yields the
 * CPU: on a busy machine a spinning tracer takes time the tracee and
 * other programs wait for (bench/workload 2000 100 traced while two test
 * suites loaded the machine, medians of 6: 0.967 s spinning, 0.749 s
 * blocking, 0.746 s spinning with the yields); on an idle one a yield is
 * a system call that returns at once. */
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>

#include "event.h"
#include "spin.h"

static struct {
	bool checked;
	unsigned cpus;		/* for ttrace and its tracees */
	unsigned history;	/* bit i: round i back was fast */
} spin;

static int64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return tt_ts_ns(&ts);
}

unsigned tt_spin_cpus(const cpu_set_t *own, const cpu_set_t *its)
{
	cpu_set_t both;

	CPU_OR(&both, own, its);
	return (unsigned)CPU_COUNT(&both);
}

bool tt_spin_room(unsigned cpus, unsigned tracees)
{
	return cpus > tracees;
}

bool tt_spin_pays(unsigned history)
{
	return __builtin_popcount(history & 0xf) >= 3;
}

/* The CPUs ttrace and its tracee may use; 0 when not known. */
static unsigned cpus_of(pid_t tracee)
{
	cpu_set_t own, its;

	if (sched_getaffinity(0, sizeof(own), &own) < 0 ||
	    sched_getaffinity(tracee, sizeof(its), &its) < 0)
		return 0;
	return tt_spin_cpus(&own, &its);
}

pid_t tt_spin_wait(int *status, volatile sig_atomic_t *stop,
		   unsigned tracees)
{
	int64_t start = mono_ns();
	pid_t pid;
	bool fast;

	if (tt_spin_room(spin.cpus, tracees) && tt_spin_pays(spin.history)) {
		do {
			pid = waitpid(-1, status, __WALL | WNOHANG);
			if (pid != 0) {
				spin.history = spin.history << 1 | 1;
				return pid;
			}
			if (*stop) {
				errno = EINTR;
				return -1;
			}
			sched_yield();
		} while (mono_ns() - start < TT_SPIN_NS);
	}
	pid = waitpid(-1, status, __WALL);
	fast = pid > 0 && mono_ns() - start < TT_SPIN_NS;
	spin.history = spin.history << 1 | fast;
	if (pid > 0 && !spin.checked) {
		spin.checked = true;
		spin.cpus = cpus_of(pid);
	}
	return pid;
}
