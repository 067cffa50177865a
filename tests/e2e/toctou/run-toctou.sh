#!/bin/sh
# Runs a TOCTOU test program under ttrace.  The program prints on stdout
# the exact annotation lines ("TID    ^ TOCTOU: ...") the trace must carry,
# in order; or "#any" (any findings) / "#any armed" (at least one finding
# about what the kernel armed) for racing loops.  In every case the count
# of findings on ttrace's stderr must equal the lines in the trace.
prog=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

case $prog in
*-m32.toctou)
	if [ "$TT_HAVE_M32" != yes ]; then
		echo "SKIP: gcc -m32 cannot link here (install gcc-multilib)"
		exit 77
	fi ;;
esac

# shellcheck disable=SC2086 # TT_TTRACE_OPTS (tests/run-mode.sh) is a word list
timeout 60 "$TTRACE" ${TT_TTRACE_OPTS:-} -o "$tmp/trace" -- "$prog" >"$tmp/expected" 2>"$tmp/stderr"
st=$?
case $st in
0) ;;
77) echo "SKIP: $(cat "$tmp/stderr")"; exit 77 ;;
126) if grep -qE 'Exec format error|IA-32 emulation is disabled' "$tmp/stderr"; then
	echo "SKIP: this kernel does not run i386 programs (IA-32 emulation off)"
	exit 77
     fi
     cat "$tmp/stderr"; exit 1 ;;
*) echo "FAIL: ttrace exited $st"; cat "$tmp/stderr" "$tmp/trace"; exit 1 ;;
esac

grep -E '^[0-9]+ +  \^ TOCTOU: ' "$tmp/trace" >"$tmp/found"
n=$(wc -l <"$tmp/found")
summary=$(sed -n 's/^ttrace: \([0-9]*\) TOCTOU finding.*/\1/p' "$tmp/stderr")
if [ "${summary:-0}" != "$n" ]; then
	echo "FAIL: stderr counts ${summary:-no} findings, the trace has $n"
	cat "$tmp/stderr" "$tmp/trace"
	exit 1
fi

case $(head -n 1 "$tmp/expected") in
"#any armed")
	if ! grep -q 'TOCTOU: the kernel armed' "$tmp/found"; then
		echo "FAIL: no finding about what the kernel armed in $n findings"
		exit 1
	fi ;;
"#any") ;;
*)
	if ! diff -u "$tmp/expected" "$tmp/found"; then
		echo "FAIL: the annotation lines differ (- expected, + ttrace)"
		cat "$tmp/trace"
		exit 1
	fi ;;
esac
echo "PASS: $n finding(s) as expected"
exit 0
