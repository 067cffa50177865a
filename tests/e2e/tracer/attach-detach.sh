#!/bin/sh
# -p on a two-thread process whose threads loop in long relative sleeps,
# then SIGINT: ttrace says what it attached and detached, exits 0, and
# the process runs on untraced, its sleeps as long as they should be,
# including the ones attach and detach interrupted.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

NS=1000000000
LOG=$W/heartbeat
tt_start_sleeper -t 2 -n 0 -s $NS -l "$LOG"
P=$HPID
TIDS=$(tt_tids "$P")
[ "$(echo $TIDS | wc -w)" = 2 ] || harness_error "sleeper has threads: $TIDS"

tt_start att -o "$W/att.trace" -p "$P"
tt_wait_attached att
tt_traced_by "$P" "$TT_PID" || fail "not traced by ttrace ($TT_PID)"
# Once attached, both threads sleep on in restart_syscall.
tt_poll 5 tt_in_syscall "$P" 219 || fail "threads not resumed after attach"
kill -INT "$TT_PID"
tt_wait_ttrace

# Messages on stderr only, detaches in any order; the trace in the file.
T2=$(echo "$TIDS" | grep -vx "$P")
expect_result_any_order att 0 \
	"ttrace: Process $P attached with 2 threads" \
	"ttrace: Process $P detached" \
	"ttrace: Process $T2 detached"

# Each thread was in the sleep attach interrupted: the kernel resumes it
# with restart_syscall, and ttrace names the call.  The line open when
# ttrace detached ends in <detached ...>, the other in <unfinished ...>.
RESUME='restart_syscall(<... resuming interrupted clock_nanosleep ...>'
for t in $TIDS; do
	expect_match "att: thread $t" "$W/att.trace" \
		"$t +$(ere "$RESUME") <(unfinished|detached) \.\.\.>"
done
expect_count att "$W/att.trace" 1 ".* <detached \.\.\.>"
expect_count att "$W/att.trace" 2 ".*"

# Untraced and running: not stopped, no tracer, the heartbeat goes on.
tt_check_free "after detach" "$P"
for t in $TIDS; do
	n=$(tt_log_count "$LOG" "$t")
	tt_poll 3 tt_log_grew "$LOG" "$t" "$n" ||
		fail "thread $t stopped sleeping after detach"
done
tt_check_free "after detach" "$P"

# Every sleep, the two interrupted ones too, lasted 1 s (plus a little
# scheduling slack) and returned 0.
awk '$1 == "H" && ($5 != 0 || $6 < 1000 || $6 > 1400)' "$LOG" >"$W/bad"
[ ! -s "$W/bad" ] || {
	fail "sleeps that returned non-zero or did not last 1 s (H pid tid n rc ms):"
	cat "$W/bad"
}

tt_done
