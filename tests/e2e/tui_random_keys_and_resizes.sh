# KEYS (default 10 000) random key presses -- every binding but quit, plus
# letters, digits, escapes, function keys and arrows -- sent in bursts, with
# the pane resized between bursts to sizes from tiny to large.  ptviz never
# crashes or hangs, still answers, then quits cleanly: status 0, terminal
# restored, nothing left running.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

keys=${KEYS:-10000}
tui_start 120 40 -p 3 -t 3 -s 0.5 --seed 1
family=$(tui_family)

# '+' and '>' are drawn less often than '-' and '<', so the counts wander
# low instead of climbing to a thousand processes of a thousand threads.
pool=(r R + - - = '<' '<' '>' , . ']' '[' '[' Space k u j h l '?' Up Down
	Left Right Escape Enter Tab BSpace F1 F5 F10 Home End PPage NPage
	IC DC a z x 0 9 '!' '#' '%' '~' '/' '"' "'" '(' '}' '|')
sizes=("120 40" "40 10" "10 4" "200 60" "1 1" "80 24" "33 7" "160 50")
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
done
# Still answering: back to a normal size, close any help, and quit.
tm resize-window -t t -x 120 -y 40
tm send-keys -t t Escape
sleep 0.3
tm_wait_for '^ptviz — '
kids=$(descendants "$MAIN")
tm send-keys -t t q
WAIT_S=3 tm_wait_for '^\[exit 0\]$'
WAIT_S=2 wait_until tui_all_gone $family $kids || fail "processes left behind"
[ -z "$(orphans)" ] || fail "orphans: $(orphans)"
wait_until test -s "$TMPD/stty.after" || fail "no stty -a after"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "the terminal was not restored"
echo "random keys: $sent keys, $burst resizes"
exit 0
