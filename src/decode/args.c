/* ttrace - one decoder body for every call: each argument is decoded by
 * its type from the signature, as the type's row in tt_types (types.c)
 * says; families differ only in the hooks of their signature
 * (src/decode/timer.c, timerfd.c, sleep.c). */
#include <string.h>

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
	tt_decode_struct(ev, (int)i, a->type, ev->mem[i].bytes,
			 tt_layout_of_arg(ev, i, ev->mem[i].len));
	/* A struct value keeps its address for renderers that want it (a
	 * sigset's .u is the set). */
	if (v->kind != TV_SIGSET)
		v->u = ev->raw[i];
}

/* A by-value argument, as its type's row says. */
static void decode_scalar(struct tt_event *ev, unsigned i)
{
	const struct tt_type *t = &tt_types[ev->sc->sig->args[i].type];
	struct tt_value *v = &ev->v[i];
	/* int arguments are 32-bit in both ABIs: the kernel looks only at
	 * the low half of a 64-bit register. */
	int32_t as_int = (int32_t)(uint32_t)ev->raw[i];

	v->kind = t->vkind;
	switch (t->scalar) {
	case TT_SCALAR_S32:
		v->s = as_int;
		break;
	case TT_SCALAR_U32:
		v->u = (uint32_t)as_int;
		break;
	case TT_SCALAR_SLONG:
		v->s = ev->abi->ptr_size == 4 ? (int32_t)(uint32_t)ev->raw[i] :
			(int64_t)ev->raw[i];
		break;
	default:	/* the register, already cut to the ABI's width */
		v->u = ev->raw[i];
		break;
	}
	if (t->xlat)
		v->xlat = t->xlat;
}

void tt_arg_not_shown(struct tt_event *ev, unsigned i)
{
	struct tt_value *v = &ev->v[i];

	if (v->kind == TV_NULL)
		return;
	v->kind = TV_ADDR;
	v->why = TA_NOT_SHOWN;
	v->u = ev->raw[i];
	v->child = TT_NO_VALUE;
}

/* Each argument by its type, as the signature says. */
static void decode_args(struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;

	for (unsigned i = 0; i < sig->nargs; i++) {
		switch (sig->args[i].dir) {
		case AD_VAL:
			decode_scalar(ev, i);
			break;
		case AD_IN:
		case AD_INWB:
		case AD_IN_EXIT:
			decode_pointer(ev, i, true);
			break;
		case AD_OUT:
		case AD_INOUT:	/* read now, shown as the kernel leaves it */
			ev->v[i].kind = TV_PENDING;
			break;
		}
	}
}

void tt_decode_entry(struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;

	decode_args(ev);
	if (sig->decode_entry)
		sig->decode_entry(ev);
	tt_timing_entry(ev);
}

static bool output_written(const struct tt_event *ev, unsigned i)
{
	if (ev->sc->sig->output_written)
		return ev->sc->sig->output_written(ev, i);
	return ev->ret == TR_VALUE;
}

bool tt_output_wanted(const struct tt_event *ev, unsigned i)
{
	uint8_t dir = ev->sc->sig->args[i].dir;

	return (tt_dir_output(dir) || dir == AD_INWB) && ev->raw[i] != 0 &&
	       output_written(ev, i);
}

void tt_decode_exit(struct tt_event *ev)
{
	const struct tt_signature *sig = ev->sc->sig;

	for (unsigned i = 0; i < sig->nargs; i++)
		if (tt_dir_output(sig->args[i].dir))
			decode_pointer(ev, i, output_written(ev, i));
		else if (sig->args[i].dir == AD_IN_EXIT && ev->ret == TR_ERROR)
			tt_arg_not_shown(ev, i);
	if (sig->result && ev->ret == TR_VALUE)
		sig->result(ev);
	tt_timing_exit(ev);
}

bool tt_decode_indirect(struct tt_event *ev)
{
	const struct tt_syscall *sc = ev->sc->sig->indirect;
	unsigned size = ev->abi->ptr_size;
	uint64_t raw[TT_MAX_ARGS] = { 0 };

	if (!sc || !ev->mem[0].ok || ev->mem[0].len < sc->sig->nargs * size)
		return false;
	for (unsigned i = 0; i < sc->sig->nargs; i++)
		raw[i] = tt_get_u(ev->mem[0].bytes + i * size, size);
	tt_event_init(ev, sc, ev->abi, ev->tid, ev->nr, raw);
	return true;
}

void tt_decode_subcall(struct tt_event *ev, const struct tt_syscall *sc,
		       const uint8_t *from)
{
	unsigned n = sc->sig->nargs;
	uint64_t raw[TT_MAX_ARGS] = { 0 };
	struct { bool ok, sub_ok; uint16_t len; } kept[TT_MAX_ARGS];

	/* in place: from[i] >= i, so no source is overwritten before use */
	for (unsigned i = 0; i < n; i++) {
		unsigned k = from[i];

		raw[i] = ev->raw[k];
		kept[i].ok = ev->mem[k].ok;
		kept[i].len = ev->mem[k].len;
		kept[i].sub_ok = ev->sub[k].ok;
		if (k != i) {
			memcpy(ev->mem[i].bytes, ev->mem[k].bytes,
			       sizeof(ev->mem[i].bytes));
			memcpy(ev->sub[i].bytes, ev->sub[k].bytes,
			       sizeof(ev->sub[i].bytes));
		}
	}
	tt_event_init(ev, sc, ev->abi, ev->tid, ev->nr, raw);
	for (unsigned i = 0; i < n; i++) {
		ev->mem[i].ok = kept[i].ok;
		ev->mem[i].len = kept[i].len;
		ev->sub[i].ok = kept[i].sub_ok;
	}
	decode_args(ev);
}
