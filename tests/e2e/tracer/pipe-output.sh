#!/bin/sh
# -o '|COMMAND' and -o '!COMMAND': the trace piped into /bin/sh -c COMMAND,
# as strace does (every line with its thread id, as with -o FILE).  ttrace
# waits for the command before it exits, so nothing of it is left behind
# and its output is complete; a command that cannot be run, fails or is
# killed is named, with what it means for the trace.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

SL='clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0'

# The trace reaches the command whole, with the -o prefix; the command
# (slow to start reading) is done when ttrace returns: its pid is gone.
for c in '|' '!'; do
	n=pipe$( [ "$c" = '|' ] && echo bar || echo bang)
	tt_run "$n" -o "${c}echo \$\$ >'$W/$n.shpid'; sleep 0.3; cat >'$W/$n.trace'" -- "$H/sleeper" -n 2 -s 1000 -l "$W/$n.log"
	expect_result "$n" 0
	p=$(tt_file_prefix "$(tt_log_pids "$W/$n.log")")
	printf '%s\n' "$p$SL" "$p$SL" "$p+++ exited with 0 +++" >"$W/$n.want"
	expect_same "$n: the trace in the command" "$W/$n.want" "$W/$n.trace"
	shpid=$(cat "$W/$n.shpid")
	[ -n "$shpid" ] && [ ! -e "/proc/$shpid" ] ||
		fail "$n: the command's shell $shpid outlived ttrace"
done

# A command that is not there: the shell says so, ttrace says the trace is
# lost, and exits 1.
tt_run missing -o '|no-such-command-here' -- "$H/sleeper" -n 1 -s 1000
expect_rc missing 1
expect_match "missing: the shell's message" "$W/missing.err" ".*no-such-command-here.*not found"
expect_line "missing: ttrace's" "$W/missing.err" \
	"ttrace: the command 'no-such-command-here', which the trace was written to, could not be run (the shell's exit status 127): the trace is lost"

# A command that exits before reading: the write fails, named, then its
# status; ttrace exits 1 (the trace was not written).  The one line comes
# at the end of a 300 ms sleep: the command has exited by then (a line
# written before would sit in the pipe's buffer, and no write would fail).
tt_run early -o '|exit 3' -- "$H/sleeper" -n 1 -s 300000000
expect_result early 1 \
	"ttrace: cannot write the trace to the command 'exit 3': Broken pipe" \
	"ttrace: the command 'exit 3', which the trace was written to, exited with status 3"

# A command that read the whole trace and exits non-zero (grep without a
# match): said, but the trace was written: the command's status stands.
tt_run nomatch -o '|grep -q no-such-call' -- "$H/sleeper" -n 1 -s 1000
expect_result nomatch 0 \
	"ttrace: the command 'grep -q no-such-call', which the trace was written to, exited with status 1"

# Killed: said, exit status 1.
tt_run killed -o '|cat >/dev/null; kill -KILL $$' -- "$H/sleeper" -n 1 -s 1000
expect_result killed 1 \
	"ttrace: the command 'cat >/dev/null; kill -KILL \$\$', which the trace was written to, was killed by signal 9 (Killed)"

# The traced command does not inherit the pipe: it has the descriptors
# it has untraced.
ls /proc/self/fd >"$W/fds.want"
tt_run fds -o '|cat >/dev/null' -- ls /proc/self/fd
expect_rc fds 0
expect_same "fds: the command's descriptors" "$W/fds.want" "$W/fds.out"

tt_done
