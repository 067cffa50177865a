#!/bin/sh
# -c: no trace, a table at the end.  Known sleeps: the calls and errors are
# exact, the lateness of each sleep is measured (relative and absolute),
# at least 0 and well under a request; -c --json gives the same numbers.
# -C: the trace, then the same table in the same output, as strace -C:
# the trace part and the calls and errors per call as strace's.
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
# -C: the trace, then the table, both in the -o file (strace -C writes
# its table there too); 2 threads x 4 sleeps, each line of the trace
# before the table
tt_run both -C -e trace=clock_nanosleep -o "$W/both" -- "$H/sleeper" -t 2 -n 4 -s 1000000
expect_rc both 0
expect_empty "both: stderr" "$W/both.err"
head=$(grep -n '^syscall  *calls  *errors ' "$W/both" | cut -d: -f1)
[ -n "$head" ] || fail "both: no table: $(cat "$W/both")"
sed "${head:-1},\$d" "$W/both" >"$W/both.trace"
unsplit "$W/both.trace" >"$W/both.un"
expect_count both "$W/both.un" 8 \
	'[0-9]+ +clock_nanosleep\(CLOCK_MONOTONIC, 0, \{tv_sec=0, tv_nsec=1000000\}, NULL\) += 0'
expect_count both "$W/both.trace" 2 '[0-9]+ +\+\+\+ exited with 0 \+\+\+'
sed "1,$((${head:-1} - 1))d" "$W/both" >"$W/both.table"
grep -q '^clock_nanosleep  *8  *0 ' "$W/both.table" ||
	fail "both: no row of 8 calls after the trace: $(cat "$W/both")"
! grep -q 'clock_nanosleep(' "$W/both.table" || fail "both: a call after the table"

# -C --json: the header, the events, then the summary object last
tt_run bothj -C --json -e trace=clock_nanosleep -o "$W/bothj" -- "$H/sleeper" -n 3 -s 1000000
expect_rc bothj 0
/usr/bin/python3 - "$W/bothj" <<'PY' || fail "bothj: $(cat "$W/bothj")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
types = [l["type"] for l in lines]
assert types[0] == "header" and types[-1] == "summary", types
assert types.count("call") == 3 and types.count("summary") == 1, types
assert [(c["name"], c["calls"], c["errors"]) for c in lines[-1]["calls"]] == \
    [("clock_nanosleep", 3, 0)], lines[-1]
PY

# as strace -C: calls that succeed and fail, traced by both; the trace
# part the same but for addresses (ASLR: a user address has 11 or 12 hex
# digits, 0x7f... or 0x7e... for the stack and mappings, 0x55... for the
# program), and the calls and errors per call in the two tables the same
DEC=${TT_BUILDDIR:-.}/tests/e2e/decode/sleep-m64.dec
if command -v strace >/dev/null 2>&1 && [ -x "$DEC" ]; then
	strace -f -C -e trace=clock_nanosleep -o "$W/sC" "$DEC" >/dev/null 2>&1 ||
		harness_error "strace -C failed: $(cat "$W/sC")"
	tt_run tC -C -e trace=clock_nanosleep -o "$W/tC" -- "$DEC"
	expect_rc tC 0
	trace_part() {	# FILE: the lines up to the exit, before the table
		sed -E '/^[0-9]+ +\+\+\+ exited/q' "$1" |
			sed -E 's/^[0-9]+ +/PID /; s/0x[0-9a-f]{11,12}\b/0xADDR/g'
	}
	trace_part "$W/sC" >"$W/sC.trace"
	trace_part "$W/tC" >"$W/tC.trace"
	[ "$(wc -l <"$W/sC.trace")" -gt 10 ] || harness_error "strace -C traced little: $(cat "$W/sC")"
	expect_same "-C: the trace part as strace's" "$W/sC.trace" "$W/tC.trace"
	# strace: % time, seconds, usecs/call, calls, [errors,] syscall
	awk '/^-/ { n++; next } n == 1 { print $NF, $4, (NF == 6 ? $5 : 0) }' "$W/sC" >"$W/sC.rows"
	awk '/^-/ { n++; next } n == 1 && NF > 3 { print $1, $2, $3 }' "$W/tC" >"$W/tC.rows"
	[ -s "$W/sC.rows" ] || harness_error "strace -C: no table: $(cat "$W/sC")"
	expect_same "-C: calls and errors as strace's" "$W/sC.rows" "$W/tC.rows"
else
	echo "(strace -C comparison skipped: no strace or no decode program)"
fi
tt_done
