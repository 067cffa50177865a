/* ttrace - the trace stream. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "outfile.h"
#include "output.h"

static FILE *out;
static const char *out_name = "standard error";
static bool interactive;
static bool is_file;
static bool failed;
static bool silenced;
static bool mid_line;		/* the last byte written was not a newline */

static void at_exit(void);

int tt_out_open(const char *path)
{
	struct tt_outfile f;

	if (!path) {
		out = stderr;
		interactive = isatty(STDERR_FILENO);
		return 0;
	}
	if (tt_outfile_open(&f, path, TT_OUT_STREAM) < 0)
		return -1;
	out = fdopen(f.fd, "w");
	if (!out) {
		int err = errno;

		close(f.fd);
		errno = err;
		return -1;
	}
	out_name = path;
	is_file = true;
	/* tt_die and any other exit() still end an open line */
	atexit(at_exit);
	interactive = isatty(fileno(out));
	setvbuf(out, NULL, interactive ? _IOLBF : _IOFBF, 1 << 16);
	return 0;
}

void tt_out_open_memory(char **buf, size_t *size)
{
	out = open_memstream(buf, size);
	if (!out)
		tt_die_oom();
	out_name = "memory";
	is_file = true;
	interactive = false;
	failed = false;
	silenced = false;
	mid_line = false;
}

bool tt_out_is_file(void)
{
	return is_file;
}

static void check(void)
{
	if (!failed && ferror(out)) {
		failed = true;
		tt_error("cannot write the trace to %s: %s", out_name,
			 strerror(errno ? errno : EIO));
	}
}

void tt_out_write(const char *s, size_t n)
{
	if (failed || silenced || !out || !n)
		return;
	mid_line = s[n - 1] != '\n';
	if (fwrite(s, 1, n, out) != n)
		check();
}

void tt_out_end_line(void)
{
	static const char unfinished[] = " <unfinished ...>\n";

	if (mid_line)
		tt_out_write(unfinished, sizeof(unfinished) - 1);
}

static void at_exit(void)
{
	if (!out)
		return;
	tt_out_end_line();
	if (!failed)
		fflush(out);
}

void tt_out_flush_if_interactive(void)
{
	if (failed || !out || !interactive)
		return;
	if (fflush(out) != 0)
		check();
}

int tt_out_close(void)
{
	if (!out)
		return 0;
	tt_out_end_line();
	if (!failed && fflush(out) != 0)
		check();
	if (out != stderr) {
		if (fclose(out) != 0 && !failed) {
			failed = true;
			tt_error("cannot write the trace to %s: %s", out_name,
				 strerror(errno));
		}
	}
	out = NULL;
	return failed ? -1 : 0;
}

bool tt_out_failed(void)
{
	return failed;
}

void tt_out_silence(void)
{
	tt_out_end_line();
	if (out && !failed)
		fflush(out);
	silenced = true;
}
