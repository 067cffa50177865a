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

struct tt_time_layout tt_layout_of(const struct tt_event *ev)
{
	return (struct tt_time_layout){
		.width = ev->sc->width,
		.compat_nsec = ev->abi->bits == 32 && ev->sc->width == TW_64,
	};
}

void tt_timespec_values(const uint8_t *b, struct tt_time_layout lay,
			int64_t *sec, uint64_t *nsec, uint32_t *padding)
{
	*padding = 0;
	if (lay.width == TW_32) {
		int32_t s, ns;

		memcpy(&s, b, 4);
		memcpy(&ns, b + 4, 4);
		*sec = s;
		*nsec = (uint32_t)ns;
	} else {
		uint64_t ns;

		memcpy(sec, b, 8);
		memcpy(&ns, b + 8, 8);
		if (lay.compat_nsec) {
			*padding = (uint32_t)(ns >> 32);
			ns = (uint32_t)ns;
		}
		*nsec = ns;
	}
}

static void decode_timespec(struct tt_event *ev, int node, const uint8_t *b,
			    struct tt_time_layout lay)
{
	int sec, nsec;
	uint32_t pad;

	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_STRUCT;
	sec = tt_value_add(ev, node, "tv_sec", TV_INT);
	nsec = tt_value_add(ev, node, "tv_nsec", TV_UINT);
	if (sec == TT_NO_VALUE || nsec == TT_NO_VALUE)
		return;
	tt_timespec_values(b, lay, &ev->v[sec].s, &ev->v[nsec].u, &pad);
	if (pad)
		tt_note_add(ev, TN_NSEC_PADDING, nsec, pad);
}

void tt_decode_struct(struct tt_event *ev, int node, enum tt_argtype type,
		      const uint8_t *b, struct tt_time_layout lay)
{
	unsigned half = timespec_size(lay.width);

	if (node == TT_NO_VALUE)
		return;
	switch (type) {
	case AT_TIMESPEC:
		decode_timespec(ev, node, b, lay);
		break;
	case AT_ITIMERSPEC:
		ev->v[node].kind = TV_STRUCT;
		decode_timespec(ev, tt_value_add(ev, node, "it_interval", TV_STRUCT),
				b, lay);
		decode_timespec(ev, tt_value_add(ev, node, "it_value", TV_STRUCT),
				b + half, lay);
		break;
	default:
		break;
	}
}
