#!/usr/bin/env bash
# bench/run.sh [RUNS]: ttrace against the bare ptrace floor, strace (when
# installed) and the untraced program, side by side in one run, as ratios
# of median wall times.  The machine is shared and noisy: only ratios
# measured in the same run mean anything.  From a build tree:
#   make bench                 (or: TTRACE=./ttrace bash bench/run.sh 5)
# Sizes: A rounds of 3 traced calls; B rounds of 3 traced + 100 untraced;
# C untraced calls alone; M rounds for the memory run (3 events each);
# K rounds for the cost of -k's stack walks; X rounds of each of 4
# threads contending a mutex (futex waits without a timeout).
set -u
runs=${1:-3}
A=${A:-30000} B=${B:-2000} C=${C:-200000} M=${M:-333334} K=${K:-10000}
X=${X:-25000}
here=$(cd "$(dirname "$0")" && pwd)
ttrace=${TTRACE:-./ttrace}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; kill $(jobs -p) 2>/dev/null' EXIT
cc -O2 -o "$tmp/workload" "$here/workload.c" || exit 99
cc -O2 -o "$tmp/floor" "$here/floor.c" || exit 99
cc -O2 -o "$tmp/mutex" "$here/mutex.c" -lpthread || exit 99
cc -O2 -o "$tmp/cputime" "$here/cputime.c" || exit 99
W=$tmp/workload
SEL=clock_nanosleep,timer_settime,timerfd_settime,restart_syscall
STRACE=$(command -v strace || true)

# secs CMD...: median wall time of runs runs, in seconds
secs() {
	for ((i = 0; i < runs; i++)); do
		a=$(date +%s%N); "$@" >/dev/null 2>&1; b=$(date +%s%N)
		echo $(( (b - a) / 1000 ))
	done | sort -n | sed -n "$(( (runs + 1) / 2 ))p" |
		awk '{ printf "%.3f", $1 / 1e6 }'
}

# attached TRACER OPTS WORKLOAD-ARGS: "WALL SELF 0" of the median run of
# the workload with TRACER (ttrace or strace) attached by -p right after
# it starts, with OPTS (words): the workload's wall time, the tracer's
# CPU time (the tracer runs under bench/cputime).  The workload waits
# for the tracer before its first round: the wall time includes the
# attach, a few milliseconds, alike for both tracers.
attached_once() {
	local tracer=$1 opts=$2
	shift 2
	a=$(date +%s%N)
	WORKLOAD_WAIT_TRACER=1 "$W" "$@" & p=$!
	# shellcheck disable=SC2086 # opts: words
	"$tmp/cputime" "$tracer" $opts -q -o /dev/null -p "$p" >"$tmp/att" & t=$!
	wait "$p"; b=$(date +%s%N)
	wait "$t"
	echo $(( (b - a) / 1000 )) "$(cut -d' ' -f2 "$tmp/att")"
}
attached() {
	for ((i = 0; i < runs; i++)); do attached_once "$@"; done | sort -n |
		sed -n "$(( (runs + 1) / 2 ))p" |
		awk '{ printf "%.3f %s 0", $1 / 1e6, $2 }'
}

row() { printf '  %-40s %8s s  %s\n' "$1" "$2" "${3:-}"; }
# cpu CMD...: "WALL SELF CHILDREN" of the run of median wall time
cpu() {
	for ((i = 0; i < runs; i++)); do "$tmp/cputime" "$@"; done | sort -n |
		sed -n "$(( (runs + 1) / 2 ))p"
}
# crow LABEL "WALL SELF CHILDREN" TRACER NOTE: a row; TRACER: yes when
# CMD was a tracer (SELF is its CPU, CHILDREN the program's)
crow() {
	set -- "$1" $2 "$3" "${4:-}"
	if [ "$5" = yes ]; then
		printf '  %-40s %8s s  tracer cpu %6s s  program cpu %6s s  %s\n' \
			"$1" "$2" "$3" "$4" "$6"
	else
		printf '  %-40s %8s s  tracer cpu %6s    program cpu %6s s  %s\n' \
			"$1" "$2" "-" "$3" "$6"
	fi
}
wall() { echo "${1%% *}"; }
# trow LABEL "WALL SELF CHILDREN" CALLS NOTE: a tracer's row, with its
# CPU time per traced call, and the program's CPU time when known (not
# with -p): a tracer that polls for stops spends more CPU itself and the
# program less (it is not put to sleep and woken for each stop).
trow() {
	set -- "$1" $2 "$3" "${4:-}"
	printf '  %-40s %8s s  tracer cpu %6s s = %5s us/call  program %6s s  %s\n' \
		"$1" "$2" "$3" \
		"$(awk -v c="$3" -v n="$5" 'BEGIN { printf "%.1f", c * 1e6 / n }')" \
		"$([ "$4" = 0 ] && echo - || echo "$4")" "$6"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

echo "ttrace benchmark, median of $runs runs, $(nproc) cores, $(uname -r)"

# (a) and (b): in each mode, the floors (bench/floor, blocking in
# waitpid, and polling it first: the floor of a tracer that is not woken
# for each stop), ttrace, and strace in the same mode.  Ratios of wall
# times; the CPU per traced call is the tracer's own (user + system).
# modes ROUNDS OTHERS: the rows of workload ROUNDS OTHERS.
modes() {
	local n=$(($1 * 3)) fs fss fi fr tt sb fl fls tn tp st sp
	row untraced "$(secs $W "$@")"
	fs=$(cpu "$tmp/floor" --seccomp $W "$@")
	fss=$(cpu "$tmp/floor" --seccomp --spin $W "$@")
	tt=$(cpu "$ttrace" -o /dev/null -- $W "$@")
	echo " seccomp filter (ttrace's default):"
	trow "ptrace floor, every traced call stops" "$fs" $n
	trow "  the same, polling before blocking" "$fss" $n "$(ratio "$(wall "$fss")" "$(wall "$fs")") floor"
	if [ "$2" = 0 ]; then
		fi=$(secs "$tmp/floor" --seccomp --info $W "$@")
		fr=$(secs "$tmp/floor" --seccomp --read $W "$@")
		row "  + GET_SYSCALL_INFO at each stop" "$fi" "$(ratio "$fi" "$(wall "$fs")") floor"
		row "  + process_vm_readv at entry and exit" "$fr" "$(ratio "$fr" "$(wall "$fs")") floor"
		trow "ttrace" "$tt" $n "$(ratio "$(wall "$tt")" "$(wall "$fs")") floor (target 1.00x), $(ratio "$(wall "$tt")" "$(wall "$fss")") polling floor"
	else
		trow "ttrace" "$tt" $n
	fi
	if [ -n "$STRACE" ]; then
		sb=$(cpu strace -f --seccomp-bpf -o /dev/null -e trace=$SEL $W "$@")
		trow "strace -f --seccomp-bpf" "$sb" $n "ttrace $(ratio "$(wall "$tt")" "$(wall "$sb")") of it (target 0.80x)"
	fi
	fl=$(cpu "$tmp/floor" $W "$@"); fls=$(cpu "$tmp/floor" --spin $W "$@")
	tn=$(cpu "$ttrace" --seccomp=off -o /dev/null -- $W "$@")
	tp=$(attached "$ttrace" "" "$@")
	echo " no filter (every call stops):"
	trow "ptrace floor, PTRACE_SYSCALL" "$fl" $n
	trow "  the same, polling before blocking" "$fls" $n "$(ratio "$(wall "$fls")" "$(wall "$fl")") floor"
	trow "ttrace --seccomp=off" "$tn" $n "$(ratio "$(wall "$tn")" "$(wall "$fl")") floor"
	trow "ttrace -p (attached at start)" "$tp" $n "$(ratio "$(wall "$tp")" "$(wall "$fl")") floor"
	if [ -n "$STRACE" ]; then
		st=$(cpu strace -f -o /dev/null -e trace=$SEL $W "$@")
		sp=$(attached strace "-e trace=$SEL" "$@")
		trow "strace -f" "$st" $n "ttrace --seccomp=off $(ratio "$(wall "$tn")" "$(wall "$st")") of it (target 0.80x)"
		trow "strace -p (attached at start)" "$sp" $n "ttrace -p $(ratio "$(wall "$tp")" "$(wall "$sp")") of it (target 0.80x)"
	fi
}
echo; echo "(a) traced calls only: workload $A 0 ($((A * 3)) traced calls)"
modes "$A" 0
echo; echo "(b) 1 traced : 100 untraced: workload $B 100 ($((B * 3)) traced, $((B * 100)) untraced)"
modes "$B" 100

echo; echo "(c) untraced calls only: workload 1 $C"
base=$(secs $W 1 $C); ff=$(secs "$tmp/floor" --filter-only $W 1 $C)
tt=$(secs "$ttrace" -o /dev/null -- $W 1 $C)
row untraced "$base"
row "seccomp filter of one rule, no tracer" "$ff" "$(ratio "$ff" "$base") untraced"
row "ttrace" "$tt" "$(ratio "$tt" "$ff") one-rule filter (target 1.10x), $(ratio "$tt" "$base") untraced"

# Peak memory must not grow with the events: the max RSS of MB rounds
# against that of M (default 10 times as many; MB=$((M * 10)) gives 10
# million events, which takes a few minutes per mode).
MB=${MB:-$M}; MS=${MS:-$((M / 10))}
echo; echo "(d) ttrace's peak memory (max RSS), $((MS * 3)) and $((MB * 3)) events (target 1.15x)"
for mode in "" -c --json --profile=/dev/null --timeline=/dev/null; do
	for n in $MS $MB; do
		# shellcheck disable=SC2086 # the mode: no word or one
		/usr/bin/time -f %M -o "$tmp/rss.$n" "$ttrace" $mode -o /dev/null -- $W $n 0 >/dev/null 2>&1
	done
	printf '  %-40s %8s KiB  %8s KiB  %s\n' "ttrace ${mode:-(text)}" \
		"$(tail -n 1 "$tmp/rss.$MS")" "$(tail -n 1 "$tmp/rss.$MB")" \
		"$(ratio "$(tail -n 1 "$tmp/rss.$MB")" "$(tail -n 1 "$tmp/rss.$MS")")"
done

# -k: a stack per traced call.  The first walk of a process sets up its
# libdwfl session (maps, modules, CFI, symbols); later ones find their
# frames in the pc cache and pay the walk.  Cost per walk: the time -k
# adds, divided by the walks, from runs of the two alternated (the
# machine's drift hits both alike), medians in microseconds; the first
# from runs with 3 calls, more of them (a few milliseconds each).
# pair N ROUNDS: "median-without median-with" of N alternated runs.
pair() {
	for ((i = 0; i < $1; i++)); do
		a=$(date +%s%N); "$ttrace" -o /dev/null -- $W "$2" 0; b=$(date +%s%N)
		"$ttrace" -k -o /dev/null -- $W "$2" 0; c=$(date +%s%N)
		echo $(( (b - a) / 1000 )) $(( (c - b) / 1000 ))
	done >"$tmp/pair"
	mid=$(( ($1 + 1) / 2 ))
	echo "$(cut -d' ' -f1 "$tmp/pair" | sort -n | sed -n "${mid}p")" \
	     "$(cut -d' ' -f2 "$tmp/pair" | sort -n | sed -n "${mid}p")"
}
per_walk() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.1f us per walk", (b - a) / n }'; }
echo; echo "(e) -k: stack walks (workload $K 0: $((K * 3)) walks; workload 1 0: the first)"
read -r tt tk < <(pair "$runs" "$K")
row "ttrace" "$(awk -v u="$tt" 'BEGIN { printf "%.3f", u / 1e6 }')"
row "ttrace -k" "$(awk -v u="$tk" 'BEGIN { printf "%.3f", u / 1e6 }')" "$(per_walk "$tt" "$tk" $((K * 3))), cached"
read -r t1 k1 < <(pair $((runs * 8 + 1)) 1)
row "ttrace, 3 calls" "$(awk -v u="$t1" 'BEGIN { printf "%.4f", u / 1e6 }')"
row "ttrace -k, 3 calls" "$(awk -v u="$k1" 'BEGIN { printf "%.4f", u / 1e6 }')" "$(per_walk "$t1" "$k1" 1): the first walk and its process's map calls"

# A program that blocks without asking for any timing: threads contending
# a mutex, whose futex waits carry no timeout.  By default ttrace's filter
# stops at a wait only when its timeout is finite, so such a program
# should cost about what the filter alone costs; without the filter (-p,
# --seccomp=off) every call stops.  (bench/floor traces no threads: no
# floor row here.)  CPU times from /proc (bench/cputime):
# ttrace's own, and the program's (under ttrace, ttrace's children).
MX="$tmp/mutex 4 $X"
echo; echo "(f) contended mutex, untimed futex waits: mutex 4 $X"
mu=$(cpu $MX); mf=$(cpu "$tmp/floor" --filter-only $MX)
mt=$(cpu "$ttrace" -o /dev/null -- $MX)
mp=$(cpu "$ttrace" -e trace=poll -o /dev/null -- $MX)
mo=$(cpu "$ttrace" --seccomp=off -o /dev/null -- $MX)
crow untraced "$mu" no
crow "seccomp filter of one rule, no tracer" "$mf" no \
	"$(ratio "$(wall "$mf")" "$(wall "$mu")") untraced"
crow "ttrace (default)" "$mt" yes \
	"$(ratio "$(wall "$mt")" "$(wall "$mf")") one-rule filter (target 1.20x)"
crow "ttrace -e trace=poll" "$mp" yes \
	"$(ratio "$(wall "$mp")" "$(wall "$mu")") untraced"
crow "ttrace --seccomp=off (as with -p)" "$mo" yes \
	"$(ratio "$(wall "$mo")" "$(wall "$mu")") untraced"
