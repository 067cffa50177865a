/* ttrace fuzz target: decoders, the text renderer and the --timeline
 * file, through the real syscall path.
 *
 * The input is a short life of two threads as the tracer would see it:
 * syscall entries (any row of any ABI, or a call not in the tables, with
 * any registers) and exits (any return value), signals with any siginfo
 * (a program can queue one with any fields), group-stops, ABI changes,
 * exits, execve supersedes and detaches.  Each goes to the function
 * src/tracer/sysinfo.c calls for it: tt_syscall_enter/exit (which fetch the
 * inputs, decode the entry, render it, fetch the outputs and TOCTOU
 * re-reads, decode the exit, check and render it) or tt_record_*.  The
 * tracee's memory is the input: this file defines tt_umove and
 * tt_umove_many in place of src/tracer/umove.c.  Output goes to memory.
 *
 * Thread 0 is this process: its fd FUZZ_TFD is a timerfd armed with an
 * interval of {1, 5}, so the timerfd_settime check of /proc fdinfo
 * (src/analysis/toctou.c) reads real text and can find a difference.
 *
 * Each trace must be whole lines, each starting with the thread id, with
 * no NUL.  The timeline, written to a file beside it, must be "[", one
 * event object a line (after a comma from the second on), "]".  With TT_FUZZ_PRINT set in the environment, each trace goes to
 * stderr.
 *
 * Input: u8 options (bits 0-1: -t count, 2: -r, 3: -T, 4-5: -q count,
 * 6: --toctou=off, 7: -p), then events until the input ends; each event
 * is u8 op (bits 0-2: what, bit 3: which thread), u16 microseconds since
 * the previous event, then what the op reads (see run_event).  Every
 * memory read takes u8 (bits 0..2 all clear: unreadable), then the bytes.
 * The selection is the default (every call): -e is not fuzzed, the
 * selection having no reset between inputs.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "abi.h"
#include "options.h"
#include "output.h"
#include "record.h"
#include "render/timeline.h"
#include "select.h"
#include "syscall_trace.h"
#include "tcb.h"
#include "umove.h"
#include "fuzz.h"

#define FUZZ_TFD 100
#define MAX_EVENTS 24
#define MAX_ROWS 64

static struct fz in;		/* what is left of the input */
static pid_t tids[2];
static struct tt_timestamps now;
static bool print;		/* TT_FUZZ_PRINT set: the trace to stderr */
static char tl_path[64];	/* the --timeline file */

/* --- the tracee's memory ---------------------------------------------- */

static bool fake_read(uint64_t addr, void *buf, size_t len, uint64_t limit)
{
	bool ok = (fz_u8(&in) & 7) != 0;

	if (addr >= limit || len > limit - addr)
		ok = false;	/* refused without a read, as umove.c does */
	if (ok)
		fz_bytes(&in, buf, len);
	return ok;
}

int tt_umove(pid_t tid, uint64_t addr, void *buf, size_t len,
	     uint64_t addr_limit)
{
	(void)tid;
	return fake_read(addr, buf, len, addr_limit) ? 0 : -1;
}

void tt_umove_many(pid_t tid, struct tt_umove_req *r, unsigned n)
{
	(void)tid;
	for (unsigned i = 0; i < n; i++)
		r[i].ok = fake_read(r[i].addr, r[i].buf, r[i].len, r[i].addr_limit);
}

/* --- rows -------------------------------------------------------------- */

static unsigned nabis;
static long rows[4][MAX_ROWS];
static unsigned nrows[4];

static void find_rows(void)
{
	for (nabis = 0; tt_abis[nabis] && nabis < 4; nabis++) {
		const struct tt_abi *abi = tt_abis[nabis];

		for (long nr = 0; nr < (long)abi->nsyscalls; nr++)
			if (tt_abi_syscall(abi, nr) && nrows[nabis] < MAX_ROWS)
				rows[nabis][nrows[nabis]++] = nr;
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct itimerspec its = { { 1, 5 }, { 100000, 0 } };
	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);

	(void)argc;
	(void)argv;
	if (fd >= 0) {
		timerfd_settime(fd, 0, &its, NULL);
		dup2(fd, FUZZ_TFD);
		close(fd);
	}
	find_rows();
	tt_select_default();
	/* the renderers hear of every thread forgotten, as in ttrace */
	tt_tcb_set_delete_hook(tt_record_gone);
	print = getenv("TT_FUZZ_PRINT") != NULL;
	tids[0] = getpid();
	tids[1] = 0x3ffffff0;	/* above any pid_max: no /proc entry */
	return 0;
}

/* --- events ------------------------------------------------------------ */

static struct tcb *thread(unsigned k)
{
	struct tcb *tcp = tt_tcb_find(tids[k]);

	return tcp ? tcp : tt_tcb_new(tids[k], 0);
}

/* A row of abi (most of the time), or any number. */
static long pick_nr(unsigned a)
{
	uint8_t b = fz_u8(&in);

	if (b < 0xf0)
		return rows[a][b % nrows[a]];
	return (long)(int32_t)fz_uint(&in, 4);
}

static void set_abi(struct tcb *tcp, const struct tt_abi *abi)
{
	if (abi == tcp->abi)
		return;
	tcp->abi = abi;
	tt_record_abi(tcp, &now);
}

static void syscall_stop(struct tcb *tcp)
{
	if (!(tcp->flags & TCB_IN_SYSCALL)) {
		unsigned a = fz_u8(&in) % nabis;
		const struct tt_abi *abi = tt_abis[a];
		long nr = pick_nr(a);
		uint64_t args[TT_MAX_ARGS];

		for (unsigned i = 0; i < TT_MAX_ARGS; i++) {
			args[i] = fz_uint(&in, 8);
			if (abi->ptr_size == 4)
				args[i] = (uint32_t)args[i];
		}
		set_abi(tcp, abi);
		tt_syscall_enter(tcp, abi, nr, args, &now);
	} else {
		int64_t rval = (int64_t)fz_uint(&in, 8);

		if (tcp->entry_abi && tcp->entry_abi->ptr_size == 4)
			rval = (int32_t)rval;
		tt_syscall_exit(tcp, rval, &now);
	}
}

static void run_event(uint8_t op)
{
	struct tcb *tcp = thread((op >> 3) & 1);

	switch (op & 7) {
	case 0:
	case 1:
		syscall_stop(tcp);
		break;
	case 2: {
		siginfo_t si;

		fz_bytes(&in, &si, sizeof(si));
		tt_record_signal(tcp, &si, NULL, NULL, &now);
		break;
	}
	case 3:
		tt_record_group_stop(tcp, (int)(int8_t)fz_u8(&in), &now);
		break;
	case 4:
		/* the thread is gone: exited or killed */
		tt_record_exit(tcp, (int)fz_uint(&in, 4), &now);
		tt_tcb_delete(tcp);
		break;
	case 5:
		/* another thread's execve took its place */
		tt_record_superseded(tcp, (pid_t)fz_uint(&in, 4), &now);
		tcp->flags &= ~(unsigned)(TCB_HIDDEN | TCB_RESTART |
					  TCB_TRACED_CALL | TCB_IN_SYSCALL);
		tcp->cur_sc = NULL;
		break;
	case 6:
		tt_record_detached(tcp, &now);
		tt_tcb_delete(tcp);
		break;
	case 7: {
		/* attached (-p) while blocked in a call */
		unsigned a = fz_u8(&in) % nabis;
		long nr = pick_nr(a);
		uint64_t args[TT_MAX_ARGS];

		for (unsigned i = 0; i < TT_MAX_ARGS; i++)
			args[i] = fz_uint(&in, 8);
		set_abi(tcp, tt_abis[a]);
		tt_syscall_remember_blocked(tcp, tt_abis[a], nr, args);
		break;
	}
	}
}

static void advance(unsigned usec)
{
	now.mono.tv_nsec += (long)usec * 1000;
	now.real.tv_nsec += (long)usec * 1000;
	while (now.mono.tv_nsec >= 1000000000L) {
		now.mono.tv_nsec -= 1000000000L;
		now.mono.tv_sec++;
	}
	while (now.real.tv_nsec >= 1000000000L) {
		now.real.tv_nsec -= 1000000000L;
		now.real.tv_sec++;
	}
}

/* Every line of a trace in a file starts with the thread id, and ends:
 * after the renderers finish no line is left open, no NUL is written. */
static void check_lines(const char *out, size_t size)
{
	if (!size)
		return;
	if (memchr(out, '\0', size) || out[size - 1] != '\n')
		abort();
	for (const char *p = out; p < out + size; p = strchr(p, '\n') + 1)
		if (*p < '0' || *p > '9')
			abort();
}

/* The timeline: "[", then "{...}" and ",{...}" lines, then "]", with no
 * control character and every string closed (an even count of unescaped
 * quotes a line). */
static void check_timeline(const char *path)
{
	static char text[1 << 20];
	FILE *f = fopen(path, "r");
	size_t n;
	char *line, *save = NULL;
	unsigned k = 0;

	if (!f)
		abort();
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	if (n < 4 || strncmp(text, "[\n", 2) != 0 || strcmp(text + n - 2, "]\n") != 0)
		abort();
	for (line = strtok_r(text + 2, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), k++) {
		size_t len = strlen(line);
		unsigned quotes = 0;

		if (strcmp(line, "]") == 0)
			break;
		if (strncmp(line, k ? ",{" : "{", k ? 2 : 1) != 0 ||
		    line[len - 1] != '}')
			abort();
		for (size_t i = 0; i < len; i++) {
			if ((unsigned char)line[i] < 0x20)
				abort();
			if (line[i] == '\\')
				i++;
			else if (line[i] == '"')
				quotes++;
		}
		if (quotes % 2)
			abort();
	}
}

static void delete_tcb(struct tcb *tcp, void *arg)
{
	(void)arg;
	tt_tcb_delete(tcp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;
	size_t out_size = 0;
	uint8_t o;

	in = (struct fz){ data, size };
	o = fz_u8(&in);
	memset(&tt_opt, 0, sizeof(tt_opt));
	/* no stamp, time,ms, unix,us, time,ns */
	tt_opt.tstamp.format = (enum tt_ts_format)((o & 3) % 3);
	tt_opt.tstamp.digits = 3 * (o & 3);
	tt_opt.relative = o & 4;
	tt_opt.syscall_time = o & 8;
	tt_opt.quiet = (o >> 4) & 3;
	tt_opt.toctou = !(o & 64);
	if (o & 128) {		/* -p: ABI changes are shown in a file too */
		tt_opt.pids = &tids[1];
		tt_opt.npids = 1;
	}
	now = (struct tt_timestamps){ { 1700000000, 0 }, { 1000, 0 }, { 0, 0 } };
	tt_out_open_memory(&out, &out_size);
	if (!*tl_path)
		snprintf(tl_path, sizeof(tl_path), "/tmp/ttrace-fuzz-%d.timeline",
			 (int)getpid());
	if (tt_timeline_open(tl_path) < 0)
		abort();

	for (unsigned k = 0; k < MAX_EVENTS && in.n; k++) {
		uint8_t op = fz_u8(&in);

		advance((unsigned)fz_uint(&in, 2));
		run_event(op);
	}

	tt_record_finish();
	tt_out_close();
	if (tt_timeline_close() < 0)
		abort();
	check_timeline(tl_path);
	unlink(tl_path);
	tt_tcb_foreach(delete_tcb, NULL);
	if (print && out)
		fprintf(stderr, "%s----\n", out);
	check_lines(out, out_size);
	free(out);
	return 0;
}
