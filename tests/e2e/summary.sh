#!/bin/sh
# -c: no trace, a table at the end.  Known sleeps: the calls and errors are
# exact, the lateness of each sleep is measured (relative and absolute),
# at least 0 and well under a request; -c --json gives the same numbers.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# 2 threads x 4 relative sleeps of 20 ms
tt_run rel -c -o "$W/rel" -- "$H/sleeper" -t 2 -n 4 -s 20000000
expect_rc rel 0
expect_empty "rel: stdout" "$W/rel.out"
row=$(grep '^clock_nanosleep ' "$W/rel")
set -- $row
[ "$2" = 8 ] && [ "$3" = 0 ] || fail "rel: calls/errors '$2 $3', want 8 0: $row"
# avg and max time in the call: at least the 20 ms asked for
awk -v a="$5" -v m="$6" 'BEGIN { exit !(a >= 20000 && m >= a) }' ||
	fail "rel: avg $5 us, max $6 us: not at least 20000"
# lateness p50 <= p99 <= max, all in [0, 20 ms)
awk -v p="$7" -v q="$8" -v x="$9" 'BEGIN { exit !(p >= 0 && p <= q && q <= x && x < 20000) }' ||
	fail "rel: lateness '$7 $8 $9' us not ordered within [0, 20000)"
grep -q '^total  *8  *0 ' "$W/rel" || fail "rel: no total row of 8 calls"
grep -q '^syscall  *calls  *errors  *total s  *avg us  *max us  *late p50 us  *late p99 us  *late max us$' "$W/rel" ||
	fail "rel: no header line"

# absolute sleeps, and the same as JSON
tt_run abs -c --json -o "$W/abs" -- "$H/sleeper" -a -n 3 -s 20000000
expect_rc abs 0
[ "$(wc -l <"$W/abs")" = 1 ] || fail "abs: -c --json is not one line"
grep -q '"name":"clock_nanosleep","family":"clock_nanosleep","abi":"x86_64","calls":3,"errors":0,' "$W/abs" ||
	fail "abs: $(cat "$W/abs")"
grep -q '"lateness":{"count":3,"median_ns":[0-9]*,"p99_ns":[0-9]*,"max_ns":[0-9]*}' "$W/abs" ||
	fail "abs: no lateness of 3 absolute sleeps: $(cat "$W/abs")"
tt_done
