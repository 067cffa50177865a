#!/bin/sh
# run-decode.sh PROGRAM: the log compiler of the .dec decoding tests.
#
# PROGRAM prints on stdout the exact trace ttrace must write (see e2e.h).
# For every trace set the program asks for (TT_E2E_PROBE=1), run
#   ttrace -o OUT [-e trace=SET] -- PROGRAM > EXPECTED
# and fail on any difference between EXPECTED and OUT, or when ttrace's
# exit status is not the one of the program's "+++ exited with N +++".
# Exit status: 0 pass, 1 fail, 77 skip, 99 broken harness.

prog=$1
case $prog in
*/*) ;;
*) prog=./$prog ;;
esac

if [ -z "$TTRACE" ] || [ ! -x "$TTRACE" ]; then
	echo "run-decode.sh: TTRACE is not set to the built ttrace ('$TTRACE')"
	exit 99
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tt-e2e.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# The probe also tells whether the kernel runs the program at all: an i386
# program cannot be executed when IA-32 emulation is off.
TT_E2E_PROBE=1 "$prog" >"$tmp/probe" 2>&1
if [ "$(sed -n 1p "$tmp/probe")" != e2e-probe-ok ]; then
	case $prog in
	*-m32.dec)
		echo "SKIP: the kernel does not run i386 programs (IA-32 emulation off?):"
		cat "$tmp/probe"
		exit 77 ;;
	esac
	echo "run-decode.sh: $prog does not answer the probe:"
	cat "$tmp/probe"
	exit 99
fi

# A hung tracer must not hang the suite.
limit=
if command -v timeout >/dev/null 2>&1; then
	limit="timeout 60"
fi

status=0
for set in $(sed 1d "$tmp/probe"); do
	if [ "$set" = default ]; then
		sel=
		echo "== $prog (no -e)"
	else
		sel="-e trace=$set"
		echo "== $prog -e trace=$set"
	fi
	rm -f "$tmp/out"
	# shellcheck disable=SC2086 # $limit, $sel, $TT_TTRACE_OPTS: word lists
	TT_E2E_TRACE=$set $limit "$TTRACE" $TT_TTRACE_OPTS -o "$tmp/out" $sel -- "$prog" \
		>"$tmp/expected"
	rc=$?
	want=$(sed -n 's/^[0-9]* *+++ exited with \([0-9]*\) +++$/\1/p' \
		"$tmp/expected" | tail -n 1)
	if [ -z "$want" ]; then
		echo "run-decode.sh: the program printed no '+++ exited' line (ttrace status $rc):"
		cat "$tmp/expected"
		exit 99
	fi
	if [ "$rc" != "$want" ]; then
		echo "FAIL: ttrace exited with $rc, the program with $want"
		status=1
	fi
	if [ ! -f "$tmp/out" ]; then
		echo "FAIL: ttrace wrote no output file"
		status=1
	elif ! diff -u "$tmp/expected" "$tmp/out"; then
		echo "FAIL: the trace differs (- expected, + ttrace)"
		status=1
	fi
done
exit $status
