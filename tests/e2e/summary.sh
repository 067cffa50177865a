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
# the histogram of lateness: one, of the 8 sleeps, its buckets' counts
# adding up to 8, each bar as long as its count says, in 80 columns
expect_line rel "$W/rel" "lateness histogram, CLOCK_MONOTONIC, 8 sleeps:"
awk '/^lateness histogram/ { on = 1; next }
on && /^  / {
	n++
	split($0, parts, "|")
	label_count = parts[1]; bar = parts[2]
	c = label_count; sub(/ +$/, "", c); sub(/^.* /, "", c); c = c + 0
	marks = gsub(/#/, "#", bar)
	if (c > max) max = c
	sum += c; cnt[n] = c; mk[n] = marks
	if (length($0) > 80 || length(bar) != 50) bad = bad " wide:" n
}
END {
	for (i = 1; i <= n; i++) {
		want = int((cnt[i] * 50 + max - 1) / max)
		if (mk[i] != want) bad = bad " bar" i ":" mk[i] "!=" want
	}
	if (sum != 8 || bad != "") { print "sum " sum bad; exit 1 }
}' "$W/rel" >"$W/hist" || fail "rel: histogram: $(cat "$W/hist"): $(cat "$W/rel")"

# absolute sleeps, and the same as JSON
tt_run abs -c --json -o "$W/abs" -- "$H/sleeper" -a -n 3 -s 20000000
expect_rc abs 0
[ "$(wc -l <"$W/abs")" = 1 ] || fail "abs: -c --json is not one line"
grep -q '"name":"clock_nanosleep","family":"clock_nanosleep","abi":"x86_64","calls":3,"errors":0,' "$W/abs" ||
	fail "abs: $(cat "$W/abs")"
grep -q '"lateness":{"count":3,"median_ns":[0-9]*,"p99_ns":[0-9]*,"max_ns":[0-9]*}' "$W/abs" ||
	fail "abs: no lateness of 3 absolute sleeps: $(cat "$W/abs")"
# its histogram: the buckets of the one clock add up to the 3 sleeps and
# follow each other without a gap
/usr/bin/python3 - "$W/abs" <<'PY' || fail "abs: histogram: $(cat "$W/abs")"
import json, sys
h = json.load(open(sys.argv[1]))["lateness_histograms"]
assert [x["clock"] for x in h] == ["CLOCK_MONOTONIC"] and h[0]["clock_id"] == 1, h
b = h[0]["buckets"]
assert h[0]["count"] == 3 == sum(x["count"] for x in b), h
assert b[0]["count"] > 0 and b[-1]["count"] > 0, b
for x, y in zip(b, b[1:]):
    assert x["to_ns"] == y["from_ns"], b
PY
tt_done
