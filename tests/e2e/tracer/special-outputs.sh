#!/bin/sh
# Every file ttrace writes (-o, --timeline, --profile, --junit) named as a
# symlink, a FIFO, a character device or a directory: a symlink is
# followed (its target written, the link stays a link), a FIFO and a
# device are written in place (never replaced by a regular file), a
# directory is refused before the command runs and left as it was.
. "${TT_SRCDIR:-.}/tests/e2e/tracer/lib.sh"

S=$H/sleeper
BASE=$W/base.json
tt_run base --profile="$BASE" -o /dev/null -- "$S" -n 2 -s 1000
[ "$TT_RC" = 0 ] && [ -s "$BASE" ] || harness_error "base profile: $(cat "$W/base.err")"

# out KIND NAME PATH: ttrace writing its KIND output to PATH, the command
# logging to $W/NAME.log that it ran.
out() {
	_k=$1
	_n=$2
	_p=$3
	set -- -n 2 -s 1000 -l "$W/$_n.log"
	case $_k in
	profile) tt_run "$_n" --profile="$_p" -o /dev/null -- "$S" "$@" ;;
	junit) tt_run "$_n" --check="$BASE" --junit="$_p" -o /dev/null -- "$S" "$@" ;;
	trace) tt_run "$_n" -o "$_p" -- "$S" "$@" ;;
	timeline) tt_run "$_n" --timeline="$_p" -o /dev/null -- "$S" "$@" ;;
	esac
}

# mark KIND: a string every output of KIND holds; what KIND: its name in
# ttrace's messages.
mark() {
	case $1 in
	profile) echo '"ttrace_profile"' ;;
	junit) echo '<testsuites' ;;
	trace) echo 'clock_nanosleep(' ;;
	timeline) echo '"ph":' ;;
	esac
}
what() {
	case $1 in
	profile) echo profile ;;
	junit) echo "JUnit report" ;;
	trace) echo trace ;;
	timeline) echo timeline ;;
	esac
}

have_mknod=yes
mknod "$W/nodetest" c 1 3 2>/dev/null && [ -c "$W/nodetest" ] || have_mknod=no
dev_ok=yes

for k in profile junit trace timeline; do
	# a symlink to a regular file: the target is written
	echo old >"$W/$k.target"
	ln -s "$k.target" "$W/$k.link"
	out "$k" "$k-link" "$W/$k.link"
	expect_rc "$k-link" 0
	[ -L "$W/$k.link" ] || fail "$k-link: the symlink was replaced"
	grep -qF -- "$(mark "$k")" "$W/$k.target" ||
		fail "$k-link: the target was not written: $(head -c 200 "$W/$k.target")"
	! grep -qx old "$W/$k.target" || fail "$k-link: the target still holds its old text"

	# a symlink to a file not there yet: created where the link points
	ln -s "$k.new" "$W/$k.dangling"
	out "$k" "$k-dangling" "$W/$k.dangling"
	expect_rc "$k-dangling" 0
	[ -L "$W/$k.dangling" ] || fail "$k-dangling: the symlink was replaced"
	grep -qF -- "$(mark "$k")" "$W/$k.new" 2>/dev/null ||
		fail "$k-dangling: the link's target was not written"

	# a FIFO with a reader: the reader gets it all, the FIFO stays
	mkfifo "$W/$k.fifo"
	timeout -k 1 10 cat "$W/$k.fifo" >"$W/$k.fromfifo" &
	_cat=$!
	tt_track "$_cat"
	out "$k" "$k-fifo" "$W/$k.fifo"
	expect_rc "$k-fifo" 0
	[ -p "$W/$k.fifo" ] || fail "$k-fifo: the FIFO was replaced"
	# a replaced FIFO never gets a writer: end its reader
	[ -p "$W/$k.fifo" ] || kill "$_cat" 2>/dev/null
	wait "$_cat"
	grep -qF -- "$(mark "$k")" "$W/$k.fromfifo" ||
		fail "$k-fifo: the reader got: $(head -c 200 "$W/$k.fromfifo")"

	# a character device (a /dev/null of our own)
	if [ "$have_mknod" = yes ]; then
		mknod "$W/$k.null" c 1 3
		out "$k" "$k-dev" "$W/$k.null"
		expect_rc "$k-dev" 0
		[ -c "$W/$k.null" ] || { fail "$k-dev: the device was replaced"; dev_ok=no; }
	fi

	# a directory: refused before the command runs, left as it was
	mkdir "$W/$k.dir"
	echo keep >"$W/$k.dir/file"
	out "$k" "$k-dir" "$W/$k.dir"
	expect_result "$k-dir" 1 "ttrace: cannot write the $(what "$k") to '$W/$k.dir': Is a directory"
	[ ! -e "$W/$k-dir.log" ] || fail "$k-dir: the command ran"
	[ -d "$W/$k.dir" ] && [ "$(cat "$W/$k.dir/file")" = keep ] ||
		fail "$k-dir: the directory changed"
	[ "$(ls -A "$W/$k.dir")" = file ] || fail "$k-dir: left behind: $(ls -A "$W/$k.dir")"
done

# The machine's /dev/null, once our own device node was seen to be kept
# (a ttrace that replaced it would destroy /dev/null for root).
if [ "$have_mknod" = yes ] && [ "$dev_ok" = yes ] && [ -c /dev/null ]; then
	for k in profile junit; do
		out "$k" "$k-devnull" /dev/null
		expect_rc "$k-devnull" 0
		[ -c /dev/null ] || fail "$k-devnull: /dev/null is no longer a character device"
	done
fi
[ -z "$(ls -A "$W" | grep '\.tmp\.')" ] || fail "temporary files left: $(ls -A "$W" | grep '\.tmp\.')"
tt_done
