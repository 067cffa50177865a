#!/bin/sh
# -z, -Z, -e status=SET, -e signal=SET and -e trace=none, as strace 6.1
# prints them: under a status filter a call is printed whole once it has
# ended, or not at all (no "<unfinished ...>" half at its entry, so no
# other thread's line cuts it); a call that never returns is "unfinished",
# one ttrace detached from in its middle "detached"; -e signal= picks the
# "--- SIG" lines; exits and other messages are untouched.  When strace is
# installed, it is run on the same program and must print the same lines.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

P=$H/statuses
U=$(id -u)
CALLS=clock_nanosleep,timerfd_settime,timerfd_create,poll

# line WHO CALL RET: a call's line of the main thread (M) or the other
# (T), its padding before " = " as one space (runs differ in their ids,
# so in the width of the id column: tests of the text renderer check the
# column).
line() {
	printf '%s %s) = %s\n' "$1" "$2" "$3"
}

# norm NAME FILE: the ids of run NAME in FILE as T and M.
norm() {
	_t=$(sed -n 's/^thread //p' "$W/$1.out")
	sed -E -e "s/^$_t +/T /" -e 's/^[0-9]+ +/M /' -e 's/\) +=/) =/' \
		-e 's/si_pid=[0-9]+/si_pid=M/' "$2"
}

ITS='{it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=1000}}'
line M "poll([{fd=3, events=POLLIN}], 1, 10000" "1 ([{fd=3, revents=POLLIN}])" >"$W/ok"
line T "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL" "0" >>"$W/ok"
line M "timerfd_create(CLOCK_MONOTONIC, 0" "5" >>"$W/ok"
line M "timerfd_settime(5, 0, $ITS, NULL" "0" >>"$W/ok"
line T "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=18446744073709551615}, NULL" "-1 EINVAL (Invalid argument)" >"$W/bad"
line T "timerfd_settime(99, 0, $ITS, NULL" "-1 EBADF (Bad file descriptor)" >>"$W/bad"
printf '%s\n' "T +++ exited with 0 +++" "M +++ exited with 0 +++" >"$W/exits"
usr1="M --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=M, si_uid=$U} ---"
usr2="M --- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=M, si_uid=$U} ---"

# Without a filter the same lines, the calls perhaps cut.
tt_run all -o "$W/all.trace" -e trace=$CALLS -- "$P"
expect_rc all 0
unsplit "$W/all.trace" >"$W/all.joined"
norm all "$W/all.joined" | sort >"$W/all.got"
sort "$W/ok" "$W/bad" "$W/exits" >"$W/all.want"
printf '%s\n' "$usr1" "$usr2" >>"$W/all.want"
sort -o "$W/all.want" "$W/all.want"
expect_same "all" "$W/all.want" "$W/all.got"

# check NAME ARGS... -- EXPECTED-FILES...: ttrace ARGS on the program
# prints exactly the lines of the files (in any order: the threads race),
# each whole.
check() {
	_n=$1
	shift
	_a=
	while [ "$1" != -- ]; do
		_a="$_a $1"
		shift
	done
	shift
	cat "$@" | sort >"$W/$_n.want"
	# shellcheck disable=SC2086
	tt_run "$_n" -o "$W/$_n.trace" $_a -- "$P"
	expect_rc "$_n" 0
	expect_empty "$_n: stderr" "$W/$_n.err"
	norm "$_n" "$W/$_n.trace" | sort >"$W/$_n.got"
	expect_same "$_n" "$W/$_n.want" "$W/$_n.got"
}

printf '%s\n' "$usr1" "$usr2" >"$W/sigs"
echo "$usr2" >"$W/usr2"
: >"$W/none"
check z -z -e trace=$CALLS -- "$W/ok" "$W/exits" "$W/sigs"
check Z -Z -e trace=$CALLS -- "$W/bad" "$W/exits" "$W/sigs"
check successful-only --successful-only -e trace=$CALLS -- "$W/ok" "$W/exits" "$W/sigs"
check failed-only --failed-only -e trace=$CALLS -- "$W/bad" "$W/exits" "$W/sigs"
check status-both -e status=successful,failed -e trace=$CALLS -- "$W/ok" "$W/bad" "$W/exits" "$W/sigs"
check status-not -e 'status=!successful' -e trace=$CALLS -- "$W/bad" "$W/exits" "$W/sigs"
check status-none --status=none -e trace=$CALLS -- "$W/exits" "$W/sigs"
check signal-usr2 -z -e signal=usr2 -e trace=$CALLS -- "$W/ok" "$W/exits" "$W/usr2"
check signal-not -z -e 'signal=!SIGUSR1' -e trace=$CALLS -- "$W/ok" "$W/exits" "$W/usr2"
check signal-num -z --signal=12 -e trace=$CALLS -- "$W/ok" "$W/exits" "$W/usr2"
check signal-none -Z -e signal=none -e trace=$CALLS -- "$W/bad" "$W/exits"
check trace-none -e trace=none -- "$W/exits" "$W/sigs"

# The last of -z and -Z wins, said as strace says it.
tt_run zZ -z -Z -o "$W/zZ.trace" -e trace=$CALLS -- "$P"
expect_rc zZ 0
echo "ttrace: only the last of -z and -Z takes effect; -e status=SET filters more" >"$W/zZ.err.want"
expect_same "zZ: the warning" "$W/zZ.err.want" "$W/zZ.err"
norm zZ "$W/zZ.trace" | sort >"$W/zZ.got"
sort "$W/bad" "$W/exits" "$W/sigs" >"$W/zZ.want"
expect_same "zZ" "$W/zZ.want" "$W/zZ.got"

# strace 6.1 on the same program prints the same lines.
if command -v strace >/dev/null 2>&1; then
	for mode in -z -Z; do
		strace -f $mode -o "$W/strace$mode" -e trace=$CALLS "$P" >/dev/null 2>&1 ||
			fail "strace $mode failed"
		tt_run "ttrace$mode" $mode -o "$W/ttrace$mode" -e trace=$CALLS -- "$P"
		# ids differ from run to run
		for f in "$W/strace$mode" "$W/ttrace$mode"; do
			sed -E 's/^[0-9]+ +/ID /; s/si_pid=[0-9]+/si_pid=N/; s/\) +=/) =/' "$f" | sort >"$f.n"
		done
		expect_same "strace $mode" "$W/strace$mode.n" "$W/ttrace$mode.n"
	done
fi

# Calls that never return: those of the threads an execve of another
# thread removes are unfinished.
TE=$H/threxec
SL=$H/sleeper
tt_run te-z -z -o "$W/te-z.trace" -- "$TE" "$SL" -n 1 -s 1000
expect_rc te-z 0
! grep -q ' = ?$' "$W/te-z.trace" || fail "te-z: an unfinished call under -z"
expect_count "te-z: the execer's sleep" "$W/te-z.trace" 1 '[0-9]+ +clock_nanosleep\(CLOCK_MONOTONIC, 0, \{tv_sec=0, tv_nsec=20000000\}, NULL\) += 0'
tt_run te-u -e status=unfinished -o "$W/te-u.trace" -- "$TE" "$SL" -n 1 -s 1000
expect_rc te-u 0
expect_count "te-u: unfinished calls" "$W/te-u.trace" 2 '[0-9]+ +clock_nanosleep\(CLOCK_(REALTIME|MONOTONIC), 0, \{tv_sec=5, tv_nsec=0\},  <unfinished \.\.\.>\) = \?'
expect_count "te-u: no other call" "$W/te-u.trace" 2 '[0-9]+ +clock_nanosleep.*'

# Detached in the middle of a call (-p, then SIGINT): "detached".
for st in detached successful; do
	tt_start_sleeper -n 1 -s 5000000000
	tt_start "det-$st" -e status=$st -p "$HPID"
	tt_wait_attached "det-$st"
	tt_poll 3 grep -q resuming "$W/det-$st.err" 2>/dev/null
	sleep 0.2
	kill -INT "$TT_PID"
	tt_wait_ttrace
	expect_rc "det-$st" 0
	if [ $st = detached ]; then
		expect_line "det-$st: the call" "$W/det-$st.err" \
			"restart_syscall(<... resuming interrupted clock_nanosleep ...> <detached ...>"
	else
		expect_no_line "det-$st: no call" "$W/det-$st.err" \
			"restart_syscall(<... resuming interrupted clock_nanosleep ...> <detached ...>"
	fi
	kill -KILL "$HPID" 2>/dev/null
	wait "$HPID" 2>/dev/null
done

tt_done
