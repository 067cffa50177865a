#!/bin/sh
# make install and make uninstall, as a packager runs them: with DESTDIR
# and a prefix, ttrace, its man page and its bash completion land where
# they belong, the installed ttrace runs, and uninstall removes them all;
# then the completion, sourced into bash as bash-completion loads it,
# completes options, call names for -e trace= and the command after --.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

D=$W/dest
MAKE=${MAKE:-make}
command -v "$MAKE" >/dev/null || skip "no make"

"$MAKE" -s -C "$TT_BUILDDIR" install DESTDIR="$D" prefix=/opt/tt >"$W/install.out" 2>&1 ||
	fail "make install: $(cat "$W/install.out")"
for f in bin/ttrace share/man/man1/ttrace.1 share/bash-completion/completions/ttrace; do
	[ -f "$D/opt/tt/$f" ] || fail "make install: no $f: $(cd "$D" && find . -type f)"
done
"$D/opt/tt/bin/ttrace" -o "$W/installed.trace" -- "$H/sleeper" -n 1 -s 1000 >/dev/null 2>&1 ||
	fail "the installed ttrace does not run"
grep -q 'clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0' "$W/installed.trace" ||
	fail "the installed ttrace traced nothing: $(cat "$W/installed.trace")"
"$MAKE" -s -C "$TT_BUILDDIR" uninstall DESTDIR="$D" prefix=/opt/tt >"$W/uninstall.out" 2>&1 ||
	fail "make uninstall: $(cat "$W/uninstall.out")"
left=$(find "$D" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"

# the completion
BC=/usr/share/bash-completion/bash_completion
if [ ! -f "$BC" ] || ! command -v bash >/dev/null; then
	echo "(completion part skipped: bash-completion is not installed)"
	tt_done
fi
cat >"$W/comp.bash" <<END
source "$BC"
source "$TT_SRCDIR/contrib/ttrace.bash"
PATH="\$(dirname "$TTRACE"):\$PATH"
comp() {
	COMP_WORDS=("\$@"); COMP_CWORD=\$((\$# - 1))
	COMP_LINE="\$*"; COMP_POINT=\${#COMP_LINE}; COMPREPLY=()
	_ttrace 2>/dev/null
	printf '%s\n' "\${COMPREPLY[@]}" | sort -u | tr '\n' ' '
	echo
}
comp ttrace --prof
comp ttrace -e trace=timerfd_s
comp ttrace -e trace=poll,epoll_pw
comp ttrace --seccomp=o
# the part after a colon, which bash takes as a word of its own
comp ttrace --timestamps=clock:m
comp ttrace --absolute-timestamps=unix,prec
comp ttrace --timest
comp ttrace --summ
comp ttrace --abs
comp ttrace -f -- truncat
END
bash "$W/comp.bash" >"$W/comp.out" 2>"$W/comp.err"
cat >"$W/comp.want" <<'END'
--profile= 
trace=timerfd_settime trace=timerfd_settime32 trace=timerfd_settime64 
trace=poll,epoll_pwait trace=poll,epoll_pwait2 
off on 
monotonic 
--absolute-timestamps=unix,precision:ms --absolute-timestamps=unix,precision:ns --absolute-timestamps=unix,precision:s --absolute-timestamps=unix,precision:us 
--timestamps --timestamps= 
--summary --summary-only 
--absolute-timestamps 
truncate 
END
cmp -s "$W/comp.want" "$W/comp.out" ||
	fail "completion: $(diff "$W/comp.want" "$W/comp.out") $(cat "$W/comp.err")"
tt_done
