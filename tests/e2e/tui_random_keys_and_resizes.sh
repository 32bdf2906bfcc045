# KEYS (default 10 000) random key presses -- every binding but quit, plus
# letters, digits, escapes, function keys and arrows -- sent in bursts, with
# the pane resized between bursts to sizes from tiny to large.  ptviz never
# crashes or hangs, still answers, then quits cleanly: status 0 (or 1 after
# k), terminal
# restored, nothing left running.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

keys=${KEYS:-$($SANITIZED && echo 2000 || echo 10000)}
tui_start 120 40 -p 3 -t 3 -s 0.5 --seed 1
family=$(tui_family)

# '+' and '>' are drawn less often than '-' and '<', so the counts wander
# low instead of climbing to a thousand processes of a thousand threads.
# The keys of time (t, p, s, f, { } L , .) come often: the timeline and
# playback must take a storm too.
pool=(r R + - - = '<' '<' '>' , . , . ']' '[' '[' Space k u j h l '?' Up
	Down Left Right Escape Enter Tab BSpace F1 F5 F10 Home End PPage
	NPage IC DC a z x 0 9 '!' '#' '%' '~' '/' '"' "'" '(' '}' '|'
	t t p p s f f '{' '}' L Enter K K 1 5 9 W b g v m)
sizes=("120 40" "40 10" "10 4" "200 60" "1 1" "80 24" "33 7" "160 50")

# Keys are read in order: at a normal size, close any help, ask for the help
# and wait for it -- then every key before it was handled -- and close it.
help_shown() { tm_screen | grep -q '─ ptviz keys ─'; }
caught_up() {
	tm resize-window -t t -x 120 -y 40
	tm send-keys -t t Escape '?'
	WAIT_S=60 wait_until help_shown || { tm_screen >&2; fail "no answer after $sent keys"; }
	tm send-keys -t t Escape
	tm_wait_for '^ptviz — '
}
sent=0 burst=0
while [ $sent -lt "$keys" ]; do
	batch=()
	for _ in $(seq 1 100); do
		batch+=("${pool[RANDOM % ${#pool[@]}]}")
	done
	tm send-keys -t t "${batch[@]}" || fail "send-keys failed after $sent keys"
	sent=$((sent + 100))
	burst=$((burst + 1))
	read -r w h <<<"${sizes[burst % ${#sizes[@]}]}"
	tm resize-window -t t -x "$w" -y "$h" 2>/dev/null
	kill -0 "$MAIN" 2>/dev/null || { tm_screen >&2; fail "ptviz died after $sent keys"; }
	# Now and then let it catch up, so keys never pile up for minutes.
	[ $((sent % 1000)) -ne 0 ] || caught_up
done
caught_up
kids=$(descendants "$MAIN")
tm send-keys -t t q
# 1 if the run on the screen had a process killed with k, else 0.
WAIT_S=3 tm_wait_for '^\[exit [01]\]$'
WAIT_S=2 wait_until tui_all_gone $family $kids || fail "processes left behind"
[ -z "$(orphans)" ] || fail "orphans: $(orphans)"
wait_until test -s "$TMPD/stty.after" || fail "no stty -a after"
# The modes must be back; the size is the pane's, which the test changed.
nosize() { sed 's/rows [0-9]*; columns [0-9]*;//' "$1"; }
diff <(nosize "$TMPD/stty.before") <(nosize "$TMPD/stty.after") >&2 ||
	fail "the terminal was not restored"
echo "random keys: $sent keys, $burst resizes"
exit 0
