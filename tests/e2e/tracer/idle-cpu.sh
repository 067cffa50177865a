#!/bin/sh
# ttrace spins for a stop only while that pays.  Before blocking for a
# round's first stop the loop polls waitpid for a few tens of
# microseconds when recent stops came that fast; a command that sleeps
# must cost ttrace next to nothing (issue #17: under 20 ms of CPU while
# its command sleeps 1 s).  That it never spins on one CPU is a unit test
# (tt_spin_two_cpus): the adaptive spin stops by itself where it finds
# nothing, so a test from outside could not tell.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# least_cpu ARGS...: the least CPU time (us) of three runs of ttrace ARGS
# (ttrace's, and its command's: the command sleeps and uses almost none).
# The least of three: CPU time hardly grows with the machine's load, but
# a run may lose its caches to another.
least_cpu() {
	for _i in 1 2 3; do
		"$H/cpuof" timeout -k 2 "$TT_LIMIT" "$TTRACE" ${TT_TTRACE_OPTS:-} \
			-o /dev/null "$@" 2>>"$W/cpu.err" ||
			echo "ttrace $* failed" >>"$W/cpu.err"
	done | sort -n | head -n 1
}

# A 1 s sleep against no sleep: the difference is what ttrace spent while
# its command slept (startup and the rest cost both alike).  A tracer
# spinning through the sleep would spend about 1 s.
for mode in "" "--seccomp=off"; do
	slept=$(least_cpu $mode -- "$H/sleeper" -n 1 -s 1000000000)
	none=$(least_cpu $mode -- "$H/sleeper" -n 1 -s 0)
	echo "ttrace $mode: $slept us with a 1 s sleep, $none us without"
	[ -n "$slept" ] && [ -n "$none" ] ||
		harness_error "no CPU time measured: $(cat "$W/cpu.err")"
	[ $((slept - none)) -lt 20000 ] ||
		fail "ttrace $mode used $((slept - none)) us of CPU while its command slept 1 s (limit 20000)"
done
[ ! -s "$W/cpu.err" ] || fail "$(cat "$W/cpu.err")"

tt_done
