#!/bin/sh
# --profile's cost does not grow with the square of the number of distinct
# requested values: 150,000 distinct sleeps (tests/e2e/helpers/distinct,
# each failing at once: no time asleep) cost ttrace about as much user CPU
# with --profile as without.  A linear search per request took seconds
# more (9.1 s against 1.1 s when this test was written).
# The profile lists every value once.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

N=150000
TIME=/usr/bin/time
[ -x "$TIME" ] || skip "no $TIME"
TT_LIMIT=60

# cpu NAME ARGS...: ttrace ARGS on distinct; its user CPU seconds in CPU
cpu() {
	_n=$1
	shift
	timeout -k 2 "$TT_LIMIT" "$TIME" -f %U -o "$W/$_n.cpu" "$TTRACE" "$@" \
		-o /dev/null -- "$H/distinct" "$N" 3 >"$W/$_n.out" 2>"$W/$_n.err"
	TT_RC=$?
	CPU=$(tail -n 1 "$W/$_n.cpu")
}

cpu plain
expect_rc plain 0
PLAIN=$CPU
# no tolerance, no floor: every distinct value a request of its own
cpu profile --profile="$W/p.json" --tolerance=0% --floor=0ns
expect_rc profile 0
[ "$(grep -c '"value_ns"' "$W/p.json")" = "$N" ] ||
	fail "profile: $(grep -c '"value_ns"' "$W/p.json") values, not $N"
awk -v p="$CPU" -v b="$PLAIN" 'BEGIN { exit !(p <= 1.5 * b + 0.5) }' ||
	fail "--profile took $CPU s of user CPU, without it $PLAIN s: more than 1.5 times + 0.5 s"
echo "user CPU: $PLAIN s without --profile, $CPU s with it ($N distinct values)"
tt_done
