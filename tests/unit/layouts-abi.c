/* Checked when it compiles, never run: the C library's structs of the ABI
 * this is compiled for (x86_64, or i386 with -m32) have the kernel's
 * layouts of tests/unit/layouts.h, which ttrace reads (check_decode.c
 * checks those sizes against what ttrace reads). */
#include <poll.h>
#include <linux/futex.h>
#include <signal.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>
#include <linux/aio_abi.h>
#include <sys/sem.h>

#include "layouts.h"

#define SAME(expr, want) _Static_assert((expr) == (want), #expr " != " #want)

/* The kernel's layouts of this ABI.  glibc's default on i386 is 32-bit
 * time: the layouts of the time32 calls (the time64 ones share x86_64's,
 * checked in the native build). */
#if defined(__i386__)
#define SIGEV(field) K_COMPAT_SIGEV_##field
#define TIMESPEC K_OLD_TIMESPEC32
#define ITIMERSPEC K_OLD_ITIMERSPEC32
#define ITIMERVAL K_OLD_ITIMERVAL32
#define TIMEVAL K_OLD_TIMEVAL32
#define TIMEX(field) K_OLD_TIMEX32##field
#elif defined(__x86_64__)
#define SIGEV(field) K_NATIVE_SIGEV_##field
#define TIMESPEC K_KERNEL_TIMESPEC
#define ITIMERSPEC K_KERNEL_ITIMERSPEC
#define ITIMERVAL K_ITIMERVAL64
#define TIMEVAL K_TIMEVAL64
#define TIMEX(field) K_KERNEL_TIMEX##field
#else
#error "an ABI ttrace does not know"
#endif

SAME(sizeof(struct sigevent), K_SIGEVENT_SIZE);
SAME(offsetof(struct sigevent, sigev_signo), SIGEV(SIGNO));
SAME(offsetof(struct sigevent, sigev_notify), SIGEV(NOTIFY));
SAME(offsetof(struct sigevent, sigev_notify_function), SIGEV(FUNCTION));
SAME(offsetof(struct sigevent, sigev_notify_attributes), SIGEV(ATTRIBUTE));
SAME(sizeof(struct timespec), TIMESPEC);
SAME(sizeof(struct itimerspec), ITIMERSPEC);
SAME(sizeof(struct itimerval), ITIMERVAL);
SAME(sizeof(struct timeval), TIMEVAL);
SAME(sizeof(struct pollfd), K_POLLFD);
SAME(offsetof(struct pollfd, revents), 6);
SAME(sizeof(struct timex), TIMEX());
SAME(offsetof(struct timex, time), TIMEX(_TIME));
SAME(offsetof(struct timex, tai), TIMEX(_TAI));
SAME(sizeof(struct epoll_event), K_EPOLL_EVENT);
SAME(sizeof(siginfo_t), K_SIGINFO);
#if defined(__i386__)
SAME(offsetof(siginfo_t, si_pid), K_COMPAT_SIGINFO_FIELDS);
#else
SAME(offsetof(siginfo_t, si_pid), K_NATIVE_SIGINFO_FIELDS);
#endif
SAME(sizeof(struct futex_waitv), K_FUTEX_WAITV);
SAME(offsetof(struct futex_waitv, flags), K_FUTEX_WAITV_FLAGS);
SAME(sizeof(struct sembuf), K_SEMBUF);
SAME(offsetof(struct sembuf, sem_flg), 4);
SAME(sizeof(struct io_event), K_IO_EVENT);
SAME(offsetof(struct io_event, res2), 24);

int main(void)
{
	return 0;
}
