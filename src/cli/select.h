/* ttrace - which calls are traced (-e trace=). */
#ifndef TTRACE_SELECT_H
#define TTRACE_SELECT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct tt_abi;
struct tt_syscall;

/* Adds the comma-separated names of spec to the selection.  A family name
 * (clock_nanosleep) selects the call in every ABI and width, an exact name
 * (clock_nanosleep_time32) just that entry point; "all" selects every call
 * ttrace knows.  Returns 0, or -1 after naming the unknown name (or saying
 * the list is empty) on stderr. */
int tt_select_parse(const char *spec);

/* With no -e: %timer, restart_syscall too (as strace does), and the
 * waits with a finite timeout; with -e, restart_syscall is shown only
 * when named. */
void tt_select_default(void);

bool tt_selected(const struct tt_abi *abi, long nr);

/* Selected only when the wait carries a finite timeout (tt_wait_timed):
 * the default for the waits. */
bool tt_selected_if_timed(const struct tt_abi *abi, long nr);

/* Selected only when the call's op is one its wait shape says takes a
 * timeout (tt_wait_op): a multiplexer named by the call of that op
 * (-e trace=semtimedop: i386 ipc's SEMTIMEDOP). */
bool tt_selected_if_op(const struct tt_abi *abi, long nr);

/* Is call nr of abi, with these argument registers (cut to the ABI's
 * width), traced: selected, and timed or of the op when selected only
 * then? */
bool tt_selected_call(const struct tt_abi *abi, long nr, const uint64_t *args);

/* Names for the help and the error messages, made from the syscall tables
 * of every ABI: sorted, each once, joined by ", "; free() them.  The
 * families of the signatures in class (enum tt_class; 0: in none, read). */
char *tt_select_families(unsigned class);
/* The names of abi's rows that are not their family's (timer_settime32). */
char *tt_select_variants(const struct tt_abi *abi);

/* --list-calls: a line per row of every ABI, "ABI NR NAME FAMILY". */
void tt_select_list(FILE *fp);

#endif
