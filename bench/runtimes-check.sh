#!/usr/bin/env bash
# bench/runtimes-check.sh [RUNS]: how often --check passes an unchanged
# run of each runtime's poll loop.  Runs tests/e2e/runtimes.sh with RUNS
# unchanged runs per case (default 20; the suite's run does 5), prints
# its whole output, then one line per case ("py-sleep: 20 of 20
# unchanged runs passed") and its wall time.  From a build tree, with
# the test's C programs built:
#   make bench-runtimes        (or: bash bench/runtimes-check.sh 20)
# Exit status: the test's (0 all passed, 1 a check failed, 77 nothing to
# run).
set -u
runs=${1:-20}
here=$(cd "$(dirname "$0")/.." && pwd)
export TTRACE="${TTRACE:-$PWD/ttrace}"
export TT_BUILDDIR="${TT_BUILDDIR:-$PWD}"
export TT_SRCDIR="${TT_SRCDIR:-$here}"
export TT_RUNTIME_RUNS="$runs"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

start=$(date +%s%N)
bash "$TT_SRCDIR/tests/e2e/runtimes.sh" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
secs=$((($(date +%s%N) - start) / 1000000000))
echo "=== $runs unchanged runs per case, ${secs} s, exit $rc"
grep -E '^[a-z0-9-]+: [0-9]+ of [0-9]+ unchanged runs passed$|^SKIP: ' "$log"
exit "$rc"
