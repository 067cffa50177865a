/* ttrace unit tests: reading memory (src/tracer/umove.c), on this process: a
 * struct is read whole or not at all, and never past the ABI's limit. */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "umove.h"
#include "unit.h"

#define NO_LIMIT UINT64_MAX

START_TEST(test_read_self)
{
	const uint8_t src[24] = "0123456789abcdefghijklm";
	uint8_t dst[24];

	memset(dst, 0, sizeof(dst));
	ck_assert_int_eq(tt_umove(getpid(), (uintptr_t)src, dst, sizeof(dst), NO_LIMIT), 0);
	ck_assert_mem_eq(dst, src, sizeof(src));
	/* An odd address and length. */
	memset(dst, 0, sizeof(dst));
	ck_assert_int_eq(tt_umove(getpid(), (uintptr_t)src + 3, dst, 13, NO_LIMIT), 0);
	ck_assert_mem_eq(dst, src + 3, 13);
	ck_assert_int_eq(dst[13], 0);
	ck_assert_int_eq(tt_umove(getpid(), (uintptr_t)src, dst, 0, NO_LIMIT), 0);
}
END_TEST

/* Two pages, the second unmapped: a struct that ends at the end of the
 * first is read, one that straddles it is not.  (A failed read may leave
 * part of the buffer written: the core then marks it unreadable.) */
START_TEST(test_straddle)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	uint8_t *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint8_t *end, dst[16];
	int whole, straddling, beyond;

	ck_assert_ptr_ne(map, MAP_FAILED);
	ck_assert_int_eq(munmap(map + page, page), 0);
	end = map + page;
	memset(end - 16, 0xab, 16);
	memset(dst, 0, sizeof(dst));
	whole = tt_umove(getpid(), (uintptr_t)(end - 16), dst, 16, NO_LIMIT);
	straddling = tt_umove(getpid(), (uintptr_t)(end - 8), dst, 16, NO_LIMIT);
	beyond = tt_umove(getpid(), (uintptr_t)end, dst, 8, NO_LIMIT);
	munmap(map, page);
	ck_assert_int_eq(whole, 0);
	ck_assert_int_eq(straddling, -1);
	ck_assert_int_eq(beyond, -1);
}
END_TEST

/* addr_limit: i386 tasks name 2^32 bytes; nothing at or past the limit is
 * read, even when this process has it mapped. */
START_TEST(test_limit)
{
	uint64_t src = 0x1122334455667788, dst = 0;
	uint64_t addr = (uintptr_t)&src;

	ck_assert_int_eq(tt_umove(getpid(), addr, &dst, 8, addr + 8), 0);
	ck_assert_uint_eq(dst, src);
	dst = 0;
	ck_assert_int_eq(tt_umove(getpid(), addr, &dst, 8, addr + 7), -1);
	ck_assert_int_eq(tt_umove(getpid(), addr, &dst, 8, addr), -1);
	ck_assert_int_eq(tt_umove(getpid(), 1ULL << 32, &dst, 8, 1ULL << 32), -1);
	ck_assert_int_eq(tt_umove(getpid(), UINT64_MAX - 3, &dst, 8, NO_LIMIT), -1);
	ck_assert_uint_eq(dst, 0);
}
END_TEST

Suite *make_umove_suite(void)
{
	Suite *s = suite_create("umove");
	TCase *tc = ut_tcase(s, "umove", NULL, NULL);

	tcase_add_test(tc, test_read_self);
	tcase_add_test(tc, test_straddle);
	tcase_add_test(tc, test_limit);
	return s;
}
