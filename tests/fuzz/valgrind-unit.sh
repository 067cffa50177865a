#!/bin/sh
# The unit tests under valgrind, in one process (CK_FORK=no): any invalid
# read or write, use of uninitialised memory or definite leak fails.
# Exits 77 (skipped) without valgrind or without the unit tests, and
# under --enable-sanitizers (ASan and valgrind do not mix).
b=${TT_BUILDDIR:-.}
prog=$b/tests/unit/check_ttrace

if ! command -v valgrind >/dev/null 2>&1; then
	echo "SKIP: valgrind not installed (apt-get install valgrind)"
	exit 77
fi
if [ ! -x "$prog" ]; then
	echo "SKIP: no unit tests (configure found no check library)"
	exit 77
fi
if grep -q '__asan_init' "$prog" 2>/dev/null; then
	echo "SKIP: built with --enable-sanitizers: ASan and valgrind cannot run together"
	exit 77
fi
TT_UNDER_VALGRIND=1 CK_FORK=no exec valgrind -q --error-exitcode=1 --leak-check=full \
	--errors-for-leak-kinds=definite "$prog"
