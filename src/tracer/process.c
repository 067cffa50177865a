/* ttrace - per-process contexts, in a hash table by pid (see process.h). */
#include <stdlib.h>

#include "error.h"
#include "known.h"
#include "process.h"
#include "unwind.h"

#define NBUCKETS 256

static struct tt_process *buckets[NBUCKETS];
static unsigned count;

static struct tt_process **bucket(pid_t pid)
{
	return &buckets[(unsigned)pid % NBUCKETS];
}

struct tt_process *tt_process_hold(pid_t pid)
{
	struct tt_process *p;

	for (p = *bucket(pid); p; p = p->hash_next)
		if (p->pid == pid)
			break;
	if (!p) {
		p = tt_xcalloc(1, sizeof(*p));
		p->pid = pid;
		p->hash_next = *bucket(pid);
		*bucket(pid) = p;
		count++;
	}
	p->threads++;
	return p;
}

void tt_process_release(struct tt_process *p)
{
	if (!p || --p->threads > 0)
		return;
	for (struct tt_process **pp = bucket(p->pid); *pp; pp = &(*pp)->hash_next) {
		if (*pp == p) {
			*pp = p->hash_next;
			break;
		}
	}
	/* The last thread is gone: so are its timers and its maps. */
	tt_known_free(p->known);
	tt_unwind_free(p->unwind);
	count--;
	free(p);
}

unsigned tt_process_count(void)
{
	return count;
}
