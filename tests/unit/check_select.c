/* ttrace unit tests: the syscall selection (-e trace=).
 *
 * The selection only grows and src/cli/select.c has no call to clear it, so
 * each case parses in a child process of its own and reports back what is
 * selected, as "ABI/NR" words in table order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "abi.h"
#include "select.h"
#include "syscall.h"
#include "unit.h"

/* The classes are checked row by row against the tables (test_classes):
 * their lists grow with every row. */
#define BAD(name) "ttrace: invalid system call '" name "': " UT_CALLS

static const struct select_case {
	const char *spec;	/* NULL: no -e (tt_select_default) */
	int ret;
	const char *selected;	/* NULL: not checked */
	const char *err;	/* on stderr */
} select_cases[] = {
	{ "clock_nanosleep", 0, "x86_64/230 i386/267 i386/407", "" },
	{ "clock_nanosleep_time32", 0, "i386/267", "" },
	{ "clock_nanosleep_time64", 0, "i386/407", "" },
	{ "timer_settime", 0, "x86_64/223 i386/260 i386/409", "" },
	{ "timerfd_settime64", 0, "i386/411", "" },
	{ "timer_settime32,timerfd_settime", 0, "x86_64/286 i386/260 i386/325 i386/411", "" },
	{ "restart_syscall", 0, "x86_64/219 i386/0", "" },
	{ "clock_nanosleep,clock_nanosleep", 0, "x86_64/230 i386/267 i386/407", "" },
	{ "%sleep", 0, "x86_64/35 x86_64/219 x86_64/230 i386/0 i386/162 "
	  "i386/267 i386/407", "" },
	{ "%sleep,timer_create", 0, "x86_64/35 x86_64/219 x86_64/222 x86_64/230 "
	  "i386/0 i386/162 i386/259 i386/267 i386/407", "" },
	{ "clock_nanosleep,nanosleep", 0, "x86_64/35 x86_64/230 i386/162 "
	  "i386/267 i386/407", "" },
	{ "clock_gettime", 0, "x86_64/228 i386/265 i386/403", "" },
	{ "read", 0, "x86_64/0 i386/3", "" },
	{ "poll", 0, "x86_64/7 i386/168", "" },
	{ "ppoll_time32,%sleep", 0, "x86_64/35 x86_64/219 x86_64/230 i386/0 "
	  "i386/162 i386/267 i386/309 i386/407", "" },
	{ "clock_getres_time64,setitimer", 0, "x86_64/38 i386/104 i386/406", "" },
	{ "bogus", -1, "", BAD("bogus") },
	{ "%Timer", -1, NULL, BAD("%Timer") },
	/* strace's %clock, on these ABIs (adjtimex, clock_*) */
	{ "%clock", 0, "x86_64/159 x86_64/227 x86_64/228 x86_64/229 x86_64/305 "
	  "i386/124 i386/264 i386/265 i386/266 i386/343 i386/403 i386/404 "
	  "i386/405 i386/406", "" },
	{ "/^timer_[sg]", 0, "x86_64/223 x86_64/224 x86_64/225 i386/260 "
	  "i386/261 i386/262 i386/408 i386/409", "" },
	/* two -e trace=: the last wins, as in strace */
	{ "clock_nanosleep;timer_settime", 0, "x86_64/223 i386/260 i386/409", "" },
	{ "!%timer,%wait", 0, "x86_64/0 i386/3", "" },
	{ "/nosuch", -1, "", BAD("/nosuch") },
	{ "Clock_nanosleep", -1, NULL, BAD("Clock_nanosleep") },
	{ "futex", 0, "x86_64/202 i386/240 i386/422", "" },
	{ "futex_time32", 0, "i386/240", "" },
	{ "futex_time64,futex_waitv", 0, "x86_64/449 i386/422 i386/449", "" },
	/* semtimedop names i386 ipc's SEMTIMEDOP too: ipc for that op */
	{ "semtimedop", 0, "x86_64/220 i386/117* i386/420", "" },
	{ "/^semtimed", 0, "x86_64/220 i386/117* i386/420", "" },
	{ "semtimedop_time64", 0, "i386/420", "" },
	{ "ipc", 0, "i386/117", "" },
	{ "semtimedop,ipc", 0, "x86_64/220 i386/117 i386/420", "" },
	{ "ipc,semtimedop", 0, "x86_64/220 i386/117 i386/420", "" },
};

/* In a child: parse, then write "RET SELECTED" to fd; a row selected only
 * when its wait carries a timeout ends in "?", one selected only for its
 * op (ipc's SEMTIMEDOP) in "*". */
static void report(int fd, const char *spec)
{
	char buf[8192];
	int n, ret = 0;

	if (!spec) {
		tt_select_default();
	} else {	/* "A;B": -e trace=A -e trace=B */
		char *copy = strdup(spec), *save = NULL;

		for (char *one = strtok_r(copy, ";", &save); one && !ret;
		     one = strtok_r(NULL, ";", &save))
			ret = tt_select_parse(one);
		free(copy);
	}
	n = snprintf(buf, sizeof(buf), "%d", ret);
	for (unsigned a = 0; tt_abis[a]; a++)
		for (long nr = -1; nr <= (long)tt_abis[a]->nsyscalls; nr++)
			if (tt_selected(tt_abis[a], nr))
				n += snprintf(buf + n, sizeof(buf) - (size_t)n,
					      " %s/%ld%s", tt_abis[a]->name, nr,
					      tt_selected_if_timed(tt_abis[a], nr) ?
					      "?" : tt_selected_if_op(tt_abis[a], nr) ?
					      "*" : "");
	if (write(fd, buf, (size_t)n) != n)
		_exit(3);
}

/* Runs report in a child; *err gets its stderr (free both). */
static char *select_in_child(const char *spec, char **err)
{
	struct ut_capture cap;
	char buf[8192];
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	fflush(stdout);
	ut_capture_begin(&cap, 2);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		report(fds[1], spec);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	waitpid(pid, &status, 0);
	*err = ut_capture_end(&cap);
	ck_assert_int_ne(pid, -1);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "child: status %#x", status);
	ck_assert_int_ge(n, 0);
	buf[n] = '\0';
	return strdup(buf);
}

START_TEST(test_select)
{
	const struct select_case *c = &select_cases[_i];
	char *err, *got = select_in_child(c->spec, &err);
	char want[8192];

	if (c->selected) {
		snprintf(want, sizeof(want), "%d%s%s", c->ret,
			 *c->selected ? " " : "", c->selected);
		ck_assert_msg(strcmp(got, want) == 0, "%s: got \"%s\", want \"%s\"",
			      c->spec, got, want);
	} else {
		ck_assert_msg(atoi(got) == c->ret, "%s: got \"%s\"", c->spec, got);
	}
	{
		char *want_err = ut_expand(c->err);

		ck_assert_str_eq(err, want_err);
		free(want_err);
	}
	free(got);
	free(err);
}
END_TEST

/* What a class selects, by the rule the man page states, row by row:
 * 'a' always, 't' only when its wait carries a timeout, '-' not. */
static char class_rule(const char *spec, const struct tt_syscall *sc)
{
	unsigned cl = sc->sig->classes;

	if (!spec)		/* %timer, and the waits with a timeout */
		return cl & TT_CLASS_TIMER ? 'a' : cl & TT_CLASS_WAIT ? 't' : '-';
	if (strcmp(spec, "all") == 0)
		return 'a';
	if (strcmp(spec, "%timer") == 0)
		return cl & TT_CLASS_TIMER ? 'a' : '-';
	if (strcmp(spec, "%wait") == 0)
		return cl & TT_CLASS_WAIT ? 'a' : '-';
	/* %timer,read */
	return cl & TT_CLASS_TIMER || sc->sig->only_on_timerfd ? 'a' : '-';
}

static const char *const class_specs[] = {
	NULL, "all", "%timer", "%wait", "%timer,read",
};

START_TEST(test_classes)
{
	const char *spec = class_specs[_i];
	char *err, *got = select_in_child(spec, &err);
	char want[8192];
	int n = snprintf(want, sizeof(want), "0");

	for (unsigned a = 0; tt_abis[a]; a++)
		for (unsigned nr = 0; nr < tt_abis[a]->nsyscalls; nr++) {
			const struct tt_syscall *sc = &tt_abis[a]->table[nr];
			char how = sc->name ? class_rule(spec, sc) : '-';

			if (how != '-')
				n += snprintf(want + n, sizeof(want) - (size_t)n,
					      " %s/%u%s", tt_abis[a]->name, nr,
					      how == 't' ? "?" : "");
		}
	ck_assert_msg(strcmp(got, want) == 0, "%s: got \"%s\", want \"%s\"",
		      spec ? spec : "(default)", got, want);
	ck_assert_str_eq(err, "");
	free(got);
	free(err);
}
END_TEST

/* Whether a call is traced, by its registers: i386 ipc (117) is
 * ipc(call, first, second, third, ptr, fifth), SEMOP 1, SEMGET 2,
 * SEMTIMEDOP 4, the version in the upper 16 bits of call. */
static const struct call_case {
	const char *spec;	/* NULL: no -e */
	long nr;
	uint64_t args[6];
	bool traced;
} call_cases[] = {
	{ "semtimedop", 117, { 4, 3, 1, 0, 0x1000, 0x2000 }, true },
	{ "semtimedop", 117, { 4, 3, 1, 0, 0x1000, 0 }, true },	/* no timeout */
	{ "semtimedop", 117, { 0x10004, 3, 1, 0, 0x1000, 0 }, true },
	{ "semtimedop", 117, { 1, 3, 1, 0, 0x1000, 0 }, false },	/* SEMOP */
	{ "semtimedop", 117, { 2, 0, 1, 0x380, 0, 0 }, false },	/* SEMGET */
	{ "semtimedop", 117, { 0x10001, 3, 1, 0, 0x1000, 0x2000 }, false },
	{ "semtimedop", 420, { 3, 0x1000, 1, 0 }, true },
	{ "ipc", 117, { 2, 0, 1, 0x380, 0, 0 }, true },
	{ "semtimedop,ipc", 117, { 1, 3, 1, 0, 0x1000, 0 }, true },
	/* no -e: a wait only with a timeout */
	{ NULL, 117, { 4, 3, 1, 0, 0x1000, 0x2000 }, true },
	{ NULL, 117, { 4, 3, 1, 0, 0x1000, 0 }, false },
	{ NULL, 117, { 1, 3, 1, 0, 0x1000, 0x2000 }, false },
	{ "clock_nanosleep", 117, { 4, 3, 1, 0, 0x1000, 0x2000 }, false },
};

START_TEST(test_selected_call)
{
	const struct call_case *c = &call_cases[_i];
	int status;
	pid_t pid = fork();

	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		if (c->spec ? tt_select_parse(c->spec) : (tt_select_default(), 0))
			_exit(2);
		_exit(tt_selected_call(&tt_abi_i386, c->nr, c->args) ? 1 : 0);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == c->traced,
		      "%s: nr %ld call %#llx: status %#x, want traced %d",
		      c->spec ? c->spec : "(default)", c->nr,
		      (unsigned long long)c->args[0], status, c->traced);
}
END_TEST

Suite *make_select_suite(void)
{
	Suite *s = suite_create("select");
	TCase *tc = ut_tcase(s, "select", NULL, NULL);

	tcase_add_loop_test(tc, test_select, 0, NCASES(select_cases));
	tcase_add_loop_test(tc, test_classes, 0, NCASES(class_specs));
	tcase_add_loop_test(tc, test_selected_call, 0, NCASES(call_cases));
	return s;
}
