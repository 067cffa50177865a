/* ttrace - bytes escaped as strace 6.1 escapes what it prints between
 * '<' and '>' with -y (an fd's path, a UNIX socket's name): learnt by
 * running strace on files named with every kind of byte. */
#include <stdio.h>
#include <string.h>

#include "strescape.h"

size_t tt_strace_escape(const void *s, size_t len, bool brackets, char *out,
			size_t size)
{
	const unsigned char *b = s;
	size_t at = 0;

	if (!size)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned c = b[i];
		char one[8];
		const char *e = one;
		size_t n;

		switch (c) {
		case '\t': e = "\\t"; break;
		case '\n': e = "\\n"; break;
		case '\v': e = "\\v"; break;
		case '\f': e = "\\f"; break;
		case '\r': e = "\\r"; break;
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		default:
			if (c >= 0x20 && c < 0x7f &&
			    !(brackets && (c == '<' || c == '>')))
				snprintf(one, sizeof(one), "%c", (char)c);
			else if (i + 1 < len && b[i + 1] >= '0' && b[i + 1] <= '7')
				snprintf(one, sizeof(one), "\\%03o", c);
			else
				snprintf(one, sizeof(one), "\\%o", c);
		}
		n = strlen(e);
		if (at + n >= size)
			break;
		memcpy(out + at, e, n);
		at += n;
	}
	out[at] = '\0';
	return at;
}
