#!/bin/sh
# A 64-bit program calling clock_nanosleep through int $0x80 (i386 number
# 267): decoded as clock_nanosleep_time32 with i386 arguments, between
# "[ Process PID=N runs in 32 bit mode. ]" and "... 64 bit mode. ]" lines
# on stderr; with -o FILE, no such lines.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

"$H/int80" >/dev/null 2>&1 ||
	skip "int \$0x80 does not work here: IA-32 emulation is off in this kernel"

# int80_trace PREFIX PERSONALITY: the trace of int80 run as pid $P.
int80_trace() {
	for step in 1000:32:NULL 2000:64:NULL 3000:32:$REM 4000:64:NULL; do
		ns=${step%%:*}
		bits=${step#*:}
		bits=${bits%%:*}
		call=clock_nanosleep
		[ "$bits" = 64 ] || call=clock_nanosleep_time32
		[ -z "${2:-}" ] || printf '%s\n' "$1[ Process PID=$P runs in $bits bit mode. ]"
		printf '%s\n' "$1$call(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=$ns}, ${step##*:}) = 0"
	done
	printf '%s\n' "$1+++ exited with 0 +++"
}

tt_run int80 -- "$H/int80"
expect_rc int80 0
REM=$(sed -n 's/^rem //p' "$W/int80.out")
P=$(sed -n 's/^\[ Process PID=\([0-9]*\) runs in 32 bit mode\. \]$/\1/p' "$W/int80.err" | head -n 1)
[ -n "$P" ] || P=PID
int80_trace "" yes >"$W/int80.want"
expect_same "int80: stderr" "$W/int80.want" "$W/int80.err"

tt_run int80o -o "$W/int80o.trace" -- "$H/int80"
expect_rc int80o 0
expect_empty "int80o: stderr" "$W/int80o.err"
REM=$(sed -n 's/^rem //p' "$W/int80o.out")
P=$(awk '{ print $1; exit }' "$W/int80o.trace")
int80_trace "$(printf '%-5d ' "$P")" >"$W/int80o.want"
expect_same "int80o: trace" "$W/int80o.want" "$W/int80o.trace"

tt_done
