/* ttrace - every read of /proc, in one place.
 *
 * What the tracer, the timer knowledge (src/analysis/known.c) and the timerfd check
 * (src/analysis/toctou.c) learn of a tracee from /proc, and the pure parsers of
 * that text (unit-tested and fuzzed).  Renderers never read /proc. */
#ifndef TTRACE_PROCFS_H
#define TTRACE_PROCFS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "syscall.h"

/* --- /proc/TID/status ---------------------------------------------------- */

/* One line of /proc/PID/status: the number after key ("TracerPid:",
 * "SigCgt:", "Tgid:") in base; false when the line is another field's. */
bool tt_parse_status_field(const char *line, const char *key, int base,
			   unsigned long long *val);
/* tid's thread group, or tid itself when /proc does not say. */
pid_t tt_proc_tgid(pid_t tid);
/* The pid of the process tracing tid, 0 when none (or gone). */
pid_t tt_proc_tracer(pid_t tid);
/* Does tid's process catch signal sig (SigCgt)? */
bool tt_proc_catches(pid_t tid, int sig);
/* Is there a /proc entry for tid (a zombie not yet reaped included)? */
bool tt_proc_exists(pid_t tid);
/* Is tid gone, or a zombie thread (exited, not yet released)? */
bool tt_proc_exiting(pid_t tid);

/* --- /proc/TID/syscall ---------------------------------------------------- */

/* The text of /proc/PID/task/TID/syscall of a thread blocked in a call:
 * its number (in the thread's own ABI) and six arguments; false when it
 * is running or not in a call ("running", "-1 sp pc"). */
bool tt_parse_proc_syscall(const char *text, long *nr,
			   uint64_t args[TT_MAX_ARGS]);
/* The same, read for tid. */
bool tt_proc_blocked_syscall(pid_t tid, long *nr, uint64_t args[TT_MAX_ARGS]);

/* --- /proc/TID/comm ------------------------------------------------------ */

/* tid's command name without its newline, or "?" for a thread gone. */
void tt_proc_comm(pid_t tid, char *out, size_t size);

/* --- timers and fds ------------------------------------------------------ */

/* Up to size - 1 bytes of /proc/PID/NAME ("timers", "fdinfo/3"),
 * NUL-terminated; false when it cannot be read or is empty. */
bool tt_proc_read(pid_t pid, const char *name, char *buf, size_t size);
/* Is fd of pid a timerfd now?  Its /proc/PID/fd link names the kind. */
bool tt_proc_is_timerfd(pid_t pid, int32_t fd);
/* -y: the target of /proc/TID/fd/FD, not terminated, at most size bytes
 * (cut: longer); its length, or -1 (no such fd, the thread gone). */
ssize_t tt_proc_fd_link(pid_t tid, int32_t fd, char *buf, size_t size);
/* -yy: the protocol a socket fd is of ("TCP", "UNIX-STREAM"), the
 * system.sockprotoname attribute of its /proc/TID/fd link, terminated in
 * buf; its length, or -1 or 0 when it has none. */
ssize_t tt_proc_fd_sockproto(pid_t tid, int32_t fd, char *buf, size_t size);
/* -yy: the device fd is open on: 'c' or 'b' and its numbers; 0 for any
 * other file or when it cannot be said. */
char tt_proc_fd_dev(pid_t tid, int32_t fd, unsigned *major, unsigned *minor);
/* /proc/TID/fdinfo/FD read from offset 0 into buf (not terminated); the
 * length, or -1.  Kept open per (tid, fd) in a few slots: each read from
 * offset 0 regenerates the text for whatever file the fd holds then, and a
 * handle whose thread is gone fails and is opened anew. */
ssize_t tt_proc_fdinfo(pid_t tid, int fd, char *buf, size_t size);

#endif
