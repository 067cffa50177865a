/* ttrace - struct sigevent, in both ABIs' layouts (timer_create).
 *
 *   native (x86_64)          compat (i386: compat_sigevent)
 *   sigev_value    @0  (8)   @0  (4)    union: sival_int is the low half
 *   sigev_signo    @8        @4
 *   sigev_notify   @12       @8
 *   _sigev_un      @16       @12        _tid; or _function, _attribute
 *     _function    @16 (8)   @12 (4)
 *     _attribute   @24 (8)   @16 (4)
 *
 * Both are 64 bytes (the union is padded); the native kernel copies all of
 * them, the compat one only up to _tid (get_compat_sigevent).  ttrace reads
 * up to the end of _attribute, SIGEV_THREAD's last pointer, as strace does
 * (its struct_sigevent: 32 bytes native, 20 compat).  What strace shows
 * depends on sigev_notify: the value only when the pointer is not NULL,
 * the signal by name when a signal is sent, the thread for
 * SIGEV_THREAD_ID, glibc's function and attributes for SIGEV_THREAD (the
 * kernel treats that as SIGEV_SIGNAL).
 */
#include "decode/decode.h"
#include "xlat/xlat.h"

#define SIGEV_SIGNAL 0
#define SIGEV_THREAD 2
#define SIGEV_THREAD_ID 4

static int add_int(struct tt_event *ev, int node, const char *name,
		   enum tt_vkind kind, int64_t val)
{
	int v = tt_value_add(ev, node, name, kind);

	if (v != TT_NO_VALUE)
		ev->v[v].s = val;
	return v;
}

/* The union follows sigev_value (a pointer wide) and two ints; in it
 * SIGEV_THREAD's function and attributes, a pointer wide each: ttrace
 * reads up to their end (its row in types.c: 20 compat, 32 native). */
static unsigned union_at(unsigned ptr_size)
{
	return ptr_size + 8;
}

struct tt_sigevent_head tt_sigevent_head(const uint8_t *b, unsigned ptr_size)
{
	return (struct tt_sigevent_head){
		.sival = tt_get_u(b, ptr_size),
		.signo = (int32_t)tt_get_s(b + ptr_size, 4),
		.notify = (int32_t)tt_get_s(b + ptr_size + 4, 4),
	};
}

void tt_decode_sigevent(struct tt_event *ev, int node, const uint8_t *b,
			struct tt_time_layout lay)
{
	unsigned ps = lay.ptr_size;
	struct tt_sigevent_head h = tt_sigevent_head(b, ps);
	uint64_t sival = h.sival;
	int32_t signo = h.signo, notify = h.notify;
	const uint8_t *un = b + union_at(ps);
	int v;

	ev->v[node].kind = TV_STRUCT;
	if (sival) {
		v = tt_value_add(ev, node, "sigev_value", TV_STRUCT);
		add_int(ev, v, "sival_int", TV_INT, (int32_t)(uint32_t)sival);
		add_int(ev, v, "sival_ptr", TV_PTR, (int64_t)sival);
	}
	switch (notify) {
	case SIGEV_SIGNAL:
	case SIGEV_THREAD:
	case SIGEV_THREAD_ID:
		add_int(ev, node, "sigev_signo", TV_SIGNAL, signo);
		break;
	default:
		add_int(ev, node, "sigev_signo", TV_UINT, (uint32_t)signo);
		break;
	}
	v = add_int(ev, node, "sigev_notify", TV_XVAL, (uint32_t)notify);
	if (v != TT_NO_VALUE)
		ev->v[v].xlat = &tt_xlat_sigev_notify;
	if (notify == SIGEV_THREAD_ID) {
		add_int(ev, node, "sigev_notify_thread_id", TV_INT,
			(int32_t)tt_get_s(un, 4));
	} else if (notify == SIGEV_THREAD) {
		add_int(ev, node, "sigev_notify_function", TV_PTR,
			(int64_t)tt_get_u(un, ps));
		add_int(ev, node, "sigev_notify_attributes", TV_PTR,
			(int64_t)tt_get_u(un + ps, ps));
	}
}
