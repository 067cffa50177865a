/* The kernel's layouts of the structs ttrace reads, in bytes, counted from
 * its definitions (include/linux/compat.h, include/uapi/linux/time_types.h,
 * include/uapi/linux/timex.h, kernel/time/time.c).  check_decode.c checks
 * what ttrace reads against them; layouts-abi.c checks them against the C
 * library's structs of the ABI it is compiled for (i386 with -m32), which
 * follow the kernel's.
 *
 * compat_sigevent: sigev_value (compat_sigval_t, 4), sigev_signo (4),
 * sigev_notify (4), then a union padded to 64 bytes in all (13 ints) that
 * holds _tid, or _function and _attribute (compat_uptr_t, 4 each).  The
 * native sigevent: sigev_value 8, the two ints, the union (12 ints) with
 * 8-byte pointers.
 */
#ifndef TT_UNIT_LAYOUTS_H
#define TT_UNIT_LAYOUTS_H

#define K_SIGEVENT_SIZE 64		/* both ABIs */
#define K_COMPAT_SIGEV_SIGNO 4
#define K_COMPAT_SIGEV_NOTIFY 8
#define K_COMPAT_SIGEV_FUNCTION 12
#define K_COMPAT_SIGEV_ATTRIBUTE 16
#define K_NATIVE_SIGEV_SIGNO 8
#define K_NATIVE_SIGEV_NOTIFY 12
#define K_NATIVE_SIGEV_FUNCTION 16
#define K_NATIVE_SIGEV_ATTRIBUTE 24

#define K_OLD_TIMESPEC32 8		/* s32 tv_sec, s32 tv_nsec */
#define K_KERNEL_TIMESPEC 16		/* s64 tv_sec, long long tv_nsec */
#define K_OLD_ITIMERSPEC32 16		/* two old_timespec32 */
#define K_KERNEL_ITIMERSPEC 32		/* two __kernel_timespec */
#define K_OLD_ITIMERVAL32 16		/* two old_timeval32 (i386 setitimer) */
#define K_ITIMERVAL64 32		/* two x86_64 timevals */
#define K_OLD_TIMEVAL32 8		/* s32 tv_sec, s32 tv_usec */
#define K_TIMEVAL64 16			/* x86_64 timeval */
#define K_POLLFD 8			/* int fd; short events, revents */
#define K_SIGSET 8			/* the kernel's sigset_t: 64 signals */
#define K_SEMBUF 6			/* u16 sem_num; s16 sem_op, sem_flg */
#define K_IO_EVENT 32			/* u64 data, obj; s64 res, res2 */
/* old_timex32: modes u32, offset freq maxerror esterror status constant
 * precision tolerance (s32 each), time (old_timeval32, 8), tick ppsfreq
 * jitter shift stabil jitcnt calcnt errcnt stbcnt tai (s32 each), then
 * 11 s32 of padding: 4 + 8 * 4 + 8 + 10 * 4 + 44 = 128. */
#define K_OLD_TIMEX32 128
#define K_OLD_TIMEX32_TIME 36
#define K_OLD_TIMEX32_TAI 80
/* __kernel_timex: the same fields, long long but modes, status, shift and
 * tai (int, each followed by 4 bytes of padding but tai), the time a
 * __kernel_timex_timeval (16), then 11 ints of padding: 208. */
#define K_KERNEL_TIMEX 208
#define K_KERNEL_TIMEX_TIME 72
#define K_KERNEL_TIMEX_TAI 160

/* struct epoll_event: u32 events, u64 data, packed on x86_64: 12 in both
 * ABIs.  siginfo_t: 128 in both; its union of fields at 16 (native) or
 * 12 (compat). */
#define K_EPOLL_EVENT 12
#define K_SIGINFO 128
#define K_NATIVE_SIGINFO_FIELDS 16
#define K_COMPAT_SIGINFO_FIELDS 12
/* struct futex_waitv: u64 val, u64 uaddr, u32 flags, u32 __reserved, the
 * same in both ABIs. */
#define K_FUTEX_WAITV 24
#define K_FUTEX_WAITV_FLAGS 16

#endif
