/* ttrace - strace's sets of -e status= and -e signal=.
 *
 * As strace parses them: a leading "!" takes the complement; the whole
 * set "all" or "none"; otherwise names separated by commas, each of which
 * must be valid ("all" inside a list is not). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "sets.h"
#include "xlat/xlat.h"

static const struct {
	const char *name;
	unsigned bit;
} statuses[] = {
	{ "successful", TT_STATUS_SUCCESSFUL },
	{ "failed", TT_STATUS_FAILED },
	{ "unfinished", TT_STATUS_UNFINISHED },
	{ "unavailable", TT_STATUS_UNAVAILABLE },
	{ "detached", TT_STATUS_DETACHED },
};

/* Calls add(tok, arg) for each name of the list; "all", "none" and "!"
 * as the header says.  what names the kind in the error. */
static int parse_set(const char *spec, const char *what,
		     int (*add)(const char *name, void *arg), void *arg,
		     void (*fill)(void *arg, bool all),
		     void (*invert)(void *arg))
{
	bool negated = spec[0] == '!';
	const char *body = spec + negated;
	char *copy, *save = NULL, *tok;
	int ret = 0;

	fill(arg, false);
	if (strcmp(body, "all") == 0 || strcmp(body, "none") == 0) {
		fill(arg, (strcmp(body, "all") == 0) != negated);
		return 0;
	}
	copy = tt_xstrdup(body);
	tok = strtok_r(copy, ",", &save);
	if (!tok) {
		tt_error("invalid %s '%s'", what, body);
		ret = -1;
	}
	for (; tok && !ret; tok = strtok_r(NULL, ",", &save))
		if (add(tok, arg) < 0) {
			tt_error("invalid %s '%s'", what, tok);
			ret = -1;
		}
	free(copy);
	if (!ret && negated)
		invert(arg);
	return ret;
}

static int add_status(const char *name, void *arg)
{
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(statuses[i].name, name) == 0) {
			*(unsigned *)arg |= statuses[i].bit;
			return 0;
		}
	return -1;
}

static void fill_status(void *arg, bool all)
{
	*(unsigned *)arg = all ? TT_STATUS_ALL : 0;
}

static void invert_status(void *arg)
{
	*(unsigned *)arg ^= TT_STATUS_ALL;
}

int tt_parse_status_set(const char *spec, unsigned *set)
{
	return parse_set(spec, "status", add_status, set, fill_status,
			 invert_status);
}

/* A signal by number (0 to TT_MAX_SIGNAL) or by name, with or without
 * its SIG, in any case. */
static int signal_number(const char *name)
{
	char buf[32];

	if (isdigit((unsigned char)name[0])) {
		char *end;
		long v;

		errno = 0;
		v = strtol(name, &end, 10);
		if (errno || *end || v > TT_MAX_SIGNAL)
			return -1;
		return (int)v;
	}
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	if (strcasecmp(name, "RTMIN") == 0)
		return 32;	/* the kernel's SIGRTMIN and SIGRTMAX */
	if (strcasecmp(name, "RTMAX") == 0)
		return 64;
	for (int sig = 1; sig <= 64; sig++) {
		const char *n = tt_signal_name(sig, buf, sizeof(buf));

		if (strncmp(n, "SIG", 3) == 0 && strcasecmp(n + 3, name) == 0)
			return sig;
	}
	return -1;
}

static int add_signal(const char *name, void *arg)
{
	struct tt_sigset_opt *set = arg;
	int sig = signal_number(name);

	if (sig < 0)
		return -1;
	set->bits[sig / 64] |= 1ULL << (sig % 64);
	return 0;
}

static void fill_signals(void *arg, bool all)
{
	memset(arg, all ? 0xff : 0, sizeof(struct tt_sigset_opt));
}

static void invert_signals(void *arg)
{
	struct tt_sigset_opt *set = arg;

	for (size_t i = 0; i < sizeof(set->bits) / sizeof(set->bits[0]); i++)
		set->bits[i] = ~set->bits[i];
}

int tt_parse_signal_set(const char *spec, struct tt_sigset_opt *set)
{
	return parse_set(spec, "signal", add_signal, set, fill_signals,
			 invert_signals);
}

void tt_sigset_opt_all(struct tt_sigset_opt *set)
{
	fill_signals(set, true);
}

bool tt_sigset_opt_has(const struct tt_sigset_opt *set, int sig)
{
	if (sig < 0 || sig > TT_MAX_SIGNAL)
		return false;
	return set->bits[sig / 64] >> (sig % 64) & 1;
}
