#!/bin/sh
# vfork children: one that makes a raw clock_nanosleep and _exits while
# its parent is suspended, one that execs (a program that sleeps, or one
# that does not exist: then it _exits 127).  Both children are traced
# under their own ids, the parent resumes and is traced on; with and
# without the seccomp filter.  The trace is fully determined.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

CN='clock_nanosleep(CLOCK'

# vfork_trace M V1 V2 EXEC: the trace vforker must give, main M, children
# V1 and V2; EXEC says whether V2's exec succeeded (sleeper -n 1 -s 6000
# -x 6) or not.
vfork_trace() {
	m=$(tt_file_prefix "$1")
	v1=$(tt_file_prefix "$2")
	v2=$(tt_file_prefix "$3")
	echo "$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0"
	echo "$v1$CN""_MONOTONIC, 0, {tv_sec=0, tv_nsec=2000}, NULL) = 0"
	echo "$v1+++ exited with 3 +++"
	echo "$m$(tt_sigchld "$2" 3)"
	echo "$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=3000}, NULL) = 0"
	if [ "$4" = yes ]; then
		echo "$v2$CN""_MONOTONIC, 0, {tv_sec=0, tv_nsec=6000}, NULL) = 0"
		echo "$v2+++ exited with 6 +++"
		echo "$m$(tt_sigchld "$3" 6)"
	else
		echo "$v2+++ exited with 127 +++"
		echo "$m$(tt_sigchld "$3" 127)"
	fi
	echo "$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=5000}, NULL) = 0"
	echo "$m+++ exited with 0 +++"
}

# vfork_run NAME EXEC OPTIONS... -- PROG ARGS...
vfork_run() {
	_n=$1
	_exec=$2
	shift 2
	tt_run "$_n" -o "$W/$_n.trace" "$@"
	expect_rc "$_n" 0
	expect_empty "$_n: stderr" "$W/$_n.err"
	set -- $(sed -n 's/^vfork //p' "$W/$_n.out")
	[ $# = 2 ] || harness_error "$_n: vforker did not say its children"
	_m=$(awk 'END { print $1 }' "$W/$_n.trace")
	vfork_trace "$_m" "$1" "$2" "$_exec" >"$W/$_n.want"
	tt_times_n "$W/$_n.trace" >"$W/$_n.got"
	expect_same "$_n: trace" "$W/$_n.want" "$W/$_n.got"
}

for sc in on off; do
	vfork_run "exec-$sc" yes --seccomp=$sc -- "$H/vforker" "$H/sleeper" -n 1 -s 6000 -x 6
	vfork_run "noexec-$sc" no --seccomp=$sc -- "$H/vforker" "$W/no-such-program"
done

tt_done
