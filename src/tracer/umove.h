/* ttrace - reading tracee memory: a struct is read whole or not at all. */
#ifndef TTRACE_UMOVE_H
#define TTRACE_UMOVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Reads len bytes at addr in tid's address space into buf.  Returns 0, or
 * -1 when any byte could not be read (unmapped, not readable, the thread is
 * gone).  addr_limit: the largest address + 1 the tracee's ABI can name
 * (2^32 for i386): pointers beyond it are refused without a read. */
int tt_umove(pid_t tid, uint64_t addr, void *buf, size_t len,
	     uint64_t addr_limit);

/* Several structs at once, each whole or not at all, with one
 * process_vm_readv while they can be read: at a syscall exit the outputs
 * and the TOCTOU re-reads of the inputs go together. */
struct tt_umove_req {
	uint64_t addr;
	void *buf;
	size_t len;
	uint64_t addr_limit;
	bool ok;		/* set by tt_umove_many */
	bool gone;		/* not read: the process has no memory any more */
};

void tt_umove_many(pid_t tid, struct tt_umove_req *r, unsigned n);

#endif
