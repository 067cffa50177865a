# e2e/decode/decode.mk: the end-to-end decoding programs.  Each NAME.c is
# built for x86_64 (NAME-m64.dec) and, when gcc -m32 links, for i386
# (NAME-m32.dec), the ABI in the name as for the TOCTOU and stack
# programs; each prints the trace ttrace must write, and run-decode.sh
# diffs the two.  strace-compare.sh replays them under strace 6.1 and
# ttrace.  A new program: its name in E2E_DECODE_NAMES and its lines below.

TEST_EXTENSIONS += .dec
DEC_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/e2e/decode/run-decode.sh
EXTRA_DIST += tests/e2e/decode/decode.mk tests/e2e/decode/e2e.h \
	tests/e2e/decode/run-decode.sh tests/e2e/decode/no-m32.sh \
	tests/e2e/decode/strace-compare.sh

E2E_DECODE_M64 = \
	tests/e2e/decode/timer-m64.dec \
	tests/e2e/decode/timerfd-m64.dec \
	tests/e2e/decode/sleep-m64.dec \
	tests/e2e/decode/clocks-m64.dec \
	tests/e2e/decode/interrupt-m64.dec \
	tests/e2e/decode/timersig-m64.dec \
	tests/e2e/decode/badptr-m64.dec \
	tests/e2e/decode/posixtimer-m64.dec \
	tests/e2e/decode/clockcalls-m64.dec \
	tests/e2e/decode/itimer-m64.dec \
	tests/e2e/decode/tfdcreate-m64.dec \
	tests/e2e/decode/nanosleep-m64.dec \
	tests/e2e/decode/tfdread-m64.dec \
	tests/e2e/decode/epoll-m64.dec \
	tests/e2e/decode/sigtimedwait-m64.dec
E2E_DECODE_M64 += \
	tests/e2e/decode/poll-m64.dec \
	tests/e2e/decode/select-m64.dec \
	tests/e2e/decode/futex-m64.dec \
	tests/e2e/decode/semtimedop-m64.dec \
	tests/e2e/decode/aio-m64.dec
check_PROGRAMS += $(E2E_DECODE_M64)
TESTS += $(E2E_DECODE_M64)
# Not sanitized: their runtimes would make calls ttrace shows (TRACEE_CC).
tests_e2e_decode_timer_m64_dec_SOURCES = tests/e2e/decode/timer.c tests/e2e/decode/e2e.h
tests_e2e_decode_timer_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_timer_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_timerfd_m64_dec_SOURCES = tests/e2e/decode/timerfd.c tests/e2e/decode/e2e.h
tests_e2e_decode_timerfd_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_timerfd_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_sleep_m64_dec_SOURCES = tests/e2e/decode/sleep.c tests/e2e/decode/e2e.h
tests_e2e_decode_sleep_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_sleep_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_clocks_m64_dec_SOURCES = tests/e2e/decode/clocks.c tests/e2e/decode/e2e.h
tests_e2e_decode_clocks_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_clocks_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_interrupt_m64_dec_SOURCES = tests/e2e/decode/interrupt.c tests/e2e/decode/e2e.h
tests_e2e_decode_interrupt_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_interrupt_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_timersig_m64_dec_SOURCES = tests/e2e/decode/timersig.c tests/e2e/decode/e2e.h
tests_e2e_decode_timersig_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_timersig_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_badptr_m64_dec_SOURCES = tests/e2e/decode/badptr.c tests/e2e/decode/e2e.h
tests_e2e_decode_badptr_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_badptr_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_posixtimer_m64_dec_SOURCES = tests/e2e/decode/posixtimer.c tests/e2e/decode/e2e.h
tests_e2e_decode_posixtimer_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_posixtimer_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_clockcalls_m64_dec_SOURCES = tests/e2e/decode/clockcalls.c tests/e2e/decode/e2e.h
tests_e2e_decode_clockcalls_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_clockcalls_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_itimer_m64_dec_SOURCES = tests/e2e/decode/itimer.c tests/e2e/decode/e2e.h
tests_e2e_decode_itimer_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_itimer_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_tfdcreate_m64_dec_SOURCES = tests/e2e/decode/tfdcreate.c tests/e2e/decode/e2e.h
tests_e2e_decode_tfdcreate_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_tfdcreate_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_nanosleep_m64_dec_SOURCES = tests/e2e/decode/nanosleep.c tests/e2e/decode/e2e.h
tests_e2e_decode_nanosleep_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_nanosleep_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_tfdread_m64_dec_SOURCES = tests/e2e/decode/tfdread.c tests/e2e/decode/e2e.h
tests_e2e_decode_tfdread_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_tfdread_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_epoll_m64_dec_SOURCES = tests/e2e/decode/epoll.c tests/e2e/decode/e2e.h
tests_e2e_decode_epoll_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_epoll_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_sigtimedwait_m64_dec_SOURCES = tests/e2e/decode/sigtimedwait.c tests/e2e/decode/e2e.h
tests_e2e_decode_sigtimedwait_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_sigtimedwait_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_poll_m64_dec_SOURCES = tests/e2e/decode/poll.c tests/e2e/decode/e2e.h
tests_e2e_decode_poll_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_poll_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_select_m64_dec_SOURCES = tests/e2e/decode/select.c tests/e2e/decode/e2e.h
tests_e2e_decode_select_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_select_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_futex_m64_dec_SOURCES = tests/e2e/decode/futex.c tests/e2e/decode/e2e.h
tests_e2e_decode_futex_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_futex_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_semtimedop_m64_dec_SOURCES = tests/e2e/decode/semtimedop.c tests/e2e/decode/e2e.h
tests_e2e_decode_semtimedop_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_semtimedop_m64_dec_LDFLAGS = $(TRACEE_LD)
tests_e2e_decode_aio_m64_dec_SOURCES = tests/e2e/decode/aio.c tests/e2e/decode/e2e.h
tests_e2e_decode_aio_m64_dec_CFLAGS = $(TRACEE_CC)
tests_e2e_decode_aio_m64_dec_LDFLAGS = $(TRACEE_LD)

# Per-target flags replace AM_CFLAGS: the warnings are repeated here.
E2E_CC_M32 = -m32 $(WARN_CFLAGS)
E2E_LD_M32 = -m32

if HAVE_M32
E2E_DECODE_M32 = $(E2E_DECODE_M64:-m64.dec=-m32.dec)
check_PROGRAMS += $(E2E_DECODE_M32)
TESTS += $(E2E_DECODE_M32)
tests_e2e_decode_timer_m32_dec_SOURCES = $(tests_e2e_decode_timer_m64_dec_SOURCES)
tests_e2e_decode_timer_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_timer_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_timerfd_m32_dec_SOURCES = $(tests_e2e_decode_timerfd_m64_dec_SOURCES)
tests_e2e_decode_timerfd_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_timerfd_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_sleep_m32_dec_SOURCES = $(tests_e2e_decode_sleep_m64_dec_SOURCES)
tests_e2e_decode_sleep_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_sleep_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_clocks_m32_dec_SOURCES = $(tests_e2e_decode_clocks_m64_dec_SOURCES)
tests_e2e_decode_clocks_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_clocks_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_interrupt_m32_dec_SOURCES = $(tests_e2e_decode_interrupt_m64_dec_SOURCES)
tests_e2e_decode_interrupt_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_interrupt_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_timersig_m32_dec_SOURCES = $(tests_e2e_decode_timersig_m64_dec_SOURCES)
tests_e2e_decode_timersig_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_timersig_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_badptr_m32_dec_SOURCES = $(tests_e2e_decode_badptr_m64_dec_SOURCES)
tests_e2e_decode_badptr_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_badptr_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_posixtimer_m32_dec_SOURCES = $(tests_e2e_decode_posixtimer_m64_dec_SOURCES)
tests_e2e_decode_posixtimer_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_posixtimer_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_clockcalls_m32_dec_SOURCES = $(tests_e2e_decode_clockcalls_m64_dec_SOURCES)
tests_e2e_decode_clockcalls_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_clockcalls_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_itimer_m32_dec_SOURCES = $(tests_e2e_decode_itimer_m64_dec_SOURCES)
tests_e2e_decode_itimer_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_itimer_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_tfdcreate_m32_dec_SOURCES = $(tests_e2e_decode_tfdcreate_m64_dec_SOURCES)
tests_e2e_decode_tfdcreate_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_tfdcreate_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_nanosleep_m32_dec_SOURCES = $(tests_e2e_decode_nanosleep_m64_dec_SOURCES)
tests_e2e_decode_nanosleep_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_nanosleep_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_tfdread_m32_dec_SOURCES = $(tests_e2e_decode_tfdread_m64_dec_SOURCES)
tests_e2e_decode_tfdread_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_tfdread_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_epoll_m32_dec_SOURCES = $(tests_e2e_decode_epoll_m64_dec_SOURCES)
tests_e2e_decode_epoll_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_epoll_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_sigtimedwait_m32_dec_SOURCES = $(tests_e2e_decode_sigtimedwait_m64_dec_SOURCES)
tests_e2e_decode_sigtimedwait_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_sigtimedwait_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_poll_m32_dec_SOURCES = $(tests_e2e_decode_poll_m64_dec_SOURCES)
tests_e2e_decode_poll_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_poll_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_select_m32_dec_SOURCES = $(tests_e2e_decode_select_m64_dec_SOURCES)
tests_e2e_decode_select_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_select_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_futex_m32_dec_SOURCES = $(tests_e2e_decode_futex_m64_dec_SOURCES)
tests_e2e_decode_futex_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_futex_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_semtimedop_m32_dec_SOURCES = $(tests_e2e_decode_semtimedop_m64_dec_SOURCES)
tests_e2e_decode_semtimedop_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_semtimedop_m32_dec_LDFLAGS = $(E2E_LD_M32)
tests_e2e_decode_aio_m32_dec_SOURCES = $(tests_e2e_decode_aio_m64_dec_SOURCES)
tests_e2e_decode_aio_m32_dec_CFLAGS = $(E2E_CC_M32)
tests_e2e_decode_aio_m32_dec_LDFLAGS = $(E2E_LD_M32)
else
TESTS += tests/e2e/decode/no-m32.sh
endif

# After the programs above are built (check_PROGRAMS come first).
TESTS += tests/e2e/decode/strace-compare.sh
