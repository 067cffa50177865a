# unit/unit.mk: the check suites, one program (tests/unit/check_ttrace)
# with one file per module; see tests/unit/unit.h.
EXTRA_DIST += tests/unit/unit.mk

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_ttrace
TESTS += tests/unit/check_ttrace
tests_unit_check_ttrace_SOURCES = \
	tests/unit/check_ttrace.c tests/unit/unit.h tests/unit/unit.c \
	tests/unit/check_decode.c \
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
