/* tests/e2e/stack/chain.c - a program with a known call chain for -k.
 *
 * Built -g -O0 -fno-omit-frame-pointer, 64-bit (chain-m64.stack) and -m32
 * (chain-m32.stack); run-stack.sh runs it under ttrace -k and checks the
 * frames.  Every sleep is clock_nanosleep through libc's syscall(), so
 * the innermost frames are libc's (and, for i386, the vDSO's
 * __kernel_vsyscall, where its calls enter the kernel).
 *
 *   chain          main -> f0 -> f1 -> f2 -> f3 -> clock_nanosleep, 1000 ns
 *   lib SO         the chain, then dlopen(SO) (after the first stack, so
 *                  the maps must be read again) and main -> via_lib ->
 *                  stk_lib_sleep -> stk_lib_inner -> clock_nanosleep, 3000 ns
 *   signal         main -> sig_raise -> raise(SIGUSR1), handled: -k shows
 *                  the stack under the signal's line; then the chain
 *   jit            clock_nanosleep from code in an anonymous mapping, with
 *                  a frame pointer that leads nowhere (no module, no CFI:
 *                  the walk fails), 4000 ns; then the chain
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Each function calls the next and then does one more thing, so that no
 * call is a tail call: whatever CFLAGS add (-O2), every frame stays, under
 * its own name. */
#if defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE __attribute__((noinline, noipa))
#endif

volatile int chain_calls;

NOINLINE static void f3(void)
{
	struct timespec ts = { 0, 1000 };

	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL); /* LINE_F3 */
	chain_calls++;
}

NOINLINE static void f2(void)
{
	f3();
	chain_calls++;
}

NOINLINE static void f1(void)
{
	f2();
	chain_calls++;
}

NOINLINE static void f0(void)
{
	f1();
	chain_calls++;
}

NOINLINE static int via_lib(const char *so)
{
	void *h = dlopen(so, RTLD_NOW);
	void (*sleep_fn)(long);

	if (!h) {
		fprintf(stderr, "chain: %s\n", dlerror());
		return 1;
	}
	sleep_fn = (void (*)(long))dlsym(h, "stk_lib_sleep");
	if (!sleep_fn) {
		fprintf(stderr, "chain: %s\n", dlerror());
		return 1;
	}
	sleep_fn(3000);
	return 0;
}

/* clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL) from code that is in no
 * module, called with a frame pointer of 0x10. */
NOINLINE static int jit(void)
{
	static struct timespec ts = { 0, 4000 };
#ifdef __x86_64__
	static const unsigned char code[] = { 0x0f, 0x05, 0xc3 }; /* syscall; ret */
#else
	static const unsigned char code[] = { 0xcd, 0x80, 0xc3 }; /* int $0x80; ret */
#endif
	void *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long r;

	if (m == MAP_FAILED) {
		perror("chain: mmap");
		return 1;
	}
	memcpy(m, code, sizeof(code));
#ifdef __x86_64__
	register long r10 __asm__("r10") = 0;

	__asm__ volatile("push %%rbp\n\tmov $0x10, %%rbp\n\tcall *%%rbx\n\tpop %%rbp"
			 : "=a"(r)
			 : "a"((long)SYS_clock_nanosleep), "D"((long)CLOCK_MONOTONIC),
			   "S"(0L), "d"(&ts), "r"(r10), "b"(m)
			 : "rcx", "r11", "memory");
#else
	__asm__ volatile("push %%ebp\n\tmov $0x10, %%ebp\n\tcall *%%edi\n\tpop %%ebp"
			 : "=a"(r)
			 : "a"((long)SYS_clock_nanosleep), "b"((long)CLOCK_MONOTONIC),
			   "c"(0L), "d"(&ts), "S"(0L), "D"(m)
			 : "memory");
#endif
	return r != 0;
}

static void on_usr1(int sig)
{
	(void)sig;
	chain_calls++;
}

NOINLINE static void sig_raise(void)
{
	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	chain_calls++;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "signal") == 0) {
		sig_raise();
		f0();
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "chain") == 0) {
		f0();
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "lib") == 0) {
		int r;

		f0();
		r = via_lib(argv[2]);
		chain_calls++;
		return r;
	}
	if (argc == 2 && strcmp(argv[1], "jit") == 0) {
		if (jit())
			return 1;
		f0();
		return 0;
	}
	fprintf(stderr, "usage: chain chain | lib SO | jit | signal\n");
	return 2;
}
