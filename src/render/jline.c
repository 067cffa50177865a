/* ttrace - a JSON line in a fixed buffer. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jsonstr.h"
#include "render/jline.h"

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

/* A tt_put_fn into a line: what does not fit is cut off. */
static void jput(void *line, const char *p, size_t n)
{
	struct jline *l = line;

	if (n > sizeof(l->b) - 1 - l->n)
		n = sizeof(l->b) - 1 - l->n;
	memcpy(l->b + l->n, p, n);
	l->n += n;
}

void jputs(struct jline *l, const char *s)
{
	jput(l, s, strlen(s));
}

void jstr(struct jline *l, const char *s)
{
	jputs(l, "\"");
	if (s)
		tt_json_escape(s, jput, l);
	jputs(l, "\"");
}
