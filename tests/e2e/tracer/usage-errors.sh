#!/bin/sh
# Bad command lines (two outputs on one file among them) and commands that
# cannot be traced: the exact message,
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

usage badopt -j
expect_result badopt 2 "ttrace: invalid option -- 'j'" "$TRY"

usage badlong --bogus
expect_result badlong 2 "ttrace: unrecognized option '--bogus'" "$TRY"

tt_run noarg -o
expect_result noarg 2 "ttrace: option requires an argument -- 'o'" "$TRY"

# The classes' lists, as --help gives them (tests/unit/check_options.c
# checks the help's lists against the tables): the error lists the same.
HELP=$("$TTRACE" --help | tr '\n' ' ' | tr -s ' ')
list_after() {	# TEXT-BEFORE TEXT-AFTER: the help's text between them
	printf '%s\n' "$HELP" | sed -n "s/.*$1 \([^.;]*\)$2.*/\1/p"
}
TIMERS=$(list_after "in strace's format:" '\.')
SLEEPS=$(list_after "The sleeps, %sleep:" '\.')
WAITS=$(list_after "The waits, %wait:" ';')
[ -n "$TIMERS" ] && [ -n "$SLEEPS" ] && [ -n "$WAITS" ] ||
	harness_error "the help's lists of calls were not found: $HELP"
SYSCALLS="ttrace traces %timer ($TIMERS), %sleep ($SLEEPS), %wait ($WAITS) and read (of timerfds only); a family name selects every ABI variant, a variant's name just it (ttrace --list-calls)"
usage badcall -e trace=nosuchcall
expect_result badcall 2 "ttrace: invalid system call 'nosuchcall': $SYSCALLS" "$TRY"

usage badcall2 -e trace=clock_nanosleep,bogus
expect_result badcall2 2 "ttrace: invalid system call 'bogus': $SYSCALLS" "$TRY"

usage badexpr -e abbrev=none
expect_result badexpr 2 \
	"ttrace: unsupported -e expression 'abbrev=none' (ttrace knows trace=, status= and signal=)" "$TRY"

usage badstatus -e status=successful,finished
expect_result badstatus 2 "ttrace: invalid status 'finished'" "$TRY"

usage badsignal --signal=USR1,SIGFOO
expect_result badsignal 2 "ttrace: invalid signal 'SIGFOO'" "$TRY"

# --timestamps: the words its error lists are those of the help
ts_words() {	# KEY: the help's list of words after "KEY:", "a|b|c"
	printf '%s\n' "$HELP" | sed -n "s/.* $1:\([a-z]*|[a-z|]*[a-z]\).*/\1/p"
}
FORMATS=$(ts_words format)
PRECISIONS=$(ts_words precision)
CLOCKS=$(ts_words clock)
[ -n "$FORMATS" ] && [ -n "$PRECISIONS" ] && [ -n "$CLOCKS" ] ||
	harness_error "the help's --timestamps words were not found: $HELP"
TS_WORDS="format:$FORMATS, precision:$PRECISIONS, clock:$CLOCKS"
for bad in precision:ps format:foo clock:tai unix,tai format: ps; do
	usage ts-$bad --timestamps=$bad
	expect_result ts-$bad 2 \
		"ttrace: invalid --timestamps argument '${bad#unix,}' ($TS_WORDS)" "$TRY"
done
usage ts-and-t -tt --absolute-timestamps=unix
expect_result ts-and-t 2 \
	"ttrace: -t and --absolute-timestamps cannot be provided simultaneously" "$TRY"
usage ts-timeofday --timestamps=clock:monotonic,format:time
expect_result ts-timeofday 2 \
	"ttrace: --timestamps: clock:monotonic has no time of day (format:time); use format:unix for seconds since the clock's zero" "$TRY"

usage ffpipe -ff -o '|cat'
expect_result ffpipe 2 "ttrace: piping the output and -ff are mutually exclusive" "$TRY"

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

# Two outputs on one file: a usage error, by name, by a symlink, a hard
# link or another spelling of a file not there yet.  Any number of
# outputs may go to a character device.
usage same -o "$W/o" --timeline="$W/o"
expect_result same 2 "ttrace: -o '$W/o' and --timeline '$W/o' are the same file" "$TRY"
[ ! -e "$W/o" ] || fail "same: the file was created"

echo keep >"$W/real"
ln -s real "$W/alias"
ln "$W/real" "$W/hard"
usage samelink -o "$W/real" --profile="$W/alias"
expect_result samelink 2 "ttrace: -o '$W/real' and --profile '$W/alias' are the same file" "$TRY"
usage samehard --timeline="$W/hard" --profile="$W/real"
expect_result samehard 2 "ttrace: --timeline '$W/hard' and --profile '$W/real' are the same file" "$TRY"
usage samejunit --profile="$W/alias" --check="$W/real" --junit="$W/hard"
expect_result samejunit 2 "ttrace: --profile '$W/alias' and --junit '$W/hard' are the same file" "$TRY"
# A report written over the profile the check reads would lose it.
usage reportover --check="$W/real" --check-report="$W/hard"
expect_result reportover 2 "ttrace: --check-report '$W/hard' would overwrite the profile --check reads, '$W/real'" "$TRY"
[ "$(cat "$W/real")" = keep ] || fail "same: the file was changed"

mkdir "$W/sub"
usage samespelt --timeline="$W/new.json" --profile="$W/sub/../new.json"
expect_result samespelt 2 "ttrace: --timeline '$W/new.json' and --profile '$W/sub/../new.json' are the same file" "$TRY"
ln -s new.json "$W/newlink"
usage samedangling -o "$W/newlink" --timeline="$W/new.json"
expect_result samedangling 2 "ttrace: -o '$W/newlink' and --timeline '$W/new.json' are the same file" "$TRY"
[ ! -e "$W/new.json" ] || fail "samespelt: the file was created"

tt_run devnull -o /dev/null --timeline=/dev/null -- true
expect_result devnull 0
[ -c /dev/null ] || fail "devnull: /dev/null is no longer a character device"

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
expect_line help "$W/help.out" "       ttrace --diff [OPTIONS] OLD.json NEW.json"

# --list-calls: a line per row, status 0, nothing else.
tt_run listcalls --list-calls
expect_rc listcalls 0
expect_empty "listcalls: stderr" "$W/listcalls.err"
expect_line listcalls "$W/listcalls.out" "i386 409 timer_settime64 timer_settime %timer"
expect_line listcalls "$W/listcalls.out" "x86_64 230 clock_nanosleep clock_nanosleep %timer,%sleep"
expect_line listcalls "$W/listcalls.out" "x86_64 7 poll poll %wait"
expect_line listcalls "$W/listcalls.out" "x86_64 0 read read -"
grep -Evq '^(x86_64|i386) [0-9]+ [a-z0-9_]+ [a-z0-9_]+ (-|%[a-z]+(,%[a-z]+)*)$' "$W/listcalls.out" &&
	fail "listcalls: a line that is not ABI NR NAME FAMILY CLASSES"

tt_run version -V
expect_rc version 0
expect_match version "$W/version.out" "ttrace [0-9]+\.[0-9]+.*"

tt_done
