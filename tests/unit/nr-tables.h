/* The kernel's syscall numbers by name, as this system's <asm/unistd_64.h>
 * and <asm/unistd_32.h> define them: tests/unit/nr-tables.c is made from
 * those headers at build time (tests/unit/unit.mk). */
#ifndef TTRACE_NR_TABLES_H
#define TTRACE_NR_TABLES_H

/* NR64_timer_settime, NR32_timer_settime64, ...: usable as constants. */
#include "nr-defs.h"

struct ut_nr {
	const char *name;	/* after __NR_; NULL ends the table */
	long nr;
};

extern const struct ut_nr ut_nr_x86_64[];
extern const struct ut_nr ut_nr_i386[];

#endif
