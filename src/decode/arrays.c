/* ttrace - arrays and sets the waits pass: arrays of structs (pollfds,
 * epoll events), bit sets of fds (fd_set) and of signals (sigset_t).
 *
 * The core reads an array's first TT_MAX_MEM bytes (src/decode/types.c,
 * tt_arg_bytes); like strace with its default -s 32, ttrace shows the
 * first tt_max_shown (-s) elements and then "...".  Bit sets are arrays of
 * the ABI's longs, little-endian: bit n of the set is bit n % 8 of byte
 * n / 8 whatever the long's size. */
#include "decode/decode.h"

unsigned tt_max_shown = TT_MAX_SHOWN;

int tt_array_begin(struct tt_event *ev, int node, uint64_t addr)
{
	ev->v[node].kind = TV_ARRAY;
	ev->v[node].u = addr;
	return node;
}

bool tt_array_room(struct tt_event *ev, int node, unsigned shown,
		   uint64_t left)
{
	int more;

	if (shown < tt_max_shown)
		return true;
	more = tt_value_add(ev, node, NULL, TV_MORE);
	if (more != TT_NO_VALUE)
		ev->v[more].u = left;
	return false;
}

void tt_read_elems(struct tt_event *ev, int node, const uint8_t *b,
		   struct tt_time_layout lay, unsigned elem_size,
		   tt_elem_reader *read_elem)
{
	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_ARRAY;
	for (unsigned i = 0; i < lay.count; i++) {
		if (!tt_array_room(ev, node, i, (uint64_t)lay.total - i))
			return;
		read_elem(ev, tt_value_add(ev, node, NULL, TV_STRUCT),
			  b + (size_t)i * elem_size, lay);
	}
	/* more than the bytes ttrace reads */
	if (lay.total > lay.count)
		tt_array_room(ev, node, tt_max_shown, lay.total - lay.count);
}

bool tt_bit_set(const uint8_t *b, unsigned n)
{
	return b[n / 8] >> (n % 8) & 1;
}

void tt_read_fdset(struct tt_event *ev, int node, const uint8_t *b,
		   struct tt_time_layout lay)
{
	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_FDSET;
	for (unsigned fd = 0; fd < lay.count; fd++) {
		int v;

		if (!tt_bit_set(b, fd))
			continue;
		v = tt_value_add(ev, node, NULL, TV_FD);
		if (v == TT_NO_VALUE)
			return;
		ev->v[v].s = fd;
	}
}

void tt_read_sigset(struct tt_event *ev, int node, const uint8_t *b,
		    struct tt_time_layout lay)
{
	(void)lay;
	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_SIGSET;
	ev->v[node].u = tt_get_u(b, 8);
}

/* strace shows a sigset only for a size the kernel could take: a whole
 * number of the ABI's longs, at most the 8 bytes of 64 signals; then the
 * signals of those bytes. */
static bool sigset_size_shown(uint64_t size, unsigned ptr_size)
{
	return size >= ptr_size && size <= 8 && size % ptr_size == 0;
}

static uint64_t sigset_cut(uint64_t set, uint64_t size)
{
	return size < 8 ? set & ((UINT64_C(1) << (8 * size)) - 1) : set;
}

/* pselect6's and io_pgetevents' {const sigset_t *ss; size_t ss_len}, in
 * the ABI's longs: strace shows the set only for a size the kernel could
 * take (a whole number of longs, at most the 8 bytes of 64 signals),
 * else its address. */
void tt_read_sigmask_arg(struct tt_event *ev, int node, const uint8_t *b,
			 struct tt_time_layout lay)
{
	uint64_t ss = tt_get_u(b, lay.ptr_size);
	uint64_t len = tt_get_u(b + lay.ptr_size, lay.ptr_size);
	int set, size;

	if (node == TT_NO_VALUE)
		return;
	ev->v[node].kind = TV_STRUCT;
	set = tt_value_add(ev, node, "sigmask", TV_ADDR);
	size = tt_value_add(ev, node, "sigsetsize", TV_UINT);
	if (set == TT_NO_VALUE || size == TT_NO_VALUE)
		return;
	ev->v[size].u = len;
	ev->v[set].u = ss;
	ev->v[set].why = TA_UNREADABLE;
	if (!ss) {
		ev->v[set].kind = TV_NULL;
	} else if (lay.sub_ok && sigset_size_shown(len, lay.ptr_size)) {
		ev->v[set].kind = TV_SIGSET;
		ev->v[set].u = sigset_cut(tt_get_u(lay.sub, 8), len);
	}
}

void tt_sigset_sized(struct tt_event *ev, unsigned set_arg, unsigned size_arg)
{
	uint64_t size = ev->raw[size_arg];
	struct tt_value *v = &ev->v[set_arg];

	if (v->kind != TV_SIGSET)
		return;		/* NULL or unreadable */
	if (!sigset_size_shown(size, tt_layout_of(ev).ptr_size)) {
		tt_arg_not_shown(ev, set_arg);
		ev->mem[set_arg].ok = false;
		return;
	}
	v->u = sigset_cut(v->u, size);
}

int tt_result_item(struct tt_event *ev, const char *name, enum tt_vkind kind,
		   bool label)
{
	int item;

	if (ev->result == TT_NO_VALUE)
		ev->result = (int16_t)tt_value_new(ev, "result", TV_LIST);
	item = tt_value_add(ev, ev->result, name, kind);
	if (item != TT_NO_VALUE)
		ev->v[item].label = label;
	return item;
}

void tt_result_left(struct tt_event *ev, unsigned i)
{
	const struct tt_mem *m = &ev->back[i];
	int node;

	if (!ev->raw[i])
		return;
	node = tt_result_item(ev, "left", TV_ADDR, true);
	if (node == TT_NO_VALUE)
		return;
	ev->v[node].u = ev->raw[i];
	if (!m->ok) {
		ev->v[node].why = TA_UNREADABLE;
		return;
	}
	tt_decode_struct(ev, node, ev->sc->sig->args[i].type, m->bytes,
			 tt_layout_of(ev));
}
