# The teacher's guide, doc/teaching.md, says what the room will see at
# each step.  This runs the guide: every claim it marks is checked against
# the real program, so a claim that stops being true fails `make test`,
# and editing a claim in the guide makes this check the new one.
#
# A claim is an HTML comment on a line of its own, invisible when the guide
# is read:
#
#     <!-- test: VERB ARG... -->
#
# ARGs are words as the shell splits them ('…' and "…" quote).  They run
# in the order of the guide, in one scratch directory:
#
#   start ARGS       end the screen before, start `ptviz ARGS` (one word)
#                    in a 120 x 40 tmux pane; "ptviz ARGS" must be in the
#                    guide's text
#   keys KEY...      press the keys (tmux names: Space, Enter, BSpace)
#   screen ERE       wait, up to 30 s, until a line of the screen matches
#   absent ERE       no line of the screen matches, now
#   run CMD          run the command line CMD (one word) with sh, `ptviz`
#                    being the binary under test; CMD must be in the
#                    guide's text
#   line ERE         a line of the last run's stdout or stderr matches
#   first FILTER ERE the first line of its stdout that matches FILTER
#                    matches ERE too
#   last FILTER ERE  the same for the last such line
#   same             CMD again prints the same stdout
#   status N         it exited N
#
# Every "## Step N" heading names its scene ("scene M"), and `ptviz
# --scenes` must point scene M to step N.  A failure names the guide's
# line; GUIDE_TRACE=1 prints each claim as it runs, with the time in ms.
# Timing and scheduling claims are left out (no order the scheduler
# chooses is waited for): only what the program guarantees
# (scene 1's fixed order, a plan's durations, a deadlock on every run).
. tests/e2e/lib.sh
. tests/e2e/tui.bash

GUIDE=doc/teaching.md
[ -f "$GUIDE" ] || fail "no $GUIDE"
PY=/usr/bin/python3
WORK=$TMPD/work
mkdir -p "$WORK" "$TMPD/bin"
ln -s "$PTVIZ" "$TMPD/bin/ptviz"

# The guide's text, its comments taken out: what a reader sees.
$PY -c '
import re, sys
print(re.sub(r"<!--.*?-->", "", open(sys.argv[1]).read(), flags=re.S))
' "$GUIDE" >"$TMPD/text" || fail "cannot read $GUIDE"

# The claims, one a line: LINE, VERB and ARGs, separated by US (0x1f).
$PY -c '
import re, shlex, sys
for n, l in enumerate(open(sys.argv[1]), 1):
    m = re.fullmatch(r"\s*<!-- test: (.*) -->\s*", l)
    if m:
        print("\x1f".join([str(n)] + shlex.split(m.group(1))))
    elif l.lstrip().startswith("<!-- test:"):
        sys.exit(f"{sys.argv[1]}:{n}: a claim must be a line of its own")
' "$GUIDE" >"$TMPD/claims" || fail "cannot parse the claims of $GUIDE"
[ "$(wc -l <"$TMPD/claims")" -ge 20 ] || fail "too few claims in $GUIDE"

# Each step's scene points back to it.
"$PTVIZ" --scenes >"$TMPD/scenes" || fail "--scenes failed"
steps=0
while read -r step scene; do
	steps=$((steps + 1))
	awk -v s="$scene" '$0 ~ "^" s "  " { on = 1; next } /^[0-9]+  / { on = 0 }
	    on && /guide: step/ { print }' "$TMPD/scenes" |
		grep -q "guide: step $step in $GUIDE\$" ||
		fail "$GUIDE: step $step plays scene $scene, but --scenes does not point it there"
done < <(sed -n 's/^## Step \([0-9]*\)\b.*scene \([0-9]*\).*/\1 \2/p' "$GUIDE")
[ "$steps" -eq 10 ] || fail "$GUIDE has $steps steps naming a scene, not 10"

# The steps' minutes add up to the lesson the guide promises.
said=$(sed -n 's/^One lesson of \([0-9]*\) minutes.*/\1/p' "$GUIDE")
[ -n "$said" ] || fail "$GUIDE does not say how long its lesson is"
sum=$(sed -n 's/^## .* — \([0-9]*\) minutes\{0,1\}$/\1/p' "$GUIDE" |
	awk '{ s += $1 } END { print s + 0 }')
[ "$sum" -eq "$said" ] ||
	fail "$GUIDE promises a lesson of $said minutes; its steps take $sum"

at=""	# the guide's line of the claim being checked
bad() {
	fail "$GUIDE:$at: $*"
}

# True if the pane shows a line matching the ERE $1.
shows() {
	tm_screen | grep -Eq -- "$1"
}

# The claim's text must be in the guide as a reader sees it.
in_text() {
	grep -qF -- "$1" "$TMPD/text" || bad "\"$1\" is not in the guide's text"
}

run_cmd() {
	(cd "$WORK" && PATH=$TMPD/bin:$PATH sh -c "$1") \
		>"$TMPD/out" 2>"$TMPD/err"
	echo $? >"$TMPD/status"
}

started=false
cmd=""
while IFS=$'\x1f' read -r -a w; do
	at=${w[0]} verb=${w[1]}
	[ -z "${GUIDE_TRACE:-}" ] || echo "$(now_ms) $GUIDE:$at: ${w[*]:1}" >&2
	set -- "${w[@]:2}"
	case $verb in
	start)
		in_text "ptviz $1"
		$started && tm kill-server
		tm_start 120 40 "sh -c 'cd $WORK && exec $PTVIZ $1'"
		started=true
		WAIT_S=30 wait_until shows '^ptviz — ' ||
			{ tm_screen >&2; bad "ptviz $1 did not start"; } ;;
	keys)
		tm send-keys -t t "$@" ;;
	screen)
		WAIT_S=30 wait_until shows "$1" ||
			{ tm_screen >&2; bad "the screen never showed /$1/"; } ;;
	absent)
		! shows "$1" || { tm_screen >&2; bad "the screen shows /$1/"; } ;;
	run)
		cmd=$1
		in_text "$cmd"
		run_cmd "$cmd" ;;
	line)
		cat "$TMPD/out" "$TMPD/err" | grep -Eq -- "$1" ||
			{ cat "$TMPD/out" "$TMPD/err" >&2; bad "$cmd: no line /$1/"; } ;;
	first|last)
		[ "$verb" = first ] && pick="head -n 1" || pick="tail -n 1"
		got=$(grep -E -- "$1" "$TMPD/out" | $pick)
		echo "$got" | grep -Eq -- "$2" ||
			bad "$cmd: the $verb line /$1/ is \"$got\", not /$2/" ;;
	same)
		cp "$TMPD/out" "$TMPD/out.before"
		run_cmd "$cmd"
		cmp -s "$TMPD/out" "$TMPD/out.before" ||
			{ diff "$TMPD/out.before" "$TMPD/out" >&2; bad "$cmd printed other lines the second time"; } ;;
	status)
		[ "$(cat "$TMPD/status")" = "$1" ] ||
			bad "$cmd: exit $(cat "$TMPD/status"), not $1: $(cat "$TMPD/err")" ;;
	*)
		bad "unknown claim \"$verb\"" ;;
	esac
done <"$TMPD/claims"

# The last screen quits cleanly, leaving nothing behind.
if $started && ! shows '^\[exit [0-9]+\]$'; then
	# shellcheck disable=SC2034 # tui_family reads it
	MAIN=$(ps -o pid=,args= --ppid "$(tm_pane_pid)" |
		awk -v p="$PTVIZ" '$2 == p { print $1 }')
	family=$(tui_family)
	tm send-keys -t t q
	WAIT_S=10 wait_until shows '^\[exit [01]\]$' || fail "q did not quit"
	# shellcheck disable=SC2086
	WAIT_S=5 wait_until tui_all_gone $family || fail "left behind: $family"
fi
exit 0
