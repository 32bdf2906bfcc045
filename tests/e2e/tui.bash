# tui.bash: helpers for the tests of the live screen (tui_*.sh), on top of
# lib.sh.  Sourced after it; not a test itself (run.sh runs *.sh only).

# Glyphs and text are matched as UTF-8 characters.
export LC_ALL=C.UTF-8

# A cell's glyph, one per thread cell whatever its state (the fill and the
# rank that follow it are not glyphs).
CELL_GLYPHS='[○⊓▶◔◑◕●‖✓✗!◆◌■⊘†]'

# Start ptviz with the arguments "$@" in a COLS x ROWS pane, wait for its
# header, and set MAIN to its pid.  The pane's terminal settings before
# ptviz ran go to $TMPD/stty.before (lib.sh writes stty.after).
tui_start() {
	local cols=$1 rows=$2
	shift 2
	tm_start "$cols" "$rows" "stty -a > $TMPD/stty.before; env TERM=tmux-256color LANG=C.UTF-8 $PTVIZ $*"
	tm_wait_for '^ptviz — '
	MAIN=$(ps -o pid=,args= --ppid "$(tm_pane_pid)" |
		awk -v p="$PTVIZ" '$2 == p { print $1 }')
	[ -n "$MAIN" ] || fail "no ptviz process in the pane"
}

# The grid row of Process-$1 as shown now.
tui_row() {
	tm_screen | grep -E "^.{2}Process-$1 " | head -n 1
}

# How many thread cells the row of Process-$1 shows.
tui_cells() {
	tui_row "$1" | grep -o "$CELL_GLYPHS" | wc -l
}

# True if the row of Process-$1 shows exactly $2 cells.
tui_row_has_cells() {
	[ "$(tui_cells "$1")" -eq "$2" ]
}

# The pids of ptviz and of every process it started, now.
tui_family() {
	echo "$MAIN"
	descendants "$MAIN"
}

# True once none of the pids "$@" exists any more.
tui_all_gone() {
	local p
	for p in "$@"; do
		[ ! -e "/proc/$p" ] || return 1
	done
}

# q: ptviz ends with exit status $1, and leaves nothing behind -- no
# process of its family, the terminal as it was before.
tui_quit_leaves_nothing() {
	local family
	family=$(tui_family)
	tm send-keys -t t q
	tm_wait_for "^\\[exit $1\\]\$"
	wait_until tui_all_gone $family || fail "left behind: $family"
	wait_until test -s "$TMPD/stty.after" || fail "no stty -a after"
	diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 ||
		fail "the terminal was not restored"
}

# The state letter (R, S, T, Z...) of pid $1 from /proc/PID/stat.
proc_state() {
	sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1
}

# The pane's program has ended and printed "[exit N]": echo N.
tui_exit_status() {
	tm_screen | sed -n 's/^\[exit \([0-9]*\)\]$/\1/p' | tail -n 1
}

# Travel to the start of the run shown ({), then step one event at a time
# (.) until command "${@:2}" succeeds; fail with $1 after 400 steps.  What
# lasts only a moment of the run is found in its history, not raced.
tui_step_until() {
	local why=$1 n=0
	shift
	tm send-keys -t t '{'
	tm_wait_for '^at [0-9.]+ s of [0-9.]+ s +· +event 0/'
	until "$@"; do
		tm send-keys -t t .
		sleep 0.05
		[ $((n += 1)) -lt 400 ] || { tm_screen >&2; fail "$why"; }
	done
}

# Step mode (--step, S): the header's step line counts the moves granted
# and the threads standing at their gates.  Wait until it says $1 moves
# and $2 threads at their gates.
tui_step_wait() {
	local s=s g='their gates'
	[ "$1" -eq 1 ] && s=
	[ "$2" -eq 1 ] && g='its gate'
	tm_wait_for "step mode: $1 move$s, $2 at $g "
}

# Send key $1 (Enter, a digit), wait for one more line of the log that is
# the extended regex $4 (the move's), then for the step line's $2 moves
# and $3 threads at their gates.  In that order: a thread granted a move
# is counted at its gate until its move's report comes, so only the count
# after the move's line says that every thread that can move again is
# back at its gate (a key sent earlier would find one still moving, and
# be refused).
tui_step() {
	local key=$1 moves=$2 at=$3 re=$4 before
	before=$(tui_log_count "$re")
	tm send-keys -t t "$key"
	_tui_logged() { [ "$(tui_log_count "$re")" -gt "$before" ]; }
	wait_until _tui_logged ||
		{ tm_screen >&2; fail "after $key, no new line /$re/ in the log"; }
	tui_step_wait "$moves" "$at"
}

# The extended regex $1 of a log line written with the long names
# ("Process-1 Thread-2: ...", ">thread Thread-2 in process Process-1
# done"), made to match their short forms too ("P1 T2: ...", ">thread P1
# T2 done"), which a narrow log writes.
tui_log_re() {
	sed -E -e 's/Process-([^ ]+) Thread-([^:]+):/(Process-\1 Thread-\2|P\1 T\2):/g' \
	    -e 's/>thread Thread-([^ ]+) in process Process-([^ ]+) done/>thread (Thread-\1 in process Process-\2|P\2 T\1) done/g' <<<"$1"
}

# Wait until the log shows a line whose text (after its time) is the
# extended regex $1 (tui_log_re), whole.
tui_log_wait() {
	tm_wait_for "^ +[0-9.]+ s  $(tui_log_re "$1")( |\$)"
}

# How many lines of the log are the extended regex $1 (tui_log_re), whole.
tui_log_count() {
	tm_screen | grep -cE "^ +[0-9.]+ s  $(tui_log_re "$1")( |\$)"
}

# The words that begin a thread's move in the log (src/text.c): a line
# "Process-N Thread-M: WORDS ..." of the log is a move.  A line of another
# kind (a thread come to its gate, say) is none.
TUI_MOVES='(reads|adds|writes|takes|waits for|lets go of|puts|sleeps|computes)'

# The code pane's lines (c) of code $1 (a regex of their texts): "COUNT
# TEXT", the mark of the selected thread first where it is.
tui_pane() {
	tm_screen | grep -oE "(▶ +| +)[0-9]+ ($1)\$"
}

# The code pane's line marked: its text.
tui_pane_mark() {
	tui_pane "$1" | sed -nE 's/^▶ +[0-9]+ //p'
}
