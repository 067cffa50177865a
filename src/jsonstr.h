/* ttrace - JSON string escapes, for every writer of JSON. */
#ifndef TTRACE_JSONSTR_H
#define TTRACE_JSONSTR_H

#include <stdio.h>

/* The escape that stands for byte c in a JSON string ("\\\"", "\\u001f"),
 * or NULL when c stands for itself. */
static inline const char *tt_json_escape(unsigned char c, char buf[8])
{
	if (c == '"' || c == '\\') {
		buf[0] = '\\';
		buf[1] = (char)c;
		buf[2] = '\0';
		return buf;
	}
	if (c < 0x20) {
		snprintf(buf, 8, "\\u%04x", c);
		return buf;
	}
	return NULL;
}

#endif
