/* ttrace - before the exec: will the kernel run this file? (libelf)
 *
 * execve of something the kernel cannot run fails with ENOEXEC, which says
 * nothing of why.  Reading the file's ELF header first, ttrace can say it:
 * not an ELF program nor a '#!' script; an ELF object or core file, not a
 * program; an ELF program for another machine; or an i386 program on a
 * kernel that refuses 32-bit programs.
 *
 * That last case is the kernel's to decide: a kernel built without
 * CONFIG_IA32_EMULATION, or since 6.7 booted with ia32_emulation=0 (or
 * built with CONFIG_IA32_EMULATION_DEFAULT_DISABLED), fails the exec of
 * every i386 ELF with ENOEXEC, and no file in /proc or /sys says which
 * applies.  So ttrace asks it: it executes a minimal i386 program (one
 * PT_LOAD, "exit(0)" through int $0x80) from a memfd in a child, only when
 * the command is an i386 program.  ENOEXEC from that exec is the refusal.
 *
 * binfmt_misc can teach the kernel any format (a Java jar, an ARM program
 * through qemu-user): when it has handlers, only what is surely refused
 * by the ELF loader itself (i386 without IA-32 emulation, an ELF object or
 * core file) is reported before the exec; the rest is left to it.
 *
 * An x32 program (ELFCLASS32, EM_X86_64) ttrace refuses itself: it does
 * not trace x32 (tt_elf_is_x32; the caller says so).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "elfinfo.h"

/* Does binfmt_misc have a handler that may take a file the ELF and
 * script loaders do not? */
static bool binfmt_misc_active(void)
{
	DIR *d = opendir("/proc/sys/fs/binfmt_misc");
	struct dirent *de;
	bool any = false;
	char state[16] = "";
	FILE *f;

	if (!d)
		return false;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && strcmp(de->d_name, "status") != 0 &&
		    strcmp(de->d_name, "register") != 0)
			any = true;
	closedir(d);
	f = fopen("/proc/sys/fs/binfmt_misc/status", "r");
	if (f) {
		if (!fgets(state, sizeof(state), f))
			state[0] = '\0';
		fclose(f);
	}
	return any && strncmp(state, "enabled", 7) == 0;
}

static const char *elf_type_name(unsigned type)
{
	switch (type) {
	case ET_REL:
		return "an ELF relocatable object (.o)";
	case ET_CORE:
		return "an ELF core dump";
	default:
		return "an ELF file of an unknown type";
	}
}

/* An ELF file: a refusal, or NULL. */
static const char *check_elf(Elf *elf, bool (*ia32_runs)(void), char *buf,
			     size_t size)
{
	GElf_Ehdr eh;

	if (!gelf_getehdr(elf, &eh)) {
		snprintf(buf, size, "not a valid ELF file (%s)", elf_errmsg(-1));
		return buf;
	}
	if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN) {
		snprintf(buf, size, "not a program: it is %s",
			 elf_type_name(eh.e_type));
		return buf;
	}
	if (eh.e_machine == EM_X86_64)
		return NULL;	/* x86_64 (x32: tt_elf_is_x32, before) */
	if (eh.e_machine == EM_386 && eh.e_ident[EI_CLASS] == ELFCLASS32) {
		if (ia32_runs())
			return NULL;
		snprintf(buf, size, "it is an i386 (32-bit) program, and this "
			 "kernel does not run 32-bit programs: IA-32 emulation "
			 "is disabled (CONFIG_IA32_EMULATION off, or "
			 "ia32_emulation=0 on its command line)");
		return buf;
	}
	if (binfmt_misc_active())
		return NULL;
	snprintf(buf, size, "it is an ELF program for another machine "
		 "(e_machine %u), not x86_64 or i386", (unsigned)eh.e_machine);
	return buf;
}

bool tt_elf_is_x32(const char *path)
{
	unsigned char h[EI_NIDENT + 4];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool x32;

	if (fd < 0)
		return false;
	/* e_ident, e_type, e_machine: at the same offsets in both classes */
	x32 = pread(fd, h, sizeof(h), 0) == (ssize_t)sizeof(h) &&
		memcmp(h, ELFMAG, SELFMAG) == 0 && h[EI_CLASS] == ELFCLASS32 &&
		h[EI_DATA] == ELFDATA2LSB &&
		(h[EI_NIDENT + 2] | h[EI_NIDENT + 3] << 8) == EM_X86_64;
	close(fd);
	return x32;
}

bool tt_elf_is_go(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	Elf_Scn *scn = NULL;
	size_t shstrndx;
	bool go = false;
	Elf *elf;

	if (fd < 0)
		return false;
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (elf && elf_kind(elf) == ELF_K_ELF &&
	    elf_getshdrstrndx(elf, &shstrndx) == 0)
		while (!go && (scn = elf_nextscn(elf, scn))) {
			GElf_Shdr sh;
			const char *name;

			if (!gelf_getshdr(scn, &sh) ||
			    !(name = elf_strptr(elf, shstrndx, sh.sh_name)))
				continue;
			go = strcmp(name, ".note.go.buildid") == 0 ||
				strcmp(name, ".go.buildinfo") == 0;
		}
	elf_end(elf);
	close(fd);
	return go;
}

const char *tt_exec_refusal(const char *path, bool (*ia32_runs)(void),
			    char *buf, size_t size)
{
	const char *why = NULL;
	char head[4] = "";
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	Elf *elf;

	if (fd < 0)
		return NULL;	/* execute-only, say: the exec will tell */
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ, NULL);
	switch (elf ? elf_kind(elf) : ELF_K_NONE) {
	case ELF_K_ELF:
		why = check_elf(elf, ia32_runs, buf, size);
		break;
	case ELF_K_AR:
		if (!binfmt_misc_active()) {
			snprintf(buf, size, "not a program: it is an ar archive "
				 "(a static library)");
			why = buf;
		}
		break;
	default:
		if (pread(fd, head, 4, 0) == 4 && memcmp(head, ELFMAG, SELFMAG) == 0) {
			/* the magic, but no header libelf can read */
			snprintf(buf, size, "not a valid ELF file: its header "
				 "is cut short or damaged");
			why = buf;
			break;
		}
		if (head[0] == '#' && head[1] == '!')
			break;
		if (!binfmt_misc_active()) {
			snprintf(buf, size, "not an executable: neither an ELF "
				 "program nor a '#!' script");
			why = buf;
		}
		break;
	}
	elf_end(elf);
	close(fd);
	return why;
}

/* The i386 program the probe runs: the ELF header, one PT_LOAD that maps
 * the whole file, then the code: mov $1, %eax (exit); xor %ebx, %ebx;
 * int $0x80. */
#define PROBE_BASE 0x08048000u
#define PROBE_CODE (sizeof(Elf32_Ehdr) + sizeof(Elf32_Phdr))

size_t tt_ia32_probe_image(unsigned char out[TT_PROBE_MAX])
{
	static const unsigned char code[] = {
		0xb8, 0x01, 0x00, 0x00, 0x00, 0x31, 0xdb, 0xcd, 0x80,
	};
	const size_t total = PROBE_CODE + sizeof(code);
	Elf32_Ehdr eh = {
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS32,
			     ELFDATA2LSB, EV_CURRENT, ELFOSABI_SYSV },
		.e_type = ET_EXEC,
		.e_machine = EM_386,
		.e_version = EV_CURRENT,
		.e_entry = PROBE_BASE + PROBE_CODE,
		.e_phoff = sizeof(Elf32_Ehdr),
		.e_ehsize = sizeof(Elf32_Ehdr),
		.e_phentsize = sizeof(Elf32_Phdr),
		.e_phnum = 1,
	};
	Elf32_Phdr ph = {
		.p_type = PT_LOAD,
		.p_vaddr = PROBE_BASE,
		.p_paddr = PROBE_BASE,
		.p_filesz = total,
		.p_memsz = total,
		.p_flags = PF_R | PF_X,
		.p_align = 0x1000,
	};

	memcpy(out, &eh, sizeof(eh));
	memcpy(out + sizeof(eh), &ph, sizeof(ph));
	memcpy(out + PROBE_CODE, code, sizeof(code));
	return total;
}

bool tt_ia32_runs(void)
{
	unsigned char image[TT_PROBE_MAX];
	size_t len = tt_ia32_probe_image(image);
	int fd = memfd_create("ttrace-ia32-probe", MFD_CLOEXEC), status;
	pid_t pid;

	if (fd < 0)
		return true;
	if (write(fd, image, len) != (ssize_t)len) {
		close(fd);
		return true;
	}
	pid = fork();
	if (pid == 0) {
		static char name[] = "ttrace-ia32-probe";
		char *const argv[] = { name, NULL };
		char *const envp[] = { NULL };

		fexecve(fd, argv, envp);
		_exit(errno == ENOEXEC ? 2 : 3);
	}
	close(fd);
	if (pid < 0)
		return true;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return true;
	/* 0: it ran; 2: ENOEXEC, the refusal; anything else (a memfd that
	 * may not be executed, vm.memfd_noexec): unknown. */
	return !(WIFEXITED(status) && WEXITSTATUS(status) == 2);
}
