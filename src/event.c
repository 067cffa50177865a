/* ttrace - building the value tree of an event. */
#include <stdio.h>
#include <stdbool.h>
#include <string.h>

#include "event.h"

void tt_event_init(struct tt_event *ev, const struct tt_syscall *sc,
		   const struct tt_abi *abi, pid_t tid, long nr,
		   const uint64_t raw[TT_MAX_ARGS])
{
	ev->sc = sc;
	ev->abi = abi;
	ev->tid = tid;
	ev->nr = nr;
	memcpy(ev->raw, raw, sizeof(ev->raw));
	for (unsigned i = 0; i < TT_MAX_ARGS; i++) {
		ev->mem[i].ok = false;
		ev->mem[i].len = 0;
		ev->back[i].ok = false;
		ev->back[i].len = 0;
		ev->sub[i].ok = false;
		ev->v[i] = (struct tt_value){
			.kind = TV_PENDING,
			.child = TT_NO_VALUE,
			.next = TT_NO_VALUE,
			.name = i < sc->sig->nargs ? sc->sig->args[i].name : NULL,
		};
	}
	ev->nv = TT_MAX_ARGS;
	ev->result = TT_NO_VALUE;
	ev->nshown = sc->sig->nargs;
	ev->nnotes = 0;
	memset(ev->seen_state, 0, sizeof(ev->seen_state));
	ev->ret = TR_NONE;
	ev->rval = 0;
	ev->err = 0;
	ev->ret_path = 0;
	ev->fds.n = 0;
	ev->fds.used = 0;
	ev->resumes = NULL;
	ev->timing = (struct tt_timing){ .kind = TT_TIMING_NONE,
					 .timer_arg = -1 };
	ev->has_lateness = false;
	ev->stack.captured = false;
	ev->stack.n = 0;
	ev->has_timer_clock = false;
}

int tt_value_new(struct tt_event *ev, const char *name, enum tt_vkind kind)
{
	int idx;

	if (ev->nv >= TT_MAX_VALUES)
		return TT_NO_VALUE;
	idx = ev->nv++;
	ev->v[idx] = (struct tt_value){
		.kind = kind,
		.child = TT_NO_VALUE,
		.next = TT_NO_VALUE,
		.name = name,
	};
	return idx;
}

int tt_value_add(struct tt_event *ev, int parent, const char *name,
		 enum tt_vkind kind)
{
	int idx;
	int16_t *p;

	if (parent == TT_NO_VALUE)
		return TT_NO_VALUE;
	idx = tt_value_new(ev, name, kind);
	if (idx == TT_NO_VALUE)
		return TT_NO_VALUE;
	/* Append to the parent's list of fields. */
	p = &ev->v[parent].child;
	while (*p != TT_NO_VALUE)
		p = &ev->v[*p].next;
	*p = (int16_t)idx;
	return idx;
}

struct tt_note *tt_note_add(struct tt_event *ev, enum tt_note_kind kind,
			    int node, uint64_t a)
{
	struct tt_note *n;

	if (ev->nnotes >= TT_MAX_NOTES)
		return NULL;
	n = &ev->notes[ev->nnotes++];
	*n = (struct tt_note){
		.kind = kind,
		.arg = -1,
		.node = (int16_t)node,
		.node2 = TT_NO_VALUE,
		.a = a,
	};
	return n;
}

/* Depth-first search for node under root, writing the names on the way. */
static int find_path(const struct tt_event *ev, int root, int node,
		     char *buf, size_t size, size_t len)
{
	int n = snprintf(buf + len, len < size ? size - len : 0, "%s%s",
			 len ? "." : "", ev->v[root].name ? ev->v[root].name : "?");

	if (n < 0)
		return 0;
	len += (size_t)n;
	if (root == node)
		return 1;
	for (int c = ev->v[root].child; c != TT_NO_VALUE; c = ev->v[c].next)
		if (find_path(ev, c, node, buf, size, len))
			return 1;
	return 0;
}

/* Is idx the root of a tree: an argument, or a detached value no field
 * list points to? */
static bool is_root(const struct tt_event *ev, int idx)
{
	if (idx < ev->sc->sig->nargs)
		return true;
	if (idx < TT_MAX_ARGS)
		return false;
	for (int i = 0; i < ev->nv; i++)
		if (ev->v[i].child == idx || ev->v[i].next == idx)
			return false;
	return true;
}

char *tt_value_path(const struct tt_event *ev, int node, char *buf,
		    size_t size)
{
	for (int i = 0; i < ev->nv; i++)
		if (is_root(ev, i) && find_path(ev, i, node, buf, size, 0))
			return buf;
	buf[0] = '\0';
	return buf;
}

int tt_value_field(const struct tt_event *ev, int node, const char *name)
{
	if (node == TT_NO_VALUE || ev->v[node].kind != TV_STRUCT)
		return TT_NO_VALUE;
	for (int c = ev->v[node].child; c != TT_NO_VALUE; c = ev->v[c].next)
		if (ev->v[c].name && strcmp(ev->v[c].name, name) == 0)
			return c;
	return TT_NO_VALUE;
}

bool tt_value_timespec_ns(const struct tt_event *ev, int node, int64_t *ns)
{
	int sec = tt_value_field(ev, node, "tv_sec");
	int nsec = tt_value_field(ev, node, "tv_nsec");
	int64_t s;

	if (sec == TT_NO_VALUE || nsec == TT_NO_VALUE)
		return false;
	s = ev->v[sec].s;
	if (s < 0 || ev->v[nsec].u >= 1000000000 ||
	    __builtin_mul_overflow(s, (int64_t)1000000000, ns) ||
	    __builtin_add_overflow(*ns, (int64_t)ev->v[nsec].u, ns))
		return false;
	return true;
}
