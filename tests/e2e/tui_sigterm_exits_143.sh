# SIGTERM to ptviz on its screen: curses is left, the children are killed
# and reaped, the terminal is restored, and the status is 143.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 5 -t 3 -s 30 --seed 7
started() { [ "$(descendants "$MAIN" | wc -l)" -eq 5 ]; }
wait_until started || fail "the children did not start"
family=$(tui_family)
kill -TERM "$MAIN"
WAIT_S=2 tm_wait_for '^\[exit 143\]$'
WAIT_S=2 wait_until tui_all_gone $family || fail "processes left behind"
wait_until test -s "$TMPD/stty.after" || fail "no stty -a after"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "the terminal was not restored"
exit 0
