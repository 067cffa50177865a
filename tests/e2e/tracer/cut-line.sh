#!/bin/sh
# The -o file never ends mid-line, however the trace stops.  A command
# that ignores SIGINT sleeps 3 s; the first SIGINT to ttrace is passed on
# (the sleep is interrupted and resumed: a restart_syscall line is open
# while it sleeps on), the second ends the trace while that line is open:
# under the seccomp filter ttrace writes nothing more (the line ends
# " <unfinished ...>"), without it ttrace detaches (" <detached ...>").
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# cut NAME SECCOMP ENDING
cut() {
	_n=$1
	tt_start_cmd "$_n" sleeper --seccomp="$2" -o "$W/$_n.trace" -- \
		"$H/sleeper" -i 2 -n 1 -s 3000000000
	tt_poll 5 tt_sleeping "$CPID" || harness_error "$_n: the command did not sleep"
	kill -INT "$TT_PID"
	sleep 0.5	# the signal seen, the sleep resumed
	tt_sleeping "$CPID" || fail "$_n: the command is not sleeping"
	kill -INT "$TT_PID"
	tt_wait_ttrace
	expect_rc "$_n" 0
	[ -s "$W/$_n.trace" ] || { fail "$_n: empty trace"; return; }
	[ "$(tail -c 1 "$W/$_n.trace" | od -An -c | tr -d ' ')" = '\n' ] ||
		fail "$_n: the trace does not end with a newline: '$(tail -n 1 "$W/$_n.trace")'"
	case $(tail -n 1 "$W/$_n.trace") in
	*"$3") ;;
	*) fail "$_n: the last line does not end with '$3':"
	   sed 's/^/	| /' "$W/$_n.trace" ;;
	esac
}

cut filter on " <unfinished ...>"
cut nofilter off " <detached ...>"
tt_done
