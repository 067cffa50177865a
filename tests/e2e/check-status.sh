#!/bin/sh
# --check's exit status, one rule (ttrace(1), EXIT STATUS), on
# tests/e2e/helpers/timing: 0 a pass, 1 a regression, the command's own
# status when it failed (the report still printed); a check that compares
# nothing is not a pass: a recorded profile without a request stops
# ttrace with 2 before the command runs, a run that made no traced
# request exits 2 (the JUnit report says why), unless the command failed.
# The profile records the command line and ttrace's version: a check
# warns when they differ from the run's; a version 1 profile has neither.
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

# another command line: a warning, the exit status unchanged
differs() {	# ARGS...: the warning for a check of ARGS against $T
	echo "ttrace: --check=$P: warning: the command line differs: recorded $T, this run $*"
}

# a failed command keeps its status, with a regression or without
tt_run failedpass --check="$P" -o /dev/null -- "$T" -x 5
expect_result failedpass 5 "$(differs "$T" -x 5)" "ttrace: --check=$P: no regression"
tt_run failedreg --check="$P" -o /dev/null -- "$T" -p 4000 -x 7
expect_rc failedreg 7
expect_line failedreg "$W/failedreg.err" "$REGRESSION"

# the run made no traced request: 2, and the JUnit report has the error
tt_run norun --check="$P" --junit="$W/norun.xml" -o /dev/null -- true
expect_result norun 2 "$(differs true)" \
	"ttrace: --check=$P: the run made no traced request: nothing was compared"
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
tt_junit_fixed "$W/norun.xml" >"$W/norun.got"
expect_same norun "$W/norun.want" "$W/norun.got"
# ... unless the command failed: its status
tt_run norunfailed --check="$P" -o /dev/null -- sh -c 'exit 4'
expect_result norunfailed 4 "$(differs sh -c "'exit 4'")" \
	"ttrace: --check=$P: the run made no traced request: nothing was compared"

# the profile records ttrace's version: another is a warning, and the exit
# status is the check's
VERSION=$("$TTRACE" -V | sed 's/^ttrace //')
sed "s/\"ttrace_version\": \"$VERSION\"/\"ttrace_version\": \"0.0.1-old\"/" "$P" >"$W/oldttrace.json"
tt_run oldttrace --check="$W/oldttrace.json" -o /dev/null -- "$T" -p 4000
expect_result oldttrace 1 \
	"ttrace: --check=$W/oldttrace.json: warning: the ttrace version differs: recorded 0.0.1-old, this run $VERSION" \
	"ttrace: --check=$W/oldttrace.json: warning: the command line differs: recorded $T, this run $T -p 4000" \
	"ttrace: --check=$W/oldttrace.json: 1 regression" "$REGRESSION"

# a version 1 profile, without either: read as before, nothing to warn of
sed -e 's/"ttrace_profile": 2/"ttrace_profile": 1/' -e '/^  "ttrace_version": /d' \
	-e '/^  "command": /d' "$P" >"$W/v1.json"
tt_run v1 --check="$W/v1.json" -o /dev/null -- "$T" -x 3
expect_result v1 3 "ttrace: --check=$W/v1.json: no regression"

# -p: no command line is recorded, and none compared
tt_start_sleeper -n 0 -s 10000000 -l "$W/p.log"
tt_start attach --profile="$W/attach.json" -e trace=clock_nanosleep -p "$HPID"
# the trace goes to stderr, unbuffered: stop once a whole sleep was seen
# (the one in progress at attach resumes as restart_syscall, no request)
tt_poll 10 grep -q 'clock_nanosleep(.* = 0$' "$W/attach.err" ||
	fail "attach: no sleep traced: $(cat "$W/attach.err")"
kill -INT "$TT_PID"
tt_wait_ttrace
expect_rc attach 0
grep -q "^  \"ttrace_version\": \"$VERSION\",\$" "$W/attach.json" ||
	fail "attach: no ttrace_version: $(head -4 "$W/attach.json")"
grep -q '"command"' "$W/attach.json" && fail "attach: a command line: $(head -4 "$W/attach.json")"
tt_run attachcheck --check="$W/attach.json" -e trace=clock_nanosleep -o /dev/null -- "$H/sleeper" -n 2 -s 10000000
expect_match attachcheck "$W/attachcheck.err" "ttrace: --check=$(ere "$W/attach.json"): ([0-9]+ regressions?|no regression)"
expect_count attachcheck "$W/attachcheck.err" 0 ".*warning.*"

# a recorded profile without a request: 2 before the command runs, and
# no report file is made
tt_run empty --profile="$W/empty.json" -o /dev/null -- true
expect_result empty 0
tt_run emptycheck --check="$W/empty.json" --junit="$W/empty.xml" -o /dev/null -- "$T" -f "$MARK"
expect_result emptycheck 2 "ttrace: --check=$W/empty.json: the profile has no request: nothing to compare"
[ ! -e "$MARK" ] || fail "emptycheck: the command ran"
[ ! -e "$W/empty.xml" ] || fail "emptycheck: a JUnit report was written"

tt_done
