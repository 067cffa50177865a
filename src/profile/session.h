/* ttrace - --profile and --check around a run. */
#ifndef TTRACE_PROFILE_SESSION_H
#define TTRACE_PROFILE_SESSION_H

/* Before the run: reads the --check profile and makes the output files.
 * Returns -1 to go on, or the exit status to leave with after a message
 * (2: a bad profile; 1: a file that cannot be written). */
int tt_profile_session_begin(void);

/* After the run: writes the profile, compares and reports.  Returns the
 * exit status: 1 after a failed write; else status, the command's, when
 * it is not 0 (a command that failed keeps its status); else 1 after a
 * regression, or 0. */
int tt_profile_session_end(int status);

/* ttrace --diff OLD NEW: compares two profiles as --check compares a run
 * with one, with the same reports.  Returns the exit status: 2 for a
 * profile that cannot be used, 1 for a regression or a report not
 * written, else 0. */
int tt_profile_diff(void);

#endif
