/* ttrace - starting or attaching, the wait loop, detaching. */
#ifndef TTRACE_TRACER_H
#define TTRACE_TRACER_H

#include <sys/types.h>

/* Runs argv[0] (looked up in PATH) under trace; returns ttrace's exit
 * status: the command's, 128+N if signal N killed it, 126/127 if it could
 * not be run. */
int tt_trace_command(char **argv);

/* Attaches to every thread of each process; returns 0 after a clean
 * detach (SIGINT, SIGTERM, SIGHUP) or once they have all exited, 1 if an
 * attach failed (then nothing stays attached). */
int tt_trace_attach(const pid_t *pids, size_t npids);

/* Installs ttrace's handlers for SIGINT, SIGTERM, SIGHUP; ignores SIGPIPE
 * so a closed output is an error to report, not a death. */
void tt_tracer_signals(void);

#endif
