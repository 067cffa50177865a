/* ttrace - a tracer for the Linux timer system calls. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "options.h"
#include "output.h"
#include "profile/session.h"
#include "record.h"
#include "render/render.h"
#include "render/timeline.h"
#include "tcb.h"
#include "toctou.h"
#include "tracer.h"
#include "unwind.h"

/* A thread record about to be freed. */
static void forget(struct tcb *tcp)
{
	tt_record_gone(tcp);
}

/* Standard descriptors closed when ttrace started get /dev/null, before
 * anything else is opened: otherwise the trace file could become fd 2 and
 * every "ttrace:" message would land in it.  They are close-on-exec, so
 * the command starts with them closed, as it would without ttrace. */
static int reserve_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		int n;

		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		/* the lowest free descriptor: fd itself */
		n = open("/dev/null", O_RDWR | O_CLOEXEC);
		if (n != fd) {
			if (n >= 0)
				close(n);
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status;

	if (reserve_std_fds() < 0)
		return 1;	/* no /dev/null: nowhere to say so either */
	status = tt_options_parse(argc, argv);
	if (status >= 0)
		return status;
	/* two profiles, no command */
	if (tt_opt.diff)
		return tt_profile_diff();
	/* --json on standard error: from here on ttrace's own messages are
	 * objects of the stream, never text within it (doc/JSON.md). */
	if (tt_opt.json && !tt_opt.outfile) {
		tt_out_open(NULL, false);
		tt_out_whole_lines();
		tt_error_set_sink(tt_json_diagnostic);
	}
	/* A bad profile stops ttrace before anything is started. */
	if ((status = tt_profile_session_begin()) >= 0)
		return status;
	/* The output must be writable before anything is started. */
	if (tt_out_open(tt_opt.outfile, tt_opt.per_tid) < 0) {
		tt_error("cannot write the trace to '%s': %s", tt_opt.outfile,
			 strerror(errno));
		return 1;
	}
	if (tt_opt.timeline && tt_timeline_open(tt_opt.timeline) < 0) {
		tt_error("cannot write the timeline to '%s': %s", tt_opt.timeline,
			 strerror(errno));
		tt_out_close();
		return 1;
	}
	if (tt_opt.summary)
		tt_render_use_summary();
	else if (tt_opt.json) {
		tt_render_use_json();
		tt_json_begin();
	}
	/* -C: the summary after the trace, in the same stream; added last,
	 * its table is the last thing written there */
	if (tt_opt.summary_too)
		tt_render_add(&tt_render_summary);
	if (!tt_opt.outfile)
		tt_error_set_hook(tt_render_break_line);
	tt_tcb_set_delete_hook(forget);
	tt_tracer_signals();
	if (tt_opt.npids)
		status = tt_trace_attach(tt_opt.pids, tt_opt.npids);
	else
		status = tt_trace_command(tt_opt.argv);
	tt_record_finish();
	/* The exit status, one rule (ttrace(1), EXIT STATUS): 2 for what
	 * stopped ttrace before anything ran (returned above); 1 when an
	 * output could not be written, whatever the command did; else the
	 * command's own status when it failed (N, 128+N, 126, 127); else
	 * ttrace's verdict: 1 for a regression or, with --toctou-fail, a
	 * finding; else 0. */
	status = tt_profile_session_end(status);
	if (tt_toctou_findings()) {
		unsigned long n = tt_toctou_findings();

		tt_warning("%lu TOCTOU finding%s: an input changed while the "
			 "kernel was using it", n, n == 1 ? "" : "s");
		if (tt_opt.toctou_fail && status == 0)
			status = 1;
	}
	/* A trace that could not be written is a failure, whatever the
	 * command did. */
	if (tt_out_close() < 0)
		status = 1;
	if (tt_timeline_close() < 0)
		status = 1;
	return status;
}
