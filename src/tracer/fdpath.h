/* ttrace - -y and -yy: what the fds a call names are open on. */
#ifndef TTRACE_FDPATH_H
#define TTRACE_FDPATH_H

#include "event.h"

/* At the entry, once the call is decoded: a path for every fd value
 * (arguments, pollfds, fd sets, fd clock ids), read from /proc/TID/fd.
 * level: 1 for -y, 2 for -yy. */
void tt_fdpath_entry(struct tt_event *ev, pid_t tid, int level);
/* At the exit: the fd a call returned (the signature's ret_fd). */
void tt_fdpath_exit(struct tt_event *ev, pid_t tid, int level);

#endif
