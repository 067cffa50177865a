#!/bin/sh
# Every decoding program once more through the path kernels before 5.3
# take: no PTRACE_GET_SYSCALL_INFO, the ABI from the size of the NT_PRSTATUS
# register set and entry/exit from ttrace's own bookkeeping
# (TTRACE_NO_SYSCALL_INFO=1 makes ttrace take it).  The traces must be the
# same, in both ABIs, with the seccomp filter and without.
B=${TT_BUILDDIR:?} S=${TT_SRCDIR:?}
TTRACE_NO_SYSCALL_INFO=1
export TTRACE_NO_SYSCALL_INFO
log=$(mktemp) || exit 99
trap 'rm -f "$log"' EXIT
failed=0 passed=0

for opts in "" --seccomp=off; do
	TT_TTRACE_OPTS=$opts
	export TT_TTRACE_OPTS
	for p in "$B"/tests/e2e/*.t64 "$B"/tests/e2e/*.t32; do
		[ -x "$p" ] || continue
		sh "$S/tests/e2e/run-decode.sh" "$p" >"$log" 2>&1
		case $? in
		0) passed=$((passed + 1)) ;;
		77) ;;
		*) echo "FAIL (register-set path ${opts:-with the filter}): $p"
		   sed 's/^/	| /' "$log"; failed=$((failed + 1)) ;;
		esac
	done
done
echo "register-set path: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
