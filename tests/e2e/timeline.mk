# e2e/timeline.mk: --timeline.  timeline.sh runs ttrace --timeline on
# tests/e2e/helpers/tlprog (known sleeps, settimes, a timer signal, a
# thread, a child) and checks the Chrome Trace Event file it wrote with
# timeline-check.py; timeline-m32.sh does the same with the i386 build.

TIMELINE_TESTS = tests/e2e/timeline.sh tests/e2e/timeline-m32.sh
TESTS += $(TIMELINE_TESTS)
EXTRA_DIST += tests/e2e/timeline.mk $(TIMELINE_TESTS) \
	tests/e2e/timeline-check.py

check_PROGRAMS += tests/e2e/helpers/tlprog
tests_e2e_helpers_tlprog_LDADD = -lpthread
# Not sanitized (TRACEE_CC in tests/Makefile.inc).
tests_e2e_helpers_tlprog_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_tlprog_LDFLAGS = $(TRACEE_LD)

if HAVE_M32
check_PROGRAMS += tests/e2e/helpers/tlprog32
tests_e2e_helpers_tlprog32_SOURCES = tests/e2e/helpers/tlprog.c
tests_e2e_helpers_tlprog32_CFLAGS = $(E2E_CC_M32)
tests_e2e_helpers_tlprog32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_helpers_tlprog32_LDADD = -lpthread
endif
