#!/bin/sh
# Many busy threads: every one is served, none waits behind the others.
# waitpid(-1) reports the first tracee on the kernel's list with a stop
# pending; a tracer that handles each stop as it comes serves a few busy
# threads forever and leaves the rest stopped (a thread of 100 made 1 call
# in 2 s where strace -f gave it hundreds).  ttrace serves stops in
# rounds, every tracee once per round.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"
# hundreds of busy threads: no timing test beside it
tt_heavy

# spread NAME FILE: FILE holds "TID COUNT" lines; the least-served thread
# made at least a quarter of the median's calls.
spread() {
	sort -n -k2 "$2" | awk -v name="$1" '
		{ c[NR] = $2 }
		END {
			if (NR == 0) { print name ": no threads"; exit 1 }
			med = c[int((NR + 1) / 2)]
			printf "%s: %d threads, calls min %d median %d max %d\n",
				name, NR, c[1], med, c[NR]
			exit !(med > 0 && 4 * c[1] >= med)
		}'
}

# A started command: 100 threads, each looping 1 ms sleeps for 2 s.  The
# program's own count of its sleeps, and the trace's count of each
# thread's calls.
tt_run crowd -f -o "$W/crowd.trace" -- "$H/crowd" -t 100 -d 2 -s 1000000
[ "$TT_RC" = 0 ] || fail "crowd: ttrace exited $TT_RC: $(cat "$W/crowd.err")"
[ "$(wc -l <"$W/crowd.out")" = 100 ] || fail "crowd: not 100 threads: $(cat "$W/crowd.out")"
spread "crowd (the program's count)" "$W/crowd.out" || fail "crowd: a thread starved"
awk '/clock_nanosleep\(CLOCK_MONOTONIC, 0, \{tv_sec=0, tv_nsec=1000000\}/ { n[$1]++ }
	END { for (t in n) print t, n[t] }' "$W/crowd.trace" >"$W/crowd.calls"
# The main thread makes one long sleep: the 100 loopers remain.
awk '$2 > 1' "$W/crowd.calls" >"$W/crowd.loops"
[ "$(wc -l <"$W/crowd.loops")" = 100 ] ||
	fail "crowd: the trace shows $(wc -l <"$W/crowd.loops") looping threads, not 100"
spread "crowd (the trace's count)" "$W/crowd.loops" || fail "crowd: a thread starved in the trace"

# -p on 300 busy threads: each shows a call of its own within 1 s.
tt_start_helper "$H/crowd" -t 300 -d 0 -s 1000000 -r "$W/ready"
tt_poll 10 test -s "$W/ready" || harness_error "crowd did not start"
P=$HPID
tt_start att -o "$W/att.trace" -p "$P"
tt_wait_attached att
sleep 1
kill -INT "$TT_PID"
tt_wait_ttrace
[ "$TT_RC" = 0 ] || fail "att: ttrace exited $TT_RC"
tt_tids "$P" | grep -vx "$P" | sort >"$W/att.tids"
awk '/ clock_nanosleep\(CLOCK_MONOTONIC, 0, / { print $1 }' "$W/att.trace" |
	sort -u >"$W/att.seen"
comm -23 "$W/att.tids" "$W/att.seen" >"$W/att.unseen"
[ "$(wc -l <"$W/att.tids")" = 300 ] || harness_error "crowd has $(wc -l <"$W/att.tids") threads"
[ ! -s "$W/att.unseen" ] ||
	fail "att: $(wc -l <"$W/att.unseen") of 300 threads made no call in 1 s under -p"
tt_check_free "after detach" "$P"
tt_done
