/* ttrace - the TOCTOU check: every input struct is read again at the
 * syscall exit and compared with the copy taken at entry. */
#ifndef TTRACE_TOCTOU_H
#define TTRACE_TOCTOU_H

struct tcb;
struct tt_event;

/* At the exit of a traced call, once its outputs were fetched: re-reads
 * the inputs of orig (ev itself, or for restart_syscall the call it
 * resumed) and adds findings as notes to ev. */
void tt_toctou_check(struct tcb *tcp, struct tt_event *ev,
		     struct tt_event *orig);

/* How many findings were made in this run. */
unsigned long tt_toctou_findings(void);

#endif
