#!/bin/sh
# Under GitHub Actions (GITHUB_ACTIONS=true): each finding of --check and
# --diff is also a workflow command on standard output,
# "::error title=ttrace --check::TEXT" ('%', CR and LF escaped as the
# runner reads them back), and a Markdown summary is appended to the file
# $GITHUB_STEP_SUMMARY names; exactly, on tests/e2e/helpers/timing and on
# hand-written profiles.  No annotation mixes into a trace written to
# standard output; nothing is written without GITHUB_ACTIONS=true; a
# summary that cannot be written is an output error (exit 1).
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

T=$H/timing
P=$W/base.json
S=$W/summary.md
REG="clock_nanosleep CLOCK_MONOTONIC relative: 2ms (3 times) is now 4ms (3 times)"

# gh NAME ARGS...: tt_run under GitHub Actions, the summary into $S
gh() {
	GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=$S tt_run "$@"
}

tt_run record --profile="$P" -o /dev/null -- "$T"
expect_result record 0

# a regression: its annotation on stdout, the report on stderr as ever,
# the summary appended after what the file held
echo "an earlier step's summary" >"$S"
gh doubled --check="$P" -o /dev/null -- "$T" -p 4000
expect_rc doubled 1
expect_same "doubled: stdout" - "$W/doubled.out" <<END
::error title=ttrace --check::$REG
END
expect_line doubled "$W/doubled.err" "ttrace: --check=$P: 1 regression"
esc() {	# the Markdown of a path or a command line: _ and other marks escaped
	printf '%s' "$1" | sed 's/[]\\`*_[<>|~&#]/\\&/g'
}
cat >"$W/summary.want" <<END
an earlier step's summary
### ttrace --check=$(esc "$P"): 1 regression

Command: $(esc "$T") -p 4000 (exit status 0)

| group | recorded | this run | result |
|:---|---:|---:|:---|
| alarm ITIMER\_REAL relative | 2 | 2 | pass |
| clock\_nanosleep CLOCK\_MONOTONIC relative | 3 | 3 | **fail**: 1 finding |
| clock\_nanosleep CLOCK\_MONOTONIC absolute | 4 | 4 | pass |
| clock\_nanosleep CLOCK\_REALTIME relative | 2 | 2 | pass |
| setitimer ITIMER\_REAL relative | 2 | 2 | pass |
| timer\_settime CLOCK\_MONOTONIC relative | 2 | 2 | pass |
| timerfd\_settime CLOCK\_MONOTONIC relative | 2 | 2 | pass |

| | finding |
|---:|:---|
| 1 | clock\_nanosleep CLOCK\_MONOTONIC relative: 2ms (3 times) is now 4ms (3 times) |

END
expect_same "doubled: summary" "$W/summary.want" "$S"

# a pass: nothing on stdout, a summary
rm -f "$S"
gh pass --check="$P" -o /dev/null -- "$T"
expect_result pass 0 "ttrace: --check=$P: no regression"
expect_line pass "$S" "### ttrace --check=$(esc "$P"): no regression"
expect_count pass "$S" 7 '\| .* \| [0-9]+ \| [0-9]+ \| pass \|'

# nothing compared: the error, as an annotation and in the summary
rm -f "$S"
gh norun --check="$P" -o /dev/null -- true
expect_rc norun 2
expect_same "norun: stdout" - "$W/norun.out" <<END
::error title=ttrace --check::the run made no traced request: nothing was compared
END
expect_same "norun: summary" - "$S" <<END
### ttrace --check=$(esc "$P"): the run made no traced request: nothing was compared

Command: true (exit status 0)

END

# the trace on standard output: no annotation there, a note on stderr
rm -f "$S"
GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=$S timeout -k 2 "$TT_LIMIT" "$TTRACE" \
	--check="$P" -o /dev/stdout -- "$T" -p 4000 >"$W/onstdout.out" 2>"$W/onstdout.err"
TT_RC=$?
expect_rc onstdout 1
expect_count onstdout "$W/onstdout.out" 0 '::.*'
expect_match onstdout "$W/onstdout.out" '[0-9]+ +clock_nanosleep\(CLOCK_MONOTONIC, 0, \{tv_sec=0, tv_nsec=4000000\}, NULL\) += 0'
expect_line onstdout "$W/onstdout.err" "ttrace: --check=$P: no GitHub annotations: the trace goes to standard output"
expect_line onstdout "$S" "### ttrace --check=$(esc "$P"): 1 regression"

# --diff: its title; '%', CR and LF escaped in annotations, Markdown's
# marks in the summary
cat >"$W/old.json" <<'END'
{"ttrace_profile": 2, "ttrace_version": "1", "selection": ["x"], "groups": [
 {"family": "50%_*odd*|\r\nfamily", "clock": "CLOCK_MONOTONIC", "mode": "relative",
  "requests": [{"value_ns": 1000, "count": 1}]}]}
END
sed 's/"value_ns": 1000/"value_ns": 9000/' "$W/old.json" >"$W/new.json"
rm -f "$S"
( cd "$W" && GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=$S "$TTRACE" --diff old.json new.json >odd.out 2>odd.err )
TT_RC=$?
expect_rc odd 1
expect_same "odd: stdout" - "$W/odd.out" <<'END'
::error title=ttrace --diff::50%25_*odd*|%0D%0Afamily CLOCK_MONOTONIC relative: 1us (1 time) is now 9us (1 time)
END
expect_same "odd: summary" - "$S" <<'END'
### ttrace --diff old.json new.json: 1 regression

| group | old | new | result |
|:---|---:|---:|:---|
| 50%\_\*odd\*\|  family CLOCK\_MONOTONIC relative | 1 | 1 | **fail**: 1 finding |

| | finding |
|---:|:---|
| 1 | 50%\_\*odd\*\|  family CLOCK\_MONOTONIC relative: 1us (1 time) is now 9us (1 time) |

END

# not under GitHub Actions: nothing on stdout, no summary
rm -f "$S"
GITHUB_ACTIONS=false GITHUB_STEP_SUMMARY=$S tt_run off --check="$P" -o /dev/null -- "$T" -p 4000
expect_rc off 1
expect_empty "off: stdout" "$W/off.out"
[ ! -e "$S" ] || fail "off: a summary was written"

# a summary that cannot be written: the check's report and annotations,
# then exit 1
GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=$W/no/summary.md tt_run nosummary --check="$P" -o /dev/null -- "$T"
expect_rc nosummary 1
expect_empty "nosummary: stdout" "$W/nosummary.out"
expect_line nosummary "$W/nosummary.err" "ttrace: --check=$P: no regression"
expect_line nosummary "$W/nosummary.err" "ttrace: cannot append the check's summary to '$W/no/summary.md' (\$GITHUB_STEP_SUMMARY): No such file or directory"
tt_done
