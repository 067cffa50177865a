/* ttrace - the syscall selection, one flag per table row.  A name selects
 * its row, or its family in every ABI; %timer and %sleep select the rows
 * whose signature is in that class (enum tt_class); all, every row. */
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "error.h"
#include "select.h"
#include "syscall.h"

#define MAX_ABIS 4

static bool *selected[MAX_ABIS];

static unsigned abi_index(const struct tt_abi *abi)
{
	for (unsigned i = 0; tt_abis[i]; i++)
		if (tt_abis[i] == abi)
			return i;
	return 0;
}

static bool *flags_of(unsigned a)
{
	if (!selected[a])
		selected[a] = tt_xcalloc(tt_abis[a]->nsyscalls, sizeof(bool));
	return selected[a];
}

/* The classes of -e trace=%NAME. */
static const struct {
	const char *name;
	unsigned class;
} classes[] = {
	{ "%timer", TT_CLASS_TIMER },
	{ "%sleep", TT_CLASS_SLEEP },
};

static unsigned class_of(const char *name)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strcmp(classes[i].name, name) == 0)
			return classes[i].class;
	return 0;
}

/* Selects every row matching name (a call, a family, a %class or
 * "all"); returns how many did. */
static unsigned select_name(const char *name)
{
	unsigned hits = 0;
	bool all = strcmp(name, "all") == 0;
	unsigned class = class_of(name);

	for (unsigned a = 0; tt_abis[a]; a++) {
		const struct tt_abi *abi = tt_abis[a];
		bool *sel = flags_of(a);

		for (unsigned nr = 0; nr < abi->nsyscalls; nr++) {
			const struct tt_syscall *sc = &abi->table[nr];

			if (!sc->name)
				continue;
			if (all || (sc->sig->classes & class) ||
			    strcmp(sc->name, name) == 0 ||
			    strcmp(sc->sig->family, name) == 0) {
				sel[nr] = true;
				hits++;
			}
		}
	}
	return hits;
}

int tt_select_parse(const char *spec)
{
	char *copy = tt_xstrdup(spec), *save = NULL, *tok;
	unsigned names = 0;
	int ret = 0;

	for (unsigned a = 0; tt_abis[a]; a++)
		flags_of(a);
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save), names++) {
		if (!select_name(tok)) {
			tt_error("invalid system call '%s': ttrace traces the "
				 "timer calls (%%timer: timer_*, timerfd_*, "
				 "clock_*, nanosleep, setitimer, getitimer, "
				 "alarm, restart_syscall; %%sleep: the sleeps; "
				 "read: reads of timerfds), each name in every "
				 "ABI variant", tok);
			ret = -1;
			break;
		}
	}
	if (!ret && !names) {
		/* "-e trace=," would trace nothing at all */
		tt_error("-e trace= needs at least one name");
		ret = -1;
	}
	free(copy);
	return ret;
}

/* Without -e: the timer family, %timer (all but read, whose tracing
 * would stop every read of the program). */
void tt_select_default(void)
{
	select_name("%timer");
}

bool tt_selected(const struct tt_abi *abi, long nr)
{
	bool *sel = selected[abi_index(abi)];

	return sel && nr >= 0 && (unsigned long)nr < abi->nsyscalls && sel[nr];
}
