# e2e/faults.mk: the fault suite.  Each tests/e2e/faults/*.sh script
# drives ttrace into a failure (a tracee killed at any stop, a dead or
# full output, crowds of threads and children, vfork, failed execs, -p
# and signals) and checks the exact exit status and messages, and that
# nothing is left running traced or stopped.  They source
# tests/e2e/tracer/lib.sh.

FAULT_TESTS = \
	tests/e2e/faults/attach-self.sh \
	tests/e2e/faults/crowds.sh \
	tests/e2e/faults/dead-output.sh \
	tests/e2e/faults/exec-fail.sh \
	tests/e2e/faults/sigkill-tracee.sh \
	tests/e2e/faults/sigint-threads.sh \
	tests/e2e/faults/vfork.sh

TESTS += $(FAULT_TESTS)
EXTRA_DIST += tests/e2e/faults.mk $(FAULT_TESTS)

check_PROGRAMS += \
	tests/e2e/helpers/execfail \
	tests/e2e/helpers/spin \
	tests/e2e/helpers/swarm \
	tests/e2e/helpers/vforker
tests_e2e_helpers_execfail_LDADD = -lpthread
tests_e2e_helpers_swarm_LDADD = -lpthread
# Not sanitized (TRACEE_CC in tests/Makefile.inc).
tests_e2e_helpers_execfail_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_execfail_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_spin_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_spin_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_swarm_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_swarm_LDFLAGS = $(TRACEE_LD)
tests_e2e_helpers_vforker_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_vforker_LDFLAGS = $(TRACEE_LD)
