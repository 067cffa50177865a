/* ttrace - the trace stream: one stream (standard error, -o FILE, a
 * pipe into a command), or with -ff one file per thread, FILE.TID. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"
#include "outfile.h"
#include "output.h"

struct stream {
	FILE *fp;
	pid_t tid;		/* -ff: the thread whose file it is */
	bool mid_line;		/* the last byte written was not a newline */
	size_t col;		/* bytes written since the last newline */
};

/* The one stream, or with -ff the files open now (a thread's file is
 * closed when the thread is gone: no limit on descriptors however many
 * threads come and go). */
static struct stream one;
static struct stream **files;
static size_t nfiles, files_cap;
static struct stream *cur = &one;

static const char *out_name = "standard error";
static const char *per_tid_base;	/* -ff: FILE of FILE.TID */
static pid_t *opened;			/* -ff: the tids given a file */
static size_t nopened, opened_cap;
static bool interactive;
static bool is_file;
static bool failed;
static bool silenced;
static bool exit_hooked;
/* tt_out_whole_lines: a line kept here until its newline, then written
 * in one write(2). */
static bool whole_lines;
static char *pend;
static size_t npend, pend_cap;

/* -o '|COMMAND': the shell running it, its status once reaped. */
static pid_t pipe_pid;
static char *pipe_name;			/* "the command 'COMMAND'" */
static bool pipe_reaped;
static int pipe_status;

static void at_exit(void);

static void hook_exit(void)
{
	/* tt_die and any other exit() still end an open line */
	if (!exit_hooked)
		atexit(at_exit);
	exit_hooked = true;
}

static int stream_from_fd(struct stream *s, int fd)
{
	s->fp = fdopen(fd, "w");
	if (!s->fp) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	s->mid_line = false;
	s->col = 0;
	interactive = isatty(fd);
	setvbuf(s->fp, NULL, interactive ? _IOLBF : _IOFBF, 1 << 16);
	return 0;
}

/* "|COMMAND" or "!COMMAND": the shell runs COMMAND with the trace on its
 * standard input, as strace does. */
static int open_pipe(const char *command)
{
	int p[2];
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		int err = errno;

		close(p[0]);
		close(p[1]);
		errno = err;
		return -1;
	}
	if (pid == 0) {
		/* dup2 leaves the copy open across the exec */
		if (dup2(p[0], STDIN_FILENO) < 0)
			_exit(126);
		signal(SIGPIPE, SIG_DFL);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(p[0]);
	pipe_pid = pid;
	pipe_name = tt_xmalloc(strlen(command) + 16);
	sprintf(pipe_name, "the command '%s'", command);
	out_name = pipe_name;
	pipe_reaped = false;
	return stream_from_fd(&one, p[1]);
}

/* -ff: FILE's directory must take files before anything starts. */
static int check_per_tid_dir(const char *base)
{
	const char *slash = strrchr(base, '/');
	char *dir;
	int r;

	if (!*base || (slash && !slash[1])) {
		errno = EISDIR;
		return -1;
	}
	if (!slash)
		return access(".", W_OK | X_OK);
	if (slash == base)
		return access("/", W_OK | X_OK);
	dir = tt_xmalloc((size_t)(slash - base) + 1);
	memcpy(dir, base, (size_t)(slash - base));
	dir[slash - base] = '\0';
	r = access(dir, W_OK | X_OK);
	free(dir);
	return r;
}

int tt_out_open(const char *path, bool per_tid)
{
	struct tt_outfile f;

	if (!path) {
		one.fp = stderr;
		interactive = isatty(STDERR_FILENO);
		return 0;
	}
	out_name = path;
	is_file = true;
	if (per_tid) {
		if (check_per_tid_dir(path) < 0)
			return -1;
		per_tid_base = path;
		cur = NULL;
		hook_exit();
		return 0;
	}
	if (path[0] == '|' || path[0] == '!') {
		if (open_pipe(path + 1) < 0)
			return -1;
	} else {
		if (tt_outfile_open(&f, path, TT_OUT_STREAM) < 0)
			return -1;
		if (stream_from_fd(&one, f.fd) < 0)
			return -1;
	}
	hook_exit();
	return 0;
}

void tt_out_open_memory(char **buf, size_t *size)
{
	one.fp = open_memstream(buf, size);
	if (!one.fp)
		tt_die_oom();
	one.mid_line = false;
	one.col = 0;
	cur = &one;
	per_tid_base = NULL;
	out_name = "memory";
	is_file = true;
	interactive = false;
	failed = false;
	silenced = false;
}

bool tt_out_is_file(void)
{
	return is_file;
}

bool tt_out_per_tid(void)
{
	return per_tid_base != NULL;
}

static void check(const char *name)
{
	if (!failed && cur && ferror(cur->fp)) {
		failed = true;
		tt_error("cannot write the trace to %s: %s", name,
			 strerror(errno ? errno : EIO));
	}
}

static const char *cur_name(char *buf, size_t size)
{
	if (!per_tid_base || !cur)
		return out_name;
	snprintf(buf, size, "%s.%d", per_tid_base, (int)cur->tid);
	return buf;
}

static void report(void)
{
	char name[4096];

	check(cur_name(name, sizeof(name)));
}

static bool seen_before(pid_t tid)
{
	for (size_t i = 0; i < nopened; i++)
		if (opened[i] == tid)
			return true;
	if (nopened == opened_cap) {
		opened_cap = opened_cap ? 2 * opened_cap : 64;
		opened = tt_xreallocarray(opened, opened_cap, sizeof(*opened));
	}
	opened[nopened++] = tid;
	return false;
}

/* tid's file, opened now if need be: created (or truncated) the first
 * time, appended to when a new thread has an old one's tid. */
static struct stream *open_tid_file(pid_t tid)
{
	char *name = tt_xmalloc(strlen(per_tid_base) + 16);
	struct tt_outfile f;
	struct stream *s;

	sprintf(name, "%s.%d", per_tid_base, (int)tid);
	if (tt_outfile_open(&f, name, seen_before(tid) ? TT_OUT_APPEND :
			    TT_OUT_STREAM) < 0) {
		failed = true;
		tt_error("cannot write the trace to %s: %s", name,
			 strerror(errno));
		free(name);
		return NULL;
	}
	s = tt_xcalloc(1, sizeof(*s));
	s->tid = tid;
	if (stream_from_fd(s, f.fd) < 0) {
		failed = true;
		tt_error("cannot write the trace to %s: %s", name,
			 strerror(errno));
		free(s);
		free(name);
		return NULL;
	}
	free(name);
	if (nfiles == files_cap) {
		files_cap = files_cap ? 2 * files_cap : 16;
		files = tt_xreallocarray(files, files_cap, sizeof(*files));
	}
	files[nfiles++] = s;
	return s;
}

static struct stream *find_tid(pid_t tid, size_t *at)
{
	for (size_t i = 0; i < nfiles; i++)
		if (files[i]->tid == tid) {
			if (at)
				*at = i;
			return files[i];
		}
	return NULL;
}

void tt_out_select(pid_t tid)
{
	if (!per_tid_base || (cur && cur->tid == tid))
		return;
	cur = find_tid(tid, NULL);
	if (!cur && !failed && !silenced)
		cur = open_tid_file(tid);
}

static void end_line(struct stream *s)
{
	static const char unfinished[] = " <unfinished ...>\n";

	if (s && s->mid_line && !failed && !silenced) {
		fwrite(unfinished, 1, sizeof(unfinished) - 1, s->fp);
		s->mid_line = false;
		s->col = 0;
	}
}

static int close_stream(struct stream *s)
{
	int ret = 0;

	end_line(s);
	if (!failed && fflush(s->fp) != 0)
		ret = -1;
	if (s->fp != stderr && fclose(s->fp) != 0)
		ret = -1;
	s->fp = NULL;
	return ret;
}

void tt_out_forget(pid_t tid)
{
	size_t at;
	struct stream *s;

	if (!per_tid_base || !(s = find_tid(tid, &at)))
		return;
	cur = s;
	if (close_stream(s) < 0)
		report();
	files[at] = files[--nfiles];
	free(s);
	cur = NULL;
}

void tt_out_whole_lines(void)
{
	whole_lines = true;
}

/* The line kept in pend, in one write(2) (more only when the kernel
 * takes part of it: a full pipe, a signal). */
static void write_pending(void)
{
	if (fflush(cur->fp) != 0) {
		report();
		return;
	}
	if (tt_write_all(fileno(cur->fp), pend, npend) < 0) {
		failed = true;
		tt_error("cannot write the trace to %s: %s", out_name,
			 strerror(errno));
	}
	npend = 0;
}

static void write_bytes(const char *s, size_t n)
{
	const char *nl;

	cur->mid_line = s[n - 1] != '\n';
	nl = memrchr(s, '\n', n);
	cur->col = nl ? (size_t)(s + n - nl - 1) : cur->col + n;
	if (!whole_lines) {
		if (fwrite(s, 1, n, cur->fp) != n)
			report();
		return;
	}
	if (npend + n > pend_cap) {
		pend_cap = npend + n > 2 * pend_cap ? npend + n : 2 * pend_cap;
		pend = tt_xreallocarray(pend, pend_cap, 1);
	}
	memcpy(pend + npend, s, n);
	npend += n;
	if (!cur->mid_line)
		write_pending();
}

void tt_out_write(const char *s, size_t n)
{
	if (failed || silenced || !cur || !cur->fp || !n)
		return;
	write_bytes(s, n);
}

bool tt_out_write_message(const char *s, size_t n)
{
	if (failed || !cur || !cur->fp || !n)
		return false;
	write_bytes(s, n);
	return !failed;
}

bool tt_out_mid_line(void)
{
	return cur && cur->mid_line;
}

size_t tt_out_column(void)
{
	return cur ? cur->col : 0;
}

void tt_out_end_line(void)
{
	end_line(cur);
}

static void each_stream(void (*fn)(struct stream *))
{
	if (one.fp)
		fn(&one);
	for (size_t i = 0; i < nfiles; i++)
		fn(files[i]);
}

static void end_and_flush(struct stream *s)
{
	end_line(s);
	if (!failed)
		fflush(s->fp);
}

static void at_exit(void)
{
	each_stream(end_and_flush);
}

void tt_out_flush_if_interactive(void)
{
	if (failed || !cur || !cur->fp || !interactive)
		return;
	if (fflush(cur->fp) != 0)
		report();
}

void tt_out_reaped(pid_t pid, int status)
{
	if (pipe_pid && pid == pipe_pid) {
		pipe_reaped = true;
		pipe_status = status;
	}
}

/* The command of -o '|COMMAND' once its input is closed: its status,
 * reported when it failed.  Returns -1 when the trace did not reach it
 * (it could not be run, or was killed). */
static int end_pipe(void)
{
	int st;

	if (!pipe_reaped) {
		while (waitpid(pipe_pid, &st, 0) < 0 && errno == EINTR)
			;
		pipe_status = st;
	}
	pipe_pid = 0;
	st = pipe_status;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFSIGNALED(st)) {
		tt_error("%s, which the trace was written to, was killed by "
			 "signal %d (%s)", pipe_name, WTERMSIG(st),
			 strsignal(WTERMSIG(st)));
		return -1;
	}
	if (WEXITSTATUS(st) == 126 || WEXITSTATUS(st) == 127) {
		tt_error("%s, which the trace was written to, could not be "
			 "run (the shell's exit status %d): the trace is lost",
			 pipe_name, WEXITSTATUS(st));
		return -1;
	}
	tt_error("%s, which the trace was written to, exited with status "
		 "%d", pipe_name, WEXITSTATUS(st));
	return 0;
}

int tt_out_close(void)
{
	int ret = 0;

	for (size_t i = 0; i < nfiles; i++) {
		cur = files[i];
		if (close_stream(files[i]) < 0)
			report();
		free(files[i]);
	}
	nfiles = 0;
	cur = &one;
	if (one.fp) {
		if (close_stream(&one) < 0 && !failed) {
			failed = true;
			tt_error("cannot write the trace to %s: %s", out_name,
				 strerror(errno));
		}
	}
	if (pipe_pid && end_pipe() < 0)
		ret = -1;
	return failed ? -1 : ret;
}

bool tt_out_failed(void)
{
	return failed;
}

void tt_out_silence(void)
{
	each_stream(end_and_flush);
	silenced = true;
}
