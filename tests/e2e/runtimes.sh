#!/bin/sh
# Issue #16's goal, on the runtimes' own poll loops: a profile recorded
# once checks clean on the same program again, and a poll interval 1.25
# times longer is caught, as one line naming the loop's request.
#
# Each case (tests/e2e/runtimes/) polls COUNT times with a period:
# Python time.sleep, asyncio.sleep and threading.Event.wait; Node
# setInterval and a chain of setTimeout; Go time.Ticker and time.Sleep
# (built here with go build); Java scheduleAtFixedRate and Thread.sleep
# (compiled here with javac); C clock_nanosleep on absolute deadlines
# (deadline += period) and a periodic timerfd.  For each: --profile of a
# run at 20 ms, 15 times; --check of TT_RUNTIME_RUNS more runs of the
# same (default 5, to keep the suite's time down; bench/runtimes-check.sh
# runs 20 of each, the figure to quote), every one of which must exit 0
# with "no regression"; then --check of a run at 25 ms, which must exit
# 1 with exactly one line of the loop's call family, and that line
# saying the period was 20 ms and is 25 ms.  Other lines (the runtime's
# own threads) are printed, not judged.  A loop's timeout computed as
# "next deadline - now" is a little under the period, so 19.x ms counts
# as 20 (and 24.x as 25); Go's netpoller rounds its timeouts down to
# whole milliseconds (19 and 24).
#
# A runtime that is not installed skips its cases with a line saying
# which; with none of Python, Node, Go and Java the test is skipped (77)
# once the C cases (built by make check) passed.  .ci/run installs
# python3, nodejs, golang-go and default-jdk-headless.  With all of them
# and 5 runs a case the test took 43 to 53 s on the project's 2-core
# machine when it was otherwise idle.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

R=${TT_SRCDIR:-.}/tests/e2e/runtimes
RB=${TT_BUILDDIR:-.}/tests/e2e/runtimes
RUNS=${TT_RUNTIME_RUNS:-5}
PERIOD=20
SLOWER=25
COUNT=15
OLD='(19(\.[0-9]+)?|20)ms'
NEW='(24(\.[0-9]+)?|25)ms'
CASES=0		# cases of a runtime other than C that ran
MISSING=

case $RUNS in
'' | *[!0-9]*) harness_error "TT_RUNTIME_RUNS=$RUNS is not a number" ;;
esac

# missing RUNTIME CASES: says which cases a missing runtime skips.
missing() {
	echo "SKIP: $1 is missing: no test of $2"
	MISSING="$MISSING $1"
}

# loop NAME FAMILY CMD...: the case NAME, CMD PERIOD_MS COUNT polling with
# a call of FAMILY (an ERE).
loop() {
	_name=$1
	_fam=$2
	shift 2
	_p=$W/$_name.json
	_start=$(date +%s%N)
	# The recording is the baseline, and a run the machine disturbed is a
	# bad one (a Go ticker late 4 times in 15 under the sanitizer build
	# and CI's load recorded 4 shorter waits, then missing from every
	# clean run): a recording is kept once a run of the same program
	# checks clean against it, after at most 3 recordings, each said.
	# The unchanged runs below must then all pass against it.
	_r=1
	while :; do
		tt_run "$_name.record" --profile="$_p" -o /dev/null -- "$@" $PERIOD $COUNT
		if [ "$TT_RC" != 0 ] || [ ! -s "$_p" ]; then
			fail "$_name: the recording exited $TT_RC, profile $(wc -c <"$_p" 2>/dev/null || echo none):"
			sed 's/^/	| /' "$W/$_name.record.err"
			return
		fi
		tt_run "$_name.holds" --check="$_p" -o /dev/null -- "$@" $PERIOD $COUNT
		[ "$TT_RC" = 0 ] && break
		echo "$_name: recording $_r did not hold for the same program:"
		sed 's/^/	| /' "$W/$_name.holds.err"
		[ $_r -lt 3 ] || break
		_r=$((_r + 1))
	done
	_ok=0
	_i=1
	while [ "$_i" -le "$RUNS" ]; do
		_n=$_name.same$_i
		tt_run "$_n" --check="$_p" -o /dev/null -- "$@" $PERIOD $COUNT
		if [ "$TT_RC" = 0 ] &&
			grep -qxF "ttrace: --check=$_p: no regression" "$W/$_n.err"; then
			_ok=$((_ok + 1))
		else
			fail "$_name: unchanged run $_i of $RUNS exited $TT_RC:"
			sed 's/^/	| /' "$W/$_n.err"
		fi
		_i=$((_i + 1))
	done
	echo "$_name: $_ok of $RUNS unchanged runs passed"

	_n=$_name.slower
	tt_run "$_n" --check="$_p" -o /dev/null -- "$@" $SLOWER $COUNT
	echo "$_name: at ${SLOWER} ms, exit $TT_RC:"
	sed 's/^/	| /' "$W/$_n.err"
	expect_rc "$_n" 1
	expect_match "$_n" "$W/$_n.err" \
		"ttrace: --check=$(ere "$_p"): [0-9]+ regressions?"
	_group="  ($_fam) [A-Z_]+ (relative|absolute): "
	_was="(timeout |value |\+)?$OLD( left| interval $OLD)? \([0-9]+ times?\)"
	_now="(timeout |value |\+)?$NEW( left| interval $NEW)? \([0-9]+ times?\)"
	expect_count "$_n: lines of $_fam" "$W/$_n.err" 1 "$_group.*"
	expect_match "$_n" "$W/$_n.err" "$_group$_was is now $_now"
	echo "$_name: $(tt_elapsed_ms "$_start") ms"
	case $_name in
	c-*) ;;
	*) CASES=$((CASES + 1)) ;;
	esac
}

# Python: the interpreter itself, not a wrapper (a pyenv shim is a shell
# script that costs a traced run most of a second).
if PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) &&
	[ -x "$PY" ]; then
	loop py-sleep clock_nanosleep "$PY" "$R/py-sleep.py"
	loop py-asyncio epoll_wait "$PY" "$R/py-asyncio.py"
	loop py-event futex "$PY" "$R/py-event.py"
else
	missing python3 "time.sleep, asyncio.sleep, threading.Event.wait"
fi

# Node: libuv waits with epoll_wait (Debian 12's Node 18) or epoll_pwait
# (Node 20).
if NODE=$(node -p process.execPath 2>/dev/null) && [ -x "$NODE" ]; then
	loop node-interval 'epoll_p?wait' "$NODE" "$R/node-interval.js"
	loop node-timeout 'epoll_p?wait' "$NODE" "$R/node-timeout.js"
else
	missing node "setInterval, setTimeout"
fi

# A runtime is there when it runs (its version), not when a file of its
# name is on PATH.

# Go: built here, with a cache and a home of its own (CI runs as root with
# no home cache) and nothing fetched.
if ! go version >/dev/null 2>&1; then
	missing go "time.Ticker, time.Sleep"
elif mkdir -p "$W/go" &&
	env HOME="$W/go" GOCACHE="$W/go/cache" GOPATH="$W/go/path" GOFLAGS= \
		GOPROXY=off GOTOOLCHAIN=local GO111MODULE=auto \
		go build -o "$W/go-poll" "$R/go-poll.go" >"$W/go.out" 2>&1; then
	loop go-ticker epoll_pwait "$W/go-poll" ticker
	loop go-sleep epoll_pwait "$W/go-poll" sleep
else
	fail "go build:"
	sed 's/^/	| /' "$W/go.out"
fi

# Java: compiled here.
if ! java -version >/dev/null 2>&1; then
	missing java "scheduleAtFixedRate, Thread.sleep"
elif ! javac -version >/dev/null 2>&1; then
	missing javac "scheduleAtFixedRate, Thread.sleep (a JRE without a compiler)"
elif javac -d "$W/java" "$R/RtFixedRate.java" "$R/RtSleep.java" \
	>"$W/javac.out" 2>&1; then
	loop java-fixed-rate futex java -cp "$W/java" RtFixedRate
	loop java-sleep futex java -cp "$W/java" RtSleep
else
	fail "javac:"
	sed 's/^/	| /' "$W/javac.out"
fi

# C: built by make check.
for _c in c-abs c-timerfd; do
	[ -x "$RB/$_c" ] || harness_error "$RB/$_c is not built"
done
loop c-abs clock_nanosleep "$RB/c-abs"
loop c-timerfd timerfd_settime "$RB/c-timerfd"

[ -z "$MISSING" ] || echo "runtimes missing, their cases skipped:$MISSING"
[ "$CASES" -gt 0 ] || [ "$TT_FAILS" -gt 0 ] ||
	skip "no runtime but C to test (the C cases passed)"
tt_done
