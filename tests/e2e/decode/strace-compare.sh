#!/bin/sh
# strace-compare.sh: ttrace agrees with strace 6.1 line for line, except
# for its deliberate differences.
#
# Every decoding program (tests/e2e/decode/*.dec) runs once under
#   strace -f -o S -e trace=<the same calls, in strace's names>
# and once under ttrace -o T, for each trace set it asks for (e2e.h), with
# address space randomisation off so both runs see the same addresses.
# Both traces are normalised, then diffed.  The normalisation undoes only
# what ttrace does on purpose, and masks what differs between two runs:
#   - thread ids become PID; the padding before "= RET" is one space
#     (renaming changes the line length; run-decode.sh checks alignment);
#   - ttrace's i386 time32 names (timer_settime32, clock_gettime32,
#     clock_nanosleep_time32, nanosleep_time32, futex_time32, ...) become
#     strace's plain names; %timer and %sleep become lists of names;
#   - strace runs with -y when it traces read: its reads of other files
#     are dropped, the fd paths removed; ttrace's timerfd count "[N]" is
#     quoted as strace quotes the 8 bytes;
#   - ttrace's annotation lines ("  ^ NAME: ... padding ...") are dropped,
#     and strace's full 64-bit tv_nsec of an i386 time64 call is cut to the
#     low half ttrace shows;
#   - ttrace's decoded CPU and fd clock ids go back to strace's hex;
#   - a restart_syscall after an interrupted restart_syscall names the
#     original call (strace: restart_syscall);
#   - the remain argument of an interrupted relative sleep whose flags are
#     not 0 (ttrace decodes it, strace shows the address) is masked;
#   - ttrace's i386 ppoll_time32 and pselect6_time32 become strace's
#     plain names, and the time left after a wait's return value is
#     masked as what a clock reads;
#   - what differs between two runs is masked: the old value or remain (a
#     decoded 4th argument), what a clock or timer read (the decoded last
#     argument of clock_gettime, clock_adjtime, timer_gettime, nanosleep,
#     timerfd_gettime, getitimer, setitimer), wall-clock times (tv_sec of
#     9+ digits), the
#     CPU clock ids of the traced process (they hold its pid), and the
#     thread id a sigevent names when it is the traced thread's, and the
#     id of the semaphore set a run made (semtimedop, semop).
# Exit status: 0 pass, 1 fail, 77 skip, 99 broken harness.

if ! command -v strace >/dev/null 2>&1; then
	echo "SKIP: strace is not installed (apt-get install strace)"
	exit 77
fi
if ! command -v perl >/dev/null 2>&1; then
	echo "SKIP: perl is not installed; it normalises the traces"
	exit 77
fi
if [ -z "$TTRACE" ] || [ ! -x "$TTRACE" ] || [ -z "$TT_BUILDDIR" ]; then
	echo "strace-compare.sh: TTRACE and TT_BUILDDIR must be set"
	exit 99
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tt-cmp.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# Same addresses in both runs; without setarch, addresses are masked.
norand=
mask_addr=1
if setarch "$(uname -m)" -R true >/dev/null 2>&1; then
	norand="setarch $(uname -m) -R"
	mask_addr=0
fi

# ttrace's trace set, in strace's names, from ttrace's own rows
# (--list-calls: ABI NR NAME FAMILY CLASSES).  A word is a class, an
# entry point's exact name, or a family (every ABI variant).  strace names
# the i386 time32 calls plainly and the time64 ones after the kernel; it
# shows an i386 ipc as the semop or semtimedop it makes, and has no
# %timer or %sleep.  The default and all are %timer (the programs make
# no wait under them), all with read.
"$TTRACE" --list-calls >"$tmp/calls" || exit 99
strace_set() {
	case $1 in
	default) set -- %timer ;;
	all) set -- %timer,read ;;
	esac
	awk -v set="$1" '
	BEGIN { n = split(set, want, ",") }
	{
		hit = 0
		for (i = 1; i <= n; i++)
			if ($3 == want[i] || $4 == want[i] ||
			    index("," $5 ",", "," want[i] ","))
				hit = 1
		if (!hit)
			next
		name = $3
		if (name == "ipc")
			name = "semop,semtimedop"
		else if (name ~ /_time32$/)
			sub(/_time32$/, "", name)
		else if (name ~ /[a-z]32$/)
			sub(/32$/, "", name)
		if (!(name in seen)) {
			seen[name] = 1
			out = out (out == "" ? "" : ",") name
		}
	}
	END { print out }' "$tmp/calls"
}

cat >"$tmp/norm.pl" <<'EOF'
# norm.pl SIDE(strace|ttrace) I386(0|1) MASK_ADDR(0|1) < trace
use strict;
use warnings;

my ($side, $i386, $mask_addr) = @ARGV;

# The 8 bytes of a timerfd's count as strace quotes a buffer: printable
# characters as they are, \t \n \v \f \r, others in octal (three digits
# when an octal digit follows).
sub strace_quote {
	my @b = unpack('C8', pack('Q<', $_[0]));
	my %esc = (9 => '\t', 10 => '\n', 11 => '\v', 12 => '\f', 13 => '\r',
		   34 => '\"', 92 => '\\\\');
	my $s = '';
	for my $i (0 .. 7) {
		my ($c, $next) = ($b[$i], $i < 7 ? $b[$i + 1] : -1);
		if (exists $esc{$c}) {
			$s .= $esc{$c};
		} elsif ($c >= 32 && $c < 127) {
			$s .= chr($c);
		} elsif ($next >= 48 && $next <= 55) {
			$s .= sprintf('\\%03o', $c);
		} else {
			$s .= sprintf('\\%o', $c);
		}
	}
	return "\"$s\"";
}
my %interrupted;	# pid -> name of its last call cut short

sub split_args {
	my ($s) = @_;
	my (@args, $depth, $cur);
	($depth, $cur) = (0, '');
	for my $c (split //, $s) {
		$depth++ if $c eq '{';
		$depth-- if $c eq '}';
		if ($c eq ',' && $depth == 0) {
			push @args, $cur;
			$cur = '';
			next;
		}
		$cur .= $c;
	}
	push @args, $cur if length $cur;
	s/^ // for @args;
	return @args;
}

sub cpu_clock {
	my ($kind, $pid, $which) = @_;
	my %code = (PROF => 0, VIRT => 1, SCHED => 2);
	my $id = ((~(0 + $pid) << 3) | ($kind eq 'THREAD' ? 4 : 0) | $code{$which});
	return sprintf('%#x /* CLOCK_??? */', $id & 0xffffffff);
}

while (my $line = <STDIN>) {
	chomp $line;
	next if $side eq 'ttrace' && $line =~ /^\d+ +  \^ /;
	if ($side eq 'strace') {
		# -y (for reads): only reads of timerfds, then no fd paths
		next if $line =~ /^\d+ +read\((\d+)<(?!anon_inode:\[timerfd\]>)/;
		$line =~ s/(\d)<[^<>]*>/$1/g;
	} else {
		$line =~ s/^(\d+ +read\(\d+, )\[(\d+)\]/$1 . strace_quote($2)/e;
	}
	$line =~ s/^(\d+) +/PID /;
	my $pid = 0 + ($1 // 0);
	$line =~ s/\) +(= [^=]*)$/) $1/;
	if ($side eq 'ttrace') {
		$line =~ s/\b(timer_settime|timerfd_settime|timer_gettime|timerfd_gettime|clock_gettime|clock_settime|clock_adjtime)32\b/$1/g;
		$line =~ s/\b(clock_nanosleep|nanosleep|clock_getres)_time32\b/$1/g;
		$line =~ s/\brt_sigtimedwait_time32\b/rt_sigtimedwait/g;
		$line =~ s/\bfutex_time32\b/futex/g;
		$line =~ s/\b(io_getevents|io_pgetevents)_time32\b/$1/g;
		$line =~ s/MAKE_(PROCESS|THREAD)_CPUCLOCK\((\d+), CPUCLOCK_(\w+)\)/cpu_clock($1, $2, $3)/ge;
		$line =~ s/\b(ppoll|pselect6)_time32\b/$1/g;
		$line =~ s/FD_TO_CLOCKID\((\d+)\)/sprintf('%#x \/* CLOCK_??? *\/', ((~(0 + $1) << 3) | 3) & 0xffffffff)/ge;
	}
	if ($line =~ /^PID (\w+)\((.*)\) (= .*)$/) {
		my ($name, $ret) = ($1, $3);
		my @args = split_args($2);

		if ($side eq 'strace' && $i386 && $name =~ /64$/) {
			s/tv_nsec=(\d+)/'tv_nsec=' . ($1 & 0xffffffff)/ge for @args;
		}
		if ($name eq 'restart_syscall') {
			$args[0] =~ s/interrupted restart_syscall/interrupted $interrupted{$pid}/
				if $side eq 'strace' && defined $interrupted{$pid};
		} elsif ($ret =~ /^= \? ERESTART_RESTARTBLOCK/) {
			$interrupted{$pid} = $name;
			$args[3] = '<rmtp>'
				if $name =~ /^clock_nanosleep/ && $args[1] ne '0';
		}
		$args[3] =~ s/\d+/N/g if @args > 3 && $args[3] =~ /^\{/;
		# What a clock or a timer reads now: the last argument of
		# these, when decoded.
		$args[-1] =~ s/\d+/N/g
			if $name =~ /^(clock_gettime|clock_adjtime|adjtimex|timer_gettime|timerfd_gettime|getitimer|setitimer|nanosleep)/ &&
			   @args && $args[-1] =~ /^\{/;
		s/tv_sec=\d{9,}, tv_nsec=\d+/tv_sec=T, tv_nsec=T/g for @args;
		# The time left a wait wrote back, as a clock reads it now.
		$ret =~ s/(left \{tv_sec=)\d+(, tv_[un]sec=)\d+\}/$1N$2N}/;
		# Each run makes its own semaphore set.
		$args[0] = 'SEMID' if $name =~ /^sem(timed)?op/ && @args;
		$line = "PID $name(" . join(', ', @args) . ") $ret";
	}
	# A sigevent naming the traced thread itself.
	$line =~ s/sigev_notify_thread_id=$pid\b/sigev_notify_thread_id=SELF/g;
	# A siginfo of a signal the traced process sent itself.
	$line =~ s/si_pid=$pid\b/si_pid=SELF/g;
	# The CPU clocks of the traced process itself: its pid differs.
	for my $k (0 .. 7) {
		my $self = sprintf('%#x', ((~$pid << 3) | $k) & 0xffffffff);
		$line =~ s/\b$self \/\*/SELF_CLOCK_$k \/*/g;
	}
	$line =~ s/0x[0-9a-f]{7,}(?! \/\*)/0xADDR/g if $mask_addr;
	print "$line\n";
}
EOF

# compare PROGRAM SET I386: one run of each tracer; returns 1 when they
# disagree.
compare() {
	_ok=0
	if [ "$2" = default ]; then
		tsel=
	else
		tsel="-e trace=$2"
	fi
	ssel="-e trace=$(strace_set "$2")"
	# strace prints every read: -y shows which are of timerfds
	case ,$(strace_set "$2"), in *,read,*) ssel="-y $ssel" ;; esac
	echo "== $1: strace $ssel / ttrace ${tsel:-(no -e)}"
	# Both at once: the programs sleep, the suite should not wait twice.
	# shellcheck disable=SC2086 # word lists
	TT_E2E_TRACE=$2 $norand strace -f -o "$tmp/s" $ssel -- "$1" \
		>/dev/null 2>"$tmp/s.err" &
	# shellcheck disable=SC2086
	TT_E2E_TRACE=$2 $norand "$TTRACE" -o "$tmp/t" $tsel -- "$1" \
		>/dev/null 2>"$tmp/t.err"
	trc=$?
	wait $!
	src=$?
	if [ $src != $trc ]; then
		echo "FAIL: strace exited with $src, ttrace with $trc"
		_ok=1
	fi
	perl "$tmp/norm.pl" strace "$3" $mask_addr <"$tmp/s" >"$tmp/s.n" &&
		perl "$tmp/norm.pl" ttrace "$3" $mask_addr <"$tmp/t" >"$tmp/t.n" ||
		exit 99
	if ! diff -u "$tmp/s.n" "$tmp/t.n"; then
		echo "FAIL: ttrace and strace disagree (- strace, + ttrace)"
		_ok=1
	fi
	return $_ok
}

status=0
compared=0
for prog in "$TT_BUILDDIR"/tests/e2e/decode/*.dec; do
	[ -x "$prog" ] || continue
	i386=0
	case $prog in *-m32.dec) i386=1 ;; esac
	TT_E2E_PROBE=1 "$prog" >"$tmp/probe" 2>&1
	if [ "$(sed -n 1p "$tmp/probe")" != e2e-probe-ok ]; then
		if [ $i386 = 1 ]; then
			echo "-- $prog: not run, the kernel does not run i386 programs"
			continue
		fi
		echo "strace-compare.sh: $prog does not answer the probe"
		exit 99
	fi
	for set in $(sed 1d "$tmp/probe"); do
		# The two tracers run the program separately: under load a
		# signal of the interrupt programs can land on another sleep.
		# A disagreement counts when three runs in a row disagree.
		tries=1
		until compare "$prog" "$set" $i386; do
			if [ $tries = 3 ]; then
				status=1
				break
			fi
			tries=$((tries + 1))
			echo "(runs of timing-dependent programs can differ: try $tries)"
		done
		compared=$((compared + 1))
	done
done
if [ $compared = 0 ]; then
	echo "SKIP: no decoding program could be run"
	exit 77
fi
exit $status
