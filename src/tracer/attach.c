/* ttrace - -p: seizing every thread of a process, and detaching every
 * tracee. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "abi.h"
#include "elfinfo.h"
#include "error.h"
#include "options.h"
#include "procfs.h"
#include "record.h"
#include "render/render.h"
#include "tcb.h"
#include "tracer.h"
#include "tracer/internal.h"

/* --- detaching --------------------------------------------------------- */

static void interrupt_one(struct tcb *tcp, void *arg)
{
	(void)arg;
	if (ptrace(PTRACE_INTERRUPT, tcp->tid, 0, 0) < 0 && errno == ESRCH &&
	    kill(tcp->tid, 0) < 0)
		tt_tcb_delete(tcp);	/* already gone and reaped */
}

static void detach_one(struct tcb *tcp, int sig)
{
	struct tt_timestamps ts;

	tt_now(&ts);
	tt_record_detached(tcp, &ts);
	if (ptrace(PTRACE_DETACH, tcp->tid, 0, (void *)(long)sig) < 0 &&
	    errno != ESRCH)
		tt_perror("ptrace(PTRACE_DETACH, %d)", (int)tcp->tid);
	if ((tcp->flags & TCB_ATTACHED) && tt_opt.quiet < 1)
		tt_info("Process %d detached", (int)tcp->tid);
	tt_tcb_delete(tcp);
}

/* Stops every tracee (PTRACE_INTERRUPT) and detaches each at its next
 * stop, delivering a signal it was stopped for.  Tracees go on running
 * untraced; one in group-stop stays stopped; a sleep in progress is
 * interrupted and restarted by the kernel, so it still lasts as long. */
void tt_detach_all(void)
{
	tt_tcb_foreach(interrupt_one, NULL);
	while (tt_tcb_count() > 0) {
		int status;
		pid_t pid = waitpid(-1, &status, __WALL);
		struct tcb *tcp;

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		tcp = tt_tcb_find(pid);
		if (!tcp) {
			if (WIFSTOPPED(status))
				ptrace(PTRACE_DETACH, pid, 0, 0);
			continue;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			tt_gone(tcp, status);
			continue;
		}
		if (!WIFSTOPPED(status))
			continue;
		int sig = WSTOPSIG(status);
		unsigned event = (unsigned)status >> 16;

		/* Only a signal-delivery stop has a signal to pass on.  At a
		 * syscall stop the call's end is not shown: strace marks the
		 * open line " <detached ...>" and so do we.  A new child is
		 * auto-attached: it is detached at its own first stop. */
		if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK ||
		    event == PTRACE_EVENT_CLONE)
			tt_new_child(tcp, event);
		if (event != 0 || sig == (SIGTRAP | 0x80))
			sig = 0;
		detach_one(tcp, sig);
	}
}

/* --- attaching --------------------------------------------------------- */

/* A thread of pid the kernel attached to us through its creator's clone
 * event: its clone event and first stop (PTRACE_EVENT_STOP) come later,
 * and new_child prints it then. */
static void adopt(pid_t tid, pid_t pid)
{
	struct tcb *tcp = tt_tcb_new(tid, TCB_STARTUP | TCB_ATTACHED);

	tt_tcb_set_pid(tcp, pid);
}

/* PTRACE_SEIZE of tid failed with err (pid: the thread -p named, tgid:
 * its process).  Another thread of it may be racing us: gone, exiting,
 * or already ours.  Returns 0 when tid is to be passed over, or -1 after
 * a message if the process cannot be attached. */
static int seize_failed(pid_t tid, pid_t pid, pid_t tgid, int err)
{
	pid_t tracer = tt_proc_tracer(tid);

	if (tid != pid) {
		/* A thread that just exited, or is exiting (a zombie
		 * thread: EPERM). */
		if (err == ESRCH || tt_proc_exiting(tid))
			return 0;
		/* A thread a seized one has just created: the kernel
		 * attached it to us (PTRACE_O_TRACECLONE), and its clone
		 * event is yet to be read. */
		if (err == EPERM && tracer == getpid()) {
			adopt(tid, tgid);
			return 0;
		}
	}
	if (err == EPERM && tracer)
		tt_error("cannot attach to process %d: already traced by "
			 "process %d", (int)pid, (int)tracer);
	else
		tt_error("cannot attach to process %d: %s", (int)pid,
			 strerror(err));
	return -1;
}

/* Seizes tid, a thread of pid's process tgid, as a new tracee, keeping
 * the call it is blocked in (if any) to be shown as in progress.
 * Returns 1 if seized, else as seize_failed. */
static int seize_thread(pid_t tid, pid_t pid, pid_t tgid)
{
	struct tcb *tcp;
	long nr;
	uint64_t args[TT_MAX_ARGS];
	struct tt_timestamps ts;
	/* Before the interrupt, while it is still blocked. */
	bool blocked = tt_proc_blocked_syscall(tid, &nr, args);

	if (ptrace(PTRACE_SEIZE, tid, 0, (void *)(long)TRACE_OPTIONS) < 0)
		return seize_failed(tid, pid, tgid, errno);
	tcp = tt_tcb_new(tid, TCB_STARTUP | TCB_ATTACHED | TCB_ATTACH_STOP);
	tt_tcb_set_pid(tcp, tgid);
	tt_now(&ts);
	tt_record_new_tracee(tcp, 0, &ts);
	if (blocked) {
		tcp->has_blocked = true;
		tcp->blocked_nr = nr;
		memcpy(tcp->blocked_args, args, sizeof(args));
	}
	/* A stop to start from; if tid was blocked in a call, this
	 * interrupts it (the kernel restarts it later). */
	ptrace(PTRACE_INTERRUPT, tid, 0, 0);
	return 1;
}

/* One pass over dir, /proc/PID/task: seizes each thread not traced yet.
 * Returns how many it seized, or -1 after a message. */
static int seize_new_threads(const char *dir, pid_t pid, pid_t tgid)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	if (!d) {
		tt_error("cannot attach to process %d: no such process",
			 (int)pid);
		return -1;
	}
	while ((de = readdir(d))) {
		pid_t tid = (pid_t)atoi(de->d_name);
		int r;

		if (tid <= 0 || tt_tcb_find(tid))
			continue;
		r = seize_thread(tid, pid, tgid);
		if (r < 0) {
			closedir(d);
			return -1;
		}
		n += r;
	}
	closedir(d);
	return n;
}

/* Seizes every thread of pid, again until no new one appears (threads
 * created by a thread we have not seized yet).  Returns 0, or -1 after a
 * message if the process itself could not be attached. */
static int attach_process(pid_t pid)
{
	/* -p may name any thread: the process is its thread group. */
	pid_t tgid = tt_proc_tgid(pid);
	char dir[64];
	unsigned nthreads = 0;
	int n;

	snprintf(dir, sizeof(dir), "/proc/%d/task", (int)pid);
	do {
		n = seize_new_threads(dir, pid, tgid);
		if (n < 0)
			return -1;
		nthreads += (unsigned)n;
	} while (n > 0);
	if (tt_opt.quiet < 1) {
		if (nthreads > 1)
			tt_info("Process %d attached with %u threads", (int)pid,
				 nthreads);
		else
			tt_info("Process %d attached", (int)pid);
	}
	return 0;
}

int tt_trace_attach(const pid_t *pids, size_t npids)
{
	char exe[64];

	for (size_t i = 0; i < npids; i++) {
		if (pids[i] == getpid()) {
			tt_error("cannot attach to process %d: it is ttrace itself",
				 (int)pids[i]);
			goto fail;
		}
		if (kill(pids[i], 0) < 0 && errno == ESRCH) {
			tt_error("cannot attach to process %d: no such process",
				 (int)pids[i]);
			goto fail;
		}
		/* -p 12,12: attached already (as a thread of an earlier
		 * pid too) */
		if (tt_tcb_find(pids[i]))
			continue;
		snprintf(exe, sizeof(exe), "/proc/%d/exe", (int)pids[i]);
		if (tt_elf_is_x32(exe)) {
			tt_error("cannot attach to process %d: it runs an x32 "
				 "program, and ttrace does not trace x32",
				 (int)pids[i]);
			goto fail;
		}
		if (attach_process(pids[i]) < 0)
			goto fail;
	}
	tt_trace_loop();
	return 0;

fail:
	/* Nothing stays attached. */
	if (tt_tcb_count() > 0)
		tt_detach_all();
	return 1;
}

