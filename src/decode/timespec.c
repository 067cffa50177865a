/* ttrace - struct timespec, itimerspec and itimerval, in both widths,
 * and the readers of the ints the kernel writes back; the struct readers'
 * dispatch (their table is types.c; timex.c and sigevent.c hold the
 * other readers).
 *
 *   old_timespec32     s32 tv_sec @0, s32 tv_nsec @4          8 bytes
 *   __kernel_timespec  s64 tv_sec @0, s64 tv_nsec @8         16 bytes
 *   itimerspec         it_interval @0, it_value @sizeof(timespec)
 *   old_itimerval32    two {s32 tv_sec, s32 tv_usec}          16 bytes
 *   itimerval (x86_64) two {s64 tv_sec, s64 tv_usec}          32 bytes
 *
 * setitimer and getitimer have no time64 twin: an i386 program passes
 * the 32-bit layout (compat_sys_setitimer), so their i386 rows are TW_32.
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

struct tt_time_layout tt_layout_of(const struct tt_event *ev)
{
	return (struct tt_time_layout){
		.width = ev->sc->width,
		.compat_nsec = ev->abi->bits == 32 && ev->sc->width == TW_64,
		.ptr_size = (uint8_t)ev->abi->ptr_size,
	};
}

uint64_t tt_get_u(const uint8_t *b, unsigned size)
{
	if (size == 4) {
		uint32_t v;

		memcpy(&v, b, 4);
		return v;
	}
	uint64_t v;

	memcpy(&v, b, 8);
	return v;
}

int64_t tt_get_s(const uint8_t *b, unsigned size)
{
	uint64_t v = tt_get_u(b, size);

	return size == 4 ? (int32_t)(uint32_t)v : (int64_t)v;
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

void tt_read_timespec(struct tt_event *ev, int node, const uint8_t *b,
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

/* A timeval: tv_sec signed, tv_usec unsigned, both at the row's width
 * (the kernel takes no padding out of a timeval). */
void tt_read_timeval(struct tt_event *ev, int node, const uint8_t *b,
		     struct tt_time_layout lay)
{
	unsigned w = lay.width == TW_32 ? 4 : 8;
	int sec, usec;

	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_STRUCT;
	sec = tt_value_add(ev, node, "tv_sec", TV_INT);
	usec = tt_value_add(ev, node, "tv_usec", TV_UINT);
	if (sec == TT_NO_VALUE || usec == TT_NO_VALUE)
		return;
	ev->v[sec].s = tt_get_s(b, w);
	ev->v[usec].u = tt_get_u(b + w, w);
}

/* itimerspec and itimerval: it_interval, then it_value. */
static void decode_pair(struct tt_event *ev, int node, const uint8_t *b,
			struct tt_time_layout lay, tt_struct_reader *half)
{
	ev->v[node].kind = TV_STRUCT;
	half(ev, tt_value_add(ev, node, "it_interval", TV_STRUCT), b, lay);
	half(ev, tt_value_add(ev, node, "it_value", TV_STRUCT),
	     b + timespec_size(lay.width), lay);
}

void tt_read_itimerspec(struct tt_event *ev, int node, const uint8_t *b,
			struct tt_time_layout lay)
{
	decode_pair(ev, node, b, lay, tt_read_timespec);
}

void tt_read_itimerval(struct tt_event *ev, int node, const uint8_t *b,
		       struct tt_time_layout lay)
{
	decode_pair(ev, node, b, lay, tt_read_timeval);
}

/* An int or u64 the kernel wrote back, as strace shows it: "[N]" (for
 * a timerfd's u64 count strace shows the 8 bytes as a string). */
static void array_of_one(struct tt_event *ev, int node, const uint8_t *b,
			 unsigned size, enum tt_vkind kind)
{
	int v;

	ev->v[node].kind = TV_ARRAY;
	v = tt_value_add(ev, node, NULL, kind);
	if (v == TT_NO_VALUE)
		return;
	if (kind == TV_INT)
		ev->v[v].s = tt_get_s(b, size);
	else
		ev->v[v].u = tt_get_u(b, size);
}

void tt_read_int_array(struct tt_event *ev, int node, const uint8_t *b,
		       struct tt_time_layout lay)
{
	(void)lay;
	array_of_one(ev, node, b, 4, TV_INT);
}

void tt_read_u64_array(struct tt_event *ev, int node, const uint8_t *b,
		       struct tt_time_layout lay)
{
	(void)lay;
	array_of_one(ev, node, b, 8, TV_UINT);
}

void tt_decode_struct(struct tt_event *ev, int node, enum tt_argtype type,
		      const uint8_t *b, struct tt_time_layout lay)
{
	if (node == TT_NO_VALUE || !tt_types[type].read)
		return;
	tt_types[type].read(ev, node, b, lay);
}
