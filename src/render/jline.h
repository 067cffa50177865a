/* ttrace - one JSON line built in a fixed buffer: the --json events and
 * the --timeline trace events.  A line that would not fit is cut short
 * (never beyond the buffer); our lines are a few hundred bytes. */
#ifndef TTRACE_JLINE_H
#define TTRACE_JLINE_H

#include <stddef.h>

struct jline {
	char b[16384];
	size_t n;
};

void jputs(struct jline *l, const char *s);
void jprintf(struct jline *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* s as a JSON string, quoted and escaped (a comm may hold anything). */
void jstr(struct jline *l, const char *s);

struct tt_event;

/* A call's arguments as --json writes them: {"which_clock":{...},...}
 * (src/render/json.c). */
void tt_json_args(struct jline *l, const struct tt_event *ev);

#endif
