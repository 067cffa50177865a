/* ttrace - before the exec: will the kernel run this file? (libelf) */
#ifndef TTRACE_ELFINFO_H
#define TTRACE_ELFINFO_H

#include <stdbool.h>
#include <stddef.h>

/* Why the kernel would refuse to run path, into buf (a sentence to follow
 * "cannot run 'NAME': "), or NULL when it may run it: an x86_64 or i386
 * ELF program, a '#!' script, a file that cannot be read (the exec will
 * say), or a format binfmt_misc may take.  ia32_runs is asked only about
 * an i386 program. */
const char *tt_exec_refusal(const char *path, bool (*ia32_runs)(void),
			    char *buf, size_t size);

/* Is path an x32 program (ELFCLASS32, little-endian, EM_X86_64), which
 * ttrace does not trace?  Only its first 20 bytes are read; false when
 * they cannot be. */
bool tt_elf_is_x32(const char *path);

/* Is path a Go program (a section .note.go.buildid or .go.buildinfo,
 * which the Go linker writes)?  False when it cannot be read. */
bool tt_elf_is_go(const char *path);

/* Does this kernel run i386 programs?  It is asked: a 93-byte i386
 * program that exits 0, executed from a memfd.  True when that cannot be
 * tried (the exec then decides). */
bool tt_ia32_runs(void);

/* That program, into out; returns its size. */
#define TT_PROBE_MAX 128
size_t tt_ia32_probe_image(unsigned char out[TT_PROBE_MAX]);

#endif
