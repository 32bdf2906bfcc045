# K shows the kernel's state letter in every cell: S while the threads
# sleep in nanosleep, T once space has stopped them (SIGSTOP), S again after
# space; the details pane shows the selected thread's kernel state; K again
# brings ptviz's glyphs back.  Nothing in /proc is read while nothing shows
# it (PTVIZ_FRAME_LOG's third column), and a recording says it has no
# threads to ask about.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# The letters in the cells of Process-$1, one a cell ("SS"); none while
# the cells show glyphs.
letters() {
	tui_row "$1" | sed -E 's/^.{2}Process-[0-9]+ +[0-9]+ +[a-z]+ //' |
		grep -o '[A-Za-z?·-]' | tr -d '\n'
}
# True if every process row's cells show the letters $1.
rows_show() {
	[ "$(letters 1)" = "$1" ] && [ "$(letters 2)" = "$1" ]
}

# Seed 235811: every thread sleeps 10 s or more, so none ends by itself
# while the test runs.
export PTVIZ_FRAME_LOG=$TMPD/frames.live
tui_start 120 40 -p 2 -t 2 -s 30 --seed 235811
started() { [ "$(descendants "$MAIN" | wc -l)" -eq 2 ]; }
wait_until started || fail "the children did not start"
tm_wait_for 'joining'
# The details pane (on at 120 columns) reads the selected thread.
tm_wait_for 'kernel +S  sleeping$'
tm_wait_for 'wchan +[a-z_]+'
tm_wait_for 'switches +[0-9]+ voluntary'
[ "$(letters 1)" = "" ] || fail "cells show letters before K: $(tui_row 1)"

tm send-keys -t t K
WAIT_S=3 wait_until rows_show SS || { tm_screen >&2; fail "K: the cells do not show S"; }
tm_wait_for "cells: the kernel's letters"
tm_wait_for "cells show the kernel's state letters \(K: back\)"

tm send-keys -t t Space
WAIT_S=3 wait_until rows_show TT || { tm_screen >&2; fail "paused: the cells do not show T"; }
tm_wait_for 'kernel +T  stopped by a signal'
tm_wait_for '^elapsed .* stopped'

tm send-keys -t t Space
WAIT_S=3 wait_until rows_show SS || { tm_screen >&2; fail "resumed: the cells do not show S"; }
tm_wait_for 'kernel +S  sleeping$'

tm send-keys -t t K
glyphs_back() { tui_row_has_cells 1 2 && [ "$(letters 1)" = "" ]; }
WAIT_S=3 wait_until glyphs_back || { tm_screen >&2; fail "K again: the glyphs are not back"; }
tm_screen | grep -q "cells: the kernel's letters" && fail "the header still says letters"

# Quitting: the terminal back as it was, no process left.
family=$(tui_family)
tm send-keys -t t q
WAIT_S=2 tm_wait_for '^\[exit 0\]$'
WAIT_S=2 wait_until tui_all_gone $family || fail "left behind: $(ps -o pid=,args= -p "$(echo $family | tr ' ' ,)")"
wait_until test -s "$TMPD/stty.after" || fail "no stty -a after"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "the terminal was not restored"
awk '$3 > 0 { n++ } END { exit n < 3 }' "$TMPD/frames.live" ||
	fail "the kernel view read nothing"
tm kill-server

# No details pane (70 columns) and no K: not one file of /proc is read, not
# while the run goes nor once it has ended.
export PTVIZ_FRAME_LOG=$TMPD/frames.none
tui_start 70 30 -p 2 -t 2 -s 0.5 --seed 7
tm_wait_for 'finished'
sleep 0.3
tm send-keys -t t q
WAIT_S=2 tm_wait_for '^\[exit 0\]$'
[ "$(wc -l <"$TMPD/frames.none")" -ge 3 ] || fail "too few frames logged"
awk 'NF != 3 || $3 != 0 { bad = 1 } END { exit bad }' "$TMPD/frames.none" ||
	fail "/proc was read with nothing to show: $(awk '$3 != 0' "$TMPD/frames.none" | head -n 3)"
tm kill-server

# A CPU-bound thread is R (running or runnable) in the kernel's letters
# and in the details; its process is killed at the end, never left.
tui_start 120 40 -p 1 -t 1 -s 30 --seed 7 -w cpu
tm_wait_for '◆'
tm send-keys -t t K
tm_wait_for "cells: the kernel's letters"
tm_wait_for '^  Process-1 +[0-9]+ joining +.R'
tm_wait_for 'kernel +R  running'
family=$(tui_family)
tm send-keys -t t q
WAIT_S=2 tm_wait_for '^\[exit 0\]$'
WAIT_S=2 wait_until tui_all_gone $family || fail "the computing child was left"
tm kill-server

# A recording has no threads to ask the kernel about.
unset PTVIZ_FRAME_LOG
"$PTVIZ" --json -p 1 -t 1 -s 0 --seed 7 >"$TMPD/rec.jsonl" || fail "--json failed"
tui_start 120 40 --replay "$TMPD/rec.jsonl"
tm_wait_for 'kernel +— \(a recording\)'
tm send-keys -t t K
tm_wait_for 'kernel letters: a recording has no threads'
tm send-keys -t t q
WAIT_S=2 tm_wait_for '^\[exit 0\]$'
exit 0
