#!/bin/sh
# Threads, forked and vforked children (which exec) are all traced: each
# line carries the thread id with -o, and "[pid N] " on stderr only while
# more than one thread is traced; every thread gets its own exit line.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# family runs a thread, a fork child and a vfork child strictly one after
# the other: the trace is fully determined.
CN='clock_nanosleep(CLOCK'
SIGCHLD='--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid'

# family_trace PREFIX_MAIN PREFIX_CHILD [ATTACHED]: the trace, with
# PREFIX_MAIN(pid) before lines of main while alone and PREFIX_CHILD(pid)
# before the others; ATTACHED(pid) before a child's first line (as strace,
# "Process N attached" on stderr only).
family_trace() {
	m=$($1 "$M")
	a=${3:-no_prefix}
	printf '%s\n' \
		"$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0" \
		$($a "$T") \
		"$($2 "$T")$CN""_MONOTONIC, 0, {tv_sec=0, tv_nsec=2000}, NULL) = 0" \
		"$($2 "$T")+++ exited with 0 +++" \
		"$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=3000}, NULL) = 0" \
		$($a "$F") \
		"$($2 "$F")$CN""_MONOTONIC, 0, {tv_sec=0, tv_nsec=4000}, NULL) = 0" \
		"$($2 "$F")+++ exited with 5 +++" \
		"$m$SIGCHLD=$F, si_uid=0, si_status=5, si_utime=N, si_stime=N} ---" \
		"$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=5000}, NULL) = 0" \
		$($a "$V") \
		"$($2 "$V")$CN""_MONOTONIC, 0, {tv_sec=0, tv_nsec=6000}, NULL) = 0" \
		"$($2 "$V")+++ exited with 6 +++" \
		"$m$SIGCHLD=$V, si_uid=0, si_status=6, si_utime=N, si_stime=N} ---" \
		"$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=7000}, NULL) = 0" \
		"$m+++ exited with 0 +++"
}
file_prefix() { printf '%-5d ' "$1"; }
tty_prefix() { printf '[pid %5d] ' "$1"; }
no_prefix() { :; }
attached() { printf 'ttrace:@Process@%d@attached' "$1"; }

# family_ids NAME: T, F and V as family printed them.
family_ids() {
	T=$(sed -n 's/^thread //p' "$W/$1.out")
	F=$(sed -n 's/^fork //p' "$W/$1.out")
	V=$(sed -n 's/^vfork //p' "$W/$1.out")
	[ -n "$T" ] && [ -n "$F" ] && [ -n "$V" ] ||
		harness_error "$1: family did not say its ids"
}

# On stderr.  The vfork child's sleeper logs its pid: the exec kept it.
tt_run fam -- "$H/family" "$H/sleeper" -n 1 -s 6000 -x 6 -l "$W/fam.log"
expect_rc fam 0
family_ids fam
expect_line fam "$W/fam.log" "T $V $V"
M=
family_trace no_prefix tty_prefix attached | tr @ ' ' >"$W/fam.want"
tt_times_n "$W/fam.err" >"$W/fam.got"
expect_same "fam: stderr" "$W/fam.want" "$W/fam.got"

# With -o FILE.
tt_run famo -o "$W/famo.trace" -- "$H/family" "$H/sleeper" -n 1 -s 6000 -x 6
expect_rc famo 0
expect_empty "famo: stderr" "$W/famo.err"
family_ids famo
M=$(awk '{ print $1; exit }' "$W/famo.trace")
family_trace file_prefix file_prefix >"$W/famo.want"
tt_times_n "$W/famo.trace" >"$W/famo.got"
expect_same "famo: trace" "$W/famo.want" "$W/famo.got"

# Everything at once: 2 processes of 2 threads, each sleeping 3 times
# 20 ms in step.  Whatever the interleaving, every thread has its 3 calls
# and its exit line, under its own id.  (The child's SIGCHLD may interrupt
# a sleep of the parent: then the restart_syscall ends it.)
tt_run mix -o "$W/mix.trace" -- "$H/sleeper" -P 2 -t 2 -n 3 -s 20000000 -l "$W/mix.log" -x 4
expect_rc mix 4
unsplit "$W/mix.trace" >"$W/mix.joined"
main=$(awk 'END { print $1 }' "$W/mix.trace")	# it waits for the other
# A thread reaped after its process's exit_group(4) is reported with the
# group's code (wait_task_zombie), whenever it ended: 0 or 4 for the others.
for t in $(tt_log_tids "$W/mix.log"); do
	expect_sleeps mix "$W/mix.joined" "$t" 3 20000000
	status='(0|4)'
	[ "$t" = "$main" ] && status=4
	expect_count "mix: $t" "$W/mix.joined" 1 "$t +\+\+\+ exited with $status \+\+\+"
done
[ "$(tt_log_tids "$W/mix.log" | wc -l)" = 4 ] || fail "mix: not 4 threads"
# SIGCHLD is for the process: the kernel may hand it to any of its threads.
expect_count mix "$W/mix.joined" 1 "[0-9]+ +--- SIGCHLD \{.*\} ---"
n=$((17 + $(grep -c ERESTART_RESTARTBLOCK "$W/mix.joined")))
expect_count mix "$W/mix.joined" "$n" ".*"

tt_done
