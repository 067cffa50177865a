#!/bin/sh
# The end-to-end suite once more with --seccomp=off: ttrace stops its
# tracees at every call with PTRACE_SYSCALL instead of only at the traced
# ones under its seccomp filter, and the output must be the same: decoding
# in both ABIs, execs into i386 programs, forks, threads, signals, TOCTOU,
# stacks (-k).
# (The rest of make check runs with the filter, the default.)
B=${TT_BUILDDIR:?} S=${TT_SRCDIR:?}
TT_TTRACE_OPTS=--seccomp=off
export TT_TTRACE_OPTS
log=$(mktemp) || exit 99
trap 'rm -f "$log"' EXIT
failed=0 passed=0

run() {	# run HARNESS-ARGS...
	"$@" >"$log" 2>&1
	case $? in
	0) passed=$((passed + 1)) ;;
	77) ;;
	*) echo "FAIL (--seccomp=off): $*"; sed 's/^/	| /' "$log"; failed=$((failed + 1)) ;;
	esac
}

for p in "$B"/tests/e2e/*.t64 "$B"/tests/e2e/*.t32; do
	[ -x "$p" ] && run sh "$S/tests/e2e/run-decode.sh" "$p"
done
for p in "$B"/tests/e2e/toctou/*.toctou; do
	[ -x "$p" ] && run sh "$S/tests/e2e/toctou/run-toctou.sh" "$p"
done
for p in "$B"/tests/e2e/stack/*.stack; do
	[ -x "$p" ] && run sh "$S/tests/e2e/stack/run-stack.sh" "$p"
done
for t in "$S"/tests/e2e/tracer/*.sh; do
	[ "${t##*/}" = lib.sh ] || run sh "$t"
done
echo "--seccomp=off: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
