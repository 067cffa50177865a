/* ttrace - the trace stream: buffered, flushed per line only on a
 * terminal, and a write error is reported once and stops all writing.
 * One stream (standard error, -o FILE, -o '|COMMAND'), or with -ff one
 * file per thread, FILE.TID, each written through tt_out_select. */
#ifndef TTRACE_OUTPUT_H
#define TTRACE_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Opens path for writing (NULL: stderr; "|COMMAND" or "!COMMAND": a pipe
 * into /bin/sh -c COMMAND).  per_tid (-ff): nothing is opened yet, each
 * thread's lines go to path.TID, made at its first line; path's
 * directory must be writable.  Returns -1 with errno set. */
int tt_out_open(const char *path, bool per_tid);
/* For tests: write into a memory buffer instead. */
void tt_out_open_memory(char **buf, size_t *size);
bool tt_out_is_file(void);	/* -o given: every line carries a pid */
bool tt_out_per_tid(void);	/* -ff: a file per thread, no pid */
/* -ff: the lines that follow are tid's (its file opened if need be);
 * without -ff nothing. */
void tt_out_select(pid_t tid);
/* -ff: tid is gone: its line ended, its file closed (a new thread with
 * its tid appends to it). */
void tt_out_forget(pid_t tid);
/* The selected stream's line is open (its last byte not a newline), and
 * its column. */
bool tt_out_mid_line(void);
size_t tt_out_column(void);
/* A child ttrace reaped in its wait loop that no tracee was: the shell of
 * -o '|COMMAND' perhaps. */
void tt_out_reaped(pid_t pid, int status);

void tt_out_write(const char *s, size_t n);
/* The stream shares its descriptor with the command (--json on standard
 * error): each line is written whole, in one write(2), so ttrace never
 * cuts a line of its own with the command's bytes. */
void tt_out_whole_lines(void);
/* One of ttrace's own messages as a line of the stream, written even
 * after tt_out_silence; false when it was not written. */
bool tt_out_write_message(const char *s, size_t n);
/* A complete line or a partial one a person may be waiting on. */
void tt_out_flush_if_interactive(void);
/* A line left open (a call's first half) ends " <unfinished ...>\n";
 * tt_out_silence, tt_out_close and exit() do it too. */
void tt_out_end_line(void);
/* Flushes and closes; with -o '|COMMAND', waits for the command and
 * reports a failed one.  Returns 0, or -1 if any write failed or the
 * command could not be run or was killed. */
int tt_out_close(void);
/* Did a write fail?  Then the tracer detaches (see tracer.c). */
bool tt_out_failed(void);
/* Writes nothing more, without an error: the trace was ended on purpose
 * (an open line ended first). */
void tt_out_silence(void);

#endif
