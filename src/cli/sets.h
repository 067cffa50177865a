/* ttrace - strace's sets of -e status= and -e signal= (and -z, -Z). */
#ifndef TTRACE_SETS_H
#define TTRACE_SETS_H

#include <stdbool.h>
#include <stdint.h>

/* How a traced call ended, as -e status= names it. */
enum tt_status {
	TT_STATUS_SUCCESSFUL = 1 << 0,	/* returned, no error */
	TT_STATUS_FAILED = 1 << 1,	/* returned an error */
	TT_STATUS_UNFINISHED = 1 << 2,	/* never returned: its thread
					 * exited, was killed or superseded */
	TT_STATUS_UNAVAILABLE = 1 << 3,	/* returned, the value unknown */
	TT_STATUS_DETACHED = 1 << 4,	/* ttrace detached during it */
	TT_STATUS_ALL = (1 << 5) - 1,
};

#define TT_MAX_SIGNAL 255	/* the highest number -e signal= takes */

/* The signals of -e signal=, bit n for signal n. */
struct tt_sigset_opt {
	uint64_t bits[(TT_MAX_SIGNAL + 64) / 64];
};

/* "successful,failed", "!failed", "all", "none": into *set.  Returns 0,
 * or -1 after saying which name is invalid. */
int tt_parse_status_set(const char *spec, unsigned *set);
/* "USR1,SIGALRM,14", "!CHLD", "all", "none", names in any case. */
int tt_parse_signal_set(const char *spec, struct tt_sigset_opt *set);
void tt_sigset_opt_all(struct tt_sigset_opt *set);
bool tt_sigset_opt_has(const struct tt_sigset_opt *set, int sig);

#endif
