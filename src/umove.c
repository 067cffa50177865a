/* ttrace - reading tracee memory.
 *
 * process_vm_readv reads a struct in one call; it is missing on some
 * kernels (ENOSYS) or refused (EPERM under some LSMs), and then ttrace
 * falls back to PTRACE_PEEKDATA, one aligned word at a time, so a struct
 * ending just before an unmapped page is still read. */
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "umove.h"

static int peek_words(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	uint64_t start = addr & ~(uint64_t)7, end = addr + len;
	uint8_t *out = buf;

	for (uint64_t a = start; a < end; a += 8) {
		long word;
		uint64_t lo = a < addr ? addr : a;
		uint64_t hi = a + 8 > end ? end : a + 8;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, tid, (void *)a, 0);
		if (errno)
			return -1;
		memcpy(out + (lo - addr), (uint8_t *)&word + (lo - a), hi - lo);
	}
	return 0;
}

int tt_umove(pid_t tid, uint64_t addr, void *buf, size_t len,
	     uint64_t addr_limit)
{
	static int vm_readv_missing;

	if (len == 0)
		return 0;
	if (addr >= addr_limit || len > addr_limit - addr)
		return -1;
	if (!vm_readv_missing) {
		struct iovec local = { buf, len };
		struct iovec remote = { (void *)(uintptr_t)addr, len };
		ssize_t n = process_vm_readv(tid, &local, 1, &remote, 1, 0);

		if (n == (ssize_t)len)
			return 0;
		if (n >= 0 || (errno != ENOSYS && errno != EPERM))
			return -1;	/* partly readable, or a fault */
		if (errno == ENOSYS)
			vm_readv_missing = 1;
	}
	return peek_words(tid, addr, buf, len);
}
