#!/bin/sh
# ttrace started with standard descriptors closed: its own messages still
# never land in the trace file (-o), and the command gets the descriptors
# as ttrace got them (closed), nothing of ttrace's.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# no_msg WHAT FILE: the trace FILE holds no "ttrace:" line.
no_msg() {
	[ -e "$2" ] || { fail "$1: no trace file"; return; }
	if grep -q 'ttrace:' "$2"; then
		fail "$1: ttrace's messages in the trace file:"
		sed 's/^/	| /' "$2"
	fi
}

# A command that cannot be run: ttrace says so after opening the trace.
timeout -k 2 "$TT_LIMIT" "$TTRACE" -o "$W/t1" -- "$W/no/such/prog" 2>&-
TT_RC=$?
expect_rc "2>&-" 127
no_msg "2>&-" "$W/t1"

timeout -k 2 "$TT_LIMIT" "$TTRACE" -o "$W/t2" -- "$W/no/such/prog" >&- 2>&-
TT_RC=$?
expect_rc ">&- 2>&-" 127
no_msg ">&- 2>&-" "$W/t2"

timeout -k 2 "$TT_LIMIT" "$TTRACE" -o "$W/t3" -- "$W/no/such/prog" <&- 2>&-
TT_RC=$?
expect_rc "<&- 2>&-" 127
no_msg "<&- 2>&-" "$W/t3"

# The command sees its standard descriptors as ttrace was given them.
fds='s=; for f in 0 1 2; do if [ -e /proc/$$/fd/$f ]; then s="$s$f open;"; else s="$s$f closed;"; fi; done; echo "$s" >"$1"'
timeout -k 2 "$TT_LIMIT" "$TTRACE" -o "$W/t4" -- sh -c "$fds" sh "$W/fds4" 2>&-
TT_RC=$?
expect_rc "cmd 2>&-" 0
echo "0 open;1 open;2 closed;" >"$W/fds4.want"
expect_same "cmd 2>&-" "$W/fds4.want" "$W/fds4"
no_msg "cmd 2>&-" "$W/t4"

timeout -k 2 "$TT_LIMIT" "$TTRACE" -o "$W/t7" -- sh -c "$fds" sh "$W/fds7" <&-
TT_RC=$?
expect_rc "cmd <&-" 0
echo "0 closed;1 open;2 open;" >"$W/fds7.want"
expect_same "cmd <&-" "$W/fds7.want" "$W/fds7"
no_msg "cmd <&-" "$W/t7"

timeout -k 2 "$TT_LIMIT" "$TTRACE" -o "$W/t5" -- sh -c "$fds" sh "$W/fds5" <&- >&- 2>&-
TT_RC=$?
expect_rc "cmd <&- >&- 2>&-" 0
echo "0 closed;1 closed;2 closed;" >"$W/fds5.want"
expect_same "cmd <&- >&- 2>&-" "$W/fds5.want" "$W/fds5"
no_msg "cmd <&- >&- 2>&-" "$W/t5"

# -p: "Process N attached" and "... detached" are messages too.
tt_start_sleeper -n 0 -s 50000000
timeout -k 2 "$TT_LIMIT" "$TTRACE" -o "$W/t6" -p "$HPID" 2>&- &
TT_TIMEOUT_PID=$!
tt_track "$TT_TIMEOUT_PID"
tt_poll 5 tt_find_ttrace || harness_error "-p 2>&-: ttrace did not start"
tt_track "$TT_PID"
tt_poll 5 tt_traced_by "$HPID" "$TT_PID" || fail "-p 2>&-: not attached"
sleep 0.3	# a few sleeps traced
kill -INT "$TT_PID"
tt_wait_ttrace
expect_rc "-p 2>&-" 0
no_msg "-p 2>&-" "$W/t6"
grep -q 'clock_nanosleep(' "$W/t6" || fail "-p 2>&-: no call traced"
tt_untraced "$HPID" || fail "-p 2>&-: the sleeper is still traced"
tt_done
