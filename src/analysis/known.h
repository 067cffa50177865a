/* ttrace - what ttrace knows of each process's POSIX timers and timerfds.
 *
 * Learned from the calls it traced (timer_create, timerfd_create and the
 * settime calls that succeeded), and for timers and fds it did not see
 * created (inherited, created before -p, or while their create call was
 * not traced) from /proc/PID/timers and /proc/PID/fdinfo/FD.  Kept per
 * process (thread group): the record is allocated when the first timer is
 * learned, shared by the process's threads, and freed with the last of
 * them; an execve drops the POSIX timers and the close-on-exec timerfds,
 * as the kernel does. */
#ifndef TTRACE_KNOWN_H
#define TTRACE_KNOWN_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct tcb;
struct tt_event;

enum tt_timer_kind {
	TK_POSIX,	/* .id: a POSIX timer id */
	TK_TIMERFD,	/* .id: the fd */
};

struct tt_known_timer {
	int32_t id;
	int32_t clock;
	uint8_t kind;		/* enum tt_timer_kind */
	bool from_proc;		/* read from /proc, its create call unseen */
	bool cloexec;		/* a timerfd created with TFD_CLOEXEC */
	bool notify_known;	/* POSIX: the sigevent below is known */
	int32_t notify, signo;	/* POSIX: sigev_notify, sigev_signo */
	uint64_t sival;		/* POSIX: sigev_value */
	bool armed_known;	/* the last successful settime: */
	uint32_t settime_flags;
	int64_t interval_sec, value_sec;	/* as read at its entry (a */
	uint64_t interval_nsec, value_nsec;	/* race can make them odd) */
};

/* At a traced call's exit: learn from it (its signature says what). */
void tt_known_learn(struct tcb *tcp, const struct tt_event *ev);

/* POSIX timer id of tcp's process, or NULL when neither a traced
 * timer_create nor /proc/PID/timers knows it. */
const struct tt_known_timer *tt_known_posix(struct tcb *tcp, int32_t id);

/* fd of tcp's process if it is a timerfd, or NULL.  With verify, checked
 * in /proc/PID/fd (fds are closed and reused without ttrace seeing it):
 * read needs that to know whether to show the call at all.  A timerfd
 * call needs no check, the kernel refuses any other fd; an fd ttrace
 * knows then keeps the clock it was created with, unless an untraced
 * dup2 put another timerfd there. */
const struct tt_known_timer *tt_known_timerfd(struct tcb *tcp, int32_t fd,
					      bool verify);

/* execve succeeded in tcp's process. */
void tt_known_exec(struct tcb *tcp);

/* The timers of a process whose last thread is gone (NULL: none). */
struct tt_known_set;
void tt_known_free(struct tt_known_set *set);

/* The text of /proc/PID/timers: the timer with ID id.  False when it is
 * not there. */
bool tt_parse_proc_timers(const char *text, int32_t id,
			  struct tt_known_timer *out);

#endif
