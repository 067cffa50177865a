/* ownfilter - a program with its own SECCOMP_RET_TRACE filter, as
 * sandboxes install them.
 *
 *   ownfilter [-d DATA] [READY GO]
 *
 * Installs (with PR_SET_NO_NEW_PRIVS) a filter that returns
 * SECCOMP_RET_TRACE | DATA (default 42) for clock_nanosleep (a call
 * ttrace traces) and getppid (one it does not), and allows the rest.
 * With READY and GO, it then writes its pid to READY and waits until a
 * line can be read from the fifo GO (so that a test can attach first).
 * Then it makes both filtered calls and two unfiltered ones as controls,
 * nanosleep (traced by ttrace) and prctl(PR_GET_NO_NEW_PRIVS) (not), and
 * prints what each returned: "NAME RESULT ERRNO", ERRNO "-" on success.
 *
 * Untraced, the kernel fails the filtered calls with ENOSYS: no tracer
 * asked for them.  Under a tracer the output must be the same.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int install(unsigned data)
{
	struct sock_filter insn[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 4),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clock_nanosleep, 3, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 2, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | (data & 0xffff)),
	};
	struct sock_fprog prog = { sizeof(insn) / sizeof(insn[0]), insn };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

static void report(const char *name, long r)
{
	int err = errno;

	if (r >= 0)
		printf("%s %ld -\n", name, r);
	else if (err == ENOSYS)
		printf("%s %ld ENOSYS\n", name, r);
	else
		printf("%s %ld %d\n", name, r, err);
}

int main(int argc, char **argv)
{
	struct timespec us = { 0, 1000 };
	unsigned data = 42;
	char line[16];
	FILE *f;
	int a = 1;

	if (argc > 2 && strcmp(argv[1], "-d") == 0) {
		data = (unsigned)strtoul(argv[2], NULL, 0);
		a = 3;
	}
	if (argc != a && argc != a + 2)
		return 2;
	if (install(data) < 0) {
		perror("ownfilter: seccomp");
		return 1;
	}
	if (argc == a + 2) {
		f = fopen(argv[a], "w");
		if (!f)
			return 1;
		fprintf(f, "%d\n", (int)getpid());
		fclose(f);
		f = fopen(argv[a + 1], "r");
		if (!f || !fgets(line, sizeof(line), f))
			return 1;
		fclose(f);
	}
	report("clock_nanosleep",
	       syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &us, NULL));
	report("getppid", syscall(SYS_getppid) < 0 ? -1 : 0);
	report("nanosleep", syscall(SYS_nanosleep, &us, NULL));
	report("prctl", syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
	return 0;
}
