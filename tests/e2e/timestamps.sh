#!/bin/sh
# -t, -tt, -ttt, -r and --timestamps=SPEC: the stamps have strace 6.1's
# shape for every format and precision it knows (both run on the same
# sleeps, every digit made 0), and their values are the clock's own: a
# realtime stamp within `date` read around the run, a monotonic or
# boottime one within the tracee's own clock_gettime reads around its
# sleep, and a boottime one within /proc/uptime read around the run.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# 2 relative sleeps of 1 ms: CLOCK_MONOTONIC, 0, {...}, NULL, the same
# line under both tracers
SLEEPS="$H/sleeper -n 2 -s 1000000"

# strace's shape: with -qq one tracee's lines are the call and nothing
# else; digits made 0, so stamps of different moments compare
if command -v strace >/dev/null 2>&1; then
	i=0
	for spec in -t -tt -ttt "-tt -r" "-ttt -r" --timestamps \
	    --timestamps= --timestamps=none --timestamps=time \
	    --timestamps=unix --timestamps=s --timestamps=ms \
	    --timestamps=us --timestamps=ns --timestamps=unix,ns \
	    --timestamps=format:unix,precision:ms \
	    --absolute-timestamps=precision:us,format:time \
	    "--timestamps=unix,ms --timestamps=time" \
	    "--timestamps=none --timestamps=ms" "--timestamps=ns -r"; do
		i=$((i + 1))
		# shellcheck disable=SC2086 # spec is words
		strace -qq -e trace=clock_nanosleep $spec $SLEEPS 2>"$W/s$i" ||
			harness_error "strace $spec failed: $(cat "$W/s$i")"
		# shellcheck disable=SC2086
		tt_run t$i -qq -e trace=clock_nanosleep $spec $SLEEPS
		expect_rc "$spec" 0
		sed 's/[0-9]/0/g' "$W/s$i" >"$W/s$i.shape"
		sed 's/[0-9]/0/g' "$W/t$i.err" >"$W/t$i.shape"
		[ -s "$W/s$i.shape" ] || harness_error "strace $spec printed nothing"
		expect_same "$spec: strace's shape" "$W/s$i.shape" "$W/t$i.shape"
	done
else
	echo "(strace comparison skipped: strace is not installed)"
fi

# the values: a realtime stamp between two reads of `date`
before=$(date +%s%N)
tt_run real -qq -e trace=clock_nanosleep --timestamps=unix,ns -o "$W/real" -- $SLEEPS
after=$(date +%s%N)
expect_rc real 0
expect_count real "$W/real" 2 \
	'[0-9]+ +[0-9]{10}\.[0-9]{9} clock_nanosleep\(CLOCK_MONOTONIC, 0, \{tv_sec=0, tv_nsec=1000000\}, NULL\) += 0'
# same-length digit strings compare as strings
awk -v lo="$before" -v hi="$after" '{
	t = $2; sub(/\./, "", t)
	if (!((lo "") <= (t "") && (t "") <= (hi ""))) { print "out of range: " $0; bad = 1 }
}
END { exit bad }' "$W/real" >"$W/real.bad" ||
	fail "real: a stamp not within [$before, $after]: $(cat "$W/real.bad")"

# monotonic and boottime: the tracee reads the clock before and after
# its sleep (python's time.sleep: clock_nanosleep(CLOCK_MONOTONIC,
# TIMER_ABSTIME, deadline)); the stamp of the call's line (its entry,
# as strace's) falls between, and the deadline is 50 ms after the
# tracee's read before it, so at most 50 ms after the entry
PY=/usr/bin/python3
[ -x "$PY" ] || skip "python3 is not installed"
cat >"$W/clocks.py" <<'END'
import sys, time
c = getattr(time, sys.argv[1])
a = time.clock_gettime_ns(c)
time.sleep(0.05)
b = time.clock_gettime_ns(c)
print(a, b)
END
for clock in monotonic boottime; do
	CLOCK=$(echo "$clock" | tr a-z A-Z)
	up0=$(cut -d' ' -f1 /proc/uptime)
	tt_run $clock -qq -e trace=clock_nanosleep --timestamps=clock:$clock,ns \
		-ff -o "$W/trace-$clock" -- "$PY" "$W/clocks.py" CLOCK_$CLOCK
	up1=$(cut -d' ' -f1 /proc/uptime)
	expect_rc $clock 0
	"$PY" - "$W/trace-$clock".* "$(cat "$W/$clock.out")" "$clock" "$up0" "$up1" <<'END' ||
import re, sys
path, reads, clock, up0, up1 = sys.argv[1:]
a, b = map(int, reads.split())
lines = open(path).read().splitlines()
m = re.fullmatch(r"(\d+)\.(\d{9}) clock_nanosleep\(CLOCK_MONOTONIC, TIMER_ABSTIME, "
                 r"\{tv_sec=(\d+), tv_nsec=(\d+)\}, NULL\) += 0", lines[0])
assert m, lines
entry = int(m[1]) * 10**9 + int(m[2])
assert a <= entry <= b, (a, entry, b)
if clock == "monotonic":
    # the deadline is on the same clock, set from a read before the entry
    deadline = int(m[3]) * 10**9 + int(m[4])
    assert deadline - 50 * 10**6 <= entry < deadline, (deadline, entry)
else:
    # /proc/uptime is CLOCK_BOOTTIME in centiseconds
    assert float(up0) - 0.01 <= entry / 1e9 <= float(up1) + 0.01, (up0, entry, up1)
assert len(lines) == 1, lines
END
	fail "$clock: stamps not of the tracee's clock: $(cat "$W/trace-$clock".*)"
done

# a clock without a time of day: unix is its format, seconds by default
tt_run monos -qq -e trace=clock_nanosleep --timestamps=clock:monotonic -o "$W/monos" -- $SLEEPS
expect_rc monos 0
expect_count monos "$W/monos" 2 '[0-9]+ +[0-9]+ clock_nanosleep\(.*'
tt_done
