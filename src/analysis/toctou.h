/* ttrace - the TOCTOU check: every input struct is read again at the
 * syscall exit and compared with the copy taken at entry. */
#ifndef TTRACE_TOCTOU_H
#define TTRACE_TOCTOU_H

struct tcb;
struct tt_event;

#include <stdbool.h>
#include <stdint.h>

#include "event.h"

struct tt_umove_req;

/* The inputs of orig (the call itself, or for restart_syscall the call it
 * resumed) read again at the exit, one slot per argument. */
struct tt_reread {
	bool wanted;
	bool ok;
	bool gone;		/* the process died: nothing to compare */
	uint8_t bytes[TT_MAX_MEM];
};

/* Adds to r the reads the check needs (at most TT_MAX_ARGS); returns how
 * many.  They are made by the caller together with the outputs. */
unsigned tt_toctou_requests(const struct tt_event *orig,
			    struct tt_reread again[TT_MAX_ARGS],
			    struct tt_umove_req *r);

/* Once they are read: compares, and adds findings as notes to ev. */
void tt_toctou_check(struct tcb *tcp, struct tt_event *ev,
		     struct tt_event *orig,
		     const struct tt_reread again[TT_MAX_ARGS]);

/* How many findings were made in this run. */
unsigned long tt_toctou_findings(void);

/* The text of /proc/PID/fdinfo/FD of a timerfd: the "settime flags: %o"
 * and "it_interval: (sec, nsec)" lines.  False unless both are there. */
bool tt_parse_timerfd_fdinfo(const char *text, unsigned *flags,
			     long long *sec, long long *nsec);

#endif
