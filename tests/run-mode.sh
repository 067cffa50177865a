#!/bin/sh
# run-mode.sh tests/modes/MODE/TEST.mode: the log compiler of the .mode
# tests (tests/modes.mk).  Runs TEST, a decoding program (.dec), a
# TOCTOU (.toctou) or stack (.stack) program or a tracer script (.sh), with
# ttrace in MODE; its exit status is TEST's (0 pass, 1 fail, 77 skip, 99
# broken harness).
S=${TT_SRCDIR:?} B=${TT_BUILDDIR:?}

what=${1#*tests/modes/}
what=${what%.mode}
mode=${what%%/*}
test=${what#*/}
case $mode in
off)	TT_TTRACE_OPTS=--seccomp=off ;;
regs)	TTRACE_NO_SYSCALL_INFO=1; export TTRACE_NO_SYSCALL_INFO ;;
regsoff) TTRACE_NO_SYSCALL_INFO=1; export TTRACE_NO_SYSCALL_INFO
	TT_TTRACE_OPTS=--seccomp=off ;;
peek)	TTRACE_NO_VM_READV=1; export TTRACE_NO_VM_READV ;;
*)	echo "run-mode.sh: no mode '$mode' ($1)"; exit 99 ;;
esac
export TT_TTRACE_OPTS
echo "mode $mode: $test"

# Programs are built; scripts are in the source tree.
path=$B/$test
[ -e "$path" ] || path=$S/$test
[ -e "$path" ] || { echo "run-mode.sh: no test $test"; exit 99; }
case $test in
*.dec)		exec sh "$S/tests/e2e/decode/run-decode.sh" "$path" ;;
*.toctou)	exec sh "$S/tests/e2e/toctou/run-toctou.sh" "$path" ;;
*.stack)	exec sh "$S/tests/e2e/stack/run-stack.sh" "$path" ;;
*.sh)		exec sh "$path" ;;
esac
echo "run-mode.sh: no runner for $test"
exit 99
