/* ttrace fuzz target: the /proc parsers, fed as their readers feed them.
 *
 *   /proc/PID/fdinfo/FD     tt_parse_timerfd_fdinfo (src/analysis/toctou.c): the
 *                           first 1023 bytes, NUL-terminated
 *   /proc/PID/syscall       tt_parse_proc_syscall (src/tracer/procfs.c): the
 *                           first line as fgets reads it into 512 bytes
 *   /proc/PID/status        tt_parse_status_field: line by
 *                           line as fgets reads into 256 bytes, until one
 *                           matches
 *   /proc/PID/timers        tt_parse_proc_timers (src/analysis/known.c): the first
 *                           65535 bytes, NUL-terminated; the timer id is
 *                           which / 5
 *
 * Input: u8 which (modulo 5: fdinfo, syscall, TracerPid, SigCgt, timers),
 * then the file's text.  Each piece is copied into a buffer of exactly its size,
 * so a read past its NUL is caught.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "known.h"
#include "toctou.h"
#include "procfs.h"
#include "fuzz.h"

/* The next piece fgets(buf, size) would return from text (at most
 * size - 1 bytes, up to and including a newline), malloc'd; NULL at the
 * end. */
static char *next_piece(const char **text, const char *end, size_t size)
{
	const char *p = *text;
	size_t len = 0;
	char *s;

	if (p >= end)
		return NULL;
	while (p + len < end && len < size - 1 && p[len++] != '\n')
		;
	s = malloc(len + 1);
	if (!s)
		abort();
	memcpy(s, p, len);
	s[len] = '\0';
	*text = p + len;
	return s;
}

/* The first max bytes of text, as read() returns them, NUL-terminated. */
static char *first_bytes(const char *text, const char *end, size_t max)
{
	size_t len = (size_t)(end - text) < max ? (size_t)(end - text) : max;
	char *s = malloc(len + 1);

	if (!s)
		abort();
	memcpy(s, text, len);
	s[len] = '\0';
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text, *end;
	char *piece;

	if (size < 1)
		return 0;
	text = (const char *)data + 1;
	end = (const char *)data + size;

	switch (data[0] % 5) {
	case 0: {
		unsigned flags = 0;
		long long sec = 0, nsec = 0;

		piece = first_bytes(text, end, 1023);
		tt_parse_timerfd_fdinfo(piece, &flags, &sec, &nsec);
		free(piece);
		break;
	}
	case 1: {
		long nr = 0;
		uint64_t args[TT_MAX_ARGS];

		if ((piece = next_piece(&text, end, 512))) {
			if (tt_parse_proc_syscall(piece, &nr, args) && nr < 0)
				abort();
			free(piece);
		}
		break;
	}
	case 2:
	case 3: {
		unsigned long long val = 0;
		bool found = false;

		while (!found && (piece = next_piece(&text, end, 256))) {
			found = data[0] % 5 == 2 ?
				tt_parse_status_field(piece, "TracerPid:", 10, &val) :
				tt_parse_status_field(piece, "SigCgt:", 16, &val);
			free(piece);
		}
		break;
	}
	case 4: {
		struct tt_known_timer t;

		piece = first_bytes(text, end, 65535);
		if (tt_parse_proc_timers(piece, data[0] / 5, &t) &&
		    t.id != data[0] / 5)
			abort();
		free(piece);
		break;
	}
	}
	return 0;
}
