/* ttrace - --profile and --check in a run: the recorded profile is read
 * and the output files made before the command starts (so a bad profile
 * or an unwritable file stops ttrace before anything runs); the run's
 * profile is recorded by a renderer; the comparison, report and files
 * come after the trace ends.  Files are written beside their final name
 * and renamed into place, so a run that fails half-way loses no earlier
 * profile; a device or FIFO is written in place (src/util/outfile.h).
 * --diff runs nothing: its NEW profile takes the run's place in the same
 * check. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "options.h"
#include "outfile.h"
#include "profile/profile.h"
#include "profile/session.h"
#include "render/render.h"

static struct tt_profile was, now;
static bool checking;
static struct timespec started;	/* CLOCK_MONOTONIC, as the trace starts */

struct pending_file {
	const char *path;
	struct tt_outfile out;	/* outfile.c: beside the file, or in place */
	FILE *fp;
};

static struct pending_file profile_out, junit_out, report_out;

static int prepare(struct pending_file *f, const char *path, const char *what)
{
	f->path = path;
	if (!path)
		return 0;
	if (tt_outfile_open(&f->out, path, TT_OUT_WHOLE) < 0 ||
	    !(f->fp = fdopen(f->out.fd, "w"))) {
		int err = errno;

		if (f->out.fd >= 0)
			close(f->out.fd);
		tt_outfile_abandon(&f->out);
		tt_error("cannot write the %s to '%s': %s", what, path,
			 strerror(err));
		return -1;
	}
	return 0;
}

/* Closes f and puts it in place; on failure, removes what was written
 * beside it. */
static int commit(struct pending_file *f, int written, const char *what)
{
	int err;

	if (!f->fp)
		return 0;
	err = written < 0 ? errno : 0;
	if (fclose(f->fp) != 0 && !err)
		err = errno;
	f->fp = NULL;
	if (err)
		tt_outfile_abandon(&f->out);
	else if (tt_outfile_commit(&f->out) < 0)
		err = errno;
	if (err)
		tt_error("cannot write the %s to '%s': %s", what, f->path,
			 strerror(err));
	return err ? -1 : 0;
}

static void abandon(struct pending_file *f)
{
	if (!f->fp)
		return;
	fclose(f->fp);
	f->fp = NULL;
	tt_outfile_abandon(&f->out);
}

/* Each call's request as it returns; a thread gone takes its last
 * deadlines with it. */
static void profile_record(const struct tt_record *r)
{
	if (r->kind == TT_REC_CALL_EXIT)
		tt_profile_record(&now, r);
	else if (r->kind == TT_REC_GONE)
		tt_profile_forget(r->tid);
}

static const struct tt_renderer recorder = {
	.record = profile_record,
	/* a JVM's own threads are known by name (src/analysis/runtime.h) */
	.wants = TT_WANT_COMM | TT_WANT_RUNTIME,
};

int tt_profile_session_begin(void)
{
	char msg[256];

	if (!tt_opt.profile && !tt_opt.check)
		return -1;
	tt_profile_init(&now);
	now.tol_ppm = tt_opt.tolerance_ppm;
	now.floor_ns = tt_opt.floor_ns;
	tt_profile_set_origin(&now, tt_opt.npids ? NULL : tt_opt.argv,
			      PACKAGE_VERSION);
	if (tt_opt.check) {
		if (tt_profile_load(tt_opt.check, &was, msg, sizeof(msg)) < 0 ||
		    tt_profile_same_selection(&was, &now, msg, sizeof(msg)) < 0) {
			tt_error("profile '%s': %s", tt_opt.check, msg);
			tt_profile_free(&was);
			tt_profile_free(&now);
			return 2;
		}
		/* a check against nothing could not fail: not a pass */
		if (!tt_profile_requests(&was)) {
			tt_error("--check=%s: the profile has no request: "
				 "nothing to compare", tt_opt.check);
			tt_profile_free(&was);
			tt_profile_free(&now);
			return 2;
		}
		checking = true;
		/* the run is cut as the profile was */
		now.floor_ns = was.floor_ns;
	}
	if (prepare(&profile_out, tt_opt.profile, "profile") < 0 ||
	    prepare(&junit_out, tt_opt.junit, "JUnit report") < 0 ||
	    prepare(&report_out, tt_opt.check_report, "check report") < 0) {
		abandon(&profile_out);
		abandon(&junit_out);
		tt_profile_free(&was);
		tt_profile_free(&now);
		return 1;
	}
	tt_render_add(&recorder);
	clock_gettime(CLOCK_MONOTONIC, &started);
	return -1;
}

static int64_t ns_since(const struct timespec *t)
{
	struct timespec end;

	clock_gettime(CLOCK_MONOTONIC, &end);
	return (int64_t)(end.tv_sec - t->tv_sec) * 1000000000 +
		(end.tv_nsec - t->tv_nsec);
}

/* Under GitHub Actions (docs.github.com: "Variables", "Workflow
 * commands for GitHub Actions"). */
static bool under_github(void)
{
	const char *v = getenv("GITHUB_ACTIONS");

	return v && strcmp(v, "true") == 0;
}

/* Does the trace or the timeline go to standard output's file?  Then no
 * annotation may go there.  A character device does not count: any
 * number of outputs share one (outfile.h), and on a terminal nothing
 * reads workflow commands. */
static bool trace_on_stdout(void)
{
	const char *paths[] = { tt_opt.outfile, tt_opt.timeline };
	struct stat out, st;

	if (fstat(STDOUT_FILENO, &out) < 0 || S_ISCHR(out.st_mode))
		return false;
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		if (paths[i] && paths[i][0] != '|' && paths[i][0] != '!' &&
		    stat(paths[i], &st) == 0 && st.st_dev == out.st_dev &&
		    st.st_ino == out.st_ino)
			return true;
	return false;
}

/* Appends the Markdown summary to $GITHUB_STEP_SUMMARY, in one write.
 * Returns 0, or -1 after a message. */
static int append_summary(const struct tt_check_info *in,
			  const struct tt_check *c)
{
	const char *path = getenv("GITHUB_STEP_SUMMARY");
	char *text = NULL;
	size_t len = 0, done = 0;
	FILE *mem;
	int fd, err = 0;

	if (!path || !*path)
		return 0;
	if (!(mem = open_memstream(&text, &len)))
		tt_die_oom();
	tt_check_summary(in, c, mem);
	if (fclose(mem) != 0)
		tt_die_oom();
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0)
		err = errno;
	while (fd >= 0 && !err && done < len) {
		ssize_t n = write(fd, text + done, len - done);

		if (n < 0 && errno != EINTR)
			err = errno;
		else if (n > 0)
			done += (size_t)n;
	}
	if (fd >= 0 && close(fd) < 0 && !err)
		err = errno;
	free(text);
	if (err)
		tt_error("cannot append the check's summary to '%s' "
			 "($GITHUB_STEP_SUMMARY): %s", path, strerror(err));
	return err ? -1 : 0;
}

/* GitHub Actions: the findings as annotations on standard output, unless
 * the trace goes there, and the summary.  Returns 0, or -1 when the
 * summary could not be written. */
static int github(const struct tt_check_info *in, const struct tt_check *c,
		  const char *label)
{
	if (!trace_on_stdout())
		tt_check_annotate(in, c, stdout);
	else if (in->error || c->n)
		tt_warning("%s: no GitHub annotations: the trace goes to "
			 "standard output", label);
	return append_summary(in, c);
}

/* Compares in->was and in->now, reports on stderr and writes the
 * reports.  Returns the verdict: 0, 1 for a regression, 2 when nothing
 * was compared; -1 when a report could not be written. */
static int check(struct tt_check_info *in)
{
	struct tt_check c = { 0 };
	char *label = tt_check_label(in);
	int verdict = 2;

	if (in->new_profile)
		tt_profile_origin_warn(in->was, in->now, label, "old", "new");
	else
		tt_profile_origin_warn(in->was, in->now, label, "recorded",
				       "this run");
	in->tol_ppm = tt_opt.tolerance_ppm;
	in->budget_ns = tt_opt.late_budget_ns;
	in->budget = tt_opt.late_budget;
	if (!tt_profile_requests(in->now)) {
		in->error = "the run made no traced request: nothing was "
			"compared";
	} else {
		tt_profile_compare(in->was, in->now, in->tol_ppm, -1, &c);
		tt_check_lateness(in->now, in->budget_ns, &c);
		verdict = c.n ? 1 : 0;
	}
	tt_check_print(in, &c);
	if (junit_out.fp &&
	    commit(&junit_out, tt_check_junit(in, &c, junit_out.fp),
		   "JUnit report") < 0)
		verdict = -1;
	if (report_out.fp &&
	    commit(&report_out, tt_check_json(in, &c, report_out.fp),
		   "check report") < 0)
		verdict = -1;
	if (under_github() && github(in, &c, label) < 0)
		verdict = -1;
	free(label);
	tt_check_free(&c);
	return verdict;
}

int tt_profile_session_end(int status)
{
	struct tt_check_info in = {
		.profile = tt_opt.check, .was = &was, .now = &now,
		.wall_ns = ns_since(&started),
		.has_status = !tt_opt.npids, .status = status,
	};
	bool written = true;
	int verdict = 0;

	if (!tt_opt.profile && !tt_opt.check)
		return status;
	tt_profile_finish(&now, checking ? &was : NULL);
	if (profile_out.fp &&
	    commit(&profile_out, tt_profile_write(&now, profile_out.fp),
		   "profile") < 0)
		written = false;
	if (checking && (verdict = check(&in)) < 0)
		written = false;
	tt_profile_free(&was);
	tt_profile_free(&now);
	/* an output not written is a failure whatever the command did; the
	 * command's own failure keeps its status over the verdict */
	return !written ? 1 : status ? status : verdict;
}

/* Reads one of --diff's profiles; false after a message. */
static bool diff_load(const char *path, struct tt_profile *p)
{
	char msg[256];

	if (tt_profile_load(path, p, msg, sizeof(msg)) == 0)
		return true;
	tt_error("profile '%s': %s", path, msg);
	return false;
}

/* Both profiles hold requests, of the same calls; 2 after a message. */
static int diff_usable(const struct tt_check_info *in)
{
	char *label = tt_check_label(in);
	const char *name;
	int ret = -1;
	bool in_old;

	if ((name = tt_profile_selection_differs(in->was, in->now, &in_old))) {
		tt_error("%s: the profiles were recorded for other calls: '%s' "
			 "traces %s, '%s' does not (see -e trace=)", label,
			 in_old ? in->profile : in->new_profile, name,
			 in_old ? in->new_profile : in->profile);
		ret = 2;
	} else if (!tt_profile_requests(in->was) ||
		   !tt_profile_requests(in->now)) {
		tt_error("%s: '%s' has no request: nothing to compare", label,
			 tt_profile_requests(in->was) ? in->new_profile :
			 in->profile);
		ret = 2;
	}
	free(label);
	return ret;
}

int tt_profile_diff(void)
{
	struct tt_check_info in = {
		.profile = tt_opt.argv[0], .new_profile = tt_opt.argv[1],
		.was = &was, .now = &now,
	};
	int status;

	clock_gettime(CLOCK_MONOTONIC, &started);
	if (!diff_load(in.profile, &was) || !diff_load(in.new_profile, &now))
		status = 2;
	else if ((status = diff_usable(&in)) < 0 &&
		 (prepare(&junit_out, tt_opt.junit, "JUnit report") < 0 ||
		  prepare(&report_out, tt_opt.check_report, "check report") < 0))
		status = 1;
	if (status < 0) {
		in.wall_ns = ns_since(&started);
		status = check(&in);
		status = status < 0 ? 1 : status;
	}
	abandon(&junit_out);
	tt_profile_free(&was);
	tt_profile_free(&now);
	return status;
}
