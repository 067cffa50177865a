/* ttrace - the closed set of diagnostic reporters.  Everything goes to
 * stderr as "ttrace: message", never into the trace; when the JSON
 * stream is on stderr too, a sink makes each message an object of that
 * stream instead (doc/JSON.md, "diagnostic"). */
#ifndef TTRACE_ERROR_H
#define TTRACE_ERROR_H

#include <stdbool.h>
#include <stddef.h>

#define TT_PRINTF(f, a) __attribute__((format(printf, f, a)))

enum tt_level { TT_LEVEL_ERROR, TT_LEVEL_WARNING, TT_LEVEL_INFO };

void tt_error(const char *fmt, ...) TT_PRINTF(1, 2);
void tt_perror(const char *fmt, ...) TT_PRINTF(1, 2);	/* appends ": strerror(errno)" */
_Noreturn void tt_die(int status, const char *fmt, ...) TT_PRINTF(2, 3);
_Noreturn void tt_die_oom(void);
/* The same line of text as tt_error; only the level differs (JSON). */
void tt_warning(const char *fmt, ...) TT_PRINTF(1, 2);
void tt_info(const char *fmt, ...) TT_PRINTF(1, 2);
/* A line that goes on the message before it: "  message" in text. */
void tt_detail(enum tt_level level, const char *fmt, ...) TT_PRINTF(2, 3);

/* Called before each message: when the trace goes to stderr too, it ends
 * a half-written trace line so the message starts a line of its own. */
void tt_error_set_hook(void (*before)(void));
/* Takes every message instead of stderr (the level's name, the message
 * without "ttrace: "); returns false when it could not write it, which
 * then goes to stderr as text. */
void tt_error_set_sink(bool (*sink)(enum tt_level level, const char *msg));
const char *tt_level_name(enum tt_level level);

void *tt_xmalloc(size_t n);
void *tt_xcalloc(size_t n, size_t size);
void *tt_xreallocarray(void *p, size_t n, size_t size);
char *tt_xstrdup(const char *s);

#endif
