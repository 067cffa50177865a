#!/bin/sh
# kill -STOP / kill -CONT of a traced process: it stays stopped until
# SIGCONT (ttrace keeps it in group-stop with PTRACE_LISTEN, so /proc says
# "t (tracing stop)" as under strace), then goes on; the trace shows the
# signal, one "stopped by" line per thread and SIGCONT.  A process stopped
# when attached, or when detached, is left stopped: "T (stopped)".
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# A command: two threads, 100 sleeps of 30 ms each, exit 3.  Three
# seconds: both threads must still be sleeping when the test stops them,
# even on a loaded machine under the sanitizers (20 sleeps were over
# before the test's kill -STOP there).
LOG=$W/cmd.log
tt_start cmd -o "$W/cmd.trace" -- "$H/sleeper" -t 2 -n 100 -s 30000000 -l "$LOG" -x 3
tt_poll 5 tt_log_longer "$LOG" 1 || harness_error "cmd: the sleeper did not start"
P=$(tt_log_pids "$LOG")
tt_track "$P"
kill -STOP "$P"
tt_poll 3 tt_all_state "$P" Tt || fail "cmd: $P did not stop"
tt_frozen cmd "$P" "$LOG" 0.3
kill -CONT "$P"
tt_beating cmd "$LOG"
tt_wait_ttrace
expect_rc cmd 3
expect_empty "cmd: stderr" "$W/cmd.err"

SI="si_code=SI_USER, si_pid=$$, si_uid=0} ---"
expect_count cmd "$W/cmd.trace" 1 "[0-9]+ +--- SIGSTOP \{si_signo=SIGSTOP, $SI"
expect_count cmd "$W/cmd.trace" 1 "[0-9]+ +--- SIGCONT \{si_signo=SIGCONT, $SI"
unsplit "$W/cmd.trace" >"$W/cmd.joined"
for t in $(tt_log_tids "$LOG"); do
	expect_count cmd "$W/cmd.joined" 1 "$t +--- stopped by SIGSTOP ---"
	expect_sleeps cmd "$W/cmd.joined" "$t" 100 30000000
done
expect_match cmd "$W/cmd.trace" "$P +\+\+\+ exited with 3 \+\+\+"
awk '$1 == "H" && $5 != 0' "$LOG" | grep . && fail "cmd: a sleep did not return 0"

# -p on a stopped process: it stays stopped while traced and after the
# detach, then SIGCONT wakes it.
LOG=$W/att.log
tt_start_sleeper -t 2 -n 0 -s 20000000 -l "$LOG"
P=$HPID
kill -STOP "$P"
tt_poll 3 tt_all_state "$P" T || harness_error "att: $P did not stop"
tt_start att -p "$P"
tt_wait_attached att
tt_frozen att "$P" "$LOG" 0.2
kill -INT "$TT_PID"
tt_wait_ttrace
expect_rc att 0
tt_check_free att "$P"
tt_all_state "$P" T || fail "att: $P is not in 'T (stopped)' after the detach"
tt_frozen "att, detached" "$P" "$LOG" 0.1
kill -CONT "$P"
tt_beating att "$LOG"
tt_check_free att "$P"

# Stopped while traced (-p), then detached: still stopped, untraced.
tt_start stop -o "$W/stop.trace" -p "$P"
tt_wait_attached stop
kill -STOP "$P"
tt_poll 3 tt_all_state "$P" Tt || fail "stop: $P did not stop"
kill -INT "$TT_PID"
tt_wait_ttrace
expect_rc stop 0
tt_check_free stop "$P"
tt_all_state "$P" T || fail "stop: $P is not in 'T (stopped)' after the detach"
tt_frozen "stop, detached" "$P" "$LOG" 0.1
kill -CONT "$P"
tt_beating stop "$LOG"
tt_check_free stop "$P"
expect_count stop "$W/stop.trace" 2 "[0-9]+ +--- stopped by SIGSTOP ---"

tt_done
