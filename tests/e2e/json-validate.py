#!/usr/bin/python3
"""json-validate.py SCHEMA FILE...: every line of every FILE must be a JSON
object valid against SCHEMA (ttrace --json output).  Prints the event
types, finding kinds, wait timings and outcomes and value kinds seen, one
per line as "type:NAME", "finding:KIND", "timing:KIND", "outcome:NAME",
"value:more" ..., for the caller to check coverage.  Exit 1 on any invalid
line, 77 when the jsonschema module is missing."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed")
    sys.exit(77)

def shapes(v, seen):
    """The value kinds beyond structs that v holds: value:more, value:sigset."""
    if isinstance(v, dict):
        if set(v) == {"more"}:
            seen.add("value:more")
        elif set(v) == {"value", "names"}:
            seen.add("value:sigset")
        for x in v.values():
            shapes(x, seen)
    elif isinstance(v, list):
        for x in v:
            shapes(x, seen)


schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
seen, bad = set(), 0
for name in sys.argv[2:]:
    with open(name) as f:
        for n, line in enumerate(f, 1):
            try:
                ev = json.loads(line)
            except ValueError as e:
                print(f"{name}:{n}: not JSON ({e}): {line.rstrip()}")
                bad += 1
                continue
            errors = list(validator.iter_errors(ev))
            if errors:
                best = jsonschema.exceptions.best_match(errors)
                print(f"{name}:{n}: {best.message} at {list(best.absolute_path)}:"
                      f" {line.rstrip()}")
                bad += 1
                continue
            seen.add("type:" + ev["type"])
            for f_ in ev.get("findings", []):
                seen.add("finding:" + f_["kind"])
            if ev["type"] == "exit":
                seen.add("exit:" + ("exited" if "exited" in ev else "killed"))
            if ev["type"] == "call" and ev["return"] and "error" in ev["return"]:
                seen.add("return:error")
            if ev["type"] == "call" and "stack" in ev:
                seen.add("stack:" + ("lines" if any("file" in f_ for f_ in ev["stack"])
                                     else "frames"))
            if ev["type"] == "call" and "clock" in ev:
                seen.add("call:clock")
            if ev["type"] == "call" and "timing" in ev:
                seen.add("timing:" + ev["timing"]["kind"])
                if "outcome" in ev["timing"]:
                    seen.add("outcome:" + str(ev["timing"]["outcome"]))
                if "lateness_ns" in ev["timing"]:
                    seen.add("timing:lateness")
                if "left_ns" in ev["timing"]:
                    seen.add("timing:left")
            if ev["type"] == "call" and ev["return"] and "result" in ev["return"]:
                seen.add("return:result")
            if ev["type"] == "call":
                shapes(ev["args"], seen)
                shapes(ev["return"], seen)
            if ev["type"] == "signal" and "timer" in ev:
                seen.add("signal:timer")
for s in sorted(seen):
    print(s)
sys.exit(1 if bad else 0)
