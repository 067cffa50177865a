/* ttrace - the -c summary: instead of the trace, a table at the end with,
 * per syscall variant, calls, errors, total, average and maximum time in
 * the call and, for sleeps, how late they woke (median, p99, max).  With
 * --json the table is one JSON object.
 *
 * Percentiles are nearest-rank: the p-th of n sorted samples is the one at
 * rank ceil(p/100 * n).  The samples are kept (8 bytes a sleep) only with
 * -c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "error.h"
#include "options.h"
#include "output.h"
#include "render/render.h"
#include "render/summary.h"
#include "samples.h"
#include "tcb.h"

struct row {
	const struct tt_syscall *sc;
	const struct tt_abi *abi;
	unsigned long calls, errors;
	int64_t total_ns, max_ns;
	struct tt_samples late;
};

static struct row *rows;
static size_t nrows;

static struct row *row_of(const struct tt_event *ev)
{
	for (size_t i = 0; i < nrows; i++)
		if (rows[i].sc == ev->sc)
			return &rows[i];
	rows = tt_xreallocarray(rows, nrows + 1, sizeof(*rows));
	memset(&rows[nrows], 0, sizeof(*rows));
	rows[nrows].sc = ev->sc;
	rows[nrows].abi = ev->abi;
	return &rows[nrows++];
}

void tt_summary_add(const struct tt_event *ev)
{
	struct row *r = row_of(ev);
	int64_t d = tt_ts_ns(&ev->t_exit.mono) - tt_ts_ns(&ev->t_entry.mono);

	r->calls++;
	if (ev->ret == TR_ERROR)
		r->errors++;
	r->total_ns += d;
	if (d > r->max_ns)
		r->max_ns = d;
	if (ev->has_lateness)
		tt_samples_add(&r->late, ev->lateness_ns);
}

/* Busiest first, as strace's -c: by total time, then by name. */
static int cmp_rows(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->total_ns != y->total_ns)
		return x->total_ns > y->total_ns ? -1 : 1;
	return strcmp(x->sc->name, y->sc->name);
}

static void out(const char *s)
{
	tt_out_write(s, strlen(s));
}

static void text_table(void)
{
	char line[256];
	unsigned long calls = 0, errors = 0;
	int64_t total = 0;

	snprintf(line, sizeof(line), "%-24s %8s %8s %12s %11s %11s %12s %12s %12s\n",
		 "syscall", "calls", "errors", "total s", "avg us", "max us",
		 "late p50 us", "late p99 us", "late max us");
	out(line);
	out("------------------------ -------- -------- ------------ ----------- "
	    "----------- ------------ ------------ ------------\n");
	for (size_t i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];
		int n = snprintf(line, sizeof(line), "%-24s %8lu %8lu %12.6f %11.1f %11.1f",
				 r->sc->name, r->calls, r->errors, r->total_ns / 1e9,
				 r->total_ns / 1e3 / (double)r->calls, r->max_ns / 1e3);

		if (r->late.n)
			snprintf(line + n, sizeof(line) - (size_t)n,
				 " %12.1f %12.1f %12.1f\n",
				 tt_percentile(r->late.v, r->late.n, 50) / 1e3,
				 tt_percentile(r->late.v, r->late.n, 99) / 1e3,
				 r->late.v[r->late.n - 1] / 1e3);
		else
			snprintf(line + n, sizeof(line) - (size_t)n,
				 " %12s %12s %12s\n", "-", "-", "-");
		out(line);
		calls += r->calls;
		errors += r->errors;
		total += r->total_ns;
	}
	out("------------------------ -------- -------- ------------\n");
	snprintf(line, sizeof(line), "%-24s %8lu %8lu %12.6f\n", "total", calls,
		 errors, total / 1e9);
	out(line);
}

static void json_object(void)
{
	char line[512];

	out("{\"type\":\"summary\",\"schema_version\":1,\"calls\":[");
	for (size_t i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];

		snprintf(line, sizeof(line),
			 "%s{\"name\":\"%s\",\"family\":\"%s\",\"abi\":\"%s\","
			 "\"calls\":%lu,\"errors\":%lu,\"total_ns\":%" PRId64 ","
			 "\"avg_ns\":%" PRId64 ",\"max_ns\":%" PRId64,
			 i ? "," : "", r->sc->name, r->sc->sig->family,
			 r->abi->name, r->calls, r->errors, r->total_ns,
			 r->total_ns / (int64_t)r->calls, r->max_ns);
		out(line);
		if (r->late.n) {
			snprintf(line, sizeof(line),
				 ",\"lateness\":{\"count\":%zu,\"median_ns\":%" PRId64
				 ",\"p99_ns\":%" PRId64 ",\"max_ns\":%" PRId64 "}",
				 r->late.n,
				 tt_percentile(r->late.v, r->late.n, 50),
				 tt_percentile(r->late.v, r->late.n, 99),
				 r->late.v[r->late.n - 1]);
			out(line);
		}
		out("}");
	}
	out("]}\n");
}

static void summary_exit(struct tcb *tcp)
{
	tt_summary_add(&tcp->ev);
}

void tt_summary_print(void)
{
	/* qsort's base must not be NULL, even for no element */
	if (nrows)
		qsort(rows, nrows, sizeof(*rows), cmp_rows);
	for (size_t i = 0; i < nrows; i++)
		tt_samples_sort(&rows[i].late);
	if (tt_opt.json)
		json_object();
	else
		text_table();
}

void tt_summary_reset(void)
{
	for (size_t i = 0; i < nrows; i++)
		tt_samples_free(&rows[i].late);
	free(rows);
	rows = NULL;
	nrows = 0;
}

static void summary_finish(void)
{
	tt_summary_print();
	tt_summary_reset();
}

const struct tt_renderer tt_render_summary = {
	.syscall_exit = summary_exit,
	.finish = summary_finish,
};
