/* ttrace - struct sigevent, in both ABIs' layouts (timer_create).
 *
 *   native (x86_64)          compat (i386)
 *   sigev_value    @0  (8)   @0  (4)    union: sival_int is the low half
 *   sigev_signo    @8        @4
 *   sigev_notify   @12       @8
 *   _sigev_un      @16       @12        _tid; or function, attribute
 *
 * Both are 64 bytes; the native kernel copies all of them, the compat one
 * only up to _tid (get_compat_sigevent).  ttrace reads up to the end of
 * SIGEV_THREAD's pointers, as strace does.  What strace shows
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

void tt_decode_sigevent(struct tt_event *ev, int node, const uint8_t *b,
			struct tt_time_layout lay)
{
	unsigned ps = lay.ptr_size;
	uint64_t sival = tt_get_u(b, ps);
	int32_t signo = (int32_t)tt_get_s(b + ps, 4);
	int32_t notify = (int32_t)tt_get_s(b + ps + 4, 4);
	const uint8_t *un = b + ps + 8;
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
