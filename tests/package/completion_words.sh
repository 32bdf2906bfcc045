# The packaged bash completion, run as bash runs it for a word being typed,
# offers what ptviz takes: every option of ui/options.c's table (so an
# option missing from --help fails here), every workload of src/work.h's
# table for -w, every scene --scene takes (by its refusal's range), files
# after an option that takes one, nothing after one that takes a number,
# and after -- the commands on PATH.
. tests/e2e/lib.sh

bc=/usr/share/bash-completion/bash_completion
[ -f $bc ] || fail "no $bc (tests/deps.sh test installs bash-completion)"
deb_unpack
ptviz=$TMPD/root/usr/bin/ptviz
comp=$TMPD/root/usr/share/bash-completion/completions/ptviz

# COMPREPLY, sorted, one a line, for the command line "$1" (the cursor at
# its end) in folder $TMPD/files; bash gives the first word as typed, here
# the packaged binary's path.  compopt works only inside a completion bash
# started itself, so it does nothing here.
complete_for() {
	(cd "$TMPD/files" && bash -c '
	    . "$1"; . "$2"; compopt() { :; }
	    COMP_LINE=$3 COMP_POINT=${#3}
	    read -ra COMP_WORDS <<<"$3"
	    [[ $3 == *" " ]] && COMP_WORDS+=("")
	    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	    _ptviz
	    printf "%s\n" "${COMPREPLY[@]}"' sh $bc "$comp" "$ptviz $1" |
	    sort -u) </dev/null
}

# Expect the completion of "$1" to be the words "$2..." exactly.
expect() {
	local line=$1 got want
	shift
	got=$(complete_for "$line")
	want=$(printf '%s\n' "$@" | sort -u)
	[ "$got" = "$want" ] ||
		fail "'ptviz $line' completes to [$(tr '\n' ' ' <<<"$got")], not [$(tr '\n' ' ' <<<"$want")]"
}

mkdir -p "$TMPD/files/runs"
touch "$TMPD/files/run.jsonl" "$TMPD/files/run.trace.json"

expect '--w' --work
expect '-w m' mutex
expect '-w ' $(sed -nE 's/^[[:space:]]*X\(WORK_[A-Z_]+, "([a-z-]+)".*/\1/p' src/work.h)
last=$("$ptviz" --scene 999999 2>&1 | sed -nE 's/.*from 1 to ([0-9]+).*/\1/p')
[ -n "$last" ] || fail "--scene 999999 names no range"
expect '--scene ' $(seq 1 "$last")
expect '--' $(sed -nE 's/^[[:space:]]*\{ "([a-z-]+)",.*/--\1/p' ui/options.c)
shorts=$(sed -nE 's/.*getopt_long\(argc, argv, "\+:([a-zA-Z:]+)".*/\1/p' ui/options.c | tr -d :)
[ -n "$shorts" ] || fail "no getopt_long string in ui/options.c"
for c in $(fold -w 1 <<<"$shorts"); do
	complete_for '-' | grep -qx -- "-$c" || fail "'ptviz -' does not offer -$c"
done
# Every option of the table that takes a file name.
for o in --record --replay --trace --svg --png; do
	grep -q "{ \"${o#--}\"," ui/options.c || continue
	expect "$o " run.jsonl run.trace.json runs
	expect "$o r" run.jsonl run.trace.json runs
done
expect '-p ' ''
expect '--seed 1' ''
complete_for '--plain -- ba' | grep -qx bash || fail "'ptviz --plain -- ba' does not offer bash"
exit 0
