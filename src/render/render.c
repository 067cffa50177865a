/* ttrace - dispatch of records to the active renderers. */
#include "options.h"
#include "render/render.h"

/* One output stream, one format: JSON and text are never mixed; then
 * the renderers of other files (profiles, the timeline), and -C's
 * summary, which writes to the trace stream after the trace. */
static const struct tt_renderer *active[5] = {
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

void tt_render_record(const struct tt_record *r)
{
	for (unsigned i = 0; active[i]; i++)
		if (active[i]->record)
			active[i]->record(r);
}

bool tt_render_wants(unsigned want)
{
	for (unsigned i = 0; active[i]; i++)
		if (active[i]->wants & want)
			return true;
	return false;
}

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
	/* a third clock read per stop only for the stamps that show it */
	if (tt_opt.tstamp.clock == TS_BOOTTIME &&
	    tt_opt.tstamp.format != TS_NONE)
		clock_gettime(CLOCK_BOOTTIME, &ts->boot);
	else
		ts->boot = (struct timespec){ 0, 0 };
}
