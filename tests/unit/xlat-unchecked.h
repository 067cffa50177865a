/* The names in ttrace's tables that no system header xlat-headers.c
 * includes defines, each with the reason: these are not checked. */

/* Kernel-internal errno values (include/linux/errno.h): never in user
 * space headers, seen only by a tracer at a syscall's exit. */
#define TT_UNCHECKED_ERESTARTSYS 1
#define TT_UNCHECKED_ERESTARTNOINTR 1
#define TT_UNCHECKED_ERESTARTNOHAND 1
#define TT_UNCHECKED_ENOIOCTLCMD 1
#define TT_UNCHECKED_ERESTART_RESTARTBLOCK 1
#define TT_UNCHECKED_EPROBE_DEFER 1
#define TT_UNCHECKED_EOPENSTALE 1
#define TT_UNCHECKED_ENOPARAM 1
#define TT_UNCHECKED_EBADHANDLE 1
#define TT_UNCHECKED_ENOTSYNC 1
#define TT_UNCHECKED_EBADCOOKIE 1
#define TT_UNCHECKED_ENOTSUPP 1
#define TT_UNCHECKED_ETOOSMALL 1
#define TT_UNCHECKED_ESERVERFAULT 1
#define TT_UNCHECKED_EBADTYPE 1
#define TT_UNCHECKED_EJUKEBOX 1
#define TT_UNCHECKED_EIOCBQUEUED 1
#define TT_UNCHECKED_ERECALLCONFLICT 1
#define TT_UNCHECKED_ENOGRACE 1

/* The CPU clock kinds of a clockid (include/linux/posix-timers_types.h):
 * kernel-internal. */
#define TT_UNCHECKED_CPUCLOCK_PROF 1
#define TT_UNCHECKED_CPUCLOCK_VIRT 1
#define TT_UNCHECKED_CPUCLOCK_SCHED 1

/* Only in <linux/time.h>, which cannot be included beside <time.h>. */
#define TT_UNCHECKED_CLOCK_SGI_CYCLE 1

/* si_codes newer than the C library's <signal.h> (the kernel's
 * <asm-generic/siginfo.h> clashes with it). */
#define TT_UNCHECKED_SEGV_CPERR 1
#define TT_UNCHECKED_TRAP_PERF 1
#define TT_UNCHECKED_SYS_SECCOMP 1
#define TT_UNCHECKED_SYS_USER_DISPATCH 1

/* Not a constant: what strace prints after a wait that returned 0. */
#define TT_UNCHECKED_Timeout 1

/* Only in <linux/eventpoll.h>, which clashes with <sys/epoll.h>. */
#define TT_UNCHECKED_EPOLLNVAL 1
