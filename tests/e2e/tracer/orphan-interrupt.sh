#!/bin/sh
# The command exits and leaves a child running in the background; then
# ttrace gets SIGINT.  The command is gone (reaped: its pid is never
# signalled again), so the signal ends the trace: with --seccomp=off one
# signal detaches and ttrace exits; under the filter the first ends the
# printing and says what one more does, the second detaches.  ttrace exits
# with the command's status, the child runs on untraced.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# run NAME SIGNALS ARGS...: the command exits 3, its child sleeps on
run() {
	_name=$1
	_sigs=$2
	shift 2
	tt_start "$_name" "$@" -o "$W/$_name.trace" -- sh -c \
		"echo \$\$ >'$W/$_name.sh'; '$H/sleeper' -n 0 -s 100000000 -l '$W/$_name.log' & exit 3"
	tt_poll 5 grep -q '^T ' "$W/$_name.log" || harness_error "$_name: no child"
	C=$(tt_log_pids "$W/$_name.log")
	tt_track "$C"
	tt_poll 5 tt_gone "$(cat "$W/$_name.sh")" ||
		fail "$_name: the command did not exit"
	sleep 0.2	# ttrace reaps it
	_n=0
	while [ "$_n" -lt "$_sigs" ]; do
		kill -INT "$TT_PID"
		sleep 0.3
		_n=$((_n + 1))
	done
	tt_gone "$TT_PID" || fail "$_name: ttrace still runs after $_sigs SIGINT"
	tt_wait_ttrace
	[ "$TT_RC" = 3 ] || fail "$_name: exit status $TT_RC, not the command's 3"
	tt_alive "$C" || fail "$_name: the child did not survive"
	tt_check_free "$_name" "$C"
	kill -KILL "$C"
	grep -q '+++ exited with 3 +++' "$W/$_name.trace" ||
		fail "$_name: the command's exit is not in the trace"
}

run off 1 --seccomp=off
# The child was in a sleep or between two: its last line is whole.
tail -n 1 "$W/off.trace" | grep -Eq '( <detached \.\.\.>| = 0)$' ||
	fail "off: the last line is cut: $(tail -n 1 "$W/off.trace")"
! grep -q 'seccomp filter' "$W/off.err" || fail "off: $(cat "$W/off.err")"

# Under the filter (unless this whole suite runs with --seccomp=off).
case " ${TT_TTRACE_OPTS:-} " in
*" --seccomp=off "*) tt_done ;;
esac
run filter 2
grep -q '^ttrace: the trace ends here (the command has exited); 1 thread runs on under ttrace.s seccomp filter: one more signal detaches it' "$W/filter.err" ||
	fail "filter: no word of what a second signal does: $(cat "$W/filter.err")"
[ "$(tail -c 1 "$W/filter.trace" | od -An -c | tr -d ' ')" = '\n' ] ||
	fail "filter: the trace ends mid-line: $(tail -n 1 "$W/filter.trace")"
tt_done
