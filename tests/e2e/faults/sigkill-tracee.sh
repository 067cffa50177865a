#!/bin/sh
# The command SIGKILLed from outside at any point of its syscall loop: at
# a syscall entry or exit stop (waited for in /proc), or after a random
# delay, with and without the seccomp filter.  Every time: the trace ends
# with "+++ killed by SIGKILL +++", every call before it is whole but the
# last, which the kill may have cut short ("ARGS,  <unfinished ...>) = ?",
# as strace prints it), ttrace exits 137, nothing is left.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

RUNS=12		# per mode
CALL='clock_nanosleep\(CLOCK_MONOTONIC, 0, \{tv_sec=0, tv_nsec=0\}, '
WHOLE="${CALL}NULL\\) += 0"
# A call cut short: if the kill came before ttrace read the request at
# the entry stop, the memory is gone and the request prints as its address.
CUT="clock_nanosleep\\(CLOCK_MONOTONIC, 0, (\\{tv_sec=0, tv_nsec=0\\}|0x[0-9a-f]+),  <unfinished \\.\\.\\.>\\) = \\?"
# A kill between the exit stop and the TOCTOU re-read is no finding.
FINDING='TOCTOU'

# in_ptrace_stop PID: spins (at most ~2000 looks) until PID is in a
# ptrace stop (state t), where it waits at a syscall entry or exit.
in_ptrace_stop() {
	_i=0
	while [ $_i -lt 2000 ]; do
		case $(sed -n 's/^State:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null) in
		t*) return 0 ;;
		'') return 1 ;;
		esac
		_i=$((_i + 1))
	done
	return 1
}

# kill_run NAME WHEN OPTIONS...: traces spin, kills it WHEN (a delay in
# seconds, or "stop"), checks the result.
kill_run() {
	_name=$1
	_when=$2
	shift 2
	tt_start_cmd "$_name" spin "$@" -- "$H/spin"
	tt_wait_err "$_name" "clock_nanosleep("
	if [ "$_when" = stop ]; then
		in_ptrace_stop "$CPID" || fail "$_name: spin never in a ptrace stop"
	else
		sleep "$_when"
	fi
	kill -KILL "$CPID"
	tt_wait_ttrace
	expect_rc "$_name" 137
	expect_empty "$_name: stdout" "$W/$_name.out"
	! grep -qF -- "$FINDING" "$W/$_name.err" ||
		fail "$_name: a TOCTOU finding for a killed process"
	cp "$W/$_name.err" "$W/$_name.trace"
	expect_last "$_name" "$W/$_name.trace" "+++ killed by SIGKILL +++"
	sed '$d' "$W/$_name.trace" >"$W/$_name.calls"
	expect_all "$_name" "$W/$_name.calls" "$WHOLE|$CUT"
	sed '$d' "$W/$_name.calls" >"$W/$_name.whole"
	[ ! -s "$W/$_name.whole" ] || expect_all "$_name" "$W/$_name.whole" "$WHOLE"
	tt_check_free "$_name" "$CPID"
	tt_gone "$CPID" || fail "$_name: spin $CPID outlived its SIGKILL"
}

i=0
while [ $i -lt $RUNS ]; do
	kill_run "stop$i" stop
	kill_run "stopoff$i" stop --seccomp=off
	i=$((i + 1))
done
i=0
for d in $(tt_random $RUNS 0.03); do
	kill_run "rand$i" "$d"
	kill_run "randoff$i" "$d" --seccomp=off
	i=$((i + 1))
done

tt_done
