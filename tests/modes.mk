# tests/modes.mk: the end-to-end tests again in ttrace's other modes, as
# passes over the same lists.  Each run of one test in one mode is a test
# of its own: it runs in parallel with the rest, and a failure names the
# mode and the program (FAIL: tests/modes/off/tests/e2e/decode/timer-m64.dec.mode).
#
#   off      --seccomp=off: every call of the tracee stops (PTRACE_SYSCALL),
#            not only the traced ones under ttrace's filter
#   regs     TTRACE_NO_SYSCALL_INFO=1: the path of kernels before 5.3 (the
#            ABI from the register set's size, entry and exit by
#            bookkeeping), with the filter
#   regsoff  the same with --seccomp=off
#   peek     TTRACE_NO_VM_READV=1: memory read with PTRACE_PEEKDATA
#
# The test of mode M over test T is the file tests/modes/M/T.mode, which
# make writes (it holds M/T); tests/run-mode.sh runs T in mode M.  A new
# test joins the modes by being in one of the lists below.
TEST_EXTENSIONS += .mode
MODE_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/run-mode.sh
EXTRA_DIST += tests/modes.mk tests/run-mode.sh

# Decoding must not depend on how ttrace stops or reads: every mode.
MODE_DECODE = $(E2E_DECODE_M64) $(E2E_DECODE_M32)
# The filter changes which stops come: the tracer's behaviour too.
MODE_OFF = $(MODE_DECODE) $(TOCTOU_TESTS64) $(TOCTOU_TESTS32) \
	$(STACK_TESTS) $(TRACER_SH)

# Made and added by $(eval), unseen by automake: automake rewrites the
# programs in TESTS (for $(EXEEXT)) and, through these pattern
# substitutions, put the lists' own tests there instead of their .mode
# files, so no mode ran.
$(eval MODE_TESTS = \
	$$(MODE_OFF:%=tests/modes/off/%.mode) \
	$$(MODE_DECODE:%=tests/modes/regs/%.mode) \
	$$(MODE_DECODE:%=tests/modes/regsoff/%.mode) \
	$$(MODE_DECODE:%=tests/modes/peek/%.mode))
$(eval TESTS += $$(MODE_TESTS))
$(eval check_SCRIPTS += $$(MODE_TESTS))

tests/modes/%.mode:
	@mkdir -p $(@D) && echo '$*' >$@

clean-local: clean-modes
clean-modes:
	rm -rf tests/modes
.PHONY: clean-modes
