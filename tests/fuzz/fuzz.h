/* ttrace fuzz targets: reading a fuzzer's input as a stream of fields.
 * Past the end every field reads as zeros, so any input is a whole
 * case. */
#ifndef TTRACE_FUZZ_H
#define TTRACE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz {
	const uint8_t *p;
	size_t n;
};

static inline uint8_t fz_u8(struct fz *f)
{
	if (!f->n)
		return 0;
	f->n--;
	return *f->p++;
}

/* Little-endian, as the kernel lays out the tracee's memory. */
static inline uint64_t fz_uint(struct fz *f, unsigned bytes)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < bytes; i++)
		v |= (uint64_t)fz_u8(f) << (8 * i);
	return v;
}

static inline void fz_bytes(struct fz *f, void *buf, size_t len)
{
	size_t k = len < f->n ? len : f->n;

	memcpy(buf, f->p, k);
	memset((uint8_t *)buf + k, 0, len - k);
	f->p += k;
	f->n -= k;
}

#endif
