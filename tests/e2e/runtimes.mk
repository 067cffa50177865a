# e2e/runtimes.mk: --check on the poll loops of Python, Node, Go, Java
# and C (tests/e2e/runtimes.sh, issue #16).  The Go and Java programs are
# built by the test itself, in its scratch directory, when go and javac
# are installed; the C ones here.  make bench-runtimes runs the test with
# 20 unchanged runs a case (bench/runtimes-check.sh).
RUNTIME_SRC = \
	tests/e2e/runtimes/py-sleep.py \
	tests/e2e/runtimes/py-asyncio.py \
	tests/e2e/runtimes/py-event.py \
	tests/e2e/runtimes/node-interval.js \
	tests/e2e/runtimes/node-timeout.js \
	tests/e2e/runtimes/go-poll.go \
	tests/e2e/runtimes/RtFixedRate.java \
	tests/e2e/runtimes/RtSleep.java

TESTS += tests/e2e/runtimes.sh
EXTRA_DIST += tests/e2e/runtimes.sh tests/e2e/runtimes.mk $(RUNTIME_SRC) \
	bench/runtimes-check.sh

RUNTIME_C = tests/e2e/runtimes/c-abs tests/e2e/runtimes/c-timerfd
check_PROGRAMS += $(RUNTIME_C)
tests_e2e_runtimes_c_abs_CFLAGS = $(TRACEE_CC)
tests_e2e_runtimes_c_abs_LDFLAGS = $(TRACEE_LD)
tests_e2e_runtimes_c_timerfd_CFLAGS = $(TRACEE_CC)
tests_e2e_runtimes_c_timerfd_LDFLAGS = $(TRACEE_LD)

bench-runtimes: ttrace$(EXEEXT) $(RUNTIME_C)
	TTRACE=$(abs_builddir)/ttrace TT_BUILDDIR=$(abs_builddir) \
		TT_SRCDIR=$(abs_srcdir) bash $(srcdir)/bench/runtimes-check.sh $(RUNS)
.PHONY: bench-runtimes
