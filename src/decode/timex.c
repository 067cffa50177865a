/* ttrace - struct timex, in both widths (clock_adjtime).
 *
 *   old_timex32 (i386 clock_adjtime32): every field 32 bits, the time an
 *     old_timeval32; 128 bytes.
 *   __kernel_timex (x86_64, i386 clock_adjtime64): modes and status int,
 *     the rest long long, with explicit padding so that both ABIs share
 *     the layout; 208 bytes.
 *
 * The fields are a table: each with its offset in both layouts.  strace
 * prints them all, in this order, with modes and status as flags; the
 * time's tv_usec unsigned, the rest signed.
 */
#include "decode/decode.h"
#include "xlat/xlat.h"

enum field_kind { FK_INT, FK_FLAGS, FK_TIMEVAL };

struct timex_field {
	const char *name;
	uint8_t off32, off64, size64;	/* every old_timex32 field is 4 bytes */
	uint8_t kind;			/* enum field_kind */
	const struct tt_xlat *xlat;
};

static const struct timex_field fields[] = {
	{ "modes", 0, 0, 4, FK_FLAGS, &tt_xlat_adjtimex_modes },
	{ "offset", 4, 8, 8, FK_INT, NULL },
	{ "freq", 8, 16, 8, FK_INT, NULL },
	{ "maxerror", 12, 24, 8, FK_INT, NULL },
	{ "esterror", 16, 32, 8, FK_INT, NULL },
	{ "status", 20, 40, 4, FK_FLAGS, &tt_xlat_adjtimex_status },
	{ "constant", 24, 48, 8, FK_INT, NULL },
	{ "precision", 28, 56, 8, FK_INT, NULL },
	{ "tolerance", 32, 64, 8, FK_INT, NULL },
	{ "time", 36, 72, 8, FK_TIMEVAL, NULL },
	{ "tick", 44, 88, 8, FK_INT, NULL },
	{ "ppsfreq", 48, 96, 8, FK_INT, NULL },
	{ "jitter", 52, 104, 8, FK_INT, NULL },
	{ "shift", 56, 112, 4, FK_INT, NULL },
	{ "stabil", 60, 120, 8, FK_INT, NULL },
	{ "jitcnt", 64, 128, 8, FK_INT, NULL },
	{ "calcnt", 68, 136, 8, FK_INT, NULL },
	{ "errcnt", 72, 144, 8, FK_INT, NULL },
	{ "stbcnt", 76, 152, 8, FK_INT, NULL },
	{ "tai", 80, 160, 4, FK_INT, NULL },
};

void tt_decode_timex(struct tt_event *ev, int node, const uint8_t *b,
		     struct tt_time_layout lay)
{
	bool narrow = lay.width == TW_32;

	ev->v[node].kind = TV_STRUCT;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const struct timex_field *f = &fields[i];
		const uint8_t *p = b + (narrow ? f->off32 : f->off64);
		unsigned size = narrow ? 4 : f->size64;
		int v, s, us;

		switch (f->kind) {
		case FK_INT:
			v = tt_value_add(ev, node, f->name, TV_INT);
			if (v != TT_NO_VALUE)
				ev->v[v].s = tt_get_s(p, size);
			break;
		case FK_FLAGS:
			v = tt_value_add(ev, node, f->name, TV_FLAGS);
			if (v != TT_NO_VALUE) {
				ev->v[v].u = tt_get_u(p, size);
				ev->v[v].xlat = f->xlat;
			}
			break;
		case FK_TIMEVAL:
			v = tt_value_add(ev, node, f->name, TV_STRUCT);
			s = tt_value_add(ev, v, "tv_sec", TV_INT);
			us = tt_value_add(ev, v, "tv_usec", TV_UINT);
			if (s != TT_NO_VALUE && us != TT_NO_VALUE) {
				ev->v[s].s = tt_get_s(p, size);
				ev->v[us].u = tt_get_u(p + size, size);
			}
			break;
		}
	}
}
