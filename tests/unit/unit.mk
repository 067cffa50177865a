# unit/unit.mk: the check suites, one program (tests/unit/check_ttrace)
# with one file per module; see tests/unit/unit.h.
EXTRA_DIST += tests/unit/unit.mk

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_ttrace
TESTS += tests/unit/check_ttrace
tests_unit_check_ttrace_SOURCES = \
	tests/unit/check_ttrace.c tests/unit/unit.h tests/unit/unit.c \
	tests/unit/check_decode.c tests/unit/layouts.h \
	tests/unit/check_timing.c tests/unit/check_timeline.c \
	tests/unit/check_text.c \
	tests/unit/check_tables.c \
	tests/unit/check_select.c \
	tests/unit/check_options.c \
	tests/unit/check_xlat.c \
	tests/unit/check_umove.c \
	tests/unit/check_core.c tests/unit/check_json.c tests/unit/check_summary.c \
	tests/unit/check_profile.c tests/unit/check_profile_ci.c \
	tests/unit/check_elfinfo.c \
	tests/unit/nr-tables.h \
	tests/unit/check_seccomp.c
nodist_tests_unit_check_ttrace_SOURCES = tests/unit/nr-tables.c \
	tests/unit/nr-defs.h
BUILT_SOURCES += tests/unit/nr-tables.c tests/unit/nr-defs.h
CLEANFILES += tests/unit/nr-tables.c tests/unit/nr-defs.h
tests_unit_check_ttrace_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
# the generated nr-tables.c and nr-defs.h are in the build tree
tests_unit_check_ttrace_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit \
	-I$(top_builddir)/tests/unit
tests_unit_check_ttrace_LDADD = libttrace.a $(LIBDW_LIBS) $(CHECK_LIBS)
endif

# Built, never run: the C library's structs of each ABI have the kernel's
# layouts that check_decode.c checks ttrace's reads against
# (_Static_assert; tests/unit/layouts.h).
check_PROGRAMS += tests/unit/layouts64
tests_unit_layouts64_SOURCES = tests/unit/layouts-abi.c tests/unit/layouts.h
tests_unit_layouts64_CFLAGS = $(TRACEE_CC)
tests_unit_layouts64_LDFLAGS = $(TRACEE_LD)
if HAVE_M32
check_PROGRAMS += tests/unit/layouts32
tests_unit_layouts32_SOURCES = tests/unit/layouts-abi.c tests/unit/layouts.h
tests_unit_layouts32_CFLAGS = -m32 -Wall -Wextra
tests_unit_layouts32_LDFLAGS = -m32
endif

# Built, never run: every constant of the tables in src/xlat/ (but the
# look-ups, xlat.c) equals the system headers' (_Static_assert), the
# checks written from the tables by xlat-gen.sh.
XLAT_TABLES = $(filter-out %/xlat.c,$(wildcard $(top_srcdir)/src/xlat/*.c))
check_PROGRAMS += tests/unit/xlat-headers
tests_unit_xlat_headers_SOURCES = tests/unit/xlat-headers.c \
	tests/unit/xlat-unchecked.h
nodist_tests_unit_xlat_headers_SOURCES = tests/unit/xlat-checks.h
tests_unit_xlat_headers_CPPFLAGS = -D_GNU_SOURCE -I$(top_builddir)/tests/unit \
	-I$(top_srcdir)/tests/unit
tests_unit_xlat_headers_CFLAGS = $(WARN_CFLAGS)
EXTRA_DIST += tests/unit/xlat-gen.sh
MOSTLYCLEANFILES += tests/unit/xlat-checks.h
tests/unit/xlat_headers-xlat-headers.$(OBJEXT): tests/unit/xlat-checks.h
tests/unit/xlat-checks.h: $(XLAT_TABLES) $(top_srcdir)/tests/unit/xlat-gen.sh
	$(AM_V_GEN)$(SHELL) $(top_srcdir)/tests/unit/xlat-gen.sh $(XLAT_TABLES) \
		>$@.tmp && mv $@.tmp $@

# The kernel's syscall numbers, from the system's headers, for the table
# checks and the tests' calls (tests/unit/nr-tables.h): NR64_name and
# NR32_name, and a table of each ABI.
tests/unit/nr-tables.c: Makefile
	$(AM_V_GEN){ \
	echo '/* Made by make from <asm/unistd_64.h> and <asm/unistd_32.h>. */'; \
	echo '#include "nr-tables.h"'; \
	for abi in x86_64:64 i386:32; do \
		echo "const struct ut_nr ut_nr_$${abi%%:*}[] = {"; \
		echo "#include <asm/unistd_$${abi#*:}.h>" | $(CPP) -dM - | \
		sed -n 's/^#define __NR_\([a-z0-9_]*\) \([0-9][0-9]*\)$$/	{ "\1", \2 },/p' | sort; \
		echo '	{ 0, 0 }'; echo '};'; \
	done; } >$@.tmp && mv $@.tmp $@
tests/unit/nr-defs.h: Makefile
	$(AM_V_GEN){ \
	echo '/* Made by make from <asm/unistd_64.h> and <asm/unistd_32.h>. */'; \
	for abi in 64 32; do \
		echo "#include <asm/unistd_$$abi.h>" | $(CPP) -dM - | \
		sed -n "s/^#define __NR_\\([a-z0-9_]*\\) \\([0-9][0-9]*\\)$$/#define NR$${abi}_\\1 \\2/p" | sort; \
	done; } >$@.tmp && mv $@.tmp $@
