/* x32call - one clock_nanosleep of 1 us called as x32 (the number with
 * __X32_SYSCALL_BIT: ENOSYS on a kernel without x32, a sleep on one with
 * it), then the same as x86_64.  ttrace shows only the second. */
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts = { 0, 1000 };

	syscall(0x40000000L | SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts,
		NULL);
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
	return 0;
}
