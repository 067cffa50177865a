#!/bin/sh
# doc/ttrace.1's table of calls against the syscall tables: make writes
# the table from the rows of arch/ABI/syscalls.h (doc/calls.awk); every
# entry point (ABI, number, name) that the built ttrace --list-calls
# prints is in it (the x86_64 column, then the two i386 ones), and the
# table has no other.
set -u
MAN=${TT_BUILDDIR:-.}/doc/ttrace.1
W=$(mktemp -d) || exit 99
trap 'rm -rf "$W"' EXIT

"$TTRACE" --list-calls >"$W/list" || { echo "ttrace --list-calls failed"; exit 1; }
cut -d' ' -f1-3 "$W/list" | sort >"$W/tables"
awk -F '\t' '
/^\.TS/ { t++; next }
/^\.TE/ { if (t == 1) exit; next }
t == 1 {
	for (i = 1; i <= NF; i++) {
		n = split($i, cell, /, /)
		for (j = 1; j <= n; j++)
			if (match(cell[j], /^[a-z0-9_]+ \([0-9]+\)$/)) {
				split(cell[j], f, /[ ()]+/)
				print (i == 1 ? "x86_64" : "i386"), f[2], f[1]
			}
	}
}' "$MAN" | sort >"$W/man"
[ -s "$W/tables" ] && [ -s "$W/man" ] || { echo "no calls read"; exit 1; }
if ! cmp -s "$W/tables" "$W/man"; then
	echo "doc/ttrace.1's table of calls differs from the tables (< tables, > man page):"
	diff "$W/tables" "$W/man"
	exit 1
fi
echo "$(wc -l <"$W/man") entry points, the same in doc/ttrace.1 and the tables"
