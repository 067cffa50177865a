#!/bin/sh
# --check-report=FILE, on tests/e2e/helpers/timing: the JSON report of a
# check, exactly (but its wall time), for a regression, a pass, a check
# that compared nothing and a failed command; lateness findings of the max
# and a percentile; every report valid against
# doc/ttrace-check-report.schema.json; written beside its name and renamed
# (an existing report is replaced whole, none is left half-written), and
# one that cannot be written stops ttrace before the command runs.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

T=$H/timing
P=$W/base.json
VERSION=$("$TTRACE" -V | sed 's/^ttrace //')

tt_run record --profile="$P" -o /dev/null -- "$T"
expect_result record 0

# the poll interval doubled: one finding, with both values
echo "an older report" >"$W/r.json"
tt_run doubled --check="$P" --check-report="$W/r.json" --tolerance=5% -o /dev/null -- "$T" -p 4000
expect_rc doubled 1
cat >"$W/r.want" <<END
{
  "ttrace_check_report": 1,
  "ttrace_version": "$VERSION",
  "profile": "$P",
  "command": ["$T", "-p", "4000"],
  "command_status": 0,
  "tolerance_ppm": 50000,
  "max_lateness": [],
  "wall_time_ns": 0,
  "result": "fail",
  "regressions": 1,
  "groups": [
    {"family": "alarm", "clock": "ITIMER_REAL", "mode": "relative", "old_requests": 2, "new_requests": 2, "findings": 0},
    {"family": "clock_nanosleep", "clock": "CLOCK_MONOTONIC", "mode": "relative", "old_requests": 3, "new_requests": 3, "findings": 1},
    {"family": "clock_nanosleep", "clock": "CLOCK_MONOTONIC", "mode": "absolute", "old_requests": 4, "new_requests": 4, "findings": 0},
    {"family": "clock_nanosleep", "clock": "CLOCK_REALTIME", "mode": "relative", "old_requests": 2, "new_requests": 2, "findings": 0},
    {"family": "setitimer", "clock": "ITIMER_REAL", "mode": "relative", "old_requests": 2, "new_requests": 2, "findings": 0},
    {"family": "timer_settime", "clock": "CLOCK_MONOTONIC", "mode": "relative", "old_requests": 2, "new_requests": 2, "findings": 0},
    {"family": "timerfd_settime", "clock": "CLOCK_MONOTONIC", "mode": "relative", "old_requests": 2, "new_requests": 2, "findings": 0}
  ],
  "findings": [
    {"kind": "changed", "group": {"family": "clock_nanosleep", "clock": "CLOCK_MONOTONIC", "mode": "relative"}, "old": {"value_ns": 2000000, "count": 3}, "new": {"value_ns": 4000000, "count": 3}, "text": "clock_nanosleep CLOCK_MONOTONIC relative: 2ms (3 times) is now 4ms (3 times)"}
  ]
}
END
tt_report_fixed "$W/r.json" >"$W/r.got"
expect_same doubled "$W/r.want" "$W/r.got"
grep -q '^  "wall_time_ns": [1-9][0-9]*,$' "$W/r.json" || fail "doubled: no wall time: $(cat "$W/r.json")"

# a pass, with lateness budgets no sleep misses; the failed command's
# status is in the report, and ttrace exits with it
tt_run pass --check="$P" --check-report="$W/pass.json" --max-lateness=p50:9s,10s -o /dev/null -- "$T" -x 3
expect_rc pass 3
tt_report_fixed "$W/pass.json" | sed -n '/"command"/,/"groups"/p' >"$W/pass.got"
cat >"$W/pass.want" <<END
  "command": ["$T", "-x", "3"],
  "command_status": 3,
  "tolerance_ppm": 100000,
  "max_lateness": [{"percentile": 50, "budget_ns": 9000000000}, {"percentile": 100, "budget_ns": 10000000000}],
  "wall_time_ns": 0,
  "result": "pass",
  "regressions": 0,
  "groups": [
END
expect_same pass "$W/pass.want" "$W/pass.got"
expect_last pass "$W/pass.json" '}'
grep -q '^  "findings": \[\]$' "$W/pass.json" || fail "pass: findings: $(cat "$W/pass.json")"

# late: the max and the p90 of each sleep group over a budget of 1ns
tt_run late --check="$P" --check-report="$W/late.json" --max-lateness=p90:1ns,1ns -o /dev/null -- "$T"
expect_rc late 1
expect_count late "$W/late.json" 3 '    \{"kind": "late", "group": \{"family": "clock_nanosleep", .*"percentile": 90, "lateness_ns": [0-9]+, "budget_ns": 1, "text": ".* p90 woke .* late, more than --max-lateness=p90:1ns"\},?'
expect_count late "$W/late.json" 3 '    \{"kind": "late", "group": \{"family": "clock_nanosleep", .*"percentile": 100, "lateness_ns": [0-9]+, "budget_ns": 1, "text": ".*: woke .* late, more than --max-lateness=1ns"\},?'

# nothing compared: result error, the reason, no group, no finding
tt_run norun --check="$P" --check-report="$W/norun.json" -o /dev/null -- true
expect_rc norun 2
cat >"$W/norun.want" <<END
{
  "ttrace_check_report": 1,
  "ttrace_version": "$VERSION",
  "profile": "$P",
  "command": ["true"],
  "command_status": 0,
  "tolerance_ppm": 100000,
  "max_lateness": [],
  "wall_time_ns": 0,
  "result": "error",
  "error": "the run made no traced request: nothing was compared",
  "regressions": 0,
  "groups": [],
  "findings": []
}
END
tt_report_fixed "$W/norun.json" >"$W/norun.got"
expect_same norun "$W/norun.want" "$W/norun.got"

# every report against the schema
PY=/usr/bin/python3
if "$PY" -c 'import jsonschema' 2>/dev/null; then
	"$PY" - "$TT_SRCDIR/doc/ttrace-check-report.schema.json" "$W/r.json" "$W/pass.json" \
		"$W/late.json" "$W/norun.json" >"$W/schema.check" 2>&1 <<'END' ||
import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
for name in sys.argv[2:]:
    v.validate(json.load(open(name)))
END
		fail "schema: $(cat "$W/schema.check")"
else
	echo "(schema part skipped: python3-jsonschema is not installed)"
fi

# a report that cannot be written: exit 1, nothing run; no file left
rm -f "$W/ran"
tt_run unwritable --check="$P" --check-report="$W/no/r.json" -o /dev/null -- "$T" -f "$W/ran"
expect_result unwritable 1 "ttrace: cannot write the check report to '$W/no/r.json': No such file or directory"
[ ! -e "$W/ran" ] || fail "unwritable: the command ran"
ls "$W" | grep -q '\.tmp\.' && fail "temporary files left: $(ls "$W")"

# --check-report is --check's, and never the file of another output
tt_run alone --check-report="$W/x.json" -o /dev/null -- true
expect_result alone 2 "ttrace: --check-report needs --check=FILE or --diff" "Try 'ttrace --help' for more information."
tt_run same --check="$P" --check-report="$W/j.xml" --junit="$W/j.xml" -o /dev/null -- true
expect_result same 2 "ttrace: --junit '$W/j.xml' and --check-report '$W/j.xml' are the same file" \
	"Try 'ttrace --help' for more information."
tt_done
