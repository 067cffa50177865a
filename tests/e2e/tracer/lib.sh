# Sourced by every tracer behaviour test: a scratch directory, the
# processes the test started (all killed on exit, whatever happens),
# bounded waits on /proc, and checks that count failures instead of
# stopping at the first one.
#
# The test driver gives TTRACE, TT_BUILDDIR, TT_SRCDIR and TT_HAVE_M32.
# Exit status: 0 pass, 1 fail, 77 skip, 99 harness error.

set -u

H=${TT_BUILDDIR:-.}/tests/e2e/helpers
TT_FAILS=0
TT_PIDS=
TT_NAME=${0##*/}

if [ -z "${TTRACE:-}" ] || [ ! -x "$TTRACE" ]; then
	echo "$TT_NAME: TTRACE is not set to the built ttrace" >&2
	exit 99
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/ttrace-${TT_NAME%.sh}.XXXXXX") || exit 99

# The machine's load: a few tests load it on purpose (hundreds of busy
# threads: fairness.sh, attach-churn.sh) and call tt_heavy; the others,
# which time signals against sleeps of a second or less, must not run
# beside them.  Every test holds a shared lock on one file of the build
# tree for its whole run; tt_heavy takes it exclusive (flock(1), from
# util-linux; without it, no lock).
TT_LOCK=${TT_BUILDDIR:-.}/tests/.load.lock
if command -v flock >/dev/null 2>&1 && { exec 8>>"$TT_LOCK"; } 2>/dev/null; then
	flock -s 8
	tt_heavy() {
		flock -x 8
	}
else
	tt_heavy() {
		:
	}
fi

# Every process a test starts or learns of; tt_cleanup kills them all.
tt_track() {
	TT_PIDS="$TT_PIDS $*"
}

tt_cleanup() {
	trap - EXIT INT TERM HUP
	for p in $TT_PIDS; do
		kill -KILL "$p" 2>/dev/null
	done
	wait 2>/dev/null
	if [ "$TT_FAILS" -eq 0 ] || [ -z "${TT_KEEP:-}" ]; then
		rm -rf "$W"
	else
		echo "(kept $W)"
	fi
}
trap 'tt_cleanup' EXIT
trap 'exit 99' INT TERM HUP

fail() {
	echo "FAIL: $*"
	TT_FAILS=$((TT_FAILS + 1))
}

skip() {
	echo "SKIP: $*"
	exit 77
}

harness_error() {
	echo "HARNESS ERROR: $*"
	exit 99
}

# The verdict, last thing in every test: first, whatever the test started
# that still runs must be untraced and not in a ptrace stop.
tt_done() {
	tt_check_free "at the end" $TT_PIDS
	if [ "$TT_FAILS" -eq 0 ]; then
		echo "PASS: $TT_NAME"
		exit 0
	fi
	echo "$TT_FAILS check(s) failed in $TT_NAME"
	exit 1
}

# tt_poll SECONDS COMMAND...: runs COMMAND every 10 ms until it succeeds
# (status 0) or SECONDS have passed (status 1).
tt_poll() {
	_end=$(($(date +%s%N) + $(echo "$1" | awk '{ printf "%d", $1 * 1e9 }')))
	shift
	until "$@"; do
		[ "$(date +%s%N)" -lt "$_end" ] || return 1
		sleep 0.01
	done
}

# i386_runs: true when i386 programs were built and this kernel runs them
# (a kernel built without IA-32 emulation, or booted with
# ia32_emulation=0, refuses them with ENOEXEC).
i386_runs() {
	[ "${TT_HAVE_M32:-no}" = yes ] && [ -x "$H/execchain32" ] &&
		"$H/execchain32" 0 >/dev/null 2>&1
}

# need_i386: skips the test unless i386 programs can be built and run.
need_i386() {
	[ "${TT_HAVE_M32:-no}" = yes ] ||
		skip "no -m32 toolchain: i386 helpers not built (install gcc-multilib)"
	[ -x "$H/execchain32" ] || harness_error "$H/execchain32 not built"
	i386_runs ||
		skip "i386 programs do not run: IA-32 emulation is off in this kernel"
}

# --- running ttrace ----------------------------------------------------

TT_LIMIT=20	# no single ttrace run may take longer (seconds)

# tt_run NAME ARGS...: runs ttrace ARGS in the foreground, stdout to
# $W/NAME.out, stderr to $W/NAME.err; its exit status in TT_RC.
tt_run() {
	_n=$1
	shift
	timeout -k 2 "$TT_LIMIT" "$TTRACE" ${TT_TTRACE_OPTS:-} "$@" >"$W/$_n.out" 2>"$W/$_n.err"
	TT_RC=$?
	[ "$TT_RC" -ne 124 ] || fail "$_n: ttrace $* did not finish in ${TT_LIMIT}s"
}

# tt_start NAME ARGS...: starts ttrace ARGS in the background (outputs as
# tt_run); TT_PID is ttrace's own pid, TT_TIMEOUT_PID the timeout's.
tt_start() {
	_n=$1
	shift
	timeout -k 2 "$TT_LIMIT" "$TTRACE" ${TT_TTRACE_OPTS:-} "$@" >"$W/$_n.out" 2>"$W/$_n.err" &
	TT_TIMEOUT_PID=$!
	tt_track "$TT_TIMEOUT_PID"
	TT_PID=
	tt_poll 5 tt_find_ttrace || harness_error "ttrace did not start"
	tt_track "$TT_PID"
}

tt_find_ttrace() {
	for _c in $(cat "/proc/$TT_TIMEOUT_PID/task/$TT_TIMEOUT_PID/children" 2>/dev/null); do
		if [ "$(cat "/proc/$_c/comm" 2>/dev/null)" = ttrace ]; then
			TT_PID=$_c
			return 0
		fi
	done
	return 1
}

# tt_wait_ttrace: waits for the background ttrace; its status in TT_RC.
tt_wait_ttrace() {
	{ wait "$TT_TIMEOUT_PID"; } 2>/dev/null
	TT_RC=$?
	[ "$TT_RC" -ne 124 ] || fail "ttrace did not finish in ${TT_LIMIT}s"
}

# tt_start_helper PROG ARGS...: starts a helper untraced, in the
# background; its pid in HPID.
tt_start_helper() {
	"$@" </dev/null &
	HPID=$!
	tt_track "$HPID"
}

# tt_start_sleeper ARGS...: starts $H/sleeper ARGS untraced and waits
# until all its threads sleep; its pid in HPID.
tt_start_sleeper() {
	tt_start_helper "$H/sleeper" "$@"
	tt_poll 5 tt_sleeping "$HPID" || harness_error "sleeper $* did not sleep"
}

# tt_wait_err NAME TEXT: waits until the background ttrace NAME wrote
# TEXT on stderr (unbuffered: the trace shows there as it happens).
tt_wait_err() {
	tt_poll 5 grep -qF -- "$2" "$W/$1.err" ||
		fail "$1: ttrace did not write '$2'"
}

tt_wait_attached() {
	tt_wait_err "$1" " attached"
}

# --- /proc ---------------------------------------------------------------

tt_status_field() {	# PID FIELD: the field's value, empty if gone
	sed -n "s/^$2:[[:space:]]*//p" "/proc/$1/status" 2>/dev/null
}

tt_tids() {		# PID: its threads
	ls "/proc/$1/task" 2>/dev/null
}

# tt_alive PID: exists and is not a zombie.
tt_alive() {
	_s=$(tt_status_field "$1" State)
	[ -n "$_s" ] && [ "${_s%% *}" != Z ] && [ "${_s%% *}" != X ]
}

tt_gone() {
	! tt_alive "$1"
}

# tt_in_syscall PID NR...: every thread of PID is blocked in one of the
# (x86_64) system calls NR.
tt_in_syscall() {
	_p=$1
	shift
	_any=
	for _t in $(tt_tids "$_p"); do
		read -r _nr _rest <"/proc/$_p/task/$_t/syscall" 2>/dev/null || return 1
		case " $* " in
		*" $_nr "*) ;;
		*) return 1 ;;
		esac
		_any=1
	done
	[ -n "$_any" ]
}

# tt_sleeping PID: every thread blocked in clock_nanosleep (230) or in the
# restart_syscall (219) that resumes it.
tt_sleeping() {
	tt_in_syscall "$1" 230 219
}

# tt_all_state PID LETTERS: every thread of PID is in a state whose letter
# is one of LETTERS (e.g. Tt: stopped, or stopped in a ptrace stop).
tt_all_state() {
	_any=
	for _t in $(tt_tids "$1"); do
		_s=$(sed -n 's/^State:[[:space:]]*//p' "/proc/$1/task/$_t/status" 2>/dev/null)
		case ${_s%% *} in
		["$2"]) ;;
		*) return 1 ;;
		esac
		_any=1
	done
	[ -n "$_any" ]
}

# tt_heartbeats LOG: how many sleeps all threads finished so far.
tt_heartbeats() {
	grep -c '^H ' "$1" 2>/dev/null
}

# tt_frozen WHAT PID LOG SECONDS: for SECONDS, PID's threads stay stopped
# and its sleeper log does not grow.
tt_frozen() {
	_h=$(tt_heartbeats "$3")
	_end=$(($(date +%s%N) + $(echo "$4" | awk '{ printf "%d", $1 * 1e9 }')))
	while [ "$(date +%s%N)" -lt "$_end" ]; do
		tt_all_state "$2" Tt || fail "$1: $2 is not stopped any more"
		sleep 0.05
	done
	[ "$(tt_heartbeats "$3")" = "$_h" ] || fail "$1: $2 went on sleeping while stopped"
}

# tt_beating WHAT LOG: the sleeper log grows again, within 10 s (a
# loaded machine under the sanitizers took more than 3).
tt_beating() {
	_h=$(tt_heartbeats "$2")
	tt_poll 10 tt_log_longer "$2" "$_h" || fail "$1: the sleeps did not go on"
}

tt_log_longer() {
	[ "$(tt_heartbeats "$1")" -gt "$2" ]
}

# tt_traced_by PID TRACER: every thread of PID is traced by TRACER.
tt_traced_by() {
	for _t in $(tt_tids "$1"); do
		[ "$(sed -n 's/^TracerPid:[[:space:]]*//p' "/proc/$1/task/$_t/status" 2>/dev/null)" = "$2" ] ||
			return 1
	done
}

tt_untraced() {
	tt_traced_by "$1" 0
}

# tt_err_longer NAME N: the background ttrace NAME wrote more than N
# clock_nanosleep lines on stderr.
tt_err_longer() {
	[ "$(grep -c clock_nanosleep "$W/$1.err")" -gt "$2" ]
}

# tt_check_free WHAT PID...: every thread of every PID that still exists
# is traced by nobody and not in a ptrace stop.
tt_check_free() {
	_what=$1
	shift
	for _p in "$@"; do
		for _t in $(tt_tids "$_p"); do
			_s=$(sed -n 's/^State:[[:space:]]*//p' "/proc/$_p/task/$_t/status" 2>/dev/null)
			_tr=$(sed -n 's/^TracerPid:[[:space:]]*//p' "/proc/$_p/task/$_t/status" 2>/dev/null)
			[ -n "$_s" ] || continue
			case $_s in
			t*) fail "$_what: thread $_t of $_p left in ptrace stop ($_s)" ;;
			esac
			[ "${_tr:-0}" = 0 ] ||
				fail "$_what: thread $_t of $_p still traced by $_tr"
		done
	done
}

# tt_log_pids LOG: the pids a sleeper -l LOG reported, once each.
tt_log_pids() {
	awk '$1 == "T" && !seen[$2]++ { print $2 }' "$1" 2>/dev/null
}

tt_log_tids() {
	awk '$1 == "T" { print $3 }' "$1" 2>/dev/null
}

# tt_log_two LOG, tt_log_four LOG: two (four) threads have started.
tt_log_two() {
	[ "$(tt_log_tids "$1" | wc -l)" -ge 2 ]
}

tt_log_four() {
	[ "$(tt_log_tids "$1" | wc -l)" -ge 4 ]
}

# tt_log_count LOG TID: the sleeps TID finished so far.
tt_log_count() {
	awk -v t="$2" '$1 == "H" && $3 == t { n++ } END { print n + 0 }' "$1" 2>/dev/null
}

# tt_log_grew LOG TID N: TID finished more than N sleeps.
tt_log_grew() {
	[ "$(tt_log_count "$1" "$2")" -gt "$3" ]
}

# --- checks ----------------------------------------------------------------

# expect_rc WHAT WANT: TT_RC is WANT.
expect_rc() {
	[ "$TT_RC" = "$2" ] || fail "$1: ttrace exit status $TT_RC, expected $2"
}

# expect_same WHAT EXPECTED_FILE ACTUAL_FILE: identical, else the diff.
expect_same() {
	if ! diff -u "$2" "$3" >"$W/diff" 2>&1; then
		fail "$1: output differs (expected ---, actual +++):"
		cat "$W/diff"
	fi
}

# expect_line WHAT FILE LINE: FILE has LINE exactly, as a whole line.
expect_line() {
	grep -qxF -- "$3" "$2" || {
		fail "$1: no line '$3' in:"
		sed 's/^/	| /' "$2"
	}
}

# expect_no_line WHAT FILE LINE
expect_no_line() {
	! grep -qxF -- "$3" "$2" || fail "$1: unexpected line '$3'"
}

# expect_match WHAT FILE ERE: some whole line of FILE matches ERE.
expect_match() {
	grep -qxE -- "$3" "$2" || {
		fail "$1: no line matching /$3/ in:"
		sed 's/^/	| /' "$2"
	}
}

# expect_count WHAT FILE N ERE: exactly N whole lines match ERE.
expect_count() {
	_c=$(grep -cxE -- "$4" "$2")
	[ "$_c" = "$3" ] || {
		fail "$1: $_c lines match /$4/, expected $3, in:"
		sed 's/^/	| /' "$2"
	}
}

# expect_empty WHAT FILE
expect_empty() {
	[ ! -s "$2" ] || {
		fail "$1: expected nothing, got:"
		sed 's/^/	| /' "$2"
	}
}

# ere STRING: STRING quoted for use inside an ERE.
ere() {
	printf '%s\n' "$1" | sed 's/[][\\.*^$+?(){}|/]/\\&/g'
}

# unsplit FILE: the trace with every "<unfinished ...>" line joined to
# its "<... NAME resumed>" line of the same thread (return value padded to
# column 40 again), so that checks do not depend on how threads
# interleaved.  Lines of a thread that never resumed are kept as they are.
unsplit() {
	awk '
	function key(line) {
		if (match(line, /^[0-9]+ +/) || match(line, /^\[pid +[0-9]+\] /))
			return substr(line, 1, RLENGTH)
		return ""
	}
	{
		k = key($0)
		body = substr($0, length(k) + 1)
		if (body ~ / <unfinished \.\.\.>$/ && body !~ /^<\.\.\. /) {
			if (k in open)	# never resumed: keep it as it was
				text[slot[k]] = k open[k] " <unfinished ...>"
			sub(/ <unfinished \.\.\.>$/, "", body)
			open[k] = body
			order[++n] = k
			slot[k] = n
			next
		}
		if ((k in open) && match(body, /^<\.\.\. [a-z_0-9]+ resumed>/)) {
			line = k open[k] substr(body, RLENGTH + 1)
			if (match(line, /\) += /))
				line = sprintf("%-39s %s", substr(line, 1, RSTART),
					       substr(line, RSTART + RLENGTH - 2))
			text[slot[k]] = line
			delete open[k]
			next
		}
		order[++n] = ""
		text[n] = $0
	}
	END {
		for (i = 1; i <= n; i++) {
			if (order[i] != "" && !(i in text))
				text[i] = order[i] open[order[i]] " <unfinished ...>"
			print text[i]
		}
	}' "$1"
}

# expect_sleeps WHAT JOINED TID N NSEC: in the unsplit trace JOINED,
# thread TID has N relative CLOCK_MONOTONIC sleeps of NSEC that ended with
# 0: directly, or through the restart_syscall resuming one a signal
# interrupted (one per interrupted sleep).
expect_sleeps() {
	_call="clock_nanosleep\(CLOCK_MONOTONIC, 0, \{tv_sec=0, tv_nsec=$5\}, NULL"
	_done=$(grep -cE "^$3 +($_call|restart_syscall\(<\.\.\. resuming interrupted clock_nanosleep \.\.\.>)\) += 0$" "$2")
	[ "$_done" = "$4" ] || fail "$1: thread $3: $_done sleeps ended with 0, not $4"
	# A restart_syscall is itself interrupted when a signal (SIGCONT, say)
	# is delivered while it sleeps: one more restart follows.
	_intr=$(grep -cE "^$3 +($_call|restart_syscall\(<\.\.\. resuming interrupted clock_nanosleep \.\.\.>)\) += \? ERESTART_RESTARTBLOCK \(Interrupted by signal\)$" "$2")
	_rest=$(grep -cE "^$3 +restart_syscall\(" "$2")
	[ "$_intr" = "$_rest" ] || fail "$1: thread $3: $_intr interrupted sleeps, $_rest restarts"
}

# expect_result NAME RC LINE...: the run tt_run/tt_wait_ttrace called
# NAME ended with status RC, wrote nothing on stdout, and exactly the
# LINEs on stderr.  expect_result_any_order: the LINEs in any order.
# expect_result_file NAME RC FILE: the lines are FILE's.
expect_result() {
	_n=$1
	_rc=$2
	shift 2
	tt_lines "$@" >"$W/$_n.want"
	tt_expect_result cat "$_n" "$_rc" "$W/$_n.want"
}

expect_result_any_order() {
	_n=$1
	_rc=$2
	shift 2
	tt_lines "$@" >"$W/$_n.want"
	tt_expect_result sort "$_n" "$_rc" "$W/$_n.want"
}

expect_result_file() {
	tt_expect_result cat "$@"
}

tt_lines() {
	[ $# -eq 0 ] || printf '%s\n' "$@"
}

tt_expect_result() {
	expect_rc "$2" "$3"
	expect_empty "$2: stdout" "$W/$2.out"
	$1 "$4" >"$W/$2.want.sorted"
	$1 "$W/$2.err" >"$W/$2.got"
	expect_same "$2: stderr" "$W/$2.want.sorted" "$W/$2.got"
}

# --- added for the fault suite (tests/e2e/faults) ---------------------------

# tt_child_named PARENT COMM: the pid of PARENT's child whose command name
# is COMM (e.g. once ttrace's command has exec'd), in TT_CHILD.
tt_child_named() {
	for _c in $(cat "/proc/$1/task/$1/children" 2>/dev/null); do
		if [ "$(cat "/proc/$_c/comm" 2>/dev/null)" = "$2" ]; then
			TT_CHILD=$_c
			return 0
		fi
	done
	return 1
}

# tt_start_cmd NAME COMM ARGS...: tt_start NAME ARGS, then waits until the
# command (named COMM once it exec'd) runs; its pid in CPID, tracked.
tt_start_cmd() {
	_n=$1
	_comm=$2
	shift 2
	tt_start "$_n" "$@"
	tt_poll 5 tt_child_named "$TT_PID" "$_comm" ||
		harness_error "$_n: the command $_comm did not start"
	CPID=$TT_CHILD
	tt_track "$CPID"
}

# tt_random N MAX: N random numbers in [0, MAX), 3 decimals, one a line.
tt_random() {
	awk -v n="$1" -v m="$2" 'BEGIN { srand(); for (i = 0; i < n; i++) printf "%.3f\n", rand() * m }'
}

# tt_elapsed_ms START_NS: milliseconds since START_NS ($(date +%s%N)).
tt_elapsed_ms() {
	echo $((($(date +%s%N) - $1) / 1000000))
}

# expect_all WHAT FILE ERE: every line of FILE matches ERE (and there is
# at least one).
expect_all() {
	[ -s "$2" ] || fail "$1: $2 is empty"
	! grep -vxE -- "$3" "$2" >"$W/notall" || {
		fail "$1: lines not matching /$3/:"
		sed 's/^/	| /' "$W/notall"
	}
}

# expect_last WHAT FILE LINE: LINE is the last line of FILE.
expect_last() {
	_l=$(tail -n 1 "$2")
	[ "$_l" = "$3" ] || fail "$1: last line '$_l', expected '$3'"
}

# tt_times_n FILE: FILE with the si_utime and si_stime of SIGCHLD lines
# replaced by N (they vary from run to run).
tt_times_n() {
	sed -E 's|si_utime=[0-9]+( /\* [0-9.]+ s \*/)?, si_stime=[0-9]+( /\* [0-9.]+ s \*/)?|si_utime=N, si_stime=N|' "$1"
}

# tt_file_prefix ID: the id column of a line in a -o FILE trace.
tt_file_prefix() {
	printf '%-5d ' "$1"
}

# tt_sigchld PID STATUS: the text of the SIGCHLD of PID exiting STATUS,
# with times as tt_times_n leaves them.
tt_sigchld() {
	echo "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=$1, si_uid=$(id -u), si_status=$2, si_utime=N, si_stime=N} ---"
}

# tt_each_beating WHAT LOG TID...: every TID finishes a sleep (an "H PID
# TID" line of LOG) from now on, within 3 s.
tt_each_beating() {
	_what=$1
	_log=$2
	shift 2
	_from=$(wc -l <"$_log")
	tt_poll 3 tt_each_beat_since "$_log" "$_from" "$@" ||
		fail "$_what: threads that stopped sleeping: $(tt_each_beat_since "$_log" "$_from" "$@" -v)"
}

tt_each_beat_since() {	# LOG FROM TID... [-v: print the missing]
	_log=$1
	_from=$2
	shift 2
	awk -v from="$_from" -v tids="$*" '
	NR > from && $1 == "H" { seen[$3] = 1 }
	END {
		n = split(tids, t, " ")
		for (i = 1; i <= n; i++)
			if (t[i] != "-v" && !(t[i] in seen)) {
				missing = missing " " t[i]; bad = 1
			}
		if (tids ~ /-v$/) print missing
		exit bad
	}' "$_log"
}

# tt_run_self NAME ARGS...: tt_run, but ttrace runs with the pid of a
# shell that execs it, and SELF in ARGS stands for that pid (in SELF).
tt_run_self() {
	_n=$1
	shift
	timeout -k 2 "$TT_LIMIT" sh -c '
		echo $$ >"$1"
		t=$2
		shift 2
		n=$#
		while [ $n -gt 0 ]; do
			a=$1
			shift
			set -- "$@" "$(printf "%s" "$a" | sed "s/SELF/$$/g")"
			n=$((n - 1))
		done
		exec "$t" "$@"' sh "$W/$_n.pid" "$TTRACE" "$@" >"$W/$_n.out" 2>"$W/$_n.err"
	TT_RC=$?
	SELF=$(cat "$W/$_n.pid")
}

# tt_has_zombie PID: PID has a zombie child, its pid in ZC.
tt_has_zombie() {
	for ZC in $(cat "/proc/$1/task/$1/children" 2>/dev/null); do
		case $(tt_status_field "$ZC" State) in
		Z*) return 0 ;;
		esac
	done
	return 1
}

# --- check reports (--junit, --check-report) --------------------------------

# tt_junit_fixed FILE: the JUnit XML with its times (which vary) as T.
tt_junit_fixed() {
	sed 's/time="[0-9]*\.[0-9][0-9][0-9]"/time="T"/g' "$1"
}

# tt_report_fixed FILE: the JSON check report with its wall time as 0.
tt_report_fixed() {
	sed 's/^\(  "wall_time_ns": \)[0-9][0-9]*,$/\10,/' "$1"
}
