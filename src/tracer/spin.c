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
 * TT_SPIN_NS for each change of pattern.  Never on a single CPU, nor when
 * ttrace's and the first tracee's affinities (read once, at its first
 * stop) leave no two CPUs for them: the spin would take the CPU the
 * tracee needs. */
#include <errno.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>

#include "spin.h"

static struct {
	bool checked, allowed;
	unsigned history;	/* bit i: round i back was fast */
} spin;

static int64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

bool tt_spin_two_cpus(const cpu_set_t *own, const cpu_set_t *its)
{
	cpu_set_t both;

	if (CPU_COUNT(own) >= 2)
		return true;
	CPU_OR(&both, own, its);
	return CPU_COUNT(&both) >= 2;
}

bool tt_spin_pays(unsigned history)
{
	return __builtin_popcount(history & 0xf) >= 3;
}

static bool spin_allowed(pid_t tracee)
{
	cpu_set_t own, its;

	return sched_getaffinity(0, sizeof(own), &own) == 0 &&
	       sched_getaffinity(tracee, sizeof(its), &its) == 0 &&
	       tt_spin_two_cpus(&own, &its);
}

pid_t tt_spin_wait(int *status, volatile sig_atomic_t *stop)
{
	int64_t start = mono_ns();
	pid_t pid;
	bool fast;

	if (spin.allowed && tt_spin_pays(spin.history)) {
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
		} while (mono_ns() - start < TT_SPIN_NS);
	}
	pid = waitpid(-1, status, __WALL);
	fast = pid > 0 && mono_ns() - start < TT_SPIN_NS;
	spin.history = spin.history << 1 | fast;
	if (pid > 0 && !spin.checked) {
		spin.checked = true;
		spin.allowed = spin_allowed(pid);
	}
	return pid;
}
