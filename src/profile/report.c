/* ttrace - what a check reports, in every form a CI job reads: the text
 * on stderr, JUnit XML, a JSON report, GitHub Actions' annotations and
 * step summary.  Every form tells the same findings with the same
 * line of text (tt_finding_text); check.c decides what they are. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "jsonstr.h"
#include "profile/profile.h"

char *tt_check_label(const struct tt_check_info *in)
{
	size_t len = strlen(in->profile) + 16 +
		(in->new_profile ? strlen(in->new_profile) : 0);
	char *s = tt_xmalloc(len);

	if (in->new_profile)
		snprintf(s, len, "--diff %s %s", in->profile, in->new_profile);
	else
		snprintf(s, len, "--check=%s", in->profile);
	return s;
}

void tt_check_print(const struct tt_check_info *in, const struct tt_check *c)
{
	char *label = tt_check_label(in), line[512];

	if (in->error)
		tt_error("%s: %s", label, in->error);
	else if (!c->n)
		tt_info("%s: no regression", label);
	else
		tt_error("%s: %zu regression%s", label, c->n,
			 c->n == 1 ? "" : "s");
	for (size_t i = 0; !in->error && i < c->n; i++) {
		tt_finding_text(&c->f[i], line, sizeof(line));
		tt_detail(TT_LEVEL_ERROR, "%s", line);
	}
	free(label);
}

/* --- JUnit XML ----------------------------------------------------------- */

/* Text or an attribute value, safe for XML 1.0 whatever s holds (a
 * path given on the command line: src/util/jsonstr.h). */
static void xml_text(FILE *fp, const char *s)
{
	tt_xml_escape(s, tt_put_file, fp);
}

/* Does finding f belong to the case of group g for its lateness (late)
 * or its requests? */
static bool in_case(const struct tt_finding *f, const struct tt_prof_group *g,
		    bool late)
{
	return f->group == g && (f->kind == TF_LATE) == late;
}

/* One case: its failures are the findings of group g of the given
 * kinds (late: TF_LATE; otherwise all others). */
static void junit_case(const struct tt_check *c, const struct tt_prof_group *g,
		       bool late, FILE *fp)
{
	char name[160], line[512];

	tt_group_name(g, name, sizeof(name));
	fputs("    <testcase classname=\"ttrace.check\" name=\"", fp);
	xml_text(fp, name);
	fputs(late ? " lateness\" time=\"0\">\n" : " requests\" time=\"0\">\n",
	      fp);
	for (size_t i = 0; i < c->n; i++) {
		if (!in_case(&c->f[i], g, late))
			continue;
		tt_finding_text(&c->f[i], line, sizeof(line));
		fputs("      <failure message=\"", fp);
		xml_text(fp, line);
		fputs("\"/>\n", fp);
	}
	fputs("    </testcase>\n", fp);
}

/* tests="N" failures="N" errors="N" time="S.mmm" */
static void junit_counts(FILE *fp, size_t tests, size_t failed, bool error,
			 int64_t wall_ns)
{
	if (wall_ns < 0)
		wall_ns = 0;
	fprintf(fp, " tests=\"%zu\" failures=\"%zu\" errors=\"%d\" "
		"time=\"%" PRId64 ".%03" PRId64 "\"", tests, failed,
		error ? 1 : 0, wall_ns / 1000000000,
		wall_ns % 1000000000 / 1000000);
}

int tt_check_junit(const struct tt_check_info *in, const struct tt_check *c,
		   FILE *fp)
{
	char *label = tt_check_label(in);
	size_t tests = 0, failed = 0;

	for (size_t i = 0; i < c->ngroups; i++) {
		tests++;
		if (in->budget && c->groups[i]->late.count)
			tests++;
	}
	/* counts first: a case fails once, however many findings it has */
	for (size_t i = 0; i < c->ngroups; i++)
		for (int late = 0; late < 2; late++)
			for (size_t k = 0; k < c->n; k++)
				if (in_case(&c->f[k], c->groups[i], late)) {
					failed++;
					break;
				}
	if (in->error)
		tests = 1;	/* the comparison, which could not be made */
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", fp);
	junit_counts(fp, tests, in->error ? 0 : failed, in->error, in->wall_ns);
	fputs(">\n  <testsuite name=\"ttrace ", fp);
	xml_text(fp, label);
	fputc('"', fp);
	junit_counts(fp, tests, in->error ? 0 : failed, in->error, in->wall_ns);
	fputs(">\n", fp);
	if (in->error) {
		fputs("    <testcase classname=\"ttrace.check\" "
		      "name=\"comparison\" time=\"0\">\n"
		      "      <error message=\"", fp);
		xml_text(fp, in->error);
		fputs("\"/>\n    </testcase>\n", fp);
	}
	for (size_t i = 0; !in->error && i < c->ngroups; i++) {
		junit_case(c, c->groups[i], false, fp);
		if (in->budget && c->groups[i]->late.count)
			junit_case(c, c->groups[i], true, fp);
	}
	fputs("  </testsuite>\n</testsuites>\n", fp);
	free(label);
	fflush(fp);
	return ferror(fp) ? -1 : 0;
}

/* --- the JSON report (--check-report) ------------------------------------ */

static void json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	tt_json_escape(s, tt_put_file, fp);
	fputc('"', fp);
}

/* "family": ..., "clock": ..., "mode": ... of g */
static void json_group_key(FILE *fp, const struct tt_prof_group *g)
{
	fputs("\"family\": ", fp);
	json_string(fp, g->family);
	fputs(", \"clock\": ", fp);
	json_string(fp, g->clock);
	fprintf(fp, ", \"mode\": \"%s\"", g->absolute ? "absolute" : "relative");
}

/* {"value_ns": V, "interval_ns": I, "count": N}, the interval of timers
 * only, as profiles write requests */
static void json_request(FILE *fp, const struct tt_prof_group *g,
			 const struct tt_prof_req *r)
{
	fprintf(fp, "{\"value_ns\": %" PRId64, r->value);
	if (r->min != r->value)
		fprintf(fp, ", \"min_ns\": %" PRId64, r->min);
	if (g->arms)
		fprintf(fp, ", \"interval_ns\": %" PRId64, r->interval);
	fprintf(fp, ", \"count\": %lu}", r->count);
}

static const char *kind_name(enum tt_finding_kind k)
{
	switch (k) {
	case TF_CHANGED:
		return "changed";
	case TF_GONE:
		return "gone";
	case TF_NEW:
		return "new";
	case TF_COUNT:
		return "count";
	case TF_STARTS:
		return "starts";
	case TF_LATE:
		return "late";
	case TF_BELOW:
		return "below_floor";
	}
	return "unknown";
}

static void json_finding(FILE *fp, const struct tt_finding *f)
{
	const struct tt_prof_group *g = f->group;
	char line[512];

	fprintf(fp, "    {\"kind\": \"%s\", \"group\": {", kind_name(f->kind));
	json_group_key(fp, g);
	fputs("}", fp);
	switch (f->kind) {
	case TF_CHANGED:
	case TF_COUNT:
		fputs(", \"old\": ", fp);
		json_request(fp, g, &f->old);
		fputs(", \"new\": ", fp);
		json_request(fp, g, &f->new);
		break;
	case TF_GONE:
		fputs(", \"old\": ", fp);
		json_request(fp, g, &f->old);
		break;
	case TF_NEW:
		fputs(", \"new\": ", fp);
		json_request(fp, g, &f->new);
		break;
	case TF_STARTS:
		fprintf(fp, ", \"old\": {\"starts\": %lu}, \"new\": {\"starts\": "
			"%lu}", f->old_starts, f->new_starts);
		break;
	case TF_BELOW:
		fprintf(fp, ", \"old\": {\"below_floor\": %lu}, \"new\": "
			"{\"below_floor\": %lu}", f->old_starts, f->new_starts);
		break;
	case TF_LATE:
		fprintf(fp, ", \"percentile\": %u, \"lateness_ns\": %" PRId64
			", \"budget_ns\": %" PRId64, f->pct ? f->pct : 100,
			f->late, f->budget);
		break;
	}
	tt_finding_text(f, line, sizeof(line));
	fputs(", \"text\": ", fp);
	json_string(fp, line);
	fputc('}', fp);
}

/* Group g of the check: how many requests each side made of it, and how
 * many findings it has. */
struct group_counts {
	unsigned long old, new;
	size_t findings;
};

static struct group_counts group_counts(const struct tt_check_info *in,
					const struct tt_check *c,
					const struct tt_prof_group *g)
{
	const struct tt_prof_group *o, *n;
	struct group_counts gc = { 0 };

	o = tt_profile_find(in->was, g->family, g->clock, g->absolute);
	n = tt_profile_find(in->now, g->family, g->clock, g->absolute);
	gc.old = o ? tt_group_requests(o) : 0;
	gc.new = n ? tt_group_requests(n) : 0;
	for (size_t k = 0; k < c->n; k++)
		gc.findings += c->f[k].group == g;
	return gc;
}

static void json_group(FILE *fp, const struct tt_check_info *in,
		       const struct tt_check *c, const struct tt_prof_group *g)
{
	struct group_counts gc = group_counts(in, c, g);

	fputs("    {", fp);
	json_group_key(fp, g);
	if (g->waits)
		fputs(", \"kind\": \"wait\"", fp);
	fprintf(fp, ", \"old_requests\": %lu, \"new_requests\": %lu, "
		"\"findings\": %zu}", gc.old, gc.new, gc.findings);
}

int tt_check_json(const struct tt_check_info *in, const struct tt_check *c,
		  FILE *fp)
{
	const struct tt_profile *now = in->now;
	bool first = true;

	fputs("{\n  \"ttrace_check_report\": 1,\n  \"ttrace_version\": ", fp);
	json_string(fp, PACKAGE_VERSION);
	fputs(",\n  \"profile\": ", fp);
	json_string(fp, in->profile);
	if (in->new_profile) {
		fputs(",\n  \"new_profile\": ", fp);
		json_string(fp, in->new_profile);
	}
	if (!in->new_profile && now->ncommand) {
		fputs(",\n  \"command\": [", fp);
		for (size_t i = 0; i < now->ncommand; i++) {
			fputs(i ? ", " : "", fp);
			json_string(fp, now->command[i]);
		}
		fputc(']', fp);
	}
	if (in->has_status)
		fprintf(fp, ",\n  \"command_status\": %d", in->status);
	fprintf(fp, ",\n  \"tolerance_ppm\": %" PRId64 ",\n  \"max_lateness\": [",
		in->tol_ppm);
	for (unsigned pct = 1; in->budget_ns && pct <= 100; pct++) {
		if (in->budget_ns[pct] < 0)
			continue;
		fprintf(fp, "%s{\"percentile\": %u, \"budget_ns\": %" PRId64 "}",
			first ? "" : ", ", pct, in->budget_ns[pct]);
		first = false;
	}
	fprintf(fp, "],\n  \"wall_time_ns\": %" PRId64 ",\n  \"result\": \"%s\"",
		in->wall_ns, in->error ? "error" : c->n ? "fail" : "pass");
	if (in->error) {
		fputs(",\n  \"error\": ", fp);
		json_string(fp, in->error);
	}
	fprintf(fp, ",\n  \"regressions\": %zu,\n  \"groups\": [", c->n);
	for (size_t i = 0; i < c->ngroups; i++) {
		fputs(i ? ",\n" : "\n", fp);
		json_group(fp, in, c, c->groups[i]);
	}
	fputs(c->ngroups ? "\n  ],\n  \"findings\": [" : "],\n  \"findings\": [",
	      fp);
	for (size_t i = 0; i < c->n; i++) {
		fputs(i ? ",\n" : "\n", fp);
		json_finding(fp, &c->f[i]);
	}
	fputs(c->n ? "\n  ]\n}\n" : "]\n}\n", fp);
	fflush(fp);
	return ferror(fp) ? -1 : 0;
}

/* --- GitHub Actions ------------------------------------------------------ */

/* Workflow command data: '%', CR and LF as %25, %0D, %0A (docs.github.com,
 * "Workflow commands for GitHub Actions"). */
static void gh_data(FILE *fp, const char *s)
{
	for (; *s; s++)
		if (*s == '%')
			fputs("%25", fp);
		else if (*s == '\r')
			fputs("%0D", fp);
		else if (*s == '\n')
			fputs("%0A", fp);
		else
			fputc(*s, fp);
}

static void gh_error(FILE *fp, const struct tt_check_info *in, const char *text)
{
	fprintf(fp, "::error title=ttrace %s::", in->new_profile ? "--diff" :
		"--check");
	gh_data(fp, text);
	fputc('\n', fp);
}

void tt_check_annotate(const struct tt_check_info *in, const struct tt_check *c,
		       FILE *fp)
{
	char line[512];

	if (in->error)
		gh_error(fp, in, in->error);
	for (size_t i = 0; !in->error && i < c->n; i++) {
		tt_finding_text(&c->f[i], line, sizeof(line));
		gh_error(fp, in, line);
	}
	fflush(fp);
}

/* Text in a Markdown table cell: punctuation Markdown would read as
 * markup escaped with '\', a line break as a space. */
static void md_text(FILE *fp, const char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\r')
			fputc(' ', fp);
		else if (strchr("\\`*_[]<>|~&#", *s))
			fprintf(fp, "\\%c", *s);
		else
			fputc(*s, fp);
}

static void md_groups(FILE *fp, const struct tt_check_info *in,
		      const struct tt_check *c)
{
	char name[160];

	fprintf(fp, "| group | %s | %s | result |\n|:---|---:|---:|:---|\n",
		in->new_profile ? "old" : "recorded",
		in->new_profile ? "new" : "this run");
	for (size_t i = 0; i < c->ngroups; i++) {
		struct group_counts gc = group_counts(in, c, c->groups[i]);

		tt_group_name(c->groups[i], name, sizeof(name));
		fputs("| ", fp);
		md_text(fp, name);
		fprintf(fp, " | %lu | %lu | ", gc.old, gc.new);
		if (gc.findings)
			fprintf(fp, "**fail**: %zu finding%s |\n", gc.findings,
				gc.findings == 1 ? "" : "s");
		else
			fputs("pass |\n", fp);
	}
}

void tt_check_summary(const struct tt_check_info *in, const struct tt_check *c,
		      FILE *fp)
{
	char *label = tt_check_label(in), line[512];

	fputs("### ttrace ", fp);
	md_text(fp, label);
	fputs(": ", fp);
	if (in->error)
		md_text(fp, in->error);
	else if (c->n)
		fprintf(fp, "%zu regression%s", c->n, c->n == 1 ? "" : "s");
	else
		fputs("no regression", fp);
	fputs("\n\n", fp);
	if (in->now->ncommand && !in->new_profile) {
		char *cmd = tt_profile_command_line(in->now);

		fputs("Command: ", fp);
		md_text(fp, cmd);
		if (in->has_status)
			fprintf(fp, " (exit status %d)", in->status);
		fputs("\n\n", fp);
		free(cmd);
	}
	if (c->ngroups) {
		md_groups(fp, in, c);
		fputc('\n', fp);
	}
	if (c->n)
		fputs("| | finding |\n|---:|:---|\n", fp);
	for (size_t i = 0; i < c->n; i++) {
		tt_finding_text(&c->f[i], line, sizeof(line));
		fprintf(fp, "| %zu | ", i + 1);
		md_text(fp, line);
		fputs(" |\n", fp);
	}
	if (c->n)
		fputc('\n', fp);
	free(label);
}
