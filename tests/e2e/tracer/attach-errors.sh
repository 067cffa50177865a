#!/bin/sh
# -p that cannot attach: to a process another tracer has (named), to a
# kernel thread, or a list with one missing pid.  Exit status 1, the
# message, and nothing left attached or stopped: the other tracer keeps
# its tracee, and the pids attached before the failure are let go.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

tt_start_sleeper -t 2 -n 0 -s 1000000000
P=$HPID

# Already traced: by a first ttrace.
tt_start first -p "$P"
tt_wait_attached first
tt_run second -p "$P"
expect_result second 1 "ttrace: cannot attach to process $P: already traced by process $TT_PID"
tt_traced_by "$P" "$TT_PID" || fail "second: the first ttrace lost its tracee"
tt_alive "$TT_PID" || fail "first: ttrace died"
kill -INT "$TT_PID"
tt_wait_ttrace
expect_rc first 0
tt_check_free first "$P"

# A list whose second pid does not exist: the first is attached, then let
# go before ttrace exits.
tt_run list -p "$P,99999999"
expect_result_any_order list 1 \
	"ttrace: Process $P attached with 2 threads" \
	"ttrace: cannot attach to process 99999999: no such process" \
	"ttrace: Process $P detached" \
	"ttrace: Process $(tt_tids "$P" | grep -vx "$P") detached"
tt_check_free list "$P"
tt_sleeping "$P" || tt_poll 2 tt_sleeping "$P" || fail "list: $P does not sleep on"

# A kernel thread (kthreadd) cannot be traced.
tt_run kthread -p 2
expect_result kthread 1 "ttrace: cannot attach to process 2: Operation not permitted"

tt_done
