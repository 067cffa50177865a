/* ttrace - diagnostics and allocation that cannot fail. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

static void (*before_report)(void);

void tt_error_set_hook(void (*before)(void))
{
	before_report = before;
}

static void vreport(const char *fmt, va_list ap, int err)
{
	if (before_report)
		before_report();
	fflush(stdout);
	fputs("ttrace: ", stderr);
	vfprintf(stderr, fmt, ap);
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
}

void tt_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap, 0);
	va_end(ap);
}

void tt_perror(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap, err);
	va_end(ap);
	errno = err;
}

void tt_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap, 0);
	va_end(ap);
	exit(status);
}

void tt_die_oom(void)
{
	fputs("ttrace: out of memory\n", stderr);
	exit(1);
}

char *tt_xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		tt_die_oom();
	return d;
}

void *tt_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		tt_die_oom();
	return p;
}

void *tt_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		tt_die_oom();
	return p;
}

void *tt_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > (size_t)-1 / size)
		tt_die_oom();
	p = realloc(p, n * size > 0 ? n * size : 1);
	if (!p)
		tt_die_oom();
	return p;
}
