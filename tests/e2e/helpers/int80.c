/* int80 - an x86_64 program making i386 system calls with int $0x80:
 * clock_nanosleep (i386 number 267, clock_nanosleep_time32) with its
 * timespec in a MAP_32BIT page, between ordinary x86_64 clock_nanosleeps.
 *
 * Prints "rem 0xADDR" (the i386 call's remain pointer) first, then:
 *   int $0x80  267(CLOCK_MONOTONIC, 0, {0, 1000}, NULL)
 *   syscall    clock_nanosleep(CLOCK_MONOTONIC, 0, {0, 2000}, NULL)
 *   int $0x80  267(CLOCK_MONOTONIC, 0, {0, 3000}, ADDR)
 *   syscall    clock_nanosleep(CLOCK_MONOTONIC, 0, {0, 4000}, NULL)
 * Exits 0, or 77 if int $0x80 does not work (no IA-32 emulation).
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long int80(long nr, long a, long b, long c, long d)
{
	long ret = nr;

	__asm__ volatile("int $0x80"
			 : "+a"(ret)
			 : "b"(a), "c"(b), "d"(c), "S"(d)
			 : "memory", "r8", "r9", "r10", "r11");
	return ret;
}

static void sleep64(long ns)
{
	struct timespec ts = { 0, ns };

	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
}

int main(void)
{
	int32_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	long rem;

	if (page == MAP_FAILED)
		return 99;
	rem = (long)(uintptr_t)(page + 8);
	printf("rem %#lx\n", rem);
	fflush(stdout);
	page[0] = 0;		/* struct old_timespec32 {tv_sec, tv_nsec} */
	page[1] = 1000;
	if (int80(267, CLOCK_MONOTONIC, 0, (long)(uintptr_t)page, 0) != 0)
		return 77;
	sleep64(2000);
	page[1] = 3000;
	if (int80(267, CLOCK_MONOTONIC, 0, (long)(uintptr_t)page, rem) != 0)
		return 77;
	sleep64(4000);
	return 0;
}
