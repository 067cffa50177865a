#!/bin/sh
# -p on a process that creates and joins threads nonstop, 100 times over.
# Between ttrace's read of /proc/PID/task and its PTRACE_SEIZE of a
# thread, that thread may have been attached already by the kernel (a
# seized thread cloned it: PTRACE_O_TRACECLONE) or be exiting (a zombie
# thread: EPERM).  Neither is an error: every attach succeeds, and every
# detach leaves every thread untraced and running.  Every fifth round
# attaches by the id of a thread that is not the leader, with --json:
# every event names the process (the thread group), not that thread.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"
# hundreds of busy threads: no timing test beside it
tt_heavy

# -p never puts the seccomp filter in: --seccomp=off changes nothing here.
case " ${TT_TTRACE_OPTS:-} " in
*" --seccomp=off "*) skip "-p runs without the filter in every mode" ;;
esac
ROUNDS=${TT_ROUNDS:-100}
tt_start_helper "$H/crowd" -t 4 -d 0 -s 2000000 -c -r "$W/ready"
tt_poll 10 test -s "$W/ready" || harness_error "crowd did not start"
P=$HPID
T=$(awk '{ print $3 }' "$W/ready")	# a looping thread, not the leader
bad=0
i=0
while [ "$i" -lt "$ROUNDS" ]; do
	i=$((i + 1))
	if [ $((i % 5)) -eq 0 ]; then
		set -- --json -o "$W/r$i.jsonl" -p "$T"
	else
		set -- -o "$W/r$i.trace" -p "$P"
	fi
	# Not tt_start: a failed attach ends ttrace before it can be found.
	# timeout passes the SIGINT on to ttrace.
	timeout -k 2 "$TT_LIMIT" "$TTRACE" "$@" >"$W/r$i.out" 2>"$W/r$i.err" &
	TP=$!
	tt_poll 5 grep -q ' attached' "$W/r$i.err"
	sleep 0.05
	kill -INT "$TP" 2>/dev/null
	wait "$TP"
	TT_RC=$?
	if [ "$TT_RC" != 0 ] || grep -q 'cannot' "$W/r$i.err"; then
		fail "round $i: exit $TT_RC: $(grep -v 'detached$' "$W/r$i.err")"
		bad=$((bad + 1))
	fi
	if [ -f "$W/r$i.jsonl" ]; then
		pids=$(grep -o '"pid":[0-9]*' "$W/r$i.jsonl" | sort -u | tr '\n' ' ')
		[ "$pids" = "\"pid\":$P " ] ||
			fail "round $i (-p $T): events name pids $pids, not $P"
	fi
	tt_check_free "after round $i" "$P"
done
echo "$ROUNDS rounds, $bad failed"
tt_done
