/* ttrace - dispatch of events to the active renderers. */
#include "render/render.h"

/* One output stream, one format: JSON and text are never mixed; then
 * the renderers of other files (profiles, the timeline). */
static const struct tt_renderer *active[4] = {
	&tt_render_text,
};

void tt_render_add(const struct tt_renderer *r)
{
	unsigned i = 0;

	while (active[i] && active[i] != r)
		i++;
	/* the last slot stays NULL */
	if (i + 1 < sizeof(active) / sizeof(active[0]))
		active[i] = r;
}

void tt_render_use_json(void)
{
	active[0] = &tt_render_json;
}

void tt_render_use_summary(void)
{
	active[0] = &tt_render_summary;
}

/* Calls hook (args) of every active renderer that has it. */
#define EACH(hook, ...)							\
	do {								\
		for (unsigned i_ = 0; active[i_]; i_++)			\
			if (active[i_]->hook)				\
				active[i_]->hook(__VA_ARGS__);		\
	} while (0)

void tt_render_syscall_entry(struct tcb *tcp) { EACH(syscall_entry, tcp); }
void tt_render_syscall_exit(struct tcb *tcp) { EACH(syscall_exit, tcp); }
void tt_render_signal(struct tcb *tcp, const siginfo_t *si,
		      const struct tt_timestamps *ts) { EACH(signal, tcp, si, ts); }
void tt_render_group_stop(struct tcb *tcp, int sig,
			  const struct tt_timestamps *ts) { EACH(group_stop, tcp, sig, ts); }
void tt_render_exit(struct tcb *tcp, int status,
		    const struct tt_timestamps *ts) { EACH(exit, tcp, status, ts); }
void tt_render_superseded(struct tcb *tcp, pid_t old_tid,
			  const struct tt_timestamps *ts) { EACH(superseded, tcp, old_tid, ts); }
void tt_render_personality(struct tcb *tcp,
			   const struct tt_timestamps *ts) { EACH(personality, tcp, ts); }
void tt_render_new_tracee(struct tcb *tcp, pid_t parent,
			  const struct tt_timestamps *ts) { EACH(new_tracee, tcp, parent, ts); }
void tt_render_exec(struct tcb *tcp,
		    const struct tt_timestamps *ts) { EACH(exec, tcp, ts); }
void tt_render_detached(struct tcb *tcp,
			const struct tt_timestamps *ts) { EACH(detached, tcp, ts); }
void tt_render_forget(struct tcb *tcp) { EACH(forget, tcp); }

void tt_render_break_line(void)
{
	for (unsigned i = 0; active[i]; i++)
		if (active[i]->break_line)
			active[i]->break_line();
}

void tt_render_finish(void)
{
	for (unsigned i = 0; active[i]; i++)
		if (active[i]->finish)
			active[i]->finish();
}

void tt_now(struct tt_timestamps *ts)
{
	clock_gettime(CLOCK_REALTIME, &ts->real);
	clock_gettime(CLOCK_MONOTONIC, &ts->mono);
}
