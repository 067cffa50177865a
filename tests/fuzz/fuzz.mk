# fuzz/fuzz.mk: libFuzzer targets, one per input surface (see
# tests/fuzz/README), and the valgrind pass over the unit tests.
#
# The targets are built by clang with -fsanitize=fuzzer,address,undefined
# from the core's sources directly (not libttrace.a, which the project's
# compiler built).  'make check' runs each briefly over its seed corpus
# (tests/fuzz/fuzz.sh, SKIP without a clang that links libFuzzer);
# 'make fuzz' runs each for FUZZ_SECONDS (default 60).

FUZZ_NAMES = decode_render value_tree proc_parsers options profile
FUZZ_BINS = $(FUZZ_NAMES:%=tests/fuzz/fuzz_%)
FUZZ_CORE_OBJS = $(patsubst %.c,tests/fuzz/obj/%.o,$(filter %.c,$(libttrace_a_SOURCES)))
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined $(filter-out -Werror,$(WARN_CFLAGS)) \
	-Wno-format-nonliteral
FUZZ_SECONDS = 60

EXTRA_DIST += tests/fuzz/fuzz.mk tests/fuzz/README tests/fuzz/fuzz.h \
	tests/fuzz/fuzz.sh tests/fuzz/valgrind-unit.sh tests/fuzz/mkcorpus.sh \
	tests/fuzz/options.dict tests/fuzz/corpus \
	$(FUZZ_NAMES:%=tests/fuzz/fuzz_%.c)
TESTS += tests/fuzz/fuzz.sh tests/fuzz/valgrind-unit.sh
AM_TESTS_ENVIRONMENT += TT_FUZZ_WHY='$(FUZZ_WHY)'; export TT_FUZZ_WHY;

if HAVE_FUZZ
check_SCRIPTS += $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	TT_BUILDDIR='$(abs_top_builddir)' TT_SRCDIR='$(abs_top_srcdir)' \
	FUZZ_SECONDS='$(FUZZ_SECONDS)' $(SHELL) $(srcdir)/tests/fuzz/fuzz.sh
else
fuzz:
	@echo "make fuzz: $(FUZZ_WHY)" >&2; exit 1
endif
.PHONY: fuzz

tests/fuzz/obj/%.o: $(top_srcdir)/%.c
	@$(MKDIR_P) $(@D)
	$(AM_V_CC)$(FUZZ_CC) $(AM_CPPFLAGS) $(FUZZ_CFLAGS) \
		-fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

# An archive, so that a target may define a function of the core in place
# of the core's own (fuzz_decode_render.c: the tracee's memory).
tests/fuzz/libcore.a: $(FUZZ_CORE_OBJS)
	$(AM_V_AR)rm -f $@ && $(AR) cr $@ $(FUZZ_CORE_OBJS) && $(RANLIB) $@

tests/fuzz/fuzz_%: $(top_srcdir)/tests/fuzz/fuzz_%.c $(top_srcdir)/tests/fuzz/fuzz.h tests/fuzz/libcore.a
	$(AM_V_CCLD)$(FUZZ_CC) $(AM_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
		-o $@ $< tests/fuzz/libcore.a $(LIBDW_LIBS)

-include $(FUZZ_CORE_OBJS:.o=.d)

clean-local: clean-fuzz
clean-fuzz:
	rm -rf tests/fuzz/obj tests/fuzz/work tests/fuzz/libcore.a $(FUZZ_BINS)
.PHONY: clean-fuzz
