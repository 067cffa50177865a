#!/bin/sh
# Crowds: 200 threads alive at once, each making one sleep and exiting,
# and 500 short-lived children (50 at a time) each making one sleep and
# exiting 7; with and without the seccomp filter.  Every thread's and
# every child's call is traced exactly once, whole, under its own id,
# followed by its one exit line; ttrace exits 0, in bounded time.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

NTHREADS=200
NFORKS=500
LIMIT_MS=10000	# each run, far above what it takes (< 1 s)

# crowd_check NAME COUNT CLOCK BASE STATUS: in the trace of NAME, the
# units i = 1..COUNT each made one CLOCK sleep of BASE+i ns that returned
# 0, each under an id of its own, and each id has one "+++ exited with
# STATUS +++" line; nothing else but SIGCHLDs and the main exit.
crowd_check() {
	unsplit "$W/$1.trace" >"$W/$1.joined"
	awk -v name="$1" -v n="$2" -v clock="$3" -v base="$4" -v st="$5" '
	function bad(msg) { print "FAIL: " name ": " msg; fails++ }
	{ id = $1; body = substr($0, index($0, $2)) }
	body ~ "^clock_nanosleep\\(" clock ", 0, \\{tv_sec=0, tv_nsec=[0-9]+\\}, NULL\\) += 0$" {
		match(body, /tv_nsec=[0-9]+/)
		i = substr(body, RSTART + 8, RLENGTH - 8) - base
		if (i < 1 || i > n) { bad("unexpected " $0); next }
		if (i in unit) bad("sleep " i " traced twice")
		if (id in owner) bad("id " id " made sleeps " owner[id] " and " i)
		unit[i] = id; owner[id] = i; next
	}
	body == "+++ exited with " st " +++" { exits[id]++; next }
	body ~ /^--- SIGCHLD \{/ || body == "+++ exited with 0 +++" { next }
	{ bad("unexpected line: " $0) }
	END {
		for (i = 1; i <= n; i++)
			if (!(i in unit)) bad("sleep " i " not traced")
			else if (exits[unit[i]] != 1)
				bad("id " unit[i] " has " exits[unit[i]] + 0 " exit lines")
		exit fails > 0
	}' "$W/$1.joined" || fail "$1: see above"
}

for sc in on off; do
	t0=$(date +%s%N)
	tt_run "threads-$sc" --seccomp=$sc -o "$W/threads-$sc.trace" -- "$H/swarm" threads $NTHREADS
	ms=$(tt_elapsed_ms "$t0")
	expect_result "threads-$sc" 0
	[ "$ms" -lt $LIMIT_MS ] || fail "threads-$sc: took $ms ms"
	crowd_check "threads-$sc" $NTHREADS CLOCK_MONOTONIC 1000 0
	# The main thread's exit: last (it joined all the others).
	expect_count "threads-$sc" "$W/threads-$sc.trace" $((NTHREADS + 1)) "[0-9]+ +\+\+\+ exited with 0 \+\+\+"
	tail -n 1 "$W/threads-$sc.trace" >"$W/last"
	expect_match "threads-$sc: last line" "$W/last" "[0-9]+ +\+\+\+ exited with 0 \+\+\+"

	t0=$(date +%s%N)
	tt_run "forks-$sc" --seccomp=$sc -o "$W/forks-$sc.trace" -- "$H/swarm" forks $NFORKS 50
	ms=$(tt_elapsed_ms "$t0")
	expect_result "forks-$sc" 0
	[ "$ms" -lt $LIMIT_MS ] || fail "forks-$sc: took $ms ms"
	crowd_check "forks-$sc" $NFORKS CLOCK_REALTIME 100000 7
	expect_count "forks-$sc" "$W/forks-$sc.trace" 1 "[0-9]+ +\+\+\+ exited with 0 \+\+\+"
done

tt_done
