/* ttrace - reading tracee memory.
 *
 * process_vm_readv reads a struct in one call; it is missing on some
 * kernels (ENOSYS) or refused (EPERM under some LSMs), and then ttrace
 * falls back to PTRACE_PEEKDATA, one aligned word at a time, so a struct
 * ending just before an unmapped page is still read. */
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "umove.h"

/* PTRACE_PEEKDATA reads with FOLL_FORCE: it reads pages the tracee
 * cannot (PROT_NONE guard pages, ASan's shadow gap), where the kernel's
 * own copy fails with EFAULT.  So a peeked range counts only if
 * /proc/TID/maps shows it readable, end to end. */
static bool readable_in_maps(pid_t tid, uint64_t addr, size_t len)
{
	char path[64], line[512];
	uint64_t want = addr, end = addr + len;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)tid);
	f = fopen(path, "r");
	if (!f)
		return false;
	while (want < end && fgets(line, sizeof(line), f)) {
		unsigned long long lo, hi;
		char perms[5];

		if (sscanf(line, "%llx-%llx %4s", &lo, &hi, perms) != 3)
			continue;
		if (lo <= want && want < hi) {
			if (perms[0] != 'r')
				break;
			want = hi;
		}
	}
	fclose(f);
	return want >= end;
}

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
	return readable_in_maps(tid, addr, len) ? 0 : -1;
}

/* -1: not known yet; TTRACE_NO_VM_READV=1 makes tests take the
 * PTRACE_PEEKDATA path. */
static int vm_readv_missing = -1;

static int readv_missing(void)
{
	if (vm_readv_missing < 0)
		vm_readv_missing = getenv("TTRACE_NO_VM_READV") != NULL;
	return vm_readv_missing;
}

static bool in_range(uint64_t addr, size_t len, uint64_t addr_limit)
{
	return addr < addr_limit && len <= addr_limit - addr;
}

int tt_umove(pid_t tid, uint64_t addr, void *buf, size_t len,
	     uint64_t addr_limit)
{
	if (len == 0)
		return 0;
	if (!in_range(addr, len, addr_limit))
		return -1;
	if (!readv_missing()) {
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

/* process_vm_readv reads the remote iovecs in order and stops at the first
 * fault: the bytes it returns cover whole requests, then at most part of
 * the one that faulted.  Those after it are read again on their own. */
void tt_umove_many(pid_t tid, struct tt_umove_req *r, unsigned n)
{
	struct iovec local[16], remote[16];
	unsigned idx[16], k = 0;
	ssize_t got;

	for (unsigned i = 0; i < n; i++) {
		r[i].ok = r[i].gone = false;
		if (!in_range(r[i].addr, r[i].len, r[i].addr_limit) || k == 16)
			continue;
		local[k] = (struct iovec){ r[i].buf, r[i].len };
		remote[k] = (struct iovec){ (void *)(uintptr_t)r[i].addr, r[i].len };
		idx[k++] = i;
	}
	if (k == 0)
		return;
	got = readv_missing() ? -1 :
		process_vm_readv(tid, local, k, remote, k, 0);
	if (got < 0 && (readv_missing() || errno == ENOSYS || errno == EPERM)) {
		for (unsigned j = 0; j < k; j++)
			r[idx[j]].ok = tt_umove(tid, r[idx[j]].addr, r[idx[j]].buf,
						r[idx[j]].len, r[idx[j]].addr_limit) == 0;
		return;
	}
	if (got < 0 && errno == ESRCH) {
		/* killed at its stop: there is nothing left to read */
		for (unsigned j = 0; j < k; j++)
			r[idx[j]].gone = true;
		return;
	}
	if (got < 0)
		got = 0;	/* the first one faulted */
	for (unsigned j = 0; j < k; j++) {
		size_t len = local[j].iov_len;

		if ((size_t)got >= len) {
			r[idx[j]].ok = true;
			got -= (ssize_t)len;
			continue;
		}
		/* j faulted; retry the rest one by one */
		for (unsigned m = j + 1; m < k; m++)
			r[idx[m]].ok = tt_umove(tid, r[idx[m]].addr, r[idx[m]].buf,
						r[idx[m]].len, r[idx[m]].addr_limit) == 0;
		return;
	}
}
