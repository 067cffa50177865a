#!/bin/sh
# tests/e2e/timeline.sh with the i386 build of its tracee (tlprog32).
TL_M32=yes
. "${TT_SRCDIR:-.}/tests/e2e/timeline.sh"
