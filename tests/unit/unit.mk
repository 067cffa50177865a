# unit/unit.mk: the check suites, one program (tests/unit/check_ttrace)
# with one file per module; see tests/unit/unit.h.
EXTRA_DIST += tests/unit/unit.mk

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_ttrace
TESTS += tests/unit/check_ttrace
tests_unit_check_ttrace_SOURCES = \
	tests/unit/check_ttrace.c tests/unit/unit.h tests/unit/unit.c \
	tests/unit/check_decode.c tests/unit/layouts.h \
	tests/unit/check_timing.c \
	tests/unit/check_text.c \
	tests/unit/check_tables.c \
	tests/unit/check_select.c \
	tests/unit/check_options.c \
	tests/unit/check_xlat.c \
	tests/unit/check_umove.c \
	tests/unit/check_core.c tests/unit/check_json.c tests/unit/check_summary.c \
	tests/unit/check_profile.c \
	tests/unit/check_elfinfo.c
tests_unit_check_ttrace_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
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
