/* ttrace - the syscall selection, one flag per table row.  A name selects
 * its row, or its family in every ABI; %timer, %sleep, %wait and %clock
 * select the rows whose signature is in that class (enum tt_class); all,
 * every row; /REGEX the rows whose name or family it matches; a leading !
 * every row but those the rest selects; none, no row.  As in strace, the last
 * -e trace= wins.  Without -e, the waits are selected only when they
 * carry a finite timeout: a wait without one is no timing request.  The
 * name of the call a multiplexer's op makes (semtimedop, which i386 also
 * reaches through ipc(SEMTIMEDOP, ...)) selects the multiplexer's row for
 * that op only: its other calls (semop, semget...) are no timed waits. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "error.h"
#include "select.h"
#include "syscall.h"

#define MAX_ABIS 4

/* Each level selects more than the one before (a union keeps the
 * higher). */
enum sel {
	SEL_NONE,
	SEL_TIMED,	/* only when tt_wait_timed() */
	SEL_OP,		/* only when tt_wait_op(): the op of its wait shape's
			 * op_call, named */
	SEL_ALL,
};

static uint8_t *selected[MAX_ABIS];

static unsigned abi_index(const struct tt_abi *abi)
{
	for (unsigned i = 0; tt_abis[i]; i++)
		if (tt_abis[i] == abi)
			return i;
	return 0;
}

static uint8_t *flags_of(unsigned a)
{
	if (!selected[a])
		selected[a] = tt_xcalloc(tt_abis[a]->nsyscalls, 1);
	return selected[a];
}

/* The classes of -e trace=%NAME. */
static const struct {
	const char *name;
	unsigned class;
} classes[] = {
	{ "%timer", TT_CLASS_TIMER },
	{ "%sleep", TT_CLASS_SLEEP },
	{ "%wait", TT_CLASS_WAIT },
	{ "%clock", TT_CLASS_CLOCK },
};

static unsigned class_of(const char *name)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strcmp(classes[i].name, name) == 0)
			return classes[i].class;
	return 0;
}

/* Does name match the row sc: its name or family, or, for "/REGEX",
 * a name or family the regex matches. */
static bool names(const struct tt_syscall *sc, const char *name,
		  const regex_t *re)
{
	if (re)
		return regexec(re, sc->name, 0, NULL, 0) == 0 ||
		       regexec(re, sc->sig->family, 0, NULL, 0) == 0;
	return strcmp(sc->name, name) == 0 || strcmp(sc->sig->family, name) == 0;
}

/* How much of the row name selects, at most how: all of it for "all",
 * its class, its name or family; SEL_OP when it names the call of the
 * row's timed ops (ipc's semtimedop). */
static enum sel matches(const struct tt_syscall *sc, const char *name,
			unsigned class, const regex_t *re, enum sel how)
{
	const struct tt_wait_shape *w = sc->sig->wait;

	if ((!re && (strcmp(name, "all") == 0 || (sc->sig->classes & class))) ||
	    names(sc, name, re))
		return how;
	if (w && w->op_call && names(w->op_call, name, re))
		return how < SEL_OP ? how : SEL_OP;
	return SEL_NONE;
}

/* Selects every row matching name (a call, a family, a %class or
 * "all") as how says; returns how many did. */
static unsigned select_name(const char *name, enum sel how)
{
	unsigned hits = 0;
	unsigned class = class_of(name);
	regex_t re;
	bool is_re = name[0] == '/';

	if (is_re) {
		int err = regcomp(&re, name + 1, REG_EXTENDED | REG_NOSUB);

		if (err) {
			char why[128];

			regerror(err, &re, why, sizeof(why));
			tt_error("invalid regular expression '%s': %s", name + 1,
				 why);
			return 0;
		}
	}

	for (unsigned a = 0; tt_abis[a]; a++) {
		const struct tt_abi *abi = tt_abis[a];
		uint8_t *sel = flags_of(a);

		for (unsigned nr = 0; nr < abi->nsyscalls; nr++) {
			const struct tt_syscall *sc = &abi->table[nr];
			enum sel m;

			if (!sc->name)
				continue;
			m = matches(sc, name, class, is_re ? &re : NULL, how);
			if (m != SEL_NONE) {
				if (sel[nr] < m)
					sel[nr] = (uint8_t)m;
				hits++;
			}
		}
	}
	if (is_re)
		regfree(&re);
	return hits;
}

/* Was name a regex that did not compile (its error already said)? */
static bool regcomp_failed(const char *name)
{
	regex_t re;

	if (regcomp(&re, name + 1, REG_EXTENDED | REG_NOSUB))
		return true;
	regfree(&re);
	return false;
}

/* "!SET": every row but those SET selected.  A row SET selected for an
 * op (ipc, by "semtimedop") is left out whole. */
static void invert(void)
{
	for (unsigned a = 0; tt_abis[a]; a++) {
		uint8_t *sel = flags_of(a);

		for (unsigned nr = 0; nr < tt_abis[a]->nsyscalls; nr++)
			sel[nr] = tt_abis[a]->table[nr].name && !sel[nr] ?
				SEL_ALL : SEL_NONE;
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names taken from every row of abi (every ABI if NULL), by want:
 * sorted, each once, joined by ", ", allocated. */
static char *row_names(const struct tt_abi *abi,
		       const char *(*want)(const struct tt_syscall *sc,
					   unsigned arg),
		       unsigned arg)
{
	const char **names;
	unsigned n = 0, rows = 0;
	size_t len = 1;
	char *out;

	for (unsigned a = 0; tt_abis[a]; a++)
		rows += tt_abis[a]->nsyscalls;
	names = tt_xcalloc(rows ? rows : 1, sizeof(*names));
	for (unsigned a = 0; tt_abis[a]; a++) {
		if (abi && tt_abis[a] != abi)
			continue;
		for (unsigned nr = 0; nr < tt_abis[a]->nsyscalls; nr++) {
			const struct tt_syscall *sc = &tt_abis[a]->table[nr];

			if (sc->name && want(sc, arg))
				names[n++] = want(sc, arg);
		}
	}
	qsort(names, n, sizeof(*names), by_name);
	for (unsigned i = 0; i < n; i++)
		len += strlen(names[i]) + 2;
	out = tt_xcalloc(len, 1);
	for (unsigned i = 0; i < n; i++) {
		if (i && strcmp(names[i], names[i - 1]) == 0)
			continue;
		if (*out)
			strcat(out, ", ");
		strcat(out, names[i]);
	}
	free(names);
	return out;
}

/* A row's family if its signature is in class (0: in none). */
static const char *family_in(const struct tt_syscall *sc, unsigned class)
{
	if (class ? !(sc->sig->classes & class) : sc->sig->classes != 0)
		return NULL;
	return sc->sig->family;
}

/* A row's name if it is not its family's. */
static const char *variant(const struct tt_syscall *sc, unsigned unused)
{
	(void)unused;
	return strcmp(sc->name, sc->sig->family) ? sc->name : NULL;
}

char *tt_select_families(unsigned class)
{
	return row_names(NULL, family_in, class);
}

char *tt_select_variants(const struct tt_abi *abi)
{
	return row_names(abi, variant, 0);
}

void tt_select_list(FILE *fp)
{
	for (unsigned a = 0; tt_abis[a]; a++)
		for (unsigned nr = 0; nr < tt_abis[a]->nsyscalls; nr++) {
			const struct tt_syscall *sc = &tt_abis[a]->table[nr];

			const char *sep = " ";

			if (!sc->name)
				continue;
			fprintf(fp, "%s %u %s %s", tt_abis[a]->name, nr,
				sc->name, sc->sig->family);
			for (size_t c = 0; c < sizeof(classes) / sizeof(classes[0]); c++)
				if (sc->sig->classes & classes[c].class) {
					fprintf(fp, "%s%s", sep, classes[c].name);
					sep = ",";
				}
			fputs(*sep == ' ' ? " -\n" : "\n", fp);
		}
}

/* Names the unknown name, and what ttrace traces, from the tables. */
static void unknown_name(const char *name)
{
	char *timer = tt_select_families(TT_CLASS_TIMER);
	char *sleep = tt_select_families(TT_CLASS_SLEEP);
	char *wait = tt_select_families(TT_CLASS_WAIT);
	char *other = tt_select_families(0);

	tt_error("invalid system call '%s': ttrace traces %%timer (%s), "
		 "%%sleep (%s), %%wait (%s) and %s (of timerfds only); a "
		 "family name selects every ABI variant, a variant's name "
		 "just it (ttrace --list-calls)", name, timer, sleep, wait,
		 other);
	free(timer);
	free(sleep);
	free(wait);
	free(other);
}

static void clear_all(void)
{
	for (unsigned a = 0; tt_abis[a]; a++)
		memset(flags_of(a), SEL_NONE, tt_abis[a]->nsyscalls);
}

int tt_select_parse(const char *spec)
{
	bool negated = spec[0] == '!';
	char *copy = tt_xstrdup(spec + negated), *save = NULL, *tok;
	unsigned names = 0;
	int ret = 0;

	clear_all();	/* the last -e trace= wins, as in strace */
	if (strcmp(copy, "none") == 0) {
		/* strace's: no call at all (signals and exits still shown);
		 * "!none" is every call */
		if (negated)
			invert();
		free(copy);
		return 0;
	}
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save), names++) {
		if (!select_name(tok, SEL_ALL)) {
			if (tok[0] != '/' || !regcomp_failed(tok))
				unknown_name(tok);
			ret = -1;
			break;
		}
	}
	if (!ret && negated)
		invert();
	if (!ret && !names) {
		/* "-e trace=," would trace nothing at all */
		tt_error("-e trace= needs at least one name");
		ret = -1;
	}
	free(copy);
	return ret;
}

/* Without -e: the timer family, %timer (all but read, whose tracing
 * would stop every read of the program), and the waits that carry a
 * finite timeout. */
void tt_select_default(void)
{
	clear_all();
	select_name("%timer", SEL_ALL);
	select_name("%wait", SEL_TIMED);
}

static enum sel how_selected(const struct tt_abi *abi, long nr)
{
	uint8_t *sel = selected[abi_index(abi)];

	if (!sel || nr < 0 || (unsigned long)nr >= abi->nsyscalls)
		return SEL_NONE;
	return (enum sel)sel[nr];
}

bool tt_selected(const struct tt_abi *abi, long nr)
{
	return how_selected(abi, nr) != SEL_NONE;
}

bool tt_selected_if_timed(const struct tt_abi *abi, long nr)
{
	return how_selected(abi, nr) == SEL_TIMED;
}

bool tt_selected_if_op(const struct tt_abi *abi, long nr)
{
	return how_selected(abi, nr) == SEL_OP;
}

bool tt_selected_call(const struct tt_abi *abi, long nr, const uint64_t *args)
{
	const struct tt_syscall *sc = tt_abi_syscall(abi, nr);

	switch (how_selected(abi, nr)) {
	case SEL_NONE:
		return false;
	case SEL_TIMED:
		return sc && tt_wait_timed(sc->sig, args);
	case SEL_OP:
		return sc && tt_wait_op(sc->sig, args);
	default:
		return true;
	}
}
