/* What ttrace says, before the exec, of a file the kernel will not run:
 * files written here byte by byte, classified by libelf; the IA-32 answer
 * given both ways (the kernel that runs the tests has one), and asked of
 * the kernel once. */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elfinfo.h"
#include "unit.h"

static char path[64];

static void put_file(const void *bytes, size_t len)
{
	FILE *f;

	strcpy(path, "/tmp/ttrace-elfinfo.XXXXXX");
	ck_assert_int_ge(mkstemp(path), 0);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(bytes, 1, len, f), len);
	fclose(f);
}

static void drop_file(void)
{
	if (path[0])
		unlink(path);
	path[0] = '\0';
}

static bool yes(void) { return true; }
static bool no(void) { return false; }
static bool never_asked(void)
{
	ck_abort_msg("IA-32 asked about a file that is not an i386 program");
	return true;
}

static const char *refusal(bool (*ia32)(void))
{
	static char buf[256];

	return tt_exec_refusal(path, ia32, buf, sizeof(buf));
}

/* The probe itself is an i386 program: refused only where IA-32 is off. */
START_TEST(test_i386)
{
	unsigned char image[TT_PROBE_MAX];

	put_file(image, tt_ia32_probe_image(image));
	ck_assert_ptr_null(refusal(yes));
	ck_assert_str_eq(refusal(no), "it is an i386 (32-bit) program, and this "
			 "kernel does not run 32-bit programs: IA-32 emulation is "
			 "disabled (CONFIG_IA32_EMULATION off, or ia32_emulation=0 "
			 "on its command line)");
}
END_TEST

static void put_elf64(unsigned type, unsigned machine)
{
	Elf64_Ehdr eh = {
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64,
			     ELFDATA2LSB, EV_CURRENT },
		.e_type = (Elf64_Half)type,
		.e_machine = (Elf64_Half)machine,
		.e_version = EV_CURRENT,
		.e_ehsize = sizeof(Elf64_Ehdr),
	};

	put_file(&eh, sizeof(eh));
}

static const struct refusal_case {
	const char *what;
	const char *bytes;	/* NULL: an ELF64 header of type, machine */
	unsigned type, machine;
	const char *want;	/* NULL: may run */
	bool misc;		/* binfmt_misc handlers may take it */
} refusal_cases[] = {
	{ "x86_64 program", NULL, ET_DYN, EM_X86_64, NULL, false },
	{ "x86_64 static program", NULL, ET_EXEC, EM_X86_64, NULL, false },
	{ "object file", NULL, ET_REL, EM_X86_64,
	  "not a program: it is an ELF relocatable object (.o)", false },
	{ "core dump", NULL, ET_CORE, EM_X86_64, "not a program: it is an ELF core dump", false },
	{ "aarch64 program", NULL, ET_DYN, EM_AARCH64,
	  "it is an ELF program for another machine (e_machine 183), not x86_64 or i386", true },
	{ "script", "#!/bin/sh\nexit 0\n", 0, 0, NULL, false },
	{ "text", "exit 0\n", 0, 0,
	  "not an executable: neither an ELF program nor a '#!' script", true },
	{ "empty", "", 0, 0,
	  "not an executable: neither an ELF program nor a '#!' script", true },
	{ "ELF magic, no header", "\177ELF garbage\n", 0, 0,
	  "not a valid ELF file: its header is cut short or damaged", false },
};

START_TEST(test_refusal)
{
	const struct refusal_case *c = &refusal_cases[_i];
	const char *got;

	if (c->bytes)
		put_file(c->bytes, strlen(c->bytes));
	else
		put_elf64(c->type, c->machine);
	got = refusal(never_asked);
	if (!got && c->misc)
		/* left to the exec: binfmt_misc must be there */
		ck_assert_msg(access("/proc/sys/fs/binfmt_misc/status", F_OK) == 0,
			      "%s: no refusal", c->what);
	else if (c->want)
		ck_assert_msg(got && strcmp(got, c->want) == 0, "%s: %s", c->what,
			      got ? got : "no refusal");
	else
		ck_assert_msg(!got, "%s: %s", c->what, got);
}
END_TEST

/* A file ttrace cannot read (execute-only): the exec decides. */
START_TEST(test_unreadable)
{
	ck_assert_ptr_null(tt_exec_refusal("/nonexistent/ttrace", never_asked,
					   (char[64]){ 0 }, 64));
}
END_TEST

/* This kernel's answer agrees with running an i386 program. */
START_TEST(test_probe)
{
	const char *m32 = getenv("TT_HAVE_M32");
	const char *b = getenv("TT_BUILDDIR");
	char prog[4096], cmd[4200];

	if (!m32 || strcmp(m32, "yes") != 0 || !b)
		return;		/* no i386 program to compare with */
	/* valgrind runs fexecve itself (its execveat fails with another
	 * errno than the kernel's ENOEXEC), so the probe cannot tell there;
	 * tests/fuzz/valgrind-unit.sh says so in TT_UNDER_VALGRIND. */
	if (getenv("TT_UNDER_VALGRIND"))
		return;
	snprintf(prog, sizeof(prog), "%s/tests/e2e/helpers/execchain32", b);
	if (access(prog, X_OK) != 0)
		return;
	snprintf(cmd, sizeof(cmd), "'%s' 0 >/dev/null 2>&1", prog);
	ck_assert_int_eq(tt_ia32_runs(), system(cmd) == 0);
}
END_TEST

Suite *make_elfinfo_suite(void)
{
	Suite *s = suite_create("elfinfo");
	TCase *tc = ut_tcase(s, "refusal", NULL, drop_file);

	tcase_add_test(tc, test_i386);
	tcase_add_loop_test(tc, test_refusal, 0, NCASES(refusal_cases));
	tcase_add_test(tc, test_unreadable);
	tcase_add_test(tc, test_probe);
	return s;
}
