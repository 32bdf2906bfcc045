# bash completion for ptviz(1), installed as
# $(PREFIX)/share/bash-completion/completions/ptviz and loaded on first use.
#
# What it offers is read from the ptviz being completed, so a new option,
# workload or scene needs nothing here: the options from --help, each with
# the word it takes (an option shown with FILE completes file names, with
# WORK the workloads, with PID the processes; N and SECONDS nothing), the
# workloads from --help's list under -w, the scenes from --scenes.  After
# --, a command and its own arguments.

# The options ptviz $1's --help names, one a line, each with the word it
# takes if it shows one: "--record FILE", "--plain".  Its prose names a few
# again ("-s slows it down"), which adds nothing new.
_ptviz_options()
{
	"$1" --help 2>/dev/null |
	    grep -oE -- '(^|[[ |])--?[A-Za-z][-a-z]*( [A-Z]+)?' |
	    sed -E 's/^[[ |]//' | sort -u
}

# The workloads of ptviz $1: the words that start a line of --help's list
# under "--work WORK", up to the next option (an option's line starts
# with 2 or 6 spaces; a line of a workload's words may start with
# "--iterations").
_ptviz_workloads()
{
	"$1" --help 2>/dev/null | awk '
	    /--work WORK/ { on = 1; next }
	    on && /^  -|^      -/ { exit }
	    on && /^ +[a-z][-a-z]*  / { print $1 }'
}

# The numbers of ptviz $1's ready scenes, from --scenes.
_ptviz_scenes()
{
	"$1" --scenes 2>/dev/null | sed -nE 's/^([0-9]+)  .*/\1/p'
}

_ptviz()
{
	local cur prev words cword split i ptviz opts takes
	_init_completion -s || return

	# After --, the words are a command's and its arguments'.
	for ((i = 1; i < cword; i++)); do
		if [[ ${words[i]} == -- ]]; then
			_command_offset $((i + 1))
			return
		fi
	done

	ptviz=${words[0]}
	opts=$(_ptviz_options "$ptviz")
	# The words the option before this one takes, as --help names them.
	takes=" $(awk -v o="$prev" '$1 == o && NF == 2 { printf "%s ", $2 }' \
	    <<<"$opts")"
	case $prev,$takes in
	--scene,*)
		mapfile -t COMPREPLY < <(compgen -W \
		    "$(_ptviz_scenes "$ptviz")" -- "$cur")
		return ;;
	*" FILE "*)
		_filedir
		return ;;
	*" WORK "*)
		mapfile -t COMPREPLY < <(compgen -W \
		    "$(_ptviz_workloads "$ptviz")" -- "$cur")
		return ;;
	*" PID "*)
		_pids
		return ;;
	*,\ *[A-Z]*)
		return ;;	# a number: nothing to offer
	esac
	$split && return

	mapfile -t COMPREPLY < <(compgen -W \
	    "$(awk '{ print $1 }' <<<"$opts" | sort -u)" -- "$cur")
} &&
	complete -F _ptviz ptviz
