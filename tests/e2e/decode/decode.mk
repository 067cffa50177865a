# e2e/decode/decode.mk: the end-to-end decoding programs.  Each NAME.c is
# built for x86_64 (NAME-m64.dec) and, when gcc -m32 links, for i386
# (NAME-m32.dec), the ABI in the name as for the TOCTOU and stack
# programs; each prints the trace ttrace must write, and run-decode.sh
# diffs the two.  strace-compare.sh replays them under strace 6.1 and
# ttrace.  A new program is a new NAME.c here.

TEST_EXTENSIONS += .dec
DEC_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/e2e/decode/run-decode.sh
EXTRA_DIST += tests/e2e/decode/decode.mk tests/e2e/decode/e2e.h \
	tests/e2e/decode/run-decode.sh tests/e2e/decode/no-m32.sh \
	tests/e2e/decode/strace-compare.sh

# Every NAME.c of this folder is a program: a new one is found by GNU
# make's wildcard and needs no line here.  The lists are made and added by
# $(eval), which automake does not see: automake rewrites the programs in
# TESTS (for $(EXEEXT)) and would drop what it cannot expand.
$(eval E2E_DECODE_C := $(sort $(notdir $(wildcard $(top_srcdir)/tests/e2e/decode/*.c))))
$(eval E2E_DECODE_M64 := $(E2E_DECODE_C:%.c=tests/e2e/decode/%-m64.dec))
$(eval EXTRA_DIST += $(E2E_DECODE_C:%=tests/e2e/decode/%))
$(eval check_SCRIPTS += $(E2E_DECODE_M64))
$(eval TESTS += $(E2E_DECODE_M64))
CLEANFILES += tests/e2e/decode/*.dec

# Built as automake builds a program, with the warnings but not the
# sanitizers: their runtimes would make calls ttrace shows.
E2E_DECODE_BUILD = $(MKDIR_P) $(@D) && $(CC) $(DEFS) $(DEFAULT_INCLUDES) \
	$(INCLUDES) $(AM_CPPFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS)
tests/e2e/decode/%-m64.dec: tests/e2e/decode/%.c tests/e2e/decode/e2e.h
	$(AM_V_CC)$(E2E_DECODE_BUILD) $(TRACEE_CC) $(TRACEE_LD) -o $@ $< $(LIBS)

# Per-target flags replace AM_CFLAGS: the warnings are repeated here.
E2E_CC_M32 = -m32 $(WARN_CFLAGS)
E2E_LD_M32 = -m32

if HAVE_M32
$(eval E2E_DECODE_M32 := $(E2E_DECODE_M64:-m64.dec=-m32.dec))
$(eval check_SCRIPTS += $(E2E_DECODE_M32))
$(eval TESTS += $(E2E_DECODE_M32))
tests/e2e/decode/%-m32.dec: tests/e2e/decode/%.c tests/e2e/decode/e2e.h
	$(AM_V_CC)$(E2E_DECODE_BUILD) $(E2E_CC_M32) $(E2E_LD_M32) -o $@ $< $(LIBS)
else
TESTS += tests/e2e/decode/no-m32.sh
endif

# After the programs above are built (check_PROGRAMS come first).
TESTS += tests/e2e/decode/strace-compare.sh
