#!/bin/sh
# SIGINT, SIGTERM and SIGHUP sent to ttrace.  With -- COMMAND the first
# one is forwarded to the command, which is traced until it exits (and
# ttrace exits 128+N when it dies of it); a second one detaches, and ttrace
# waits for its child untraced.  With -p each of them detaches, status 0.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

SLEEP='clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=1, tv_nsec=0}, '

# Forwarded; the command dies of it.
for sig in INT:130 TERM:143 HUP:129; do
	name=${sig%:*}
	tt_start "fwd$name" -- "$H/sleeper" -n 0 -s 1000000000
	tt_wait_err "fwd$name" "$SLEEP"
	kill -"$name" "$TT_PID"
	tt_wait_ttrace
	expect_result "fwd$name" "${sig#*:}" \
		"${SLEEP}NULL) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)" \
		"--- SIG$name {si_signo=SIG$name, si_code=SI_USER, si_pid=$TT_PID, si_uid=0} ---" \
		"+++ killed by SIG$name +++"
done

# A command that ignores SIGINT: forwarded, seen, and it sleeps on, still
# traced.  Without the seccomp filter the second signal detaches:
# untraced, it runs on; ttrace, its parent, waits for it and exits with
# its status.
LOG=$W/ign.log
tt_start ign --seccomp=off -- "$H/sleeper" -i 2 -n 0 -s 100000000 -l "$LOG"
tt_wait_err ign "clock_nanosleep("
P=$(tt_log_pids "$LOG")
tt_track "$P"
kill -INT "$TT_PID"
tt_wait_err ign "--- SIGINT {si_signo=SIGINT, si_code=SI_USER, si_pid=$TT_PID, si_uid=0} ---"
n=$(grep -c 'clock_nanosleep' "$W/ign.err")
tt_poll 3 tt_err_longer ign "$n" || fail "ign: not traced after the forwarded SIGINT"
kill -HUP "$TT_PID"
tt_poll 3 tt_untraced "$P" || fail "ign: $P still traced after the second signal"
tt_check_free ign "$P"
tt_alive "$TT_PID" || fail "ign: ttrace exited before its command"
n=$(grep -c . "$W/ign.err")
tt_beating ign "$LOG"
[ "$(grep -c . "$W/ign.err")" = "$n" ] || fail "ign: trace lines after the detach"
kill -TERM "$P"
tt_wait_ttrace
expect_rc ign 143
tt_gone "$P" || fail "ign: $P still there"

# Under the seccomp filter (the default) the command cannot be detached:
# its filtered calls would fail.  The second signal ends the trace
# instead: nothing more is printed, the command sleeps on (its calls still
# succeed) and ttrace waits for it.
LOG=$W/ignf.log
tt_start ignf -- "$H/sleeper" -i 2 -n 0 -s 100000000 -l "$LOG"
tt_wait_err ignf "clock_nanosleep("
P=$(tt_log_pids "$LOG")
tt_track "$P"
kill -INT "$TT_PID"
tt_wait_err ignf "--- SIGINT {si_signo=SIGINT, si_code=SI_USER, si_pid=$TT_PID, si_uid=0} ---"
kill -HUP "$TT_PID"
sleep 0.3
n=$(grep -c . "$W/ignf.err")
tt_beating ignf "$LOG"
tt_alive "$TT_PID" || fail "ignf: ttrace exited before its command"
[ "$(grep -c . "$W/ignf.err")" = "$n" ] || fail "ignf: trace lines after the second signal"
kill -TERM "$P"
tt_wait_ttrace
expect_rc ignf 143
tt_gone "$P" || fail "ignf: $P still there"

# -p: SIGTERM and SIGHUP detach like SIGINT.
for name in TERM HUP; do
	LOG=$W/p$name.log
	tt_start_sleeper -n 0 -s 1000000000 -l "$LOG"
	P=$HPID
	tt_start "p$name" -p "$P"
	tt_wait_err "p$name" "restart_syscall("
	kill -"$name" "$TT_PID"
	tt_wait_ttrace
	# The signal comes while the resumed sleep goes on, or, on a slow
	# machine, once it ended and later ones began: the sleeps that ended
	# before it are not what this checks.
	if grep -qF "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0" \
		"$W/p$name.err"; then
		sed -i '/^clock_nanosleep(.*) = 0$/d' "$W/p$name.err"
		expect_result "p$name" 0 \
			"ttrace: Process $P attached" \
			"restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0" \
			"${SLEEP} <detached ...>" \
			"ttrace: Process $P detached"
	else
		expect_result "p$name" 0 \
			"ttrace: Process $P attached" \
			"restart_syscall(<... resuming interrupted clock_nanosleep ...> <detached ...>" \
			"ttrace: Process $P detached"
	fi
	tt_check_free "p$name" "$P"
	tt_beating "p$name" "$LOG"
done

tt_done
