#!/bin/sh
# --profile and --check on waits (tests/e2e/helpers/waiter): the timeouts
# are recorded exactly, per family, clock and mode, a wait without a
# timeout not at all; the same program checks clean; a poll interval
# changed from 20 ms to 2 ms and a busy loop of polls of 0 ms each fail
# with one line naming the group and both values; a lateness budget no
# wait can meet; the profile validates against its schema.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

P=$W/base.json
SEL="-e trace=poll,ppoll"

# the profile without its lateness lines (they vary from run to run)
requests() {
	grep -v '"lateness":' "$1" | sed 's/^\( *\)],$/\1]/'
}

tt_run record $SEL --profile="$P" -o "$W/record.trace" -- "$H/waiter"
expect_rc record 0
expect_empty "record: stderr" "$W/record.err"
cat >"$W/want.json" <<END
{
  "ttrace_profile": 2,
  "ttrace_version": "$("$TTRACE" -V | sed 's/^ttrace //')",
  "command": ["$H/waiter"],
  "floor_ns": 1000000,
  "selection": ["poll", "ppoll", "ppoll_time32", "ppoll_time64"],
  "groups": [
    {
      "family": "poll",
      "clock": "CLOCK_MONOTONIC",
      "mode": "relative",
      "kind": "wait",
      "below_floor": 1,
      "requests": [
        {"value_ns": 10000000, "count": 1},
        {"value_ns": 20000000, "count": 3},
        {"value_ns": 1000000000, "count": 1}
      ]
    },
    {
      "family": "ppoll",
      "clock": "CLOCK_MONOTONIC",
      "mode": "relative",
      "kind": "wait",
      "requests": [
        {"value_ns": 10000000, "count": 1},
        {"value_ns": 500000000, "count": 1},
        {"value_ns": 1000000000, "count": 1}
      ]
    }
  ]
}
END
requests "$P" | diff -u "$W/want.json" - >"$W/record.diff" ||
	fail "record: the profile differs: $(cat "$W/record.diff")"
# the ppoll without a timeout was traced, and requested nothing
grep -q '^[0-9]* *ppoll(.*, NULL, ' "$W/record.trace" ||
	fail "record: no ppoll without a timeout in the trace: $(cat "$W/record.trace")"
# the lateness of the 4 polls and the ppoll that timed out
for n in 4 1; do
	grep -q "\"lateness\": {\"count\": $n, \"median_ns\": [0-9-]*, \"p99_ns\": [0-9-]*, \"max_ns\": [0-9-]*}" "$P" ||
		fail "record: no lateness of $n waits: $(cat "$P")"
done

# the same program checks clean, and ttrace exits with its status; its
# command line differs from the one recorded: a warning
tt_run same $SEL --check="$P" -o /dev/null -- "$H/waiter" -x 3
expect_rc same 3
cat >"$W/want.same" <<END
ttrace: --check=$P: warning: the command line differs: recorded $H/waiter, this run $H/waiter -x 3
ttrace: --check=$P: no regression
END
expect_same "same: report" "$W/want.same" "$W/same.err"

# one_regression NAME LINE WAITER_ARGS...: the check of waiter with
# these arguments fails (exit 1) with a report of the one LINE
one_regression() {
	_n=$1 _l=$2
	shift 2
	tt_run "$_n" $SEL --check="$P" -o /dev/null -- "$H/waiter" "$@"
	expect_rc "$_n" 1
	printf 'ttrace: --check=%s: warning: the command line differs: recorded %s, this run %s %s\nttrace: --check=%s: 1 regression\n  %s\n' \
		"$P" "$H/waiter" "$H/waiter" "$*" "$P" "$_l" >"$W/want.$_n"
	expect_same "$_n: report" "$W/want.$_n" "$W/$_n.err"
}
# the poll interval changed from 20 ms to 2 ms
one_regression fast "poll CLOCK_MONOTONIC relative: timeout 20ms (3 times) is now timeout 2ms (3 times)" -i 2
# a busy loop: polls of 0 ms, 200 of them
one_regression busy "poll CLOCK_MONOTONIC relative: 1 request at or below the floor, now 200 (a busy loop?)" -z 200

# a lateness budget no wait can meet: both groups are reported
tt_run late $SEL --check="$P" --max-lateness=1ns -o /dev/null -- "$H/waiter"
expect_rc late 1
expect_line late "$W/late.err" "ttrace: --check=$P: 2 regressions"
for g in poll ppoll; do
	grep -q "^  $g CLOCK_MONOTONIC relative: woke [0-9.]*[mun]*s late, more than --max-lateness=1ns\$" "$W/late.err" ||
		fail "late: no lateness line for $g: $(cat "$W/late.err")"
done

# the profile against its schema
if /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
	/usr/bin/python3 - "$TT_SRCDIR/doc/ttrace-profile.schema.json" "$P" >"$W/schema.check" 2>&1 <<'END' ||
import json, sys, jsonschema
jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))
END
		fail "schema: $(cat "$W/schema.check")"
else
	echo "(schema part skipped: python3-jsonschema is not installed)"
fi
tt_done
