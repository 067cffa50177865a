#!/bin/sh
# -p to a thread blocked in a sleep, traced until the process exits: a
# relative sleep resumes through restart_syscall, which ttrace names (strace
# says "read"); an absolute one is re-run, a fresh clock_nanosleep line.
# Also -p with -o FILE, a comma list of pids, and SIGINT while a line is
# open.  ttrace exits 0 whatever the process exited with.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

RESUMED='restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0'

# Relative sleep, trace on stderr.
tt_start_sleeper -n 1 -s 400000000 -x 3
P=$HPID
tt_run rel -p "$P"
expect_result rel 0 \
	"ttrace: Process $P attached" \
	"$RESUMED" \
	"+++ exited with 3 +++"

# Absolute sleep: its target, as the sleeper computed it, comes back.
tt_start_sleeper -a -n 1 -s 400000000 -l "$W/abs.log"
P=$HPID
tt_run abs -p "$P"
TARGET=$(awk '$1 == "A" { printf "tv_sec=%s, tv_nsec=%s", $4, $5 }' "$W/abs.log")
expect_result abs 0 \
	"ttrace: Process $P attached" \
	"clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {$TARGET}, NULL) = 0" \
	"+++ exited with 0 +++"

# -o FILE: the trace goes there, every line with the pid; messages stay on
# stderr.
tt_start_sleeper -n 1 -s 400000000 -x 5
P=$HPID
tt_run relo -o "$W/relo.trace" -p "$P"
expect_result relo 0 "ttrace: Process $P attached"
printf '%-5d %s\n' "$P" "$RESUMED" "$P" "+++ exited with 5 +++" >"$W/relo.want"
expect_same "relo: trace" "$W/relo.want" "$W/relo.trace"

# A comma list: both attached, each line with its pid (in whatever order
# the two sleeps end; unsplit joins what the other one interrupted).
tt_start_sleeper -n 1 -s 300000000
A=$HPID
tt_start_sleeper -n 1 -s 500000000 -x 7
B=$HPID
tt_run two -o "$W/two.trace" -p "$A,$B"
expect_result two 0 "ttrace: Process $A attached" "ttrace: Process $B attached"
unsplit "$W/two.trace" | sort >"$W/two.sorted"
printf '%-5d %s\n' "$A" "$RESUMED" "$A" "+++ exited with 0 +++" \
	"$B" "$RESUMED" "$B" "+++ exited with 7 +++" | sort >"$W/two.want"
expect_same "two: trace" "$W/two.want" "$W/two.sorted"

# SIGINT while the restart_syscall line is open: it ends in <detached ...>,
# then the detach message; the sleep goes on untraced and lasts its time.
# Sleeps of 2 s: on a loaded machine 0.6 s ended before the test's SIGINT.
tt_start_sleeper -n 1 -s 2000000000 -l "$W/int.log"
P=$HPID
tt_start int -p "$P"
tt_wait_err int "restart_syscall("
kill -INT "$TT_PID"
tt_wait_ttrace
expect_result int 0 \
	"ttrace: Process $P attached" \
	"restart_syscall(<... resuming interrupted clock_nanosleep ...> <detached ...>" \
	"ttrace: Process $P detached"
tt_check_free int "$P"
wait "$P"
expect_match "int: the sleep" "$W/int.log" "H $P $P 1 0 2[0-9][0-9][0-9]"

# The same for an absolute sleep: the re-run call's line is the open one.
tt_start_sleeper -a -n 1 -s 2000000000 -l "$W/absint.log"
P=$HPID
tt_start absint -p "$P"
tt_wait_err absint "clock_nanosleep("
kill -INT "$TT_PID"
tt_wait_ttrace
TARGET=$(awk '$1 == "A" { printf "tv_sec=%s, tv_nsec=%s", $4, $5 }' "$W/absint.log")
expect_result absint 0 \
	"ttrace: Process $P attached" \
	"clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {$TARGET},  <detached ...>" \
	"ttrace: Process $P detached"
tt_check_free absint "$P"
wait "$P"
expect_match "absint: the sleep" "$W/absint.log" "H $P $P 1 0 2[0-9][0-9][0-9]"

tt_done
