/* ttrace - rt_sigtimedwait (i386: rt_sigtimedwait_time32 and
 * rt_sigtimedwait_time64).
 *
 * It waits on CLOCK_MONOTONIC for one of the signals of uthese, at most
 * the relative uts (NULL: forever); timed out, it fails with EAGAIN, and
 * another signal makes it fail with EINTR.  On success it returns the
 * signal, which strace names ("= 10 (SIGUSR1)"), and writes its siginfo
 * into uinfo.  The siginfo is printed as on strace's "--- SIG... {...}
 * ---" lines (src/render/text.c prints those from the host's siginfo_t;
 * here it is the tracee's bytes, in its ABI's layout: the union of
 * fields at 16 native, 12 compat, longs and pointers of the ABI). */
#include <signal.h>
#include <time.h>

#include "decode/decode.h"
#include "xlat/xlat.h"

/* A field of the siginfo at off of the union, of size bytes. */
static void si_field(struct tt_event *ev, int node, const char *name,
		     enum tt_vkind kind, const uint8_t *b, unsigned size)
{
	int f = tt_value_add(ev, node, name, kind);

	if (f == TT_NO_VALUE)
		return;
	if (kind == TV_UINT || kind == TV_PTR)
		ev->v[f].u = tt_get_u(b, size);
	else
		ev->v[f].s = tt_get_s(b, size);
}

static void sender(struct tt_event *ev, int node, const uint8_t *u)
{
	si_field(ev, node, "si_pid", TV_INT, u, 4);
	si_field(ev, node, "si_uid", TV_UINT, u + 4, 4);
}

/* The value a sigqueue or a timer sent, at 8 of the union. */
static void sent_value(struct tt_event *ev, int node, const uint8_t *u,
		     unsigned ptr)
{
	si_field(ev, node, "si_int", TV_INT, u + 8, 4);
	si_field(ev, node, "si_ptr", TV_PTR, u + 8, ptr);
}

/* The fields of a code the kernel sets (> 0, not SI_KERNEL). */
static void si_kernel_fields(struct tt_event *ev, int node, int signo,
			     int code, const uint8_t *u, unsigned ptr)
{
	int f;

	switch (signo) {
	case SIGCHLD:
		sender(ev, node, u);
		f = tt_value_add(ev, node, "si_status",
				 code == CLD_EXITED ? TV_INT : TV_SIGNAL);
		if (f != TT_NO_VALUE)
			ev->v[f].s = tt_get_s(u + 8, 4);
		si_field(ev, node, "si_utime", TV_INT, u + 8 + ptr, ptr);
		si_field(ev, node, "si_stime", TV_INT, u + 8 + 2 * ptr, ptr);
		break;
	case SIGILL:
	case SIGFPE:
	case SIGSEGV:
	case SIGBUS:
		si_field(ev, node, "si_addr", TV_PTR, u, ptr);
		break;
	case SIGPOLL:
		si_field(ev, node, "si_band", TV_INT, u, ptr);
		si_field(ev, node, "si_fd", TV_INT, u + ptr, 4);
		break;
	default:
		if (tt_get_u(u, 8))	/* si_pid or si_uid */
			sender(ev, node, u);
		break;
	}
}

void tt_read_siginfo(struct tt_event *ev, int node, const uint8_t *b,
		     struct tt_time_layout lay)
{
	unsigned ptr = lay.ptr_size;
	const uint8_t *u = b + (ptr == 8 ? 16 : 12);
	int signo = (int)tt_get_s(b, 4), err = (int)tt_get_s(b + 4, 4);
	int code = (int)tt_get_s(b + 8, 4);
	const struct tt_xlat *codes = tt_sicode_xlat(signo, code);
	int f;

	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_STRUCT;
	si_field(ev, node, "si_signo", TV_SIGNAL, b, 4);
	f = tt_value_add(ev, node, "si_code", codes ? TV_XVAL : TV_INT);
	if (f == TT_NO_VALUE)
		return;
	ev->v[f].s = code;
	ev->v[f].xlat = codes;
	if (err)
		si_field(ev, node, "si_errno", TV_INT, b + 4, 4);
	if (code > 0 && code != SI_KERNEL) {
		si_kernel_fields(ev, node, signo, code, u, ptr);
		return;
	}
	switch (code) {
	case SI_TIMER:
		/* strace's %#x: 0, or 0x... as a pointer prints it */
		si_field(ev, node, "si_timerid", tt_get_u(u, 4) ? TV_PTR : TV_INT,
			 u, 4);
		si_field(ev, node, "si_overrun", TV_INT, u + 4, 4);
		sent_value(ev, node, u, ptr);
		break;
	case SI_QUEUE:
	case SI_MESGQ:
		sender(ev, node, u);
		sent_value(ev, node, u, ptr);
		break;
	default:
		sender(ev, node, u);
		break;
	}
}

static void sigtimedwait_entry(struct tt_event *ev)
{
	tt_sigset_sized(ev, 0, 3);
}

/* "= 10 (SIGUSR1)": the signal taken. */
static void sigtimedwait_result(struct tt_event *ev)
{
	int sig;

	if (ev->rval <= 0)
		return;
	sig = tt_result_item(ev, "signal", TV_SIGNAL, false);
	if (sig != TT_NO_VALUE)
		ev->v[sig].s = ev->rval;
}

const struct tt_signature tt_sig_rt_sigtimedwait = {
	.family = "rt_sigtimedwait",
	.classes = TT_CLASS_WAIT,
	.nargs = 4,
	.args = {
		{ "uthese", AT_SIGSET, AD_IN },
		{ "uinfo", AT_SIGINFO, AD_OUT },
		{ "uts", AT_TIMESPEC, AD_IN },
		{ "sigsetsize", AT_SIZE, AD_VAL },
	},
	.wait = &(const struct tt_wait_shape){
		.timeout_arg = 2, .timeout = TT_TMO_TIMESPEC,
		.timed_out = TT_TO_EAGAIN, .clock = CLOCK_MONOTONIC,
		.op_arg = -1,
	},
	.decode_entry = sigtimedwait_entry,
	.result = sigtimedwait_result,
};
