# e2e/fdpaths.mk: -y and -yy against strace 6.1 -y and -yy on one program
# that makes every fd-taking call ttrace decodes (tests/e2e/fd-paths.sh,
# tests/e2e/helpers/fdpaths.c).
TESTS += tests/e2e/fd-paths.sh
EXTRA_DIST += tests/e2e/fd-paths.sh tests/e2e/fdpaths.mk
check_PROGRAMS += tests/e2e/helpers/fdpaths
tests_e2e_helpers_fdpaths_CFLAGS = $(TRACEE_CC)
tests_e2e_helpers_fdpaths_LDFLAGS = $(TRACEE_LD)
