# e2e/decode.mk: the end-to-end decoding programs.  Each is built for
# x86_64 (NAME.t64) and, when gcc -m32 links, for i386 (NAME-i386.t32); each
# prints the trace ttrace must write, and run-decode.sh diffs the two.
# strace-compare.sh replays them under strace 6.1 and ttrace.

EXTRA_DIST += tests/e2e/decode.mk tests/e2e/e2e.h tests/e2e/run-decode.sh \
	tests/e2e/no-m32.sh tests/e2e/strace-compare.sh

E2E_DECODE_T64 = \
	tests/e2e/timer.t64 \
	tests/e2e/timerfd.t64 \
	tests/e2e/sleep.t64 \
	tests/e2e/clocks.t64 \
	tests/e2e/interrupt.t64 \
	tests/e2e/timersig.t64 \
	tests/e2e/badptr.t64 \
	tests/e2e/posixtimer.t64 \
	tests/e2e/clockcalls.t64 \
	tests/e2e/itimer.t64 \
	tests/e2e/tfdcreate.t64 \
	tests/e2e/nanosleep.t64 \
	tests/e2e/tfdread.t64
check_PROGRAMS += $(E2E_DECODE_T64)
TESTS += $(E2E_DECODE_T64)
tests_e2e_timer_t64_SOURCES = tests/e2e/timer.c tests/e2e/e2e.h
tests_e2e_timerfd_t64_SOURCES = tests/e2e/timerfd.c tests/e2e/e2e.h
tests_e2e_sleep_t64_SOURCES = tests/e2e/sleep.c tests/e2e/e2e.h
tests_e2e_clocks_t64_SOURCES = tests/e2e/clocks.c tests/e2e/e2e.h
tests_e2e_interrupt_t64_SOURCES = tests/e2e/interrupt.c tests/e2e/e2e.h
tests_e2e_timersig_t64_SOURCES = tests/e2e/timersig.c tests/e2e/e2e.h
tests_e2e_badptr_t64_SOURCES = tests/e2e/badptr.c tests/e2e/e2e.h
tests_e2e_posixtimer_t64_SOURCES = tests/e2e/posixtimer.c tests/e2e/e2e.h
tests_e2e_clockcalls_t64_SOURCES = tests/e2e/clockcalls.c tests/e2e/e2e.h
tests_e2e_itimer_t64_SOURCES = tests/e2e/itimer.c tests/e2e/e2e.h
tests_e2e_tfdcreate_t64_SOURCES = tests/e2e/tfdcreate.c tests/e2e/e2e.h
tests_e2e_nanosleep_t64_SOURCES = tests/e2e/nanosleep.c tests/e2e/e2e.h
tests_e2e_tfdread_t64_SOURCES = tests/e2e/tfdread.c tests/e2e/e2e.h

# Not sanitized (tests/Makefile.inc, TRACEE_CC).
tests_e2e_timer_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_timer_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_timerfd_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_timerfd_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_sleep_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_sleep_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_clocks_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_clocks_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_interrupt_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_interrupt_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_timersig_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_timersig_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_badptr_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_badptr_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_posixtimer_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_posixtimer_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_clockcalls_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_clockcalls_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_itimer_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_itimer_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_tfdcreate_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_tfdcreate_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_nanosleep_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_nanosleep_t64_LDFLAGS = $(TRACEE_LD)
tests_e2e_tfdread_t64_CFLAGS = $(TRACEE_CC)
tests_e2e_tfdread_t64_LDFLAGS = $(TRACEE_LD)

# Per-target flags replace AM_CFLAGS: the warnings are repeated here.
E2E_CC_M32 = -m32 $(WARN_CFLAGS)
E2E_LD_M32 = -m32

if HAVE_M32
# Not NAME.t32: the test driver names logs after the stem (NAME.log), and
# the two builds of a program would share (and race on) one log.
E2E_DECODE_T32 = $(E2E_DECODE_T64:.t64=-i386.t32)
check_PROGRAMS += $(E2E_DECODE_T32)
TESTS += $(E2E_DECODE_T32)
tests_e2e_timer_i386_t32_SOURCES = $(tests_e2e_timer_t64_SOURCES)
tests_e2e_timer_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_timer_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_timerfd_i386_t32_SOURCES = $(tests_e2e_timerfd_t64_SOURCES)
tests_e2e_timerfd_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_timerfd_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_sleep_i386_t32_SOURCES = $(tests_e2e_sleep_t64_SOURCES)
tests_e2e_sleep_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_sleep_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_clocks_i386_t32_SOURCES = $(tests_e2e_clocks_t64_SOURCES)
tests_e2e_clocks_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_clocks_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_interrupt_i386_t32_SOURCES = $(tests_e2e_interrupt_t64_SOURCES)
tests_e2e_interrupt_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_interrupt_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_timersig_i386_t32_SOURCES = $(tests_e2e_timersig_t64_SOURCES)
tests_e2e_timersig_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_timersig_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_badptr_i386_t32_SOURCES = $(tests_e2e_badptr_t64_SOURCES)
tests_e2e_badptr_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_badptr_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_posixtimer_i386_t32_SOURCES = $(tests_e2e_posixtimer_t64_SOURCES)
tests_e2e_posixtimer_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_posixtimer_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_clockcalls_i386_t32_SOURCES = $(tests_e2e_clockcalls_t64_SOURCES)
tests_e2e_clockcalls_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_clockcalls_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_itimer_i386_t32_SOURCES = $(tests_e2e_itimer_t64_SOURCES)
tests_e2e_itimer_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_itimer_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_tfdcreate_i386_t32_SOURCES = $(tests_e2e_tfdcreate_t64_SOURCES)
tests_e2e_tfdcreate_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_tfdcreate_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_nanosleep_i386_t32_SOURCES = $(tests_e2e_nanosleep_t64_SOURCES)
tests_e2e_nanosleep_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_nanosleep_i386_t32_LDFLAGS = $(E2E_LD_M32)
tests_e2e_tfdread_i386_t32_SOURCES = $(tests_e2e_tfdread_t64_SOURCES)
tests_e2e_tfdread_i386_t32_CFLAGS = $(E2E_CC_M32)
tests_e2e_tfdread_i386_t32_LDFLAGS = $(E2E_LD_M32)
else
TESTS += tests/e2e/no-m32.sh
endif

# After the programs above are built (check_PROGRAMS come first).
TESTS += tests/e2e/strace-compare.sh
