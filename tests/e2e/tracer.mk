# e2e/tracer.mk: tracer behaviour tests.  Each tests/e2e/tracer/*.sh
# script runs ttrace on small helper programs (tests/e2e/helpers) and
# checks the trace, ttrace's messages and exit status, and that every
# process it touched is left running untraced or is gone.
# lib.sh is sourced by every script.

TRACER_SH = \
	tests/e2e/tracer/attach-detach.sh \
	tests/e2e/tracer/attach-churn.sh \
	tests/e2e/tracer/attach-errors.sh \
	tests/e2e/tracer/attach-restart.sh \
	tests/e2e/tracer/attach-timers.sh \
	tests/e2e/tracer/exec-check.sh \
	tests/e2e/tracer/exec-i386.sh \
	tests/e2e/tracer/exit-status.sh \
	tests/e2e/tracer/fairness.sh \
	tests/e2e/tracer/int80.sh \
	tests/e2e/tracer/signals.sh \
	tests/e2e/tracer/stop-cont.sh \
	tests/e2e/tracer/thread-exec.sh \
	tests/e2e/tracer/threads-forks.sh \
	tests/e2e/tracer/ttrace-killed.sh \
	tests/e2e/tracer/usage-errors.sh \
	tests/e2e/tracer/no-fd-leak.sh \
	tests/e2e/tracer/orphan-interrupt.sh \
	tests/e2e/tracer/own-filter.sh \
	tests/e2e/tracer/closed-stdio.sh \
	tests/e2e/tracer/special-outputs.sh \
	tests/e2e/tracer/cut-line.sh \
	tests/e2e/tracer/non-utf8.sh \
	tests/e2e/tracer/waits-filter.sh \
	tests/e2e/tracer/output-separately.sh \
	tests/e2e/tracer/pipe-output.sh \
	tests/e2e/tracer/status-filter.sh \
	tests/e2e/tracer/x32.sh \
	tests/e2e/tracer/idle-cpu.sh
TRACER_TESTS = $(TRACER_SH) \
	tests/e2e/summary.sh \
	tests/e2e/timestamps.sh \
	tests/e2e/profile.sh \
	tests/e2e/profile-scale.sh \
	tests/e2e/check-status.sh \
	tests/e2e/check-report.sh \
	tests/e2e/check-diff.sh \
	tests/e2e/check-github.sh

TESTS += $(TRACER_TESTS)
EXTRA_DIST += $(TRACER_TESTS) tests/e2e/tracer/lib.sh

check_PROGRAMS += \
	tests/e2e/helpers/cpuof \
	tests/e2e/helpers/crowd \
	tests/e2e/helpers/execchain \
	tests/e2e/helpers/family \
	tests/e2e/helpers/int80 \
	tests/e2e/helpers/ownfilter \
	tests/e2e/helpers/sleeper \
	tests/e2e/helpers/statuses \
	tests/e2e/helpers/threxec \
	tests/e2e/helpers/timing \
	tests/e2e/helpers/timerloop \
	tests/e2e/helpers/distinct \
	tests/e2e/helpers/waits \
	tests/e2e/helpers/x32call
tests_e2e_helpers_crowd_LDADD = -lpthread
tests_e2e_helpers_family_LDADD = -lpthread
tests_e2e_helpers_sleeper_LDADD = -lpthread
tests_e2e_helpers_statuses_LDADD = -lpthread
tests_e2e_helpers_statuses_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_statuses_LDFLAGS = $(TRACEE_LD)
# Not sanitized (--enable-sanitizers): its "segv" case must die of the
# SIGSEGV it provokes, which UBSan's null check and ASan's SEGV handler
# would each turn into a report and exit status 1.
tests_e2e_helpers_sleeper_CFLAGS = $(WARN_CFLAGS)
tests_e2e_helpers_sleeper_LDFLAGS =
tests_e2e_helpers_threxec_LDADD = -lpthread
# The other helpers are not sanitized either (TRACEE_CC).
tests_e2e_helpers_crowd_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_crowd_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_execchain_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_execchain_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_family_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_family_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_int80_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_int80_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_x32call_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_x32call_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_ownfilter_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_ownfilter_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_threxec_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_threxec_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_timing_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_timing_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_timerloop_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_distinct_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_distinct_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_timerloop_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_waits_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_waits_LDFLAGS = $(TRACEE_LD)

# The same source as execchain, as an i386 program.
if HAVE_M32
check_PROGRAMS += tests/e2e/helpers/execchain32
tests_e2e_helpers_execchain32_SOURCES = tests/e2e/helpers/execchain.c
tests_e2e_helpers_execchain32_CFLAGS = -m32 -Wall -Wextra
tests_e2e_helpers_execchain32_LDFLAGS = -m32
# --check: an i386 build checks against an x86_64 profile.
check_PROGRAMS += tests/e2e/helpers/timing32
tests_e2e_helpers_timing32_SOURCES = tests/e2e/helpers/timing.c
tests_e2e_helpers_timing32_CFLAGS = -m32 -Wall -Wextra
tests_e2e_helpers_timing32_LDFLAGS = -m32
# The waits the filter tests by their arguments, as an i386 program.
check_PROGRAMS += tests/e2e/helpers/waits32
tests_e2e_helpers_waits32_SOURCES = tests/e2e/helpers/waits.c
tests_e2e_helpers_waits32_CFLAGS = -m32 -Wall -Wextra
tests_e2e_helpers_waits32_LDFLAGS = -m32
endif

# Waits that end every way (poll, ppoll): what -c, --json, profiles and
# the timeline say of them; waits resumed through restart_syscall.
WAITS_TESTS = \
	tests/e2e/waits-summary.sh \
	tests/e2e/waits-profile.sh \
	tests/e2e/waits-timeline.sh \
	tests/e2e/resumed-waits.sh
TESTS += $(WAITS_TESTS)
EXTRA_DIST += $(WAITS_TESTS)
check_PROGRAMS += tests/e2e/helpers/waiter tests/e2e/helpers/resumed
tests_e2e_helpers_waiter_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_waiter_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_resumed_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_resumed_LDFLAGS = $(TRACEE_LD)
