# bash completion for ttrace -*- shell-script -*-
#
# Options come from `ttrace --help` (whatever this ttrace knows), call
# names for -e trace= from `ttrace --list-calls`, PIDs for -p, files for
# the options that take one, and after "--" (or the first word that is
# not an option) the command and its arguments as bash completes them.

# The options that start a line of the help, each of "-c, --summary-only"
# or "--timestamps[=SPEC], --absolute-timestamps[=SPEC]": "--name=" for
# one that takes a value after "=".
_ttrace_opts()
{
	"$1" --help 2>/dev/null |
		sed -nE 's/^[[:space:]]+(-[^ ,]*(, -[^ ,]*)*).*/\1/p' |
		tr ',' '\n' |
		sed -E 's/^ +//; s/\[.*//; s/=.*/=/; s/:$//' | sort -u
}

_ttrace()
{
	local cur prev words cword
	_init_completion -n =: || return

	local i
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--)
			_command_offset $((i + 1))
			return
			;;
		-o | -p | -e | -s | -a | --stack-depth) ((i++)) ;;
		-*) ;;
		*)
			_command_offset $i
			return
			;;
		esac
	done

	case $cur in
	trace=* | --trace=*)
		local pre=${cur%%=*}= list=${cur#*=} head=
		[[ $list == *,* ]] && head=${list%,*}, && list=${list##*,}
		local names=$("${words[0]}" --list-calls 2>/dev/null |
			awk '{ print $3; print $4 }' | sort -u)
		COMPREPLY=($(compgen -P "$pre$head" -W "$names %timer %sleep %wait %clock all none" -- "$list"))
		return
		;;
	esac

	case $cur in
	--timestamps=* | --absolute-timestamps=*)
		# format:WORD, precision:WORD, clock:WORD as --help lists them
		local pre=${cur%%=*}= list=${cur#*=} head= tsw
		[[ $list == *,* ]] && head=${list%,*}, && list=${list##*,}
		tsw=$("${words[0]}" --help 2>/dev/null |
			grep -oE '(format|precision|clock):[a-z|]+' |
			awk -F: '{ n = split($2, w, "|")
				for (i = 1; i <= n; i++) print $1 ":" w[i] }' |
			sort -u)
		COMPREPLY=($(compgen -P "$pre$head" -W "$tsw" -- "$list"))
		__ltrim_colon_completions "$cur"
		[[ ${COMPREPLY-} == *: ]] && compopt -o nospace
		return
		;;
	esac

	case $prev in
	-o | --profile | --check | --junit | --timeline | --check-report)
		_filedir
		return
		;;
	-p)
		_pids
		return
		;;
	-e)
		COMPREPLY=($(compgen -W 'trace= status= signal=' -- "$cur"))
		compopt -o nospace
		return
		;;
	esac

	case $cur in
	--profile=* | --check=* | --junit=* | --timeline=* | --check-report=* | -o=*)
		cur=${cur#*=}
		_filedir
		return
		;;
	--toctou=* | --seccomp=*)
		COMPREPLY=($(compgen -W 'on off' -- "${cur#*=}"))
		return
		;;
	-*)
		COMPREPLY=($(compgen -W "$(_ttrace_opts "${words[0]}")" -- "$cur"))
		[[ ${COMPREPLY-} == *= ]] && compopt -o nospace
		return
		;;
	esac
	_command_offset $cword
} &&
	complete -F _ttrace ttrace

# ex: filetype=sh
