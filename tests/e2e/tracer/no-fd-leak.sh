#!/bin/sh
# The trace file (-o) is not inherited: the command sees none of ttrace's
# descriptors (the first one it opens is 3, as without ttrace).
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

tt_run leak -o "$W/trace" -- sh -c 'for f in /proc/$$/fd/*; do readlink "$f" || :; done'
expect_rc leak 0
if grep -qF "$W/trace" "$W/leak.out"; then
	fail "leak: the command holds the trace file open:"
	sed 's/^/	| /' "$W/leak.out"
fi
grep -q . "$W/leak.out" || harness_error "leak: the command listed no descriptor"
tt_done
