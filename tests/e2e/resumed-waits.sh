#!/bin/sh
# Waits a signal interrupts with no handler run, resumed through
# restart_syscall (tests/e2e/helpers/resumed: two polls and a futex wait,
# SIGALRM ignored).  In --json each restart_syscall carries the timing of
# the wait it resumes and how that wait ended; when it timed out, its
# lateness against the wait's own deadline: the first call's entry plus
# its timeout, to the nanosecond of the JSON's times.  -c counts how the
# resumed waits ended in the restart_syscall row; a profile records each
# timeout once, in the wait's own group.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

tt_run json --json -o "$W/json" -- "$H/resumed"
expect_rc json 0
grep -E '"name":"(poll|futex|restart_syscall)"' "$W/json" >"$W/waits"

# num LINE PATTERN: the number sed's PATTERN (one group) takes from LINE,
# or "none".
num() {
	_v=$(printf '%s\n' "$1" | sed -n "s/.*$2.*/\\1/p")
	echo "${_v:-none}"
}

: >"$W/got"
entry=0
while IFS= read -r line; do
	name=$(num "$line" '"name":"\([a-z_]*\)"')
	resumes=$(num "$line" '"resumes":"\([a-z_]*\)"')
	tmo=$(num "$line" '"timeout_ns":\([0-9]*\)')
	outcome=$(num "$line" '"outcome":"\([a-z_]*\)"')
	late=$(num "$line" '"lateness_ns":\(-*[0-9]*\)')
	t_in=$(num "$line" '"entry":{"realtime_ns":[0-9]*,"monotonic_ns":\([0-9]*\)')
	t_out=$(num "$line" '"exit":{"realtime_ns":[0-9]*,"monotonic_ns":\([0-9]*\)')
	if [ "$name" != restart_syscall ]; then
		entry=$t_in
		echo "$name $tmo $outcome lateness=$late" >>"$W/got"
		continue
	fi
	if [ "$late" != none ]; then
		want=$((t_out - entry - tmo))
		if [ "$late" -eq "$want" ] && [ "$late" -ge 0 ] &&
		   [ "$late" -lt 1000000000 ]; then
			late=deadline
		else
			fail "restart_syscall of $resumes: lateness $late, want $want"
		fi
	fi
	echo "$name $resumes $tmo $outcome lateness=$late" >>"$W/got"
done <"$W/waits"
cat >"$W/want" <<'END'
poll 200000000 interrupted lateness=none
restart_syscall poll 200000000 timed_out lateness=deadline
futex 200000000 interrupted lateness=none
restart_syscall futex 200000000 timed_out lateness=deadline
poll 2000000000 interrupted lateness=none
restart_syscall poll 2000000000 ready lateness=none
END
expect_same "json: the waits and their restarts" "$W/want" "$W/got"

tt_run c -c -o "$W/c" -- "$H/resumed"
expect_rc c 0
# The rows come busiest first, by time in the calls: poll's and
# restart_syscall's are close enough for a loaded machine to swap them, so
# the rows are compared sorted by name.
sed -n '/^waits, how they ended:$/,/^$/p' "$W/c" >"$W/c.table"
{ head -n 3 "$W/c.table"; tail -n +4 "$W/c.table" | LC_ALL=C sort; } >"$W/c.waits"
cat >"$W/want.waits" <<'END'
waits, how they ended:
syscall                     waits timed out    ready interrupted   failed  timeout 0 no timeout
------------------------ -------- --------- -------- ----------- -------- ---------- ----------

futex                           1         0        0           1        0          0          0
poll                            2         0        0           2        0          0          0
restart_syscall                 3         2        1           0        0          0          0
END
expect_same "-c: how the waits ended" "$W/want.waits" "$W/c.waits"
expect_line "-c" "$W/c" "lateness histogram, CLOCK_MONOTONIC, 2 waits that timed out:"

tt_run prof --profile="$W/prof" -o /dev/null -- "$H/resumed"
expect_rc prof 0
grep '"family"' "$W/prof" | tr -d ' ,' >"$W/prof.families"
cat >"$W/want.families" <<'END'
"family":"clock_nanosleep"
"family":"futex"
"family":"poll"
"family":"setitimer"
END
expect_same "profile: no restart_syscall group" "$W/want.families" "$W/prof.families"

tt_done
