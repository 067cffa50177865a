#!/bin/sh
# -c on waits (tests/e2e/helpers/waiter: polls and ppolls that time out,
# are ready, are interrupted, fail): the calls and errors of each, how
# the waits ended, exactly; the lateness of those that timed out in the
# table and in the histogram; -c --json the same.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# every wait, the ppoll without a timeout too
tt_run all -c -e trace=%wait -o "$W/all" -- "$H/waiter"
expect_rc all 0
expect_empty "all: stdout" "$W/all.out"
# the table's names, calls and errors; the times vary
awk '/^-/ { part++; next } part == 1 { print $1, $2, $3 }' "$W/all" >"$W/all.calls"
cat >"$W/want.calls" <<'END'
poll 6 1
ppoll 4 1
END
expect_same "all: calls" "$W/want.calls" "$W/all.calls"
# the waits: 3 polls of 20 ms and one of 0 ms that timed out, one ready,
# one on a bad address; ppolls of 500 ms ready, of 10 ms timed out, with
# no timeout ready, of 1 s interrupted
sed -n '/^waits, how they ended:$/,/^$/p' "$W/all" >"$W/all.waits"
cat >"$W/want.waits" <<'END'
waits, how they ended:
syscall                     waits timed out    ready interrupted   failed  timeout 0 no timeout
------------------------ -------- --------- -------- ----------- -------- ---------- ----------
poll                            6         4        1           0        1          1          0
ppoll                           4         1        2           1        0          0          1

END
expect_same "all: waits" "$W/want.waits" "$W/all.waits"
# lateness of the 4 polls and the ppoll that timed out: p50 <= p99 <= max,
# all in [0, 1 s)
for call in poll ppoll; do
	set -- $(grep "^$call " "$W/all" | head -1)
	awk -v p="$7" -v q="$8" -v x="$9" 'BEGIN { exit !(p >= 0 && p <= q && q <= x && x < 1000000) }' ||
		fail "all: $call lateness '$7 $8 $9' us not ordered within [0, 1 s)"
done
expect_line all "$W/all" "lateness histogram, CLOCK_MONOTONIC, 5 waits that timed out:"
awk '/^lateness histogram/ { on = 1; next }
on && /^  / { split($0, parts, "|"); c = parts[1]; sub(/ +$/, "", c); sub(/^.* /, "", c); sum += c }
END { exit sum != 5 }' "$W/all" || fail "all: the histogram does not count 5 waits: $(cat "$W/all")"

# without -e, a wait without a timeout is not traced: 3 ppolls
tt_run def -c -o "$W/def" -- "$H/waiter"
expect_rc def 0
expect_line def "$W/def" "ppoll                           3         1        1           1        0          0          0"

# a busy loop of zero timeouts shows in the table
tt_run busy -c -o "$W/busy" -- "$H/waiter" -n 0 -z 200
expect_rc busy 0
expect_line busy "$W/busy" "poll                          202       200        1           0        1        200          0"

# -c --json: the same counts
tt_run json -c --json -o "$W/json" -- "$H/waiter"
expect_rc json 0
/usr/bin/python3 - "$W/json" >"$W/json.check" 2>&1 <<'END' || fail "json: $(cat "$W/json.check")"
import json, sys
s = json.load(open(sys.argv[1]))
calls = {c["name"]: c for c in s["calls"]}
assert sorted(calls) == ["poll", "ppoll"], calls
assert (calls["poll"]["calls"], calls["poll"]["errors"]) == (6, 1), calls["poll"]
assert calls["poll"]["waits"] == {"count": 6, "timed_out": 4, "ready": 1, "interrupted": 0,
                                  "failed": 1, "zero_timeout": 1, "no_timeout": 0}, calls["poll"]
assert calls["ppoll"]["waits"] == {"count": 3, "timed_out": 1, "ready": 1, "interrupted": 1,
                                   "failed": 0, "zero_timeout": 0, "no_timeout": 0}, calls["ppoll"]
assert calls["poll"]["lateness"]["count"] == 4 and calls["ppoll"]["lateness"]["count"] == 1, calls
h = s["lateness_histograms"]
assert [(x["clock"], x["count"], x["waits"]) for x in h] == [("CLOCK_MONOTONIC", 5, 5)], h
assert sum(b["count"] for b in h[0]["buckets"]) == 5, h
END
tt_done
