/* ttrace - the trace stream: buffered, flushed per line only on a
 * terminal, and a write error is reported once and stops all writing. */
#ifndef TTRACE_OUTPUT_H
#define TTRACE_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Opens path for writing (NULL: stderr).  Returns -1 with errno set. */
int tt_out_open(const char *path);
/* For tests: write into a memory buffer instead. */
void tt_out_open_memory(char **buf, size_t *size);
bool tt_out_is_file(void);	/* -o given: every line carries a pid */

void tt_out_write(const char *s, size_t n);
/* A complete line or a partial one a person may be waiting on. */
void tt_out_flush_if_interactive(void);
/* A line left open (a call's first half) ends " <unfinished ...>\n";
 * tt_out_silence, tt_out_close and exit() do it too. */
void tt_out_end_line(void);
/* Flushes and closes; returns 0, or -1 if any write failed. */
int tt_out_close(void);
/* Did a write fail?  Then the tracer detaches (see tracer.c). */
bool tt_out_failed(void);
/* Writes nothing more, without an error: the trace was ended on purpose
 * (an open line ended first). */
void tt_out_silence(void);

#endif
