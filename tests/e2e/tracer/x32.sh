#!/bin/sh
# x32 is not traced.  A command that is an x32 program (ELFCLASS32 with
# EM_X86_64: a crafted header is enough, the check reads no more) is
# refused before anything runs, directly and through PATH: exit status 2,
# one line of text, no trace.  An x86_64 program's x32 call is not shown
# as an x86_64 one: the filter lets it run without a stop, and without
# the filter (--seccomp=off) ttrace says once that it is not shown.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# e_ident (ELFCLASS32, little-endian), e_type ET_EXEC, e_machine 62
printf '\177ELF\001\001\001\000\000\000\000\000\000\000\000\000\002\000\076\000\001\000\000\000' >"$W/x32prog"
chmod 755 "$W/x32prog"
tt_run x32 --json -o "$W/x32.jsonl" -- "$W/x32prog"
expect_result x32 2 "ttrace: cannot trace '$W/x32prog': it is an x32 program, and ttrace does not trace x32 (only x86_64 and i386)"
# nothing ran: the stream has its header and no event
[ "$(grep -vc '"type":"header"' "$W/x32.jsonl")" = 0 ] || fail "x32: events in the trace"
PATH=$W:$PATH tt_run x32path -- x32prog
expect_result x32path 2 "ttrace: cannot trace 'x32prog': it is an x32 program, and ttrace does not trace x32 (only x86_64 and i386)"

SLEEP="clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0"
# (in the suite's --seccomp=off pass there is no filter: calloff's case)
case " ${TT_TTRACE_OPTS:-} " in
*" --seccomp=off "*) ;;
*)	tt_run call -- "$H/x32call"
	expect_result call 0 "$SLEEP" "+++ exited with 0 +++" ;;
esac
tt_run calloff --seccomp=off -- "$H/x32call"
expect_rc calloff 0
sed 's/^ttrace: process [0-9]* /ttrace: process PID /' "$W/calloff.err" >"$W/calloff.got"
tt_lines "ttrace: process PID made an x32 system call (0x400000e6), and ttrace does not trace x32: its x32 calls are not shown" \
	"$SLEEP" "+++ exited with 0 +++" >"$W/calloff.want"
expect_same calloff "$W/calloff.want" "$W/calloff.got"

tt_done
