/* ttrace - opening every file ttrace writes (-o, --timeline, --profile,
 * --junit, --check-report), and telling whether two of them are one file.
 *
 * What is at the name decides how it is written:
 *   missing or a regular file   a stream is created or truncated in place;
 *                               a whole file (TT_OUT_WHOLE) is written to
 *                               NAME.tmp.PID beside it and renamed over it
 *                               at the end, so a failed run loses nothing
 *   a symlink                   followed: the same for its target, which
 *                               is what changes (the link stays a link)
 *   a device, FIFO or socket    written in place, never created, truncated
 *                               or replaced; a FIFO blocks until a reader
 *                               opens it, as a shell redirection does
 *   a directory                 refused (EISDIR) */
#ifndef TTRACE_OUTFILE_H
#define TTRACE_OUTFILE_H

#include <stdbool.h>

enum tt_out_kind {
	TT_OUT_STREAM,	/* written as the trace goes: -o, --timeline */
	TT_OUT_WHOLE,	/* written at the end, all or nothing: --profile,
			 * --junit, --check-report */
	TT_OUT_APPEND,	/* a stream appended to, never truncated: the
			 * -ff file of a thread with an earlier one's tid */
};

struct tt_outfile {
	int fd;		/* close-on-exec: no tracee inherits it */
	char *final;	/* TT_OUT_WHOLE: the file the rename replaces */
	char *tmp;	/* TT_OUT_WHOLE: what is written; NULL: in place */
};

/* Opens name for writing; returns 0, or -1 with errno set. */
int tt_outfile_open(struct tt_outfile *f, const char *name,
		    enum tt_out_kind kind);
/* Done writing f->fd (closed by the caller): a whole file is renamed into
 * place.  Returns 0, or -1 with errno set (the temporary file removed). */
int tt_outfile_commit(struct tt_outfile *f);
/* Gives up: the temporary file, if any, removed; fd left to the caller. */
void tt_outfile_abandon(struct tt_outfile *f);

/* Do names a and b reach the same file (the same string, the same device
 * and inode, or the same resolved path)?  Character devices (/dev/null)
 * are never the same: any number of outputs may share one. */
bool tt_outfile_same(const char *a, const char *b);

/* Writes all n bytes to fd (again after a signal or a part taken).
 * Returns 0, or -1 with errno set (EIO when nothing could be written). */
int tt_write_all(int fd, const char *buf, size_t n);

#endif
