#!/bin/sh
# The trace cannot be written: to a pipe whose reader exited after one
# line (ttrace -- CMD 2>&1 | head -1, and -o /dev/stdout | head -1), or to
# a full disk (-o /dev/full).  ttrace says so once, on stderr, "ttrace:
# cannot write the trace to WHERE: ERROR" (unless stderr is the dead
# pipe), writes nothing more, and exits 1 once the command has ended; the
# command is never left stopped.  What becomes of the command:
#  - under the seccomp filter (default) it cannot be detached (its
#    filtered calls would fail with ENOSYS): ttrace keeps tracing it,
#    silently, to its end;
#  - with --seccomp=off ttrace detaches at once and the command runs on
#    untraced (ttrace, its parent, waits for it).
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

NS=100000
LINE="clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=$NS}, NULL) = 0"

# head_reader FIFO OUT: one line of FIFO into OUT, then the reader exits.
head_reader() {
	rm -f "$1"
	mkfifo "$1" || harness_error "mkfifo $1"
	head -n 1 <"$1" >"$2" &
	READER=$!
	tt_track "$READER"
}

# dead_run NAME WHERE SECCOMP: traces an endless sleeper writing the
# trace WHERE (stderr: stderr is a pipe; stdout: -o /dev/stdout, a pipe;
# full: -o /dev/full) with --seccomp=SECCOMP, then checks the above.
dead_run() {
	_name=$1
	_log=$W/$1.log
	case $2 in
	stderr) head_reader "$W/$_name.err" "$W/$_name.head"; set -- "$3" ;;
	stdout) head_reader "$W/$_name.out" "$W/$_name.head"; set -- "$3" -o /dev/stdout ;;
	full) set -- "$3" -o /dev/full; READER= ;;
	esac
	tt_start_cmd "$_name" sleeper --seccomp="$@" -- "$H/sleeper" -n 0 -s "$NS" -l "$_log"
	tt_poll 5 tt_log_beats "$_log" 1 || harness_error "$_name: the command does not run"
	# The failure: seen when the reader is gone and ttrace wrote more.
	[ -z "$READER" ] || tt_poll 5 tt_gone "$READER" ||
		fail "$_name: the reader never read a line"
	tt_poll 5 tt_log_beats "$_log" 2000 || fail "$_name: the command does not run on"
	if [ "$1" = off ]; then
		tt_poll 3 tt_untraced "$CPID" || fail "$_name: the command was not detached"
		tt_check_free "$_name: detached" "$CPID"
	else
		tt_traced_by "$CPID" "$TT_PID" || fail "$_name: the command is not traced any more"
	fi
	tt_beating "$_name" "$_log"
	tt_alive "$CPID" || fail "$_name: the command died"
	kill -TERM "$CPID"
	tt_wait_ttrace
	expect_rc "$_name" 1
	# Every sleep of the command was a sleep: none failed (ENOSYS).
	awk '$1 == "H" && $5 != 0' "$_log" >"$W/$_name.bad"
	expect_empty "$_name: failed sleeps (H pid tid n rc ms)" "$W/$_name.bad"
	tt_check_free "$_name" "$CPID"
}

# tt_log_beats LOG N: the sleeper log has at least N sleeps.
tt_log_beats() {
	[ "$(tt_heartbeats "$1")" -ge "$2" ]
}

for sc in on off; do
	dead_run "err-$sc" stderr "$sc"
	expect_line "err-$sc" "$W/err-$sc.head" "$LINE"
	expect_empty "err-$sc: stdout" "$W/err-$sc.out"

	dead_run "out-$sc" stdout "$sc"
	expect_line "out-$sc" "$W/out-$sc.head" "$(printf "%-5d %s" "$CPID" "$LINE")"
	expect_result "out-$sc" 1 "ttrace: cannot write the trace to /dev/stdout: Broken pipe"

	dead_run "full-$sc" full "$sc"
	expect_result "full-$sc" 1 \
		"ttrace: cannot write the trace to /dev/full: No space left on device"
done

# A short command: the trace fits in the buffer, flushed at the end.
tt_run fullshort -o /dev/full -- "$H/sleeper" -n 3 -s 1000 -x 5
expect_result fullshort 1 \
	"ttrace: cannot write the trace to /dev/full: No space left on device"

tt_done
