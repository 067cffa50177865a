#!/bin/sh
# Every decoding program once more through ttrace's fallback paths: the
# one kernels before 5.3 take (no PTRACE_GET_SYSCALL_INFO: the ABI from
# the size of the NT_PRSTATUS register set, entry and exit from ttrace's
# own bookkeeping; TTRACE_NO_SYSCALL_INFO=1), with the seccomp filter and
# without, and reading memory with PTRACE_PEEKDATA where process_vm_readv
# is missing or refused (TTRACE_NO_VM_READV=1).  The traces must be the
# same, in both ABIs, bad and partly mapped pointers included.
B=${TT_BUILDDIR:?} S=${TT_SRCDIR:?}
log=$(mktemp) || exit 99
trap 'rm -f "$log"' EXIT
failed=0 passed=0

for mode in "TTRACE_NO_SYSCALL_INFO=1" "TTRACE_NO_SYSCALL_INFO=1 --seccomp=off" \
	    "TTRACE_NO_VM_READV=1"; do
	unset TTRACE_NO_SYSCALL_INFO TTRACE_NO_VM_READV
	export "${mode%% *}"
	opts=${mode#"${mode%% *}"}
	TT_TTRACE_OPTS=$opts
	export TT_TTRACE_OPTS
	for p in "$B"/tests/e2e/*.t64 "$B"/tests/e2e/*.t32; do
		[ -x "$p" ] || continue
		sh "$S/tests/e2e/run-decode.sh" "$p" >"$log" 2>&1
		case $? in
		0) passed=$((passed + 1)) ;;
		77) ;;
		*) echo "FAIL ($mode): $p"
		   sed 's/^/	| /' "$log"; failed=$((failed + 1)) ;;
		esac
	done
done
echo "fallback paths: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
