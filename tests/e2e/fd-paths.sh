#!/bin/sh
# fd-paths.sh: -y and -yy print what strace 6.1 -y and -yy print for every
# fd ttrace decodes (helpers/fdpaths.c): the timerfd calls' fd and the fd
# timerfd_create returns, a timerfd's read, epoll_wait's epfd, the pollfds
# of poll and ppoll and the fd sets of select and pselect6 as passed (a
# result's fds plain), a pipe, sockets (-yy: a UNIX pair, an abstract
# name, a TCP listener), /dev/null (-yy: <char 1:3>), a
# file whose name strace escapes, a negative fd, fds not open.  Both
# traces are normalised as tests/e2e/decode/strace-compare.sh does (thread
# ids, padding, the timerfd count, ttrace's fd clock ids, strace's reads
# of other files) and inode numbers, which differ between two runs, are
# masked; then diffed.  --json -yy is checked for the same paths.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

command -v strace >/dev/null 2>&1 || skip "strace is not installed"
command -v perl >/dev/null 2>&1 || skip "perl is not installed"
P=$H/fdpaths
[ -x "$P" ] || harness_error "no $P"
CALLS=timerfd_create,timerfd_settime,timerfd_gettime,read,epoll_wait,epoll_pwait
CALLS=$CALLS,poll,ppoll,select,pselect6,clock_gettime
D=$W/dir
mkdir "$D" || harness_error "mkdir $D"

cat >"$W/norm.pl" <<'PERL'
use strict;
use warnings;
my $side = shift;
while (my $l = <STDIN>) {
	chomp $l;
	# strace reads every file: only the timerfd's read is ttrace's
	next if $l =~ /^\d+ +read\(\d+<(?!anon_inode:\[timerfd\]>)/;
	next if $l =~ /^\d+ +\+\+\+ /;
	$l =~ s/^\d+ +/PID /;
	$l =~ s/\) +(= [^=]*)$/) $1/;
	# the timerfd's count: ttrace [N], strace the 8 bytes quoted
	$l =~ s/^(PID read\(\d+<[^>]*>, )(\[\d+\]|"[^"]*")/$1BUF/;
	# ttrace decodes fd clock ids, strace shows them in hex
	$l =~ s/FD_TO_CLOCKID\((\d+)<[^>]*>\)/sprintf('%#x \/* CLOCK_??? *\/', ((~(0 + $1) << 3) | 3) & 0xffffffff)/ge
		if $side eq 'ttrace';
	# inodes and ports differ between two runs
	$l =~ s/:\[\d+(?=[\],-])/:[INO/g;
	$l =~ s/->\d+/->INO/g;
	$l =~ s/(127\.0\.0\.1):\d+/$1:PORT/g;
	$l =~ s/0x[0-9a-f]{7,}/0xADDR/g;
	$l =~ s/(left \{tv_sec=)\d+(, tv_[un]sec=)\d+\}/$1N$2N}/;
	print "$l\n";
}
PERL

for y in -y -yy; do
	strace -f -o "$W/s$y" $y -e trace=$CALLS -- "$P" "$D" >/dev/null 2>"$W/s$y.err" ||
		harness_error "strace $y failed: $(cat "$W/s$y.err")"
	"$TTRACE" -o "$W/t$y" $y -e trace=$CALLS -- "$P" "$D" >/dev/null 2>"$W/t$y.err" ||
		fail "ttrace $y exited with $?: $(cat "$W/t$y.err")"
	perl "$W/norm.pl" strace <"$W/s$y" >"$W/s$y.n" &&
		perl "$W/norm.pl" ttrace <"$W/t$y" >"$W/t$y.n" || harness_error "perl"
	grep -q 'anon_inode:\[timerfd\]' "$W/s$y.n" ||
		harness_error "strace $y shows no fd path: $(cat "$W/s$y")"
	diff -u "$W/s$y.n" "$W/t$y.n" ||
		fail "ttrace $y and strace $y disagree (- strace, + ttrace)"
done

"$TTRACE" -o "$W/t.json" --json -yy -e trace=$CALLS -- "$P" "$D" >/dev/null 2>&1 ||
	fail "ttrace --json -yy exited with $?"
for want in '"return":{"value":3,"path":"anon_inode:[timerfd]"}' \
	'"epfd":{"value":4,"path":"anon_inode:[eventpoll]"}' \
	'"path":"/dev/null","device":"char 1:3"' \
	'"socket":"UNIX:[' \
	"\"path\":\"$D/we\\u000aird\\u00ff\\\"\\\\<x>\\u00017 ok\""; do
	grep -qF "$want" "$W/t.json" || fail "--json -yy: no $want"
done
# no path where strace shows none: the result's fds, a closed fd
grep -q '"revents":\[{"fd":{' "$W/t.json" && fail "--json: a result's fd has a path"
grep -q '"name":"timerfd_gettime".*"ufd":3,.*EBADF' "$W/t.json" ||
	fail "--json: the closed timerfd is no plain 3"
tt_done
