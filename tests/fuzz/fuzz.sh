#!/bin/sh
# Runs every libFuzzer target (tests/fuzz/fuzz.mk) over its seed corpus:
# briefly in 'make check' (FUZZ_RUNS inputs each, default 10000, fixed
# seed, new inputs kept in a temporary directory), or for FUZZ_SECONDS
# each in 'make fuzz' (new inputs kept in tests/fuzz/work/NAME of the
# build tree, so that the next run starts from them).  A crash leaves its
# input as tests/fuzz/work/NAME-crash-*; replay it with
#   tests/fuzz/fuzz_NAME tests/fuzz/work/NAME-crash-...
# Exits 77 (skipped) when the targets were not built, saying why.
b=${TT_BUILDDIR:-.}
s=${TT_SRCDIR:-.}
names="decode_render value_tree proc_parsers options profile"

for n in $names; do
	if [ ! -x "$b/tests/fuzz/fuzz_$n" ]; then
		echo "SKIP: no fuzz targets: ${TT_FUZZ_WHY:-fuzz_$n not built}"
		exit 77
	fi
done

# The test environment turns leak checking off for programs run under
# ptrace; here nothing is traced.
ASAN_OPTIONS=detect_leaks=1
UBSAN_OPTIONS=print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS

work=$b/tests/fuzz/work
mkdir -p "$work" || exit 99
if [ -n "$FUZZ_SECONDS" ]; then
	limit="-max_total_time=$FUZZ_SECONDS"
	out=$work
else
	limit="-runs=${FUZZ_RUNS:-10000} -seed=1"
	out=$(mktemp -d "${TMPDIR:-/tmp}/ttrace-fuzz.XXXXXX") || exit 99
	trap 'rm -rf "$out"' EXIT
fi

failed=
for n in $names; do
	extra=
	if [ "$n" = options ]; then
		# usage errors on stderr at every run: not worth reading
		extra="-dict=$s/tests/fuzz/options.dict -close_fd_mask=3"
	fi
	mkdir -p "$out/$n" || exit 99
	echo "=== fuzz_$n $limit"
	start=$(date +%s)
	# shellcheck disable=SC2086
	if "$b/tests/fuzz/fuzz_$n" $limit $extra -print_final_stats=1 \
		-artifact_prefix="$work/$n-" "$out/$n" "$s/tests/fuzz/corpus/$n" \
		>"$work/$n.log" 2>&1; then
		grep -E '^stat::number_of_executed_units|^Done' "$work/$n.log"
		echo "ok: fuzz_$n ($(( $(date +%s) - start )) s)"
	else
		tail -n 60 "$work/$n.log"
		echo "FAIL: fuzz_$n: input kept as $(ls -t "$work/$n-"* 2>/dev/null | head -n 1)"
		failed="$failed $n"
	fi
done
[ -z "$failed" ] || { echo "FAIL:$failed"; exit 1; }
exit 0
