/* ttrace - the closed set of diagnostic reporters.  Everything goes to
 * stderr as "ttrace: message", never into the trace. */
#ifndef TTRACE_ERROR_H
#define TTRACE_ERROR_H

#include <stddef.h>

#define TT_PRINTF(f, a) __attribute__((format(printf, f, a)))

void tt_error(const char *fmt, ...) TT_PRINTF(1, 2);
void tt_perror(const char *fmt, ...) TT_PRINTF(1, 2);	/* appends ": strerror(errno)" */
_Noreturn void tt_die(int status, const char *fmt, ...) TT_PRINTF(2, 3);
_Noreturn void tt_die_oom(void);

/* Called before each message: when the trace goes to stderr too, it ends
 * a half-written trace line so the message starts a line of its own. */
void tt_error_set_hook(void (*before)(void));

void *tt_xmalloc(size_t n);
void *tt_xcalloc(size_t n, size_t size);
void *tt_xreallocarray(void *p, size_t n, size_t size);
char *tt_xstrdup(const char *s);

#endif
