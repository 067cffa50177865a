/* tests/e2e/stack/stklib.c - the shared library chain.c loads: its frames
 * must name this library (libstk-m64.so, libstk-m32.so). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

void stk_lib_sleep(long ns);

/* Not tail calls, whatever the optimization (see chain.c). */
#if defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE __attribute__((noinline, noipa))
#endif

volatile int stk_lib_calls;

NOINLINE static void stk_lib_inner(long ns)
{
	struct timespec ts = { 0, ns };

	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
	stk_lib_calls++;
}

NOINLINE void stk_lib_sleep(long ns)
{
	stk_lib_inner(ns);
	stk_lib_calls++;
}
