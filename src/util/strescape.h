/* ttrace - bytes escaped as strace 6.1 escapes a path it prints with -y. */
#ifndef TTRACE_STRESCAPE_H
#define TTRACE_STRESCAPE_H

#include <stdbool.h>
#include <stddef.h>

/* len bytes of s into out (at most size - 1 of them, then a NUL): \t \n
 * \v \f \r, \" and \\, and in octal every other byte that is no printable
 * ASCII (three digits when an octal digit follows), and '<' and '>' too
 * when brackets (an fd's path; a UNIX socket's name, in quotes, keeps
 * them).  Returns the length written. */
size_t tt_strace_escape(const void *s, size_t len, bool brackets, char *out,
			size_t size);

#endif
