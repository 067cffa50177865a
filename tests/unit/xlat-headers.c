/* Built, never run: every constant in ttrace's tables (the files of src/xlat)
 * equals the system headers' constant of that name, checked at compile
 * time.  xlat-gen.sh writes the checks from the tables themselves
 * (xlat-checks.h), so a new entry is checked without an edit here; a
 * name no header has must be listed in xlat-unchecked.h with the reason. */
/* POLLRDHUP, POLLREMOVE and POLLMSG need _GNU_SOURCE (config.h) */
#include <errno.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/timex.h>
#include <time.h>
/* SEM_UNDO, IPC_NOWAIT and ipc's calls (SEMOP...); the kernel's
 * struct ipc_perm would clash with <sys/ipc.h>'s */
#include <linux/sem.h>

/* glibc's SIGRTMIN is a call (it reserves two signals for itself); the
 * tables name the kernel's, which glibc calls __SIGRTMIN. */
#undef SIGRTMIN
#define SIGRTMIN __SIGRTMIN

#include "xlat-unchecked.h"
#include "xlat-checks.h"

/* The futex ops strace names with two constants (src/xlat/futex.c):
 * xlat-gen.sh checks single names only. */
_Static_assert(130 == (FUTEX_FD | FUTEX_PRIVATE_FLAG), "futex op 130");
_Static_assert(256 == (FUTEX_WAIT | FUTEX_CLOCK_REALTIME), "futex op 256");
_Static_assert(265 == (FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME), "futex op 265");
_Static_assert(267 == (FUTEX_WAIT_REQUEUE_PI | FUTEX_CLOCK_REALTIME), "futex op 267");
_Static_assert(384 == (FUTEX_WAIT_PRIVATE | FUTEX_CLOCK_REALTIME), "futex op 384");
_Static_assert(393 == (FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME),
	       "futex op 393");
_Static_assert(395 == (FUTEX_WAIT_REQUEUE_PI_PRIVATE | FUTEX_CLOCK_REALTIME),
	       "futex op 395");

int main(void)
{
	return 0;
}
