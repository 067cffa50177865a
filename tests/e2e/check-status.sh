#!/bin/sh
# --check's exit status, one rule (ttrace(1), EXIT STATUS), on
# tests/e2e/helpers/timing: 0 a pass, 1 a regression, the command's own
# status when it failed (the report still printed); a check that compares
# nothing is not a pass: a recorded profile without a request stops
# ttrace with 2 before the command runs, a run that made no traced
# request exits 2 (the JUnit report says why), unless the command failed.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

T=$H/timing
P=$W/base.json
MARK=$W/ran

tt_run record --profile="$P" -o /dev/null -- "$T"
expect_result record 0

tt_run pass --check="$P" -o /dev/null -- "$T"
expect_result pass 0 "ttrace: --check=$P: no regression"

REGRESSION="  clock_nanosleep CLOCK_MONOTONIC relative: 2ms (3 times) is now 4ms (3 times)"
tt_run regression --check="$P" -o /dev/null -- "$T" -p 4000
expect_rc regression 1
expect_line regression "$W/regression.err" "ttrace: --check=$P: 1 regression"
expect_line regression "$W/regression.err" "$REGRESSION"

# a failed command keeps its status, with a regression or without
tt_run failedpass --check="$P" -o /dev/null -- "$T" -x 5
expect_result failedpass 5 "ttrace: --check=$P: no regression"
tt_run failedreg --check="$P" -o /dev/null -- "$T" -p 4000 -x 7
expect_rc failedreg 7
expect_line failedreg "$W/failedreg.err" "$REGRESSION"

# the run made no traced request: 2, and the JUnit report has the error
tt_run norun --check="$P" --junit="$W/norun.xml" -o /dev/null -- true
expect_result norun 2 "ttrace: --check=$P: the run made no traced request: nothing was compared"
cat >"$W/norun.want" <<END
<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="1" failures="0" errors="1" time="T">
  <testsuite name="ttrace --check=$P" tests="1" failures="0" errors="1" time="T">
    <testcase classname="ttrace.check" name="comparison" time="0">
      <error message="the run made no traced request: nothing was compared"/>
    </testcase>
  </testsuite>
</testsuites>
END
sed 's/time="[0-9]*\.[0-9][0-9][0-9]"/time="T"/g' "$W/norun.xml" >"$W/norun.got"
expect_same norun "$W/norun.want" "$W/norun.got"
# ... unless the command failed: its status
tt_run norunfailed --check="$P" -o /dev/null -- sh -c 'exit 4'
expect_result norunfailed 4 "ttrace: --check=$P: the run made no traced request: nothing was compared"

# a recorded profile without a request: 2 before the command runs, and
# no report file is made
tt_run empty --profile="$W/empty.json" -o /dev/null -- true
expect_result empty 0
tt_run emptycheck --check="$W/empty.json" --junit="$W/empty.xml" -o /dev/null -- "$T" -f "$MARK"
expect_result emptycheck 2 "ttrace: --check=$W/empty.json: the profile has no request: nothing to compare"
[ ! -e "$MARK" ] || fail "emptycheck: the command ran"
[ ! -e "$W/empty.xml" ] || fail "emptycheck: a JUnit report was written"

tt_done
