#!/bin/sh
# A program whose name and path hold a byte that is not UTF-8 (0xff): every
# file ttrace writes is still strict UTF-8 and parses (--json with -k,
# whose frames name the program's path; --timeline, whose tracks name its
# command; --profile; --junit, which names the --check file), and the
# byte is written as \u00ff in JSON, &#xFF; in XML (doc/JSON.md).
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

command -v python3 >/dev/null 2>&1 || skip "no python3"
FF=$(printf '\377')
mkdir "$W/d$FF" || harness_error "cannot make a directory named with 0xff"
PROG=$W/d$FF/sl${FF}eeper
cp "$H/sleeper" "$PROG" || harness_error "cannot copy the sleeper"

# parses KIND FILE NEEDLE ERRFILE: FILE is strict UTF-8, parses as KIND
# (json: one document; jsonl: one per line; xml) and holds the text NEEDLE
# (the escape of 0xff).
parses() {
	python3 - "$@" <<'END' || fail "$2: $(cat "$W/py.err")"
import json, sys
import xml.etree.ElementTree as ET
kind, path, needle = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    text = open(path, "rb").read().decode("utf-8", errors="strict")
    if kind == "json":
        json.loads(text)
    elif kind == "jsonl":
        for line in text.splitlines():
            json.loads(line)
    else:
        ET.fromstring(text.encode("utf-8"))
except Exception as e:
    open(sys.argv[4], "w").write("%s: %s" % (type(e).__name__, e))
    sys.exit(1)
if needle not in text:
    open(sys.argv[4], "w").write("no %r in it" % needle)
    sys.exit(1)
END
}

tt_run json --json -k -o "$W/trace.json" -- "$PROG" -n 2 -s 1000
expect_rc json 0
parses jsonl "$W/trace.json" '/sl\u00ffeeper' "$W/py.err"

tt_run timeline --timeline="$W/timeline.json" -o /dev/null -- "$PROG" -n 2 -s 1000
expect_rc timeline 0
parses json "$W/timeline.json" 'sl\u00ffeeper (pid ' "$W/py.err"

PROF=$W/p${FF}.json
tt_run profile --profile="$PROF" -o /dev/null -- "$PROG" -n 2 -s 1000
expect_rc profile 0
parses json "$PROF" '' "$W/py.err"

tt_run junit --check="$PROF" --junit="$W/junit.xml" -o /dev/null -- "$PROG" -n 2 -s 1000
expect_rc junit 0
parses xml "$W/junit.xml" '/p&#xFF;.json' "$W/py.err"
tt_done
