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

/* How many CPUs ttrace (own affinity) and a tracee (its) may use
 * between them. */
unsigned tt_spin_cpus(const cpu_set_t *own, const cpu_set_t *its);

/* Whether cpus leave one for ttrace beside one for each tracee. */
bool tt_spin_room(unsigned cpus, unsigned tracees);

/* Whether the loop spins, from the history of rounds (bit i: round i
 * back was fast): when at least 3 of the last 4 were. */
bool tt_spin_pays(unsigned history);

/* waitpid(-1, status, __WALL) for the first stop of a round, spinning
 * first when there is room for it beside tracees threads and it pays.
 * -1 with EINTR when *stop is set while it spins. */
pid_t tt_spin_wait(int *status, volatile sig_atomic_t *stop,
		   unsigned tracees);

#endif
