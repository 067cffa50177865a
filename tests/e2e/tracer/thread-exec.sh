#!/bin/sh
# A non-leader thread execs while the two others sleep 5 s: the sleeping
# calls end with "= ?", the other non-leader exits, the leader's line is
# "+++ superseded by execve in pid TID +++", and the trace goes on under
# the leader's pid in the new program, with no wait for the old sleeps.
# On stderr the superseded line and what follows have no "[pid N] ":
# only one thread is left (as strace prints it).
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

NEW='clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0'

# thrd_ids NAME: S (sleeping thread) and E (execing one), as printed.
thrd_ids() {
	S=$(sed -n 's/^sleeper //p' "$W/$1.out")
	E=$(sed -n 's/^execer //p' "$W/$1.out")
	[ -n "$S" ] && [ -n "$E" ] || harness_error "$1: threxec did not say its ids"
}

start=$(date +%s%N)
tt_run thro -o "$W/thro.trace" -- "$H/threxec" "$H/sleeper" -n 3 -s 1000 -x 4
took=$((($(date +%s%N) - start) / 1000000))
[ "$took" -lt 3000 ] || fail "thro: took $took ms: waited for the old threads' sleeps"
expect_rc thro 4
expect_empty "thro: stderr" "$W/thro.err"
thrd_ids thro
M=$(sed -n 's/^\([0-9]*\) *clock_nanosleep(CLOCK_REALTIME.*/\1/p' "$W/thro.trace" | head -n 1)
unsplit "$W/thro.trace" >"$W/thro.joined"
# Before the exec, in any order; then exactly this, in this order.
{
	printf '%-5d %s\n' \
		"$M" "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=5, tv_nsec=0},  <unfinished ...>) = ?" \
		"$S" "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=5, tv_nsec=0},  <unfinished ...>) = ?" \
		"$S" "+++ exited with 0 +++" \
		"$E" "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=20000000}, NULL) = 0" |
		sort
	printf '%-5d %s\n' "$M" "+++ superseded by execve in pid $E +++" \
		"$M" "$NEW" "$M" "$NEW" "$M" "$NEW" "$M" "+++ exited with 4 +++"
} >"$W/thro.want"
{
	sed '/+++ superseded/,$d' "$W/thro.joined" | sort
	sed -n '/+++ superseded/,$p' "$W/thro.joined"
} >"$W/thro.got"
expect_same "thro: trace" "$W/thro.want" "$W/thro.got"

# On stderr.
tt_run thr -- "$H/threxec" "$H/sleeper" -n 3 -s 1000 -x 4
expect_rc thr 4
thrd_ids thr
sed -n '/+++ superseded/,$p' "$W/thr.err" >"$W/thr.after"
printf '%s\n' "+++ superseded by execve in pid $E +++" "$NEW" "$NEW" "$NEW" \
	"+++ exited with 4 +++" >"$W/thr.want"
expect_same "thr: after the exec" "$W/thr.want" "$W/thr.after"

# The new program is an i386 one: announced under the leader's pid.
if [ "${TT_HAVE_M32:-no}" = yes ] && "$H/execchain32" 0 2>/dev/null; then
	tt_run thr32 -- "$H/threxec" "$H/execchain32" 1000
	expect_rc thr32 0
	thrd_ids thr32
	M=$(sed -n 's/^\[pid *\([0-9]*\)\] clock_nanosleep(CLOCK_REALTIME.*/\1/p' "$W/thr32.err")
	sed -n '/+++ superseded/,$p' "$W/thr32.err" >"$W/thr32.after"
	printf '%s\n' "+++ superseded by execve in pid $E +++" \
		"[ Process PID=$M runs in 32 bit mode. ]" \
		"clock_nanosleep_time32(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0" \
		"+++ exited with 0 +++" >"$W/thr32.want"
	expect_same "thr32: after the exec" "$W/thr32.want" "$W/thr32.after"
else
	echo "(no i386 programs here: the i386 exec case is not run)"
fi

tt_done
