/* ttrace - waiting for a round's first stop: spin, then block (loop.c). */
#ifndef TTRACE_SPIN_H
#define TTRACE_SPIN_H

#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

/* How long a spin polls before it blocks, in nanoseconds; a round whose
 * first stop came within it is fast. */
#define TT_SPIN_NS 50000

/* Whether ttrace (own affinity) and a tracee (its) can run on two CPUs
 * at once: ttrace may use two, or the tracee one ttrace may not. */
bool tt_spin_two_cpus(const cpu_set_t *own, const cpu_set_t *its);

/* Whether the loop spins, from the history of rounds (bit i: round i
 * back was fast): when at least 3 of the last 4 were. */
bool tt_spin_pays(unsigned history);

/* waitpid(-1, status, __WALL) for the first stop of a round, spinning
 * first when allowed and it pays.  -1 with EINTR when *stop is set while
 * it spins. */
pid_t tt_spin_wait(int *status, volatile sig_atomic_t *stop);

#endif
