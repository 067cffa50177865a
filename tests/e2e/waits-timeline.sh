#!/bin/sh
# --timeline on waits (tests/e2e/helpers/waiter): each poll and ppoll is
# a span of category "wait" from its entry to its exit, named with how it
# ended, with its clock, mode, timeout and outcome, and how late it woke
# when it timed out; exactly those spans, in order.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || skip "no /usr/bin/python3"

tt_run tl -e trace=%wait --timeline="$W/tl.json" -o "$W/tl.trace" -- "$H/waiter"
expect_rc tl 0
expect_empty "tl: stderr" "$W/tl.err"
"$PY" - "$W/tl.json" >"$W/tl.check" 2>&1 <<'END' || fail "tl: $(cat "$W/tl.check")"
import json, sys
events = json.load(open(sys.argv[1]))
spans = [e for e in events if e["ph"] == "X"]
got = [(e["cat"], e["name"], e["args"]["syscall"], e["args"]["clock"],
        e["args"]["mode"], e["args"]["timeout_ns"], e["args"].get("outcome"),
        "lateness_ns" in e["args"]) for e in spans]
M = "CLOCK_MONOTONIC"
want = [("wait", "poll (timed out)", "poll", M, "relative", 20000000, "timed_out", True)] * 3 + [
    ("wait", "poll (timed out)", "poll", M, "relative", 0, "timed_out", True),
    ("wait", "poll (ready)", "poll", M, "relative", 1000000000, "ready", False),
    ("wait", "ppoll (ready)", "ppoll", M, "relative", 500000000, "ready", False),
    ("wait", "ppoll (timed out)", "ppoll", M, "relative", 10000000, "timed_out", True),
    ("wait", "ppoll (ready)", "ppoll", M, "relative", None, "ready", False),
    ("wait", "ppoll (interrupted)", "ppoll", M, "relative", 1000000000, "interrupted", False),
    ("wait", "poll (failed)", "poll", M, "relative", 10000000, "failed", False),
]
assert got == want, "spans:\n" + "\n".join(map(str, got))
for e in spans:
    a = e["args"]
    # a wait that timed out lasted its timeout and woke late by the rest
    if a["outcome"] == "timed_out":
        assert a["lateness_ns"] >= 0, e
        assert e["dur"] * 1000 >= a["timeout_ns"], e
        assert abs(e["dur"] * 1000 - a["timeout_ns"] - a["lateness_ns"]) < 2, e
    assert ("return" in a) == (a["outcome"] in ("timed_out", "ready")), e
END
tt_done
