#!/bin/sh
# Bad command lines and commands that cannot be traced: the exact message,
# the exit status (2 usage, 1 runtime, 127 not found, 126 not runnable),
# nothing on stdout, nothing started, nothing left attached.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

TRY="Try 'ttrace --help' for more information."
MARK=$W/ran

# usage NAME ARGS...: ttrace ARGS is a usage error that starts nothing.
usage() {
	tt_run "$@" -- touch "$MARK"
	[ ! -e "$MARK" ] || fail "$1: the command ran"
}

tt_run noargs
expect_result noargs 2 "ttrace: must have COMMAND [ARGS...] or -p PID" "$TRY"

usage badopt -Z
expect_result badopt 2 "ttrace: invalid option -- 'Z'" "$TRY"

usage badlong --bogus
expect_result badlong 2 "ttrace: unrecognized option '--bogus'" "$TRY"

tt_run noarg -o
expect_result noarg 2 "ttrace: option requires an argument -- 'o'" "$TRY"

SYSCALLS="ttrace traces the timer calls (%timer: timer_*, timerfd_*, clock_*, nanosleep, setitimer, getitimer, alarm, restart_syscall; %sleep: the sleeps; read: reads of timerfds), each name in every ABI variant"
usage badcall -e trace=nosuchcall
expect_result badcall 2 "ttrace: invalid system call 'nosuchcall': $SYSCALLS" "$TRY"

usage badcall2 -e trace=clock_nanosleep,bogus
expect_result badcall2 2 "ttrace: invalid system call 'bogus': $SYSCALLS" "$TRY"

usage badexpr -e signal=none
expect_result badexpr 2 \
	"ttrace: unsupported -e expression 'signal=none' (ttrace knows trace=NAMES)" "$TRY"

usage emptyexpr -e trace=
expect_result emptyexpr 2 "ttrace: -e trace= needs at least one name" "$TRY"

tt_run badpid -p notapid
expect_result badpid 2 "ttrace: invalid process id: 'notapid'" "$TRY"

tt_run zeropid -p 0
expect_result zeropid 2 "ttrace: invalid process id: '0'" "$TRY"

tt_run badpid2 -p 1,x2
expect_result badpid2 2 "ttrace: invalid process id: 'x2'" "$TRY"

usage pidandcmd -p 1
expect_result pidandcmd 2 "ttrace: -p and a COMMAND cannot be combined" "$TRY"

tt_run nopid -p 99999999
expect_result nopid 1 "ttrace: cannot attach to process 99999999: no such process"

# ttrace cannot know its pid beforehand: a shell execs it with its own.
timeout -k 2 "$TT_LIMIT" sh -c 'echo "pid $$"; exec "$1" -p $$ 2>&1' sh "$TTRACE" \
	>"$W/self.all"
TT_RC=$?
expect_rc self 1
SELF=$(sed -n 's/^pid //p' "$W/self.all")
[ -n "$SELF" ] || fail "self: no pid"
expect_line self "$W/self.all" "ttrace: cannot attach to process $SELF: it is ttrace itself"

# The output must be writable before the command starts.
usage outdir -o /
expect_result outdir 1 "ttrace: cannot write the trace to '/': Is a directory"

usage outmissing -o /nonexistent/x
expect_result outmissing 1 \
	"ttrace: cannot write the trace to '/nonexistent/x': No such file or directory"

# Commands that cannot run: named, 127 or 126, as a shell would.
tt_run notfound -- ttrace-no-such-program arg
expect_result notfound 127 "ttrace: cannot run 'ttrace-no-such-program': command not found"

tt_run notfound2 -- "$W/no-such-file"
expect_result notfound2 127 "ttrace: cannot run '$W/no-such-file': No such file or directory"

echo 'touch "$0.ran"' >"$W/plain"
chmod 644 "$W/plain"
tt_run noexec -- "$W/plain"
expect_result noexec 126 "ttrace: cannot run '$W/plain': Permission denied"

PATH=$W:$PATH tt_run noexec2 -- plain
expect_result noexec2 126 "ttrace: cannot run 'plain': Permission denied"
[ ! -e "$W/plain.ran" ] || fail "noexec: the file ran"

tt_run isdir -- "$W"
expect_result isdir 126 "ttrace: cannot run '$W': Is a directory"

# Help and version go to stdout, status 0.
tt_run help --help
expect_rc help 0
expect_empty "help: stderr" "$W/help.err"
expect_line help "$W/help.out" "Usage: ttrace [OPTIONS] [--] COMMAND [ARGS...]"

tt_run version -V
expect_rc version 0
expect_match version "$W/version.out" "ttrace [0-9]+\.[0-9]+.*"

tt_done
