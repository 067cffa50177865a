/* ttrace fuzz target: the value tree of an event (src/event.c).
 *
 * Builds trees with tt_value_new and tt_value_add (fields appended to any
 * value built so far), adds notes until the event is full, and asks
 * tt_value_path for the path of any value into a buffer of any size from
 * 1 to 128 bytes, allocated to exactly that size so that a write past it
 * is caught.
 *
 * Input: u8 ABI, u8 row (the event's call: its arguments are the first
 * roots), then ops until the input ends: u8 op (bits 0-1: new, add, path,
 * note; bits 2-4: the kind; bits 5-7: the name), u8 value (0xff: none,
 * else an index modulo the values built), and for a path u8 size.
 */
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "event.h"
#include "fuzz.h"

#define MAX_OPS 256

static const char *const names[8] = {
	"it_interval", "it_value", "tv_sec", "tv_nsec", NULL, "",
	"a_rather_long_field_name_that_fills_a_path_quickly", "x",
};

static struct tt_event ev;

static int pick(struct fz *f)
{
	uint8_t b = fz_u8(f);

	return b == 0xff ? TT_NO_VALUE : b % ev.nv;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz in = { data, size };
	const struct tt_abi *abi;
	const struct tt_syscall *sc = NULL;
	uint64_t raw[TT_MAX_ARGS] = { 0 };
	unsigned na = 0, nrows = 0, want;

	while (tt_abis[na])
		na++;
	abi = tt_abis[fz_u8(&in) % na];
	for (long nr = 0; nr < (long)abi->nsyscalls; nr++)
		nrows += tt_abi_syscall(abi, nr) != NULL;
	want = fz_u8(&in) % nrows;
	for (long nr = 0; nr < (long)abi->nsyscalls; nr++)
		if ((sc = tt_abi_syscall(abi, nr)) && want-- == 0)
			break;
	tt_event_init(&ev, sc, abi, 1, 0, raw);

	for (unsigned k = 0; k < MAX_OPS && in.n; k++) {
		uint8_t op = fz_u8(&in);
		const char *name = names[op >> 5];
		enum tt_vkind kind = (enum tt_vkind)((op >> 2) & 7);
		int v = pick(&in);

		switch (op & 3) {
		case 0:
			tt_value_new(&ev, name, kind);
			break;
		case 1:
			tt_value_add(&ev, v, name, kind);
			break;
		case 2: {
			size_t len = 1 + fz_u8(&in) % 128;
			char *buf = malloc(len);

			if (!buf)
				abort();
			if (tt_value_path(&ev, v, buf, len) != buf ||
			    !memchr(buf, '\0', len))
				abort();
			free(buf);
			break;
		}
		case 3:
			tt_note_add(&ev, (enum tt_note_kind)(kind % 5), v, op);
			break;
		}
	}
	return 0;
}
