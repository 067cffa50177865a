#!/bin/sh
# A program with a seccomp filter of its own that returns SECCOMP_RET_TRACE
# (helpers/ownfilter: for clock_nanosleep, which ttrace traces, and
# getppid, which it does not).  Untraced, the kernel fails those calls with
# ENOSYS.  Under ttrace, in every mode (its own filter, --seccomp=off, the
# register-set path, a selection without the call, -p), the program must
# see the same, and each traced call is shown once, with that error.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

P=$H/ownfilter
"$P" >"$W/untraced.stdout" </dev/null || harness_error "ownfilter failed untraced"
printf '%s\n' "clock_nanosleep -1 ENOSYS" "getppid -1 ENOSYS" "nanosleep 0 -" \
	"prctl 1 -" >"$W/want.stdout"
expect_same "untraced" "$W/want.stdout" "$W/untraced.stdout"

SLEEP='clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = -1 ENOSYS (Function not implemented)'
NANO='nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = 0'

# check NAME SLEEPS: the trace NAME.trace has NSLEEPS clock_nanosleep
# lines, each the call with its ENOSYS; the nanosleep once; no line left
# unfinished or printed twice.
check() {
	expect_count "$1" "$W/$1.trace" "$2" "[0-9]+ +$(ere "$SLEEP")"
	expect_count "$1" "$W/$1.trace" "$2" "[0-9]+ +clock_nanosleep\(.*"
	expect_count "$1" "$W/$1.trace" 1 "[0-9]+ +$(ere "$NANO")"
	expect_count "$1" "$W/$1.trace" 0 ".*(unfinished|resumed).*"
}

# run NAME SLEEPS TTRACE_OPTION...: the command under ttrace.
run() {
	_name=$1
	_sleeps=$2
	shift 2
	tt_run "$_name" -o "$W/$_name.trace" "$@" "$P"
	expect_rc "$_name" 0
	expect_same "$_name: the program's output" "$W/want.stdout" "$W/$_name.out"
	check "$_name" "$_sleeps"
}

run filter 1
run seccomp-off 1 --seccomp=off
TTRACE_NO_SYSCALL_INFO=1 run regs 1
TTRACE_NO_SYSCALL_INFO=1 run regs-off 1 --seccomp=off
# ttrace's filter does not trap clock_nanosleep: the stop is the tracee's.
run unselected 0 -e trace=nanosleep
run unselected-off 0 -e trace=nanosleep --seccomp=off

# The tracee's filter with SECCOMP_RET_DATA 0, and with ttrace's own data
# (0x7474): a call ttrace's filter does not trap still fails.  (For one it
# traps, that data is taken for ttrace's: doc/INTERNALS.md.)
tt_run data0 -o "$W/data0.trace" "$P" -d 0
expect_same "data 0: the program's output" "$W/want.stdout" "$W/data0.out"
check data0 1
tt_run magic -o "$W/magic.trace" "$P" -d 0x7474
expect_line "ttrace's data" "$W/magic.out" "getppid -1 ENOSYS"

# -p: the helper installs its filter, then waits on a fifo until ttrace
# has attached.
mkfifo "$W/go" || harness_error "mkfifo"
"$P" "$W/ready" "$W/go" >"$W/attach.stdout" </dev/null &
HPID=$!
tt_track "$HPID"
tt_poll 5 test -s "$W/ready" || harness_error "ownfilter did not start"
tt_start attach -o "$W/attach.trace" -p "$HPID"
tt_wait_attached attach
echo go >"$W/go"
tt_wait_ttrace
expect_rc attach 0
wait "$HPID" || fail "attach: ownfilter exited $?"
expect_same "attach: the program's output" "$W/want.stdout" "$W/attach.stdout"
check attach 1
tt_done
