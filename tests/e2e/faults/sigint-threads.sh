#!/bin/sh
# -p on a process of 20 threads looping in 1 ms sleeps, then SIGINT,
# SIGTERM or SIGHUP at a random moment, six times over the same process:
# each time ttrace says it attached the 20 threads and detached each,
# exits 0, and every thread is left untraced, not stopped, and sleeping
# on (its heartbeat grows).
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

N=20
LOG=$W/heartbeat
log_n_threads() {
	[ "$(tt_log_tids "$1" | wc -l)" -ge $N ]
}

tt_start_helper "$H/swarm" loop $N 1000000 "$LOG"
P=$HPID
tt_poll 5 log_n_threads "$LOG" || harness_error "swarm did not start $N threads"

TIDS=$(tt_tids "$P")
[ "$(echo $TIDS | wc -w)" = $N ] || harness_error "swarm has threads: $TIDS"
set -- INT TERM HUP INT TERM HUP
for d in $(tt_random 6 0.2); do
	sig=$1
	shift
	name=$sig-$#
	tt_start "$name" -o "$W/$name.trace" -p "$P"
	tt_wait_attached "$name"
	sleep "$d"
	kill -"$sig" "$TT_PID"
	tt_wait_ttrace
	{
		echo "ttrace: Process $P attached with $N threads"
		for t in $TIDS; do
			echo "ttrace: Process $t detached"
		done
	} >"$W/$name.want"
	tt_expect_result sort "$name" 0 "$W/$name.want"
	tt_check_free "$name" "$P"
	tt_each_beating "$name" "$LOG" $TIDS
	tt_check_free "$name: later" "$P"
done

tt_done
