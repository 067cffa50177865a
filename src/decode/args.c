/* ttrace - one decoder body for every call: each argument is decoded by
 * its type from the signature; families differ only in the hooks of their
 * signature (src/decode/timer.c, timerfd.c, sleep.c). */
#include "abi.h"
#include "decode/decode.h"
#include "xlat/xlat.h"

static void decode_pointer(struct tt_event *ev, unsigned i, bool readable)
{
	const struct tt_arg *a = &ev->sc->sig->args[i];
	struct tt_value *v = &ev->v[i];

	if (ev->raw[i] == 0) {
		v->kind = TV_NULL;
		return;
	}
	v->u = ev->raw[i];
	if (!readable || !ev->mem[i].ok) {
		v->kind = TV_ADDR;
		v->why = readable ? TA_UNREADABLE : TA_NOT_WRITTEN;
		return;
	}
	tt_decode_struct(ev, (int)i, a->type, ev->mem[i].bytes, tt_layout_of(ev));
	/* A struct value keeps its address for renderers that want it. */
	v->u = ev->raw[i];
}

static void decode_scalar(struct tt_event *ev, unsigned i)
{
	const struct tt_arg *a = &ev->sc->sig->args[i];
	struct tt_value *v = &ev->v[i];
	/* int arguments are 32-bit in both ABIs: the kernel looks only at
	 * the low half of a 64-bit register. */
	int32_t as_int = (int32_t)(uint32_t)ev->raw[i];

	switch (a->type) {
	case AT_INT:
	case AT_FD:
	case AT_TIMERID:
		v->kind = TV_INT;
		v->s = as_int;
		break;
	case AT_CLOCKID:
		v->kind = TV_CLOCKID;
		v->s = as_int;
		break;
	case AT_TIMER_FLAGS:
		v->kind = TV_FLAGS;
		v->u = (uint32_t)as_int;
		v->xlat = &tt_xlat_timer_flags;
		break;
	case AT_TFD_SETTIME_FLAGS:
		v->kind = TV_FLAGS;
		v->u = (uint32_t)as_int;
		v->xlat = &tt_xlat_tfd_settime_flags;
		break;
	default:
		v->kind = TV_UINT;
		v->u = ev->raw[i];
		break;
	}
}

void tt_decode_entry(struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;

	for (unsigned i = 0; i < sig->nargs; i++) {
		switch (sig->args[i].dir) {
		case AD_VAL:
			decode_scalar(ev, i);
			break;
		case AD_IN:
			decode_pointer(ev, i, true);
			break;
		case AD_OUT:
			ev->v[i].kind = TV_PENDING;
			break;
		}
	}
}

static bool output_written(const struct tt_event *ev, unsigned i)
{
	if (ev->sc->sig->output_written)
		return ev->sc->sig->output_written(ev, i);
	return ev->ret == TR_VALUE;
}

bool tt_output_wanted(const struct tt_event *ev, unsigned i)
{
	return ev->sc->sig->args[i].dir == AD_OUT && ev->raw[i] != 0 &&
	       output_written(ev, i);
}

void tt_decode_exit(struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;

	for (unsigned i = 0; i < sig->nargs; i++)
		if (sig->args[i].dir == AD_OUT)
			decode_pointer(ev, i, output_written(ev, i));
}
