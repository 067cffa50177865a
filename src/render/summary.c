/* ttrace - the -c summary: instead of the trace, a table at the end with,
 * per syscall variant, calls, errors, total, average and maximum time in
 * the call and, for sleeps and waits that timed out, how late they woke
 * (median, p99, max).  With --json the table is one JSON object.
 *
 * The waits (ev->timing a TT_TIMING_WAIT: poll, ppoll, ...) then have a
 * table of their own: per syscall variant how many timed out, were
 * ready, were interrupted or failed, and how many asked for a timeout of
 * 0 or none.
 *
 * Percentiles are nearest-rank: the p-th of n sorted samples is the one at
 * rank ceil(p/100 * n).  The samples are kept (8 bytes a sleep) only with
 * -c.
 *
 * After the tables, a histogram of lateness per clock: log-scale
 * buckets in 1-2-5 steps from 1 us to 1 s, one for under 1 us, one for
 * 1 s and more, and one for negative lateness (an absolute sleep that
 * "woke early": a tracee in another time namespace, or a deadline changed
 * after the entry; see src/analysis/lateness.c).  Counts live in fixed arrays. */
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
#include "units.h"
#include "xlat/xlat.h"

struct row {
	const struct tt_syscall *sc;
	const struct tt_abi *abi;
	unsigned long calls, errors;
	int64_t total_ns, max_ns;
	struct tt_samples late;
	/* the calls that were waits: how they ended (by enum
	 * tt_wait_outcome), and how many had a timeout of 0 or none */
	unsigned long waits, ended[TT_WAIT_FAILED + 1];
	unsigned long zero_timeout, no_timeout;
};

static struct row *rows;
static size_t nrows;

/* Bucket 0: below edge[0]; bucket k: [edge[k-1], edge[k]); the last:
 * edge[NEDGES-1] and more. */
static const int64_t edge[] = {
	0, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000,
	1000000, 2000000, 5000000, 10000000, 20000000, 50000000, 100000000,
	200000000, 500000000, 1000000000,
};
#define NEDGES (sizeof(edge) / sizeof(edge[0]))
#define NBUCKETS (NEDGES + 1)
/* Clocks with a histogram of their own; the last slot takes any more. */
#define NCLOCKS 8

static struct hist {
	bool used;
	bool mixed;		/* more than one clock: "other clocks" */
	int32_t clock;
	unsigned long count;
	unsigned long waits;	/* of count, waits that timed out */
	unsigned long n[NBUCKETS];
} hists[NCLOCKS];

static unsigned bucket_of(int64_t ns)
{
	unsigned k = 0;

	while (k < NEDGES && ns >= edge[k])
		k++;
	return k;
}

static void hist_add(int32_t clock, int64_t ns, bool wait)
{
	struct hist *h = NULL;

	for (unsigned i = 0; i < NCLOCKS && !h; i++)
		if (!hists[i].used || (hists[i].clock == clock && !hists[i].mixed))
			h = &hists[i];
	if (!h) {
		h = &hists[NCLOCKS - 1];
		h->mixed = true;
	}
	if (!h->used) {
		h->used = true;
		h->clock = clock;
	}
	h->count++;
	h->waits += wait;
	h->n[bucket_of(ns)]++;
}

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

/* A wait: how it ended, and what timeout it asked for. */
static void wait_add(struct row *r, const struct tt_timing *tm)
{
	r->waits++;
	if (tm->outcome <= TT_WAIT_FAILED)
		r->ended[tm->outcome]++;
	if (!tm->has_value)
		r->no_timeout++;
	else if (tm->valid && tm->value_ns == 0)
		r->zero_timeout++;
}

void tt_summary_add(const struct tt_event *ev)
{
	struct row *r = row_of(ev);
	int64_t d = tt_ts_ns(&ev->t_exit.mono) - tt_ts_ns(&ev->t_entry.mono);
	bool wait = ev->timing.kind == TT_TIMING_WAIT;

	r->calls++;
	if (ev->ret == TR_ERROR)
		r->errors++;
	r->total_ns += d;
	if (d > r->max_ns)
		r->max_ns = d;
	if (wait)
		wait_add(r, &ev->timing);
	if (!ev->has_lateness)
		return;
	tt_samples_add(&r->late, ev->lateness_ns);
	hist_add(ev->timing.clock, ev->lateness_ns, wait);
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
				 tt_samples_percentile(&r->late, 50) / 1e3,
				 tt_samples_percentile(&r->late, 99) / 1e3,
				 r->late.max / 1e3);
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

/* The waits, after the table: how each variant's ended. */
static void text_waits(void)
{
	char line[256];
	bool any = false;

	for (size_t i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];

		if (!r->waits)
			continue;
		if (!any) {
			out("\nwaits, how they ended:\n");
			snprintf(line, sizeof(line),
				 "%-24s %8s %9s %8s %11s %8s %10s %10s\n",
				 "syscall", "waits", "timed out", "ready",
				 "interrupted", "failed", "timeout 0",
				 "no timeout");
			out(line);
			out("------------------------ -------- --------- -------- "
			    "----------- -------- ---------- ----------\n");
			any = true;
		}
		snprintf(line, sizeof(line),
			 "%-24s %8lu %9lu %8lu %11lu %8lu %10lu %10lu\n",
			 r->sc->name, r->waits, r->ended[TT_WAIT_TIMED_OUT],
			 r->ended[TT_WAIT_READY], r->ended[TT_WAIT_INTERRUPTED],
			 r->ended[TT_WAIT_FAILED], r->zero_timeout, r->no_timeout);
		out(line);
	}
}

static void bucket_label(unsigned k, char *buf, size_t size)
{
	char lo[24], hi[24];

	if (k == 0) {
		snprintf(buf, size, "< 0");
		return;
	}
	tt_format_duration(edge[k - 1], lo, sizeof(lo));
	if (k == NEDGES) {
		snprintf(buf, size, ">= %s", lo);
		return;
	}
	tt_format_duration(edge[k], hi, sizeof(hi));
	snprintf(buf, size, "[%s, %s)", lo, hi);
}

/* The buckets worth showing: from the first to the last non-empty one. */
static void hist_range(const struct hist *h, unsigned *from, unsigned *to)
{
	*from = 0;
	while (!h->n[*from])
		(*from)++;
	*to = NBUCKETS - 1;
	while (!h->n[*to])
		(*to)--;
}

static const char *hist_clock(const struct hist *h, char *buf, size_t size)
{
	if (h->mixed)
		return "other clocks";
	return tt_clockid_text(h->clock, buf, size);
}

#define BAR 50	/* the widest bar: a line stays within 80 columns */

/* "lateness histogram, CLOCK_MONOTONIC, 3 sleeps, 1 wait that timed
 * out:", each part only when there is one; size: 256 holds the longest
 * (a clock name is at most 63). */
static void hist_title(const struct hist *h, char *buf, size_t size)
{
	unsigned long sleeps = h->count - h->waits;
	char clk[64];
	int n;

	n = snprintf(buf, size, "\nlateness histogram, %s",
		     hist_clock(h, clk, sizeof(clk)));
	if (sleeps)
		n += snprintf(buf + n, size - (size_t)n, ", %lu sleep%s",
			      sleeps, sleeps == 1 ? "" : "s");
	if (h->waits)
		n += snprintf(buf + n, size - (size_t)n,
			      ", %lu wait%s that timed out", h->waits,
			      h->waits == 1 ? "" : "s");
	snprintf(buf + n, size - (size_t)n, ":\n");
}

static void text_histograms(void)
{
	char line[256], label[64];

	for (unsigned i = 0; i < NCLOCKS && hists[i].used; i++) {
		const struct hist *h = &hists[i];
		unsigned long max = 0;
		unsigned from, to;

		hist_range(h, &from, &to);
		for (unsigned k = from; k <= to; k++)
			if (h->n[k] > max)
				max = h->n[k];
		hist_title(h, line, sizeof(line));
		out(line);
		for (unsigned k = from; k <= to; k++) {
			/* any sleep at all shows as one mark at least */
			unsigned w = (unsigned)((h->n[k] * BAR + max - 1) / max);
			char bar[BAR + 1];

			memset(bar, '#', w);
			bar[w] = '\0';
			bucket_label(k, label, sizeof(label));
			snprintf(line, sizeof(line), "  %-15s %8lu |%-*s|\n",
				 label, h->n[k], BAR, bar);
			out(line);
		}
	}
}

static void json_histograms(void)
{
	char line[256], clk[64];

	out(",\"lateness_histograms\":[");
	for (unsigned i = 0; i < NCLOCKS && hists[i].used; i++) {
		const struct hist *h = &hists[i];
		unsigned from, to;

		hist_range(h, &from, &to);
		snprintf(line, sizeof(line), "%s{\"clock\":\"%s\"", i ? "," : "",
			 hist_clock(h, clk, sizeof(clk)));
		out(line);
		if (!h->mixed) {
			snprintf(line, sizeof(line), ",\"clock_id\":%d", h->clock);
			out(line);
		}
		snprintf(line, sizeof(line), ",\"count\":%lu,\"waits\":%lu,\"buckets\":[",
			 h->count, h->waits);
		out(line);
		for (unsigned k = from; k <= to; k++) {
			int n = snprintf(line, sizeof(line), "%s{", k > from ? "," : "");

			if (k > 0)
				n += snprintf(line + n, sizeof(line) - (size_t)n,
					      "\"from_ns\":%" PRId64 ",", edge[k - 1]);
			if (k < NEDGES)
				n += snprintf(line + n, sizeof(line) - (size_t)n,
					      "\"to_ns\":%" PRId64 ",", edge[k]);
			snprintf(line + n, sizeof(line) - (size_t)n,
				 "\"count\":%lu}", h->n[k]);
			out(line);
		}
		out("]}");
	}
	out("]");
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
				 tt_samples_percentile(&r->late, 50),
				 tt_samples_percentile(&r->late, 99),
				 r->late.max);
			out(line);
		}
		if (r->waits) {
			snprintf(line, sizeof(line),
				 ",\"waits\":{\"count\":%lu,\"timed_out\":%lu,"
				 "\"ready\":%lu,\"interrupted\":%lu,\"failed\":%lu,"
				 "\"zero_timeout\":%lu,\"no_timeout\":%lu}",
				 r->waits, r->ended[TT_WAIT_TIMED_OUT],
				 r->ended[TT_WAIT_READY],
				 r->ended[TT_WAIT_INTERRUPTED],
				 r->ended[TT_WAIT_FAILED], r->zero_timeout,
				 r->no_timeout);
			out(line);
		}
		out("}");
	}
	out("]");
	json_histograms();
	out("}\n");
}

static void summary_record(const struct tt_record *r)
{
	if (r->kind == TT_REC_CALL_EXIT)
		tt_summary_add(r->ev);
}

void tt_summary_print(void)
{
	/* qsort's base must not be NULL, even for no element */
	if (nrows)
		qsort(rows, nrows, sizeof(*rows), cmp_rows);
	if (tt_opt.json) {
		json_object();
	} else {
		text_table();
		text_waits();
		text_histograms();
	}
}

void tt_summary_reset(void)
{
	for (size_t i = 0; i < nrows; i++)
		tt_samples_free(&rows[i].late);
	free(rows);
	rows = NULL;
	nrows = 0;
	memset(hists, 0, sizeof(hists));
}

static void summary_finish(void)
{
	tt_summary_print();
	tt_summary_reset();
}

const struct tt_renderer tt_render_summary = {
	.record = summary_record,
	.finish = summary_finish,
};
