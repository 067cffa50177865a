/* ttrace - the wait loop, in rounds; stop classification; signals to
 * ttrace.  (The tracer's parts: tracer/internal.h.) */
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
#include "output.h"
#include "process.h"
#include "procfs.h"
#include "record.h"
#include "spin.h"
#include "render/render.h"
#include "syscall_trace.h"
#include "tcb.h"
#include "tracer.h"
#include "tracer/internal.h"
#include "unwind.h"
#include "xlat/xlat.h"

struct tt_tracer_state tt_tracer = {
	.cmd_status = -1,
	.have_syscall_info = true,
};
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
		tt_tracer.have_syscall_info = false;
}

bool tt_is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	       sig == SIGTTOU;
}

/* Resumes a stopped tracee.  ESRCH means it died meanwhile: its exit
 * will be reported by waitpid, which is normal. */
void tt_resume(struct tcb *tcp, int request, int sig)
{
	if (request == PTRACE_SYSCALL && tt_tracer.use_seccomp &&
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

	abi = tt_abi_from_regset(tcp->tid, regs, sizeof(regs), NULL);
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
	if (tt_is_stop_signal(sig) && (tcp->flags & TCB_ATTACHED)) {
		tcp->flags |= TCB_LISTENING;
		tt_resume(tcp, PTRACE_LISTEN, 0);
		return true;
	}
	tt_resume(tcp, PTRACE_SYSCALL, 0);
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
		tt_record_superseded(tcp, (pid_t)old, &ts);
		tcp->flags = flags;
		tcp->abi = abi;
		tcp->entry_abi = entry_abi;
	}
	/* A new program: nothing of the old one is resumed, and its POSIX
	 * timers and close-on-exec timerfds are gone. */
	tcp->flags &= ~(TCB_HIDDEN | TCB_RESTART | TCB_TRACED_CALL |
			TCB_RUNTIME);
	if (tcp->proc) {
		char exe[64];

		snprintf(exe, sizeof(exe), "/proc/%d/exe", (int)tcp->tid);
		/* Only profiles count a runtime's own requests apart. */
		tcp->proc->go = tt_render_wants(TT_WANT_RUNTIME) &&
				tt_elf_is_go(exe);
		tcp->proc->threads_started = 0;
		tcp->proc->untraced_abi_said = tt_elf_is_x32(exe);
		/* followed still: what it runs next is traced again */
		if (tcp->proc->untraced_abi_said)
			tt_warning("process %d runs an x32 program, and ttrace "
				   "does not trace x32: its system calls are "
				   "not shown", (int)tcp->tid);
	}
	tt_unwind_exec(tcp);
	tt_known_exec(tcp);
	tt_record_exec(tcp, &ts);
}

void tt_new_child(struct tcb *parent, unsigned event)
{
	unsigned long child = 0;
	struct tt_timestamps ts;
	struct tcb *c;
	pid_t tgid;

	if (ptrace(PTRACE_GETEVENTMSG, parent->tid, 0, &child) < 0 || !child)
		return;
	c = tt_tcb_find((pid_t)child);
	/* fork and vfork make a process; clone a thread or a process.  A
	 * tcb made at the child's first stop has its pid already, read
	 * while the child was stopped: reading it again now, when the child
	 * may have exited, could lose it.  So could this read: it is
	 * trusted only if the child still exists after it. */
	tgid = c || event != PTRACE_EVENT_CLONE ? (pid_t)child :
		tt_proc_tgid((pid_t)child);
	/* A stop is served in its round, so the child's first stop, and its
	 * exit, can come before its parent's event: a child that is gone
	 * from /proc was seen, has exited and was reaped.  Another record
	 * of it would carry its tid for a pid (/proc no longer says). */
	if (!c && !tt_proc_exists((pid_t)child))
		return;
	if (!c) {
		c = tt_tcb_new((pid_t)child, TCB_STARTUP);
		tt_tcb_set_pid(c, tgid);
	}
	c->flags |= parent->flags & (TCB_ATTACHED | TCB_HIDDEN);
	/* Go's runtime starts sysmon first, before any goroutine runs. */
	if (tgid == parent->pid && parent->proc && c->proc == parent->proc &&
	    parent->proc->go && parent->proc->threads_started++ == 0)
		c->flags |= TCB_RUNTIME;
	if (c->flags & TCB_STARTUP)
		c->abi = parent->abi;
	tt_now(&ts);
	if (!(c->flags & TCB_HIDDEN))
		tt_record_new_tracee(c, parent->tid, &ts);
}

static void signal_stop(struct tcb *tcp, int sig)
{
	siginfo_t si;
	struct tt_timestamps ts;

	/* A handler turns an interrupted call into EINTR: no restart_syscall
	 * will resume it.  Without the filter the next entry tells; with it,
	 * untraced calls never stop, so the signal must. */
	if (tt_tracer.use_seccomp && (tcp->flags & TCB_RESTART) && tt_proc_catches(tcp->tid, sig))
		tcp->flags &= ~TCB_RESTART;

	/* The command before its execve: the SIGCONT that started it. */
	if ((tcp->flags & TCB_HIDDEN) && (sig == SIGCONT || sig == SIGSTOP)) {
		tt_resume(tcp, PTRACE_SYSCALL, 0);
		return;
	}
	tt_now(&ts);
	if (ptrace(PTRACE_GETSIGINFO, tcp->tid, 0, &si) == 0 &&
	    !(tcp->flags & TCB_HIDDEN)) {
		/* A POSIX timer's signal: which timer, as far as ttrace knows */
		const struct tt_known_timer *t = si.si_code == SI_TIMER ?
			tt_known_posix(tcp, si.si_timerid) : NULL;
		/* -k: where the signal finds the thread, as strace shows */
		static struct tt_stack stack;
		char name[32];

		if (tt_opt.stack)
			tt_unwind_capture_at(tcp, &stack,
					     tt_signal_name(sig, name, sizeof(name)));
		tt_record_signal(tcp, &si, t,
				 tt_opt.stack && stack.captured ? &stack : NULL,
				 &ts);
	}
	tt_resume(tcp, PTRACE_SYSCALL, sig);
}

void tt_gone(struct tcb *tcp, int status)
{
	struct tt_timestamps ts;

	if (tcp->tid == tt_tracer.cmd_pid)
		tt_tracer.cmd_status = status;
	tt_now(&ts);
	if (!(tcp->flags & TCB_HIDDEN))
		tt_record_exit(tcp, status, &ts);
	tt_tcb_delete(tcp);
}

static void handle_stop(struct tcb *tcp, int status)
{
	int sig = WSTOPSIG(status);
	unsigned event = (unsigned)status >> 16;

	if ((tcp->flags & TCB_STARTUP) && startup_stop(tcp, sig, event))
		return;
	if (sig == (SIGTRAP | 0x80)) {
		tt_syscall_stop(tcp);
		tt_resume(tcp, PTRACE_SYSCALL, 0);
		return;
	}
	switch (event) {
	case 0:
		signal_stop(tcp, sig);
		return;
	case PTRACE_EVENT_SECCOMP:
		tt_seccomp_stop(tcp);
		break;
	case PTRACE_EVENT_STOP:
		if (tt_is_stop_signal(sig) && !(tcp->flags & TCB_HIDDEN)) {
			struct tt_timestamps ts;

			/* group-stop: stay stopped until SIGCONT */
			tt_now(&ts);
			if (!(tcp->flags & TCB_LISTENING))
				tt_record_group_stop(tcp, sig, &ts);
			tcp->flags |= TCB_LISTENING;
			tt_resume(tcp, PTRACE_LISTEN, 0);
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
		tt_new_child(tcp, event);
		break;
	}
	tt_resume(tcp, PTRACE_SYSCALL, 0);
}

static void handle_status(pid_t pid, int status)
{
	struct tcb *tcp = tt_tcb_find(pid);

	if (!tcp) {
		if (!WIFSTOPPED(status)) {
			/* not a tracee: the command of -o '|COMMAND' */
			tt_out_reaped(pid, status);
			return;
		}
		/* A new child reported before its parent's fork event. */
		tcp = tt_tcb_new(pid, TCB_STARTUP);
		tt_tcb_set_pid(tcp, tt_proc_tgid(pid));
	}
	if (WIFEXITED(status) || WIFSIGNALED(status))
		tt_gone(tcp, status);
	else if (WIFSTOPPED(status))
		handle_stop(tcp, status);
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

/* Waits for the next round's stops: for the first (tt_spin_wait: a
 * spin, when it pays, then a block), then takes what else is pending
 * without blocking.  Returns how many, or -1 with
 * errno (EINTR: a signal; ECHILD: no tracee left). */
static ssize_t collect_round(void)
{
	size_t n = 0;

	for (;;) {
		int status;
		pid_t pid = n ? waitpid(-1, &status, __WALL | WNOHANG)
			      : tt_spin_wait(&status, &interrupted,
					     tt_tcb_count());

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
		/* One tracee, stopped now: nothing else can be pending (a
		 * new thread's first stop, if one raced in, is the next
		 * round's), and a waitpid that finds nothing is a system
		 * call per stop for nothing. */
		if (n == 0 && tt_tcb_count() <= 1) {
			n = 1;
			break;
		}
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
	bool cmd_alive = tt_tracer.cmd_pid && tt_tracer.cmd_status == -1;
	unsigned left = tt_tcb_count();

	if (sig && cmd_alive && ++*signals == 1) {
		kill(tt_tracer.cmd_pid, sig);
		return false;
	}
	if (sig && tt_tracer.use_seccomp && !*silenced) {
		*silenced = true;
		tt_out_silence();
		tt_warning("the trace ends here%s; %u thread%s run%s on under "
			 "ttrace's seccomp filter: one more signal detaches "
			 "%s, and the calls the filter traces then fail with "
			 "ENOSYS", cmd_alive ? "" : " (the command has exited)",
			 left, left == 1 ? "" : "s", left == 1 ? "s" : "",
			 left == 1 ? "it" : "them");
		return false;
	}
	tt_detach_all();
	return true;
}

void tt_trace_loop(void)
{
	unsigned signals = 0;
	bool silenced = false;

	while (tt_tcb_count() > 0) {
		ssize_t n;

		/* Checked between rounds only: a stop taken in a round
		 * would not be reported again to detach_all. */
		if (interrupted || (tt_out_failed() && !tt_tracer.use_seccomp)) {
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

