/* ttrace - a JSON line in a fixed buffer. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jsonstr.h"
#include "render/jline.h"

void jputs(struct jline *l, const char *s)
{
	size_t len = strlen(s);

	if (len > sizeof(l->b) - 1 - l->n)
		len = sizeof(l->b) - 1 - l->n;
	memcpy(l->b + l->n, s, len);
	l->n += len;
}

void jprintf(struct jline *l, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(l->b + l->n, sizeof(l->b) - l->n, fmt, ap);
	va_end(ap);
	if (r > 0)
		l->n += (size_t)r;
	if (l->n > sizeof(l->b) - 1)
		l->n = sizeof(l->b) - 1;
}

void jstr(struct jline *l, const char *s)
{
	char esc[8];

	jputs(l, "\"");
	for (; s && *s; s++) {
		const char *e = tt_json_escape((unsigned char)*s, esc);

		if (e)
			jputs(l, e);
		else
			jprintf(l, "%c", *s);
	}
	jputs(l, "\"");
}
