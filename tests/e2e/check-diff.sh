#!/bin/sh
# ttrace --diff OLD NEW: two profiles compared with no command run, the
# same text report, exit statuses, JUnit XML and JSON report as --check:
# two hand-written profiles that differ in every way a finding names
# (a count, a value, an interval, starts, a group gone, a group new, the
# lateness of the median and the max over their budgets, another ttrace
# version), exactly; identical profiles pass; every profile that cannot be
# used exits 2 with a message naming it; the options of a run and other
# percentiles than p50, p99 and the max are usage errors.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

TRY="Try 'ttrace --help' for more information."
VERSION=$("$TTRACE" -V | sed 's/^ttrace //')
cd "$W" || harness_error "no $W"

cat >old.json <<'END'
{
  "ttrace_profile": 2,
  "ttrace_version": "0.1.0",
  "command": ["./prog"],
  "selection": ["clock_nanosleep", "nanosleep", "poll", "timer_settime"],
  "groups": [
    {"family": "clock_nanosleep", "clock": "CLOCK_MONOTONIC", "mode": "absolute", "starts": 1,
     "requests": [{"value_ns": 3000000, "count": 3}]},
    {"family": "clock_nanosleep", "clock": "CLOCK_MONOTONIC", "mode": "relative",
     "requests": [{"value_ns": 1000000, "count": 10}, {"value_ns": 20000000, "count": 3}]},
    {"family": "nanosleep", "clock": "CLOCK_REALTIME", "mode": "relative",
     "requests": [{"value_ns": 50000000, "count": 2}]},
    {"family": "timer_settime", "clock": "CLOCK_MONOTONIC", "mode": "relative",
     "requests": [{"value_ns": 5000000, "interval_ns": 5000000, "count": 1}]}
  ]
}
END
cat >new.json <<'END'
{
  "ttrace_profile": 2,
  "ttrace_version": "0.2.0",
  "command": ["./prog"],
  "selection": ["clock_nanosleep", "nanosleep", "poll", "timer_settime"],
  "groups": [
    {"family": "clock_nanosleep", "clock": "CLOCK_MONOTONIC", "mode": "absolute", "starts": 3,
     "requests": [{"value_ns": 3000000, "count": 3}],
     "lateness": {"count": 6, "median_ns": 50000, "p99_ns": 80000, "max_ns": 80000}},
    {"family": "clock_nanosleep", "clock": "CLOCK_MONOTONIC", "mode": "relative",
     "requests": [{"value_ns": 1000000, "count": 20}, {"value_ns": 40000000, "count": 3}],
     "lateness": {"count": 23, "median_ns": 150000, "p99_ns": 900000, "max_ns": 2500000}},
    {"family": "poll", "clock": "CLOCK_MONOTONIC", "mode": "relative", "kind": "wait",
     "requests": [{"value_ns": 0, "count": 200}]},
    {"family": "timer_settime", "clock": "CLOCK_MONOTONIC", "mode": "relative",
     "requests": [{"value_ns": 5000000, "interval_ns": 10000000, "count": 1}]}
  ]
}
END

F1="clock_nanosleep CLOCK_MONOTONIC relative: 1ms (10 times) is now requested 20 times"
F2="clock_nanosleep CLOCK_MONOTONIC relative: 20ms (3 times) is now 40ms (3 times)"
F3="clock_nanosleep CLOCK_MONOTONIC absolute: 1 first deadline of a thread, now 3"
F4="nanosleep CLOCK_REALTIME relative: 50ms (2 times) is no longer requested"
F5="timer_settime CLOCK_MONOTONIC relative: value 5ms interval 5ms (1 time) is now value 5ms interval 10ms (1 time)"
F6="poll CLOCK_MONOTONIC relative: timeout 0ns (200 times) is new"
F7="clock_nanosleep CLOCK_MONOTONIC relative: p50 woke 150us late, more than --max-lateness=p50:100us"
F8="clock_nanosleep CLOCK_MONOTONIC relative: woke 2.5ms late, more than --max-lateness=2ms"

tt_run diff --diff --max-lateness=p50:100us,p99:1ms,2ms --junit=j.xml --check-report=r.json old.json new.json
expect_result diff 1 \
	"ttrace: --diff old.json new.json: warning: the ttrace version differs: old 0.1.0, new 0.2.0" \
	"ttrace: --diff old.json new.json: 8 regressions" \
	"  $F1" "  $F2" "  $F3" "  $F4" "  $F5" "  $F6" "  $F7" "  $F8"

cat >j.want <<END
<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="7" failures="6" errors="0" time="T">
  <testsuite name="ttrace --diff old.json new.json" tests="7" failures="6" errors="0" time="T">
    <testcase classname="ttrace.check" name="clock_nanosleep CLOCK_MONOTONIC relative requests" time="0">
      <failure message="$F1"/>
      <failure message="$F2"/>
    </testcase>
    <testcase classname="ttrace.check" name="clock_nanosleep CLOCK_MONOTONIC relative lateness" time="0">
      <failure message="$F7"/>
      <failure message="$F8"/>
    </testcase>
    <testcase classname="ttrace.check" name="clock_nanosleep CLOCK_MONOTONIC absolute requests" time="0">
      <failure message="$F3"/>
    </testcase>
    <testcase classname="ttrace.check" name="clock_nanosleep CLOCK_MONOTONIC absolute lateness" time="0">
    </testcase>
    <testcase classname="ttrace.check" name="nanosleep CLOCK_REALTIME relative requests" time="0">
      <failure message="$F4"/>
    </testcase>
    <testcase classname="ttrace.check" name="timer_settime CLOCK_MONOTONIC relative requests" time="0">
      <failure message="$F5"/>
    </testcase>
    <testcase classname="ttrace.check" name="poll CLOCK_MONOTONIC relative requests" time="0">
      <failure message="$F6"/>
    </testcase>
  </testsuite>
</testsuites>
END
tt_junit_fixed j.xml >j.got
expect_same junit j.want j.got

# the finding's group, for the report
g() {
	printf '"group": {"family": "%s", "clock": "%s", "mode": "%s"}' "$1" "$2" "$3"
}
MR=$(g clock_nanosleep CLOCK_MONOTONIC relative)
cat >r.want <<END
{
  "ttrace_check_report": 1,
  "ttrace_version": "$VERSION",
  "profile": "old.json",
  "new_profile": "new.json",
  "tolerance_ppm": 100000,
  "max_lateness": [{"percentile": 50, "budget_ns": 100000}, {"percentile": 99, "budget_ns": 1000000}, {"percentile": 100, "budget_ns": 2000000}],
  "wall_time_ns": 0,
  "result": "fail",
  "regressions": 8,
  "groups": [
    {"family": "clock_nanosleep", "clock": "CLOCK_MONOTONIC", "mode": "relative", "old_requests": 13, "new_requests": 23, "findings": 4},
    {"family": "clock_nanosleep", "clock": "CLOCK_MONOTONIC", "mode": "absolute", "old_requests": 4, "new_requests": 6, "findings": 1},
    {"family": "nanosleep", "clock": "CLOCK_REALTIME", "mode": "relative", "old_requests": 2, "new_requests": 0, "findings": 1},
    {"family": "timer_settime", "clock": "CLOCK_MONOTONIC", "mode": "relative", "old_requests": 1, "new_requests": 1, "findings": 1},
    {"family": "poll", "clock": "CLOCK_MONOTONIC", "mode": "relative", "kind": "wait", "old_requests": 0, "new_requests": 200, "findings": 1}
  ],
  "findings": [
    {"kind": "count", $MR, "old": {"value_ns": 1000000, "count": 10}, "new": {"value_ns": 1000000, "count": 20}, "text": "$F1"},
    {"kind": "changed", $MR, "old": {"value_ns": 20000000, "count": 3}, "new": {"value_ns": 40000000, "count": 3}, "text": "$F2"},
    {"kind": "starts", $(g clock_nanosleep CLOCK_MONOTONIC absolute), "old": {"starts": 1}, "new": {"starts": 3}, "text": "$F3"},
    {"kind": "gone", $(g nanosleep CLOCK_REALTIME relative), "old": {"value_ns": 50000000, "count": 2}, "text": "$F4"},
    {"kind": "changed", $(g timer_settime CLOCK_MONOTONIC relative), "old": {"value_ns": 5000000, "interval_ns": 5000000, "count": 1}, "new": {"value_ns": 5000000, "interval_ns": 10000000, "count": 1}, "text": "$F5"},
    {"kind": "new", $(g poll CLOCK_MONOTONIC relative), "new": {"value_ns": 0, "count": 200}, "text": "$F6"},
    {"kind": "late", $MR, "percentile": 50, "lateness_ns": 150000, "budget_ns": 100000, "text": "$F7"},
    {"kind": "late", $MR, "percentile": 100, "lateness_ns": 2500000, "budget_ns": 2000000, "text": "$F8"}
  ]
}
END
tt_report_fixed r.json >r.got
expect_same report r.want r.got
if /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
	/usr/bin/python3 - "$TT_SRCDIR/doc/ttrace-check-report.schema.json" r.json \
		"$TT_SRCDIR/doc/ttrace-profile.schema.json" old.json new.json >schema.check 2>&1 <<'END' ||
import json, sys, jsonschema
def valid(schema, name):
    jsonschema.Draft202012Validator(json.load(open(schema))).validate(json.load(open(name)))
valid(sys.argv[1], sys.argv[2])
valid(sys.argv[3], sys.argv[4])
valid(sys.argv[3], sys.argv[5])
END
		fail "schema: $(cat schema.check)"
else
	echo "(schema part skipped: python3-jsonschema is not installed)"
fi

# within a wide tolerance only what no tolerance covers is left; the same
# profile twice passes
tt_run wide --diff --tolerance=1000% old.json new.json
expect_result wide 1 \
	"ttrace: --diff old.json new.json: warning: the ttrace version differs: old 0.1.0, new 0.2.0" \
	"ttrace: --diff old.json new.json: 2 regressions" "  $F4" "  $F6"
tt_run same --diff old.json old.json
expect_result same 0 "ttrace: --diff old.json old.json: no regression"

# profiles that cannot be used: 2, one message naming the file, no report
rm -f j.xml r.json
unusable() {	# NAME MESSAGE OLD NEW
	tt_run "$1" --diff --junit=j.xml --check-report=r.json "$3" "$4"
	expect_result "$1" 2 "$2"
	[ ! -e j.xml ] && [ ! -e r.json ] || fail "$1: a report was written"
}
unusable missing "ttrace: profile 'none.json': cannot read it: No such file or directory" none.json new.json
unusable missing2 "ttrace: profile 'none.json': cannot read it: No such file or directory" old.json none.json
echo '{"groups": []}' >other.json
unusable notprofile "ttrace: profile 'other.json': not a ttrace profile (it has no \"ttrace_profile\" version)" other.json new.json
echo 'clock_nanosleep 2ms' >text.json
unusable notjson "ttrace: profile 'text.json': not JSON: unexpected character 'c' (line 1, column 1)" old.json text.json
unusable directory "ttrace: profile '.': not a regular file" . new.json
sed 's/"nanosleep", //' new.json >fewer.json
unusable selection "ttrace: --diff old.json fewer.json: the profiles were recorded for other calls: 'old.json' traces nanosleep, 'fewer.json' does not (see -e trace=)" \
	old.json fewer.json
unusable selection2 "ttrace: --diff fewer.json old.json: the profiles were recorded for other calls: 'old.json' traces nanosleep, 'fewer.json' does not (see -e trace=)" \
	fewer.json old.json
printf '{"ttrace_profile": 2, "ttrace_version": "%s", "selection": ["clock_nanosleep", "nanosleep", "poll", "timer_settime"], "groups": []}\n' \
	"$VERSION" >empty.json
unusable emptynew "ttrace: --diff old.json empty.json: 'empty.json' has no request: nothing to compare" old.json empty.json
unusable emptyold "ttrace: --diff empty.json new.json: 'empty.json' has no request: nothing to compare" empty.json new.json

# usage errors: two profiles, no option of a run, p50, p99 and the max only
tt_run one --diff old.json
expect_result one 2 "ttrace: --diff needs two profiles: --diff [OPTIONS] OLD.json NEW.json" "$TRY"
tt_run three --diff old.json new.json --junit=j.xml
expect_result three 2 "ttrace: --diff needs two profiles: --diff [OPTIONS] OLD.json NEW.json" "$TRY"
tt_run withp --diff -p 1 old.json new.json
expect_result withp 2 "ttrace: --diff runs nothing: -p cannot be used with it" "$TRY"
tt_run witho --diff -o trace.txt old.json new.json
expect_result witho 2 "ttrace: --diff runs nothing: -o cannot be used with it" "$TRY"
tt_run withcheck --diff --check=old.json old.json new.json
expect_result withcheck 2 "ttrace: --diff runs nothing: --check cannot be used with it" "$TRY"
tt_run withtrace --diff -e trace=poll old.json new.json
expect_result withtrace 2 "ttrace: --diff runs nothing: -e trace= cannot be used with it" "$TRY"
tt_run p90 --diff --max-lateness=p90:1ms old.json new.json
expect_result p90 2 "ttrace: --max-lateness=p90: with --diff, only p50, p99 and the max can be checked (a profile keeps no other percentile)" "$TRY"
tt_run overwrite --diff --check-report=new.json old.json new.json
expect_result overwrite 2 "ttrace: --check-report 'new.json' would overwrite the profile --diff reads, 'new.json'" "$TRY"
ls | grep -q '\.tmp\.' && fail "temporary files left: $(ls)"
cmp -s new.json r.want && fail "overwrite: new.json was replaced"
tt_done
