#!/bin/sh
# -p lists with a pid ttrace cannot or should not attach: ttrace itself
# after or before a good pid (exit 1, the message; the good pid, if
# attached, is let go), the same pid twice (attached once), a zombie
# (exit 1, the message).  Nothing is left attached or stopped.
# (-p notapid and -p of ttrace alone: usage-errors.sh.)
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

tt_start_sleeper -t 2 -n 0 -s 1000000000
P=$HPID
T2=$(tt_tids "$P" | grep -vx "$P")

# ttrace itself after P: P is attached first, then let go.
tt_run_self after -p "$P,SELF"
expect_result_any_order after 1 \
	"ttrace: Process $P attached with 2 threads" \
	"ttrace: cannot attach to process $SELF: it is ttrace itself" \
	"ttrace: Process $P detached" \
	"ttrace: Process $T2 detached"
tt_check_free after "$P"

# ttrace itself first: nothing is attached.
tt_run_self before -p "SELF,$P"
expect_result before 1 "ttrace: cannot attach to process $SELF: it is ttrace itself"
tt_check_free before "$P"
tt_untraced "$P" || fail "before: $P traced"

# The same pid twice: attached once, as with -p P.
tt_start twice -p "$P,$P"
tt_wait_attached twice
tt_poll 3 tt_traced_by "$P" "$TT_PID" || fail "twice: not attached"
kill -INT "$TT_PID"
tt_wait_ttrace
grep '^ttrace: ' "$W/twice.err" >"$W/twice.msgs"
sort >"$W/twice.want" <<EOT
ttrace: Process $P attached with 2 threads
ttrace: Process $P detached
ttrace: Process $T2 detached
EOT
sort "$W/twice.msgs" >"$W/twice.got"
expect_same "twice: messages" "$W/twice.want" "$W/twice.got"
expect_rc twice 0
tt_check_free twice "$P"

# A zombie cannot be traced.
sh -c 'sleep 0 & exec sleep 30' &
Z=$!
tt_track "$Z"
tt_poll 3 tt_has_zombie "$Z" || harness_error "no zombie child"
tt_run zombie -p "$ZC"
expect_result zombie 1 "ttrace: cannot attach to process $ZC: Operation not permitted"

tt_done
