#!/bin/sh
# Writes, from the constant tables in src/xlat/*.c (the files given), a C
# file that checks each constant against the system headers' at compile
# time (tests/unit/xlat-headers.c includes it).  An entry is a
# "{ VALUE, "NAME" }" pair or a "[VALUE] = "NAME"" initialiser; a line
# with a constant's name in another shape fails the build, so no entry
# goes unchecked.
awk '
function emit(v, n) {
	printf "#if defined(%s)\n", n
	printf "_Static_assert((%s) == (%s), \"%s: %s in %s\");\n", n, v, n, v, FILENAME
	printf "#elif !defined(TT_UNCHECKED_%s)\n", n
	printf "#error \"%s (%s) is in no header: say why in xlat-unchecked.h\"\n", n, FILENAME
	printf "#endif\n"
}
{
	line = $0
	names = 0
	rest = line
	while (match(rest, /"[A-Z][A-Z0-9_]*"/)) {
		names++
		rest = substr(rest, RSTART + RLENGTH)
	}
	found = 0
	rest = line
	while (match(rest, /\{ *-?(0x[0-9a-fA-F]+|[0-9]+) *, *"[A-Z][A-Z0-9_]*" *\}/)) {
		e = substr(rest, RSTART + 1, RLENGTH - 2)
		rest = substr(rest, RSTART + RLENGTH)
		split(e, f, /[ ,"]+/)
		v = f[1] == "" ? f[2] : f[1]
		n = f[1] == "" ? f[3] : f[2]
		emit(v, n)
		found++
	}
	rest = line
	while (match(rest, /\[[0-9]+\] *= *"[A-Z][A-Z0-9_]*"/)) {
		e = substr(rest, RSTART, RLENGTH)
		rest = substr(rest, RSTART + RLENGTH)
		split(e, f, /[][ ="]+/)
		emit(f[2], f[3])
		found++
	}
	if (found != names) {
		printf "%s:%d: a constant in a shape xlat-gen.sh does not know: %s\n", FILENAME, FNR, line > "/dev/stderr"
		bad = 1
	}
}
END { exit bad }
' "$@"
