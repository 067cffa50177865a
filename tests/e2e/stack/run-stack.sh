#!/bin/sh
# -k, -kk, --stack-depth and the stack in JSON, on chain.c built as
# chain-m64.stack or chain-m32.stack (the test driver hands the program):
# - the frames of main -> f0 -> f1 -> f2 -> f3 -> syscall() in that order
#   under the call, innermost first, after libc's syscall (and, for i386,
#   the vDSO's __kernel_vsyscall); each "[0x...]" is where the pc lies in
#   the file, checked against the symbol table and program headers
#   (nm, readelf); for x86_64 the same lines as strace -k prints;
# - -kk: f3's frame ends with chain.c and the line of its syscall();
# - JSON: the same frames as "stack", with file and line under -kk;
# - a stack through a shared library loaded after the first stack;
# - --stack-depth=3: three frames;
# - a walk that fails: one diagnostic on stderr, the call without a
#   stack, and the next call with its stack;
# - a handled signal: the frames under its "--- SIGUSR1" line.
# The maps name a module by its real path.
prog=$(readlink -f "$1") || exit 99
S=${TT_SRCDIR:-.}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fails=0

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

case $prog in
*-m32.stack)
	abi=m32 call=clock_nanosleep_time32
	if [ "$TT_HAVE_M32" != yes ]; then
		echo "SKIP: gcc -m32 cannot link here (install gcc-multilib)"
		exit 77
	fi
	"$prog" chain >/dev/null 2>&1 ||
		{ echo "SKIP: i386 programs do not run: IA-32 emulation is off in this kernel"; exit 77; }
	;;
*) abi=m64 call=clock_nanosleep ;;
esac
lib=${prog%/*}/libstk-$abi.so
[ -f "$lib" ] || { echo "HARNESS ERROR: $lib not built"; exit 99; }
for tool in nm readelf; do
	command -v $tool >/dev/null || { echo "SKIP: no $tool (binutils)"; exit 77; }
done

# trace NAME ARGS...: ttrace ARGS -o $tmp/NAME -- $prog ...; stderr in
# $tmp/NAME.err; the call lines lose their "PID " prefix.
trace() {
	_n=$1
	shift
	# shellcheck disable=SC2086 # TT_TTRACE_OPTS (tests/run-mode.sh) is a word list
	timeout 60 "$TTRACE" ${TT_TTRACE_OPTS:-} -o "$tmp/$_n.raw" "$@" 2>"$tmp/$_n.err"
	_st=$?
	[ $_st -eq 0 ] || fail "$_n: ttrace exited $_st: $(cat "$tmp/$_n.err")"
	sed 's/^[0-9][0-9]* *//' "$tmp/$_n.raw" >"$tmp/$_n"
}

# frames FILE N: the frame lines under the N-th call line of FILE.
frames() {
	awk -v n="$2" '/^ > /{ if (c == n) print; next } { c += /^clock_nanosleep/ }' "$1"
}

# where FILE SYMBOL OFFSET: "[0x...]" strace -k prints for SYMBOL+OFFSET of
# FILE: the address in the file, through the PT_LOAD that maps it.
where() {
	_a=$(nm "$1" | awk -v s="$2" '$3 == s { print $1; exit }')
	[ -n "$_a" ] || return 1
	_v=$((0x$_a + $3))
	readelf -lW "$1" | while read -r _t _off _va _pa _fs _ms _rest; do
		[ "$_t" = LOAD ] || continue
		if [ "$_v" -ge $(($_va)) ] && [ "$_v" -lt $(($_va + $_ms)) ]; then
			printf '[%#x]\n' $(($_v - $_va + $_off))
			break
		fi
	done
}

# check_module FRAMES MODULE SYMBOLS...: the frames of MODULE in FRAMES,
# in order, are exactly SYMBOLS (more may follow), each with its file
# offset right.
check_module() {
	_f=$1 _m=$2
	shift 2
	_want=$*
	_got=$(grep -F " > $_m(" "$_f" | sed 's/^ > [^(]*(\([^+)]*\).*/\1/' |
		head -n $# | tr '\n' ' ' | sed 's/ $//')
	[ "$_got" = "$_want" ] || { fail "$_f: frames of $_m are '$_got', want '$_want'"; return; }
	grep -F " > $_m(" "$_f" | head -n $# | while read -r _gt _frame _br _src; do
		_sym=${_frame#*(}
		_off=${_sym#*+}
		_sym=${_sym%%+*}
		_off=${_off%)}
		_exp=$(where "$_m" "$_sym" "$_off")
		[ "$_br" = "$_exp" ] || echo "FAIL: $_m($_sym+$_off) at $_br, the file has it at ${_exp:-nothing}"
	done >"$tmp/where"
	if [ -s "$tmp/where" ]; then
		cat "$tmp/where"
		fails=$((fails + 1))
	fi
}

# check_chain FRAMES: libc's syscall() (after the vDSO for i386), then
# f3 .. main of $prog, each frame once, in order.
check_chain() {
	_first=1
	if [ $abi = m32 ]; then
		head -n 1 "$1" | grep -Eq '^ > \[vdso\]\(__kernel_vsyscall\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]( .+:[0-9]+)?$' ||
			fail "$1: the first frame is not the vDSO's __kernel_vsyscall: $(head -n 1 "$1")"
		_first=2
	fi
	sed -n "${_first}p" "$1" | grep -Eq '^ > /[^(]*/libc\.so\.6\(syscall\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]( .+:[0-9]+)?$' ||
		fail "$1: frame $_first is not libc's syscall(): $(sed -n "${_first}p" "$1")"
	sed -n "$((_first + 1))p" "$1" | grep -q "^ > $prog(f3+" ||
		fail "$1: f3 does not follow syscall()"
	check_module "$1" "$prog" f3 f2 f1 f0 main
}

# --- -k ---------------------------------------------------------------
trace k -k -- "$prog" chain
grep -c "^$call(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0\$" "$tmp/k" |
	grep -qx 1 || fail "k: the call line is missing: $(cat "$tmp/k")"
frames "$tmp/k" 1 >"$tmp/k.frames"
check_chain "$tmp/k.frames"
[ ! -s "$tmp/k.err" ] || fail "k: stderr: $(cat "$tmp/k.err")"

# strace 6.1 -k prints the same frames for an x86_64 program (past main,
# libunwind and libdw may name libc's start-up code differently).
if [ $abi = m64 ] && command -v strace >/dev/null; then
	strace -k -e trace=clock_nanosleep -o "$tmp/strace" "$prog" chain
	sed -n '/main+/q;/^ > /p' "$tmp/strace" >"$tmp/strace.frames"
	sed -n '/main+/q;/^ > /p' "$tmp/k.frames" >"$tmp/k.upto"
	cmp -s "$tmp/strace.frames" "$tmp/k.upto" ||
		fail "k: strace -k shows other frames: $(diff "$tmp/strace.frames" "$tmp/k.upto")"
fi

# --- -kk: the source line of f3's call --------------------------------
trace kk -kk -- "$prog" chain
line=$(grep -n 'LINE_F3' "$S/tests/e2e/stack/chain.c" | cut -d: -f1)
frames "$tmp/kk" 1 >"$tmp/kk.frames"
check_chain "$tmp/kk.frames"
f3=$(grep -F " > $prog(f3+" "$tmp/kk.frames")
file=$(echo "$f3" | sed -n 's/^ > [^ ]* \[0x[0-9a-f]*\] \(.*\):[0-9]*$/\1/p')
got=$(echo "$f3" | sed -n 's/.*:\([0-9]*\)$/\1/p')
[ -n "$file" ] && [ "$file" -ef "$S/tests/e2e/stack/chain.c" ] && [ "$got" = "$line" ] ||
	fail "kk: f3's frame does not end with chain.c:$line: $f3"

# --- JSON: the same frames ------------------------------------------------
if command -v python3 >/dev/null; then
	for k in -k -kk; do
		trace "json$k" --json $k -- "$prog" chain
		python3 - "$tmp/json$k.raw" "$prog" "$k" "$line" >"$tmp/json.check" 2>&1 <<'EOF' ||
import json, sys
path, prog, k, line = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
calls = [e for e in map(json.loads, open(path)) if e["type"] == "call"]
assert len(calls) == 1, "%d calls" % len(calls)
stack = calls[0]["stack"]
mine = [f for f in stack if f["module"] == prog]
names = [f["symbol"] for f in mine][:5]
assert names == ["f3", "f2", "f1", "f0", "main"], names
libc = [i for i, f in enumerate(stack) if f["symbol"] == "syscall"]
assert libc and stack[libc[0] + 1] is mine[0], "f3 does not follow syscall()"
# Up to main every frame is named.  Past it the walk sometimes reaches
# i386 libc's __libc_start_call_main, a local function that is in no
# symbol table Debian ships (libc6-i386 has .dynsym only): such a frame
# has neither symbol nor offset, as strace's "MODULE() [0x...]".
named = stack.index(mine[4]) + 1
for i, f in enumerate(stack):
    assert int(f["pc"], 16) > 0, f
    if i < named:
        assert isinstance(f["symbol"], str) and isinstance(f["offset"], int), f
    else:
        assert (f["symbol"] is None) == (f["offset"] is None), f
if k == "-kk":
    assert mine[0]["file"].endswith("/chain.c") and mine[0]["line"] == line, mine[0]
else:
    assert "file" not in mine[0], mine[0]
EOF
			fail "json$k: $(cat "$tmp/json.check")"
	done
else
	echo "(no python3: the JSON stack is not checked)"
fi

# --- a shared library, loaded after the first stack was taken -----------
trace lib -k -- "$prog" lib "$lib"
frames "$tmp/lib" 1 >"$tmp/lib.frames1"
check_chain "$tmp/lib.frames1"
frames "$tmp/lib" 2 >"$tmp/lib.frames2"
check_module "$tmp/lib.frames2" "$lib" stk_lib_inner stk_lib_sleep
grep -A2 -F " > $lib(stk_lib_sleep+" "$tmp/lib.frames2" | sed 1d |
	sed 's/^ > [^(]*(\([^+)]*\).*/\1/' | tr '\n' ' ' | grep -qx 'via_lib main ' ||
	fail "lib: the library's frames are not followed by via_lib, main: $(cat "$tmp/lib.frames2")"

# --- a signal: its stack under its line, as strace -k prints it ---------
trace sig -k -- "$prog" signal
sed -n '/^--- SIGUSR1 /,/^[^ ]/p' "$tmp/sig" | grep '^ > ' >"$tmp/sig.frames"
[ -s "$tmp/sig.frames" ] || fail "sig: no stack under the signal's line: $(cat "$tmp/sig")"
grep -F " > $prog(" "$tmp/sig.frames" | head -n 2 | sed 's/^ > [^(]*(\([^+)]*\).*/\1/' |
	tr '\n' ' ' | grep -qx 'sig_raise main ' ||
	fail "sig: the program's frames under the signal are not sig_raise, main: $(cat "$tmp/sig.frames")"
check_module "$tmp/sig.frames" "$prog" sig_raise main
frames "$tmp/sig" 1 >"$tmp/sig.call"
check_chain "$tmp/sig.call"
[ ! -s "$tmp/sig.err" ] || fail "sig: stderr: $(cat "$tmp/sig.err")"

# --- --stack-depth -----------------------------------------------------
trace depth -k --stack-depth=3 -- "$prog" chain
n=$(frames "$tmp/depth" 1 | wc -l)
[ "$n" -eq 3 ] || fail "depth: $n frames with --stack-depth=3"

# --- a walk that fails, and the trace goes on -------------------------
trace jit -k -- "$prog" jit
[ "$(wc -l <"$tmp/jit.err")" -eq 1 ] &&
	grep -Eq "^ttrace: -k: no stack for $call of [0-9]+: the walk stopped at pc 0x[0-9a-f]+ \(frame 1\): .+" "$tmp/jit.err" ||
	fail "jit: stderr is not one diagnostic: $(cat "$tmp/jit.err")"
[ -z "$(frames "$tmp/jit" 1)" ] || fail "jit: the failed walk printed frames"
sed -n 1p "$tmp/jit" | grep -q "^$call(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=4000}, NULL) = 0\$" ||
	fail "jit: the first call line is wrong: $(sed -n 1p "$tmp/jit")"
sed -n 2p "$tmp/jit" | grep -q "^$call(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0\$" ||
	fail "jit: the call after the failed walk is not next: $(cat "$tmp/jit")"
frames "$tmp/jit" 2 >"$tmp/jit.frames"
check_chain "$tmp/jit.frames"

if [ $fails -ne 0 ]; then
	echo "$fails check(s) failed for $prog"
	exit 1
fi
echo "PASS: $prog"
