/* ttrace unit tests: shared helpers (see unit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abi.h"
#include "decode/decode.h"
#include "options.h"
#include "output.h"
#include "render/render.h"
#include "tcb.h"
#include "unit.h"

static char *out_buf;
static size_t out_size;

TCase *ut_tcase(Suite *s, const char *name, SFun setup, SFun teardown)
{
	TCase *tc = tcase_create(name);

	if (setup)
		tcase_add_checked_fixture(tc, setup, teardown);
	suite_add_tcase(s, tc);
	return tc;
}

void ut_render_setup(void)
{
	memset(&tt_opt, 0, sizeof(tt_opt));
	tt_opt.ret_column = 40;		/* strace's, as without -a */
	out_buf = NULL;
	out_size = 0;
	tt_out_open_memory(&out_buf, &out_size);
}

static void delete_tcb(struct tcb *tcp, void *arg)
{
	(void)arg;
	tt_tcb_delete(tcp);
}

void ut_render_teardown(void)
{
	tt_out_close();
	/* A test that left a line open: forget it before its tcb goes (the
	 * newline this writes goes nowhere, the stream being closed). */
	tt_render_text.finish();
	tt_tcb_foreach(delete_tcb, NULL);
	free(out_buf);
	out_buf = NULL;
}

const char *ut_output(void)
{
	tt_out_close();
	return out_buf ? out_buf : "";
}

void ut_expect_output(const char *what, const char *want)
{
	const char *got = ut_output();

	ck_assert_msg(strcmp(got, want) == 0, "%s:\n got: \"%s\"\nwant: \"%s\"",
		      what, got, want);
}

/* Lays the fields out as the kernel's struct of the row's width. */
static void put_mem(struct tt_event *ev, unsigned i, const struct ut_mem *m)
{
	unsigned size = tt_arg_size(ev->sc->sig->args[i].type, ev->sc->width,
				   ev->abi->ptr_size);
	unsigned field = ev->sc->width == TW_32 ? 4 : 8;

	ev->mem[i].ok = m->ok;
	ev->mem[i].len = (uint16_t)size;
	memset(ev->mem[i].bytes, 0, sizeof(ev->mem[i].bytes));
	for (unsigned f = 0; f * field < size; f++)
		memcpy(ev->mem[i].bytes + f * field, &m->f[f], field);
}

/* The calls of a test, a few threads' at once: the fifth reuses the
 * first's event. */
static struct tt_event calls[4];
static unsigned ncalls;

struct tt_event *ut_call_begin(pid_t tid, const struct ut_call *c)
{
	const struct tt_syscall *sc = tt_abi_syscall(c->abi, c->nr);
	struct tt_event *ev;

	ck_assert_msg(sc != NULL, "no row %ld in %s", c->nr, c->abi->name);
	ev = &calls[ncalls++ % NCASES(calls)];
	memset(ev, 0, sizeof(*ev));	/* as new: no times, no stack */
	tt_event_init(ev, sc, c->abi, tid, c->nr, c->raw);
	for (unsigned i = 0; i < sc->sig->nargs; i++)
		if (tt_dir_input(sc->sig->args[i].dir))	/* AD_IN, AD_INOUT */
			put_mem(ev, i, &c->mem[i]);
	if (c->resumes)
		ev->resumes = tt_abi_syscall(c->abi, c->resumes);
	return ev;
}

struct tt_record ut_record(enum tt_record_kind kind, pid_t tid,
			   const struct tt_timestamps *ts)
{
	return (struct tt_record){
		.kind = kind, .pid = tid, .tid = tid, .abi = &tt_abi_x86_64,
		.ts = *ts, .ntracees = 1,
	};
}

struct tt_record ut_call_record(enum tt_record_kind kind,
				const struct tt_event *ev)
{
	struct tt_record r = ut_record(kind, ev->tid, kind == TT_REC_CALL_ENTRY ?
				       &ev->t_entry : &ev->t_exit);

	r.abi = ev->abi;
	r.ev = ev;
	return r;
}

void ut_call_entry(struct tt_event *ev)
{
	struct tt_record r;

	tt_decode_entry(ev);
	r = ut_call_record(TT_REC_CALL_ENTRY, ev);
	tt_render_text.record(&r);
}

void ut_call_exit(struct tt_event *ev, const struct ut_call *c)
{
	struct tt_record r;

	ev->ret = c->ret;
	ev->rval = c->rval;
	ev->err = c->err;
	for (unsigned i = 0; i < ev->sc->sig->nargs; i++)
		if (tt_dir_output(ev->sc->sig->args[i].dir))	/* AD_OUT, AD_INOUT */
			put_mem(ev, i, &c->mem[i]);
	tt_decode_exit(ev);
	r = ut_call_record(TT_REC_CALL_EXIT, ev);
	tt_render_text.record(&r);
}

void ut_call_run(pid_t tid, const struct ut_call *c)
{
	struct tt_event *ev = ut_call_begin(tid, c);

	ut_call_entry(ev);
	ut_call_exit(ev, c);
}

void ut_case_check(const struct ut_case *c)
{
	ut_call_run(UT_TID, &c->call);
	ut_expect_output(c->what, c->want);
}

void ut_capture_begin(struct ut_capture *cap, int fd)
{
	fflush(fd == 1 ? stdout : stderr);
	cap->fd = fd;
	cap->tmp = tmpfile();
	ck_assert_ptr_nonnull(cap->tmp);
	cap->saved = dup(fd);
	ck_assert_int_ge(cap->saved, 0);
	ck_assert_int_ge(dup2(fileno(cap->tmp), fd), 0);
}

char *ut_capture_end(struct ut_capture *cap)
{
	long len;
	char *s;

	fflush(cap->fd == 1 ? stdout : stderr);
	dup2(cap->saved, cap->fd);
	close(cap->saved);
	len = (long)lseek(fileno(cap->tmp), 0, SEEK_END);
	s = calloc(1, (size_t)(len > 0 ? len : 0) + 1);
	ck_assert_ptr_nonnull(s);
	rewind(cap->tmp);
	if (len > 0 && fread(s, 1, (size_t)len, cap->tmp) != (size_t)len)
		s[0] = '\0';
	fclose(cap->tmp);
	return s;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names (each row's family, or with i386 its own name where that
 * differs) of the rows that pass, sorted and ", "-joined. */
static char *row_list(unsigned class, bool i386_variants)
{
	const char **names = NULL;
	size_t n = 0, len = 1;
	char *out;

	for (unsigned a = 0; tt_abis[a]; a++)
		for (long nr = 0; nr < tt_abis[a]->nsyscalls; nr++) {
			const struct tt_syscall *sc = &tt_abis[a]->table[nr];
			const char *name;

			if (!sc->name)
				continue;
			if (i386_variants) {
				if (tt_abis[a] != &tt_abi_i386 ||
				    !strcmp(sc->name, sc->sig->family))
					continue;
				name = sc->name;
			} else {
				if (!(sc->sig->classes & class))
					continue;
				name = sc->sig->family;
			}
			names = realloc(names, (n + 1) * sizeof(*names));
			names[n++] = name;
		}
	qsort(names, n, sizeof(*names), cmp_name);
	for (size_t i = 0; i < n; i++)
		len += strlen(names[i]) + 2;
	out = calloc(1, len);
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(names[i], names[i - 1]))
			continue;
		if (*out)
			strcat(out, ", ");
		strcat(out, names[i]);
	}
	free(names);
	return out;
}

char *ut_expand(const char *want)
{
	static const struct {
		const char *marker;
		unsigned class;
		bool i386;
	} markers[] = {
		{ "@TIMER@", TT_CLASS_TIMER, false },
		{ "@SLEEP@", TT_CLASS_SLEEP, false },
		{ "@WAITS@", TT_CLASS_WAIT, false },
		{ "@I386@", 0, true },
	};
	char *out = strdup(want);

	for (size_t m = 0; m < sizeof(markers) / sizeof(markers[0]); m++) {
		char *at, *list = NULL;

		while ((at = strstr(out, markers[m].marker))) {
			size_t head = (size_t)(at - out);
			char *next;

			if (!list)
				list = row_list(markers[m].class, markers[m].i386);
			next = malloc(strlen(out) + strlen(list) + 1);
			memcpy(next, out, head);
			strcpy(next + head, list);
			strcat(next, at + strlen(markers[m].marker));
			free(out);
			out = next;
		}
		free(list);
	}
	return out;
}
