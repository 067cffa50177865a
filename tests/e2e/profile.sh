#!/bin/sh
# --profile and --check, as a CI job uses them, on tests/e2e/helpers/timing
# (a program with known requests): the profile recorded is exact; a second
# run checks clean; the same program with its poll interval doubled fails
# and the report names the sleep and both values; an i386 build checks
# against the x86_64 profile; the tolerance, lateness budgets (the max,
# percentiles), JUnit XML, the command's exit status (kept when it failed,
# over a regression); every bad profile stops ttrace with exit 2 before the
# command runs; the profile validates against its schema.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

T=$H/timing
P=$W/base.json

# expect_line NAME TEXT: stderr of run NAME has exactly the line TEXT.
expect_line() {
	grep -qxF -- "$2" "$W/$1.err" || fail "$1: no line '$2' in: $(cat "$W/$1.err")"
}
expect_rc() {
	[ "$TT_RC" = "$2" ] || fail "$1: exit status $TT_RC, want $2: $(cat "$W/$1.err")"
}
# the profile without its lateness lines (they vary from run to run)
requests() {
	grep -v '"lateness":' "$1" | sed 's/^\( *\)],$/\1]/'
}

tt_run record --profile="$P" -o "$W/record.trace" -- "$T"
expect_rc record 0
[ -s "$W/record.err" ] && fail "record: wrote to stderr: $(cat "$W/record.err")"
cat >"$W/want.json" <<END
{
  "ttrace_profile": 2,
  "ttrace_version": "$("$TTRACE" -V | sed 's/^ttrace //')",
  "command": ["$T"],
  "floor_ns": 1000000,
  "selection": SELECTION,
  "groups": [
    {
      "family": "alarm",
      "clock": "ITIMER_REAL",
      "mode": "relative",
      "requests": [
        {"value_ns": 0, "interval_ns": 0, "count": 1},
        {"value_ns": 30000000000, "interval_ns": 0, "count": 1}
      ]
    },
    {
      "family": "clock_nanosleep",
      "clock": "CLOCK_MONOTONIC",
      "mode": "relative",
      "requests": [
        {"value_ns": 2000000, "count": 3}
      ]
    },
    {
      "family": "clock_nanosleep",
      "clock": "CLOCK_MONOTONIC",
      "mode": "absolute",
      "as": "step",
      "starts": 1,
      "requests": [
        {"value_ns": 3000000, "count": 3}
      ]
    },
    {
      "family": "clock_nanosleep",
      "clock": "CLOCK_REALTIME",
      "mode": "relative",
      "below_floor": 1,
      "requests": [
        {"value_ns": 2000000, "count": 1},
        {"value_ns": 4000000, "count": 1}
      ]
    },
    {
      "family": "setitimer",
      "clock": "ITIMER_REAL",
      "mode": "relative",
      "requests": [
        {"value_ns": 0, "interval_ns": 0, "count": 1},
        {"value_ns": 5000000000, "interval_ns": 5000000000, "count": 1}
      ]
    },
    {
      "family": "timer_settime",
      "clock": "CLOCK_MONOTONIC",
      "mode": "relative",
      "requests": [
        {"value_ns": 0, "interval_ns": 0, "count": 1},
        {"value_ns": 100000000, "interval_ns": 100000000, "count": 1}
      ]
    },
    {
      "family": "timerfd_settime",
      "clock": "CLOCK_MONOTONIC",
      "mode": "relative",
      "requests": [
        {"value_ns": 0, "interval_ns": 0, "count": 1},
        {"value_ns": 5000000, "interval_ns": 5000000, "count": 1}
      ]
    }
  ]
}
END
# the default selection: every row but read, from the tables
selection=$("$TTRACE" --list-calls | awk '$3 != "read" { print $3 }' | sort -u |
	awk '{ printf "%s\"%s\"", (NR > 1 ? ", " : "["), $0 } END { print "]" }')
sed -i "s/SELECTION/$selection/" "$W/want.json"
requests "$P" | diff -u "$W/want.json" - || fail "record: the profile differs"
# each sleep group has its lateness: 3 poll, 4 absolute, 3 backoff sleeps
for n in 3 4 3; do
	grep -q "\"lateness\": {\"count\": $n, \"median_ns\": [0-9-]*, \"p99_ns\": [0-9-]*, \"max_ns\": [0-9-]*}" "$P" ||
		fail "record: no lateness of $n sleeps"
done

# the same program checks clean, and ttrace exits with its status
tt_run same --check="$P" -o /dev/null -- "$T" -x 3
expect_rc same 3
expect_line same "ttrace: --check=$P: no regression"

# the poll interval doubled: one regression, named with both values
tt_run doubled --check="$P" -o /dev/null -- "$T" -p 4000
expect_rc doubled 1
expect_line doubled "ttrace: --check=$P: 1 regression"
expect_line doubled "  clock_nanosleep CLOCK_MONOTONIC relative: 2ms (3 times) is now 4ms (3 times)"
# the command line is not the one recorded: a warning, not an error
expect_line doubled "ttrace: --check=$P: warning: the command line differs: recorded $T, this run $T -p 4000"
[ "$(wc -l <"$W/doubled.err")" = 3 ] || fail "doubled: more than the report: $(cat "$W/doubled.err")"

# a command that fails keeps its status over the regression, which is
# still reported
tt_run failed --check="$P" -o /dev/null -- "$T" -p 4000 -x 3
expect_rc failed 3
expect_line failed "ttrace: --check=$P: 1 regression"
expect_line failed "  clock_nanosleep CLOCK_MONOTONIC relative: 2ms (3 times) is now 4ms (3 times)"

# 5% off: within the default 10%, not within 1%
tt_run near --check="$P" -o /dev/null -- "$T" -p 2100
expect_rc near 0
tt_run strict --check="$P" --tolerance=1% -o /dev/null -- "$T" -p 2100
expect_rc strict 1
expect_line strict "  clock_nanosleep CLOCK_MONOTONIC relative: 2ms (3 times) is now 2.1ms (3 times)"

# a lateness budget no sleep can meet: every sleep group is reported
tt_run late --check="$P" --max-lateness=1ns -o /dev/null -- "$T"
expect_rc late 1
expect_line late "ttrace: --check=$P: 3 regressions"
for g in "CLOCK_MONOTONIC absolute" "CLOCK_MONOTONIC relative" "CLOCK_REALTIME relative"; do
	grep -q "^  clock_nanosleep $g: woke [0-9.]*[mun]*s late, more than --max-lateness=1ns\$" "$W/late.err" ||
		fail "late: no lateness line for $g: $(cat "$W/late.err")"
done
tt_run loose --check="$P" --max-lateness=10s -o /dev/null -- "$T"
expect_rc loose 0
# percentile budgets, the p90 from the run's samples: a line per group
# and budget, the max's last
tt_run pct --check="$P" --max-lateness=10s,p90:1ns,p50:1ns -o /dev/null -- "$T"
expect_rc pct 1
expect_line pct "ttrace: --check=$P: 6 regressions"
for g in "CLOCK_MONOTONIC absolute" "CLOCK_MONOTONIC relative" "CLOCK_REALTIME relative"; do
	grep -A1 "^  clock_nanosleep $g: p50 woke [0-9.]*[mun]*s late, more than --max-lateness=p50:1ns\$" "$W/pct.err" |
		grep -q "^  clock_nanosleep $g: p90 woke [0-9.]*[mun]*s late, more than --max-lateness=p90:1ns\$" ||
		fail "pct: no p50 and p90 lines for $g: $(cat "$W/pct.err")"
done

# JUnit: one case per group (7) and per sleep group's lateness (3), one failure
tt_run junit --check="$P" --max-lateness=10s --junit="$W/j.xml" -o /dev/null -- "$T" -p 4000
expect_rc junit 1
/usr/bin/python3 - "$W/j.xml" >"$W/junit.check" 2>&1 <<'END' || fail "junit: $(cat "$W/junit.check")"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root.find("testsuite")
cases = suite.findall("testcase")
failures = [(c.get("name"), f.get("message")) for c in cases for f in c.findall("failure")]
assert root.get("tests") == "10" and suite.get("tests") == "10" and len(cases) == 10, root.attrib
assert root.get("failures") == "1" and suite.get("failures") == "1", root.attrib
assert failures == [("clock_nanosleep CLOCK_MONOTONIC relative requests",
    "clock_nanosleep CLOCK_MONOTONIC relative: 2ms (3 times) is now 4ms (3 times)")], failures
assert root.get("errors") == "0" and suite.get("errors") == "0", root.attrib
# the run's wall time in seconds, to the millisecond: at least the 3 polls
# of 4 ms and the back-off sleeps of 7 ms; a case's time is 0
import re
assert re.fullmatch(r"[0-9]+\.[0-9]{3}", suite.get("time")), suite.attrib
assert root.get("time") == suite.get("time"), root.attrib
assert float(suite.get("time")) >= 0.019, suite.attrib
assert [c.get("time") for c in cases] == ["0"] * 10, [c.attrib for c in cases]
END

# the i386 build of the program against the x86_64 profile
if [ "${TT_HAVE_M32:-no}" = yes ] && "$H/timing32" -p 1 >/dev/null 2>&1; then
	tt_run i386 --check="$P" -o "$W/i386.trace" -- "$H/timing32"
	expect_rc i386 0
	expect_line i386 "ttrace: --check=$P: no regression"
	grep -q '^[0-9]* *clock_nanosleep_time\(32\|64\)(' "$W/i386.trace" ||
		fail "i386: the program did not run as i386: $(head -3 "$W/i386.trace")"
	tt_run i386late --check="$P" -o /dev/null -- "$H/timing32" -p 4000
	expect_rc i386late 1
	expect_line i386late "  clock_nanosleep CLOCK_MONOTONIC relative: 2ms (3 times) is now 4ms (3 times)"
else
	echo "(i386 part skipped: no -m32 build or IA-32 emulation off)"
fi

# bad profiles: one message naming the file, exit 2, the command not run
bad() {	# NAME FILE MESSAGE [OPTIONS...]
	_n=$1 _f=$2 _m=$3
	shift 3
	rm -f "$W/ran"
	tt_run "$_n" --check="$_f" "$@" -o /dev/null -- "$T" -f "$W/ran"
	expect_rc "$_n" 2
	[ -e "$W/ran" ] && fail "$_n: the command ran"
	[ "$(cat "$W/$_n.err")" = "ttrace: profile '$_f': $_m" ] ||
		fail "$_n: message '$(cat "$W/$_n.err")', want 'ttrace: profile '$_f': $_m'"
}
bad missing "$W/none.json" "cannot read it: No such file or directory"
bad directory "$W" "not a regular file"
: >"$W/empty.json"
bad empty "$W/empty.json" "empty: not a profile"
echo 'timer_settime 100ms' >"$W/text.json"
bad notjson "$W/text.json" "not JSON: unexpected character 't' (line 1, column 1)"
{ head -n 8 "$P"; printf '      "clock": "CLOCK_MON'; } >"$W/cut.json"
bad truncated "$W/cut.json" "truncated: the text ends inside a string (line 9, column 26)"
head -n 10 "$P" >"$W/cut2.json"
bad truncated2 "$W/cut2.json" "truncated: the text ends inside an object (line 11, column 1)"
echo '{"groups": []}' >"$W/other.json"
bad notprofile "$W/other.json" "not a ttrace profile (it has no \"ttrace_profile\" version)"
sed 's/"ttrace_profile": 2/"ttrace_profile": 3/' "$P" >"$W/v3.json"
bad version "$W/v3.json" "a version 3 profile; this ttrace reads versions 1 and 2"
sed 's/"count": 3}/"count": "3"}/' "$P" >"$W/badcount.json"
bad field "$W/badcount.json" "not a valid profile: groups[1].requests[0] \"count\" is not an integer (line 22)"
sed 's/"command": \[/"command": [3, /' "$P" >"$W/badcommand.json"
bad command "$W/badcommand.json" "not a valid profile: command[0] is not a string (line 4)"
# the first call (by name) the profile traces and the run does not is named
"$TTRACE" --list-calls >"$W/calls"
first=$(awk '$3 != "read" && $4 != "clock_nanosleep" && $5 !~ /%wait/ { print $3 }' "$W/calls" |
	sort | head -n 1)
bad options "$P" "recorded for other options: it traces $first, this run does not (see -e trace=)" -e trace=clock_nanosleep,%wait
all_but=$(awk '$5 ~ /%timer/ && $4 != "timer_settime" { print $4 }' "$W/calls" | sort -u | paste -s -d, -)
bad options2 "$P" "recorded for other options: it traces timer_settime, this run does not (see -e trace=)" \
	-e trace=%wait,"$all_but"

# an unwritable profile or report: exit 1 before the command runs, and an
# existing profile is kept whole
rm -f "$W/ran"
tt_run unwritable --profile="$W/no/such/dir/p.json" -o /dev/null -- "$T" -f "$W/ran"
expect_rc unwritable 1
expect_line unwritable "ttrace: cannot write the profile to '$W/no/such/dir/p.json': No such file or directory"
[ -e "$W/ran" ] && fail "unwritable: the command ran"
cp "$P" "$W/keep.json"
tt_run nojunit --check="$W/keep.json" --profile="$W/keep.json" --junit="$W/no/j.xml" -o /dev/null -- "$T"
expect_rc nojunit 1
cmp -s "$P" "$W/keep.json" || fail "nojunit: the profile was changed by a run that did not start"
ls "$W" | grep -q '\.tmp\.' && fail "temporary files left: $(ls "$W")"

# usage errors
tt_run notol --tolerance=5% -o /dev/null -- "$T"
expect_rc notol 2
expect_line notol "ttrace: --tolerance needs --profile=FILE, --check=FILE or --diff"
tt_run nounit --check="$P" --max-lateness=5 -o /dev/null -- "$T"
expect_rc nounit 2
expect_line nounit "ttrace: invalid --max-lateness '5' (a duration with a unit: 500us, 2ms, 1s; units ns, us, ms, s; or pN:DURATION, a budget for the Nth percentile, N from 1 to 100: p99:2ms)"

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
