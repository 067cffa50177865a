/* ttrace - struct timespec and struct itimerspec, in both widths.
 *
 *   old_timespec32     s32 tv_sec @0, s32 tv_nsec @4          8 bytes
 *   __kernel_timespec  s64 tv_sec @0, s64 tv_nsec @8         16 bytes
 *   itimerspec         it_interval @0, it_value @sizeof(timespec)
 *
 * The kernel sign-extends time32 fields.  A compat (i386) task calling a
 * time64 entry point gets only the low 32 bits of tv_nsec looked at
 * (get_timespec64: "kts.tv_nsec &= 0xFFFFFFFFUL" when in_compat_syscall),
 * so that is the value ttrace shows, with a note when the upper half, the
 * padding, is not zero.
 */
#include <string.h>

#include "abi.h"
#include "decode/decode.h"

static unsigned timespec_size(enum tt_time_width w)
{
	return w == TW_32 ? 8 : 16;
}

unsigned tt_arg_size(enum tt_argtype type, enum tt_time_width width)
{
	switch (type) {
	case AT_TIMESPEC:
		return timespec_size(width);
	case AT_ITIMERSPEC:
		return 2 * timespec_size(width);
	default:
		return 0;
	}
}

bool tt_nsec_is_compat(const struct tt_event *ev)
{
	return ev->abi->bits == 32 && ev->sc->width == TW_64;
}

void tt_decode_timespec(struct tt_event *ev, int node, const uint8_t *b)
{
	int sec, nsec;

	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_STRUCT;
	sec = tt_value_add(ev, node, "tv_sec", TV_INT);
	nsec = tt_value_add(ev, node, "tv_nsec", TV_UINT);
	if (sec == TT_NO_VALUE || nsec == TT_NO_VALUE)
		return;

	if (ev->sc->width == TW_32) {
		int32_t s, ns;

		memcpy(&s, b, 4);
		memcpy(&ns, b + 4, 4);
		ev->v[sec].s = s;
		ev->v[nsec].u = (uint32_t)ns;
	} else {
		int64_t s;
		uint64_t ns;

		memcpy(&s, b, 8);
		memcpy(&ns, b + 8, 8);
		ev->v[sec].s = s;
		if (tt_nsec_is_compat(ev)) {
			ev->v[nsec].u = (uint32_t)ns;
			if (ns >> 32)
				tt_note_add(ev, TN_NSEC_PADDING, nsec, ns >> 32);
		} else {
			ev->v[nsec].u = ns;
		}
	}
}

void tt_decode_itimerspec(struct tt_event *ev, int node, const uint8_t *b)
{
	unsigned half = timespec_size(ev->sc->width);

	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_STRUCT;
	tt_decode_timespec(ev, tt_value_add(ev, node, "it_interval", TV_STRUCT), b);
	tt_decode_timespec(ev, tt_value_add(ev, node, "it_value", TV_STRUCT), b + half);
}
