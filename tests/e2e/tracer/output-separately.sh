#!/bin/sh
# -ff -o FILE: a file per thread, FILE.TID, as strace writes them: every
# thread's and child's lines in its own file without the tid column, a
# call never cut by other threads' lines, the execve of a thread other
# than the leader as strace files it; each file made by the rules of
# every output (a symlink followed, a directory refused).  -ff without -o
# is -f; with -c or a pipe it is a usage error.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# A thread, a forked child and a vfork child that execs, one after the
# other: each has a file of its own.
tt_run family -ff -o "$W/fam" -e trace=clock_nanosleep -- "$H/family" "$H/sleeper" -n 1 -s 6000
expect_rc family 0
expect_empty "family: stderr" "$W/family.err"
set -- $(awk '{ print $2 }' "$W/family.out")
thread=$1 fork=$2 vfork=$3
main=$(ls "$W" | sed -n 's/^fam\.\([0-9]*\)$/\1/p' | sort -n | head -n 1)
files=$(ls "$W" | grep -c '^fam\.')
[ "$files" = 4 ] || fail "family: $files files, expected 4: $(ls "$W")"
sigchld() {
	echo "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=$1, si_uid=$(id -u), si_status=$2, si_utime=N, si_stime=N} ---"
}
{
	echo "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0"
	echo "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=3000}, NULL) = 0"
	sigchld "$fork" 5
	echo "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=5000}, NULL) = 0"
	sigchld "$vfork" 0
	echo "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=7000}, NULL) = 0"
	echo "+++ exited with 0 +++"
} >"$W/main.want"
tt_times_n "$W/fam.$main" >"$W/main.got"
expect_same "family: the main thread's file" "$W/main.want" "$W/main.got"
printf '%s\n' "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=2000}, NULL) = 0" \
	"+++ exited with 0 +++" >"$W/thread.want"
expect_same "family: the thread's file" "$W/thread.want" "$W/fam.$thread"
printf '%s\n' "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=4000}, NULL) = 0" \
	"+++ exited with 5 +++" >"$W/fork.want"
expect_same "family: the forked child's file" "$W/fork.want" "$W/fam.$fork"
printf '%s\n' "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=6000}, NULL) = 0" \
	"+++ exited with 0 +++" >"$W/vfork.want"
expect_same "family: the vfork child's file" "$W/vfork.want" "$W/fam.$vfork"

# Four threads sleeping at once: every call whole on one line of its
# thread's file (with one file they would cut each other's lines).
tt_run threads -ff -o "$W/thr" -- "$H/sleeper" -t 4 -n 20 -s 100000
expect_rc threads 0
[ "$(ls "$W" | grep -c '^thr\.')" = 4 ] || fail "threads: not 4 files: $(ls "$W")"
for f in "$W"/thr.*; do
	expect_count "threads: $f" "$f" 20 'clock_nanosleep\(CLOCK_MONOTONIC, 0, \{tv_sec=0, tv_nsec=100000\}, NULL\) += 0'
	grep -q 'unfinished\|resumed' "$f" && fail "threads: a cut line in $f"
	expect_last "threads: $f" "$f" "+++ exited with 0 +++"
done

# A thread other than the leader execs: as strace, the leader's file has
# its call that never returns and the superseded line, then the new
# program's; the exec'ing thread's file its calls before the execve.
tt_run threxec -ff -o "$W/te" -- "$H/threxec" "$H/sleeper" -n 1 -s 7000
expect_rc threxec 0
sleeper=$(sed -n 's/^sleeper //p' "$W/threxec.out")
execer=$(sed -n 's/^execer //p' "$W/threxec.out")
leader=$(ls "$W" | sed -n 's/^te\.\([0-9]*\)$/\1/p' | grep -vx "$sleeper" | grep -vx "$execer")
printf '%s\n' "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=5, tv_nsec=0},  <unfinished ...>) = ?" \
	"+++ superseded by execve in pid $execer +++" \
	"clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=7000}, NULL) = 0" \
	"+++ exited with 0 +++" >"$W/leader.want"
expect_same "threxec: the leader's file" "$W/leader.want" "$W/te.$leader"
printf '%s\n' "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=5, tv_nsec=0},  <unfinished ...>) = ?" \
	"+++ exited with 0 +++" >"$W/sleeper.want"
expect_same "threxec: the sleeping thread's file" "$W/sleeper.want" "$W/te.$sleeper"
printf '%s\n' "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=20000000}, NULL) = 0" \
	>"$W/execer.want"
expect_same "threxec: the exec'ing thread's file" "$W/execer.want" "$W/te.$execer"

# FILE.TID goes by the rules of every output: an old file is truncated, a
# symlink is followed (the link stays), a directory in its place is
# refused, named.  The command makes its own file's name before it execs
# the program that writes to it: sh -c '... FILE.$$ && exec PROG'.
mkdir "$W/d"
echo "an old line" >"$W/d/target"
SL='clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=3000}, NULL) = 0'
for k in old link dir; do
	case $k in
	old) make="echo an old line >'$W/d/$k.'\$\$" ;;
	link) make="ln -s target '$W/d/$k.'\$\$" ;;
	dir) make="mkdir '$W/d/$k.'\$\$" ;;
	esac
	tt_run "$k" -ff -o "$W/d/$k" -- sh -c "$make && exec '$H/sleeper' -n 1 -s 3000"
	pid=$(ls "$W/d" | sed -n "s/^$k\.\([0-9]*\)\$/\1/p" | head -n 1)
	[ -n "$pid" ] || { fail "$k: no file $W/d/$k.PID: $(ls "$W/d")"; continue; }
	case $k in
	old)
		expect_rc old 0
		printf '%s\n' "$SL" "+++ exited with 0 +++" >"$W/old.want"
		expect_same "old: truncated, then written" "$W/old.want" "$W/d/old.$pid" ;;
	link)
		expect_rc link 0
		[ -L "$W/d/link.$pid" ] || fail "link: the symlink was replaced"
		printf '%s\n' "$SL" "+++ exited with 0 +++" >"$W/link.want"
		# (the shell's SIGCHLD from ln comes first)
		grep -v '^--- SIGCHLD ' "$W/d/target" >"$W/link.got"
		expect_same "link: the target written" "$W/link.want" "$W/link.got" ;;
	dir)
		expect_rc dir 1
		expect_line "dir: the refused file is named" "$W/dir.err" \
			"ttrace: cannot write the trace to $W/d/dir.$pid: Is a directory"
		[ -d "$W/d/dir.$pid" ] || fail "dir: the directory is gone" ;;
	esac
done

# The directory of FILE must exist before anything starts.
tt_run nodir -ff -o "$W/missing/t" -- "$H/sleeper" -l "$W/nodir.log"
expect_result nodir 1 "ttrace: cannot write the trace to '$W/missing/t': No such file or directory"
[ ! -e "$W/nodir.log" ] || fail "nodir: the command ran"

# -ff without -o: as -f, the trace on stderr.
tt_run noo -ff -- "$H/sleeper" -n 1 -s 1000
expect_rc noo 0
expect_line "noo: the trace on stderr" "$W/noo.err" "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0"

# --output-separately is -ff.
tt_run long --output-separately -o "$W/long" -- "$H/sleeper" -n 1 -s 1000
expect_rc long 0
[ "$(ls "$W" | grep -c '^long\.[0-9]*$')" = 1 ] || fail "long: $(ls "$W")"

tt_done
