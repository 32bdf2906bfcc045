# Golden screens: the screens that do not depend on the scheduler -- the
# help, a finished replay of a checked-in recording in the grid and in the
# timeline, a scene's caption -- compared cell by cell, colours and all
# (in cells.py's canonical form), with the files in tests/golden/, as
# tmux's regress tests keep theirs.
# A change to the screen shows here as a diff; when it is meant,
# `make golden` (GOLDEN_UPDATE=1) writes the files anew, to be looked at
# and committed with the change.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

GOLDEN=tests/golden
DATA=tests/e2e/data
CLASSIC=$DATA/classic-5x3-seed183.jsonl
MUTEX=$DATA/mutex-3x3-seed5.jsonl
[ -n "${GOLDEN_UPDATE:-}" ] && mkdir -p "$GOLDEN"
bad=0

# The pane's cells now, with their colours, in cells.py's canonical form.
cells() {
	tm capture-pane -t t -e -p | /usr/bin/python3 tests/e2e/cells.py
}

# True once the pane shows the same cells twice, 0.3 s apart, and they
# match the ERE $1 somewhere: a screen at rest.
settled() {
	local a b
	a=$(cells)
	sleep 0.3
	b=$(cells)
	[ "$a" = "$b" ] && tm_screen | grep -Eq -- "$1"
}

# Compare (or write) golden screen $1: the pane at rest showing $2, lines
# $3 of it (a sed range; "1,$" for all).
check() {
	local name=$1 re=$2 range=$3 file=$GOLDEN/$1.txt
	wait_until settled "$re" || { tm_screen >&2; fail "$name: never at rest showing /$re/"; }
	cells | sed -n "${range}p" >"$TMPD/$name.txt"
	if [ -n "${GOLDEN_UPDATE:-}" ]; then
		cp "$TMPD/$name.txt" "$file"
		echo "wrote $file"
	elif [ ! -f "$file" ]; then
		echo "$name: no $file (make golden writes it)" >&2
		bad=$((bad + 1))
	elif ! cmp -s "$file" "$TMPD/$name.txt"; then
		echo "$name: the screen differs from $file (- golden, + now; make golden rewrites it):" >&2
		diff -u "$file" "$TMPD/$name.txt" | tail -n +3 | head -n 40 >&2
		bad=$((bad + 1))
	fi
}

# Start `ptviz ARGS` in a COLS x ROWS pane, as tui_start does, alone.
screen() {
	tm kill-server >/dev/null 2>&1
	# Until the old server has gone: a new one on its socket would not
	# start.
	WAIT_S=5 wait_until sh -c "! tmux -L '$TMUX_SOCK' ls" 2>/dev/null
	tui_start "$@"
}

screen 120 36 --replay "$CLASSIC"
tm send-keys -t t '}'
check replay-grid-120x36 '^elapsed .* finished' '1,$'
tm send-keys -t t t
check replay-timeline-120x36 '^elapsed .* finished' '1,$'
tm send-keys -t t t '?'
check help-120x36 'help' '1,$'

screen 80 24 --replay "$CLASSIC"
tm send-keys -t t '}'
check replay-grid-80x24 '^elapsed .* finished' '1,$'
tm send-keys -t t '?'
check help-80x24 'help' '1,$'

screen 120 36 --replay "$MUTEX"
tm send-keys -t t '}' t
check mutex-timeline-120x36 '^elapsed .* finished' '1,$'

# A scene's caption: its title line and the two lines under the header (the
# rest of a live run is the scheduler's).
screen 120 36 --scene 1
check scene-1-caption '▸' '4,5'
tm send-keys -t t q
tm_wait_for '^\[exit [0-9]+\]$'

[ $bad -eq 0 ] || fail "$bad screens differ from tests/golden/"
exit 0
