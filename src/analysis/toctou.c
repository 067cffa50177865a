/* ttrace - TOCTOU: what the program's memory held at the entry stop is not
 * always what the kernel used.  The kernel copies an input struct from user
 * memory moments after the entry stop (an itimerspec in two separate
 * reads), and another thread may rewrite it meanwhile.  At the exit stop
 * ttrace reads every input again (which ones: the signature, AD_IN and
 * AD_INOUT) and reports what changed:
 *
 *  - bytes the kernel itself wrote are not a finding: where an output the
 *    kernel wrote overlaps the input (timer_settime(t, 0, &its, &its)), only
 *    the other bytes are compared;
 *  - for i386 calls through a time64 entry point the upper half of tv_nsec
 *    is padding the kernel ignores (where: the type's row in tt_types): a
 *    change there is reported apart;
 *  - memory that cannot be read again (unmapped meanwhile, process gone) is
 *    reported as such, not as a change;
 *  - for timerfd_settime, /proc/PID/fdinfo/FD shows the interval and flags
 *    the kernel armed: a difference from the entry copy shows which value
 *    won a race.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include "abi.h"
#include "decode/decode.h"
#include "procfs.h"
#include "tcb.h"
#include "toctou.h"
#include "umove.h"
#include "xlat/xlat.h"

static unsigned long findings;

unsigned long tt_toctou_findings(void)
{
	return findings;
}

static struct tt_note *finding(struct tt_event *ev, enum tt_note_kind kind,
			       unsigned arg)
{
	struct tt_note *n = tt_note_add(ev, kind, TT_NO_VALUE, 0);

	findings++;
	if (n)
		n->arg = (int8_t)arg;
	return n;
}

/* Clears mask bytes of input i that an output the kernel wrote covers. */
static void mask_kernel_writes(const struct tt_event *orig, unsigned i,
			       unsigned size, bool mask[TT_MAX_MEM])
{
	const struct tt_signature *sig = orig->sc->sig;
	uint64_t in = orig->raw[i];

	/* what the kernel wrote back into this input itself */
	if (sig->args[i].dir == AD_INWB && tt_output_wanted(orig, i))
		for (unsigned k = 0; k < size; k++)
			if (tt_type_written_back(sig->args[i].type, k))
				mask[k] = false;
	for (unsigned j = 0; j < sig->nargs; j++) {
		uint64_t out = orig->raw[j];
		unsigned osize = tt_arg_bytes(orig, j);

		if ((j == i && sig->args[i].dir == AD_INWB) ||
		    !tt_output_wanted(orig, j))
			continue;
		for (unsigned k = 0; k < size; k++)
			if (in + k >= out && in + k < out + osize)
				mask[k] = false;
	}
}

/* A detached value of input i decoded from bytes, into ev's pool. */
static int decode_detached(struct tt_event *ev, const struct tt_event *orig,
			   unsigned i, const uint8_t *bytes)
{
	const struct tt_arg *a = &orig->sc->sig->args[i];
	uint8_t saved = ev->nnotes;
	int node = tt_value_new(ev, a->name, TV_STRUCT);

	tt_decode_struct(ev, node, a->type, bytes,
			 tt_layout_of_arg(orig, i, orig->mem[i].len));
	ev->nnotes = saved;	/* padding notes belong to the call's own line */
	return node;
}

static void report_padding(struct tt_event *ev, const struct tt_event *orig,
			   unsigned i, const uint8_t *now, int entry_tree)
{
	const struct tt_arg *a = &orig->sc->sig->args[i];
	const struct tt_type *t = &tt_types[a->type];
	unsigned size = orig->mem[i].len;
	unsigned nth = 0;

	/* One finding per timespec whose padding changed (the type's row
	 * says where it is); the entry tree lists the tv_nsec fields in
	 * memory order. */
	for (unsigned off = 0; off + t->pad_every <= size;
	     off += t->pad_every, nth++) {
		uint32_t was, is;
		struct tt_note *n;
		int node = TT_NO_VALUE, seen = 0;

		memcpy(&was, orig->mem[i].bytes + off + t->pad_at, 4);
		memcpy(&is, now + off + t->pad_at, 4);
		if (was == is)
			continue;
		for (int k = entry_tree; k < ev->nv; k++)
			if (ev->v[k].name && strcmp(ev->v[k].name, "tv_nsec") == 0 &&
			    seen++ == (int)nth) {
				node = k;
				break;
			}
		n = finding(ev, TN_TOCTOU_PADDING, i);
		if (n) {
			n->node = (int16_t)node;
			n->node2 = (int16_t)entry_tree;
			n->a = was;
			n->b = is;
		}
	}
}

static void check_input(struct tt_event *ev, struct tt_event *orig,
			unsigned i, const struct tt_reread *again)
{
	const struct tt_arg *a = &orig->sc->sig->args[i];
	unsigned size = orig->mem[i].len;
	struct tt_time_layout lay = tt_layout_of(orig);
	const uint8_t *now = again->bytes;
	bool mask[TT_MAX_MEM];
	bool value_changed = false, padding_changed = false;

	if (again->gone)
		return;		/* killed before the re-read: no finding */
	if (!again->ok) {
		if (orig->seen_state[i] != 2)
			finding(ev, TN_TOCTOU_UNREADABLE, i);
		orig->seen_state[i] = 2;
		return;
	}
	/* Already reported at an earlier exit of the same call? */
	if (orig->seen_state[i] == 1 && !memcmp(orig->seen[i], now, size))
		return;
	orig->seen_state[i] = 1;
	memcpy(orig->seen[i], now, size);

	for (unsigned k = 0; k < size; k++)
		mask[k] = true;
	mask_kernel_writes(orig, i, size, mask);
	for (unsigned k = 0; k < size; k++) {
		if (!mask[k] || now[k] == orig->mem[i].bytes[k])
			continue;
		if (tt_type_padding(a->type, lay, k))
			padding_changed = true;
		else
			value_changed = true;
	}
	if (value_changed) {
		struct tt_note *n = finding(ev, TN_TOCTOU_CHANGED, i);

		if (n) {
			n->node = (int16_t)decode_detached(ev, orig, i,
							   orig->mem[i].bytes);
			n->node2 = (int16_t)decode_detached(ev, orig, i, now);
		}
	}
	if (padding_changed)
		report_padding(ev, orig, i, now,
			       decode_detached(ev, orig, i, orig->mem[i].bytes));
}

/* /proc/PID/fdinfo of a timerfd: "settime flags: 01", "it_interval: (s, ns)". */
/* It runs after every successful timerfd_settime: tt_proc_fdinfo keeps
 * the file open. */
bool tt_parse_timerfd_fdinfo(const char *text, unsigned *flags,
			     long long *sec, long long *nsec)
{
	const char *p;
	int found = 0;

	for (p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (sscanf(p, "settime flags: %o", flags) == 1)
			found |= 1;
		else if (sscanf(p, "it_interval: (%lld, %lld)", sec, nsec) == 2)
			found |= 2;
	}
	return found == 3;
}

static bool read_timerfd_info(pid_t tid, int fd, unsigned *flags,
			      long long *sec, long long *nsec)
{
	char buf[1024];
	ssize_t len = tt_proc_fdinfo(tid, fd, buf, sizeof(buf) - 1);

	if (len <= 0)
		return false;
	buf[len] = '\0';
	return tt_parse_timerfd_fdinfo(buf, flags, sec, nsec);
}

#define TFD_SETTIME_FLAGS 3u	/* what the kernel keeps of flags */

/* A call that armed a timerfd and succeeded: compare its it_interval and
 * flags with what the kernel kept. */
static void check_timerfd_armed(struct tcb *tcp, struct tt_event *ev)
{
	const struct tt_timing *tm = &ev->timing;
	unsigned flags;
	long long sec, nsec;
	int node, iv;

	if (tm->kind != TT_TIMING_ARM || tm->timer_kind != TT_TIMER_FD ||
	    !tm->has_value || ev->ret != TR_VALUE)
		return;
	if (!read_timerfd_info(tcp->tid, tm->timer, &flags, &sec, &nsec))
		return;
	if (flags == (tm->flags & TFD_SETTIME_FLAGS) &&
	    sec == tm->interval.sec && (uint64_t)nsec == tm->interval.frac)
		return;

	struct tt_note *n = finding(ev, TN_TIMERFD_ARMED, (unsigned)tm->timer_arg);

	if (!n)
		return;
	node = tt_value_new(ev, "fdinfo", TV_STRUCT);
	iv = tt_value_add(ev, node, "it_interval", TV_STRUCT);
	int s = tt_value_add(ev, iv, "tv_sec", TV_INT);
	int ns = tt_value_add(ev, iv, "tv_nsec", TV_UINT);
	int fl = tt_value_add(ev, node, "settime_flags", TV_FLAGS);

	if (s != TT_NO_VALUE)
		ev->v[s].s = sec;
	if (ns != TT_NO_VALUE)
		ev->v[ns].u = (uint64_t)nsec;
	if (fl != TT_NO_VALUE) {
		ev->v[fl].u = flags;
		ev->v[fl].xlat = &tt_xlat_tfd_settime_flags;
	}
	n->node = (int16_t)node;
}

unsigned tt_toctou_requests(const struct tt_event *orig,
			    struct tt_reread again[TT_MAX_ARGS],
			    struct tt_umove_req *r)
{
	const struct tt_signature *sig = orig->sc->sig;
	unsigned n = 0;

	for (unsigned i = 0; i < sig->nargs; i++) {
		again[i].wanted = tt_dir_input(sig->args[i].dir) && orig->raw[i] &&
				  orig->mem[i].ok && orig->mem[i].len;
		if (!again[i].wanted)
			continue;
		r[n++] = (struct tt_umove_req){
			.addr = orig->raw[i],
			.buf = again[i].bytes,
			.len = orig->mem[i].len,
			.addr_limit = tt_abi_addr_limit(orig->abi),
		};
	}
	return n;
}

void tt_toctou_check(struct tcb *tcp, struct tt_event *ev,
		     struct tt_event *orig,
		     const struct tt_reread again[TT_MAX_ARGS])
{
	const struct tt_signature *sig = orig->sc->sig;

	for (unsigned i = 0; i < sig->nargs; i++)
		if (again[i].wanted)
			check_input(ev, orig, i, &again[i]);
	if (ev == orig)
		check_timerfd_armed(tcp, ev);
}
