/* ttrace - which calls are traced (-e trace=). */
#ifndef TTRACE_SELECT_H
#define TTRACE_SELECT_H

#include <stdbool.h>

struct tt_abi;
struct tt_syscall;

/* Adds the comma-separated names of spec to the selection.  A family name
 * (clock_nanosleep) selects the call in every ABI and width, an exact name
 * (clock_nanosleep_time32) just that entry point; "all" selects every call
 * ttrace knows.  Returns 0, or -1 after naming the unknown name (or saying
 * the list is empty) on stderr. */
int tt_select_parse(const char *spec);

/* With no -e, every call in the tables is traced, restart_syscall too (as
 * strace does); with -e, restart_syscall is shown only when named. */
void tt_select_default(void);

bool tt_selected(const struct tt_abi *abi, long nr);

#endif
