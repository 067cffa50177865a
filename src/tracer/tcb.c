/* ttrace - per-thread contexts, in a hash table by tid. */
#include <stdlib.h>

#include "abi.h"
#include "error.h"
#include "process.h"
#include "tcb.h"

#define NBUCKETS 512

static struct tcb *buckets[NBUCKETS];
static unsigned count;
static void (*delete_hook)(struct tcb *tcp);

void tt_tcb_set_delete_hook(void (*fn)(struct tcb *tcp))
{
	delete_hook = fn;
}

static struct tcb **bucket(pid_t tid)
{
	return &buckets[(unsigned)tid % NBUCKETS];
}

struct tcb *tt_tcb_find(pid_t tid)
{
	for (struct tcb *t = *bucket(tid); t; t = t->hash_next)
		if (t->tid == tid)
			return t;
	return NULL;
}

struct tcb *tt_tcb_new(pid_t tid, unsigned flags)
{
	struct tcb *t = tt_xcalloc(1, sizeof(*t));
	struct tcb **b = bucket(tid);

	t->tid = tid;
	t->pid = tid;
	t->proc = tt_process_hold(tid);
	t->flags = flags;
	t->abi = TT_ABI_NATIVE;
	t->hash_next = *b;
	*b = t;
	count++;
	return t;
}

void tt_tcb_delete(struct tcb *tcp)
{
	if (delete_hook)
		delete_hook(tcp);
	tt_process_release(tcp->proc);
	for (struct tcb **p = bucket(tcp->tid); *p; p = &(*p)->hash_next) {
		if (*p == tcp) {
			*p = tcp->hash_next;
			count--;
			free(tcp);
			return;
		}
	}
}

void tt_tcb_set_pid(struct tcb *tcp, pid_t pid)
{
	if (tcp->proc && tcp->proc->pid == pid)
		return;
	tt_process_release(tcp->proc);
	tcp->proc = tt_process_hold(pid);
	tcp->pid = pid;
}

unsigned tt_tcb_count(void)
{
	return count;
}

void tt_tcb_foreach(void (*fn)(struct tcb *tcp, void *arg), void *arg)
{
	for (unsigned i = 0; i < NBUCKETS; i++) {
		struct tcb *t = buckets[i], *next;

		for (; t; t = next) {
			next = t->hash_next;
			fn(t, arg);
		}
	}
}
