/* ttrace - the -c summary's accumulator, also used by the unit tests. */
#ifndef TTRACE_SUMMARY_H
#define TTRACE_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

void tt_summary_add(const struct tt_event *ev);
/* Writes the table (or, with --json, one object) to the trace stream. */
void tt_summary_print(void);
void tt_summary_reset(void);

#endif
