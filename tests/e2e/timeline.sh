#!/bin/sh
# --timeline: the Chrome Trace Event file of a program with known sleeps,
# settimes, a timer signal, a thread and a child (tests/e2e/helpers/
# tlprog.c), checked by timeline-check.py: it parses as JSON, one line an
# event; a track per thread named with comm, pid and tid; one span per
# sleep with its exact clock, mode and request, no shorter than asked,
# its lateness its duration minus the request; settimes with their exact
# value and interval; the SI_TIMER signal on the thread; starts and exits.
# Then timers followed from arming to firing (tlprog flows, with read
# traced): each SI_TIMER signal and each timerfd read ends one flow that
# starts in the settime that armed it last, a re-arm starts another, a
# read is a span no shorter than its timer made it block.
# Then a tracee SIGKILLed in a sleep (the span ends at its death, the file
# is closed), -p and a detach, and ttrace itself SIGKILLed (every line
# whole, only the final ']' missing).  timeline-m32.sh runs it all again
# with the i386 build, and an execve into it (the tracks renamed).
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || skip "no /usr/bin/python3"
if [ "${TL_M32:-}" = yes ]; then
	need_i386
	PROG=tlprog32
else
	PROG=tlprog
fi
CHECK="$PY $TT_SRCDIR/tests/e2e/timeline-check.py"

# tt_trace_sleeps FILE N: the text trace FILE shows more than N sleeps
# that returned 0.
tt_trace_sleeps() {
	[ "$(grep -cE '(clock_nanosleep|restart_syscall).*\) += 0$' "$1")" -gt "$2" ]
}

# tl_check WHAT ARGS...: timeline-check.py ARGS, its problems as failures.
tl_check() {
	_what=$1
	shift
	$CHECK "$@" >"$W/check" 2>&1 || {
		fail "$_what:"
		sed 's/^/	| /' "$W/check"
	}
}

# The program, with the main output as text, as JSON and as -c: the
# timeline is the same beside each.
for main in text json summary; do
	case $main in
	text) opts= ;;
	json) opts=--json ;;
	summary) opts=-c ;;
	esac
	tt_run "run-$main" $opts -o "$W/run-$main.trace" --timeline="$W/run-$main.json" \
		-- "$H/$PROG" run
	expect_rc "run-$main" 0
	tl_check "run-$main" run "$W/run-$main.json" "$W/run-$main.out" "$PROG"
done
expect_match run-summary "$W/run-summary.trace" 'lateness histogram, CLOCK_MONOTONIC, 3 sleeps:'

# Timers from arming to firing: flows, and timerfd reads as spans.
tt_run flows -e trace=%timer,read -o "$W/flows.trace" --timeline="$W/flows.json" \
	-- "$H/$PROG" flows
expect_rc flows 0
tl_check flows flows "$W/flows.json" "$W/flows.out"


# A sleep the tracee is killed in: the span ends at the death (SIGKILL
# from outside).  SIGTERM to ttrace, passed on to the command, first ends
# the sleep with ERESTART_RESTARTBLOCK (its span ends there), then kills.
for how in KILL TERM; do
	rm -f "$W/hang.ready"
	tt_start_cmd "hang$how" "$PROG" -o "$W/hang$how.trace" \
		--timeline="$W/hang$how.json" -- "$H/$PROG" hang "$W/hang.ready"
	tt_poll 5 test -s "$W/hang.ready" || harness_error "hang: $PROG did not start"
	sleep 0.2
	if [ $how = KILL ]; then
		kill -KILL "$CPID"
		tt_wait_ttrace
		expect_rc "hang$how" 137
	else
		kill -TERM "$TT_PID"
		tt_wait_ttrace
		expect_rc "hang$how" 143
	fi
	tl_check "hang$how" killed "$W/hang$how.json" "$PROG" "$CPID" "SIG$how"
done

# The main output fails: the timeline is whole all the same (exit 1).
tt_run full -o /dev/full --timeline="$W/full.json" -- "$H/$PROG" run
expect_rc full 1
tl_check full run "$W/full.json" "$W/full.out" "$PROG"
# The timeline cannot be created: nothing starts.  It fails: said once.
tt_run nodir --timeline="$W/no/dir.json" -- "$H/$PROG" run
expect_result nodir 1 "ttrace: cannot write the timeline to '$W/no/dir.json': No such file or directory"
tt_run tlfull --timeline=/dev/full -o "$W/tlfull.trace" -- true
expect_result tlfull 1 "ttrace: cannot write the timeline to '/dev/full': No space left on device"
tt_run empty --timeline= -- true
expect_result empty 2 "ttrace: --timeline needs a file name" \
	"Try 'ttrace --help' for more information."

# -p: attached mid-sleep, two sleeps and more, detached by SIGINT.
tt_start_helper "$H/$PROG" loop 200000000
tt_poll 5 tt_in_syscall "$HPID" 230 219 267 407 0 ||
	harness_error "$PROG loop did not sleep"
tt_start attach --timeline="$W/attach.json" -p "$HPID"
tt_wait_attached attach
tt_poll 5 tt_trace_sleeps "$W/attach.err" 3 || fail "attach: fewer than 3 sleeps traced"
kill -INT "$TT_PID"
tt_wait_ttrace
expect_rc attach 0
tl_check attach attach "$W/attach.json" "$PROG" "$HPID" 200000000
tt_untraced "$HPID" || fail "attach: $HPID still traced"

# An execve into the i386 build: the tracks are named again.
if [ "${TL_M32:-}" = yes ]; then
	tt_run exec -o "$W/exec.trace" --timeline="$W/exec.json" -- \
		"$H/execchain" 2000000 "$H/execchain32" 3000000
	expect_rc exec 0
	tl_check exec exec "$W/exec.json" execchain execchain32
fi

# ttrace itself SIGKILLed: what it wrote stays whole; only ']' is missing.
tt_start_cmd cut "$PROG" --timeline="$W/cut.json" -- "$H/$PROG" loop 100000000
tt_poll 5 tt_trace_sleeps "$W/cut.err" 15 || fail "cut: fewer than 15 sleeps traced"
kill -KILL "$TT_PID"
tt_wait_ttrace
tl_check cut cut "$W/cut.json"
tt_done
