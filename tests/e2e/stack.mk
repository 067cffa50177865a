# e2e/stack.mk: -k.  chain.c built 64-bit (chain-m64.stack) and -m32
# (chain-m32.stack), each with the shared library it loads
# (libstk-m64.so, libstk-m32.so), run by tests/e2e/stack/run-stack.sh.
# Debug info and frame pointers on, no sanitizer: the frames are the
# test's subject.  The ABI is in the name, as for the TOCTOU programs.
TEST_EXTENSIONS += .stack
STACK_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/e2e/stack/run-stack.sh
EXTRA_DIST += tests/e2e/stack.mk tests/e2e/stack/run-stack.sh

STACK_CFLAGS = $(WARN_CFLAGS) -g -O0 -fno-omit-frame-pointer

check_PROGRAMS += tests/e2e/stack/chain-m64.stack tests/e2e/stack/libstk-m64.so
STACK_TESTS = tests/e2e/stack/chain-m64.stack
tests_e2e_stack_chain_m64_stack_SOURCES = tests/e2e/stack/chain.c
tests_e2e_stack_chain_m64_stack_CFLAGS = $(STACK_CFLAGS)
tests_e2e_stack_chain_m64_stack_LDFLAGS =
tests_e2e_stack_chain_m64_stack_LDADD = -ldl
tests_e2e_stack_libstk_m64_so_SOURCES = tests/e2e/stack/stklib.c
tests_e2e_stack_libstk_m64_so_CFLAGS = $(STACK_CFLAGS) -fPIC
tests_e2e_stack_libstk_m64_so_LDFLAGS = -shared

if HAVE_M32
check_PROGRAMS += tests/e2e/stack/chain-m32.stack tests/e2e/stack/libstk-m32.so
STACK_TESTS += tests/e2e/stack/chain-m32.stack
tests_e2e_stack_chain_m32_stack_SOURCES = tests/e2e/stack/chain.c
tests_e2e_stack_chain_m32_stack_CFLAGS = -m32 $(STACK_CFLAGS)
tests_e2e_stack_chain_m32_stack_LDFLAGS = -m32
tests_e2e_stack_chain_m32_stack_LDADD = -ldl
tests_e2e_stack_libstk_m32_so_SOURCES = tests/e2e/stack/stklib.c
tests_e2e_stack_libstk_m32_so_CFLAGS = -m32 $(STACK_CFLAGS) -fPIC
tests_e2e_stack_libstk_m32_so_LDFLAGS = -m32 -shared
else
TESTS += tests/e2e/stack/no-m32.sh
endif
EXTRA_DIST += tests/e2e/stack/no-m32.sh
TESTS += $(STACK_TESTS)
