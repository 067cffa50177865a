/* ttrace - -y and -yy: what each fd a call names is open on, read at the
 * stop that decodes it, as strace shows it then.
 *
 * One readlink of /proc/TID/fd/N per distinct fd of the call (a pollfd
 * array or an fd set may name one fd many times), only with -y.  The path
 * is kept as read, in the event (ev->fds), and a value names it by
 * index (tt_value.path): the renderers escape it each their own way and
 * never read /proc.  strace leaves out a negative fd and one not open;
 * so does ttrace.  With -yy a character or block device also carries its
 * numbers (strace 6.1: "/dev/null<char 1:3>"), and a socket what
 * src/tracer/sockinfo.c says of it, after the path in the pool. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "fdpath.h"
#include "procfs.h"
#include "sockinfo.h"
#include "xlat/xlat.h"

/* The path of fd, read now or already read for this call: 1 + its index,
 * 0 when fd is not open or the event has no room left. */
static uint8_t path_of(struct tt_event *ev, pid_t tid, int32_t fd, int level)
{
	struct tt_fd_paths *p = &ev->fds;
	struct tt_fd_path *e;
	char buf[PATH_MAX], sock[1024];
	unsigned long long ino;
	ssize_t len;
	size_t slen = 0;

	if (fd < 0)
		return 0;
	for (unsigned k = 0; k < p->n; k++)
		if (p->e[k].fd == fd)
			return (uint8_t)(k + 1);
	if (p->n >= TT_MAX_FDS)
		return 0;
	len = tt_proc_fd_link(tid, fd, buf, sizeof(buf));
	if (len <= 0)
		return 0;
	if (level > 1 && (size_t)len < sizeof(buf) &&
	    (buf[len] = '\0', sscanf(buf, "socket:[%llu]", &ino) == 1) &&
	    tt_sock_details(tid, fd, ino, sock, sizeof(sock)))
		slen = strlen(sock) + 1;
	/* the path and its NUL, and a socket's details and theirs */
	if ((size_t)len + 1 + slen > sizeof(p->pool) - p->used)
		return 0;
	e = &p->e[p->n];
	e->fd = fd;
	e->off = p->used;
	e->len = (uint16_t)len;
	e->dev = level > 1 ? tt_proc_fd_dev(tid, fd, &e->major, &e->minor) : 0;
	memcpy(p->pool + p->used, buf, (size_t)len);
	p->pool[p->used + len] = '\0';
	e->socket = slen > 0;
	memcpy(p->pool + p->used + len + 1, sock, slen);
	p->used = (uint16_t)(p->used + len + 1 + slen);
	return ++p->n;
}

void tt_fdpath_entry(struct tt_event *ev, pid_t tid, int level)
{
	for (unsigned i = 0; i < ev->nv; i++) {
		struct tt_value *v = &ev->v[i];

		if (v->kind == TV_FD) {
			v->path = path_of(ev, tid, (int32_t)v->s, level);
		} else if (v->kind == TV_CLOCKID) {
			struct tt_clockid c = tt_clockid_split((int32_t)v->s);

			if (c.kind == TC_FD)
				v->path = path_of(ev, tid, c.who, level);
		}
	}
}

void tt_fdpath_exit(struct tt_event *ev, pid_t tid, int level)
{
	if (ev->sc->sig->ret_fd && ev->ret == TR_VALUE && ev->rval >= 0 &&
	    ev->rval <= INT32_MAX)
		ev->ret_path = path_of(ev, tid, (int32_t)ev->rval, level);
}
