/* ttrace - recording, writing and reading timing profiles. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "abi.h"
#include "error.h"
#include "jsonstr.h"
#include "profile/jsonread.h"
#include "profile/profile.h"
#include "render/render.h"
#include "select.h"
#include "xlat/xlat.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void tt_profile_init(struct tt_profile *p)
{
	memset(p, 0, sizeof(*p));
	for (unsigned a = 0; tt_abis[a]; a++)
		for (long nr = 0; nr < tt_abis[a]->nsyscalls; nr++) {
			const struct tt_syscall *sc = &tt_abis[a]->table[nr];

			if (!sc->name || !tt_selected(tt_abis[a], nr))
				continue;
			p->selection = tt_xreallocarray(p->selection, p->nsel + 1,
							sizeof(char *));
			p->selection[p->nsel++] = tt_xstrdup(sc->name);
		}
	if (p->nsel)
		qsort(p->selection, p->nsel, sizeof(char *), cmp_str);
	/* the same name in two ABIs (timerfd_create) once */
	for (size_t i = 1; i < p->nsel; i++)
		if (strcmp(p->selection[i], p->selection[i - 1]) == 0) {
			free(p->selection[i]);
			memmove(&p->selection[i], &p->selection[i + 1],
				(p->nsel - i - 1) * sizeof(char *));
			p->nsel--;
			i--;
		}
}

void tt_profile_free(struct tt_profile *p)
{
	for (size_t i = 0; i < p->nsel; i++)
		free(p->selection[i]);
	for (size_t i = 0; i < p->ng; i++) {
		free(p->g[i].family);
		free(p->g[i].clock);
		free(p->g[i].req);
		free(p->g[i].slot);
		tt_samples_free(&p->g[i].samples);
	}
	free(p->selection);
	free(p->g);
	tt_profile_free_origin(p);
	memset(p, 0, sizeof(*p));
}

/* A clock as a profile names it: without the pid or tid a CPU clock
 * names, which differ from run to run. */
static void clock_name(int32_t id, char *buf, size_t size)
{
	struct tt_clockid c = tt_clockid_split(id);

	switch (c.kind) {
	case TC_NAMED:
		snprintf(buf, size, "%s", c.name);
		break;
	case TC_CPU:
		snprintf(buf, size, "%s(%s %s)", c.name,
			 c.who ? "another" : "own",
			 c.per_thread ? "thread" : "process");
		break;
	case TC_FD:
		snprintf(buf, size, "FD");
		break;
	default:
		snprintf(buf, size, "unknown(%" PRId32 ")", id);
		break;
	}
}

struct tt_prof_group *tt_profile_find(const struct tt_profile *p,
				      const char *family, const char *clock,
				      bool absolute)
{
	for (size_t i = 0; i < p->ng; i++)
		if (strcmp(p->g[i].family, family) == 0 &&
		    strcmp(p->g[i].clock, clock) == 0 &&
		    p->g[i].absolute == absolute)
			return &p->g[i];
	return NULL;
}

static struct tt_prof_group *group_of(struct tt_profile *p, const char *family,
				      const char *clock, bool absolute,
				      bool arms)
{
	struct tt_prof_group *g = tt_profile_find(p, family, clock, absolute);

	if (g)
		return g;
	p->g = tt_xreallocarray(p->g, p->ng + 1, sizeof(*p->g));
	g = &p->g[p->ng++];
	memset(g, 0, sizeof(*g));
	g->family = tt_xstrdup(family);
	g->clock = tt_xstrdup(clock);
	g->absolute = absolute;
	g->arms = arms;
	return g;
}

/* The first slot to look at for (value, interval): a 64-bit mix (the
 * finalizer of MurmurHash3) of both. */
static size_t req_hash(int64_t value, int64_t interval, size_t nslot)
{
	uint64_t h = (uint64_t)value * 0x9e3779b97f4a7c15ULL ^ (uint64_t)interval;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (size_t)h & (nslot - 1);
}

/* The slot that holds (value, interval), or the empty one where it would
 * go (linear probing: the table is never more than half full). */
static size_t *req_slot(const struct tt_prof_group *g, int64_t value,
			int64_t interval)
{
	size_t i = req_hash(value, interval, g->nslot);

	while (g->slot[i]) {
		const struct tt_prof_req *r = &g->req[g->slot[i] - 1];

		if (r->value == value && r->interval == interval)
			break;
		i = (i + 1) & (g->nslot - 1);
	}
	return &g->slot[i];
}

/* A table for twice as many requests as there will be, from req. */
static void req_rehash(struct tt_prof_group *g, size_t want)
{
	free(g->slot);
	g->nslot = 16;
	while (g->nslot < 2 * want)
		g->nslot *= 2;
	g->slot = tt_xcalloc(g->nslot, sizeof(*g->slot));
	for (size_t i = 0; i < g->nreq; i++)
		*req_slot(g, g->req[i].value, g->req[i].interval) = i + 1;
}

/* One more request of (value, interval): found in O(1) on average, so a
 * run with many distinct values is not quadratic.  The order of req is
 * the order of first requests; tt_profile_finish sorts it. */
static void add_request(struct tt_prof_group *g, int64_t value,
			int64_t interval)
{
	size_t *slot;

	if (!g->slot || 2 * (g->nreq + 1) > g->nslot)
		req_rehash(g, g->nreq + 1);
	slot = req_slot(g, value, interval);
	if (*slot) {
		g->req[*slot - 1].count++;
		return;
	}
	if (g->nreq == g->capreq) {
		g->capreq = g->capreq ? 2 * g->capreq : 8;
		g->req = tt_xreallocarray(g->req, g->capreq, sizeof(*g->req));
	}
	g->req[g->nreq++] = (struct tt_prof_req){ value, interval, 1 };
	*slot = g->nreq;
}

/* The last absolute deadline of each thread in each group. */
static struct deadline {
	pid_t tid;
	size_t group;
	int64_t at;
} *deadlines;
static size_t ndeadlines;

/* The step from the thread's previous deadline in group g; false for its
 * first one. */
static bool step_from_last(pid_t tid, size_t g, int64_t at, int64_t *step)
{
	for (size_t i = 0; i < ndeadlines; i++)
		if (deadlines[i].tid == tid && deadlines[i].group == g) {
			*step = at - deadlines[i].at;
			deadlines[i].at = at;
			return true;
		}
	deadlines = tt_xreallocarray(deadlines, ndeadlines + 1,
				     sizeof(*deadlines));
	deadlines[ndeadlines++] = (struct deadline){ tid, g, at };
	return false;
}

void tt_profile_forget(pid_t tid)
{
	for (size_t i = 0; i < ndeadlines; i++)
		if (deadlines[i].tid == tid)
			deadlines[i--] = deadlines[--ndeadlines];
	if (!ndeadlines) {
		free(deadlines);
		deadlines = NULL;
	}
}

/* The clock of the timer a call arms: setitimer names it (ITIMER_REAL
 * ...), alarm arms ITIMER_REAL; the other calls name a timer whose clock
 * ttrace may know (src/analysis/known.c). */
static void arm_clock(const struct tt_event *ev, char *buf, size_t size)
{
	const struct tt_timing *tm = &ev->timing;
	const char *name;

	if (tm->clock_from == TT_CLOCK_ITIMER) {
		name = tt_xlat_name(&tt_xlat_itimer_which, (uint32_t)tm->clock);
		snprintf(buf, size, "%s", name ? name : "ITIMER_???");
	} else if (ev->has_timer_clock) {
		clock_name(ev->timer_clock, buf, size);
	} else {
		snprintf(buf, size, "unknown");
	}
}

void tt_profile_record(struct tt_profile *p, const struct tt_record *r)
{
	const struct tt_event *ev = r->ev;
	const struct tt_timing *tm = &ev->timing;
	bool arms = tm->kind == TT_TIMING_ARM;
	bool waits = tm->kind == TT_TIMING_WAIT;
	struct tt_prof_group *g;
	char clock[64];
	int64_t value;

	/* A request that does not fit in ns was refused anyway; one that
	 * could not be read asked nothing ttrace could see; a wait without
	 * a timeout (no value) asks for none. */
	if ((tm->kind != TT_TIMING_SLEEP && !arms && !waits) ||
	    !tm->has_value || !tm->in_ns)
		return;
	if (arms)
		arm_clock(ev, clock, sizeof(clock));
	else
		clock_name(tm->clock, clock, sizeof(clock));
	g = group_of(p, ev->sc->sig->family, clock, tm->absolute, arms);
	g->waits = waits;
	/* An absolute value of 0 disarms a timer: no deadline. */
	value = tm->value_ns;
	if (tm->absolute && !(arms && value == 0) &&
	    !step_from_last(r->tid, (size_t)(g - p->g), value, &value)) {
		g->starts++;
	} else {
		add_request(g, value, arms ? tm->interval_ns : 0);
	}
	if (ev->has_lateness)
		tt_samples_add(&g->samples, ev->lateness_ns);
}

static int cmp_req(const void *a, const void *b)
{
	const struct tt_prof_req *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return (x->interval > y->interval) - (x->interval < y->interval);
}

static int cmp_group(const void *a, const void *b)
{
	const struct tt_prof_group *x = a, *y = b;
	int c = strcmp(x->family, y->family);

	if (!c)
		c = strcmp(x->clock, y->clock);
	return c ? c : (int)x->absolute - (int)y->absolute;
}

void tt_profile_finish(struct tt_profile *p)
{
	for (size_t i = 0; i < p->ng; i++) {
		struct tt_prof_group *g = &p->g[i];

		/* sorting moves the requests: the table is done with */
		free(g->slot);
		g->slot = NULL;
		g->nslot = 0;
		if (g->nreq)
			qsort(g->req, g->nreq, sizeof(*g->req), cmp_req);
		if (!g->samples.n)
			continue;
		tt_samples_sort(&g->samples);
		g->late.count = g->samples.n;
		g->late.median = tt_percentile(g->samples.v, g->samples.n, 50);
		g->late.p99 = tt_percentile(g->samples.v, g->samples.n, 99);
		g->late.max = g->samples.v[g->samples.n - 1];
	}
	/* deadlines index groups in recording order: done with them */
	free(deadlines);
	deadlines = NULL;
	ndeadlines = 0;
	if (p->ng)
		qsort(p->g, p->ng, sizeof(*p->g), cmp_group);
}

/* A string as JSON: names ttrace writes need no escape, but a profile
 * read back from a file may carry anything. */
static void put_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	tt_json_escape(s, tt_put_file, fp);
	fputc('"', fp);
}

int tt_profile_write(const struct tt_profile *p, FILE *fp)
{
	fprintf(fp, "{\n  \"ttrace_profile\": %d,\n", TT_PROFILE_VERSION);
	tt_profile_write_origin(p, fp);
	fputs("  \"selection\": [", fp);
	for (size_t i = 0; i < p->nsel; i++) {
		fputs(i ? ", " : "", fp);
		put_string(fp, p->selection[i]);
	}
	fputs("],\n  \"groups\": [", fp);
	for (size_t i = 0; i < p->ng; i++) {
		const struct tt_prof_group *g = &p->g[i];

		fprintf(fp, "%s\n    {\n      \"family\": ", i ? "," : "");
		put_string(fp, g->family);
		fputs(",\n      \"clock\": ", fp);
		put_string(fp, g->clock);
		fprintf(fp, ",\n      \"mode\": \"%s\",\n",
			g->absolute ? "absolute" : "relative");
		if (g->waits)
			fputs("      \"kind\": \"wait\",\n", fp);
		if (g->absolute)
			fprintf(fp, "      \"starts\": %lu,\n", g->starts);
		fputs("      \"requests\": [", fp);
		for (size_t r = 0; r < g->nreq; r++) {
			fprintf(fp, "%s\n        {\"value_ns\": %" PRId64,
				r ? "," : "", g->req[r].value);
			if (g->arms)
				fprintf(fp, ", \"interval_ns\": %" PRId64,
					g->req[r].interval);
			fprintf(fp, ", \"count\": %lu}", g->req[r].count);
		}
		fputs(g->nreq ? "\n      ]" : "]", fp);
		if (g->late.count)
			fprintf(fp, ",\n      \"lateness\": {\"count\": %lu, "
				"\"median_ns\": %" PRId64 ", \"p99_ns\": %" PRId64
				", \"max_ns\": %" PRId64 "}",
				g->late.count, g->late.median, g->late.p99,
				g->late.max);
		fputs("\n    }", fp);
	}
	fputs(p->ng ? "\n  ]\n}\n" : "]\n}\n", fp);
	fflush(fp);
	return ferror(fp) ? -1 : 0;
}

/* Reading a profile back.  Every problem is named with where it is. */
struct loader {
	char *msg;
	size_t size;
};

static bool bad(struct loader *l, const char *fmt, ...) TT_PRINTF(2, 3);
static bool bad(struct loader *l, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(l->msg, l->size, "not a valid profile: ");

	va_start(ap, fmt);
	vsnprintf(l->msg + n, l->size - (size_t)n, fmt, ap);
	va_end(ap);
	return false;
}

static bool get_int(struct loader *l, const struct tt_json *obj,
		    const char *where, const char *key, bool required,
		    int64_t min, int64_t *out)
{
	const struct tt_json *v = tt_json_get(obj, key);

	if (!v) {
		if (required)
			return bad(l, "%s has no \"%s\" (line %u)", where, key,
				   obj->line);
		return true;
	}
	if (v->type != TJ_INT)
		return bad(l, "%s \"%s\" is not an integer (line %u)", where,
			   key, v->line);
	if (v->i < min)
		return bad(l, "%s \"%s\" is %" PRId64 ", less than %" PRId64
			   " (line %u)", where, key, v->i, min, v->line);
	*out = v->i;
	return true;
}

static bool get_str(struct loader *l, const struct tt_json *obj,
		    const char *where, const char *key, const char **out)
{
	const struct tt_json *v = tt_json_get(obj, key);

	if (!v || v->type != TJ_STRING)
		return bad(l, "%s has no \"%s\" string (line %u)", where, key,
			   obj->line);
	*out = v->s;
	return true;
}

static bool load_group(struct loader *l, const struct tt_json *jg, size_t i,
		       struct tt_profile *p)
{
	const struct tt_json *reqs, *late, *kind;
	const char *family = NULL, *clock = NULL, *mode = NULL;
	struct tt_prof_group *g;
	char where[64];
	int64_t v;

	snprintf(where, sizeof(where), "groups[%zu]", i);
	if (jg->type != TJ_OBJECT)
		return bad(l, "%s is not an object (line %u)", where, jg->line);
	if (!get_str(l, jg, where, "family", &family) ||
	    !get_str(l, jg, where, "clock", &clock) ||
	    !get_str(l, jg, where, "mode", &mode))
		return false;
	if (strcmp(mode, "relative") && strcmp(mode, "absolute"))
		return bad(l, "%s \"mode\" is \"%s\", not relative or absolute "
			   "(line %u)", where, mode, jg->line);
	if (tt_profile_find(p, family, clock, mode[0] == 'a'))
		return bad(l, "%s repeats %s %s %s (line %u)", where, family,
			   clock, mode, jg->line);
	reqs = tt_json_get(jg, "requests");
	if (!reqs || reqs->type != TJ_ARRAY)
		return bad(l, "%s has no \"requests\" list (line %u)", where,
			   jg->line);
	kind = tt_json_get(jg, "kind");
	if (kind && (kind->type != TJ_STRING || strcmp(kind->s, "wait")))
		return bad(l, "%s \"kind\" is not \"wait\", the only kind a "
			   "group names (line %u)", where, kind->line);
	g = group_of(p, family, clock, mode[0] == 'a', false);
	g->waits = kind != NULL;
	v = 0;
	if (!get_int(l, jg, where, "starts", false, 0, &v))
		return false;
	g->starts = (unsigned long)v;
	for (size_t r = 0; r < reqs->n; r++) {
		const struct tt_json *jr = &reqs->kid[r];
		int64_t value, interval = 0, count;

		snprintf(where, sizeof(where), "groups[%zu].requests[%zu]", i, r);
		if (jr->type != TJ_OBJECT)
			return bad(l, "%s is not an object (line %u)", where,
				   jr->line);
		if (!get_int(l, jr, where, "value_ns", true, INT64_MIN, &value) ||
		    !get_int(l, jr, where, "interval_ns", false, INT64_MIN,
			     &interval) ||
		    !get_int(l, jr, where, "count", true, 1, &count))
			return false;
		if (tt_json_get(jr, "interval_ns"))
			g->arms = true;
		add_request(g, value, interval);
		g->req[g->nreq - 1].count = (unsigned long)count;
	}
	late = tt_json_get(jg, "lateness");
	if (late) {
		int64_t n;

		snprintf(where, sizeof(where), "groups[%zu].lateness", i);
		if (late->type != TJ_OBJECT)
			return bad(l, "%s is not an object (line %u)", where,
				   late->line);
		if (!get_int(l, late, where, "count", true, 0, &n) ||
		    !get_int(l, late, where, "median_ns", true, INT64_MIN,
			     &g->late.median) ||
		    !get_int(l, late, where, "p99_ns", true, INT64_MIN,
			     &g->late.p99) ||
		    !get_int(l, late, where, "max_ns", true, INT64_MIN,
			     &g->late.max))
			return false;
		g->late.count = (unsigned long)n;
	}
	return true;
}

static bool load_tree(struct loader *l, const struct tt_json *j,
		      struct tt_profile *p)
{
	const struct tt_json *ver, *sel, *groups;
	char origin[128];

	if (j->type != TJ_OBJECT ||
	    !(ver = tt_json_get(j, "ttrace_profile"))) {
		snprintf(l->msg, l->size, "not a ttrace profile (it has no "
			 "\"ttrace_profile\" version)");
		return false;
	}
	if (ver->type != TJ_INT || ver->i < TT_PROFILE_OLDEST ||
	    ver->i > TT_PROFILE_VERSION) {
		if (ver->type == TJ_INT)
			snprintf(l->msg, l->size, "a version %" PRId64 " profile; "
				 "this ttrace reads versions %d %s %d", ver->i,
				 TT_PROFILE_OLDEST, TT_PROFILE_OLDEST + 1 ==
				 TT_PROFILE_VERSION ? "and" : "to",
				 TT_PROFILE_VERSION);
		else
			snprintf(l->msg, l->size, "its \"ttrace_profile\" version "
				 "is not a number");
		return false;
	}
	if (!tt_profile_load_origin(j, p, origin, sizeof(origin)))
		return bad(l, "%s", origin);
	sel = tt_json_get(j, "selection");
	if (!sel || sel->type != TJ_ARRAY)
		return bad(l, "no \"selection\" list");
	for (size_t i = 0; i < sel->n; i++) {
		if (sel->kid[i].type != TJ_STRING)
			return bad(l, "selection[%zu] is not a string (line %u)",
				   i, sel->kid[i].line);
		p->selection = tt_xreallocarray(p->selection, p->nsel + 1,
						sizeof(char *));
		p->selection[p->nsel++] = tt_xstrdup(sel->kid[i].s);
	}
	if (p->nsel)
		qsort(p->selection, p->nsel, sizeof(char *), cmp_str);
	groups = tt_json_get(j, "groups");
	if (!groups || groups->type != TJ_ARRAY)
		return bad(l, "no \"groups\" list");
	for (size_t i = 0; i < groups->n; i++)
		if (!load_group(l, &groups->kid[i], i, p))
			return false;
	return true;
}

#define MAX_PROFILE_SIZE (64 << 20)

int tt_profile_load(const char *path, struct tt_profile *p, char *msg,
		    size_t size)
{
	struct stat st;
	char *text;
	size_t len = 0;
	FILE *fp;
	bool ok;

	memset(p, 0, sizeof(*p));
	if (!(fp = fopen(path, "r")) || fstat(fileno(fp), &st) < 0) {
		snprintf(msg, size, "cannot read it: %s", strerror(errno));
		if (fp)
			fclose(fp);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > MAX_PROFILE_SIZE) {
		snprintf(msg, size, S_ISREG(st.st_mode) ?
			 "larger than any profile (%d MiB)" :
			 "not a regular file", MAX_PROFILE_SIZE >> 20);
		fclose(fp);
		return -1;
	}
	text = tt_xmalloc((size_t)st.st_size + 2);
	len = fread(text, 1, (size_t)st.st_size + 1, fp);
	if (ferror(fp)) {
		snprintf(msg, size, "cannot read it: %s", strerror(errno));
		fclose(fp);
		free(text);
		return -1;
	}
	fclose(fp);
	text[len] = '\0';
	if (strspn(text, " \t\r\n") == len) {
		snprintf(msg, size, "empty: not a profile");
		free(text);
		return -1;
	}
	ok = tt_profile_parse(text, len, p, msg, size);
	free(text);
	return ok ? 0 : -1;
}

bool tt_profile_parse(const char *text, size_t len, struct tt_profile *p,
		      char *msg, size_t size)
{
	struct loader l = { msg, size };
	struct tt_json_error err;
	struct tt_json *j;
	bool ok;

	memset(p, 0, sizeof(*p));
	j = tt_json_parse(text, len, &err);
	if (!j) {
		snprintf(msg, size, err.truncated ?
			 "truncated: %s (line %u, column %u)" :
			 "not JSON: %s (line %u, column %u)",
			 err.msg, err.line, err.col);
		return false;
	}
	ok = load_tree(&l, j, p);
	tt_json_free(j);
	if (!ok) {
		tt_profile_free(p);
		return false;
	}
	tt_profile_finish(p);
	return true;
}

int tt_profile_same_selection(const struct tt_profile *a,
			      const struct tt_profile *b, char *msg,
			      size_t size)
{
	bool in_a;
	const char *name = tt_profile_selection_differs(a, b, &in_a);

	if (name && in_a)
		snprintf(msg, size, "recorded for other options: it traces "
			 "%s, this run does not (see -e trace=)", name);
	else if (name)
		snprintf(msg, size, "recorded for other options: this run "
			 "traces %s, it does not (see -e trace=)", name);
	return name ? -1 : 0;
}
