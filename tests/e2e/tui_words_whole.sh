# No word on the screen is cut, at a projector's 120 x 36 and a laptop's
# 80 x 24: every scene's caption shows whole, wrapped onto the rows it
# needs; the header's notes (the deadlock's banner, the note after k) wrap
# too; the log's lines and the details' values are words the program
# writes -- short names (P1 T2), or fewer words and an ellipsis; and the
# help holds every key and the legend, in pages where the screen is short
# (words_whole.py says what "whole" is checked as).
. tests/e2e/lib.sh
. tests/e2e/tui.bash

CHECK="/usr/bin/python3 tests/e2e/words_whole.py"
scenes=$("$PTVIZ" --scenes) || fail "--scenes failed"

# The caption of scene $1: the lines after its command in --scenes.
scene_text() {
	echo "$scenes" | awk -v n="$1" '
		/^[0-9]+  / { k = $1 + 0; i = 0; next }
		k == n { i++; if (i == 2 || i == 3) print }'
}

# The screen now is whole ($1 names it; $2, a scene's caption file).
whole() {
	tm_screen >"$TMPD/screen"
	$CHECK screen "$PTVIZ" "$TMPD/screen" ${2:+"$2"} >"$TMPD/faults" ||
		{ cat "$TMPD/screen" >&2; fail "$1: $(cat "$TMPD/faults")"; }
}

# The header's notes, below its two lines and above a caption, joined.
notes() {
	tm_screen | awk 'NR >= 3 {
		if (/^Scene [0-9]+ ▸ / || /^  process /) exit
		print }' | tr '\n' ' ' | tr -s ' '
}

# The notes hold the text matching the ERE $2 whole ($1 names it).
note_whole() {
	notes | grep -Eq -- "$2" ||
		{ tm_screen >&2; fail "$1: no /$2/ in the notes: $(notes)"; }
}

# True once the log shows a line.
log_has_line() {
	tm_screen | grep -Eq '^ +[0-9]+\.[0-9]{3} s  '
}

# Start `ptviz ARGS` in a COLS x ROWS pane, alone.
screen() {
	tm kill-server >/dev/null 2>&1
	WAIT_S=5 wait_until sh -c "! tmux -L '$TMUX_SOCK' ls" 2>/dev/null
	tui_start "$@"
}

# The help's pages at COLS x ROWS, one after another, into file $3.
help_pages() {
	local page
	screen "$1" "$2" --scene 1
	tm send-keys -t t '?'
	tm_wait_for 'ptviz keys'
	# The box's foot: the page is drawn whole.
	tm_wait_for 'key closes'
	: >"$3"
	for page in 2 3 4 5 6 7 8 9; do
		tm_screen >>"$3"
		tm_screen | grep -q 'space or PgDn for more' || return 0
		tm send-keys -t t ' '
		tm_wait_for "page $page/"
	done
	fail "the help at $1x$2 has more than 8 pages"
}

for size in "120 36" "80 24"; do
	set -- $size
	at="at ${1}x$2"
	screen "$1" "$2" --scene 1
	for k in 1 2 3 4 5 6 7 8 9 0; do
		n=$k
		[ "$k" = 0 ] && n=10
		tm send-keys -t t "$k"
		tm_wait_for "^Scene $n ▸ "
		# Lines in the log, where the run writes some soon (the
		# deadlock's never does).
		[ "$n" = 9 ] || WAIT_S=15 wait_until log_has_line ||
			fail "scene $n $at: no line in the log"
		scene_text "$n" >"$TMPD/scene"
		whole "scene $n $at" "$TMPD/scene"
	done
	# The deadlock's banner beside the note of the key, and the note and
	# the log's line after k: whole, however long.
	tm send-keys -t t 9
	tm_wait_for '^Scene 9 ▸ '
	WAIT_S=15 tm_wait_for '^deadlock in '
	scene_text 9 >"$TMPD/scene"
	whole "the deadlock's banner $at" "$TMPD/scene"
	banner='deadlock in Process-[0-9]+: Thread-[0-9]+ waits for .*'
	note_whole "the deadlock's banner $at" "$banner: k on it kills it"
	note_whole "the note of 9 $at" \
	    "scene 9: $(echo "$scenes" | sed -n 's/^9  //p')"
	tm send-keys -t t k
	tm_wait_for '^ +[0-9.]+ s  .*killed'
	whole "after k $at" "$TMPD/scene"
	note_whole "the note of k $at" 'killed Process-[0-9]+ \(pid [0-9]+\)'
	family=$(tui_family)
	tm send-keys -t t q
	tm_wait_for '^\[exit [01]\]$'
	WAIT_S=5 wait_until tui_all_gone $family || fail "left behind: $family"
done

# The help: all of it on a screen that holds it, the same words in pages
# on a short one -- every key, the legend, every figure.
help_pages 200 70 "$TMPD/help-wide"
grep -q 'any key closes' "$TMPD/help-wide" ||
	fail "the help does not fit at 200x70"
for size in "120 36" "80 24"; do
	set -- $size
	help_pages "$1" "$2" "$TMPD/help-$1"
	grep -q 'page 1/' "$TMPD/help-$1" ||
		fail "the help at $1x$2 has no pages"
	$CHECK same "$TMPD/help-wide" "$TMPD/help-$1" >"$TMPD/faults" ||
		fail "the help at $1x$2: $(cat "$TMPD/faults")"
done
exit 0
