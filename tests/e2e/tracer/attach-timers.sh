#!/bin/sh
# -p on a process whose POSIX timer and timerfd were created before
# ttrace attached: ttrace learns them from /proc (timers, fdinfo), shows
# the timerfd's reads with their counts, names the timer after each of its
# signals, and gives both clocks in --json.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

tt_start_helper "$H/timerloop" "$W/ready"
tt_poll 5 test -s "$W/ready" || harness_error "timerloop did not start"
read -r _ P ID FD <"$W/ready"

for mode in text json; do
	opts=
	[ $mode = json ] && opts=--json
	tt_start $mode $opts -o "$W/$mode.trace" -e trace=read -p "$P"
	tt_wait_attached $mode
	# a few periods of 20 ms
	tt_poll 5 sh -c "[ \$(grep -c 'read' '$W/$mode.trace') -ge 5 ]" ||
		fail "$mode: fewer than 5 reads traced"
	kill -INT "$TT_PID"
	tt_wait_ttrace
	tt_check_free "after detach ($mode)" "$P"
done

# Text: the reads that returned show how many periods passed; a signal
# of the timer is followed by its annotation.
grep -E "^$P +read\\($FD, \\[[0-9]+\\], 8\\) += 8\$" "$W/text.trace" >"$W/reads"
[ "$(wc -l <"$W/reads")" -ge 3 ] || {
	fail "text: fewer than 3 reads with a count:"
	sed 's/^/	| /' "$W/text.trace"
}
grep -A1 -E "^$P +--- SIGUSR1 \\{si_signo=SIGUSR1, si_code=SI_TIMER, si_timerid=$ID," \
	"$W/text.trace" | grep -vE '^--$|--- SIGUSR1' >"$W/names"
[ -s "$W/names" ] || fail "text: no signal of timer $ID"
grep -vxE "$P +  \\^ timer $ID: CLOCK_BOOTTIME" "$W/names" >"$W/bad"
[ ! -s "$W/bad" ] || {
	fail "text: a timer signal not followed by its annotation:"
	sed 's/^/	| /' "$W/bad"
}

# JSON: the reads carry the timerfd's clock, the signals the timer's.
grep '"name":"read"' "$W/json.trace" | grep '"value":\[' >"$W/jreads"
[ -s "$W/jreads" ] || fail "json: no read with a count"
if grep -v '"clock":{"value":1,"name":"CLOCK_MONOTONIC"}' "$W/jreads" | grep -q .; then
	fail "json: a read without the timerfd's clock"
fi
grep '"code":{"value":-2,"name":"SI_TIMER"}' "$W/json.trace" >"$W/jsigs"
[ -s "$W/jsigs" ] || fail "json: no timer signal"
if grep -v "\"timer\":{\"id\":$ID,\"clock\":{\"value\":7,\"name\":\"CLOCK_BOOTTIME\"}}" \
	"$W/jsigs" | grep -q .; then
	fail "json: a timer signal without its timer"
fi
tt_done
