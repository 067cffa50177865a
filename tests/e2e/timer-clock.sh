#!/bin/sh
# What ttrace knows of a process's timers (src/analysis/known.c), seen in --json:
# every call about a POSIX timer or a timerfd carries the clock its
# timer_create or timerfd_create gave it, and a call about a timer that
# does not exist (a bad id, a deleted timer, a closed fd) carries none.
# Each program runs twice: once with every call traced (the clocks are
# learned from the create calls), once without the create calls (the
# clocks come from /proc/PID/timers and /proc/PID/fdinfo); ids and fds
# are the same in both runs.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || skip "no /usr/bin/python3"
B=$TT_BUILDDIR
ran=0
D=$B/tests/e2e/decode
for p in "$D"/posixtimer-m64.dec "$D"/tfdread-m64.dec "$D"/timersig-m64.dec \
	 "$D"/posixtimer-m32.dec "$D"/tfdread-m32.dec; do
	[ -x "$p" ] || continue
	case $p in *-m32.dec) i386_runs || { echo "$p: not run, i386 programs do not run here"; continue; } ;; esac
	n=${p##*/}
	tt_run "$n-all" --json -o "$W/$n-all.jsonl" -e trace=all -- "$p"
	tt_run "$n-some" --json -o "$W/$n-some.jsonl" -e \
		trace=timer_settime,timer_gettime,timer_getoverrun,timer_delete,timerfd_settime,timerfd_gettime,read \
		-- "$p"
	"$PY" - "$W/$n-all.jsonl" "$W/$n-some.jsonl" >"$W/$n.check" 2>&1 <<'PYEOF' ||
import json, sys

ABOUT = {"timer_id": "posix", "ufd": "fd", "fd": "fd"}

def events(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip()]

def check(path, learn):
    """The clock of every call and signal about a timer, in order; with
    learn, checked against what the create calls in the trace said."""
    known, bad, seen = {}, 0, []
    for ev in events(path):
        if ev["type"] == "signal" and ev["code"]["name"] == "SI_TIMER":
            got = ev.get("timer", {}).get("clock", {}).get("value")
            seen.append(("signal", ev["siginfo"]["timerid"], got))
            want = known.get(("posix", ev["siginfo"]["timerid"]))
            if learn and got != want:
                print(f"{path}: signal of timer {ev['siginfo']['timerid']}: clock {got}, want {want}")
                bad += 1
            continue
        if ev["type"] != "call" or ev["return"] is None:
            continue
        fam, args, ret = ev["family"], ev["args"], ev["return"]
        ok = "value" in ret
        if ok and fam == "timer_create":
            known[("posix", args["created_timer_id"]["value"][0])] = args["which_clock"]["value"]
        elif ok and fam == "timerfd_create":
            known[("fd", ret["value"])] = args["clockid"]["value"]
        for name, kind in ABOUT.items():
            if name in args and isinstance(args[name], int):
                key = (kind, args[name])
                got = ev.get("clock", {}).get("value")
                seen.append((ev["name"], args[name], got))
                if learn and got != known.get(key):
                    print(f"{path}: {ev['name']}({args[name]}): clock {got}, want {known.get(key)}")
                    bad += 1
                if ok and fam == "timer_delete":
                    known.pop(key, None)
    return seen, bad

seen1, bad = check(sys.argv[1], True)
seen2, _ = check(sys.argv[2], False)
if seen1 != seen2:
    print("the run without the create calls differs:")
    for a, b in zip(seen1, seen2):
        print(("   " if a == b else "!= ") + f"{a} {b}")
    bad += 1
print(f"{len(seen1)} calls and signals about timers")
sys.exit(1 if bad or not seen1 else 0)
PYEOF
		{ cat "$W/$n.check"; fail "$n: clocks"; }
	ran=$((ran + 1))
done
[ "$ran" -gt 0 ] || harness_error "no program to run"
tt_done
