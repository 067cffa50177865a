#!/bin/sh
# ttrace itself SIGKILLed.  The command it started dies with it, threads
# and forked children too (PTRACE_O_EXITKILL, inherited); processes it
# attached to with -p survive, untraced, not stopped, and sleep on.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# A command of two processes with two threads each.
LOG=$W/cmd.log
tt_start cmd -o "$W/cmd.trace" -- "$H/sleeper" -P 2 -t 2 -n 0 -s 50000000 -l "$LOG"
tt_poll 5 tt_log_four "$LOG" || harness_error "cmd: the sleepers did not start"
PIDS=$(tt_log_pids "$LOG")
tt_track $PIDS
kill -KILL "$TT_PID"
tt_wait_ttrace
expect_rc cmd 137
for p in $PIDS; do
	tt_poll 3 tt_gone "$p" || fail "cmd: $p outlived ttrace"
	tt_check_free cmd "$p"
done

# -p: the process was not ttrace's to kill.
LOG=$W/att.log
tt_start_sleeper -t 2 -n 0 -s 50000000 -l "$LOG"
P=$HPID
tt_start att -p "$P"
tt_wait_attached att
tt_poll 3 tt_traced_by "$P" "$TT_PID" || fail "att: not attached"
kill -KILL "$TT_PID"
tt_wait_ttrace
expect_rc att 137
tt_poll 3 tt_untraced "$P" || fail "att: $P still traced"
tt_alive "$P" || fail "att: $P died with ttrace"
tt_check_free att "$P"
tt_beating att "$LOG"

tt_done
