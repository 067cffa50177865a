#!/bin/sh
# Without -e, ttrace shows a wait only when it carries a finite timeout,
# and its seccomp filter stops the tracee only at those: helpers/waits
# makes N polls of each kind on a ready pipe (poll -1, 0 and 5 ms, ppoll
# NULL and a second) and counts its voluntary context switches, which a
# ptrace stop is one of.  By default the untimed ones are neither shown
# nor stopped at; named with -e, every call is shown and stopped at.
# Without the filter (--seccomp=off, as under -p) every call stops, and
# the same lines are shown, as they are through the register-set path
# (TTRACE_NO_SYSCALL_INFO) and the PTRACE_PEEKDATA reads
# (TTRACE_NO_VM_READV).  The i386 build too, where i386 runs.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

N=100
# The modes pass (tests/modes.mk) may run every ttrace --seccomp=off.
case " ${TT_TTRACE_OPTS:-} " in
*" --seccomp=off "*) nofilter=1 ;;
*) nofilter= ;;
esac

POLLFD='\[\{fd=[0-9]+, events=POLLIN\}\], 1'
READY='= 1 \(\[\{fd=[0-9]+, revents=POLLIN\}\]'
SECOND='\{tv_sec=1, tv_nsec=0\}, NULL, 8'

# run NAME PROG TTRACE_OPTION...: ttrace -o NAME.trace ... PROG N; its
# trace without the pid column and the time ppoll left, in NAME.lines.
run() {
	_name=$1
	_prog=$2
	shift 2
	tt_run "$_name" -o "$W/$_name.trace" "$@" -- "$_prog" "$N"
	expect_rc "$_name" 0
	expect_empty "$_name: stderr" "$W/$_name.err"
	sed -e 's/^[0-9]* *//' -e 's/, left {[^}]*}//' "$W/$_name.trace" \
		>"$W/$_name.lines"
}

# shown NAME COUNT_UNTIMED: the trace NAME has N lines of each timed
# call and COUNT_UNTIMED of each untimed one.
shown() {
	expect_count "$1" "$W/$1.trace" "$N" "[0-9]+ +poll\($POLLFD, 0\) +$READY\)"
	expect_count "$1" "$W/$1.trace" "$N" "[0-9]+ +poll\($POLLFD, 5\) +$READY\)"
	expect_count "$1" "$W/$1.trace" "$N" \
		"[0-9]+ +ppoll\($POLLFD, $SECOND\) +$READY, left \{tv_sec=[01], tv_nsec=[0-9]+\}\)"
	expect_count "$1" "$W/$1.trace" "$2" "[0-9]+ +poll\($POLLFD, -1\) +$READY\)"
	expect_count "$1" "$W/$1.trace" "$2" "[0-9]+ +ppoll\($POLLFD, NULL, NULL, 8\) +$READY\)"
}

# stops NAME KIND yes|no: the helper's N calls of KIND were each stopped
# at (N switches or more) or not (a fifth of that at most).
stops() {
	_sw=$(sed -n "s/^$2 //p" "$W/$1.out")
	[ -n "$_sw" ] || { fail "$1: no count for $2"; return; }
	if [ "$3" = yes ]; then
		[ "$_sw" -ge "$N" ] ||
			fail "$1: $2: $_sw switches in $N calls: not stopped at"
	else
		[ "$_sw" -le $((N / 5)) ] ||
			fail "$1: $2: $_sw switches in $N calls: stopped at"
	fi
}

# untimed NAME: the stops of the calls without a timeout, by the mode.
untimed() {
	_want=no
	[ -z "$nofilter" ] || _want=yes
	stops "$1" poll-1 "$_want"
	stops "$1" ppoll-null "$_want"
}

timed() {
	stops "$1" poll0 yes
	stops "$1" poll5 yes
	stops "$1" ppoll-ts yes
}

"$H/waits" "$N" >"$W/untraced.out" || harness_error "waits failed untraced"
for k in poll-1 poll0 poll5 ppoll-null ppoll-ts; do
	stops untraced "$k" no
done

run default "$H/waits"
shown default 0
untimed default
timed default

run named "$H/waits" -e trace=poll,ppoll
shown named "$N"
for k in poll-1 poll0 poll5 ppoll-null ppoll-ts; do
	stops named "$k" yes
done

run off "$H/waits" --seccomp=off
shown off 0
nofilter=1 untimed off
timed off
expect_same "off: the lines" "$W/default.lines" "$W/off.lines"

TTRACE_NO_SYSCALL_INFO=1 run regs "$H/waits"
untimed regs
timed regs
expect_same "regs: the lines" "$W/default.lines" "$W/regs.lines"

TTRACE_NO_VM_READV=1 run peek "$H/waits"
untimed peek
timed peek
expect_same "peek: the lines" "$W/default.lines" "$W/peek.lines"

if i386_runs && [ -x "$H/waits32" ]; then
	run i386 "$H/waits32"
	untimed i386
	timed i386
	sed 's/^ppoll(/ppoll_time32(/' "$W/default.lines" >"$W/i386.want"
	expect_same "i386: the lines" "$W/i386.want" "$W/i386.lines"
else
	echo "(no i386 run: no -m32 build, or IA-32 emulation is off)"
fi

tt_done
