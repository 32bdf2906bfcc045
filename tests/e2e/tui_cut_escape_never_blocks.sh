# A cut-off escape sequence from the terminal (a mouse report missing its
# last bytes) never blocks ptviz in read(): SIGTERM still acts at once, and
# so do keys.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

for ending in term key; do
	# Seed 10: every thread sleeps 20 s or more.
	tui_start 100 30 -p 2 -t 2 -s 30 --seed 10
	# ESC [ M starts an X10 mouse report; its three bytes never come.
	tm send-keys -t t -H 1b 5b 4d
	sleep 0.3
	if [ $ending = term ]; then
		kill -TERM "$MAIN"
		WAIT_S=2 tm_wait_for '^\[exit 143\]$'
	else
		# The report's missing bytes may take the first keys that
		# come (they are read as its rest): q until it quits.
		quit=false
		for _ in 1 2 3 4 5; do
			tm send-keys -t t q
			WAIT_S=1 wait_until sh -c "tmux -L '$TMUX_SOCK' capture-pane -t t -p | grep -q '^\[exit 0\]$'" &&
				quit=true && break
		done
		$quit || { tm_screen >&2; fail "key: q never quit"; }
	fi
	grep -q 'icanon' "$TMPD/stty.after" || fail "$ending: terminal not restored"
	[ -z "$(orphans)" ] || fail "$ending: left behind: $(orphans)"
	tm kill-server
	sleep 0.2
done
exit 0
