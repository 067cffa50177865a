#!/bin/sh
# ttrace exits with the command's status, 128+N when signal N killed it,
# and the trace ends with the matching exit line.  A tracee killed from
# outside in the middle of a sleep gets its call finished with "= ?".
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

ulimit -c 0	# no "(core dumped)", no core files
SLEPT='clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0'

tt_run exit3 -- "$H/sleeper" -x 3
expect_result exit3 3 "$SLEPT" "+++ exited with 3 +++"

tt_run exit255 -- "$H/sleeper" -n 2 -x 255
expect_result exit255 255 "$SLEPT" "$SLEPT" "+++ exited with 255 +++"

tt_run exit0 -- "$H/sleeper" -n 0 -n 1
expect_result exit0 0 "$SLEPT" "+++ exited with 0 +++"

tt_run kill -- "$H/sleeper" -k kill
expect_result kill 137 "$SLEPT" "+++ killed by SIGKILL +++"

tt_run segv -- "$H/sleeper" -k segv
expect_result segv 139 "$SLEPT" \
	"--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---" \
	"+++ killed by SIGSEGV +++"

# SIGKILL from outside during a 5 s sleep; the call's line is still open.
tt_start killed -- "$H/sleeper" -n 1 -s 5000000000 -l "$W/killed.log"
tt_wait_err killed "clock_nanosleep("
P=$(tt_log_pids "$W/killed.log")
kill -KILL "$P"
tt_wait_ttrace
expect_result killed 137 \
	"clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=5, tv_nsec=0},  <unfinished ...>) = ?" \
	"+++ killed by SIGKILL +++"

# Two threads with -o: each call is finished with "= ?", either on its
# open line or as "<... clock_nanosleep resumed> <unfinished ...>) = ?".
tt_start killed2 -o "$W/killed2.trace" -- "$H/sleeper" -t 2 -n 1 -s 5000000000 -l "$W/killed2.log"
tt_poll 5 tt_log_two "$W/killed2.log" || harness_error "killed2: no two threads"
P=$(tt_log_pids "$W/killed2.log")
tt_track "$P"
tt_poll 5 tt_sleeping "$P" || fail "killed2: $P does not sleep"
kill -KILL "$P"
tt_wait_ttrace
expect_rc killed2 137
expect_empty "killed2: stderr" "$W/killed2.err"
unsplit "$W/killed2.trace" >"$W/killed2.joined"
expect_count killed2 "$W/killed2.joined" 4 ".*"
for t in $(tt_log_tids "$W/killed2.log"); do
	expect_line killed2 "$W/killed2.joined" "$(printf '%-5d ' "$t")clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=5, tv_nsec=0},  <unfinished ...>) = ?"
	expect_line killed2 "$W/killed2.joined" "$(printf '%-5d ' "$t")+++ killed by SIGKILL +++"
done
expect_match killed2 "$W/killed2.trace" "$P +\+\+\+ killed by SIGKILL \+\+\+"
tt_gone "$P" || fail "killed2: $P still there"

tt_done
