#!/bin/sh
# Before the exec, ttrace reads the command's ELF header (libelf) and says
# why the kernel would not run it, exit status 126 as for any command that
# cannot run, nothing on stdout, nothing started: not an ELF program nor a
# '#!' script (directly and through PATH), an ELF object file, an ELF
# header cut short; an i386 program when the kernel runs no 32-bit
# programs (checked where IA-32 emulation is off; where it is on, the
# program runs).  A '#!' script runs.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

# With binfmt_misc handlers, a file that is not ELF may be the kernel's
# to run: ttrace then leaves it to the exec.
misc=no
for f in /proc/sys/fs/binfmt_misc/*; do
	case ${f##*/} in status|register|'*') ;; *) [ -e "$f" ] && misc=yes ;; esac
done

printf 'touch "$0.ran"\n' >"$W/text"
chmod 755 "$W/text"
if [ $misc = no ]; then
	tt_run text -- "$W/text"
	expect_result text 126 "ttrace: cannot run '$W/text': not an executable: neither an ELF program nor a '#!' script"
	PATH=$W:$PATH tt_run textpath -- text
	expect_result textpath 126 "ttrace: cannot run 'text': not an executable: neither an ELF program nor a '#!' script"
	[ ! -e "$W/text.ran" ] || fail "text: the file ran"
else
	echo "(binfmt_misc has handlers: a text file is left to the exec)"
fi

obj=$(ls "$TT_BUILDDIR"/src/*.o 2>/dev/null | head -n 1)
[ -n "$obj" ] || harness_error "no object file in $TT_BUILDDIR/src"
cp "$obj" "$W/obj.o"
chmod 755 "$W/obj.o"
tt_run obj -- "$W/obj.o"
expect_result obj 126 "ttrace: cannot run '$W/obj.o': not a program: it is an ELF relocatable object (.o)"

printf '\177ELF cut short\n' >"$W/short"
chmod 755 "$W/short"
tt_run short -- "$W/short"
expect_result short 126 "ttrace: cannot run '$W/short': not a valid ELF file: its header is cut short or damaged"

printf '#!/bin/sh\nexec "$@"\n' >"$W/script"
chmod 755 "$W/script"
tt_run script -- "$W/script" "$H/sleeper" -n 1 -s 1000
expect_result script 0 \
	"clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0" \
	"+++ exited with 0 +++"

if [ "${TT_HAVE_M32:-no}" = yes ]; then
	"$H/execchain32" 0 >/dev/null 2>&1
	case $? in
	0)
		tt_run i386 -q -- "$H/execchain32" 1000
		expect_result i386 0 \
			"clock_nanosleep_time32(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0" \
			"+++ exited with 0 +++" ;;
	*)
		tt_run i386 -- "$H/execchain32" 1000
		expect_result i386 126 "ttrace: cannot run '$H/execchain32': it is an i386 (32-bit) program, and this kernel does not run 32-bit programs: IA-32 emulation is disabled (CONFIG_IA32_EMULATION off, or ia32_emulation=0 on its command line)" ;;
	esac
else
	echo "(no -m32 toolchain: the i386 case is not checked)"
fi

tt_done
