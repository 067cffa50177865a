#!/bin/sh
# execve that fails inside a traced process (no such file, not
# executable, not a format the kernel runs), from the main thread and
# from a second thread: the process goes on, traced, every call of both
# threads is there and nothing else (no exec, no superseded thread);
# ttrace exits with the process's status (the errno of the failure).
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

CN='clock_nanosleep(CLOCK'
printf '\177ELF garbage\n' >"$W/badelf"
chmod 755 "$W/badelf"
echo 'not run' >"$W/plain"
chmod 644 "$W/plain"

# fail_trace M T STATUS: the lines execfail must give (unsplit, sorted).
fail_trace() {
	m=$(tt_file_prefix "$1")
	t=$(tt_file_prefix "$2")
	{
		echo "$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0"
		echo "$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=2000}, NULL) = 0"
		echo "$t$CN""_MONOTONIC, 0, {tv_sec=0, tv_nsec=3000}, NULL) = 0"
		echo "$t+++ exited with 0 +++"
		echo "$m$CN""_REALTIME, 0, {tv_sec=0, tv_nsec=4000}, NULL) = 0"
		echo "$m+++ exited with $3 +++"
	} | sort
}

# fail_run NAME PATH ERRNO OPTIONS...
fail_run() {
	_n=$1
	_path=$2
	_errno=$3
	shift 3
	tt_run "$_n" -o "$W/$_n.trace" "$@" -- "$H/execfail" "$_path"
	expect_rc "$_n" "$_errno"
	expect_empty "$_n: stderr" "$W/$_n.err"
	_t=$(sed -n 's/^thread //p' "$W/$_n.out")
	[ -n "$_t" ] || harness_error "$_n: execfail did not say its thread"
	_m=$(awk 'END { print $1 }' "$W/$_n.trace")
	fail_trace "$_m" "$_t" "$_errno" >"$W/$_n.want"
	unsplit "$W/$_n.trace" | sort >"$W/$_n.got"
	expect_same "$_n: trace" "$W/$_n.want" "$W/$_n.got"
	expect_last "$_n" "$W/$_n.trace" "$(tt_file_prefix "$_m")+++ exited with $_errno +++"
}

for sc in on off; do
	fail_run "enoent-$sc" "$W/no-such-program" 2 --seccomp=$sc	# ENOENT
	fail_run "eacces-$sc" "$W/plain" 13 --seccomp=$sc		# EACCES
	fail_run "enoexec-$sc" "$W/badelf" 8 --seccomp=$sc		# ENOEXEC
done

tt_done
