/* ttrace - starting or attaching, the wait loop, detaching. */
#ifndef TTRACE_TRACER_H
#define TTRACE_TRACER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "syscall.h"

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

/* The /proc parsers, pure functions of the text read (for tests).
 * /proc/PID/task/TID/syscall of a thread blocked in a call: its number
 * and six arguments; false when it is running or not in a call. */
bool tt_parse_proc_syscall(const char *text, long *nr,
			   uint64_t args[TT_MAX_ARGS]);
/* One line of /proc/PID/status: the number after key ("TracerPid:",
 * "SigCgt:", "Tgid:") in base; false when the line is another field's. */
bool tt_parse_status_field(const char *line, const char *key, int base,
			   unsigned long long *val);

#endif
