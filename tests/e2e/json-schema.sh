#!/bin/sh
# ttrace --json, validated line by line against doc/ttrace-events.schema.json
# over runs that make every kind of event: calls of both ABIs (errors,
# NULL and unreadable pointers, padding), TOCTOU findings of every kind,
# signals, a group-stop, exits and deaths, threads and processes, execs,
# an ABI change, -p attach and detach, a thread superseded by execve,
# stacks (-k, -kk), fd paths (-y, -yy), waits (their timing, every
# outcome, results, arrays shown in part, signal sets) and the -c summary
# object, alone and after the events (-C).
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || skip "no /usr/bin/python3 (with python3-jsonschema)"
"$PY" -c 'import jsonschema' 2>/dev/null || skip "python3-jsonschema is not installed"
B=$TT_BUILDDIR
i=0
# json NAME ARGS...: a traced run with --json into $W/NAME.jsonl
json() {
	_j=$1
	shift
	tt_run "$_j" --json -o "$W/$_j.jsonl" "$@"
}

I386=no
i386_runs && I386=yes || echo "i386 programs do not run here: their events are not checked"
for p in "$B"/tests/e2e/decode/*.dec; do
	i=$((i + 1))
	json "decode$i" -- "$p"
done
for p in sleep_rewritten-m64 unmapped-m64 racing_loop-m64 padding-m32 restarted-m32; do
	[ -x "$B/tests/e2e/toctou/$p.toctou" ] && json "$p" -- "$B/tests/e2e/toctou/$p.toctou"
done
json fam -- "$H/sleeper" -t 2 -P 2 -n 2 -s 1000
# -y and -yy: fds with their paths, devices, sockets (fd-paths.sh)
mkdir "$W/fdpaths"
json fdpaths_y -y -e trace=timerfd_create,poll,select,clock_gettime -- "$H/fdpaths" "$W/fdpaths"
json fdpaths_yy -yy -e trace=timerfd_create,timerfd_settime,epoll_wait,poll,ppoll,pselect6,clock_gettime -- "$H/fdpaths" "$W/fdpaths"
json killed -- "$H/sleeper" -n 1 -s 1000 -k kill
json segv -- "$H/sleeper" -n 1 -s 1000 -k segv
json superseded -- "$H/threxec" "$H/sleeper" -n 1 -s 1000

# -k and -kk: the stack of each call, through a library, and a walk that
# fails (that call has none)
ST=$B/tests/e2e/stack
json stack -k -- "$ST/chain-m64.stack" lib "$ST/libstk-m64.so"
json stack_lines -kk -- "$ST/chain-m64.stack" jit
[ "$I386" = yes ] && json stack32 -kk -- "$ST/chain-m32.stack" lib "$ST/libstk-m32.so"

json summary -c -- "$H/sleeper" -t 2 -n 3 -s 1000000
json summary_abs -c -- "$H/sleeper" -a -n 3 -s 1000000
# -C: the events and the summary in one stream
json summary_too -C -- "$H/sleeper" -n 2 -s 1000000

# a group-stop, then SIGCONT
tt_start stop --json -o "$W/stop.jsonl" -- "$H/sleeper" -n 0 -s 20000000 -l "$W/stop.log"
tt_poll 5 test -s "$W/stop.log" || harness_error "stop: the sleeper did not start"
P=$(tt_log_pids "$W/stop.log")
kill -STOP "$P"; sleep 0.2; kill -CONT "$P"; sleep 0.1; kill -TERM "$P"
tt_wait_ttrace

# -p: attached, then detached by SIGINT
tt_start_sleeper -n 0 -s 50000000 -l "$W/p.log"
tt_start attach --json -o "$W/attach.jsonl" -p "$HPID"
tt_poll 5 grep -q '"type":"call"' "$W/attach.jsonl" || sleep 0.3
kill -INT "$TT_PID"
tt_wait_ttrace

# waits: every outcome, a ppoll's sigmask, arrays shown in part (40
# pollfds), results (revents, time left), -c of waits
json waits -e trace=%wait -- "$H/waiter" -f 40
json waits_c -c -- "$H/waiter"

"$PY" "$TT_SRCDIR/tests/e2e/json-validate.py" "$TT_SRCDIR/doc/ttrace-events.schema.json" \
	"$W"/*.jsonl >"$W/seen" || { cat "$W/seen"; fail "invalid JSON events"; }
for kind in type:header type:call type:signal type:stopped type:exit \
	type:superseded type:abi type:attached type:new_tracee type:exec \
	type:detached type:summary exit:exited exit:killed return:error \
	finding:nsec_padding finding:toctou_changed finding:toctou_padding \
	finding:toctou_unreadable finding:timerfd_armed stack:frames \
	stack:lines call:clock signal:timer; do
	case $kind in
	type:abi|*padding)	# made by i386 programs only
		[ "$I386" = yes ] || continue ;;
	esac
	grep -qx "$kind" "$W/seen" || fail "no event of kind $kind was made to validate"
done
for kind in timing:wait timing:sleep timing:arm timing:left timing:lateness outcome:timed_out outcome:ready \
	outcome:interrupted outcome:failed return:result value:more value:sigset; do
	grep -qx "$kind" "$W/seen" || fail "no event of kind $kind was made to validate"
done
grep -q '"lateness_histograms":\[{"clock":"CLOCK_MONOTONIC","clock_id":1,"count":6,' "$W/summary.jsonl" ||
	fail "summary: no lateness histogram of 6 sleeps: $(cat "$W/summary.jsonl")"
echo "validated: $(cat "$W"/*.jsonl | wc -l) events; kinds: $(tr '\n' ' ' <"$W/seen")"
tt_done
