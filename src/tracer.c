/* ttrace - the tracer: spawn or attach, the wait loop, stop
 * classification, restarts, detach.
 *
 * Every tracee is seized (PTRACE_SEIZE), so group-stops are told apart
 * from signal-delivery stops (PTRACE_EVENT_STOP) and can be kept stopped
 * with PTRACE_LISTEN.  Forks, vforks, clones and execs are followed with
 * the PTRACE_O_TRACE* options; the command ttrace starts also gets
 * PTRACE_O_EXITKILL, so it cannot outlive a killed ttrace while stopped.
 * Threads attached with -p do not: killing ttrace must not kill them.
 *
 * Nothing here knows about timers: syscall stops go to syscall_trace.c,
 * everything printed goes through the renderers.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <elf.h>

#include "abi.h"
#include "elfinfo.h"
#include "error.h"
#include "options.h"
#include "output.h"
#include "render/render.h"
#include "seccomp.h"
#include "syscall_trace.h"
#include "tcb.h"
#include "tracer.h"
#include "unwind.h"

/* No PTRACE_O_TRACESECCOMP: only a command started under ttrace's own
 * filter gets it.  With it, a SECCOMP_RET_TRACE of a filter the tracee
 * installed itself would stop instead of failing with ENOSYS, as it does
 * untraced (see seccomp_stop). */
#define TRACE_OPTIONS (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC |	\
		       PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |	\
		       PTRACE_O_TRACEVFORK)

static pid_t cmd_pid;			/* the command we started, or 0 */
static int cmd_status = -1;		/* its wait status once it is gone */
static bool have_syscall_info = true;	/* PTRACE_GET_SYSCALL_INFO works */
/* The command runs under ttrace's seccomp filter: tracees stop only at
 * the selected calls, and must never be detached (see seccomp.c). */
static bool use_seccomp;
static volatile sig_atomic_t interrupted;

/* The loop checks the flag before each waitpid.  A signal that lands just
 * between the check and the call would leave waitpid blocked until the
 * next tracee event (minutes, for a sleeping process): the alarm
 * interrupts it within a second. */
static void on_fatal_signal(int sig)
{
	interrupted = sig;
	alarm(1);
}

static void on_alarm(int sig)
{
	(void)sig;
}

void tt_tracer_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: waitpid returns EINTR and the loop sees the flag. */
	sa.sa_handler = on_fatal_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* Tests reach the path kernels before 5.3 take. */
	if (getenv("TTRACE_NO_SYSCALL_INFO"))
		have_syscall_info = false;
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	       sig == SIGTTOU;
}

/* Resumes a stopped tracee.  ESRCH means it died meanwhile: its exit
 * will be reported by waitpid, which is normal. */
static void resume(struct tcb *tcp, int request, int sig)
{
	if (request == PTRACE_SYSCALL && use_seccomp &&
	    !(tcp->flags & TCB_IN_SYSCALL))
		/* The filter stops it at the next selected call; in a call,
		 * PTRACE_SYSCALL gives that call's exit stop. */
		request = PTRACE_CONT;
	if (ptrace(request, tcp->tid, 0, (void *)(long)sig) < 0 &&
	    errno != ESRCH)
		tt_perror("ptrace(%s, %d)",
			  request == PTRACE_LISTEN ? "PTRACE_LISTEN" :
			  request == PTRACE_CONT ? "PTRACE_CONT" :
			  "PTRACE_SYSCALL", (int)tcp->tid);
}

/* The ABI a stopped thread is in, from the size of its general registers
 * (the kernel hands a compat task's registers in the i386 layout). */
static const struct tt_abi *abi_from_regset(pid_t tid, void *buf, size_t size,
					    size_t *got)
{
	struct iovec iov = { buf, size };

	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0)
		return NULL;
	if (got)
		*got = iov.iov_len;
	return tt_abi_by_regset_size(iov.iov_len);
}

static void set_abi(struct tcb *tcp, const struct tt_abi *abi,
		    const struct tt_timestamps *ts)
{
	if (!abi || abi == tcp->abi)
		return;
	tcp->abi = abi;
	if (!(tcp->flags & TCB_HIDDEN))
		tt_render_personality(tcp, ts);
}

bool tt_parse_status_field(const char *line, const char *key, int base,
			   unsigned long long *val)
{
	size_t klen = strlen(key);

	if (strncmp(line, key, klen) != 0)
		return false;
	*val = strtoull(line + klen, NULL, base);
	return true;
}

/* The number after key ("Tgid:") in /proc/TID/status, in base; *val is
 * left alone when the file or the field is missing. */
static void proc_status(pid_t tid, const char *key, int base,
			unsigned long long *val)
{
	char path[64], line[256];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (tt_parse_status_field(line, key, base, val))
			break;
	fclose(f);
}

/* --- syscall stops ----------------------------------------------------- */

/* Without PTRACE_GET_SYSCALL_INFO (Linux < 5.3): the registers, whose
 * layout tells the ABI, and our own idea of entry versus exit.  This
 * misreads int $0x80 from 64-bit code as x86_64.  Returns the number of
 * a call entered (its ABI in tcp->entry_abi), else -1. */
static long syscall_stop_from_regs(struct tcb *tcp,
				   const struct tt_timestamps *ts)
{
	uint64_t regs[64] = { 0 };
	const struct tt_abi *abi = abi_from_regset(tcp->tid, regs, sizeof(regs), NULL);
	struct tt_regs_view view = { 0 };

	if (!abi)
		return -1;
	set_abi(tcp, abi, ts);
	if (!(tcp->flags & TCB_IN_SYSCALL)) {
		abi->regs_entry(regs, &view);
		tt_syscall_enter(tcp, abi, view.nr, view.args, ts);
		return view.nr;
	} else {
		/* The layout the kernel handed back, which an execve from
		 * 64-bit into 32-bit code changes between entry and exit. */
		abi->regs_exit(regs, &view);
		tt_syscall_exit(tcp, view.rval, ts);
	}
	return -1;
}

/* Returns as syscall_stop_from_regs. */
static long syscall_stop(struct tcb *tcp)
{
	/* Zeroed: valgrind does not know this request fills it. */
	struct __ptrace_syscall_info info = { 0 };
	struct tt_timestamps ts;
	const struct tt_abi *abi;

	tt_now(&ts);
	if (have_syscall_info) {
		if (ptrace(PTRACE_GET_SYSCALL_INFO, tcp->tid,
			   (void *)sizeof(info), &info) < 0) {
			if (errno == ESRCH)
				return -1;
			have_syscall_info = false;	/* EIO: old kernel */
		}
	}
	/* Trust the fields only when op matches a syscall stop; a seccomp
	 * stop is the entry of a filtered call. */
	if (!have_syscall_info || (info.op != PTRACE_SYSCALL_INFO_ENTRY &&
				   info.op != PTRACE_SYSCALL_INFO_EXIT &&
				   info.op != PTRACE_SYSCALL_INFO_SECCOMP)) {
		return syscall_stop_from_regs(tcp, &ts);
	}
	abi = tt_abi_by_audit_arch(info.arch);
	if (!abi)
		return -1;	/* an ABI ttrace does not know: not ours */
	set_abi(tcp, abi, &ts);
	if (info.op != PTRACE_SYSCALL_INFO_EXIT) {
		/* entry and seccomp share the layout: nr, then args */
		const uint64_t *raw = info.op == PTRACE_SYSCALL_INFO_ENTRY ?
			info.entry.args : info.seccomp.args;
		long nr = (long)(info.op == PTRACE_SYSCALL_INFO_ENTRY ?
				 info.entry.nr : info.seccomp.nr);
		uint64_t args[TT_MAX_ARGS];

		tt_abi_args(abi, raw, args);
		tt_syscall_enter(tcp, abi, nr, args, &ts);
		return nr;
	} else {
		int64_t rval = info.exit.rval;

		if (tcp->entry_abi && tcp->entry_abi->ptr_size == 4)
			rval = (int32_t)rval;
		tt_syscall_exit(tcp, rval, &ts);
	}
	return -1;
}

/* A seccomp stop (only under ttrace's own filter): the entry of a call a
 * filter returned SECCOMP_RET_TRACE for.  If it was not ttrace's filter
 * but the tracee's own (tt_seccomp_own_stop), the call fails with ENOSYS
 * without running, as the kernel makes it fail untraced: number -1, result
 * -ENOSYS.  A traced call is shown once, its exit with that error. */
static void seccomp_stop(struct tcb *tcp)
{
	unsigned long data = 0;
	long nr = syscall_stop(tcp);
	uint64_t regs[64] = { 0 };
	size_t size = 0;
	const struct tt_abi *abi;
	struct iovec iov;

	if (ptrace(PTRACE_GETEVENTMSG, tcp->tid, 0, &data) < 0 ||
	    tt_seccomp_own_stop(nr < 0 ? NULL : tcp->entry_abi, nr, data))
		return;
	abi = abi_from_regset(tcp->tid, regs, sizeof(regs), &size);
	if (!abi)
		return;
	abi->regs_skip(regs, -ENOSYS);
	iov.iov_base = regs;
	iov.iov_len = size;
	if (ptrace(PTRACE_SETREGSET, tcp->tid, (void *)NT_PRSTATUS, &iov) < 0 &&
	    errno != ESRCH)
		tt_perror("ptrace(PTRACE_SETREGSET, %d)", (int)tcp->tid);
}

/* --- -p: what a thread was blocked in when we attached ----------------- */

/* /proc/PID/task/TID/syscall of a blocked thread: "nr arg1 .. arg6 sp pc"
 * (nr in the thread's own ABI); "running" or "-1 sp pc" otherwise. */
bool tt_parse_proc_syscall(const char *text, long *nr,
			   uint64_t args[TT_MAX_ARGS])
{
	unsigned long long a[TT_MAX_ARGS];
	int n = sscanf(text, "%ld %llx %llx %llx %llx %llx %llx", nr, &a[0],
		       &a[1], &a[2], &a[3], &a[4], &a[5]);

	if (n != 7 || *nr < 0)
		return false;
	for (unsigned i = 0; i < TT_MAX_ARGS; i++)
		args[i] = a[i];
	return true;
}

static bool read_blocked_syscall(pid_t tid, long *nr, uint64_t args[TT_MAX_ARGS])
{
	char path[64], buf[512];
	FILE *f;
	bool ok;

	snprintf(path, sizeof(path), "/proc/%d/syscall", (int)tid);
	f = fopen(path, "r");
	if (!f)
		return false;
	ok = fgets(buf, sizeof(buf), f) && tt_parse_proc_syscall(buf, nr, args);
	fclose(f);
	return ok;
}

/* --- stops ------------------------------------------------------------- */

/* The first stop of a thread we just attached to, or of a new child:
 * usually its attach stop (PTRACE_EVENT_STOP), but a signal pending at
 * PTRACE_INTERRUPT can be reported first.  Returns true when the stop
 * was the attach stop and the thread was resumed; false when the stop
 * must still be handled as any other. */
static bool startup_stop(struct tcb *tcp, int sig, unsigned event)
{
	uint64_t regs[64];
	const struct tt_abi *abi;

	abi = abi_from_regset(tcp->tid, regs, sizeof(regs), NULL);
	if (abi && !(tcp->flags & TCB_ATTACH_STOP))
		tcp->abi = abi;
	tcp->flags &= ~(TCB_STARTUP | TCB_ATTACH_STOP);
	if (tcp->has_blocked && abi) {
		uint64_t args[TT_MAX_ARGS];

		tt_abi_args(abi, tcp->blocked_args, args);
		tt_syscall_remember_blocked(tcp, abi, tcp->blocked_nr, args);
		tcp->has_blocked = false;
	}
	if (event != PTRACE_EVENT_STOP)
		return false;
	/* Attaching to a stopped process: leave it stopped. */
	if (is_stop_signal(sig) && (tcp->flags & TCB_ATTACHED)) {
		tcp->flags |= TCB_LISTENING;
		resume(tcp, PTRACE_LISTEN, 0);
		return true;
	}
	resume(tcp, PTRACE_SYSCALL, 0);
	return true;
}

/* execve succeeded in tcp's process.  If a thread other than the leader
 * called it, the kernel gave that thread the leader's tid and removed the
 * others; the leader's own state is gone. */
static void exec_stop(struct tcb *tcp)
{
	unsigned long old = 0;
	struct tt_timestamps ts;

	tt_now(&ts);
	if (ptrace(PTRACE_GETEVENTMSG, tcp->tid, 0, &old) == 0 &&
	    (pid_t)old != tcp->tid) {
		struct tcb *execer = tt_tcb_find((pid_t)old);
		unsigned flags = tcp->flags;
		const struct tt_abi *abi = tcp->abi, *entry_abi = tcp->entry_abi;

		if (execer) {
			flags = execer->flags;
			abi = execer->abi;
			entry_abi = execer->entry_abi;
			tcp->cur_sc = execer->cur_sc;
			tt_tcb_delete(execer);
		}
		/* Printed once the old thread is gone: one tracee fewer. */
		tt_render_superseded(tcp, (pid_t)old, &ts);
		tcp->flags = flags;
		tcp->abi = abi;
		tcp->entry_abi = entry_abi;
	}
	/* A new program: nothing of the old one is resumed, and its POSIX
	 * timers and close-on-exec timerfds are gone. */
	tcp->flags &= ~(TCB_HIDDEN | TCB_RESTART | TCB_TRACED_CALL);
	tt_unwind_exec(tcp);
	tt_known_exec(tcp);
	tt_render_exec(tcp, &ts);
}

/* The thread group of tid, or tid itself. */
static pid_t process_of(pid_t tid)
{
	unsigned long long tgid = (unsigned long long)tid;

	proc_status(tid, "Tgid:", 10, &tgid);
	return (pid_t)tgid;
}

static void new_child(struct tcb *parent, unsigned event)
{
	unsigned long child = 0;
	struct tt_timestamps ts;
	struct tcb *c;

	if (ptrace(PTRACE_GETEVENTMSG, parent->tid, 0, &child) < 0 || !child)
		return;
	c = tt_tcb_find((pid_t)child);
	if (!c)
		c = tt_tcb_new((pid_t)child, TCB_STARTUP);
	c->flags |= parent->flags & (TCB_ATTACHED | TCB_HIDDEN);
	/* fork and vfork make a process; clone a thread or a process */
	c->pid = event == PTRACE_EVENT_CLONE ? process_of(c->tid) : c->tid;
	if (c->flags & TCB_STARTUP)
		c->abi = parent->abi;
	tt_now(&ts);
	if (!(c->flags & TCB_HIDDEN))
		tt_render_new_tracee(c, parent->tid, &ts);
}

/* Does the thread's process catch sig? */
static bool signal_caught(pid_t tid, int sig)
{
	unsigned long long mask = 0;

	proc_status(tid, "SigCgt:", 16, &mask);
	return sig > 0 && sig <= 64 && (mask >> (sig - 1)) & 1;
}

static void signal_stop(struct tcb *tcp, int sig)
{
	siginfo_t si;
	struct tt_timestamps ts;

	/* A handler turns an interrupted call into EINTR: no restart_syscall
	 * will resume it.  Without the filter the next entry tells; with it,
	 * untraced calls never stop, so the signal must. */
	if (use_seccomp && (tcp->flags & TCB_RESTART) && signal_caught(tcp->tid, sig))
		tcp->flags &= ~TCB_RESTART;

	/* The command before its execve: the SIGCONT that started it. */
	if ((tcp->flags & TCB_HIDDEN) && (sig == SIGCONT || sig == SIGSTOP)) {
		resume(tcp, PTRACE_SYSCALL, 0);
		return;
	}
	tt_now(&ts);
	if (ptrace(PTRACE_GETSIGINFO, tcp->tid, 0, &si) == 0 &&
	    !(tcp->flags & TCB_HIDDEN)) {
		/* A POSIX timer's signal: which timer, as far as ttrace knows */
		const struct tt_known_timer *t = si.si_code == SI_TIMER ?
			tt_known_posix(tcp, si.si_timerid) : NULL;

		tcp->has_sig_timer = t != NULL;
		if (t)
			tcp->sig_timer = *t;
		tt_render_signal(tcp, &si, &ts);
	}
	resume(tcp, PTRACE_SYSCALL, sig);
}

static void gone(struct tcb *tcp, int status)
{
	struct tt_timestamps ts;

	if (tcp->tid == cmd_pid)
		cmd_status = status;
	tt_now(&ts);
	if (!(tcp->flags & TCB_HIDDEN))
		tt_render_exit(tcp, status, &ts);
	tt_tcb_delete(tcp);
}

static void handle_stop(struct tcb *tcp, int status)
{
	int sig = WSTOPSIG(status);
	unsigned event = (unsigned)status >> 16;

	if ((tcp->flags & TCB_STARTUP) && startup_stop(tcp, sig, event))
		return;
	if (sig == (SIGTRAP | 0x80)) {
		syscall_stop(tcp);
		resume(tcp, PTRACE_SYSCALL, 0);
		return;
	}
	switch (event) {
	case 0:
		signal_stop(tcp, sig);
		return;
	case PTRACE_EVENT_SECCOMP:
		seccomp_stop(tcp);
		break;
	case PTRACE_EVENT_STOP:
		if (is_stop_signal(sig) && !(tcp->flags & TCB_HIDDEN)) {
			struct tt_timestamps ts;

			/* group-stop: stay stopped until SIGCONT */
			tt_now(&ts);
			if (!(tcp->flags & TCB_LISTENING))
				tt_render_group_stop(tcp, sig, &ts);
			tcp->flags |= TCB_LISTENING;
			resume(tcp, PTRACE_LISTEN, 0);
			return;
		}
		/* PTRACE_INTERRUPT, or SIGCONT woke a listening tracee */
		tcp->flags &= ~TCB_LISTENING;
		break;
	case PTRACE_EVENT_EXEC:
		exec_stop(tcp);
		break;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		new_child(tcp, event);
		break;
	}
	resume(tcp, PTRACE_SYSCALL, 0);
}

static void handle_status(pid_t pid, int status)
{
	struct tcb *tcp = tt_tcb_find(pid);

	if (!tcp) {
		if (!WIFSTOPPED(status))
			return;
		/* A new child reported before its parent's fork event. */
		tcp = tt_tcb_new(pid, TCB_STARTUP);
		tcp->pid = process_of(pid);
	}
	if (WIFEXITED(status) || WIFSIGNALED(status))
		gone(tcp, status);
	else if (WIFSTOPPED(status))
		handle_stop(tcp, status);
}

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
	tt_render_detached(tcp, &ts);
	if (ptrace(PTRACE_DETACH, tcp->tid, 0, (void *)(long)sig) < 0 &&
	    errno != ESRCH)
		tt_perror("ptrace(PTRACE_DETACH, %d)", (int)tcp->tid);
	if ((tcp->flags & TCB_ATTACHED) && tt_opt.quiet < 1)
		tt_error("Process %d detached", (int)tcp->tid);
	tt_tcb_delete(tcp);
}

/* Stops every tracee (PTRACE_INTERRUPT) and detaches each at its next
 * stop, delivering a signal it was stopped for.  Tracees go on running
 * untraced; one in group-stop stays stopped; a sleep in progress is
 * interrupted and restarted by the kernel, so it still lasts as long. */
static void detach_all(void)
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
			gone(tcp, status);
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
			new_child(tcp, event);
		if (event != 0 || sig == (SIGTRAP | 0x80))
			sig = 0;
		detach_one(tcp, sig);
	}
}

/* --- the loop ---------------------------------------------------------- */

/* The stops of one round.  waitpid(-1) reports the first tracee on the
 * kernel's list that has something to report, so a loop that handles
 * each stop as it comes and resumes the tracee at once serves the same
 * few busy threads forever while the others wait, stopped, behind them
 * (and their sleeps look late by ttrace's own delay).  Instead, each
 * round collects every stop pending, then handles them in order: a
 * tracee resumed in this round reports again only in the next, so every
 * tracee is served once per round. */
struct pending {
	pid_t pid;
	int status;
};

static struct pending *round_buf;
static size_t round_cap;

/* Waits for the next round's stops: blocks for the first, then takes
 * what else is pending without blocking.  Returns how many, or -1 with
 * errno (EINTR: a signal; ECHILD: no tracee left). */
static ssize_t collect_round(void)
{
	size_t n = 0;

	for (;;) {
		int status;
		pid_t pid = waitpid(-1, &status, __WALL | (n ? WNOHANG : 0));

		if (pid < 0) {
			if (n)
				break;
			return -1;
		}
		if (pid == 0)
			break;
		if (n == round_cap) {
			round_cap = round_cap ? 2 * round_cap : 64;
			round_buf = tt_xreallocarray(round_buf, round_cap,
						     sizeof(*round_buf));
		}
		round_buf[n].pid = pid;
		round_buf[n].status = status;
		/* A tracee is reported at most once while it is stopped, so
		 * a round is at most one stop per tracee (and the exits of
		 * those that are gone). */
		if (++n > (size_t)tt_tcb_count() + 64)
			break;
	}
	return (ssize_t)n;
}

/* ttrace got SIGINT, SIGTERM or SIGHUP (sig), or its output failed (sig
 * 0, without the filter only).  Returns true when the trace ends here
 * (everything detached).
 *
 * While the command runs, the first signal is passed on to it and ttrace
 * traces on until it exits.  Once the command is gone (reaped: its pid
 * may be another process's by now, so it is never signalled), a signal
 * ends the trace.  Without ttrace's seccomp filter, that is a detach.
 * Under the filter, a detached tracee's selected calls would fail with
 * ENOSYS (the kernel's answer to a SECCOMP_RET_TRACE that no tracer
 * takes): the next signal ends the printing, and says so; one more
 * detaches all the same, since the user insists. */
static bool on_interrupt(int sig, unsigned *signals, bool *silenced)
{
	bool cmd_alive = cmd_pid && cmd_status == -1;
	unsigned left = tt_tcb_count();

	if (sig && cmd_alive && ++*signals == 1) {
		kill(cmd_pid, sig);
		return false;
	}
	if (sig && use_seccomp && !*silenced) {
		*silenced = true;
		tt_out_silence();
		tt_error("the trace ends here%s; %u thread%s run%s on under "
			 "ttrace's seccomp filter: one more signal detaches "
			 "%s, and the calls the filter traces then fail with "
			 "ENOSYS", cmd_alive ? "" : " (the command has exited)",
			 left, left == 1 ? "" : "s", left == 1 ? "s" : "",
			 left == 1 ? "it" : "them");
		return false;
	}
	detach_all();
	return true;
}

static void trace_loop(void)
{
	unsigned signals = 0;
	bool silenced = false;

	while (tt_tcb_count() > 0) {
		ssize_t n;

		/* Checked between rounds only: a stop taken in a round
		 * would not be reported again to detach_all. */
		if (interrupted || (tt_out_failed() && !use_seccomp)) {
			int sig = interrupted;

			interrupted = 0;
			if (on_interrupt(sig, &signals, &silenced))
				return;
		}
		n = collect_round();
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != ECHILD)
				tt_perror("waitpid");
			return;
		}
		for (ssize_t i = 0; i < n; i++)
			handle_status(round_buf[i].pid, round_buf[i].status);
	}
}

/* --- starting a command ------------------------------------------------ */

/* Finds prog in PATH the way execvp would; returns 0 and the path, or the
 * shell's exit status for a command it cannot run (127 not found, 126 not
 * executable) after saying why. */
static int resolve_program(const char *prog, char *out, size_t size)
{
	const char *path = getenv("PATH");
	struct stat st;
	int found_err = ENOENT;

	if (strchr(prog, '/')) {
		if (stat(prog, &st) < 0) {
			tt_perror("cannot run '%s'", prog);
			return 127;
		}
		if (S_ISDIR(st.st_mode) || access(prog, X_OK) < 0) {
			tt_error("cannot run '%s': %s", prog,
				 S_ISDIR(st.st_mode) ? strerror(EISDIR)
						     : strerror(EACCES));
			return 126;
		}
		snprintf(out, size, "%s", prog);
		return 0;
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; ; ) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);

		snprintf(out, size, "%.*s%s%s", (int)len, p, len ? "/" : "",
			 prog);
		if (stat(out, &st) == 0 && !S_ISDIR(st.st_mode)) {
			if (access(out, X_OK) == 0)
				return 0;
			found_err = EACCES;
		}
		if (!colon)
			break;
		p = colon + 1;
	}
	tt_error("cannot run '%s': %s", prog,
		 found_err == ENOENT ? "command not found" : strerror(found_err));
	return found_err == ENOENT ? 127 : 126;
}

int tt_trace_command(char **argv)
{
	char path[PATH_MAX];
	int status, r = resolve_program(argv[0], path, sizeof(path));
	pid_t pid;

	int report[2], filter_err = 0;
	char why[256];

	if (r)
		return r;
	/* A file the kernel will not run: why, as an exec failure exits. */
	if (tt_exec_refusal(path, tt_ia32_runs, why, sizeof(why))) {
		tt_error("cannot run '%s': %s", argv[0], why);
		return 126;
	}
	if (pipe2(report, O_CLOEXEC) < 0) {
		tt_perror("pipe");
		return 1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		tt_perror("fork");
		return 1;
	}
	if (pid == 0) {
		int err = 0;

		/* The command starts with default signal handling; it
		 * stops until ttrace has seized it. */
		signal(SIGPIPE, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGALRM, SIG_DFL);
		/* The filter goes in while nothing traces us yet, so the
		 * result can be written without a ptrace stop in the way. */
		if (tt_opt.seccomp && tt_seccomp_install() < 0)
			err = errno ? errno : EINVAL;
		if (write(report[1], &err, sizeof(err)) != sizeof(err))
			_exit(127);
		close(report[1]);
		raise(SIGSTOP);
		execv(path, argv);
		fprintf(stderr, "ttrace: cannot run '%s': %s\n", argv[0],
			strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}
	close(report[1]);
	if (read(report[0], &filter_err, sizeof(filter_err)) != sizeof(filter_err))
		filter_err = EIO;
	close(report[0]);
	if (tt_opt.seccomp) {
		use_seccomp = filter_err == 0;
		if (!use_seccomp)
			tt_error("cannot install the seccomp filter (%s): every "
				 "system call will stop the command",
				 strerror(filter_err));
	}
	if (waitpid(pid, &status, WSTOPPED) < 0 || !WIFSTOPPED(status)) {
		tt_error("the command did not start");
		return 1;
	}
	if (ptrace(PTRACE_SEIZE, pid, 0,
		   (void *)(long)(TRACE_OPTIONS | PTRACE_O_EXITKILL |
				  (use_seccomp ? PTRACE_O_TRACESECCOMP : 0))) < 0) {
		tt_perror("cannot trace the command: ptrace(PTRACE_SEIZE)");
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return 1;
	}
	cmd_pid = pid;
	tt_tcb_new(pid, TCB_HIDDEN);
	kill(pid, SIGCONT);
	trace_loop();

	if (cmd_status == -1) {
		/* Detached (a second signal, or the output failed): the
		 * command runs on untraced; wait for it, we are its parent. */
		while (waitpid(cmd_pid, &cmd_status, 0) < 0 && errno == EINTR)
			;
	}
	if (cmd_status == -1)
		return 1;
	if (WIFSIGNALED(cmd_status))
		return 128 + WTERMSIG(cmd_status);
	return WEXITSTATUS(cmd_status);
}

/* --- attaching --------------------------------------------------------- */

static pid_t tracer_of(pid_t pid)
{
	unsigned long long tracer = 0;

	proc_status(pid, "TracerPid:", 10, &tracer);
	return (pid_t)tracer;
}

/* Seizes every thread of pid, again until no new one appears (threads
 * created by a thread we have not seized yet).  Returns 0, or -1 after a
 * message if the process itself could not be attached. */
/* Is tid gone, or a zombie thread (exited, not yet released)? */
static bool thread_exiting(pid_t tid)
{
	char path[64], line[256];
	bool exiting = true;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "r");
	if (!f)
		return true;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "State:", 6) == 0) {
			exiting = strchr(line, 'Z') || strchr(line, 'X');
			break;
		}
	fclose(f);
	return exiting;
}

/* A thread of pid the kernel attached to us through its creator's clone
 * event: its clone event and first stop (PTRACE_EVENT_STOP) come later,
 * and new_child prints it then. */
static void adopt(pid_t tid, pid_t pid)
{
	struct tcb *tcp = tt_tcb_new(tid, TCB_STARTUP | TCB_ATTACHED);

	tcp->pid = pid;
}

static int attach_process(pid_t pid)
{
	/* -p may name any thread: the process is its thread group. */
	pid_t tgid = process_of(pid);
	char dir[64];
	bool more = true;
	unsigned nthreads = 0;
	struct tt_timestamps ts;

	snprintf(dir, sizeof(dir), "/proc/%d/task", (int)pid);
	while (more) {
		DIR *d = opendir(dir);
		struct dirent *de;

		more = false;
		if (!d) {
			tt_error("cannot attach to process %d: no such process",
				 (int)pid);
			return -1;
		}
		while ((de = readdir(d))) {
			pid_t tid = (pid_t)atoi(de->d_name);
			struct tcb *tcp;
			long nr;
			uint64_t args[TT_MAX_ARGS];
			/* Before the interrupt, while it is still blocked. */
			bool blocked;

			if (tid <= 0 || tt_tcb_find(tid))
				continue;
			blocked = read_blocked_syscall(tid, &nr, args);
			if (ptrace(PTRACE_SEIZE, tid, 0, (void *)(long)TRACE_OPTIONS) < 0) {
				int err = errno;
				pid_t tracer = tracer_of(tid);

				if (tid != pid) {
					/* A thread that just exited, or is
					 * exiting (a zombie thread: EPERM). */
					if (err == ESRCH || thread_exiting(tid))
						continue;
					/* A thread a seized one has just
					 * created: the kernel attached it to
					 * us (PTRACE_O_TRACECLONE), and its
					 * clone event is yet to be read. */
					if (err == EPERM && tracer == getpid()) {
						adopt(tid, tgid);
						continue;
					}
				}
				closedir(d);
				if (err == EPERM && tracer)
					tt_error("cannot attach to process %d: "
						 "already traced by process %d",
						 (int)pid, (int)tracer);
				else
					tt_error("cannot attach to process %d: %s",
						 (int)pid, strerror(err));
				return -1;
			}
			tcp = tt_tcb_new(tid, TCB_STARTUP | TCB_ATTACHED |
					 TCB_ATTACH_STOP);
			tcp->pid = tgid;
			tt_now(&ts);
			tt_render_new_tracee(tcp, 0, &ts);
			if (blocked) {
				tcp->has_blocked = true;
				tcp->blocked_nr = nr;
				memcpy(tcp->blocked_args, args, sizeof(args));
			}
			/* A stop to start from; if tid was blocked in a call,
			 * this interrupts it (the kernel restarts it later). */
			ptrace(PTRACE_INTERRUPT, tid, 0, 0);
			nthreads++;
			more = true;
		}
		closedir(d);
	}
	if (tt_opt.quiet < 1) {
		if (nthreads > 1)
			tt_error("Process %d attached with %u threads", (int)pid,
				 nthreads);
		else
			tt_error("Process %d attached", (int)pid);
	}
	return 0;
}

int tt_trace_attach(const pid_t *pids, size_t npids)
{
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
		if (attach_process(pids[i]) < 0)
			goto fail;
	}
	trace_loop();
	return 0;

fail:
	/* Nothing stays attached. */
	if (tt_tcb_count() > 0)
		detach_all();
	return 1;
}
