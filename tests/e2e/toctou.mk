# TOCTOU tests: programs racing with themselves, built 64-bit (NAME-m64)
# and -m32 (NAME-m32), run by tests/e2e/toctou/run-toctou.sh.  The ABI is
# in the name, not the extension: automake names a test's log after the
# name without its extension.
TEST_EXTENSIONS += .toctou
TOCTOU_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/e2e/toctou/run-toctou.sh
EXTRA_DIST += tests/e2e/toctou/run-toctou.sh tests/e2e/toctou/toctou.h

TOCTOU_CFLAGS = -Wall -Wextra -O1 -pthread
TOCTOU_TESTS64 = \
	tests/e2e/toctou/sleep_rewritten-m64.toctou \
	tests/e2e/toctou/overlap-m64.toctou \
	tests/e2e/toctou/unmapped-m64.toctou \
	tests/e2e/toctou/restarted-m64.toctou \
	tests/e2e/toctou/padding-m64.toctou \
	tests/e2e/toctou/racing_loop-m64.toctou \
	tests/e2e/toctou/nanosleep_rewritten-m64.toctou
check_PROGRAMS += $(TOCTOU_TESTS64)
TESTS += $(TOCTOU_TESTS64)
tests_e2e_toctou_sleep_rewritten_m64_toctou_SOURCES = tests/e2e/toctou/sleep_rewritten.c
tests_e2e_toctou_sleep_rewritten_m64_toctou_CFLAGS = $(TOCTOU_CFLAGS)
tests_e2e_toctou_overlap_m64_toctou_SOURCES = tests/e2e/toctou/overlap.c
tests_e2e_toctou_overlap_m64_toctou_CFLAGS = $(TOCTOU_CFLAGS)
tests_e2e_toctou_unmapped_m64_toctou_SOURCES = tests/e2e/toctou/unmapped.c
tests_e2e_toctou_unmapped_m64_toctou_CFLAGS = $(TOCTOU_CFLAGS)
tests_e2e_toctou_restarted_m64_toctou_SOURCES = tests/e2e/toctou/restarted.c
tests_e2e_toctou_restarted_m64_toctou_CFLAGS = $(TOCTOU_CFLAGS)
tests_e2e_toctou_padding_m64_toctou_SOURCES = tests/e2e/toctou/padding.c
tests_e2e_toctou_padding_m64_toctou_CFLAGS = $(TOCTOU_CFLAGS)
tests_e2e_toctou_racing_loop_m64_toctou_SOURCES = tests/e2e/toctou/racing_loop.c
tests_e2e_toctou_racing_loop_m64_toctou_CFLAGS = $(TOCTOU_CFLAGS)
tests_e2e_toctou_nanosleep_rewritten_m64_toctou_SOURCES = tests/e2e/toctou/sleep_rewritten.c
tests_e2e_toctou_nanosleep_rewritten_m64_toctou_CFLAGS = -DNANOSLEEP $(TOCTOU_CFLAGS)

if HAVE_M32
TOCTOU_TESTS32 = \
	tests/e2e/toctou/sleep_rewritten-m32.toctou \
	tests/e2e/toctou/overlap-m32.toctou \
	tests/e2e/toctou/unmapped-m32.toctou \
	tests/e2e/toctou/restarted-m32.toctou \
	tests/e2e/toctou/padding-m32.toctou \
	tests/e2e/toctou/racing_loop-m32.toctou \
	tests/e2e/toctou/nanosleep_rewritten-m32.toctou
check_PROGRAMS += $(TOCTOU_TESTS32)
TESTS += $(TOCTOU_TESTS32)
tests_e2e_toctou_sleep_rewritten_m32_toctou_SOURCES = tests/e2e/toctou/sleep_rewritten.c
tests_e2e_toctou_sleep_rewritten_m32_toctou_CFLAGS = -m32 $(TOCTOU_CFLAGS)
tests_e2e_toctou_sleep_rewritten_m32_toctou_LDFLAGS = -m32
tests_e2e_toctou_overlap_m32_toctou_SOURCES = tests/e2e/toctou/overlap.c
tests_e2e_toctou_overlap_m32_toctou_CFLAGS = -m32 $(TOCTOU_CFLAGS)
tests_e2e_toctou_overlap_m32_toctou_LDFLAGS = -m32
tests_e2e_toctou_unmapped_m32_toctou_SOURCES = tests/e2e/toctou/unmapped.c
tests_e2e_toctou_unmapped_m32_toctou_CFLAGS = -m32 $(TOCTOU_CFLAGS)
tests_e2e_toctou_unmapped_m32_toctou_LDFLAGS = -m32
tests_e2e_toctou_restarted_m32_toctou_SOURCES = tests/e2e/toctou/restarted.c
tests_e2e_toctou_restarted_m32_toctou_CFLAGS = -m32 $(TOCTOU_CFLAGS)
tests_e2e_toctou_restarted_m32_toctou_LDFLAGS = -m32
tests_e2e_toctou_padding_m32_toctou_SOURCES = tests/e2e/toctou/padding.c
tests_e2e_toctou_padding_m32_toctou_CFLAGS = -m32 $(TOCTOU_CFLAGS)
tests_e2e_toctou_padding_m32_toctou_LDFLAGS = -m32
tests_e2e_toctou_racing_loop_m32_toctou_SOURCES = tests/e2e/toctou/racing_loop.c
tests_e2e_toctou_racing_loop_m32_toctou_CFLAGS = -m32 $(TOCTOU_CFLAGS)
tests_e2e_toctou_racing_loop_m32_toctou_LDFLAGS = -m32
tests_e2e_toctou_nanosleep_rewritten_m32_toctou_SOURCES = tests/e2e/toctou/sleep_rewritten.c
tests_e2e_toctou_nanosleep_rewritten_m32_toctou_CFLAGS = -m32 -DNANOSLEEP $(TOCTOU_CFLAGS)
tests_e2e_toctou_nanosleep_rewritten_m32_toctou_LDFLAGS = -m32
endif
