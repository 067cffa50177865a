/* Built, never run: every constant in ttrace's tables (the files of src/xlat)
 * equals the system headers' constant of that name, checked at compile
 * time.  xlat-gen.sh writes the checks from the tables themselves
 * (xlat-checks.h), so a new entry is checked without an edit here; a
 * name no header has must be listed in xlat-unchecked.h with the reason. */
/* POLLRDHUP, POLLREMOVE and POLLMSG need _GNU_SOURCE (config.h) */
#include <errno.h>
#include <poll.h>
#include <signal.h>
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

int main(void)
{
	return 0;
}
