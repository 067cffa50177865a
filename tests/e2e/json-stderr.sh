#!/bin/sh
# --json without -o: the stream is standard error, and ttrace's own
# messages are "diagnostic" objects of it, never text among its lines
# (doc/JSON.md): -p's attach and detach notices, the TOCTOU count, a
# --check report, a warning; each valid against
# doc/ttrace-events.schema.json.  The command's own lines on the same
# standard error stay whole lines: ttrace writes each of its lines in one
# write(2).  -c --json's summary object shares standard error the same
# way.  A usage error, before any stream, stays text.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || skip "no /usr/bin/python3 (with python3-jsonschema)"
"$PY" -c 'import jsonschema' 2>/dev/null || skip "python3-jsonschema is not installed"
B=$TT_BUILDDIR

# split NAME [ALLOWED-TEXT-LINE...]: $W/NAME.err into $W/NAME.jsonl (the
# lines that are JSON objects) and $W/NAME.text (the others); fails if a
# text line is not one of the allowed ones (the command's own).
split() {
	_s=$1
	shift
	"$PY" - "$W/$_s.err" "$W/$_s.jsonl" "$W/$_s.text" <<'PYEOF'
import json, sys
js, tx = open(sys.argv[2], "w"), open(sys.argv[3], "w")
for line in open(sys.argv[1], encoding="utf-8", errors="surrogateescape"):
    try:
        ok = isinstance(json.loads(line), dict)
    except ValueError:
        ok = False
    (js if ok else tx).write(line)
PYEOF
	for _l in "$@"; do
		grep -vxF -- "$_l" "$W/$_s.text" >"$W/$_s.text2"
		mv "$W/$_s.text2" "$W/$_s.text"
	done
	[ -s "$W/$_s.text" ] && { sed 's/^/  /' "$W/$_s.text"; fail "$_s: text among the JSON lines"; }
	grep -q '"type":"header"' "$W/$_s.jsonl" || fail "$_s: no header"
	head -n 1 "$W/$_s.jsonl" | grep -q '"type":"header"' || fail "$_s: the header is not first"
}

# diag NAME LEVEL MESSAGE: a diagnostic of LEVEL with MESSAGE exactly
diag() {
	"$PY" - "$W/$1.jsonl" "$2" "$3" <<'PYEOF' || fail "$1: no $2 diagnostic '$3'"
import json, sys
for line in open(sys.argv[1]):
    ev = json.loads(line)
    if ev["type"] == "diagnostic" and ev["level"] == sys.argv[2] \
       and ev["message"] == sys.argv[3]:
        sys.exit(0)
sys.exit(1)
PYEOF
}

# a command that writes to standard error, between its sleeps
tt_run own --json -- sh -c 'for i in 1 2 3 4 5; do echo "the command says $i" >&2; sleep 0.01; done'
expect_rc own 0
split own "the command says 1" "the command says 2" "the command says 3" \
	"the command says 4" "the command says 5"
expect_count own "$W/own.err" 5 'the command says [1-5]'

# TOCTOU findings: the count at the end
TOC=$B/tests/e2e/toctou/sleep_rewritten-m64.toctou
tt_run toctou --json -- "$TOC"
split toctou
diag toctou warning "1 TOCTOU finding: an input changed while the kernel was using it"
grep -q '"kind":"toctou_changed"' "$W/toctou.jsonl" || fail "toctou: no finding"
# with --toctou=off: none, and no count
tt_run notoctou --json --toctou=off -- "$TOC"
split notoctou
grep -q 'TOCTOU' "$W/notoctou.jsonl" && fail "notoctou: a TOCTOU count"

# -p: attached, then detached by SIGINT
tt_start_sleeper -n 0 -s 50000000 -l "$W/p.log"
tt_start attach --json -p "$HPID"
tt_poll 5 grep -q '"type":"call"' "$W/attach.err" || sleep 0.3
kill -INT "$TT_PID"
tt_wait_ttrace
split attach
diag attach info "Process $HPID attached"
diag attach info "Process $HPID detached"
tt_alive "$HPID" || fail "attach: the sleeper did not go on running"

# a --check report: a regression and its finding line
T=$H/timing
tt_run record --profile="$W/base.json" -o /dev/null -- "$T"
expect_rc record 0
tt_run check --json --check="$W/base.json" -- "$T" -p 4000
expect_rc check 1
split check
diag check error "--check=$W/base.json: 1 regression"
diag check error "clock_nanosleep CLOCK_MONOTONIC relative: 2ms (3 times) is now 4ms (3 times)"
diag check warning "--check=$W/base.json: warning: the command line differs: recorded $T, this run $T -p 4000"

# -c --json: the summary object, and the messages as objects beside it
tt_run summary -c --json -- "$TOC"
"$PY" - "$W/summary.err" <<'PYEOF' || fail "summary: not JSON lines"
import json, sys
types = [json.loads(l)["type"] for l in open(sys.argv[1])]
sys.exit(0 if types.count("summary") == 1 and "diagnostic" in types else 1)
PYEOF

"$PY" "$TT_SRCDIR/tests/e2e/json-validate.py" "$TT_SRCDIR/doc/ttrace-events.schema.json" \
	"$W"/*.jsonl >"$W/seen" || { cat "$W/seen"; fail "invalid JSON events"; }
grep -qx type:diagnostic "$W/seen" || fail "no diagnostic validated"

# with -o the messages stay text on stderr
tt_run file --json -o "$W/file.json" -- "$TOC"
expect_line file "$W/file.err" "ttrace: 1 TOCTOU finding: an input changed while the kernel was using it"
grep -q diagnostic "$W/file.json" && fail "file: a diagnostic in the trace file"

# a usage error comes before any stream: text
tt_run usage --json --no-such-option -- true
expect_rc usage 2
grep -q '^ttrace: ' "$W/usage.err" || fail "usage: not the usual text"

tt_done
