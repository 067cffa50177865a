/* ttrace - a tracer for the Linux timer system calls. */
#include <stdio.h>
#include <string.h>
#include <errno.h>

#include "error.h"
#include "options.h"
#include "output.h"
#include "profile/session.h"
#include "render/render.h"
#include "render/timeline.h"
#include "tcb.h"
#include "toctou.h"
#include "tracer.h"
#include "unwind.h"

/* A thread record about to be freed. */
static void forget(struct tcb *tcp)
{
	tt_render_forget(tcp);
	tt_unwind_release(tcp);
}

int main(int argc, char **argv)
{
	int status = tt_options_parse(argc, argv);

	if (status >= 0)
		return status;
	/* A bad profile stops ttrace before anything is started. */
	if ((status = tt_profile_session_begin()) >= 0)
		return status;
	/* The output must be writable before anything is started. */
	if (tt_out_open(tt_opt.outfile) < 0) {
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
	else if (tt_opt.json)
		tt_render_use_json();
	if (!tt_opt.outfile)
		tt_error_set_hook(tt_render_break_line);
	tt_tcb_set_delete_hook(forget);
	tt_tracer_signals();
	if (tt_opt.npids)
		status = tt_trace_attach(tt_opt.pids, tt_opt.npids);
	else
		status = tt_trace_command(tt_opt.argv);
	tt_render_finish();
	status = tt_profile_session_end(status);
	if (tt_toctou_findings()) {
		unsigned long n = tt_toctou_findings();

		tt_error("%lu TOCTOU finding%s: an input changed while the "
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
