#!/usr/bin/python3
"""Checks a ttrace --timeline file (Chrome Trace Event JSON, array form).

  timeline-check.py run FILE OUT COMM     tlprog run; OUT: what it printed
  timeline-check.py flows FILE OUT        tlprog flows; OUT: what it printed
  timeline-check.py killed FILE COMM PID SIG  tlprog hang, killed mid-sleep
  timeline-check.py attach FILE COMM PID NSEC   -p, then SIGINT (detach)
  timeline-check.py exec FILE COMM1 COMM2 execchain execs execchain32
  timeline-check.py cut FILE              ttrace itself SIGKILLed

Prints every problem found and exits 1 if there was any."""
import json
import sys

problems = []


def check(cond, what):
    if not cond:
        problems.append(what)
    return cond


def load(path, closed=True):
    """The events; every line whole; closed: the array ends with ']'."""
    text = open(path).read()
    lines = text.split("\n")
    check(lines[0] == "[", "first line is not '[': %r" % lines[0])
    if closed:
        check(text.endswith("]\n"), "the file does not end with ']'")
    else:
        check(text.endswith("}\n"), "the file does not end with a whole event")
        text += "]"
    try:
        events = json.loads(text)
    except ValueError as e:
        problems.append("not JSON: %s" % e)
        return []
    for i, line in enumerate(lines[1:-1 if closed else None]):
        if line in ("", "]"):
            continue
        # one event a line, the second and later ones after a comma
        body = line[1:] if i else line
        check(line.startswith(",") == (i > 0), "line %d: comma: %r" % (i + 2, line))
        try:
            json.loads(body)
        except ValueError:
            problems.append("line %d is not one event: %r" % (i + 2, line))
    for e in events:
        check(isinstance(e.get("ts"), (int, float)) and e["ts"] >= 0 and
              e.get("ph") in ("M", "X", "i", "s", "f") and
              isinstance(e.get("pid"), int) and isinstance(e.get("tid"), int),
              "malformed event %r" % e)
        if e.get("ph") == "i":
            check(e.get("s") in ("t", "p"), "instant without scope: %r" % e)
    return events


def said_by(out):
    """What a tlprog printed: {KEY: [numbers]}."""
    said = {}
    for line in open(out):
        k, v = line.split()
        said.setdefault(k, []).append(int(v))
    return said


def ns(us):
    """A ts or dur (microseconds, 3 decimals) in nanoseconds, exactly."""
    return round(us * 1000)


def named(events, comm, pid, tid):
    """The process and thread tracks of tid carry comm, pid and tid."""
    meta = {(e["name"], e["pid"], e["tid"]): e["args"]["name"]
            for e in events if e["ph"] == "M"}
    check(meta.get(("process_name", pid, tid)) == "%s (pid %d)" % (comm, pid),
          "process_name of %d/%d: %r" % (pid, tid, meta.get(("process_name", pid, tid))))
    check(meta.get(("thread_name", pid, tid)) == "%s (pid %d, tid %d)" % (comm, pid, tid),
          "thread_name of %d/%d: %r" % (pid, tid, meta.get(("thread_name", pid, tid))))


def spans(events, tid=None):
    """The spans of sleeps and waits (not of settimes and reads)."""
    return [e for e in events if e["ph"] == "X" and e["cat"] in ("sleep", "wait") and
            (tid is None or e["tid"] == tid)]


def instants(events, name, tid=None):
    return [e for e in events if e["ph"] == "i" and e["name"] == name and
            (tid is None or e["tid"] == tid)]


def sleep_ok(e, clock, mode, requested):
    a = e["args"]
    check(e["name"] == "clock_nanosleep" and e["cat"] == "sleep", "not a sleep: %r" % e)
    check(a.get("syscall", "").startswith("clock_nanosleep"), "syscall: %r" % e)
    check(a.get("clock") == clock and a.get("mode") == mode and
          a.get("requested_ns") == requested and a.get("return") == 0,
          "want %s %s %d returning 0: %r" % (clock, mode, requested, e))
    if mode == "relative":
        check(ns(e["dur"]) >= requested, "shorter than asked: %r" % e)
        check(a.get("lateness_ns") == ns(e["dur"]) - requested,
              "lateness is not duration - requested: %r" % e)
    else:
        check(a.get("lateness_ns", -1) >= 0, "absolute: no lateness: %r" % e)


def run(path, out, comm):
    ev = load(path)
    said = {}
    for line in open(out):
        k, v = line.split()
        said[k] = int(v)
    pid, tid, child = said["P"], said["T"], said["C"]

    tracks = {(e["pid"], e["tid"]) for e in ev}
    check(tracks == {(pid, pid), (pid, tid), (child, child)},
          "tracks %r, want main %d, thread %d, child %d" % (tracks, pid, tid, child))
    for p, t in tracks:
        named(ev, comm, p, t)

    main = spans(ev, pid)
    if check(len(main) == 3, "main thread: %d spans, want 3: %r" % (len(main), main)):
        main.sort(key=lambda e: e["ts"])
        sleep_ok(main[0], "CLOCK_MONOTONIC", "relative", 20000000)
        sleep_ok(main[1], "CLOCK_REALTIME", "relative", 50000000)
        sleep_ok(main[2], "CLOCK_MONOTONIC", "absolute", said["A"])
        check(main[0]["ts"] + main[0]["dur"] <= main[1]["ts"] and
              main[1]["ts"] + main[1]["dur"] <= main[2]["ts"], "spans overlap: %r" % main)
    th = spans(ev, tid)
    if check(len(th) == 1, "thread: %d spans, want 1: %r" % (len(th), th)):
        sleep_ok(th[0], "CLOCK_BOOTTIME", "relative", 40000000)
    ch = spans(ev, child)
    if check(len(ch) == 1, "child: %d spans, want 1: %r" % (len(ch), ch)):
        sleep_ok(ch[0], "CLOCK_MONOTONIC", "relative", 10000000)

    st = [e for e in ev if e["ph"] == "X" and e["cat"] == "settime"]
    got = [(e["name"], e["tid"], e["args"].get("mode"), e["args"].get("value_ns"),
            e["args"].get("interval_ns"), e["args"].get("return")) for e in st]
    check(got == [("timer_settime", pid, "relative", 15000000, 0, 0),
                  ("timerfd_settime", pid, "relative", 1250000000, 500000000, 0),
                  ("timerfd_settime", pid, "relative", 0, 0, 0)],
          "settime spans: %r" % got)
    # the two armings start a flow each, the disarm none; the timer
    # signal ends the first
    fl = [(e["ph"], e["id"]) for e in ev if e["ph"] in ("s", "f")]
    check(fl == [("s", 1), ("f", 1), ("s", 2)], "flows: %r" % fl)
    for e in st:
        c = e["args"].get("call", {})
        arg = c.get("new_setting") or c.get("utmr") or {}
        check(arg.get("value", {}).get("it_value", {}).get("tv_nsec") ==
              e["args"].get("value_ns", -1) % 1000000000,
              "settime: decoded arguments: %r" % e)

    sig = [e for e in ev if e["ph"] == "i" and e["cat"] == "timer_signal"]
    check([(e["name"], e["tid"], e["args"].get("code"), e["args"].get("timerid"))
           for e in sig] == [("SIGUSR1", pid, "SI_TIMER", said["I"])],
          "timer signals: %r" % sig)
    if sig and st:
        check(st[0]["ts"] < sig[0]["ts"] < st[1]["ts"], "timer signal out of place")

    want = [("exec", pid, pid, "p", None),
            ("process start", child, child, "p", {"parent_tid": pid}),
            ("process exit", child, child, "p", {"exited": 3}),
            ("thread start", pid, tid, "t", {"parent_tid": pid}),
            ("thread exit", pid, tid, "t", {"exited": 0}),
            ("process exit", pid, pid, "p", {"exited": 0})]
    for name, p, t, s, args in want:
        got = [e for e in instants(ev, name, t) if e["pid"] == p]
        if check(len(got) == 1, "%s of %d/%d: %r" % (name, p, t, got)):
            check(got[0]["s"] == s, "%s: scope %r" % (name, got[0]["s"]))
            if args:
                check(got[0].get("args") == args, "%s: args %r" % (name, got[0].get("args")))


def inside(e, slice_):
    """e lies in slice_ (an "X" span or an "i" instant) on its track
    (in whole nanoseconds: the sum of two floats may round up)."""
    return (e["pid"], e["tid"]) == (slice_["pid"], slice_["tid"]) and \
        ns(slice_["ts"]) <= ns(e["ts"]) <= ns(slice_["ts"]) + ns(slice_.get("dur", 0))


def flows(path, out):
    """tlprog flows: a POSIX timer armed every 30 ms fires twice, armed
    again once fires once; a timerfd the same, read each time.  Each
    firing (the signal, the read) ends exactly one flow, whose start is in
    the span of the arming it came from; the re-arming starts another."""
    ev = load(path)
    said = said_by(out)
    pid, timer, fd, took = said["P"][0], said["I"][0], said["F"][0], said["R"]
    period = 30000000

    fl = [e for e in ev if e["ph"] in ("s", "f")]
    for e in fl:
        check(e["cat"] == "timer" and e["name"] == "timer" and
              (e["pid"], e["tid"]) == (pid, pid) and isinstance(e.get("id"), int) and
              e.get("bp") == ("e" if e["ph"] == "f" else None),
              "flow event: %r" % e)
    arms = [e for e in ev if e["ph"] == "X" and e["cat"] == "settime"]
    if not check([e["name"] for e in arms] == ["timer_settime"] * 2 + ["timerfd_settime"] * 2,
                 "settimes: %r" % arms):
        return
    # every start sits in one arming's span, written just after it (the
    # slice Perfetto binds it to: the one open on the track then)
    start = {}
    for i, e in enumerate(ev):
        if e["ph"] != "s":
            continue
        a = [k for k, s in enumerate(arms) if inside(e, s)]
        if check(len(a) == 1 and ev[i - 1] is arms[a[0]], "flow start not in one settime: %r" % e):
            check(a[0] not in start, "two flows start in settime %d" % a[0])
            start[a[0]] = e["id"]
    check(sorted(start) == [0, 1, 2, 3], "settimes with a flow start: %r" % start)
    check(len(set(start.values())) == len(start), "flow ids reused: %r" % start)

    def ends(slices):
        """The flow id each slice's one finish carries."""
        got = []
        for s in slices:
            i = next(k for k, e in enumerate(ev) if e is s)
            f = [e for e in fl if e["ph"] == "f" and inside(e, s)]
            if check(len(f) == 1 and ev[i + 1] is f[0],
                     "not one finish just after %r: %r" % (s, f)):
                got.append(f[0]["id"])
            else:
                got.append(None)
        return got

    def linked(what, firings, first):
        """Three firings: two of arming first, one of the re-arming."""
        if not check(len(firings) == 3, "%s: %r" % (what, firings)):
            return False
        got = ends(firings)
        return check(got == [start.get(first)] * 2 + [start.get(first + 1)],
                     "%s end flows %r, want the first arming's twice then the "
                     "second's (%r)" % (what, got, start))

    linked("timer signals", [e for e in ev if e["ph"] == "i" and e["cat"] == "timer_signal"
                             and e["args"].get("timerid") == timer], 0)
    rd = [e for e in ev if e["ph"] == "X" and e["cat"] == "timerfd" and
          e["args"].get("fd") == fd]
    if linked("timerfd reads", rd, 2):
        # each read blocks until its timer expired: its span ends no
        # sooner than the arming's entry plus the periods it counted, and
        # lies within the program's own clock reads around the call
        count = 0
        for i, r in enumerate(rd):
            arm = arms[2] if i < 2 else arms[3]
            count = count + r["args"].get("expirations", 0) if i < 2 else \
                r["args"].get("expirations", 0)
            check(r["name"] == "read" and r["args"].get("return") == 8 and
                  r["args"].get("expirations", 0) >= 1, "read: %r" % r)
            check(ns(r["ts"]) >= ns(arm["ts"]) + ns(arm["dur"]), "read before its arming: %r" % r)
            check(ns(r["ts"]) + ns(r["dur"]) >= ns(arm["ts"]) + count * period,
                  "read %d ends before its timer expired: %r" % (i, r))
            check(i < len(took) and ns(r["dur"]) <= took[i],
                  "read %d longer than the program saw it block (%r): %r" % (i, took, r))
    check(len([e for e in fl if e["ph"] == "f"]) == 6, "finishes: %r" % fl)


def killed(path, comm, pid, sig):
    ev = load(path)
    named(ev, comm, pid, pid)
    sp = spans(ev, pid)
    if check(len(sp) == 1, "spans: %r" % sp):
        a = sp[0]["args"]
        end = sp[0]["ts"] + sp[0]["dur"]
        check(a.get("requested_ns") == 10000000000 and a.get("clock") == "CLOCK_MONOTONIC",
              "the killed sleep: %r" % sp[0])
        check(0 < sp[0]["dur"] < 10000000, "its duration: %r" % sp[0])
        ex = instants(ev, "process exit", pid)
        check(len(ex) == 1 and ex[0]["args"] == {"killed": sig}, "exit: %r" % ex)
        if sig == "SIGKILL":
            # never returned: the span ends when the thread died
            check(a.get("unfinished") == "killed" and "return" not in a and
                  "error" not in a, "not unfinished: %r" % sp[0])
            check(ex and abs(ex[0]["ts"] - end) < 0.002,
                  "the span does not end at the exit: %r" % ex)
        else:
            # the signal ended the call, then killed the thread
            check(a.get("error") == "ERESTART_RESTARTBLOCK" and "unfinished" not in a,
                  "not interrupted: %r" % sp[0])
            check(ex and end <= ex[0]["ts"], "the span ends after the exit: %r" % ex)


def attach(path, comm, pid, nsec):
    ev = load(path)
    named(ev, comm, pid, pid)
    check(len(instants(ev, "attached", pid)) == 1, "no attached instant")
    check(len(instants(ev, "detached", pid)) == 1, "no detached instant")
    sp = spans(ev, pid)
    done = [e for e in sp if e["args"].get("return") == 0 and e["name"] == "clock_nanosleep"]
    check(len(done) >= 2, "fewer than 2 whole sleeps: %r" % sp)
    for e in done:
        sleep_ok(e, "CLOCK_MONOTONIC", "relative", nsec)
    # the sleep ttrace found the thread in, resumed by restart_syscall
    first = min(sp, key=lambda e: e["ts"]) if sp else {"args": {}}
    # (its request is not known: /proc shows the registers, not memory)
    check(first.get("name") == "restart_syscall" and
          first["args"].get("resumes", "").startswith("clock_nanosleep") and
          first["args"].get("clock") == "CLOCK_MONOTONIC" and
          first["args"].get("mode") == "relative" and
          first["args"].get("return") == 0,
          "the first span is not the resumed sleep: %r" % first)
    last = max(sp, key=lambda e: e["ts"]) if sp else {"args": {}}
    check(last["args"].get("unfinished") in (None, "detached"), "last span: %r" % last)


def execs(path, first, then):
    """execchain FIRST execs THEN (an i386 build): the tracks are named
    again, the second sleep is on the same track in the i386 ABI."""
    ev = load(path)
    pid = ev[1]["pid"] if len(ev) > 1 else 0
    names = [e["args"]["name"] for e in ev if e["ph"] == "M" and e["name"] == "thread_name"]
    check(names == ["%s (pid %d, tid %d)" % (c, pid, pid) for c in (first, then)],
          "thread names: %r" % names)
    procs = [e["args"]["name"] for e in ev if e["ph"] == "M" and e["name"] == "process_name"]
    check(procs == ["%s (pid %d)" % (c, pid) for c in (first, then)],
          "process names: %r" % procs)
    check([e["args"]["abi"] for e in instants(ev, "abi", pid)] == ["i386"], "no abi instant")
    sp = spans(ev, pid)
    check([(e["args"]["abi"], e["args"]["requested_ns"]) for e in sp] ==
          [("x86_64", 2000000), ("i386", 3000000)], "spans: %r" % sp)


def cut(path):
    ev = load(path, closed=False)
    check(len(spans(ev)) >= 1, "no span before ttrace was killed")


mode, args = sys.argv[1], sys.argv[2:]
if mode == "run":
    run(args[0], args[1], args[2])
elif mode == "flows":
    flows(args[0], args[1])
elif mode == "killed":
    killed(args[0], args[1], int(args[2]), args[3])
elif mode == "attach":
    attach(args[0], args[1], int(args[2]), int(args[3]))
elif mode == "exec":
    execs(args[0], args[1], args[2])
elif mode == "cut":
    cut(args[0])
else:
    sys.exit("unknown mode %s" % mode)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
