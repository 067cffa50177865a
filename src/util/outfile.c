/* ttrace - opening the files ttrace writes (see outfile.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "outfile.h"

#define MAX_LINKS 40	/* the kernel's limit too */

/* dir + "/" + base, or base alone when it is absolute. */
static char *join(const char *dir, size_t dirlen, const char *base)
{
	char *p;

	if (base[0] == '/' || !dirlen)
		return tt_xstrdup(base);
	p = tt_xmalloc(dirlen + strlen(base) + 2);
	sprintf(p, "%.*s/%s", (int)dirlen, dir, base);
	return p;
}

/* The canonical name of the file written through name, whether it exists
 * or not: realpath, and for a missing file (or a symlink to one) its
 * directory's realpath and its own name.  NULL with errno set when the
 * directory does not resolve. */
static char *resolve(const char *name, int links)
{
	const char *slash = strrchr(name, '/');
	char *r = realpath(name, NULL), *dir, *next;
	char target[PATH_MAX];
	struct stat st;
	ssize_t n;

	if (r || errno != ENOENT)
		return r;
	if (lstat(name, &st) == 0 && S_ISLNK(st.st_mode)) {
		/* a link to a file not there yet: where it will be */
		if (links >= MAX_LINKS) {
			errno = ELOOP;
			return NULL;
		}
		n = readlink(name, target, sizeof(target) - 1);
		if (n < 0)
			return NULL;
		target[n] = '\0';
		next = join(name, slash ? (size_t)(slash - name) : 0, target);
		r = resolve(next, links + 1);
		free(next);
		return r;
	}
	if (!slash)
		dir = realpath(".", NULL);
	else if (slash == name)
		dir = tt_xstrdup("");	/* in / */
	else {
		char *d = tt_xmalloc((size_t)(slash - name) + 1);

		memcpy(d, name, (size_t)(slash - name));
		d[slash - name] = '\0';
		dir = realpath(d, NULL);
		free(d);
	}
	if (!dir)
		return NULL;
	r = tt_xmalloc(strlen(dir) + strlen(slash ? slash + 1 : name) + 2);
	sprintf(r, "%s/%s", dir, slash ? slash + 1 : name);
	free(dir);
	return r;
}

static int open_whole(struct tt_outfile *f, const char *name)
{
	struct stat st;
	bool existed = stat(name, &st) == 0;

	if (existed && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (existed && !S_ISREG(st.st_mode)) {
		/* a device or FIFO: written in place, never replaced */
		f->fd = open(name, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		return f->fd < 0 ? -1 : 0;
	}
	f->final = resolve(name, 0);
	if (!f->final)
		return -1;
	f->tmp = tt_xmalloc(strlen(f->final) + 32);
	sprintf(f->tmp, "%s.tmp.%d", f->final, (int)getpid());
	for (int tries = 0; tries < 2; tries++) {
		f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			     0666);
		if (f->fd >= 0 || errno != EEXIST)
			break;
		unlink(f->tmp);	/* left by a dead run with our pid */
	}
	if (f->fd < 0) {
		int err = errno;

		tt_outfile_abandon(f);
		errno = err;
		return -1;
	}
	/* the file replaced keeps its permissions (best effort) */
	if (existed)
		(void)fchmod(f->fd, st.st_mode & 07777);
	return 0;
}

int tt_outfile_open(struct tt_outfile *f, const char *name,
		    enum tt_out_kind kind)
{
	struct stat st;

	f->fd = -1;
	f->final = f->tmp = NULL;
	if (kind == TT_OUT_WHOLE)
		return open_whole(f, name);
	/* Truncated only once known to be a regular file: a device is not
	 * truncated, a FIFO blocks here until it has a reader, a directory
	 * fails (EISDIR). */
	f->fd = open(name, O_WRONLY | O_CREAT | O_NOCTTY | O_CLOEXEC |
		     (kind == TT_OUT_APPEND ? O_APPEND : 0), 0666);
	if (f->fd < 0)
		return -1;
	if (kind == TT_OUT_STREAM && fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    ftruncate(f->fd, 0) < 0) {
		int err = errno;

		close(f->fd);
		f->fd = -1;
		errno = err;
		return -1;
	}
	return 0;
}

int tt_outfile_commit(struct tt_outfile *f)
{
	int ret = 0;

	if (f->tmp && rename(f->tmp, f->final) < 0) {
		int err = errno;

		unlink(f->tmp);
		errno = err;
		ret = -1;
	}
	free(f->tmp);
	free(f->final);
	f->tmp = f->final = NULL;
	return ret;
}

void tt_outfile_abandon(struct tt_outfile *f)
{
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	free(f->final);
	f->tmp = f->final = NULL;
}

bool tt_outfile_same(const char *a, const char *b)
{
	struct stat sa, sb;
	bool have_a = stat(a, &sa) == 0, have_b = stat(b, &sb) == 0;
	char *ra, *rb;
	bool same;

	if ((have_a && S_ISCHR(sa.st_mode)) || (have_b && S_ISCHR(sb.st_mode)))
		return false;
	if (strcmp(a, b) == 0)
		return true;
	if (have_a && have_b)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	ra = resolve(a, 0);
	rb = resolve(b, 0);
	same = ra && rb && strcmp(ra, rb) == 0;
	free(ra);
	free(rb);
	return same;
}

int tt_write_all(int fd, const char *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(fd, buf + done, n - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = EIO;
			return -1;
		}
		done += (size_t)r;
	}
	return 0;
}
