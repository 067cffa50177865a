/* ttrace - the --timeline file (src/render/timeline.c). */
#ifndef TTRACE_TIMELINE_H
#define TTRACE_TIMELINE_H

/* Creates (truncates) file, writes the opening "[" and adds the timeline
 * renderer beside the main one.  Returns -1 with errno set. */
int tt_timeline_open(const char *file);
/* Closes the array and the file (again: nothing); returns 0, or -1 if
 * any write failed (said once on stderr). */
int tt_timeline_close(void);

#endif
