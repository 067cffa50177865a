#!/bin/sh
# An x86_64 program execs an i386 one, which execs an x86_64 one: the
# i386 call is clock_nanosleep_time32, and on stderr each change of ABI
# is announced, "[ Process PID=N runs in 32 bit mode. ]" (not with -o for
# a command ttrace started, as strace's implied -q; not with -q).  -p on
# an i386 process announces it too, even with -o.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"
need_i386

CN='clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec='
CHAIN="$H/execchain 1000 $H/execchain32 2000 $H/execchain 3000"

# chain_trace PREFIX PERSONALITY: the trace of CHAIN run as pid $P.
chain_trace() {
	printf '%s\n' "$1${CN}1000}, NULL) = 0"
	[ -z "${2:-}" ] || printf '%s\n' "$1[ Process PID=$P runs in 32 bit mode. ]"
	printf '%s\n' "$1clock_nanosleep_time32(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=2000}, NULL) = 0"
	[ -z "${2:-}" ] || printf '%s\n' "$1[ Process PID=$P runs in 64 bit mode. ]"
	printf '%s\n' "$1${CN}3000}, NULL) = 0" "$1+++ exited with 0 +++"
}

tt_run chain -- $CHAIN
P=$(sed -n 's/^\[ Process PID=\([0-9]*\) runs in 32 bit mode\. \]$/\1/p' "$W/chain.err")
[ -n "$P" ] || P=PID
chain_trace "" yes >"$W/chain.want"
expect_result_file chain 0 "$W/chain.want"

tt_run chaino -o "$W/chaino.trace" -- $CHAIN
P=$(awk '{ print $1; exit }' "$W/chaino.trace")
expect_result chaino 0
chain_trace "$(printf '%-5d ' "$P")" >"$W/chaino.want"
expect_same "chaino: trace" "$W/chaino.want" "$W/chaino.trace"

tt_run chainq -q -- $CHAIN
P=
chain_trace "" >"$W/chainq.want"
expect_result_file chainq 0 "$W/chainq.want"

# -p on an i386 process in a relative sleep, trace on stderr then in a
# file: the mode line comes first, then the restart naming the i386 call.
RESUMED='restart_syscall(<... resuming interrupted clock_nanosleep_time32 ...>) = 0'
tt_start_helper "$H/execchain32" 400000000
P=$HPID
tt_poll 5 tt_in_syscall "$P" 267 || harness_error "execchain32 did not sleep"
tt_run p32 -p "$P"
expect_result p32 0 \
	"ttrace: Process $P attached" \
	"[ Process PID=$P runs in 32 bit mode. ]" \
	"$RESUMED" \
	"+++ exited with 0 +++"

tt_start_helper "$H/execchain32" 400000000
P=$HPID
tt_poll 5 tt_in_syscall "$P" 267 || harness_error "execchain32 did not sleep"
tt_run p32o -o "$W/p32o.trace" -p "$P"
expect_result p32o 0 "ttrace: Process $P attached"
printf '%-5d %s\n' "$P" "[ Process PID=$P runs in 32 bit mode. ]" "$P" "$RESUMED" \
	"$P" "+++ exited with 0 +++" >"$W/p32o.want"
expect_same "p32o: trace" "$W/p32o.want" "$W/p32o.trace"

tt_done
