#!/bin/sh
# Writes the seed corpus of each fuzz target into tests/fuzz/corpus/NAME/
# (run from the source tree: sh tests/fuzz/mkcorpus.sh).  The layouts are
# described at the top of each tests/fuzz/fuzz_NAME.c.
set -e
cd "$(dirname "$0")/corpus"

# le VALUE BYTES: VALUE little-endian (shell arithmetic: 64-bit)
le() {
	v=$1 i=0
	while [ "$i" -lt "$2" ]; do
		printf "\\$(printf %03o $((v & 255)))"
		v=$((v >> 8)) i=$((i + 1))
	done
}
u8() { le "$1" 1; }
u64() { le "$1" 8; }
zeros() { le 0 "$1"; }
regs() { for r in "$@"; do u64 "$r"; done; }
# a readable timespec (64-bit) / old_timespec32 / itimerspec of either
ts64() { u8 1; u64 "$1"; u64 "$2"; }
ts32() { u8 1; le "$1" 4; le "$2" 4; }
its64() { u8 1; u64 "$1"; u64 "$2"; u64 "$3"; u64 "$4"; }
its32() { u8 1; le "$1" 4; le "$2" 4; le "$3" 4; le "$4" 4; }
# an event: OP USEC
ev() { u8 "$1"; le "$2" 2; }

# --- decode_render: opts, then events (see fuzz_decode_render.c) --------
# ABI 0 x86_64 rows: 0 restart_syscall, 1 timer_settime,
#   2 clock_nanosleep, 3 timerfd_settime;
# ABI 1 i386: 0 restart_syscall, 1 timer_settime32,
#   2 clock_nanosleep_time32, 3 timerfd_settime32,
#   4 clock_nanosleep_time64, 5 timer_settime64, 6 timerfd_settime64.
d=decode_render
mkdir -p $d
{
	# -T; a relative sleep interrupted (rmtp written), its rqtp changed
	# meanwhile; SIGALRM; restart_syscall resumes it; the thread exits
	u8 8
	ev 0 0; u8 0; u8 2; regs 1 0 4096 8192 0 0; ts64 1 500000000
	ev 0 100; u64 -516; ts64 0 400000000; ts64 2 500000000
	ev 2 5; le 14 4; zeros 4; le 128 4; zeros 116
	ev 0 5; u8 0; u8 0; regs 0 0 0 0 0 0
	ev 0 400; u64 0; ts64 2 500000000
	ev 4 1; le 0 4
} >$d/sleep-restart
{
	# i386 timer_settime64: tv_nsec with padding, another thread's
	# group-stop in the middle, the padding rewritten before the exit
	u8 0
	ev 0 0; u8 1; u8 5; regs 3 1 4096 8192 0 0
	its64 0 $((0x100000005)) 5 0
	ev 11 3; u8 19
	ev 0 9; u64 0; its64 0 0 0 0; its64 0 $((0x200000005)) 5 0
	ev 12 1; le 9 4
} >$d/settime64-padding
{
	# -tt -r: timerfd_settime on FUZZ_TFD (interval {1, 5} in fdinfo)
	# with another interval; then detached
	u8 6
	ev 0 0; u8 0; u8 3; regs 100 0 4096 0 0 0; its64 2 0 10 0
	ev 0 7; u64 0; its64 2 0 10 0
	ev 6 1
} >$d/timerfd-armed
{
	# -p: blocked in clock_nanosleep_time32, restart_syscall; an
	# untraced call (getpid); an ABI change; -ttt -p
	u8 131
	ev 7 0; u8 1; u8 2; regs 0 0 4096 8192 0 0
	ev 0 1; u8 1; u8 0; regs 0 0 0 0 0 0
	ev 0 1; u64 $((0xfffffdfc))
	ev 0 1; u8 0; u8 240; le 39 4; regs 0 0 0 0 0 0
	ev 0 1; u64 1234
	ev 0 1; u8 1; u8 4; regs 1 0 4096 0 0 0; ts64 0 $((0x7fffffff00000001))
	ev 5 2; le 4321 4
} >$d/attach-blocked
{
	# i386 timerfd_settime32: input unreadable, EINVAL; -qq; a
	# SIGCHLD siginfo; killed by SIGKILL with a call open
	u8 48
	ev 0 0; u8 1; u8 3; regs 5 3 4096 8192 0 0; u8 0
	ev 0 1; u64 -22
	ev 2 1; le 17 4; zeros 4; le 1 4; zeros 4; le 77 4; le 0 4; le 3 4; zeros 100
	ev 0 1; u8 1; u8 1; regs 0 0 0 0 0 0
	ev 4 1; le 9 4
} >$d/timerfd32-einval

# --- value_tree: ABI, row, then ops (see fuzz_value_tree.c) -------------
d=value_tree
mkdir -p $d
# timer_settime: a struct under new_setting, fields, paths
printf '\000\001\025\002\045\006\105\006\146\010\020\146\010\003\002' >$d/fields
# restart_syscall (no arguments): detached trees, notes, short buffers
printf '\001\000\000\377\020\006\021\006\062\007\001\063\007\002\003\010' >$d/detached
# many values: the pool fills up
i=0; while [ $i -lt 60 ]; do printf '\005\000'; i=$((i + 1)); done >$d/full
printf '\002\007\006\010\200' >>$d/full

# --- proc_parsers: which, then the text (see fuzz_proc_parsers.c) -------
d=proc_parsers
mkdir -p $d
printf '\000pos:\t0\nflags:\t02000002\nmnt_id:\t15\nino:\t1057\nclockid: 1\nticks: 0\nsettime flags: 01\nit_value: (0, 999)\nit_interval: (1, 5)\n' >$d/fdinfo
printf '\001230 0x1 0x0 0x7ffd7e1c2a30 0x0 0x0 0x0 0x7ffd7e1c2a18 0x7f3b1c4e1e2a\n' >$d/syscall-blocked
printf '\001running\n' >$d/syscall-running
printf '\002Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t42\nPid:\t42\nPPid:\t1\nTracerPid:\t4242\nUid:\t0\t0\t0\t0\n' >$d/status-tracerpid
printf '\004ID: 0\nsignal: 14/0000000000000000\nnotify: signal/pid.42\nClockID: 1\nID: 1\nsignal: 12/0000000000001234\nnotify: none/tid.43\nClockID: -6\n' >$d/timers
printf '\003SigQ:\t0/63502\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000001000\nSigCgt:\t0000000180004002\n' >$d/status-sigcgt

# --- options: arguments separated by NUL (see fuzz_options.c) -----------
d=options
mkdir -p $d
printf -- '-tt\000-T\000-o\000trace.txt\000--\000sleep\0001' >$d/command
printf -- '-e\000trace=clock_nanosleep,timer_settime64\000-p\000123,456' >$d/attach
printf -- '--toctou=off\000--seccomp=on\000--toctou-fail\000-qq\000-r\000-f\000true' >$d/long
printf -- '-e\000trace=,\000-x' >$d/errors
printf -- '--help' >$d/help
printf -- '--diff\000--max-lateness=p50:1ms,p99:2us,3ms\000--check-report=r.json\000old.json\000new.json' >$d/diff
printf -- '--check=base.json\000--max-lateness=p90:1ms\000--junit=j.xml\000--check-report=r.json\000--\000true' >$d/check
