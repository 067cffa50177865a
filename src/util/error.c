/* ttrace - diagnostics and allocation that cannot fail. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

static void (*before_report)(void);
static bool (*sink)(enum tt_level level, const char *msg);

void tt_error_set_hook(void (*before)(void))
{
	before_report = before;
}

void tt_error_set_sink(bool (*to)(enum tt_level level, const char *msg))
{
	sink = to;
}

const char *tt_level_name(enum tt_level level)
{
	static const char *const names[] = {
		[TT_LEVEL_ERROR] = "error",
		[TT_LEVEL_WARNING] = "warning",
		[TT_LEVEL_INFO] = "info",
	};

	return names[level];
}

/* One message: to the sink, or as a line of text after prefix ("ttrace: ",
 * or "  " for a line that goes on the one before). */
static void vreport(enum tt_level level, const char *prefix, const char *fmt,
		    va_list ap, int err)
{
	char msg[4096];
	int n;

	if (sink) {
		fflush(stdout);
		n = vsnprintf(msg, sizeof(msg), fmt, ap);
		if (err && n >= 0 && (size_t)n < sizeof(msg))
			snprintf(msg + n, sizeof(msg) - (size_t)n, ": %s",
				 strerror(err));
		if (sink(level, msg))
			return;
		fprintf(stderr, "%s%s\n", prefix, msg);
		return;
	}
	if (before_report)
		before_report();
	fflush(stdout);
	fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
}

#define REPORT(level, prefix, err) do {					\
		va_list ap;						\
									\
		va_start(ap, fmt);					\
		vreport(level, prefix, fmt, ap, err);			\
		va_end(ap);						\
	} while (0)

void tt_error(const char *fmt, ...)
{
	REPORT(TT_LEVEL_ERROR, "ttrace: ", 0);
}

void tt_warning(const char *fmt, ...)
{
	REPORT(TT_LEVEL_WARNING, "ttrace: ", 0);
}

void tt_info(const char *fmt, ...)
{
	REPORT(TT_LEVEL_INFO, "ttrace: ", 0);
}

void tt_detail(enum tt_level level, const char *fmt, ...)
{
	REPORT(level, "  ", 0);
}

void tt_perror(const char *fmt, ...)
{
	int err = errno;

	REPORT(TT_LEVEL_ERROR, "ttrace: ", err);
	errno = err;
}

void tt_die(int status, const char *fmt, ...)
{
	REPORT(TT_LEVEL_ERROR, "ttrace: ", 0);
	exit(status);
}

void tt_die_oom(void)
{
	if (!sink || !sink(TT_LEVEL_ERROR, "out of memory"))
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
